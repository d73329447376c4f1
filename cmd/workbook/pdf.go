package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"workbook/generator"
)

// listFlag collects a repeatable flag (--foundation a --foundation b);
// commas also separate values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

func runPDF(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("pdf", "pdf --level L [--foundation F]... [--focus A]... [--title T] [--cycles C,C] [--fillable=false] [--facilitator] -o FILE", stderr)
	var p projectFlags
	p.register(fs)
	level := fs.String("level", "", "the level's id (required)")
	var foundations, focus, cycles listFlag
	fs.Var(&foundations, "foundation", "a foundation id to include (repeat for more; default all)")
	fs.Var(&focus, "focus", "an area of focus id to include (repeat for more; default all)")
	fs.Var(&cycles, "cycles", "the review cycles to print a rating row for, comma-separated (default: config.toml's [pdf] cycles, itself the last two cycles)")
	title := fs.String("title", "", "the workbook's title on its cover (default: the level's title)")
	fillable := fs.Bool("fillable", true, "make a PDF form to fill in on screen (default: config.toml's [pdf] fillable, itself true by default)")
	facilitator := fs.Bool("facilitator", false, "write the facilitator pack for these questions instead: a timed session plan, how to run it, and a consolidation sheet")
	outFile := outputFlag(fs)
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *level == "" || *outFile == "" {
		fmt.Fprintln(stderr, "workbook pdf: --level and -o are required")
		fs.Usage()
		return 2
	}
	site, l := generator.Load(p.options())
	if report(stderr, l, p.options().Root) {
		return 1
	}
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "fillable":
			site.Config.PDF.Fillable = *fillable
		case "cycles":
			cycles = append(listFlag{}, cycles...) // given, even if empty: checked as given
		}
	})
	name := strings.TrimSuffix(*outFile, ".pdf")
	write := generator.WriteCustomPDF
	if *facilitator {
		write = generator.WritePack
	}
	pages, err := write(p.options(), site, generator.Subset{Name: name, Title: *title, Level: *level,
		Foundations: foundations, Focus: focus, Cycles: cycles}, *outFile)
	if err != nil {
		printError(stderr, "pdf", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d pages)\n", *outFile, pages)
	return 0
}

var _ flag.Value = (*listFlag)(nil)
