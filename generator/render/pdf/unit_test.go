package pdf

import (
	"strings"
	"testing"

	"workbook/generator/markdown"
	"workbook/generator/render/pdf/pdfobj"
)

func regularFace(t *testing.T) *face {
	t.Helper()
	f, err := parseFace(fonts(t).Regular)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestCleanReplacesWhatTheFontLacks(t *testing.T) {
	f := regularFace(t)
	for in, want := range map[string]string{
		"‘curly’ “quotes” – dashes — and … ŵ ŷ Ŵ Ŷ £ €": "‘curly’ “quotes” – dashes — and … ŵ ŷ Ŵ Ŷ £ €",
		"smile 🙂 done":     "smile ? done",
		"nurse 👩‍⚕️ here":  "nurse ? here", // one emoji of four characters
		"thumbs 👍🏽":        "thumbs ?",     // with a skin tone
		"two 🙂🙂":           "two ??",
		"中文":               "??",
		"a\tb\nc":          "a b c",
		"zero\u200bwidth":  "zerowidth",
		"soft\u00adhyphen": "softhyphen",
		"bell\x07":         "bell",
	} {
		if got := f.clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseFaceRejectsWhatFpdfCannotLoad(t *testing.T) {
	good := fonts(t).Regular
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:3000],
		"text":      []byte(strings.Repeat("not a font ", 50)),
		"OpenType":  append([]byte("OTTO"), good[4:]...),
	} {
		if _, err := parseFace(b); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
	f := regularFace(t)
	// Liberation Sans has the metrics of Arial: "M" is 833/1000 em wide.
	if w := f.widths['M']; w != 833 {
		t.Errorf("width of M = %d, want 833", w)
	}
}

func TestWrapKeepsLinesInsideTheWidth(t *testing.T) {
	d, err := newDoc(fonts(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New().Convert("A **long** paragraph with *styles*, a [link](https://example.nhs.uk/a/very/long/path/that/goes/on/and/on/without/any/spaces/at/all/until/it/must/break) and https://example.nhs.uk/" + strings.Repeat("x", 200) + " then more words to wrap over several lines of text.")
	const width = 80.0
	ps := d.paras(md, width, body.style())
	n := 0
	for _, p := range ps {
		for _, l := range p.lines {
			n++
			if l.width() > width+0.01 {
				t.Errorf("line %.1f mm wide in %.0f mm: %+v", l.width(), width, l.runs)
			}
		}
	}
	if n < 6 {
		t.Errorf("%d lines; the long text should wrap", n)
	}
	text := ""
	for _, p := range ps {
		for _, l := range p.lines {
			for _, r := range l.runs {
				text += r.text
			}
			text += " "
		}
	}
	if !strings.Contains(text, "link (https://example.nhs.uk/a/very/long/path") {
		t.Errorf("a link's address should be printed after its text:\n%s", text)
	}
}

func TestParseColour(t *testing.T) {
	for in, want := range map[string]rgb{"#d5281b": 0xd5281b, "#FFF": 0xffffff, " rgb(0, 127, 59) ": 0x007f3b, "Amber": 0xffbf00} {
		if got, ok := parseColour(in); !ok || got != want {
			t.Errorf("parseColour(%q) = %06x, %v; want %06x", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "#12345", "#gggggg", "rgb(1,2)", "rgb(1,2,300)", "var(--red)"} {
		if _, ok := parseColour(in); ok {
			t.Errorf("parseColour(%q) accepted", in)
		}
	}
}

func TestNotFpdfsOutputIsRefused(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("%PDF-1.3\nnot really\nstartxref\n99999\n%%EOF\n"), []byte("startxref\n0\n%%EOF")} {
		if _, err := pdfobj.Parse(b); err == nil {
			t.Errorf("pdfobj.Parse accepted %q", b)
		}
	}
}
