// Package diag holds the problems found in a project's content: where each
// one is (file, line, column), what is wrong and what the editor should do.
//
// Editors are not programmers, so every loader and checker collects all the
// problems it can find into a List instead of stopping at the first one.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a problem stops a build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is printed but does not stop the build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Pos is a place in a source file. Line and Col count from 1; zero means
// unknown (for example, a missing file has no line).
type Pos struct {
	File string // slash-separated, relative to the project root
	Line int
	Col  int
}

// String formats the place as file:line:col, with the file name escaped
// (see Escape): a name is whatever the file system allows.
func (p Pos) String() string {
	file := Escape(p.File)
	switch {
	case p.Line == 0:
		return file
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Diagnostic is one problem. Msg says what is wrong; Hint says what to do.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
	Hint     string
}

// String formats the problem as "path:line:col: what is wrong; what to do",
// the form editors and their tools (VS Code, vim's quickfix) understand.
// It is always one line, whatever the file name or message holds.
func (d Diagnostic) String() string {
	where, msg, hint := d.Parts()
	var b strings.Builder
	b.WriteString(where)
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(msg)
	if hint != "" {
		b.WriteString("; ")
		b.WriteString(hint)
	}
	return b.String()
}

// Parts returns the place, message and hint escaped for display (see
// Escape), for whoever lays a problem out other than as one line, such
// as the preview server's banner. Every display of a problem goes through
// here or String.
func (d Diagnostic) Parts() (where, msg, hint string) {
	return d.Pos.String(), Escape(d.Msg), Escape(d.Hint)
}

// List collects problems. The zero value is ready to use.
type List struct {
	items []Diagnostic
}

// Errorf records an error at pos. hint says what to do about it.
func (l *List) Errorf(pos Pos, hint, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos Pos, hint, format string, args ...any) {
	l.items = append(l.items, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Add appends already-made diagnostics.
func (l *List) Add(ds ...Diagnostic) { l.items = append(l.items, ds...) }

// HasErrors reports whether any problem stops the build.
func (l *List) HasErrors() bool {
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Sorted returns the problems ordered by file, line and column, so the
// output reads top to bottom like the files themselves.
func (l *List) Sorted() []Diagnostic {
	out := append([]Diagnostic(nil), l.items...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return out
}

// Error makes a List usable as an error value: one problem per line.
func (l *List) Error() string {
	var b strings.Builder
	for i, d := range l.Sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
