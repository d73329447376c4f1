package serve

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/sources"
)

// halfWritten finds a content file among the changed paths that is empty
// now: most often a save caught half-way by an editor or tool that
// truncates a file before writing it, which would otherwise be served for
// a moment as a level with its questions missing. The preview keeps the
// last good build until the file is written (its next event rebuilds)
// and says so; an editor who really meant to empty the file is told to
// delete it instead.
func halfWritten(root string, changed []string) (diag.Diagnostic, bool) {
	for _, rel := range changed {
		if !strings.HasPrefix(rel, "content/") || !sources.Content(path.Base(rel)) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil || len(bytes.TrimSpace(b)) > 0 {
			continue // gone (a deletion is meant) or written
		}
		return diag.Diagnostic{
			Pos:      diag.Pos{File: rel},
			Severity: diag.Error,
			Msg:      "the file is empty, so the preview still shows the last good build",
			Hint:     "if a save is under way, the preview updates when it ends; to remove the file's questions, delete the file",
		}, true
	}
	return diag.Diagnostic{}, false
}
