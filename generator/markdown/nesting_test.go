package markdown

import (
	"strings"
	"testing"
)

func nestedList(depth int, marker string) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i) + marker + " item\n")
	}
	return b.String()
}

func TestTooDeepFindsWhereNestingGoesTooFar(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		line, col int
	}{
		{"a list 1000 deep", "Intro.\n\n" + nestedList(1000, "-"), 2 + 101, 201}, // item 101 sits at column 201
		{"numbered, 1000 deep", nestedList(1000, "1."), 101, 201},
		{"quotes on one line", strings.Repeat(">", 3_000_000) + " x\n", 1, 101},
		{"list markers on one line", "text\n" + strings.Repeat("- ", 500) + "x\n", 2, 201},
		{"quotes and lists", "\t\t" + strings.Repeat("> 1. ", 200), 1, 3 + 5*48}, // two tabs are 4 levels
		{"indented with tabs", strings.Repeat("\t", 60) + "- x", 1, 51},
	} {
		line, col := TooDeep(tc.src)
		if line != tc.line || col != tc.col {
			t.Errorf("%s: TooDeep = %d:%d, want %d:%d", tc.name, line, col, tc.line, tc.col)
		}
	}
	for _, ok := range []string{
		nestedList(100, "-"), nestedList(40, "3)"), strings.Repeat("> ", 100) + "quote",
		strings.Repeat("- ", 400), "a line of rules\n" + strings.Repeat("* ", 300) + "\n",
		"```\n" + strings.Repeat(" ", 180) + "deep code\n```\n", "2025. A year, not a list? It is one, at depth 1.",
	} {
		if line, col := TooDeep(ok); line != 0 {
			t.Errorf("TooDeep(%.40q…) = %d:%d, want nothing", ok, line, col)
		}
	}
}
