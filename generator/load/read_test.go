package load

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"workbook/generator/diag"
	"workbook/generator/testsite"
)

// A link inside content/ that someone swaps between a target inside and
// one outside while builds run must never bring the outside file in: the
// loader checks the file it actually opened, not the path it checked a
// moment before.
func TestSwappedLinkNeverPublishesTheOutsideFile(t *testing.T) {
	root := testsite.Copy(t, small)
	const question = "[[question]]\nid = %q\nfoundation = \"soil\"\nfocus = \"beans\"\ntext = %q\n"
	testsite.Write(t, root, "content/ward/inside.txt", fmt.Sprintf(question, "ward-linked-1", "How does the linked plot share its beans?"))
	outsideDir := t.TempDir()
	testsite.Write(t, outsideDir, "secret.toml", fmt.Sprintf(question, "ward-secret-1", "How does SECRET from outside content get in?"))
	link := filepath.Join(root, "content", "ward", "linked.toml")
	inside := filepath.Join(root, "content", "ward", "inside.txt")
	outside := filepath.Join(outsideDir, "secret.toml")
	if err := os.Symlink(inside, link); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tmp := link + ".swap"
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			target := inside
			if i%2 == 1 {
				target = outside
			}
			_ = os.Remove(tmp)
			if err := os.Symlink(target, tmp); err == nil {
				_ = os.Rename(tmp, link) // atomic: the link is always there
			}
		}
	}()
	loads, inLoads, refused := 400, 0, 0
	if testing.Short() {
		loads = 50
	}
	for i := 0; i < loads; i++ {
		site, l := Site(root)
		if site != nil && site.Framework != nil {
			for _, q := range site.Framework.Questions {
				if strings.Contains(q.Text.Source, "SECRET") || q.ID == "ward-secret-1" {
					close(stop)
					wg.Wait()
					t.Fatalf("load %d brought in the file outside content/", i)
				}
				if q.ID == "ward-linked-1" {
					inLoads++
				}
			}
		}
		for _, d := range l.Sorted() {
			if d.Pos.File == "content/ward/linked.toml" && d.Severity == diag.Error {
				refused++
				break
			}
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d loads: %d read the inside target, %d refused the link", loads, inLoads, refused)
}
