package generator

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"workbook/generator/cache"
	"workbook/generator/publish"
	"workbook/generator/testsite"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

const small = "testdata/sites/small"

// tree returns every file under dir (slash paths) with its bytes.
func tree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// diffTrees describes how two trees differ, or returns "".
func diffTrees(a, b map[string][]byte) string {
	var out []string
	for _, n := range names(a) {
		if bb, ok := b[n]; !ok {
			out = append(out, "only in first: "+n)
		} else if !bytes.Equal(a[n], bb) {
			out = append(out, "differs: "+n)
		}
	}
	for _, n := range names(b) {
		if _, ok := a[n]; !ok {
			out = append(out, "only in second: "+n)
		}
	}
	return strings.Join(out, "\n")
}

func buildTo(t *testing.T, root, out string) *Result {
	t.Helper()
	res, err := Build(Options{Root: root, Out: out})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Error())
	}
	return res
}

// TestOtherFramework builds a framework with other names and counts
// (three levels, two foundations, three areas of focus): nothing in the
// generator may assume the AHPs Deliver shape.
func TestOtherFramework(t *testing.T) {
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	res := buildTo(t, root, out)
	if res.Questions != 18 || res.Workbooks != 4 || res.Packs != 3 {
		t.Errorf("built %d questions, %d workbooks, %d facilitator packs; want 18, 4, 3 (one a level)", res.Questions, res.Workbooks, res.Packs)
	}
	files := tree(t, out)
	for _, lv := range res.Site.Framework.Levels {
		page := string(files["levels/"+lv.ID+".html"])
		for _, q := range lv.Questions {
			if !strings.Contains(page, `id="`+q.ID+`"`) || !strings.Contains(page, q.Text.Plain()) {
				t.Errorf("levels/%s.html lacks question %s", lv.ID, q.ID)
			}
		}
		if pdf := files["workbooks/"+lv.ID+".pdf"]; !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("workbooks/%s.pdf missing or not a PDF", lv.ID)
		}
	}
	if _, ok := files["workbooks/ward-soil.pdf"]; !ok {
		t.Error("the [[workbook]] from config.toml was not written")
	}
	if _, ok := files[publish.Marker]; !ok {
		t.Error("no build marker")
	}
}

// TestDeterministic builds twice and compares every byte.
func TestDeterministic(t *testing.T) {
	root := testsite.Copy(t, small)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	buildTo(t, root, a)
	buildTo(t, root, b)
	if d := diffTrees(tree(t, a), tree(t, b)); d != "" {
		t.Errorf("two builds of the same input differ:\n%s", d)
	}
}

// TestSourceDateEpoch checks PDF dates follow SOURCE_DATE_EPOCH.
func TestSourceDateEpoch(t *testing.T) {
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000") // 2023-11-14
	buildTo(t, root, out)
	pdf := tree(t, out)["workbooks/ward.pdf"]
	if !bytes.Contains(pdf, []byte("D:20231114")) {
		t.Error("PDF creation date does not follow SOURCE_DATE_EPOCH")
	}
}

// TestFailedBuildLeavesOutput breaks the content after a good build: the
// failed build reports the error and the output stays byte-identical.
func TestFailedBuildLeavesOutput(t *testing.T) {
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, root, out)
	before := tree(t, out)
	q := testsite.Read(t, root, "content/ward/questions.toml")
	testsite.Write(t, root, "content/ward/questions.toml", strings.Replace(q, `focus = "herbs"`, `focus = "herb"`, 1))
	res, err := Build(Options{Root: root, Out: out})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if !strings.Contains(res.Diags.Error(), "content/ward/questions.toml:20:1") {
		t.Errorf("diagnostics do not name the place:\n%s", res.Diags.Error())
	}
	if d := diffTrees(before, tree(t, out)); d != "" {
		t.Errorf("failed build changed the output:\n%s", d)
	}
}

// TestGoldenSmallSite compares the fixture site's pages with
// testdata/golden/small-site.txt. Run `go test ./generator -run Golden
// -update` after an intended change and review the diff.
func TestGoldenSmallSite(t *testing.T) {
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, root, out)
	files := tree(t, out)
	var b strings.Builder
	for _, n := range names(files) {
		switch {
		case n == cache.RecordFile:
		case strings.HasSuffix(n, ".html"):
			fmt.Fprintf(&b, "==== %s\n%s\n", n, files[n])
		case strings.HasSuffix(n, ".pdf"):
			fmt.Fprintf(&b, "==== %s (PDF, %s pages)\n", n, pdfPages(files[n]))
		default:
			fmt.Fprintf(&b, "==== %s (sha256 %x)\n", n, sha256.Sum256(files[n]))
		}
	}
	golden := filepath.Join(testsite.RepoRoot(), "testdata", "golden", "small-site.txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -run Golden -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("the fixture site differs from %s; if intended, run go test ./generator -run Golden -update and review the diff\n%s",
			golden, firstDiff(string(want), got))
	}
}

var pageCount = regexp.MustCompile(`/Type\s*/Pages\b[^>]*?/Count\s+(\d+)`)

func pdfPages(b []byte) string {
	if m := pageCount.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return "?"
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, x, y)
		}
	}
	return ""
}

// TestPublicIsFresh fails when the committed public/ is not what a build
// of the shipped content writes.
func TestPublicIsFresh(t *testing.T) {
	repo := testsite.RepoRoot()
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, repo, out)
	committed, fresh := tree(t, filepath.Join(repo, "public")), tree(t, out)
	// The PDF cache names the program that built it: a test binary is
	// not the workbook command.
	delete(committed, cache.RecordFile)
	delete(fresh, cache.RecordFile)
	if d := diffTrees(committed, fresh); d != "" {
		t.Errorf("public/ is stale: run `go run ./cmd/workbook build` and commit public/\n%s", d)
	}
}

// TestReusesUnchangedPDFs builds over an earlier build after changing one
// level: that level's PDFs are drawn again and the others copied, and the
// result is byte-identical to a build from nothing.
func TestReusesUnchangedPDFs(t *testing.T) {
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	if res := buildTo(t, root, out); res.Reused != 0 {
		t.Fatalf("first build reused %d PDFs", res.Reused)
	}
	if res := buildTo(t, root, out); res.Reused != 7 {
		t.Errorf("unchanged rebuild reused %d of 7 PDFs (4 workbooks, 3 facilitator packs)", res.Reused)
	}
	q := testsite.Read(t, root, "content/ward/questions.toml")
	testsite.Write(t, root, "content/ward/questions.toml", strings.Replace(q, "Who helps?", "Who else helps?", 1))
	res := buildTo(t, root, out)
	if res.Reused != 4 { // county and nation, and their packs; ward, ward-soil and ward's pack drawn
		t.Errorf("after a ward edit %d PDFs were reused, want 4", res.Reused)
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	buildTo(t, root, fresh)
	if d := diffTrees(tree(t, out), tree(t, fresh)); d != "" {
		t.Errorf("a build reusing PDFs differs from a fresh one:\n%s", d)
	}
	// A PDF changed by hand is not trusted.
	testsite.Write(t, out, "workbooks/county.pdf", "%PDF-tampered")
	if res := buildTo(t, root, out); res.Reused != 6 {
		t.Errorf("with county.pdf tampered %d PDFs were reused, want 6", res.Reused)
	}
	if string(tree(t, out)["workbooks/county.pdf"]) == "%PDF-tampered" {
		t.Error("the tampered PDF survived the build")
	}
}
