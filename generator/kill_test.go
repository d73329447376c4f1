package generator

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"workbook/generator/testsite"
)

// TestMain lets the kill test run a build in a child process it can kill:
// the test binary re-runs itself with WORKBOOK_CHILD_BUILD=root|out.
func TestMain(m *testing.M) {
	if spec := os.Getenv("WORKBOOK_CHILD_BUILD"); spec != "" {
		root, out, _ := strings.Cut(spec, "|")
		if _, err := Build(Options{Root: root, Out: out}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestKillAtAnyMoment kills builds with SIGKILL at many points, from
// before the first file is written to after the swap, and checks that the
// output is always either the old complete site or the new one.
func TestKillAtAnyMoment(t *testing.T) {
	if testing.Short() {
		t.Skip("kills many builds; skipped with -short")
	}
	root := testsite.Copy(t, small)
	out := filepath.Join(t.TempDir(), "site")
	buildTo(t, root, out)
	old := tree(t, out)
	q := testsite.Read(t, root, "content/ward/questions.toml")
	testsite.Write(t, root, "content/ward/questions.toml", strings.ReplaceAll(q, "Who helps?", "Who else helps?"))
	ref := filepath.Join(t.TempDir(), "new")
	buildTo(t, root, ref)
	fresh := tree(t, ref)

	// Time one child build to spread the kills across it.
	start := time.Now()
	if err := child(root, out).Run(); err != nil {
		t.Fatal(err)
	}
	full := time.Since(start)
	// Put the old site back for the kill runs.
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	restore(t, out, old)

	sawOld, sawNew := 0, 0
	const runs = 40
	for i := 0; i < runs; i++ {
		cmd := child(root, out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Spread the kills from the start to past the end of a build, so
		// some land around the swap and some after it.
		time.Sleep(full * time.Duration(5*i) / (4 * runs))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		now := tree(t, out)
		switch {
		case diffTrees(now, old) == "":
			sawOld++
		case diffTrees(now, fresh) == "":
			sawNew++
			// Start again from the old site so later kills test the swap.
			if err := os.RemoveAll(out); err != nil {
				t.Fatal(err)
			}
			restore(t, out, old)
		default:
			t.Fatalf("kill %d after %v left a mixed site:\nagainst old:\n%s\nagainst new:\n%s",
				i, full*time.Duration(5*i)/(4*runs), diffTrees(now, old), diffTrees(now, fresh))
		}
	}
	t.Logf("%d kills: %d left the old site, %d the new one (a build takes %v)", runs, sawOld, sawNew, full)
}

func child(root, out string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "WORKBOOK_CHILD_BUILD="+root+"|"+out)
	return cmd
}

func restore(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
