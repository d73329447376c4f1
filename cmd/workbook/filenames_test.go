package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"workbook/generator/testsite"
)

// diagnostics returns the lines of stderr that are diagnostics (start
// with a project path), sorted as printed.
func diagnostics(stderr string) []string {
	var out []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "config.toml:") || strings.HasPrefix(line, "content/") {
			out = append(out, line)
		}
	}
	return out
}

// An id or name that would make a file name the system refuses is an
// error `check` and `build` both report, the same way, where it is
// written: never a build that fails with an operating system error after
// `check` said all was well.
func TestCheckAndBuildAgreeOnFileNames(t *testing.T) {
	long := strings.Repeat("w", 251) // with ".html", 256 bytes: one too many
	cases := []struct {
		name   string
		break_ func(t *testing.T, root string)
		pos    string
	}{
		{"level id", func(t *testing.T, r string) {
			testsite.Replace(t, r, "content/framework.toml", `id = "ward"`, `id = "`+long+`"`)
			testsite.Replace(t, r, "config.toml", `level = "ward"`, `level = "`+long+`"`)
			if err := os.Rename(filepath.Join(r, "content/ward"), filepath.Join(r, "content", long)); err != nil {
				t.Fatal(err)
			}
		}, "content/framework.toml:2:1"},
		{"foundation id", func(t *testing.T, r string) {
			testsite.Replace(t, r, "content/framework.toml", "[[foundation]]\nid = \"water\"", "[[foundation]]\nid = \""+long+"\"\ntitle = \"Long\"\n\n[[foundation]]\nid = \"water\"")
		}, "content/framework.toml:"},
		{"workbook name", func(t *testing.T, r string) {
			testsite.Replace(t, r, "config.toml", `name = "ward-soil"`, `name = "`+long+`"`)
		}, "config.toml:14:1"},
		{"page file name", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/"+long+".md", "+++\ntitle = \"Long\"\n+++\nText.\n")
		}, "content/" + long + ".md:1:1"},
		{"a name Windows keeps for a device", func(t *testing.T, r string) {
			testsite.Write(t, r, "content/con.md", "+++\ntitle = \"Console\"\n+++\nText.\n")
		}, "content/con.md:1:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := fixture(t)
			c.break_(t, root)
			cfg := filepath.Join(root, "config.toml")
			checkCode, _, checkErr := runCmd("check", "--config", cfg)
			buildCode, _, buildErr := runCmd("build", "--config", cfg, "--out", filepath.Join(t.TempDir(), "public"))
			if checkCode != 1 || buildCode != 1 {
				t.Fatalf("check exited %d, build %d; want 1 and 1\ncheck: %s\nbuild: %s", checkCode, buildCode, checkErr, buildErr)
			}
			cd, bd := diagnostics(checkErr), diagnostics(buildErr)
			if strings.Join(cd, "\n") != strings.Join(bd, "\n") {
				t.Errorf("check and build disagree:\ncheck: %s\nbuild: %s", checkErr, buildErr)
			}
			found := false
			for _, d := range cd {
				found = found || strings.HasPrefix(d, c.pos)
			}
			if !found {
				t.Errorf("no error at %s in:\n%s", c.pos, checkErr)
			}
		})
	}
}

// A file name can hold any character but / and NUL. Printed in a
// diagnostic it is escaped: it cannot forge a line of its own or send
// the terminal an escape sequence.
func TestHostileFileNamesAreEscaped(t *testing.T) {
	root := fixture(t)
	name := "x\nconfig.toml:1:1: forged\x1b]0;title\x07\x1b[2J\u202e.toml"
	testsite.Write(t, root, "content/ward/"+name, "[[question]]\nid = 7\n")
	code, _, errs := runCmd("check", "--config", filepath.Join(root, "config.toml"))
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, errs)
	}
	if strings.ContainsAny(errs, "\x1b\x07\r\u202e") {
		t.Errorf("stderr holds control characters: %q", errs)
	}
	named := 0
	for _, line := range strings.Split(strings.TrimSuffix(errs, "\n"), "\n") {
		if !strings.Contains(line, "forged") {
			continue
		}
		named++
		if !strings.HasPrefix(line, `content/ward/x\nconfig.toml:1:1: forged\x1b]0;title\x07\x1b[2J\u202e.toml:`) {
			t.Errorf("a line forged or not escaped: %q", line)
		}
	}
	if named == 0 {
		t.Errorf("no diagnostic names the file:\n%s", errs)
	}
}
