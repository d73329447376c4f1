package main

import (
	"errors"
	"fmt"
	"io"

	"workbook/generator"
	"workbook/generator/diag"
)

// runReport writes a filled-in PDF of answers exported from the web
// version, for a board or team meeting.
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", "report --answers FILE.json|FILLED.pdf [--level L] -o FILE.pdf", stderr)
	var p projectFlags
	p.register(fs)
	answers := fs.String("answers", "", "the answers file exported from the web version, or a workbook PDF filled in on screen (required)")
	level := fs.String("level", "", "the level to report on (default: the only level the file has answers for)")
	outFile := outputFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *answers == "" || *outFile == "" {
		fmt.Fprintln(stderr, "workbook report: --answers and -o are required")
		fs.Usage()
		return 2
	}
	site, l := generator.Load(p.options())
	if report(stderr, l, p.options().Root) {
		return 1
	}
	opt := p.options()
	opt.Warnings = &diag.List{}
	lv, pages, err := generator.WriteReport(opt, site, *answers, *level, *outFile)
	report(stderr, opt.Warnings, "") // positions in the answers file, named as given
	var problems *diag.List
	if errors.As(err, &problems) {
		// One problem a line, as "path:line:col: what; what to do".
		fmt.Fprintf(stderr, "workbook report: nothing was written; the answers file cannot be used:\n%v\n", problems)
		return 1
	}
	if err != nil {
		printError(stderr, "report", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: the %s level's answers (%d pages)\n", *outFile, lv.Title, pages)
	return 0
}
