package diag

import (
	"strings"
	"testing"
)

// A file name (or text quoted in a message) may hold any character the
// file system allows. Printed, a problem must stay one line and send no
// terminal escapes, whatever its parts hold.
func TestDiagnosticIsOneSafeLine(t *testing.T) {
	hostile := []string{
		"content/a\nconfig.toml:1:1: error: forged.toml",
		"content/\x1b[2J\x1b]0;title\x07.md",
		"content/\r\x1b[1Aover.md",
		"content/\u202egnp.md",
		"content/\u2028split.md",
		"content/\u0085nel.md",
		"content/\xff\xfebad.md",
		"content/\x7fdel.md",
		"content/\u2066isolate\u2069.md",
	}
	for _, name := range hostile {
		d := Diagnostic{Pos: Pos{File: name, Line: 3, Col: 4}, Severity: Warning, Msg: "file " + name + " is odd", Hint: "rename " + name}
		got := d.String()
		if !safeLine(got) {
			t.Errorf("%q printed as %q: holds a control, separator or reordering character", name, got)
		}
		where, msg, hint := d.Parts()
		for _, part := range []string{where, msg, hint} {
			if !safeLine(part) {
				t.Errorf("%q: part %q is not safe to display", name, part)
			}
		}
		if !strings.HasSuffix(where, ":3:4") {
			t.Errorf("%q: place %q lost its line and column", name, where)
		}
	}
}

func TestEscapeShowsWhatWasThere(t *testing.T) {
	for in, want := range map[string]string{
		"content/provider/digital.toml": "content/provider/digital.toml",
		"contenu/été-über-日本.md":        "contenu/été-über-日本.md",
		"a\nb":                          `a\nb`,
		"a\x1b[31mb":                    `a\x1b[31mb`,
		"a\u202eb":                      `a\u202eb`,
		"a\xffb":                        `a\xffb`,
		"tab\there":                     `tab\there`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func safeLine(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0xfffd {
			return false
		}
	}
	return true
}
