package main

import (
	"errors"
	"fmt"
	"io"
	"time"

	"workbook/generator"
	"workbook/generator/publish"
	"workbook/generator/wording"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [--config FILE] [--out DIR] [--drafts] [--stats]", stderr)
	var p projectFlags
	p.register(fs)
	out := fs.String("out", "", "the folder to write the site into (default: public/ beside the config file)")
	stats := fs.Bool("stats", false, "print the time each phase took")
	drafts := fs.Bool("drafts", false, "include draft questions and pages (draft = true)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	start := time.Now()
	opt := p.options()
	opt.Out, opt.Drafts = *out, *drafts
	res, err := generator.Build(opt)
	if report(stderr, res.Diags, opt.Root) || errors.Is(err, generator.ErrInvalid) {
		return 1
	}
	if err != nil {
		printError(stderr, "build", err)
		if publish.Untouched(err) {
			fmt.Fprintln(stderr, "The previous output was left as it was.")
		}
		return 1
	}
	if *stats {
		for _, ph := range res.Phases {
			fmt.Fprintf(stdout, "  %-16s %6.1f ms\n", ph.Name, wording.Millis(ph.Duration))
		}
	}
	reused := ""
	if res.Reused > 0 {
		reused = fmt.Sprintf(" (%d unchanged)", res.Reused)
	}
	packs := ""
	if res.Packs > 0 {
		packs = ", " + wording.Count(res.Packs, "facilitator pack")
	}
	fmt.Fprintf(stdout, "built %s, %s%s%s, %s%s in %s\n",
		wording.Count(res.Pages, "page"), wording.Count(res.Workbooks, "workbook"), packs, reused, wording.Count(res.Questions, "question"), draftNote(res.Site.Drafts), wording.Took(time.Since(start)))
	return 0
}
