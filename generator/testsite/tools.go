package testsite

import (
	"os"
	"os/exec"
	"testing"
)

// Missing is what a test does when a tool it needs (Chromium, poppler,
// axe-core) is not installed: it skips, saying what to install, unless
// the environment variable CI is set, when it fails, so CI cannot pass
// by skipping.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s (CI is set, so this fails instead of skipping)", what)
	}
	t.Skip(what)
}

// PDFText returns the text of a PDF, laid out as on the page, by
// poppler's pdftotext (Missing when it is not installed).
func PDFText(t testing.TB, file string) string {
	t.Helper()
	return pdftotext(t, "-layout", file)
}

// PDFTextRaw is PDFText in the order of drawing, which a tagged PDF
// keeps as its reading order.
func PDFTextRaw(t testing.TB, file string) string {
	t.Helper()
	return pdftotext(t, "-raw", file)
}

func pdftotext(t testing.TB, layout, file string) string {
	t.Helper()
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		Missing(t, "pdftotext not found: apt-get install -y poppler-utils")
	}
	out, err := exec.Command(exe, layout, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}
