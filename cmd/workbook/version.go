package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stderr)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	v := version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = "dev (" + s.Value[:12] + ")"
			}
		}
	}
	fmt.Fprintf(stdout, "workbook %s\n", v)
	return 0
}
