package main

import (
	"fmt"
	"io"

	"workbook/generator"
	"workbook/generator/wording"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [--config FILE]", stderr)
	var p projectFlags
	p.register(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	site, l := generator.Load(p.options())
	if report(stderr, l) {
		return 1
	}
	_, warns := l.Count()
	fmt.Fprintf(stdout, "ok: %d levels, %d questions, %s\n", len(site.Framework.Levels), len(site.Framework.Questions), wording.Count(warns, "warning"))
	return 0
}
