package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/model"
)

// writePack writes a workbook's facilitator pack to a temporary file.
func writePack(t *testing.T, site *model.Site, wb *model.Workbook) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := WritePack(&buf, site, wb, fonts(t), Options{}); err != nil {
		t.Fatalf("WritePack %s: %v", wb.Name, err)
	}
	path := filepath.Join(t.TempDir(), wb.Name+"-pack.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), path
}

// inOrder checks that each of wants appears in text after the one before.
func inOrder(t *testing.T, what string, text []string, wants ...string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		_, end, ok := find(text, at, words(w), 0)
		if !ok {
			t.Errorf("%s: %q is missing or out of order (looked from word %d)", what, w, at)
			continue
		}
		at = end
	}
}

func TestThePackPlansEachSessionWithinNinetyMinutesAndReadsInOrder(t *testing.T) {
	site, wb := bigSite(28)
	_, path := writePack(t, site, wb)
	plan := model.PlanWorkshop(wb.Questions)
	if len(plan) < 2 {
		t.Fatalf("28 questions make %d sessions; the test wants several", len(plan))
	}
	text := words(string(runTool(t, popplerTool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-")))
	// The cover, the guide, then a plan and a sheet for each session, in
	// reading order.
	wants := []string{"Facilitator pack", "Provider level", "Questions 28, numbered as in the Provider level workbook",
		fmt.Sprintf("Sessions %d sessions of", len(plan)),
		"How to run a session", "Before the session", "co-production", "Ground rules", "racism",
		"How to reach an agreed rating", "Everyone shows their rating at the same time", "How to capture actions", "After the session",
		"The session plan"}
	at, n := 0, 0
	for i, s := range plan {
		first, last := n+1, n+len(s.Questions)
		n = last
		wants = append(wants, fmt.Sprintf("Session %d of %d: questions %d to %d", i+1, len(plan), first, last),
			"Start Minutes What happens", "0:00 10 Welcome and ground rules",
			fmt.Sprintf("0:10 %d Quiet time: reflect and rate alone. Each person reads questions %d to %d", s.Reflect, first, last))
		at = model.WelcomeMinutes + s.Reflect + s.Tally
		for k := first; k <= last; k++ {
			wants = append(wants, fmt.Sprintf("%s %d Question %d: compare and agree", clock(at), model.DiscussMinutes, k))
			at += model.DiscussMinutes
		}
		wants = append(wants, fmt.Sprintf("%s %d Close", clock(at+model.AgreeActionsMinutes), model.CloseMinutes),
			fmt.Sprintf("About %d minutes.", s.Minutes()))
		if s.Minutes() > model.WorkshopMaxMinutes || s.Minutes() < 30 {
			t.Errorf("session %d takes %d minutes", i+1, s.Minutes())
		}
	}
	n = 0
	for i, s := range plan {
		wants = append(wants, fmt.Sprintf("Consolidation sheet, session %d of %d", i+1, len(plan)), "Team", "Date", "Facilitator", "Number of people",
			"No. Question Red Amber Green Agreed Action, owner, by when")
		for _, q := range s.Questions {
			n++
			// The number and the start of the text (a character the font
			// lacks is drawn as another).
			start := strings.Join(strings.Fields(q.Text.Plain())[:6], " ")
			wants = append(wants, fmt.Sprintf("%d %s", n, start), "Red Amber Green")
		}
	}
	inOrder(t, "the pack", text, wants...)
}

func TestThePackIsAValidTaggedPDFThatRepeats(t *testing.T) {
	site := testSite()
	wb := site.Workbooks[1]
	out, path := writePack(t, site, wb)
	if check := string(runTool(t, qpdfTool(t), "--check", path)); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	pdfcpu := tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0")
	runTool(t, pdfcpu, "validate", path)
	info := string(runTool(t, popplerTool(t, "pdfinfo"), path))
	for _, want := range []string{"Tagged:          yes", "Form:            none", "(A4)", "Title:           AHPs Deliver implementation framework: facilitator pack, Provider level"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	structure := string(runTool(t, popplerTool(t, "pdfinfo"), "-struct", path))
	for _, want := range []string{"H1 (block)", "H2 (block)", "L (block)", "LI (block)", "Table (block)", "TH:", "/Scope /Column", "/Scope /Row", "TD"} {
		if !strings.Contains(structure, want) {
			t.Errorf("the structure tree has no %s", want)
		}
	}
	// A single session: the plan and the sheet say so without numbers.
	text := strings.Join(words(string(runTool(t, popplerTool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-"))), " ")
	for _, want := range []string{"the session questions 1 to 6", "consolidation sheet team"} {
		if !strings.Contains(text, want) {
			t.Errorf("a one-session pack lacks %q", want)
		}
	}
	again, _ := writePack(t, site, wb)
	if !bytes.Equal(out, again) {
		t.Error("two packs of the same workbook differ")
	}
}
