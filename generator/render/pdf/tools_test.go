package pdf

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"workbook/generator/model"
	"workbook/generator/testsite"
)

// tool returns the path of a command-line checker. Without it the test is
// skipped, saying what to install, unless the environment variable CI is
// set: in CI a missing checker is a failure, not a silent pass.
func tool(t *testing.T, name, install string) string { return testsite.Tool(t, name, install) }

func popplerTool(t *testing.T, name string) string {
	return tool(t, name, "apt-get install poppler-utils")
}

func qpdfTool(t *testing.T) string { return tool(t, "qpdf", "apt-get install qpdf") }

// runTool runs a tool and returns its standard output, failing the test with
// its standard error if it fails.
func runTool(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.Bytes()
}

// writeTemp writes a workbook and returns the PDF's bytes and its path in a
// temporary folder, for the command-line checkers.
func writeTemp(t *testing.T, site *model.Site, wb *model.Workbook) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, site, wb, fonts(t), Options{}); err != nil {
		t.Fatalf("Write %s: %v", wb.Name, err)
	}
	path := filepath.Join(t.TempDir(), wb.Name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), path
}

// pageTexts returns the text of each page as pdftotext reads it.
func pageTexts(t *testing.T, path string, layout bool) []string {
	args := []string{"-enc", "UTF-8", path, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	pages := strings.Split(string(runTool(t, popplerTool(t, "pdftotext"), args...)), "\f")
	return pages[:len(pages)-1] // the text ends with a form feed
}

// words splits text into lower-case words of letters and digits, so text
// compares whatever the line breaks, list markers and punctuation.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// find looks for needle's words in hay in order from hay[from], allowing
// up to slack other words among them (list markers, a link's printed
// address), and returns where the match starts and ends.
func find(hay []string, from int, needle []string, slack int) (start, end int, ok bool) {
	for start = from; start < len(hay); start++ {
		if hay[start] != needle[0] {
			continue
		}
		i, j := 1, start+1
		for ; i < len(needle) && j < len(hay) && j-start-i <= slack; j++ {
			if hay[j] == needle[i] {
				i++
			}
		}
		if i == len(needle) {
			return start, j, true
		}
	}
	return 0, 0, false
}

// qpdfJSON returns part of qpdf's JSON description of a PDF.
func qpdfJSON(t *testing.T, path, key string, v any) {
	t.Helper()
	out := runTool(t, qpdfTool(t), "--json", "--json-key="+key, path)
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
}

// qpdfObjects returns every object of a PDF as qpdf's JSON describes it,
// by "obj:N 0 R" (and "trailer"), with each object's value.
func qpdfObjects(t *testing.T, path string) map[string]any {
	t.Helper()
	var doc struct {
		QPDF []json.RawMessage `json:"qpdf"` // a header, then the objects
	}
	qpdfJSON(t, path, "qpdf", &doc)
	var objects map[string]map[string]any
	if len(doc.QPDF) < 2 || json.Unmarshal(doc.QPDF[1], &objects) != nil {
		t.Fatal("qpdf --json: no objects")
	}
	out := map[string]any{}
	for k, v := range objects {
		if val, ok := v["value"]; ok {
			out[k] = val
		} else if s, ok := v["stream"].(map[string]any); ok {
			out[k] = s["dict"]
		}
	}
	return out
}

// catalog returns a PDF's document catalog as qpdf reads it.
func catalog(t *testing.T, path string) map[string]any {
	t.Helper()
	objs := qpdfObjects(t, path)
	root, _ := objs["trailer"].(map[string]any)["/Root"].(string)
	c, ok := objs["obj:"+root].(map[string]any)
	if !ok {
		t.Fatalf("no catalog at %q", root)
	}
	return c
}
