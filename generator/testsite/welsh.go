package testsite

import (
	"path/filepath"
	"testing"
)

// Welsh copies the small fixture project (testdata/sites/small) as a
// Welsh site: config.toml says language = "cy" and dates it 1 March 2025,
// and i18n/cy.toml is testdata/i18n/cy.toml, which translates some of the
// theme's words and leaves the rest to fall back to English. It returns
// the copy's root.
func Welsh(t testing.TB) string {
	t.Helper()
	root := Copy(t, "testdata/sites/small")
	Replace(t, root, "config.toml", "date = 2025-04-01", "date = 2025-03-01\nlanguage = \"cy\"")
	Write(t, root, "i18n/cy.toml", Read(t, filepath.Join(RepoRoot(), "testdata", "i18n"), "cy.toml"))
	return root
}
