package pdf

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"workbook/generator/markdown"
)

// naiveShorten is the obvious way: take off one character at a time and
// measure what is left. shorten must give the same answers.
func naiveShorten(s string, fits func(int) bool, units func(rune) int) string {
	width := func(t string) int {
		w := 0
		for _, c := range t {
			w += units(c)
		}
		return w
	}
	if fits(width(s)) {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := strings.TrimRight(string(rs), " ") + ellipsis
		if fits(width(t)) {
			return t
		}
	}
	return ""
}

func testUnits(c rune) int {
	switch c {
	case ' ':
		return 278
	case 'i', 'l':
		return 222
	case 'W', '…':
		return 1000
	}
	return 556
}

func TestShortenAgreesWithMeasuringEachCandidate(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab il W  é…")
	for n := 0; n < 5000; n++ {
		rs := make([]rune, r.IntN(20))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(rs)
		limit := r.IntN(8000)
		fits := func(u int) bool { return u <= limit }
		if got, want := shorten(s, fits, testUnits), naiveShorten(s, fits, testUnits); got != want {
			t.Fatalf("shorten(%q, %d) = %q, want %q", s, limit, got, want)
		}
	}
}

// Shortening text of any length measures each character a bounded number
// of times: a megabyte name costs a few million measurements, not the
// million million of measuring every shorter candidate whole.
func TestShortenIsLinear(t *testing.T) {
	long := strings.Repeat("Review cycle 2025/26 with a very long name ", 25000) // 1 MB
	n := utf8.RuneCountInString(long)
	measured := 0
	count := func(c rune) int { measured++; return testUnits(c) }
	for _, limit := range []int{0, 5000, 100000, 500 * n} {
		measured = 0
		got := shorten(long, func(u int) bool { return u <= limit }, count)
		if measured > 2*n+2 {
			t.Errorf("limit %d: %d measurements for %d characters; want at most %d", limit, measured, n, 2*n+2)
		}
		if w := width(got); w > limit && got != "" {
			t.Errorf("limit %d: result %d wide", limit, w)
		}
	}
}

func width(s string) int {
	w := 0
	for _, c := range s {
		w += testUnits(c)
	}
	return w
}

// BenchmarkFitMegabyte fits a 1 MB cycle name into a table column, as the
// workbook does with a long cycle name.
func BenchmarkFitMegabyte(b *testing.B) {
	d, err := newDoc(fonts(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	long := strings.Repeat("Review cycle 2025/26 with a very long name ", 25000)
	st := textStyle{size: 10, face: bold}
	for b.Loop() {
		if got := d.fit(st, long, 30); !strings.HasSuffix(got, ellipsis) {
			b.Fatalf("not shortened: %q", got)
		}
	}
}

// BenchmarkWrapLongWord lays out a 1 MB word that is wider than the line
// and ends in characters with no width, so that most of it lands on one
// line: the line's runs must be joined once, not grown a character at a
// time (which took seconds for 32 kB, hours for a megabyte).
func BenchmarkWrapLongWord(b *testing.B) {
	d, err := newDoc(fonts(b), nil)
	if err != nil {
		b.Fatal(err)
	}
	word := strings.Repeat("W", 200) + strings.Repeat("\u0301", 500_000)
	for b.Loop() {
		if lines := d.wrap([]markdown.Span{{Text: word}}, 100, 0, body.style()); len(lines) < 2 {
			b.Fatalf("%d lines", len(lines))
		}
	}
}
