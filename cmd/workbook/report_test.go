package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// answersFile writes an answers export for the shipped content.
func answersFile(t *testing.T, text string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

const providerAnswers = `{"format": "workbook-answers", "version": 1, "framework": "ahps-deliver",
  "answers": {"provider-leadership-people-first-1": {"2025/26": {"level": "provider", "answer": "Two AHPs on the board.", "rating": "amber"}}}}`

func TestReportWritesAPDF(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.pdf")
	code, stdout, errs := runCmd("report", "--config", project(t), "--answers", answersFile(t, providerAnswers), "-o", out)
	if code != 0 {
		t.Fatalf("report exited %d:\n%s", code, errs)
	}
	if !strings.HasPrefix(stdout, "wrote "+out+": the Provider level's answers (") {
		t.Errorf("stdout = %q", stdout)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("no PDF written: %v", err)
	}
}

func TestReportSaysWhatIsWrongAndExits1(t *testing.T) {
	cfg := project(t)
	for _, tc := range []struct{ text, want string }{
		{`{"format": "workbook-answers",`, "answers.json:1:30: not valid JSON"},
		{strings.Replace(providerAnswers, "ahps-deliver", "other", 1), `holds answers to another framework ("other")`},
	} {
		out := filepath.Join(t.TempDir(), "report.pdf")
		code, _, errs := runCmd("report", "--config", cfg, "--answers", answersFile(t, tc.text), "-o", out)
		if code != 1 || !strings.HasPrefix(errs, "workbook report: ") || !strings.Contains(errs, tc.want) {
			t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a report was written anyway")
		}
	}
	if code, _, _ := runCmd("report", "--config", cfg); code != 2 {
		t.Errorf("without --answers and -o: exit %d, want 2", code)
	}
}

// personAnswers is one person's export (format version 2) for the
// shipped content's provider level.
func personAnswers(name, rating string) string {
	return `{"format": "workbook-answers", "version": 2, "framework": "ahps-deliver", "person": {"name": "` + name + `"},
  "answers": {"provider-leadership-people-first-1": {"2025/26": {"level": "provider", "answer": "` + name + ` says so.", "rating": "` + rating + `"}}}}`
}

func TestReportOfSeveralFilesLeavesOutTheBadOnesAndSaysWhich(t *testing.T) {
	cfg := project(t)
	asha := answersFile(t, personAnswers("Asha Patel", "amber"))
	ben := answersFile(t, personAnswers("Ben Okoro", "green"))
	foreign := answersFile(t, strings.Replace(personAnswers("Chen Li", "red"), "ahps-deliver", "other", 1))
	broken := answersFile(t, `{"format": "workbook-answers",`)
	out := filepath.Join(t.TempDir(), "team.pdf")
	code, stdout, errs := runCmd("report", "--config", cfg, "--answers", asha, "--answers", foreign, "--answers", ben, "--answers", broken, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (a report was made of the usable files):\n%s", code, errs)
	}
	if !strings.HasPrefix(stdout, "wrote "+out+": the Provider level's team report for 2025/26, 2 people (") {
		t.Errorf("stdout = %q", stdout)
	}
	for _, want := range []string{"workbook report: left out 2 of 4 files", foreign + ":1:59:", `holds answers to another framework ("other")`, broken + ":1:30: not valid JSON"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(out); err != nil {
		t.Errorf("no report written: %v", err)
	}

	// Nothing usable: nothing written, every file's problem said, exit 1.
	out = filepath.Join(t.TempDir(), "none.pdf")
	code, _, errs = runCmd("report", "--config", cfg, "--answers", foreign, "--answers", broken, "-o", out)
	if code != 1 || !strings.Contains(errs, "nothing was written; no file can be used") || !strings.Contains(errs, foreign) || !strings.Contains(errs, broken) {
		t.Errorf("exit %d, stderr:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written with nothing usable")
	}
}
