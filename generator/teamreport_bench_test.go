package generator

import (
	"os"
	"path/filepath"
	"testing"

	"workbook/generator/testsite"
	"workbook/generator/workshop"
)

// BenchmarkTeamReport makes the team report of 40 people on the
// shipped content's provider level, as `workbook report` does: reading
// and checking 40 exports (every question answered and rated, with
// evidence and some actions) and a team record, then drawing the PDF
// and writing it. The budget is a second; the README gives the figure.
//
//	go test ./generator -run '^$' -bench TeamReport -benchmem
func BenchmarkTeamReport(b *testing.B) {
	root := testsite.RepoRoot()
	opt := Options{Root: root}
	site, l := Load(opt)
	if l.HasErrors() {
		b.Fatal(l.Error())
	}
	var level = site.Framework.Levels[0]
	for _, lv := range site.Framework.Levels {
		if lv.ID == "provider" {
			level = lv
		}
	}
	dir := b.TempDir()
	var ids []string
	for _, q := range level.Questions {
		ids = append(ids, q.ID)
	}
	files, err := testsite.TeamExports(dir, site.Config.ID, level.ID, "2025/26", ids, 40)
	if err != nil {
		b.Fatal(err)
	}
	record := `{"format": "workbook-team", "version": 1, "framework": "` + site.Config.ID + `", "level": "` + level.ID + `", "agreed": {`
	for i, q := range level.Questions {
		if i > 0 {
			record += ","
		}
		record += `"` + q.ID + `": {"2025/26": {"rating": "amber", "note": "Most of us saw some of this; agreed amber."}}`
	}
	record += `}, "actions": [{"action": "Share the plan", "owner": "Person 1", "due": "May", "question": "` + level.Questions[0].ID + `", "cycle": "2025/26"}]}`
	recordFile := filepath.Join(dir, "team.json")
	if err := os.WriteFile(recordFile, []byte(record), 0o644); err != nil {
		b.Fatal(err)
	}
	files = append(files, recordFile)
	out := filepath.Join(dir, "team.pdf")
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		ws, n, err := WriteTeamReport(opt, site, files, workshop.Options{}, out)
		if err != nil {
			b.Fatal(err)
		}
		if len(ws.People) != 40 || len(ws.LeftOut) != 0 {
			b.Fatalf("%d people, %d files left out", len(ws.People), len(ws.LeftOut))
		}
		pages = n
	}
	info, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(info.Size()), "bytes/pdf")
}
