package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
	"workbook/generator/workshop"
)

func TestTheTeamReportIsAValidTaggedPDFAndALongAnswerBreaksAcrossPages(t *testing.T) {
	site := testSite()
	lv := site.Framework.Levels[1]
	long := strings.TrimSpace(strings.Repeat("We have started and there is more to do.\n", 150)) + "\nThe very last line."
	var files []string
	for i, name := range []string{"Asha Patel", "Ben Okoro", "Zoë Ŵynne 🌱"} {
		var as []testsite.Answer
		for k, q := range lv.Questions {
			a := testsite.Answer{Question: q.ID, Cycle: "2025/26", Level: lv.ID, Rating: []string{"red", "amber", "green"}[(i+k)%3], Answer: name + " on " + q.ID}
			if i == 2 && k == 0 {
				a.Answer = long
			}
			as = append(as, a)
		}
		files = append(files, testsite.WriteFile(t, fmt.Sprintf("p%d.json", i), testsite.AnswersJSON(site.Config.ID, name, "", as)))
	}
	ws, err := workshop.Gather(site, files, workshop.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	pages, err := WriteTeamReport(&buf, site, ws, fonts(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "team.pdf")
	if d := os.Getenv("KEEP_PDF"); d != "" {
		path = filepath.Join(d, "long.pdf")
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if check := string(runTool(t, qpdfTool(t), "--check", path)); !strings.Contains(check, "No syntax or stream encoding errors") || strings.Contains(check, "WARNING") {
		t.Errorf("qpdf --check:\n%s", check)
	}
	runTool(t, tool(t, "pdfcpu", "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0"), "validate", path)
	if info := string(runTool(t, popplerTool(t, "pdfinfo"), path)); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("not tagged:\n%s", info)
	}
	// The long answer runs over pages, every line of it kept, and the
	// rows after it follow.
	texts := pageTexts(t, path, false)
	if len(texts) != pages {
		t.Fatalf("%d pages read, %d written", len(texts), pages)
	}
	all := strings.Join(texts, " ")
	if n := strings.Count(all, "We have started and there is more to do."); n != 150 {
		t.Errorf("the long answer's line is there %d times, want 150", n)
	}
	first, last := -1, -1
	for i, p := range texts {
		if strings.Contains(p, "We have started") {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last-first < 1 || !strings.Contains(texts[last], "The very last line.") {
		t.Errorf("the long answer is on pages %d to %d; want it to break across pages and end there", first+1, last+1)
	}
	if !strings.Contains(all, "Zoë Ŵynne") {
		t.Error("a name with Welsh letters is not printed")
	}
}
