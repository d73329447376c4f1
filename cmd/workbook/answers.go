package main

import (
	"errors"
	"fmt"
	"io"

	"workbook/generator"
	"workbook/generator/diag"
	"workbook/generator/wording"
)

// runAnswers turns a workbook filled in on screen into an export of
// answers, for the web version's "Import answers".
func runAnswers(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("answers", "answers --from FILLED.pdf -o FILE.json", stderr)
	var p projectFlags
	p.register(fs)
	from := fs.String("from", "", "the workbook PDF, filled in and saved (required)")
	out := outputFlagOf(fs, "JSON")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *from == "" || *out == "" {
		fmt.Fprintln(stderr, "workbook answers: --from and -o are required")
		fs.Usage()
		return 2
	}
	site, l := generator.Load(p.options())
	if report(stderr, l, p.options().Root) {
		return 1
	}
	opt := p.options()
	opt.Warnings = &diag.List{}
	ans, err := generator.WriteAnswers(opt, site, *from, *out)
	report(stderr, opt.Warnings, "") // positions in the answers file, named as given
	var problems *diag.List
	if errors.As(err, &problems) {
		fmt.Fprintf(stderr, "workbook answers: nothing was written; the workbook cannot be used:\n%v\n", problems)
		return 1
	}
	if err != nil {
		printError(stderr, "answers", err)
		return 1
	}
	qs := map[string]bool{}
	for _, r := range ans.Records {
		qs[r.Question] = true
	}
	fmt.Fprintf(stdout, "wrote %s: %s to %s (answers, evidence and actions in %s), to import on the site's level page\n",
		*out, wording.Count(len(ans.Records), "answer"), wording.Count(len(qs), "question"), ans.Workbook.Cycle)
	return 0
}
