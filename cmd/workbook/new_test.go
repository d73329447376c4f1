package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

// A new framework checks and builds clean at once, with no themes/
// folder of its own: the default theme is built in.
func TestNewFrameworkChecksAndBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Team Check-up")
	if code, stdout, errs := runCmd("new", dir); code != 0 || !strings.Contains(stdout, "config.toml") {
		t.Fatalf("new: exit %d, %q %q", code, stdout, errs)
	}
	cfg := filepath.Join(dir, "config.toml")
	text, _ := os.ReadFile(cfg)
	if !strings.Contains(string(text), `id = "team-check-up"`) || !strings.Contains(string(text), `title = "Team Check-up"`) {
		t.Errorf("the new config.toml does not take its id and title from the folder:\n%s", text)
	}
	if code, stdout, errs := runCmd("check", "--config", cfg); code != 0 || !strings.Contains(stdout, "ok: 1 level, 1 question, 0 warnings") {
		t.Fatalf("check of a new framework: exit %d, %q %q", code, stdout, errs)
	}
	if code, _, errs := runCmd("build", "--config", cfg); code != 0 {
		t.Fatalf("build of a new framework: %s", errs)
	}
	for _, f := range []string{"public/index.html", "public/levels/team.html", "public/workbooks/team.pdf", "public/assets/site.css"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("the build wrote no %s", f)
		}
	}
	// Never into a folder with something in it.
	if code, _, errs := runCmd("new", dir); code != 1 || !strings.Contains(errs, "is not empty") {
		t.Errorf("new into a non-empty folder: exit %d, %q", code, errs)
	}
}

// new question files a skeleton in the right place with the next free
// id, and says where to write.
func TestNewQuestionTwice(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "f")
	if code, _, errs := runCmd("new", dir); code != 0 {
		t.Fatal(errs)
	}
	cfg := filepath.Join(dir, "config.toml")
	where := regexp.MustCompile(`^(\S+):(\d+): added question (\S+) as a draft`)
	var ids []string
	for range 2 {
		code, stdout, errs := runCmd("new", "question", "--config", cfg, "--level", "team", "--foundation", "leadership", "--focus", "people")
		m := where.FindStringSubmatch(stdout)
		if code != 0 || m == nil {
			t.Fatalf("new question: exit %d, %q %q", code, stdout, errs)
		}
		ids = append(ids, m[3])
		b, err := os.ReadFile(m[1])
		if err != nil {
			t.Fatalf("the printed file %s: %v", m[1], err)
		}
		lines := strings.Split(string(b), "\n")
		var n int
		if _, err := fmt.Sscan(m[2], &n); err != nil || n < 1 || n > len(lines) || !strings.HasPrefix(lines[n-1], "text = ") {
			t.Errorf("%s:%s is not the new question's text line", m[1], m[2])
		}
	}
	if strings.Join(ids, " ") != "team-leadership-people-2 team-leadership-people-3" {
		t.Errorf("ids %v, want two consecutive ones after the starter's question", ids)
	}
	if code, stdout, errs := runCmd("check", "--config", cfg); code != 0 || !strings.Contains(stdout, "2 draft questions") {
		t.Errorf("check after new question: exit %d, %q %q", code, stdout, errs)
	}
	if code, stdout, errs := runCmd("build", "--config", cfg, "--drafts", "--out", filepath.Join(t.TempDir(), "site")); code != 0 {
		t.Errorf("build --drafts with the skeletons: exit %d, %q %q", code, stdout, errs)
	}
	code, _, errs := runCmd("new", "question", "--config", cfg, "--level", "team", "--foundation", "leadershp", "--focus", "people")
	if code != 1 || !strings.Contains(errs, "did you mean leadership?") {
		t.Errorf("unknown foundation: exit %d, %q", code, errs)
	}
}

func TestHelpForEachCommand(t *testing.T) {
	code, stdout, _ := runCmd("help", "build")
	if code != 0 || !strings.HasPrefix(stdout, "Usage: workbook build") || !strings.Contains(stdout, "--drafts") && !strings.Contains(stdout, "-drafts") {
		t.Errorf("help build: exit %d, %q", code, stdout)
	}
	_, _, errs := runCmd("build", "-h")
	if errs != stdout {
		t.Error("help build and build -h differ")
	}
	for _, c := range commands() {
		if c.run == nil {
			continue
		}
		_, stdout, _ := runCmd("help", c.name)
		if strings.HasSuffix(strings.TrimSpace(stdout), "Flags:") {
			t.Errorf("help %s ends with an empty Flags: heading", c.name)
		}
	}
	if code, _, errs := runCmd("help", "biuld"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("help for an unknown command: exit %d, %q", code, errs)
	}
}

func TestVersionSaysWhatWasBuilt(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d"}, {Key: "vcs.time", Value: "2026-11-24T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got := describeVersion("", info); got != "v1.2.0, commit 1a2b3c4d5e6f (2026-11-24, with uncommitted changes), go1.26.8" {
		t.Errorf("describeVersion = %q", got)
	}
	if got := describeVersion("", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}); !strings.HasPrefix(got, "development build, go1.26.8 (no commit recorded") {
		t.Errorf("describeVersion without VCS = %q", got)
	}
	_, stdout, _ := runCmd("version")
	if strings.Contains(stdout, "dev\n") || !strings.Contains(stdout, "go1.") {
		t.Errorf("version = %q", stdout)
	}
}
