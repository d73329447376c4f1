package testsite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Filling workbooks in as their readers do, for the tests that read
// filled workbooks back: with pdf.js (Firefox's reader: the npm package
// pdfjs-dist, run by node) and with pdfcpu's form fill. Each skips the
// test, saying what to install, when its tool is missing, and fails it
// when the environment variable CI is set.

// PdfjsVersion is the pdfjs-dist release the tests use (.ci/run
// installs it); 6.x needs a newer node than the machines have.
const PdfjsVersion = "5.6.205"

// PdfcpuInstall says how to install the pdfcpu the tests use.
const PdfcpuInstall = "go install github.com/pdfcpu/pdfcpu/cmd/pdfcpu@v0.15.0"

// Tool returns the path of a command-line tool, or skips the test (fails
// it in CI) saying how to install it.
func Tool(t testing.TB, name, install string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is needed in CI: %s", name, install)
		}
		t.Skipf("%s not installed (%s)", name, install)
	}
	return p
}

// PdfjsDir is the pdfjs-dist package: PDFJS_DIST, or where .ci/run puts
// it.
func PdfjsDir(t testing.TB) string {
	t.Helper()
	Tool(t, "node", "apt-get install nodejs")
	dir := os.Getenv("PDFJS_DIST")
	if dir == "" {
		dir = "/opt/pdfjs/node_modules/pdfjs-dist"
	}
	if _, err := os.Stat(filepath.Join(dir, "legacy", "build", "pdf.mjs")); err != nil {
		msg := fmt.Sprintf("pdf.js not found at %s: npm install --prefix /opt/pdfjs pdfjs-dist@%s, or set PDFJS_DIST", dir, PdfjsVersion)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}

// PdfjsScript is the node script that reads and fills PDFs with pdf.js.
func PdfjsScript() string {
	return filepath.Join(RepoRoot(), "generator", "render", "pdf", "testdata", "pdfjs.mjs")
}

// FillPdfjs types values into the form of the PDF in and saves it as
// out, as a reader does in Firefox: values are by field name, a text
// field's text or a radio button's export value.
func FillPdfjs(t testing.TB, in, out string, values map[string]string) {
	t.Helper()
	js, _ := json.Marshal(values)
	cmd := exec.Command("node", PdfjsScript(), PdfjsDir(t), in, out, string(js))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdf.js fill: %v\n%s", err, b)
	}
}

// FillPdfcpu fills the form of the PDF in with values and saves it as
// out with pdfcpu form fill, from the form's own pdfcpu export.
func FillPdfcpu(t testing.TB, in, out string, values map[string]string) {
	t.Helper()
	pdfcpu := Tool(t, "pdfcpu", PdfcpuInstall)
	dir := t.TempDir()
	export := filepath.Join(dir, "form.json")
	run(t, pdfcpu, "form", "export", in, export)
	b, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	var form struct {
		Header map[string]any   `json:"header"`
		Forms  []map[string]any `json:"forms"`
	}
	if err := json.Unmarshal(b, &form); err != nil || len(form.Forms) != 1 {
		t.Fatalf("pdfcpu form export: %v", err)
	}
	used := map[string]bool{}
	for _, kind := range []string{"textfield", "radiobuttongroup"} {
		fields, _ := form.Forms[0][kind].([]any)
		for _, f := range fields {
			m := f.(map[string]any)
			if v, ok := values[fmt.Sprint(m["name"])]; ok {
				m["value"] = v
				used[fmt.Sprint(m["name"])] = true
			}
		}
	}
	for name := range values {
		if !used[name] {
			t.Fatalf("pdfcpu: the form has no field %q", name)
		}
	}
	js, _ := json.Marshal(form)
	fill := filepath.Join(dir, "values.json")
	if err := os.WriteFile(fill, js, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, pdfcpu, "form", "fill", in, fill, out)
}

func run(t testing.TB, name string, args ...string) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, out.String())
	}
}
