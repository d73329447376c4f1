package assess

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"workbook/generator"
	"workbook/generator/browsertest"
	"workbook/generator/testsite"
)

func TestZZProf(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := generator.Build(generator.Options{Root: testsite.RepoRoot(), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range res.Site.Framework.Levels {
		if l.ID == "provider" {
			for _, q := range l.Questions {
				ids = append(ids, q.ID)
			}
		}
	}
	files, _ := testsite.TeamExports(t.TempDir(), res.Site.Config.ID, "provider", "2026/27", ids, 40)
	tab := browsertest.Start(t).NewTab(t)
	tab.Do(t, chromedp.Navigate("file://"+filepath.Join(out, "team.html")))
	tab.WaitFor(t, "page", `!document.getElementById('assess-team').hidden`)
	for i := 0; i < 4; i++ {
		browsertest.Eval[chromedp.Void](t, tab, `document.getElementById('assess-team-clear-files').click(); document.getElementById('assess-team-added').textContent = ''; window.__t = {}`)
		tab.Do(t, chromedp.SetUploadFiles(chromedp.ID("assess-team-add"), files))
		tab.WaitFor(t, "added", `/^Added/.test(document.getElementById('assess-team-added').textContent)`)
		t.Log(browsertest.Eval[map[string]float64](t, tab, `window.__t`))
	}
}
