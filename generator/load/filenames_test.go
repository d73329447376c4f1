package load

import (
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// Ids and names that name files are refused where they are written when
// the file system would refuse the file: too long with the suffix the
// build adds, or a name Windows keeps for a device. The longest allowed
// still loads.
func TestIDsThatNameFilesMustMakeFileNames(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want string
	}{
		{strings.Repeat("f", maxFileNameID+1), "content/framework.toml:17:1: foundation id is 251 characters long"},
		{"lpt1", `content/framework.toml:17:1: foundation id "lpt1" cannot name a file on Windows`},
		{strings.Repeat("f", maxFileNameID), ""},
		{"console", ""},
	} {
		root := testsite.Copy(t, small)
		edit(t, root, "content/framework.toml", `id = "soil"`, `id = "`+tc.id+`"`)
		_, l := Site(root)
		text := l.Error()
		if tc.want != "" && !strings.Contains(text, tc.want) {
			t.Errorf("%.20s…: no %q in:\n%s", tc.id, tc.want, text)
		}
		if tc.want == "" && (strings.Contains(text, "name a file") || strings.Contains(text, "too long for the file")) {
			t.Errorf("%.20s…: refused:\n%s", tc.id, text)
		}
	}
}
