package followers

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The term cloud: an SVG image of Report.Terms, the most distinctive words
// largest. Terms already among the community's interests are bold and
// underlined (and darker blue), so the difference does not rest on colour;
// a legend says so. The layout is deterministic, integers only: terms are
// placed in order of weight along a square spiral from the centre, each at
// the first point where its box overlaps no earlier one. Text widths are
// estimated from typical sans-serif advance widths and enforced with
// textLength, so boxes never overlap whatever font the viewer has.
const (
	// MinFontSize and MaxFontSize are the font sizes (px) of weight 0 and 1.
	MinFontSize = 12
	MaxFontSize = 48
	// cloudGap is the space kept between two words' boxes, cloudMargin
	// around the cloud (px); cloudStepX, cloudStepY the spiral's steps
	// (wider than high: clouds read best as a wide ellipse).
	cloudGap    = 4
	cloudMargin = 12
	cloudStepX  = 6
	cloudStepY  = 3
	// cloudMaxSteps bounds the search for a free spot (40 terms need a few
	// thousand at most); a term that finds none is left out of the image.
	cloudMaxSteps = 200_000
	legendSize    = 12
)

// Colours: both dark enough for text on white (WCAG AA contrast).
const (
	colourTerm     = "#3a3a3a"
	colourInterest = "#0b4f8a"
)

// box is a placed word: its centre and size (px).
type box struct {
	cx, cy, w, h int
}

func (a box) overlaps(b box) bool {
	return 2*abs(a.cx-b.cx) < a.w+b.w+2*cloudGap && 2*abs(a.cy-b.cy) < a.h+b.h+2*cloudGap
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// CloudSVG renders terms (Report.Terms; the MaxCloudTerms heaviest of
// longer lists) as a standalone SVG image: <text> elements sized by Weight, a <title> and a <desc> listing every term for
// screen readers, width and height attributes, no script and no external
// reference. Every text is XML-escaped. The same terms always give the
// same bytes.
func CloudSVG(terms []Term) []byte {
	type placed struct {
		t    Term
		size int
		b    box
	}
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
	}
	// Heaviest first (stable: equal weights keep their order), at most
	// MaxCloudTerms of them.
	weight := func(i int) float64 { return clamp01(terms[i].Weight) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
	order = order[:min(len(order), MaxCloudTerms)]
	var words []placed
	var boxes []box
	for _, i := range order {
		t := terms[i]
		size := MinFontSize + int(math.Round(float64(MaxFontSize-MinFontSize)*weight(i)))
		b := box{w: textWidth(t.Word, size, t.Interest), h: size * 115 / 100}
		if b.w == 0 {
			continue
		}
		if !place(&b, boxes) {
			continue
		}
		boxes = append(boxes, b)
		words = append(words, placed{t, size, b})
	}

	// Bounds of the placed words, then the canvas.
	minX, minY, maxX, maxY := 0, 0, 0, 0
	for k, b := range boxes {
		l, t, r, bt := b.cx-b.w/2, b.cy-b.h/2, b.cx+(b.w+1)/2, b.cy+(b.h+1)/2
		if k == 0 || l < minX {
			minX = l
		}
		if k == 0 || t < minY {
			minY = t
		}
		if k == 0 || r > maxX {
			maxX = r
		}
		if k == 0 || bt > maxY {
			maxY = bt
		}
	}
	legend := "Larger words are more distinctive of the followers' bios."
	anyInterest := false
	for _, w := range words {
		anyInterest = anyInterest || w.t.Interest
	}
	if anyInterest {
		legend = "Bold, underlined: already one of the community's interests. " + legend
	}
	if len(words) == 0 {
		legend = "No terms yet: too few bios, or no word used by " + strconv.Itoa(MinTermFollowers) + " or more followers."
	}
	legendW := textWidth(legend, legendSize, false)
	width := max(maxX-minX, legendW) + 2*cloudMargin
	height := maxY - minY + 2*cloudMargin + 2*legendSize
	dx, dy := cloudMargin-minX+(width-2*cloudMargin-(maxX-minX))/2, cloudMargin-minY

	var out bytes.Buffer
	w := func(s ...string) {
		for _, x := range s {
			out.WriteString(x)
		}
	}
	itoa := strconv.Itoa
	w(`<svg xmlns="http://www.w3.org/2000/svg" width="`, itoa(width), `" height="`, itoa(height),
		`" viewBox="0 0 `, itoa(width), " ", itoa(height), `" role="img" font-family="Helvetica, Arial, sans-serif">`, "\n")
	w("<title>Words followers use in their bios</title>\n<desc>")
	shown := make([]Term, len(words))
	for i, p := range words {
		shown[i] = p.t
	}
	escape(&out, describe(shown))
	w("</desc>\n", `<rect width="100%" height="100%" fill="#ffffff"/>`, "\n")
	for _, p := range words {
		x, y := p.b.cx+dx, p.b.cy+dy+p.size*35/100
		w(`<text x="`, itoa(x), `" y="`, itoa(y), `" font-size="`, itoa(p.size),
			`" text-anchor="middle" textLength="`, itoa(p.b.w), `" lengthAdjust="spacingAndGlyphs" fill="`)
		if p.t.Interest {
			w(colourInterest, `" font-weight="bold" text-decoration="underline">`)
		} else {
			w(colourTerm, `">`)
		}
		escape(&out, p.t.Word)
		w("<title>")
		escape(&out, termLabel(p.t))
		w("</title></text>\n")
	}
	w(`<text x="`, itoa(width/2), `" y="`, itoa(height-legendSize/2-2), `" font-size="`, itoa(legendSize),
		`" text-anchor="middle" fill="`, colourTerm, `">`)
	escape(&out, legend)
	w("</text>\n</svg>\n")
	return out.Bytes()
}

// place moves b to the first free point of the spiral; false when none.
func place(b *box, boxes []box) bool {
	x, y := 0, 0
	dirX, dirY := 1, 0
	run, left, turns := 1, 1, 0
	for step := 0; step < cloudMaxSteps; step++ {
		b.cx, b.cy = x*cloudStepX, y*cloudStepY
		free := true
		for _, o := range boxes {
			if b.overlaps(o) {
				free = false
				break
			}
		}
		if free {
			return true
		}
		x, y = x+dirX, y+dirY
		if left--; left == 0 {
			dirX, dirY = -dirY, dirX // turn a quarter
			if turns++; turns%2 == 0 {
				run++
			}
			left = run
		}
	}
	return false
}

// describe is the text alternative: every term in order, with its share.
func describe(terms []Term) string {
	if len(terms) == 0 {
		return "No words to show yet."
	}
	s := strconv.Itoa(len(terms)) + " words from followers' bios, most distinctive first"
	for _, t := range terms {
		if t.Interest {
			s += "; words in bold are already the community's interests"
			break
		}
	}
	s += ": "
	for i, t := range terms {
		if i > 0 {
			s += ", "
		}
		s += termLabel(t)
	}
	return s + "."
}

// termLabel is a term with its numbers, for a tooltip or a screen reader.
func termLabel(t Term) string {
	s := t.Word + " (" + strconv.FormatFloat(math.Round(1000*t.Share)/10, 'f', -1, 64) + "% of followers, " + strconv.Itoa(t.Followers)
	if t.Interest {
		s += ", already an interest"
	}
	return s + ")"
}

// escape writes s as XML character data (invalid characters replaced).
func escape(b *bytes.Buffer, s string) { xml.EscapeText(b, []byte(s)) }

func clamp01(x float64) float64 {
	if !(x > 0) {
		return 0
	}
	return math.Min(x, 1)
}

// textWidth estimates a text's width in px: per-character advance widths of
// a typical sans-serif (Helvetica, Arial) in thousandths of an em, bold a
// tenth wider. Rounded up: a box a little too wide only leaves space.
func textWidth(s string, size int, bold bool) int {
	units := 0
	for _, r := range s {
		units += advance(r)
	}
	if bold {
		units = units * 11 / 10
	}
	return (units*size + 999) / 1000
}

func advance(r rune) int {
	switch {
	case r == 'i' || r == 'j' || r == 'l' || r == '\'' || r == '|' || r == '.' || r == ',' || r == ':' || r == ';' || r == '!':
		return 240
	case r == 'f' || r == 't' || r == 'I' || r == ' ' || r == '/' || r == '-':
		return 300
	case r == 'r' || r == '(' || r == ')':
		return 340
	case r == 'm' || r == 'M' || r == 'W' || r == '@' || r == '%':
		return 900
	case r == 'w':
		return 740
	case r >= 'A' && r <= 'Z':
		return 700
	case r < utf8.RuneSelf:
		return 580
	case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return 1000
	case unicode.IsMark(r):
		return 0
	}
	return 650
}
