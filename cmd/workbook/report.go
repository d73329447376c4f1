package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"workbook/generator"
	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/model"
	"workbook/generator/wording"
	"workbook/generator/workshop"
)

// fileList collects a repeatable flag of file names (--answers a.json
// --answers b.json). Unlike listFlag it does not split at commas, which
// a file name may hold.
type fileList []string

func (l *fileList) String() string     { return strings.Join(*l, " ") }
func (l *fileList) Set(s string) error { *l = append(*l, s); return nil }

// runReport writes a PDF of answers exported from the web version: one
// person's (an individual report), or a team's (a team report: several
// answers files, or a team record with or without them).
func runReport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("report", "report --answers FILE [--answers FILE]... [--level L] [--cycle C] [--hide-names] -o FILE.pdf", stderr)
	var p projectFlags
	p.register(fs)
	var files fileList
	fs.Var(&files, "answers", "an answers file exported from the web version, a workbook PDF filled in on screen, or a team record from the team page (required; repeat for a team report)")
	level := fs.String("level", "", "the level to report on (default: the only level the file has answers for; for a team, the team record's, or the one most files answer)")
	cycle := fs.String("cycle", "", "team reports: the review cycle to report on (default: the latest with answers)")
	hide := fs.Bool("hide-names", false, "team reports: name people Person 1, Person 2… in the order given")
	outFile := outputFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if len(files) == 0 || *outFile == "" {
		fmt.Fprintln(stderr, "workbook report: --answers and -o are required")
		fs.Usage()
		return 2
	}
	site, l := generator.Load(p.options())
	if report(stderr, l, p.options().Root) {
		return 1
	}
	if len(files) == 1 && !isTeamRecord(files[0]) {
		return individualReport(p, site, files[0], *level, *outFile, stdout, stderr)
	}
	ws, pages, err := generator.WriteTeamReport(p.options(), site, files, workshop.Options{Level: *level, Cycle: *cycle, Hide: *hide}, *outFile)
	if failed(stderr, err, "no file can be used") {
		return 1
	}
	if left := ws.Problems(); left != nil {
		// Written, but say which files are not in it, one problem a line.
		fmt.Fprintf(stderr, "workbook report: left out %d of %s (the report lists them too):\n%v\n", len(ws.LeftOut), wording.Count(len(files), "file"), left)
	}
	fmt.Fprintf(stdout, "wrote %s: the %s level's team report for %s, %s (%d pages)\n", *outFile, ws.Level.Title, ws.Cycle, wording.Plural(len(ws.People), "person", "people"), pages)
	return 0
}

// isTeamRecord reports whether file is a team record: one alone makes a
// team report. A file that cannot be read is not; the individual report
// says why.
func isTeamRecord(file string) bool {
	f, err := answers.Read(file)
	return err == nil && f.Team != nil
}

// individualReport writes the report of one person's answers file.
func individualReport(p projectFlags, site *model.Site, file, level, out string, stdout, stderr io.Writer) int {
	opt := p.options()
	opt.Warnings = &diag.List{}
	lv, pages, err := generator.WriteReport(opt, site, file, level, out)
	report(stderr, opt.Warnings, "") // positions in the answers file, named as given
	if failed(stderr, err, "the answers file cannot be used") {
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: the %s level's answers (%d pages)\n", out, lv.Title, pages)
	return 0
}

// failed prints why a report was not written, if it was not, and says
// so: the files' problems one a line, as "path:line:col: what; what to
// do", after why, or any other error.
func failed(stderr io.Writer, err error, why string) bool {
	var problems *diag.List
	switch {
	case errors.As(err, &problems):
		fmt.Fprintf(stderr, "workbook report: nothing was written; %s:\n%v\n", why, problems)
	case err != nil:
		printError(stderr, "report", err)
	}
	return err != nil
}
