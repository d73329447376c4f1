package serve

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"workbook/generator/diag"
	"workbook/generator/wording"
)

// terminal writes what the server does, one line per rebuild: what
// changed, what was rebuilt and how long it took. Problems go to stderr
// one per line in the file:line:col form editors' tools turn into links,
// the same lines `workbook check` prints.
type terminal struct {
	mu       sync.Mutex
	out, err io.Writer
	failing  bool   // the latest rebuild failed
	warnings string // the warnings last printed, so they are not repeated
	root     string // the project, whose lines problems quote
}

func newTerminal(out, err io.Writer, root string) *terminal {
	if out == nil {
		out = io.Discard
	}
	if err == nil {
		err = io.Discard
	}
	return &terminal{out: out, err: err, root: root}
}

// warn prints a line to stderr, escaped (see diag.Escape): its
// arguments may hold file names.
func (t *terminal) warn(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintln(t.err, diag.Escape(fmt.Sprintf(format, args...)))
}

// errw is stderr, for the HTTP server's own log.
func (t *terminal) errw() io.Writer { return lockedWriter{t} }

type lockedWriter struct{ t *terminal }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.t.mu.Lock()
	defer w.t.mu.Unlock()
	// The HTTP server's log may quote what a client sent: each message is
	// one line (the logger ends it with a newline), escaped like the rest.
	msg, nl := strings.CutSuffix(string(p), "\n")
	msg = diag.Escape(msg)
	if nl {
		msg += "\n"
	}
	if _, err := io.WriteString(w.t.err, msg); err != nil {
		return 0, err
	}
	return len(p), nil
}

// first reports the first build and where the site is.
func (t *terminal) first(o *outcome, url string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if o.failed() {
		t.problems(o)
		fmt.Fprintf(t.err, "%s: the site cannot be built yet. Serving a page that lists them at %s until they are fixed.\n", countErrors(o), url)
	} else {
		t.printWarnings(o)
		fmt.Fprintf(t.out, "Built %d pages and %s in %s.\n", o.pages, wording.Count(len(o.drawn), "PDF"), wording.Took(o.took))
		fmt.Fprintf(t.out, "Serving %s\n", url)
	}
	fmt.Fprintln(t.out, "Watching config.toml, content/, themes/, layouts/ and static/: save a file to see it. Press Ctrl-C to stop.")
}

// rebuilt reports a rebuild after the paths in batch changed. early is
// the pages-first build, if there was one.
func (t *terminal) rebuilt(batch []string, early, o *outcome) {
	t.mu.Lock()
	defer t.mu.Unlock()
	prefix := time.Now().Format("15:04:05") + " " + changedFiles(batch) + ": "
	if o.failed() {
		shown := "still serving the last good build"
		if early != nil {
			shown = "serving the new pages with the previous PDFs"
		}
		fmt.Fprintf(t.err, "%s%s; %s (%s)\n", prefix, countErrors(o), shown, wording.Took(o.took))
		t.problems(o)
		return
	}
	var b strings.Builder
	b.WriteString(prefix)
	if t.failing {
		b.WriteString("fixed; ")
		t.failing = false
	}
	b.WriteString(rebuiltWhat(early, o))
	if early != nil {
		fmt.Fprintf(&b, "; pages served in %s, PDFs in %s", wording.Took(early.took), wording.Took(o.took))
	} else {
		fmt.Fprintf(&b, " in %s", wording.Took(o.took))
	}
	if o.changed.empty() && (early == nil || early.changed.empty()) {
		b.WriteString("; nothing on the site changed")
	}
	fmt.Fprintln(t.out, b.String())
	t.printWarnings(o)
}

// problems prints every diagnostic of a failed rebuild, errors and
// warnings, in file order.
func (t *terminal) problems(o *outcome) {
	t.failing = true
	var lines []string
	excerpt := diag.Excerpts(t.root)
	for _, d := range o.diags {
		lines = append(lines, d.String())
		if ex := excerpt(d.Pos); ex != "" && d.Severity == diag.Error {
			lines = append(lines, ex)
		}
	}
	if o.err != nil {
		lines = append(lines, diag.Escape(o.err.Error()))
	}
	fmt.Fprintln(t.err, strings.Join(lines, "\n"))
	t.warnings = ""
}

// printWarnings prints the warnings of a good build unless they are the
// ones printed last time.
func (t *terminal) printWarnings(o *outcome) {
	var lines []string
	for _, d := range diag.Brief(o.diags, 5) {
		if d.Severity == diag.Warning {
			lines = append(lines, d.String())
		}
	}
	w := strings.Join(lines, "\n")
	if w != t.warnings && w != "" {
		fmt.Fprintln(t.err, w)
	}
	t.warnings = w
}

// rebuiltWhat says what a rebuild drew: "level provider: 2 PDFs, 19
// pages", or "19 pages" when no PDF needed drawing.
func rebuiltWhat(early, o *outcome) string {
	var b strings.Builder
	if o.newTheme || (early != nil && early.newTheme) {
		b.WriteString("theme reloaded; ")
	}
	drawn, levels := o.drawn, o.levels
	if early != nil {
		drawn = append(append([]string(nil), early.drawn...), drawn...)
		levels = appendNew(append([]string(nil), early.levels...), levels...)
	}
	pages := wording.Count(o.pages, "page")
	if len(drawn) == 0 {
		b.WriteString(pages)
		return b.String()
	}
	word := "level "
	if len(levels) > 1 {
		word = "levels "
	}
	fmt.Fprintf(&b, "%s%s: %s, %s", word, strings.Join(levels, ", "), wording.Count(len(drawn), "PDF"), pages)
	return b.String()
}

func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		found := false
		for _, l := range list {
			found = found || l == m
		}
		if !found {
			list = append(list, m)
		}
	}
	return list
}

// changedFiles names the changed files, the first few of a long list.
func changedFiles(batch []string) string {
	var names []string
	for _, p := range batch {
		if p == rescan {
			p = "some files (file events were lost)"
		}
		names = append(names, diag.Escape(p))
	}
	const show = 3
	if len(names) > show+1 {
		return fmt.Sprintf("%s and %d more", strings.Join(names[:show], ", "), len(names)-show)
	}
	return strings.Join(names, ", ")
}

func countErrors(o *outcome) string {
	n := 0
	for _, d := range o.diags {
		if d.Severity == diag.Error {
			n++
		}
	}
	if o.err != nil {
		n++
	}
	return wording.Count(n, "error")
}
