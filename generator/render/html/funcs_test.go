package html

import (
	"strings"
	"testing"

	"workbook/generator/markdown"
)

func TestFileSizesReadLikeAttachmentLinks(t *testing.T) {
	p := &page{Site: fixtureSite()}
	for bytes, want := range map[int]string{1: "PDF, 1 KB, 1 page", 1024: "PDF, 1 KB, 1 page", 1025: "PDF, 2 KB, 1 page", 151_000: "PDF, 148 KB, 1 page", 2_500_000: "PDF, 2,442 KB, 1 page"} {
		if got := p.DownloadLink(Download{Path: "workbooks/x.pdf", Bytes: bytes, Pages: 1}).Meta; got != want {
			t.Errorf("%d bytes: %q, want %q", bytes, got, want)
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
