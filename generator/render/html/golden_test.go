package html

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// TestGoldenPage compares one small page byte for byte with
// testdata/about.html, so any change to the markup every page shares
// (head, header, breadcrumbs, footer) shows up in review as a diff.
// Run "go test ./generator/render/html -run Golden -update" after an intended
// change, and read the diff before committing it.
func TestGoldenPage(t *testing.T) {
	out := renderFixture(t)
	got, _ := out.Get("about.html")
	golden := filepath.Join("testdata", "about.html")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("about.html differs from %s; if the change is intended, run with -update and review the diff.\ngot:\n%s", golden, got)
	}
}
