package cache_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator"
	"workbook/generator/cache"
	"workbook/generator/output"
	"workbook/generator/testsite"
)

// A level's PDF is reused while its Keys key stands, so the PDF
// renderer must read nothing outside those sources. This holds it to
// that: other levels change, the ward PDFs must not.
func TestPDFReadsOnlyItsSources(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	render := func() *output.Memory {
		t.Helper()
		opt := generator.Options{Root: root}
		site, l := generator.Load(opt)
		if l.HasErrors() {
			t.Fatal(l)
		}
		p, err := generator.NewPipeline(root, site.Config.Theme)
		if err != nil {
			t.Fatal(err)
		}
		in, err := p.Input(site)
		if err != nil {
			t.Fatal(err)
		}
		out := output.NewMemory()
		if _, err := p.Render(in, out, nil); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before, keysBefore := render(), cache.Read(root, filepath.Join(root, "config.toml"))
	testsite.Write(t, root, "content/county/_index.md", testsite.Read(t, root, "content/county/_index.md")+"\nA new paragraph, with **more** words than before.\n")
	county := testsite.Read(t, root, "content/county/questions.toml")
	testsite.Write(t, root, "content/county/questions.toml", strings.ReplaceAll(county, "How does", "In what ways does"))
	after, keysAfter := render(), cache.Read(root, filepath.Join(root, "config.toml"))

	for _, wb := range []string{"ward", "ward-soil"} {
		a, _ := before.Get("workbooks/" + wb + ".pdf")
		b, _ := after.Get("workbooks/" + wb + ".pdf")
		if !bytes.Equal(a, b) {
			t.Errorf("workbooks/%s.pdf changed when only another level did: the PDF reads a file its key (sources.go) leaves out", wb)
		}
	}
	if keysBefore.Level("ward") != keysAfter.Level("ward") {
		t.Error("the ward key changed when the ward's sources did not")
	}
	if keysBefore.Level("county") == keysAfter.Level("county") {
		t.Error("the county key did not change with its questions")
	}
	a, _ := before.Get("workbooks/county.pdf")
	b, _ := after.Get("workbooks/county.pdf")
	if bytes.Equal(a, b) {
		t.Error("the county PDF did not change with its questions; the test proves nothing")
	}
	for _, rel := range []string{"config.toml", "content/framework.toml", "content/how-to-use.md", "content/about.md"} {
		testsite.Write(t, root, rel, testsite.Read(t, root, rel)+"\n")
		if cache.Read(root, filepath.Join(root, "config.toml")).Level("ward") == keysAfter.Level("ward") {
			t.Errorf("%s is not part of the key", rel)
		}
		keysAfter = cache.Read(root, filepath.Join(root, "config.toml"))
	}
}

func TestCodeIdentifiesTheProgram(t *testing.T) {
	id := cache.Code()
	if id == "" {
		t.Skip("no Go build ID on this platform: PDFs are not reused across builds here")
	}
	if id != cache.Code() {
		t.Error("Code() is not stable within one program")
	}
	if strings.ContainsAny(id, "\x00\n") {
		t.Errorf("Code() = %q holds control characters", id)
	}
}
