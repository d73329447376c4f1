package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"workbook/generator"
	"workbook/generator/scaffold"
)

// runNew starts a framework (new DIR) or adds a question skeleton to one
// (new question --level L --foundation F --focus A).
func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "question" {
		return runNewQuestion(args[1:], stdout, stderr)
	}
	fs := newFlags("new", "new DIR\n       workbook new question --level L --foundation F --focus A [--config FILE]", stderr)
	if len(args) == 1 && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" {
		dir := args[0]
		files, err := scaffold.NewProject(dir, time.Now())
		if err != nil {
			fmt.Fprintf(stderr, "workbook new: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote a new framework in %s (%d files):\n", dir, len(files))
		for _, f := range files {
			fmt.Fprintf(stdout, "  %s\n", filepath.Join(dir, filepath.FromSlash(f)))
		}
		fmt.Fprintf(stdout, "Next: cd %s, then workbook serve to preview it while you edit, or workbook build.\n", dir)
		return 0
	}
	if code := parse(fs, args); code >= 0 {
		return code
	}
	fmt.Fprintln(stderr, "workbook new: name the folder to start the framework in, or say new question")
	fs.Usage()
	return 2
}

func runNewQuestion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new question", "new question --level L --foundation F --focus A [--config FILE]", stderr)
	var p projectFlags
	p.register(fs)
	level := fs.String("level", "", "the level's id (required)")
	foundation := fs.String("foundation", "", "the foundation's id (required)")
	focus := fs.String("focus", "", "the area of focus's id (required)")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if *level == "" || *foundation == "" || *focus == "" {
		fmt.Fprintln(stderr, "workbook new question: --level, --foundation and --focus are required")
		fs.Usage()
		return 2
	}
	opt := p.options()
	opt.Drafts = true // draft ids are taken too
	site, l := generator.Load(opt)
	if site == nil || site.Framework == nil {
		report(stderr, l, opt.Root)
		return 1
	}
	added, err := scaffold.NewQuestion(opt.Root, site, *level, *foundation, *focus)
	if err != nil {
		fmt.Fprintf(stderr, "workbook new question: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s:%d: added question %s as a draft; write its text there, then delete the draft line to publish it\n",
		filepath.ToSlash(filepath.Join(filepath.Dir(p.config), added.File)), added.Line, added.ID)
	return 0
}
