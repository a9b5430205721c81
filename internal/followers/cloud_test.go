package followers

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// svgText is one <text> of a cloud, as an XML parser reads it.
type svgText struct {
	text, title             string
	x, y, size, length      int
	bold, underline, legend bool
}

// parseSVG parses a cloud with encoding/xml (strict) and returns the root's
// attributes, the title and the texts. It fails the test on any XML error,
// script, event handler or external reference.
func parseSVG(t *testing.T, svg []byte) (root map[string]string, title string, texts []svgText) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var stack []string
	var cur *svgText
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			if name == "script" || name == "foreignObject" || name == "image" || name == "use" {
				t.Errorf("<%s> in the cloud", name)
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || a.Name.Local == "href" {
					t.Errorf("attribute %s in the cloud", a.Name.Local)
				}
			}
			if len(stack) == 0 {
				if name != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Fatalf("root is %v", tok.Name)
				}
				root = attrs
			}
			if name == "text" {
				atoi := func(k string) int { n, _ := strconv.Atoi(attrs[k]); return n }
				cur = &svgText{x: atoi("x"), y: atoi("y"), size: atoi("font-size"), length: atoi("textLength"),
					bold: attrs["font-weight"] == "bold", underline: attrs["text-decoration"] == "underline", legend: attrs["textLength"] == ""}
			}
			stack = append(stack, name)
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch top := stack[len(stack)-1]; {
			case top == "text":
				cur.text += string(tok)
			case top == "title" && cur != nil:
				cur.title += string(tok)
			case top == "title" && len(stack) == 2:
				title += string(tok)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == "text" {
				texts = append(texts, *cur)
				cur = nil
			}
		}
	}
	return root, title, texts
}

func TestCloudSVG(t *testing.T) {
	terms := []Term{
		{Word: "kubernetes", Followers: 132, Share: 0.1467, Weight: 1},
		{Word: "backups", Followers: 90, Share: 0.1, Weight: 0.5, Interest: true},
		{Word: "<script>alert('x')</script>", Followers: 5, Share: 0.01, Weight: 0.25},
		{Word: `a&b "quoted" ]]>`, Followers: 4, Share: 0.004, Weight: 0},
		{Word: "ctrl\x01char", Followers: 3, Share: 0.003, Weight: 0},
		{Word: "美食", Followers: 3, Share: 0.003, Weight: 0},
	}
	svg := CloudSVG(terms)
	if bytes.Contains(bytes.ToLower(svg), []byte("<script")) {
		t.Errorf("an unescaped <script> in:\n%s", svg)
	}
	root, title, texts := parseSVG(t, svg)
	w, errW := strconv.Atoi(root["width"])
	h, errH := strconv.Atoi(root["height"])
	if errW != nil || errH != nil || w <= 0 || h <= 0 || root["viewBox"] != "0 0 "+root["width"]+" "+root["height"] {
		t.Errorf("width %q, height %q, viewBox %q", root["width"], root["height"], root["viewBox"])
	}
	if root["role"] != "img" || title == "" {
		t.Errorf("role %q, title %q: want an accessible image", root["role"], title)
	}

	byWord := map[string]svgText{}
	var words []svgText
	for _, tx := range texts {
		if !tx.legend {
			byWord[tx.text] = tx
			words = append(words, tx)
		}
	}
	if len(words) != len(terms) {
		t.Fatalf("%d words drawn, want %d", len(words), len(terms))
	}
	for _, want := range []string{"kubernetes", "backups", "<script>alert('x')</script>", `a&b "quoted" ]]>`, "ctrl\uFFFDchar", "美食"} {
		if _, ok := byWord[want]; !ok {
			t.Errorf("%q not drawn (escaped text must read back as written)", want)
		}
	}
	// Font size by weight; the interest bold and underlined, the others not.
	k, b, s := byWord["kubernetes"], byWord["backups"], byWord["<script>alert('x')</script>"]
	if !(k.size == MaxFontSize && b.size < k.size && s.size < b.size && byWord["美食"].size == MinFontSize) {
		t.Errorf("sizes %d, %d, %d, %d: want by weight", k.size, b.size, s.size, byWord["美食"].size)
	}
	if !b.bold || !b.underline || k.bold || k.underline {
		t.Errorf("interest bold %v underlined %v; other bold %v underlined %v", b.bold, b.underline, k.bold, k.underline)
	}
	if !strings.Contains(b.title, "already an interest") || !strings.Contains(k.title, "14.7% of followers, 132") {
		t.Errorf("titles %q, %q", b.title, k.title)
	}
	var legend string
	for _, tx := range texts {
		if tx.legend {
			legend = tx.text
		}
	}
	if !strings.Contains(legend, "Bold, underlined: already one of the community's interests") {
		t.Errorf("legend %q", legend)
	}

	// No two words' boxes overlap, and every box is inside the canvas.
	boxes := make([]box, len(words))
	for i, tx := range words {
		boxes[i] = box{cx: tx.x, cy: tx.y - tx.size*35/100, w: tx.length, h: tx.size * 115 / 100}
		bx := boxes[i]
		if bx.cx-bx.w/2 < 0 || bx.cx+bx.w/2 > w || bx.cy-bx.h/2 < 0 || bx.cy+bx.h/2 > h {
			t.Errorf("%q at %+v outside %d×%d", tx.text, bx, w, h)
		}
		for j := range i {
			if boxes[i].overlaps(boxes[j]) {
				t.Errorf("%q overlaps %q", tx.text, words[j].text)
			}
		}
	}
}

func TestCloudSVGDeterministic(t *testing.T) {
	terms := make([]Term, MaxCloudTerms+10) // the 10 lightest are left out
	for i := range terms {
		terms[i] = Term{Word: "term" + strconv.Itoa(i), Followers: 100 - i, Share: 0.5, Weight: 1 - float64(i)/MaxCloudTerms, Interest: i%5 == 0}
	}
	first := CloudSVG(terms)
	for range 3 {
		if !bytes.Equal(CloudSVG(terms), first) {
			t.Fatal("CloudSVG is not deterministic")
		}
	}
	_, _, texts := parseSVG(t, first)
	if len(texts) != MaxCloudTerms+1 {
		t.Errorf("%d texts, want %d and the legend", len(texts), MaxCloudTerms)
	}
	// Placed in weight order: the heaviest at the centre, first.
	if texts[0].text != "term0" {
		t.Errorf("first text %q", texts[0].text)
	}
}

func TestCloudSVGEmpty(t *testing.T) {
	root, title, texts := parseSVG(t, CloudSVG(nil))
	if root["width"] == "" || title == "" || len(texts) != 1 || !strings.Contains(texts[0].text, "No terms yet") {
		t.Errorf("empty cloud: %v %q %+v", root, title, texts)
	}
}
