package answers

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"workbook/generator/diag"
)

// Hints: what to do about a problem, by its cause.
const (
	hintExport = "export the answers again from the web version"
	hintMend   = "mend the file here, or " + hintExport
)

// Decode turns the bytes of an answers file into a Set. It checks all a
// file can be checked for on its own: that it is an answers file of a
// version this program reads, and every value's kind and length; it
// does not check it against a site (see Check). On failure the error is
// a *diag.List naming file (name), line and column of every problem, up
// to a screenful.
func Decode(name string, b []byte) (*Set, error) {
	if err := tooBig(name, b, "an export of answers"); err != nil {
		return nil, err
	}
	d := &decoder{base: newBase(name, b, hintMend), set: &Set{File: name}}
	d.decode()
	if err := d.p.err(); err != nil {
		return nil, err
	}
	// Sorted as pointers, then copied once: a file may hold many records.
	slices.SortFunc(d.records, func(a, b *Record) int {
		return cmp.Or(strings.Compare(a.Question, b.Question), strings.Compare(a.Cycle, b.Cycle), cmpKept(a.Kept, b.Kept), strings.Compare(a.Level, b.Level))
	})
	d.set.Records = make([]Record, len(d.records))
	for i, r := range d.records {
		d.set.Records[i] = *r
	}
	return d.set, nil
}

// cmpKept orders a record from "answers" before one from "kept".
func cmpKept(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// base walks one file's text: what the decoders of every format this
// package reads (answers, team records) share.
type base struct {
	r     reader
	lines *diag.Lines
	p     problems
	mend  string // the hint for a value of the wrong kind: how to mend the file
}

func newBase(name string, b []byte, mend string) base {
	t := text(b)
	return base{r: reader{text: t}, lines: diag.NewLines(name, t), mend: mend}
}

// tooBig refuses a file over MaxFileSize bytes; what names the kind of
// file ("an export of answers").
func tooBig(name string, b []byte, what string) error {
	if len(b) <= MaxFileSize {
		return nil
	}
	var p problems
	p.add(diag.Pos{File: name}, what+" is far smaller: is it the right file?", "the file is larger than %d MB", MaxFileSize>>20)
	return p.err()
}

// decoder walks one answers file.
type decoder struct {
	base
	set     *Set
	records []*Record // the set's records, in the order of the file
}

// errorf records a problem at byte offset off of the text.
func (d *base) errorf(off int, hint, format string, args ...any) {
	d.p.add(d.lines.Pos(off), hint, format, args...)
}

// kindOf is one format this package reads: its name, newest version,
// and the words its messages use.
type kindOf struct {
	format string // the value of "format"
	newest int    // the newest version this program reads
	what   string // "an export of answers": what a file of the format is
	name   string // "the answers format"
	choose string // the hint when the file is another kind of file
	again  string // the hint when a file is too new or lacks a version
}

// answersKind is the answers format.
var answersKind = kindOf{
	format: Format, newest: Version, what: "an export of answers", name: "the answers format",
	choose: `choose the file the web version's "Export answers (JSON)" saved`, again: hintExport,
}

// header checks that the whole text is JSON, as JSON.parse would before
// anything else, then that it holds an object of format k in a version
// this program reads. It returns the object's members, where it starts
// and its version; ok is false when the file is refused.
func (d *base) header(k kindOf) (top map[string]member, start, version int, ok bool) {
	r := &d.r
	r.space()
	start = r.off
	err := r.skip()
	if err == nil {
		r.space()
		if r.off < len(r.text) {
			err = r.fail("the end of the file")
		}
	}
	if err != nil {
		d.syntax(err)
		return nil, 0, 0, false
	}
	if r.text[start] != '{' {
		d.errorf(start, k.choose, "not %s: the file holds %s, not an object", k.what, kind(r.text, start))
		return nil, 0, 0, false
	}
	top = d.object(start)
	if v, ok := d.stringAt(top, "format"); !ok || v != k.format {
		d.errorf(d.at(top, "format", start), k.choose, `not %s: it should say "format": %q`, k.what, k.format)
		return nil, 0, 0, false
	}
	version, ok = d.version(top, start, k)
	return top, start, version, ok
}

// decode reads the header, then hands the rest to the reader of the
// file's version.
func (d *decoder) decode() {
	top, start, version, ok := d.header(answersKind)
	if !ok {
		return
	}
	d.set.Version = version
	d.version1(top, start)
	if version >= 2 {
		d.version2(top, start)
	}
}

// syntax records where the text stops being JSON. When it ends too
// soon, the place is its last character, where it was cut short.
func (d *base) syntax(err error) {
	se := err.(*syntaxError)
	off := se.off
	if off >= len(d.r.text) {
		off = len(bytes.TrimRight(d.r.text, " \t\r\n")) - 1
		for off > 0 && !isStart(d.r.text[off]) {
			off--
		}
	}
	d.errorf(off, d.mend, "not valid JSON: %s", se.msg)
}

// isStart reports whether c starts a UTF-8 character.
func isStart(c byte) bool { return c&0xC0 != 0x80 }

// version reads the format version, a number from 1 to k.newest.
func (d *base) version(top map[string]member, at int, k kindOf) (int, bool) {
	m, ok := top["version"]
	if !ok {
		d.errorf(at, k.again, `the file does not say which version of %s it is in ("version")`, k.name)
		return 0, false
	}
	if kind(d.r.text, m.value) != "a number" {
		d.errorf(m.value, k.again, "the %s version should be a number, not %s", strings.TrimPrefix(k.name, "the "), kind(d.r.text, m.value))
		return 0, false
	}
	d.r.off = m.value
	_ = d.r.scalar()
	lit := string(d.r.text[m.value:d.r.off]) // digits, '.', 'e', '+' and '-' only
	v, _ := strconv.ParseFloat(lit, 64)
	if len(lit) > 20 {
		lit = lit[:20] + "…"
	}
	if v != float64(int(v)) || v < 1 || v > float64(k.newest) {
		d.errorf(m.value, k.again+", or use a newer version of this program", "the file is in version %s of %s; this program reads %s", lit, k.name, versions(k.newest))
		return 0, false
	}
	return int(v), true
}

// versions names the versions from 1 to newest.
func versions(newest int) string {
	if newest == 1 {
		return "version 1"
	}
	return fmt.Sprintf("versions 1 to %d", newest)
}

// object returns the members of the object at off by name. The text is
// known to be JSON.
func (d *base) object(off int) map[string]member {
	ms := d.members(off)
	out := make(map[string]member, len(ms))
	for _, m := range ms {
		out[m.name] = m
	}
	return out
}

// members returns the members of the object at off in the order of the
// file, a name given twice keeping its last value.
func (d *base) members(off int) []member {
	d.r.off = off
	ms, _ := d.r.members()
	slices.SortFunc(ms, func(a, b member) int { return a.value - b.value })
	return ms
}

// at returns where member name's value is, or def if there is none.
func (d *base) at(obj map[string]member, name string, def int) int {
	if m, ok := obj[name]; ok {
		return m.value
	}
	return def
}

// stringAt returns member name's value if it is text.
func (d *base) stringAt(obj map[string]member, name string) (string, bool) {
	m, ok := obj[name]
	if !ok {
		return "", false
	}
	return d.str(m.value)
}

// str returns the value at off if it is text.
func (d *base) str(off int) (string, bool) {
	if d.r.text[off] != '"' {
		return "", false
	}
	d.r.off = off
	s, err := d.r.str()
	return s, err == nil
}

// textValue reads the value at off, which must be text of at most max
// characters; where names it in messages.
func (d *base) textValue(off int, where string, max int) (string, bool) {
	s, ok := d.str(off)
	switch {
	case !ok:
		d.errorf(off, d.mend, "%s should be text, not %s", where, kind(d.r.text, off))
	case Length(s) > max:
		d.errorf(off, "shorten it", "%s is longer than %d characters", where, max)
	default:
		return s, true
	}
	return "", false
}

// short quotes text from the file for a message: escaped, so that no
// file can put control characters or a forged line on a terminal, and
// cut to a length that fits one.
func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}

// path names a place in the file for messages, in JavaScript's notation:
// answers.ward-soil-1.Spring.answer, or answers.ward-soil-1["2025/26"]
// where a name is not a plain word.
func path(names ...string) string {
	var b strings.Builder
	for i, n := range names {
		plain := n != ""
		for _, c := range n {
			plain = plain && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')
		}
		switch {
		case plain && i > 0:
			b.WriteString("." + n)
		case plain:
			b.WriteString(n)
		default:
			b.WriteString("[" + short(n) + "]")
		}
	}
	return b.String()
}

// maxProblems is how many problems one file's report lists: enough to
// mend a file by hand, few enough to read; a file with more is the
// wrong file or badly broken.
const maxProblems = 20

// problems collects a file's problems, up to maxProblems.
type problems struct {
	list diag.List
	n    int
}

func (p *problems) add(pos diag.Pos, hint, format string, args ...any) {
	p.n++
	switch {
	case p.n <= maxProblems:
		p.list.Errorf(pos, hint, format, args...)
	case p.n == maxProblems+1:
		p.list.Errorf(pos, "mend those above first", "more problems from here on are not listed")
	}
}

// full reports whether no more problems will be listed.
func (p *problems) full() bool { return p.n > maxProblems }

// err returns the problems, or nil when there are none.
func (p *problems) err() error {
	if p.n == 0 {
		return nil
	}
	return &p.list
}
