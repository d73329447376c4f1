// Command workbook builds a reflective self-assessment framework into a
// static site and printable PDF workbooks. Each subcommand lives in its own
// file; all the work is done by the generator package.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site and every workbook into public/", runBuild},
		{"check", "load and check the content without writing anything", runCheck},
		{"serve", "preview the site while you edit; rebuilds on save", runServe},
		{"pdf", "write one custom workbook (a level, or part of one)", runPDF},
		{"report", "write a filled-in PDF of answers exported from the site or a filled workbook", runReport},
		{"answers", "turn a workbook filled in on screen into answers to import on the site", runAnswers},
		{"new", "start a framework in a new folder, or add a question to one", runNew},
		{"version", "print the version and the commit it was built from", runVersion},
		{"help", "show this help, or a command's: help build", nil},
	}
}

// memoryLimit is the soft limit on the Go heap unless GOMEMLIMIT says
// otherwise. A framework of 10,000 questions draws PDFs of thousands of
// pages, two at a time; without a limit the process peaks near 400 MB.
// With it the collector works harder only near the limit: small builds
// never reach it and the 10,000-question build peaks near 250 MB (the
// limit plus what is not heap: stacks, the binary, fpdf's buffers in
// flight). See README, Performance.
const memoryLimit = 224 << 20

// gcPercent lets the heap grow to three times what is live before the
// collector runs (Go's default is twice). A build is a short burst of
// allocation; collecting half as often makes the shipped content build
// about a tenth faster, and the memory limit above still bounds the peak.
const gcPercent = 200

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && name == "help" {
			return help(args[1], stdout, stderr)
		}
		usage(stdout)
		return 0
	case "-version", "--version":
		name = "version"
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "workbook: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

// help prints a command's help to stdout, as `workbook <command> -h`
// does to stderr.
func help(name string, stdout, stderr io.Writer) int {
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run([]string{"-h"}, stdout, stdout)
		}
	}
	fmt.Fprintf(stderr, "workbook help: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "workbook builds a self-assessment framework into a static site and PDF workbooks.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: workbook <command> [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'workbook help <command>' (or 'workbook <command> -h') for a command's flags.")
}
