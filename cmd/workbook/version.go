package main

import (
	"cmp"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// version may be set at release time with -ldflags "-X main.version=…";
// otherwise the build information says which module version and which
// commit the program was built from.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", stderr)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintf(stdout, "workbook %s\n", describeVersion(version, info))
	return 0
}

// describeVersion says what a build is: "v1.2.0, commit 1a2b3c4d5e6f
// (2026-11-24, with uncommitted changes), go1.26.8". A program built
// without version control information says so instead of pretending to
// a version.
func describeVersion(set string, info *debug.BuildInfo) string {
	if info == nil {
		return cmp.Or(set, "with no build information")
	}
	v := cmp.Or(set, info.Main.Version)
	if v == "" || v == "(devel)" {
		v = "development build"
	}
	var rev, when string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v + ", " + info.GoVersion + " (no commit recorded: built with go run, or with -buildvcs=false)"
	}
	var facts []string
	if len(when) >= 10 {
		facts = append(facts, when[:10])
	}
	if modified {
		facts = append(facts, "with uncommitted changes")
	}
	commit := "commit " + rev[:min(12, len(rev))]
	if len(facts) > 0 {
		commit += " (" + strings.Join(facts, ", ") + ")"
	}
	return v + ", " + commit + ", " + info.GoVersion
}
