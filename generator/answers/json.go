package answers

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// reader reads JSON text as JavaScript's JSON.parse does (RFC 8259:
// no comments, no trailing commas, no raw control characters in text,
// any depth of nesting), keeping the byte offset of everything it reads
// so that a problem can be placed by line and column. The text is valid
// UTF-8 (see text). skip never recurses on the input's nesting, so no
// file can exhaust the stack.
type reader struct {
	text []byte
	off  int
}

// syntaxError is where and how the text stops being JSON.
type syntaxError struct {
	off int // len(text) when the text ends too soon
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// space skips white space.
func (r *reader) space() {
	for r.off < len(r.text) {
		switch r.text[r.off] {
		case ' ', '\t', '\n', '\r':
			r.off++
		default:
			return
		}
	}
}

// fail says what was found where want should be.
func (r *reader) fail(want string) error {
	if r.off >= len(r.text) {
		return &syntaxError{off: len(r.text), msg: "the file ends where " + want + " should be"}
	}
	c, _ := utf8.DecodeRune(r.text[r.off:])
	found, note := strconv.QuoteRune(c), ""
	if want == "a value" || want == "a name in double quotes" {
		switch {
		case c == '\'':
			found, note = "a single quote", " (JSON puts text in double quotes)"
		case isLetter(c):
			n := 0
			for n < len(r.text)-r.off && n < 20 && isLetter(rune(r.text[r.off+n])) {
				n++
			}
			found, note = string(r.text[r.off:r.off+n]), " (JSON puts text in double quotes)"
		}
	}
	return &syntaxError{off: r.off, msg: "found " + found + " where " + want + " should be" + note}
}

func isLetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// at reports whether the next byte, after white space, is c, and if so
// reads it.
func (r *reader) at(c byte) bool {
	r.space()
	if r.off < len(r.text) && r.text[r.off] == c {
		r.off++
		return true
	}
	return false
}

// kind names the kind of value starting at off, for messages.
func kind(text []byte, off int) string {
	if off >= len(text) {
		return "nothing"
	}
	switch text[off] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "text"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// skip reads one value of any kind and depth, checking that it is JSON.
func (r *reader) skip() error {
	var open []byte // the closing bracket of each container being read
	for {
		// A value starts here.
		r.space()
		if r.off >= len(r.text) {
			return r.fail("a value")
		}
		switch r.text[r.off] {
		case '{':
			r.off++
			if !r.at('}') {
				if err := r.key(); err != nil {
					return err
				}
				open = append(open, '}')
				continue
			}
		case '[':
			r.off++
			if !r.at(']') {
				open = append(open, ']')
				continue
			}
		case '"':
			if _, err := r.scanString(); err != nil {
				return err
			}
		default:
			if err := r.scalar(); err != nil {
				return err
			}
		}
		// A value ended: close what it ends, or go on to the next.
		for {
			if len(open) == 0 {
				return nil
			}
			end := open[len(open)-1]
			if r.at(',') {
				if end == '}' {
					if err := r.key(); err != nil {
						return err
					}
				}
				break
			}
			if !r.at(end) {
				return r.fail("',' or '" + string(end) + "'")
			}
			open = open[:len(open)-1]
		}
	}
}

// key reads a member's name and its colon, leaving the reader at the
// member's value.
func (r *reader) key() error {
	r.space()
	if r.off >= len(r.text) || r.text[r.off] != '"' {
		return r.fail("a name in double quotes")
	}
	if _, err := r.scanString(); err != nil {
		return err
	}
	if !r.at(':') {
		return r.fail("':'")
	}
	r.space()
	return nil
}

// scalar reads a number, true, false or null.
func (r *reader) scalar() error {
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(r.text[r.off:], []byte(lit)) {
			r.off += len(lit)
			return nil
		}
	}
	start := r.off
	digits := func() int {
		n := 0
		for r.off < len(r.text) && r.text[r.off] >= '0' && r.text[r.off] <= '9' {
			r.off++
			n++
		}
		return n
	}
	if r.off < len(r.text) && r.text[r.off] == '-' {
		r.off++
	}
	switch n := r.off; {
	case n < len(r.text) && r.text[n] == '0':
		r.off++
	case digits() == 0:
		if r.off == start {
			return r.fail("a value")
		}
		return r.fail("a digit")
	}
	if r.off < len(r.text) && r.text[r.off] == '.' {
		r.off++
		if digits() == 0 {
			return r.fail("a digit")
		}
	}
	if r.off < len(r.text) && (r.text[r.off] == 'e' || r.text[r.off] == 'E') {
		r.off++
		if r.off < len(r.text) && (r.text[r.off] == '+' || r.text[r.off] == '-') {
			r.off++
		}
		if digits() == 0 {
			return r.fail("a digit")
		}
	}
	return nil
}

// scanString reads a string from its opening quote, checking its
// escapes, and says whether it has any.
func (r *reader) scanString() (escaped bool, err error) {
	r.off++ // the opening quote
	for r.off < len(r.text) {
		switch c := r.text[r.off]; {
		case c == '"':
			r.off++
			return escaped, nil
		case c == '\\':
			escaped = true
			if r.off+1 >= len(r.text) {
				r.off++
				return false, r.fail("the rest of an escape")
			}
			switch r.text[r.off+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				r.off += 2
			case 'u':
				for k := 2; k < 6; k++ {
					if r.off+k >= len(r.text) || !isHex(r.text[r.off+k]) {
						r.off += k
						return false, r.fail(`a hexadecimal digit (\u takes four)`)
					}
				}
				r.off += 6
			default:
				r.off++
				return false, r.fail(`an escape (\" \\ \/ \b \f \n \r \t or \u and four hexadecimal digits)`)
			}
		case c < 0x20:
			return false, &syntaxError{off: r.off, msg: "found the control character " + strconv.QuoteRune(rune(c)) + ` inside text, where JSON needs an escape such as \n or \t`}
		default:
			r.off++
		}
	}
	return false, r.fail("the closing double quote of a text")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// str reads a string and returns its text, escapes decoded. A \u escape
// of half a surrogate pair with no other half becomes U+FFFD.
func (r *reader) str() (string, error) {
	start := r.off
	escaped, err := r.scanString()
	if err != nil {
		return "", err
	}
	raw := r.text[start+1 : r.off-1]
	if !escaped {
		return string(raw), nil
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); {
		if raw[i] != '\\' {
			out = append(out, raw[i])
			i++
			continue
		}
		switch c := raw[i+1]; c {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			c1 := hex4(raw[i+2:])
			i += 6
			if utf16.IsSurrogate(c1) && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
				if pair := utf16.DecodeRune(c1, hex4(raw[i+2:])); pair != utf8.RuneError {
					out = utf8.AppendRune(out, pair)
					i += 6
					continue
				}
			}
			if utf16.IsSurrogate(c1) {
				c1 = utf8.RuneError
			}
			out = utf8.AppendRune(out, c1)
			continue
		default: // " \ /
			out = append(out, c)
		}
		i += 2
	}
	return string(out), nil
}

// hex4 decodes four hexadecimal digits, already checked.
func hex4(b []byte) rune {
	n, _ := strconv.ParseUint(string(b[:4]), 16, 32)
	return rune(n)
}

// member is one member of an object: where its name and value start.
type member struct {
	name          string
	nameAt, value int
}

// members reads the object at r.off and returns its members sorted by
// name. A name given twice keeps its last value, as in JSON.parse.
func (r *reader) members() ([]member, error) {
	r.off++ // {
	var ms []member
	if r.at('}') {
		return nil, nil
	}
	for {
		r.space()
		at := r.off
		if r.off >= len(r.text) || r.text[r.off] != '"' {
			return nil, r.fail("a name in double quotes")
		}
		name, err := r.str()
		if err != nil {
			return nil, err
		}
		if !r.at(':') {
			return nil, r.fail("':'")
		}
		r.space()
		ms = append(ms, member{name: name, nameAt: at, value: r.off})
		if err := r.skip(); err != nil {
			return nil, err
		}
		if r.at('}') {
			break
		}
		if !r.at(',') {
			return nil, r.fail("',' or '}'")
		}
	}
	// Stable, so that of equal names the last comes last; then keep it.
	slices.SortStableFunc(ms, func(a, b member) int { return strings.Compare(a.name, b.name) })
	out := ms[:0]
	for i, m := range ms {
		if i+1 < len(ms) && ms[i+1].name == m.name {
			continue
		}
		out = append(out, m)
	}
	return out, nil
}

// elements reads the list at r.off and returns where each element starts.
func (r *reader) elements() ([]int, error) {
	r.off++ // [
	var at []int
	if r.at(']') {
		return nil, nil
	}
	for {
		r.space()
		at = append(at, r.off)
		if err := r.skip(); err != nil {
			return nil, err
		}
		if r.at(']') {
			return at, nil
		}
		if !r.at(',') {
			return nil, r.fail("',' or ']'")
		}
	}
}
