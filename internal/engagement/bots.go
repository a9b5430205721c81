package engagement

import "strings"

// A tracked link (GET /r/{code}) is requested by more than people: mail
// and chat apps fetch it for a preview, security gateways scan every link
// of an e-mail before (and after) delivery, browsers prefetch it, search
// engines crawl it, scripts probe it. Those requests are still redirected
// (a person behind a scanner must get through) but not counted as clicks:
// the counts partners are paid on must be counts people can trust.
//
// automatedAgents are lower-case fragments of the User-Agent of such
// clients: generic words crawlers use, link-preview and link-scanning
// services, and HTTP libraries (a person follows a link with a browser).
// The offer widget skips the first group in the browser as well
// (site/offer.js).
var automatedAgents = []string{
	// generic: crawlers, previews, headless browsers
	"bot", "crawl", "spider", "slurp", "preview", "headless", "scan", "fetch", "monitor",
	// link previews of social, chat and mail apps
	"facebookexternalhit", "facebookcatalog", "embedly", "whatsapp", "skypeuripreview", "vkshare",
	"redditbot", "bitlybot", "outbrain", "nuzzel", "qwantify", // (in-app browsers of Pinterest, Tumblr... are people)
	// link scanners of mail and security gateways
	"safelinks", "proofpoint", "mimecast", "barracuda", "symantec", "trendmicro", "forcepoint",
	"urldefense", "virustotal", "urlscan", "phishtank", "netcraft", "zscaler", "sophos",
	// HTTP libraries and command-line tools
	"curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "go-http-client", "java/",
	"okhttp", "apache-httpclient", "libwww-perl", "node-fetch", "axios/", "httpie", "postman",
	"scrapy", "lighthouse", "pagespeed", "gtmetrix", "pingdom", "uptime",
}

// AutomatedAgent reports whether a User-Agent belongs to a client that is
// not a person: empty (every browser sends one), or naming a crawler, a
// link-preview or link-scanning service, or an HTTP library.
func AutomatedAgent(userAgent string) bool {
	ua := strings.ToLower(strings.TrimSpace(userAgent))
	if ua == "" {
		return true
	}
	for _, frag := range automatedAgents {
		if strings.Contains(ua, frag) {
			return true
		}
	}
	return false
}

// Speculative reports whether a request's purpose header (Sec-Purpose,
// Purpose, X-Purpose or X-Moz) says it is a prefetch, prerender or
// preview: the browser fetched the link without the person following it.
func Speculative(purpose string) bool {
	p := strings.ToLower(purpose)
	return strings.Contains(p, "prefetch") || strings.Contains(p, "prerender") || strings.Contains(p, "preview")
}
