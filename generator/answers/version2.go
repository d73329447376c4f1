package answers

import (
	"strings"
)

// version2 reads what version 2 adds to version 1 at the top of a file:
// whose answers they are ("person"). (It also adds an action's
// "status" to records, which record reads.)
func (d *decoder) version2(top map[string]member, at int) {
	m, ok := top["person"]
	if !ok {
		d.errorf(at, `export the answers again from the web version, giving your name`, `the file does not say whose answers they are ("person")`)
		return
	}
	d.set.PersonPos = d.lines.Pos(m.value)
	d.set.Person, _ = d.person(m.value, "person", true)
}

// person reads a person object at off, {"name": …, "team": …}; where
// names it in messages. The name is required when named is true.
func (d *base) person(off int, where string, named bool) (Person, bool) {
	if d.r.text[off] != '{' {
		d.errorf(off, d.mend, `%s should be an object with a "name", not %s`, where, kind(d.r.text, off))
		return Person{}, false
	}
	obj := d.object(off)
	var p Person
	ok := true
	if m, has := obj["name"]; has {
		p.Name, ok = d.oneLine(m.value, where+".name", named)
	} else if named {
		d.errorf(off, `add the reader's name, or export the answers again from the web version`, `%s has no "name"`, where)
		ok = false
	}
	if m, has := obj["team"]; has {
		var good bool
		p.Team, good = d.oneLine(m.value, where+".team", false)
		ok = ok && good
	}
	return p, ok
}

// oneLine reads a person's or a team's name at off: text of one line, no
// longer than MaxPerson, and, when required, not blank.
func (d *base) oneLine(off int, where string, required bool) (string, bool) {
	s, ok := d.textValue(off, where, MaxPerson)
	switch {
	case !ok:
		return "", false
	case strings.ContainsFunc(s, isControl):
		d.errorf(off, "write it on one line, without tabs or line breaks", "%s should be one line of text", where)
		return "", false
	case required && strings.TrimSpace(s) == "":
		d.errorf(off, "write the name", "%s is blank", where)
		return "", false
	}
	return s, true
}

// isControl reports whether r is a control character (C0, DEL or C1):
// no name holds one, and none may reach a terminal or a page heading.
// Line and paragraph separators (U+2028, U+2029) break lines too.
func isControl(r rune) bool { return r < 0x20 || r >= 0x7f && r < 0xa0 || r == 0x2028 || r == 0x2029 }

// status reads an action's status at off: "open", "done" or "".
func (d *base) status(off int, where string) (string, bool) {
	s, ok := d.textValue(off, where, MaxName)
	if ok && s != "" && s != StatusOpen && s != StatusDone {
		d.errorf(off, `write "open" or "done"`, "%s should be %q or %q, not %s", where, StatusOpen, StatusDone, short(s))
		return "", false
	}
	return s, ok
}
