package engagement

import "testing"

func TestAutomatedAgent(t *testing.T) {
	cases := []struct {
		ua   string
		want bool
	}{
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", false},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", false},
		{"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", false},
		{"", true},
		{"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true},
		{"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", true},
		{"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true},
		{"Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", true},
		{"LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)", true},
		{"WhatsApp/2.23.20.0", true},
		{"TelegramBot (like TwitterBot)", true},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36", true},
		{"Mozilla/5.0 (compatible; Proofpoint URL Defense)", true},
		{"curl/8.5.0", true},
		{"Go-http-client/1.1", true},
		{"python-requests/2.32.3", true},
	}
	for _, c := range cases {
		t.Run(c.ua, func(t *testing.T) {
			if got := AutomatedAgent(c.ua); got != c.want {
				t.Fatalf("AutomatedAgent = %v, want %v", got, c.want)
			}
		})
	}
}

func TestSpeculative(t *testing.T) {
	cases := []struct {
		purpose string
		want    bool
	}{
		{"", false},
		{"prefetch", true},
		{"prefetch;prerender", true},
		{"Prefetch", true},
		{"preview", true},
		{"navigate", false},
	}
	for _, c := range cases {
		if got := Speculative(c.purpose); got != c.want {
			t.Errorf("Speculative(%q) = %v, want %v", c.purpose, got, c.want)
		}
	}
}
