// Package themes compiles the default theme into the program, so that a
// project without a themes/ folder (one started with `workbook new`, or a
// content repository that holds only its own words) still builds. A
// project's own themes/default/ folder, where there is one, is used
// instead.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var files embed.FS

// Default is the default theme's files: layouts/, static/ and fonts/.
func Default() fs.FS {
	sub, err := fs.Sub(files, "default")
	if err != nil {
		panic(err) // the folder is compiled in: it cannot be missing
	}
	return sub
}
