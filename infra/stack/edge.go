package stack

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// edgeFunctionCode is the CloudFront Function (cloudfront-js-2.0) run on
// every viewer request for static files. It does two things S3 behind
// origin access control cannot:
//   - a path ending in "/" gets "index.html" (S3's REST endpoint has no
//     directory index);
//   - a request for a file with a precompressed twin is rewritten to the
//     brotli or gzip twin when the browser accepts it. CloudFront does not
//     compress application/wasm itself, and brotli at build time is ~24%
//     smaller than gzip. The twin is stored with the original Content-Type
//     and its Content-Encoding, and the rewritten path is the cache key,
//     so a browser that accepts only gzip never gets brotli.
//
// %s is replaced by the JSON map from Precompressed.
const edgeFunctionCode = `var precompressed = %s;

function accepts(header, coding) {
  var parts = header.split(',');
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i].trim().split(';');
    if (p[0].trim().toLowerCase() !== coding) continue;
    for (var j = 1; j < p.length; j++) {
      var q = p[j].trim();
      if (q.indexOf('q=') === 0 && parseFloat(q.substring(2)) === 0) return false;
    }
    return true;
  }
  return false;
}

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    request.uri = uri + 'index.html';
    return request;
  }
  var twins = precompressed[uri];
  if (twins) {
    var h = request.headers['accept-encoding'];
    var ae = h ? h.value : '';
    if (twins.br && accepts(ae, 'br')) {
      request.uri = uri + '.br';
    } else if (twins.gz && accepts(ae, 'gzip')) {
      request.uri = uri + '.gz';
    }
  }
  return request;
}
`

// EdgeFunctionCode returns the function's source for the given twins.
func EdgeFunctionCode(twins map[string]Twins) (string, error) {
	if twins == nil {
		twins = map[string]Twins{}
	}
	b, err := json.Marshal(twins) // map keys are sorted: stable output
	if err != nil {
		return "", fmt.Errorf("encode precompressed files: %w", err)
	}
	return fmt.Sprintf(edgeFunctionCode, b), nil
}

// ViewerAddressFunctionCode is the CloudFront Function (cloudfront-js-2.0)
// run on every viewer request to the API. It writes the viewer's IP
// address into routes.ViewerAddressHeader, replacing whatever the client
// sent, so the API can log who called it: API Gateway only sees the edge's
// address. CloudFront's own CloudFront-Viewer-Address header cannot be
// used: an origin request policy forwards CloudFront-* headers only with
// the viewer's Host header (which breaks API Gateway's execute-api
// endpoint) or in an allow-list, which cannot hold Authorization.
func ViewerAddressFunctionCode() string {
	return fmt.Sprintf(`function handler(event) {
  var request = event.request;
  request.headers[%q] = { value: event.viewer.ip };
  return request;
}
`, strings.ToLower(routes.ViewerAddressHeader))
}
