package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
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

// filledProvider writes a provider workbook as filled in on screen, made
// from content version, for the commands that read one.
func filledProvider(t *testing.T, version string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "filled.pdf")
	info := map[string]string{"WorkbookFramework": "ahps-deliver", "WorkbookVersion": version, "WorkbookName": "provider", "WorkbookLevel": "provider"}
	pdf := testsite.FormPDF(info, []testsite.FormField{
		{Name: "cover:team", Value: "Therapies"},
		{Name: "provider-leadership-people-first-1:answer", Value: "Two AHPs on the board."},
		{Name: "provider-leadership-people-first-1:rating:2026/27", Value: "amber", Radio: true, Options: []string{"red", "amber", "green"}},
	})
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestReportReadsAFilledWorkbookAndWarns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.pdf")
	code, stdout, errs := runCmd("report", "--config", project(t), "--answers", filledProvider(t, "0.9"), "-o", out)
	if code != 0 || !strings.HasPrefix(stdout, "wrote "+out) {
		t.Fatalf("report exited %d: %s%s", code, stdout, errs)
	}
	if !strings.Contains(errs, `filled.pdf: warning: the workbook was made from content version "0.9"; this site is at version "1.0"`) {
		t.Errorf("no warning of the content version: %q", errs)
	}
}

func TestAnswersTurnsAFilledWorkbookIntoAnExport(t *testing.T) {
	cfg := project(t)
	out := filepath.Join(t.TempDir(), "answers.json")
	code, stdout, errs := runCmd("answers", "--config", cfg, "--from", filledProvider(t, "1.0"), "-o", out)
	if code != 0 || stdout != "wrote "+out+": 1 answer to 1 question (answers, evidence and actions in 2026/27), to import on the site's level page\n" {
		t.Fatalf("answers exited %d: %q %q", code, stdout, errs)
	}
	if !strings.Contains(errs, `the cover's team "Therapies" is not in the export`) {
		t.Errorf("stderr %q", errs)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), `"answer": "Two AHPs on the board."`) || !strings.Contains(string(b), `"rating": "amber"`) {
		t.Errorf("export: %v\n%s", err, b)
	}
	code, _, errs = runCmd("answers", "--config", cfg, "--from", answersFile(t, providerAnswers), "-o", filepath.Join(t.TempDir(), "x.json"))
	if code != 1 || !strings.Contains(errs, "is already an export of answers") {
		t.Errorf("a JSON export: exit %d, %q", code, errs)
	}
	if code, _, _ := runCmd("answers", "--config", cfg, "-o", out); code != 2 {
		t.Errorf("without --from: exit %d, want 2", code)
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
