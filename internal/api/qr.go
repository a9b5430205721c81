package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"rsc.io/qr"

	"github.com/sweetspot/sweetspot/internal/domain"
)

// qrQuietZone is the blank border the QR specification asks for, in modules.
const qrQuietZone = 4

// linkQR answers a tracked link's QR code as SVG (issue 13). The link's
// public address depends on where the site is served (CloudFront's domain
// in AWS), which the API cannot see behind API Gateway, so the console
// sends it as ?url=; it must be an http(s) address whose path is this
// link's /r/{code}, with at most the utm_ parameters in its query, so the
// route draws only this link.
func (a *API) linkQR(w http.ResponseWriter, r *http.Request, p *Principal) error {
	code := r.PathValue("code")
	if !domain.ValidLinkCode(code) {
		return domain.Errorf(domain.NotFound, "", "no such tracked link")
	}
	if _, err := a.store.GetLink(r.Context(), p.WorkspaceID, code); err != nil {
		return err
	}
	raw := r.URL.Query().Get("url")
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "/r/"+code || u.Fragment != "" || len(raw) > domain.MaxURLLen {
		return domain.Errorf(domain.Invalid, "url", "must be this link's address, http(s)://<site>/r/%s", code)
	}
	for k := range u.Query() {
		if !strings.HasPrefix(k, "utm_") {
			return domain.Errorf(domain.Invalid, "url", "only utm_ parameters may follow the link's address")
		}
	}
	c, err := qr.Encode(raw, qr.M)
	if err != nil {
		return domain.Errorf(domain.Invalid, "url", "too long for a QR code")
	}
	n := c.Size + 2*qrQuietZone
	var path strings.Builder
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; x++ {
			if c.Black(x, y) {
				fmt.Fprintf(&path, "M%d %dh1v1h-1z", x+qrQuietZone, y+qrQuietZone)
			}
		}
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Content-Disposition", `inline; filename="sweetspot-`+code+`.svg"`)
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img"><title>QR code of %s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		n, n, xmlEscape(raw), n, n, path.String())
	return nil
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
