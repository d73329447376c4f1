package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"workbook/generator/testsite"
)

// project copies the repository's config.toml and content/ into a
// temporary folder and links themes/, returning the copy's config path.
func project(t *testing.T) string {
	return filepath.Join(testsite.Shipped(t), "config.toml")
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestCheckShippedContent(t *testing.T) {
	code, out, errs := runCmd("check", "--config", project(t))
	if code != 0 {
		t.Fatalf("check exited %d:\n%s", code, errs)
	}
	if errs != "" {
		t.Errorf("the shipped content has warnings:\n%s", errs)
	}
	if !strings.HasPrefix(out, "ok: 4 levels") {
		t.Errorf("stdout = %q", out)
	}
}

func TestCheckReportsErrorsAndExits1(t *testing.T) {
	cfg := project(t)
	dir := filepath.Dir(cfg)
	file := filepath.Join(dir, "content", "provider", "digital.toml")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "foundation = ", "foundaton = ", 1)
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd("check", "--config", cfg)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errs, "content/provider/digital.toml:") || !strings.Contains(errs, `unknown key "foundaton"`) ||
		!strings.Contains(errs, "did you mean foundation?") {
		t.Errorf("stderr does not name the file and the fix:\n%s", errs)
	}
}

func TestBuildWritesSiteAndSummary(t *testing.T) {
	cfg := project(t)
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, errs := runCmd("build", "--config", cfg, "--out", out, "--stats")
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, errs)
	}
	for _, f := range []string{"index.html", "workbooks/individual.pdf", "workbooks/provider.pdf", "workbooks/system.pdf", "workbooks/regional.pdf"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	if !strings.Contains(stdout, "built ") || !strings.Contains(stdout, " workbooks, ") || !strings.Contains(stdout, " ms") {
		t.Errorf("no summary line: %q", stdout)
	}
	if !strings.Contains(stdout, "pdf") || !strings.Contains(stdout, "html") {
		t.Errorf("--stats printed no phases: %q", stdout)
	}
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	home := t.TempDir()
	if err := os.WriteFile(filepath.Join(home, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd("build", "--config", project(t), "--out", home)
	if code != 1 || !strings.Contains(errs, "not written by workbook") {
		t.Errorf("exit %d, stderr %q; want a refusal", code, errs)
	}
	if b, _ := os.ReadFile(filepath.Join(home, "notes.txt")); string(b) != "mine" {
		t.Error("the user's file changed")
	}
}

func TestCustomPDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "greener.pdf")
	code, stdout, errs := runCmd("pdf", "--config", project(t), "--level", "provider", "--focus", "greener", "-o", out)
	if code != 0 {
		t.Fatalf("pdf exited %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if !strings.Contains(stdout, "pages") {
		t.Errorf("stdout = %q", stdout)
	}
	code, _, errs = runCmd("pdf", "--config", project(t), "--level", "provider", "--focus", "greenr", "-o", out)
	if code != 1 || !strings.Contains(errs, "did you mean greener?") {
		t.Errorf("bad focus: exit %d, stderr %q", code, errs)
	}
}

func TestCustomPDFFillableOrNot(t *testing.T) {
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdfinfo is needed in CI: apt-get install poppler-utils")
		}
		t.Skip("pdfinfo not installed (apt-get install poppler-utils)")
	}
	for flag, want := range map[string]string{"": "AcroForm", "--fillable=false": "none", "--fillable": "AcroForm"} {
		out := filepath.Join(t.TempDir(), "w.pdf")
		args := []string{"pdf", "--config", project(t), "--level", "provider", "-o", out}
		if flag != "" {
			args = append(args, flag)
		}
		if code, _, errs := runCmd(args...); code != 0 {
			t.Fatalf("%v exited %d: %s", args, code, errs)
		}
		info, err := exec.Command(pdfinfo, out).Output()
		if err != nil || !strings.Contains(string(info), "Form:            "+want) || !strings.Contains(string(info), "Tagged:          yes") {
			t.Errorf("pdf %s: want form %s and tags, pdfinfo says:\n%s", flag, want, info)
		}
	}
}

func TestHelpAndUsage(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"build", "-h"}, {"check", "-h"}, {"pdf", "-h"}, {"version"}} {
		if code, _, _ := runCmd(args...); code != 0 {
			t.Errorf("%v exited %d, want 0", args, code)
		}
	}
	if code, _, errs := runCmd("biuld"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd(); code != 2 {
		t.Errorf("no command: exit %d, want 2", code)
	}
}

// A PDF needs the theme's fonts, not its page templates: a broken
// layout stops the site, never a workbook.
func TestPDFIgnoresABrokenPageLayout(t *testing.T) {
	cfg := project(t)
	root := filepath.Dir(cfg)
	testsite.Write(t, root, "layouts/page.html", "{{define \"main\"}}{{if}}{{end}}\n")
	out := filepath.Join(t.TempDir(), "x.pdf")
	if code, _, errs := runCmd("pdf", "--config", cfg, "--level", "provider", "-o", out); code != 0 {
		t.Fatalf("pdf exited %d with a broken page layout: %s", code, errs)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	code, _, errs := runCmd("build", "--config", cfg, "--out", filepath.Join(t.TempDir(), "site"))
	if code != 1 || !strings.Contains(errs, "layouts/page.html") {
		t.Errorf("build with a broken layout: exit %d, stderr %q; want 1 and the file named", code, errs)
	}
}

// A draft question or page is left out of a build, counted by check, and
// included by build --drafts with a visible label.
func TestDrafts(t *testing.T) {
	root := fixture(t)
	testsite.Replace(t, root, "content/ward/questions.toml", `id = "ward-soil-beans-1"`, "id = \"ward-soil-beans-1\"\ndraft = true")
	testsite.Write(t, root, "content/plans.md", "+++\ntitle = \"Plans\"\ndraft = true\n+++\nNot ready.\n")
	code, stdout, errs := runCmd("check", "--config", filepath.Join(root, "config.toml"))
	if code != 0 || !strings.Contains(stdout, "1 draft question and 1 draft page, left out") {
		t.Fatalf("check: exit %d, %q %q", code, stdout, errs)
	}
	out := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	level, _ := os.ReadFile(filepath.Join(out, "levels", "ward.html"))
	if strings.Contains(string(level), `id="ward-soil-beans-1"`) {
		t.Error("the draft question is on the built level page")
	}
	if _, err := os.Stat(filepath.Join(out, "plans.html")); err == nil {
		t.Error("the draft page was built")
	}
	out2 := filepath.Join(t.TempDir(), "site")
	if code, stdout, errs := runCmd("build", "--config", filepath.Join(root, "config.toml"), "--out", out2, "--drafts"); code != 0 || !strings.Contains(stdout, "including 1 draft question") {
		t.Fatalf("build --drafts: %q %s", stdout, errs)
	}
	level, _ = os.ReadFile(filepath.Join(out2, "levels", "ward.html"))
	if !strings.Contains(string(level), `id="ward-soil-beans-1"`) || !strings.Contains(string(level), `class="draft-label"`) {
		t.Error("build --drafts: the draft question is missing or not labelled")
	}
	if page, err := os.ReadFile(filepath.Join(out2, "plans.html")); err != nil || !strings.Contains(string(page), "draft-label") {
		t.Errorf("build --drafts: the draft page is missing or not labelled: %v", err)
	}
}

// Under each problem that has a line, the line itself, with a caret
// under the column.
func TestProblemsShowTheLineAndACaret(t *testing.T) {
	root := fixture(t)
	testsite.Replace(t, root, "content/ward/questions.toml", `text = "How does your ward look after soil for beans?"`, `text = "How does your ward look after soil for beans?`)
	_, _, errs := runCmd("check", "--config", filepath.Join(root, "config.toml"))
	want := "content/ward/questions.toml:5:8: this text has no closing quote; end it with a \" on the same line, like this: text = \"How does your team …?\"\n" +
		"    5 | text = \"How does your ward look after soil for beans?\n" +
		"      |        ^\n"
	if !strings.HasPrefix(errs, want) {
		t.Errorf("stderr:\n%s\nwant it to start:\n%s", errs, want)
	}
}

// A workbook prints rating rows for the review cycles --cycles names,
// and by default for the last two of config.toml's cycles only: the site
// keeps every cycle, the paper does not.
func TestCustomPDFCycles(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is needed in CI: apt-get install poppler-utils")
		}
		t.Skip("pdftotext not installed (apt-get install poppler-utils)")
	}
	for _, tc := range []struct {
		flag      string
		want, not []string
	}{
		{"", []string{"2025/26", "2026/27"}, []string{"2022/23", "2023/24", "2024/25"}},
		{"--cycles=2026/27,2022/23", []string{"2022/23", "2026/27"}, []string{"2023/24", "2024/25", "2025/26"}},
	} {
		out := filepath.Join(t.TempDir(), "w.pdf")
		args := []string{"pdf", "--config", project(t), "--level", "provider", "--focus", "greener", "-o", out}
		if tc.flag != "" {
			args = append(args, tc.flag)
		}
		if code, _, errs := runCmd(args...); code != 0 {
			t.Fatalf("%v exited %d: %s", args, code, errs)
		}
		text, err := exec.Command(pdftotext, "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range tc.want {
			if !strings.Contains(string(text), c) {
				t.Errorf("pdf %s: no row for %s", tc.flag, c)
			}
		}
		for _, c := range tc.not {
			if strings.Contains(string(text), c) {
				t.Errorf("pdf %s: prints %s, which it should leave out", tc.flag, c)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "w.pdf")
	code, _, errs := runCmd("pdf", "--config", project(t), "--level", "provider", "--cycles", "2026/72", "-o", out)
	if code != 1 || !strings.Contains(errs, `--cycles: "2026/72" is not one of the review cycles`) || !strings.Contains(errs, `did you mean "2026/27"?`) {
		t.Errorf("unknown cycle: exit %d, stderr %q", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a workbook was written anyway")
	}
}

func TestFacilitatorPackForTheChosenQuestions(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack.pdf")
	code, stdout, errs := runCmd("pdf", "--config", project(t), "--level", "provider", "--focus", "greener", "--facilitator", "-o", out)
	if code != 0 {
		t.Fatalf("pdf --facilitator exited %d: %s", code, errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	if !strings.HasPrefix(stdout, "wrote "+out) {
		t.Errorf("stdout = %q", stdout)
	}
	// The pack is not a workbook: it has no form, and says what it is.
	if bytes.Contains(b, []byte("/AcroForm")) || !bytes.Contains(b, []byte("facilitator pack")) {
		t.Error("the pack has a form, or its title does not say it is a facilitator pack")
	}
}
