package markdown

import (
	"strings"
	"testing"
)

// A paragraph of many short lines is one span of text, built in linear
// time (growing it line by line took minutes for a few hundred kB).
func BenchmarkParagraphOfManyLines(b *testing.B) {
	src := strings.Repeat("a\n", 500_000) // 1 MB
	c := New()
	for b.Loop() {
		d := c.Convert(src)
		if len(d.Blocks) != 1 || len(d.Blocks[0].Spans) != 1 || len(d.Blocks[0].Spans[0].Text) != 2*500_000-1 {
			b.Fatalf("%d blocks", len(d.Blocks))
		}
	}
}
