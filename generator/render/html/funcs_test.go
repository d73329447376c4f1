package html

import (
	"strings"
	"testing"

	"workbook/generator/markdown"
)

func TestFileSizesReadLikeAttachmentLinks(t *testing.T) {
	for bytes, want := range map[int]string{1: "1 KB", 1024: "1 KB", 1025: "2 KB", 151_000: "148 KB", 2_500_000: "2,442 KB"} {
		if got := kb(bytes); got != want {
			t.Errorf("kb(%d) = %q, want %q", bytes, got, want)
		}
	}
}

func TestMetaDescriptionIsCutAtAWord(t *testing.T) {
	md := markdown.New()
	long := md.Convert(strings.Repeat("Reflective questions for allied health professionals. ", 10))
	got := summary(long, "fallback")
	if n := len([]rune(got)); n > summaryLen+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("summary is %d characters: %q", n, got)
	}
	if strings.Contains(got, "  ") || strings.HasSuffix(got, " …") {
		t.Errorf("summary badly cut: %q", got)
	}
	if got := summary(md.Convert("**Short** and [linked](x.html)."), "fallback"); got != "Short and linked." {
		t.Errorf("summary of short text = %q, want the plain text", got)
	}
	if got := summary(md.Convert(""), "fallback"); got != "fallback" {
		t.Errorf("summary of nothing = %q, want the fallback", got)
	}
}
