package stack

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfront"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscloudfrontorigins"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3deployment"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/sweetspot/sweetspot/internal/routes"
)

// Edge cache lifetimes of static files. The origin's Cache-Control (see
// CacheShort, CacheImmutable) decides within these bounds.
const (
	staticDefaultTTLHours = 24
	staticMaxTTLDays      = 365
	// hstsMaxAgeDays is the Strict-Transport-Security max-age (two years,
	// the preload list's expectation).
	hstsMaxAgeDays = 730
	// staticCORSMaxAgeHours is how long a browser may cache the widget's
	// CORS preflight answers.
	staticCORSMaxAgeHours = 24
	// uploadMemoryMB is the memory of CDK's upload function: it unzips the
	// asset (the wasm is a few MB) before syncing it.
	uploadMemoryMB = 512
)

// Site is the bucket, the distribution in front of it (and of the API),
// and the uploads of site/ and build/widget.
type Site struct {
	Bucket       awss3.Bucket
	Distribution awscloudfront.Distribution
	EdgeFunction awscloudfront.Function
	// ViewerAddressFunction runs on API requests (ViewerAddressFunctionCode).
	ViewerAddressFunction awscloudfront.Function
	// Uploads are the BucketDeployments, one per set of headers.
	Uploads []awss3deployment.BucketDeployment
	// Invalidation is the one CloudFront invalidation, after all uploads.
	Invalidation awss3deployment.BucketDeployment
	// APIPathPatterns are the behaviors that forward to the API.
	APIPathPatterns []string
}

// newSite builds the bucket, the distribution and the uploads; edgeCode is
// the viewer-request function's source (EdgeFunctionCode).
func newSite(scope constructs.Construct, p Props, api *API, origin *OriginSecret, sources []staticSource, edgeCode string) *Site {
	names := policyNames(scope, p.Stage)
	s := &Site{}
	s.Bucket = awss3.NewBucket(scope, jsii.String("SiteBucket"), &awss3.BucketProps{
		BlockPublicAccess: awss3.BlockPublicAccess_BLOCK_ALL(),
		EnforceSSL:        jsii.Bool(true),
		Encryption:        awss3.BucketEncryption_S3_MANAGED,
		ObjectOwnership:   awss3.ObjectOwnership_BUCKET_OWNER_ENFORCED,
		RemovalPolicy:     removal(p.Stage),
		// Dev empties the bucket on `cdk destroy`; prod keeps it.
		AutoDeleteObjects: jsii.Bool(!p.Stage.Retain),
	})

	s.EdgeFunction = awscloudfront.NewFunction(scope, jsii.String("StaticRewrite"), &awscloudfront.FunctionProps{
		FunctionName: names("static-rewrite"),
		Code:         awscloudfront.FunctionCode_FromInline(jsii.String(edgeCode)),
		Runtime:      awscloudfront.FunctionRuntime_JS_2_0(),
		Comment:      jsii.String("directory index and precompressed twins (brotli, gzip)"),
	})

	staticCache := awscloudfront.NewCachePolicy(scope, jsii.String("StaticCache"), &awscloudfront.CachePolicyProps{
		CachePolicyName:            names("static-cache"),
		Comment:                    jsii.String("Sweetspot static files: Cache-Control from the object, compressed variants"),
		MinTtl:                     awscdk.Duration_Seconds(jsii.Number(0)),
		DefaultTtl:                 awscdk.Duration_Hours(jsii.Number(staticDefaultTTLHours)),
		MaxTtl:                     awscdk.Duration_Days(jsii.Number(staticMaxTTLDays)),
		EnableAcceptEncodingBrotli: jsii.Bool(true),
		EnableAcceptEncodingGzip:   jsii.Bool(true),
		QueryStringBehavior:        awscloudfront.CacheQueryStringBehavior_None(),
		HeaderBehavior:             awscloudfront.CacheHeaderBehavior_None(),
		CookieBehavior:             awscloudfront.CacheCookieBehavior_None(),
	})

	security := &awscloudfront.ResponseSecurityHeadersBehavior{
		ContentSecurityPolicy: &awscloudfront.ResponseHeadersContentSecurityPolicy{
			ContentSecurityPolicy: jsii.String(ContentSecurityPolicy), Override: jsii.Bool(true),
		},
		ContentTypeOptions: &awscloudfront.ResponseHeadersContentTypeOptions{Override: jsii.Bool(true)},
		FrameOptions: &awscloudfront.ResponseHeadersFrameOptions{
			FrameOption: awscloudfront.HeadersFrameOption_SAMEORIGIN, Override: jsii.Bool(true),
		},
		ReferrerPolicy: &awscloudfront.ResponseHeadersReferrerPolicy{
			ReferrerPolicy: awscloudfront.HeadersReferrerPolicy_STRICT_ORIGIN_WHEN_CROSS_ORIGIN, Override: jsii.Bool(true),
		},
		StrictTransportSecurity: &awscloudfront.ResponseHeadersStrictTransportSecurity{
			AccessControlMaxAge: awscdk.Duration_Days(jsii.Number(hstsMaxAgeDays)),
			IncludeSubdomains:   jsii.Bool(true),
			Override:            jsii.Bool(true),
		},
	}
	// Static files are public and made to be embedded on other sites (the
	// loader, the wasm, wasm_exec.js): any origin may read them. CORS is
	// not a guard here; the API's own CORS and the ingest key's allowed
	// origins are.
	staticHeaders := awscloudfront.NewResponseHeadersPolicy(scope, jsii.String("StaticHeaders"), &awscloudfront.ResponseHeadersPolicyProps{
		ResponseHeadersPolicyName: names("static-headers"),
		Comment:                   jsii.String("Sweetspot static files: security headers, CORS for embedding"),
		SecurityHeadersBehavior:   security,
		CorsBehavior: &awscloudfront.ResponseHeadersCorsBehavior{
			AccessControlAllowCredentials: jsii.Bool(false),
			AccessControlAllowHeaders:     jsii.Strings("*"),
			AccessControlAllowMethods:     jsii.Strings("GET", "HEAD", "OPTIONS"),
			AccessControlAllowOrigins:     jsii.Strings("*"),
			AccessControlMaxAge:           awscdk.Duration_Hours(jsii.Number(staticCORSMaxAgeHours)),
			OriginOverride:                jsii.Bool(true),
		},
	})
	// The API answers CORS itself (API Gateway's CorsPreflight): this
	// policy adds security headers only.
	apiHeaders := awscloudfront.NewResponseHeadersPolicy(scope, jsii.String("ApiHeaders"), &awscloudfront.ResponseHeadersPolicyProps{
		ResponseHeadersPolicyName: names("api-headers"),
		Comment:                   jsii.String("Sweetspot API through CloudFront: security headers"),
		SecurityHeadersBehavior:   security,
	})

	staticBehavior := &awscloudfront.BehaviorOptions{
		// LIST lets S3 answer 404 for a missing file; with READ alone it
		// answers 403, which says "forbidden" about a typo.
		Origin: awscloudfrontorigins.S3BucketOrigin_WithOriginAccessControl(s.Bucket, &awscloudfrontorigins.S3BucketOriginWithOACProps{
			OriginAccessLevels: &[]awscloudfront.AccessLevel{awscloudfront.AccessLevel_READ, awscloudfront.AccessLevel_LIST},
		}),
		ViewerProtocolPolicy:  awscloudfront.ViewerProtocolPolicy_REDIRECT_TO_HTTPS,
		AllowedMethods:        awscloudfront.AllowedMethods_ALLOW_GET_HEAD_OPTIONS(),
		CachedMethods:         awscloudfront.CachedMethods_CACHE_GET_HEAD_OPTIONS(),
		Compress:              jsii.Bool(true),
		CachePolicy:           staticCache,
		ResponseHeadersPolicy: staticHeaders,
		FunctionAssociations: &[]*awscloudfront.FunctionAssociation{{
			Function: s.EdgeFunction, EventType: awscloudfront.FunctionEventType_VIEWER_REQUEST,
		}},
	}

	// The API is also served by the distribution, so the site, the widget
	// and the API share one origin exactly as under `sweetspot serve`:
	// the widget finds the API at its own origin.
	apiDomain := awscdk.Fn_Select(jsii.Number(2), awscdk.Fn_Split(jsii.String("/"), api.HttpApi.ApiEndpoint(), nil))
	apiOrigin := awscloudfrontorigins.NewHttpOrigin(apiDomain, &awscloudfrontorigins.HttpOriginProps{
		ProtocolPolicy:     awscloudfront.OriginProtocolPolicy_HTTPS_ONLY,
		OriginSslProtocols: &[]awscloudfront.OriginSslPolicy{awscloudfront.OriginSslPolicy_TLS_V1_2},
		// The function refuses requests without it: see OriginSecret.
		CustomHeaders: &map[string]*string{routes.OriginVerifyHeader: origin.Current},
	})
	s.ViewerAddressFunction = awscloudfront.NewFunction(scope, jsii.String("ViewerAddress"), &awscloudfront.FunctionProps{
		FunctionName: names("viewer-address"),
		Code:         awscloudfront.FunctionCode_FromInline(jsii.String(ViewerAddressFunctionCode())),
		Runtime:      awscloudfront.FunctionRuntime_JS_2_0(),
		Comment:      jsii.String("the viewer's address for the API's request log"),
	})
	apiBehavior := func(protocol awscloudfront.ViewerProtocolPolicy) *awscloudfront.BehaviorOptions {
		return &awscloudfront.BehaviorOptions{
			Origin:               apiOrigin,
			ViewerProtocolPolicy: protocol,
			AllowedMethods:       awscloudfront.AllowedMethods_ALLOW_ALL(),
			Compress:             jsii.Bool(true),
			// Caching disabled lets the all-viewer policy forward Authorization;
			// API Gateway needs its own Host header, hence "except host".
			CachePolicy:           awscloudfront.CachePolicy_CACHING_DISABLED(),
			OriginRequestPolicy:   awscloudfront.OriginRequestPolicy_ALL_VIEWER_EXCEPT_HOST_HEADER(),
			ResponseHeadersPolicy: apiHeaders,
			FunctionAssociations: &[]*awscloudfront.FunctionAssociation{{
				Function: s.ViewerAddressFunction, EventType: awscloudfront.FunctionEventType_VIEWER_REQUEST,
			}},
		}
	}
	additional := map[string]*awscloudfront.BehaviorOptions{}
	s.APIPathPatterns = APIPathPatterns(routes.All())
	for _, pat := range s.APIPathPatterns {
		// The API refuses plain http: a key sent in clear must fail, not
		// be redirected (the redirect would come after the leak). A
		// tracked link (/r/) carries no secret and is printed, pasted and
		// typed, so http:// gets a redirect instead.
		protocol := awscloudfront.ViewerProtocolPolicy_HTTPS_ONLY
		if !strings.HasPrefix(pat, APIPathPrefix) {
			protocol = awscloudfront.ViewerProtocolPolicy_REDIRECT_TO_HTTPS
		}
		additional[pat] = apiBehavior(protocol)
	}

	s.Distribution = awscloudfront.NewDistribution(scope, jsii.String("Distribution"), &awscloudfront.DistributionProps{
		Comment:             jsii.String("Sweetspot " + p.Stage.Name + ": site, widget and API"),
		DefaultBehavior:     staticBehavior,
		AdditionalBehaviors: &additional,
		DefaultRootObject:   jsii.String("index.html"),
		HttpVersion:         awscloudfront.HttpVersion_HTTP2_AND_3,
		EnableIpv6:          jsii.Bool(true),
		// North America and Europe edges only: the cheapest class; others
		// are still served, from the nearest of those edges.
		PriceClass: awscloudfront.PriceClass_PRICE_CLASS_100,
		WebAclId:   p.WebACLArn,
	})
	// LIST would let a request for the bare root list the bucket, were
	// there no root object: there is (index.html), the edge function maps
	// every "/folder/" to its index.html, and the static cache policy
	// forwards no query string (no ?list-type=2) to S3.
	awscdk.Annotations_Of(s.Distribution).AcknowledgeWarning(jsii.String("@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk"),
		jsii.String("defaultRootObject is index.html, folders map to index.html, no query string reaches S3"))
	// The function must accept a rotated origin secret before any edge
	// sends it: CloudFormation updates the function first.
	s.Distribution.Node().AddDependency(api.Function)

	var invalidate []string
	for _, src := range sources {
		uploads, paths := s.upload(scope, src)
		s.Uploads = append(s.Uploads, uploads...)
		invalidate = append(invalidate, paths...)
		for _, f := range src.Files {
			if f.ContentType == defaultContentType {
				awscdk.Annotations_Of(s.Bucket).AddWarningV2(jsii.String("sweetspot:unknown-content-type"),
					jsii.String(fmt.Sprintf("%s: no Content-Type known for its extension, served as %s; add it to contentTypeOfExt in infra/stack/files.go",
						f.Key, defaultContentType)))
			}
		}
	}
	// Every BucketDeployment declares its own AWS CLI layer, but they share
	// one upload function, which uses only the first one's: the others
	// would be published (a Lambda layer version each) and never used.
	for _, u := range s.Uploads[min(1, len(s.Uploads)):] {
		u.Node().TryRemoveChild(jsii.String("AwsCliLayer"))
	}
	s.Invalidation = s.invalidation(scope, sources, invalidate)
	return s
}

// invalidation is the deploy's one CloudFront invalidation, after every
// upload. Each upload invalidating its own paths meant a dozen
// invalidations in flight at once, each waited for: a known source of
// throttling and of rolled-back deploys.
//
// It is a BucketDeployment that copies nothing (exclude everything, no
// prune) but lists every source folder: its asset hashes change whenever
// any file does, so it runs, and invalidates, exactly when an upload may
// have changed something. Content-hashed files are never invalidated: a
// new content is a new name.
func (s *Site) invalidation(scope constructs.Construct, sources []staticSource, paths []string) awss3deployment.BucketDeployment {
	var srcs []awss3deployment.ISource
	seen := map[string]bool{}
	for _, src := range sources {
		if !seen[src.Dir] {
			seen[src.Dir] = true
			srcs = append(srcs, awss3deployment.Source_Asset(jsii.String(src.Dir), nil))
		}
	}
	sort.Strings(paths)
	if len(paths) > maxInvalidationPaths {
		paths = []string{"/*"}
	}
	d := awss3deployment.NewBucketDeployment(scope, jsii.String("Invalidation"), &awss3deployment.BucketDeploymentProps{
		Sources:           &srcs,
		DestinationBucket: s.Bucket,
		Exclude:           jsii.Strings("*"),
		Prune:             jsii.Bool(false),
		Distribution:      s.Distribution,
		DistributionPaths: jsii.Strings(paths...),
		MemoryLimit:       jsii.Number(uploadMemoryMB),
	})
	d.Node().TryRemoveChild(jsii.String("AwsCliLayer"))
	for _, u := range s.Uploads {
		d.Node().AddDependency(u)
	}
	return d
}

// maxInvalidationPaths: beyond this many paths one wildcard is cheaper
// (the first 1,000 paths a month are free; a wildcard counts as one) and
// stays far from CloudFront's 3,000 paths in flight.
const maxInvalidationPaths = 100

// ContentSecurityPolicy is sent with every static file (the site, the
// editor and demo pages, the console). It allows the site's own files
// and, for the editor widget, WebAssembly compilation ('wasm-unsafe-eval'),
// and nothing more: no inline or eval'd script, no inline style (the
// widget's panel adopts a constructed stylesheet, which style-src does not
// govern), no other origin, no framing by other sites (the admin key of
// the console lives in its sessionStorage).
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'"

// APIPathPrefix is the first path segment of the JSON API (as opposed to
// the tracked-link redirects under /r/).
const APIPathPrefix = "/v1/"

// policyNames names the stage's CloudFront policies and functions.
// CloudFront names are global to the account, so the name carries the
// stage and the main stack's region: the same stage deployed in two
// regions does not collide.
func policyNames(scope constructs.Construct, stage StageConfig) func(string) *string {
	region := *awscdk.Stack_Of(scope).Region()
	return func(what string) *string {
		return jsii.String("sweetspot-" + stage.Name + "-" + region + "-" + what)
	}
}

// APIPathPatterns returns one CloudFront path pattern per first path
// segment of the routes ("/v1/*", "/r/*"), sorted.
func APIPathPatterns(rs []routes.Route) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rs {
		seg := strings.SplitN(strings.TrimPrefix(r.Path, "/"), "/", 2)[0]
		pat := "/" + seg + "/*"
		if !seen[pat] {
			seen[pat] = true
			out = append(out, pat)
		}
	}
	sort.Strings(out)
	return out
}

var nonAlnum = regexp.MustCompile(`[^A-Za-z0-9]+`)

// upload adds one BucketDeployment per set of headers. Each selects its
// files exactly (exclude everything, include each file), so their prunes
// never delete each other's files. It returns them and the paths to
// invalidate after they ran (not the content-hashed ones).
func (s *Site) upload(scope constructs.Construct, src staticSource) ([]awss3deployment.BucketDeployment, []string) {
	name, dir, prefix := src.Name, src.Dir, src.Prefix
	var out []awss3deployment.BucketDeployment
	var paths []string
	for _, g := range groupUploads(src.Files) {
		include := make([]*string, 0, len(g.Files))
		for _, f := range g.Files {
			include = append(include, jsii.String(f.Rel))
			if g.CacheControl == CacheImmutable {
				continue
			}
			paths = append(paths, "/"+f.Key)
			if path.Base(f.Key) == "index.html" {
				paths = append(paths, "/"+strings.TrimSuffix(f.Key, "index.html"))
			}
		}
		id := name + camel(g.ContentType+" "+g.ContentEncoding+" "+cacheClass(g.CacheControl))
		props := &awss3deployment.BucketDeploymentProps{
			Sources:           &[]awss3deployment.ISource{awss3deployment.Source_Asset(jsii.String(dir), nil)},
			DestinationBucket: s.Bucket,
			Exclude:           jsii.Strings("*"),
			Include:           &include,
			Prune:             jsii.Bool(true),
			ContentType:       jsii.String(g.ContentType),
			CacheControl:      &[]awss3deployment.CacheControl{awss3deployment.CacheControl_FromString(jsii.String(g.CacheControl))},
			MemoryLimit:       jsii.Number(uploadMemoryMB),
		}
		if prefix != "" {
			props.DestinationKeyPrefix = jsii.String(prefix)
		}
		if g.ContentEncoding != "" {
			props.ContentEncoding = jsii.String(g.ContentEncoding)
		}
		out = append(out, awss3deployment.NewBucketDeployment(scope, jsii.String(id), props))
	}
	return out, paths
}

// camel turns "text/html; charset=utf-8 br short" into
// "TextHtmlCharsetUtf8BrShort": a readable, stable construct id.
func camel(s string) string {
	var b strings.Builder
	for _, w := range nonAlnum.Split(s, -1) {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

// cacheClass names a Cache-Control value in construct ids.
func cacheClass(cc string) string {
	if cc == CacheImmutable {
		return "immutable"
	}
	return "short"
}
