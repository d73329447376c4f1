package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"workbook/generator"
	"workbook/generator/diag"
	"workbook/generator/wording"
)

// newFlags makes a flag set that prints its usage to stderr and reports
// -h as a request for help rather than an error.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: workbook %s\n", synopsis)
		any := false
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses args and returns the exit status to use if the command
// must stop (0 after -h, 2 after a bad flag), or -1 to go on.
func parse(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "workbook %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return 2
	}
	return -1
}

// projectFlags are the flags every command that loads content shares.
type projectFlags struct {
	config string
}

func (p *projectFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.config, "config", "config.toml", "the site's config file; content/ and themes/ are read from its folder")
}

func (p *projectFlags) options() generator.Options {
	return generator.Options{Root: filepath.Dir(p.config), ConfigFile: p.config}
}

// outputFlag registers -o and its long form --out for a command that
// writes one file.
func outputFlag(fs *flag.FlagSet) *string { return outputFlagOf(fs, "PDF") }

// outputFlagOf is outputFlag for a file of another kind ("JSON").
func outputFlagOf(fs *flag.FlagSet, kind string) *string {
	out := fs.String("o", "", "the "+kind+" file to write (required)")
	fs.StringVar(out, "out", "", "same as -o")
	return out
}

// report prints diagnostics, errors and warnings in file order, and a
// count. It returns true when there were errors. A flood of warnings of
// one kind is cut to a few and a count (diag.Brief): check lists them
// all (reportAll).
func report(stderr io.Writer, l *diag.List, root string) bool {
	return printDiags(stderr, l, root, briefWarnings)
}

// reportAll is report with every warning.
func reportAll(stderr io.Writer, l *diag.List, root string) bool {
	return printDiags(stderr, l, root, 0)
}

// briefWarnings is how many warnings of one kind report prints.
const briefWarnings = 5

func printDiags(stderr io.Writer, l *diag.List, root string, most int) bool {
	if l == nil {
		return false
	}
	ds := l.Sorted()
	if most > 0 {
		ds = diag.Brief(ds, most)
	}
	excerpt := diag.Excerpts(root)
	for _, d := range ds {
		fmt.Fprintln(stderr, d.String())
		if ex := excerpt(d.Pos); ex != "" {
			fmt.Fprintln(stderr, ex)
		}
	}
	errs, warns := l.Count()
	if errs > 0 {
		fmt.Fprintf(stderr, "%s, %s: nothing was written; fix the errors above and run again\n", wording.Count(errs, "error"), wording.Count(warns, "warning"))
	}
	return errs > 0
}

// printError prints a command's error on stderr. Errors can quote file
// names and content, so they are escaped like diagnostics (a name must
// not forge a line or send a terminal escape); a list of diagnostics is
// printed one per line, each already escaped.
func printError(stderr io.Writer, cmd string, err error) {
	var l *diag.List
	msg := diag.Escape(err.Error())
	if errors.As(err, &l) {
		msg = l.Error()
	}
	fmt.Fprintf(stderr, "workbook %s: %s\n", cmd, msg)
}
