package main

import (
	"fmt"
	"io"
	"strings"

	"workbook/generator"
	"workbook/generator/model"
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
	if reportAll(stderr, l, p.options().Root) {
		return 1
	}
	_, warns := l.Count()
	fmt.Fprintf(stdout, "ok: %s, %s%s, %s\n", wording.Count(len(site.Framework.Levels), "level"), wording.Count(len(site.Framework.Questions), "question"), draftNote(site.Drafts), wording.Count(warns, "warning"))
	return 0
}

// draftNote says how many drafts the content holds and whether they are
// counted in: " (and 2 draft questions, left out: …)".
func draftNote(d model.Drafts) string {
	var parts []string
	if d.Questions > 0 {
		parts = append(parts, wording.Count(d.Questions, "draft question"))
	}
	if d.Pages > 0 {
		parts = append(parts, wording.Count(d.Pages, "draft page"))
	}
	if len(parts) == 0 {
		return ""
	}
	if d.Kept {
		return " (including " + strings.Join(parts, " and ") + ")"
	}
	return " (and " + strings.Join(parts, " and ") + ", left out: build --drafts includes them)"
}
