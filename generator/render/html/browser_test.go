package html

import (
	"path/filepath"
	"testing"

	"workbook/generator/output"
)

// The browser tests open the rendered site in Chromium through the
// shared harness, generator/browsertest, which skips them (or fails them
// on CI) when Chromium or axe-core is missing.

// writeSite copies a rendered site to a new temporary folder.
func writeSite(t *testing.T, out *output.Memory) string {
	t.Helper()
	dir := t.TempDir()
	disk := output.NewDir(dir)
	for _, n := range out.Names() {
		b, _ := out.Get(n)
		if err := disk.WriteFile(n, b); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fileURL is the file:// address of a page of a site written to dir.
func fileURL(dir, name string) string {
	return "file://" + filepath.ToSlash(filepath.Join(dir, name))
}
