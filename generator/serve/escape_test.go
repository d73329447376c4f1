package serve

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"workbook/generator/diag"
)

// A file name from content may hold anything the file system allows. What
// the server prints to the terminal and shows in the banner must not let
// it forge a line or send a terminal escape.
func TestTerminalAndBannerEscapeNames(t *testing.T) {
	name := "content/x\n12:00:00 fixed; 3 pages\x1b]0;pwned\x07\x1b[2J\u202e.toml"
	o := &outcome{
		diags: []diag.Diagnostic{{Pos: diag.Pos{File: name, Line: 1, Col: 2}, Severity: diag.Error, Msg: "bad " + name, Hint: "rename " + name}},
		err:   errors.New("render " + name),
	}
	var out, errw bytes.Buffer
	term := newTerminal(&out, &errw, t.TempDir())
	term.rebuilt([]string{name}, nil, o)
	term.warn("warning: cannot watch %s", name)
	_, _ = term.errw().Write([]byte("http: bad request from " + name + "\n"))
	printed := out.String() + errw.String()
	for _, line := range strings.Split(strings.TrimSuffix(printed, "\n"), "\n") {
		if strings.HasPrefix(line, "12:00:00") {
			t.Errorf("a file name forged a terminal line: %q", line)
		}
	}
	if strings.ContainsAny(printed, "\x1b\x07\r\u202e") {
		t.Errorf("terminal output holds control characters: %q", printed)
	}
	banner := bannerHTML(newState(nil, problemsOf(o)))
	if strings.ContainsAny(banner, "\n\x1b\x07\u202e") {
		t.Errorf("banner holds control characters: %q", banner)
	}
	if !strings.Contains(banner, `x\n12:00:00`) {
		t.Errorf("banner does not show the name escaped: %q", banner)
	}
}
