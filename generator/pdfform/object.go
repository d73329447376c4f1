package pdfform

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// The PDF object kinds (ISO 32000-1, 7.3), as the parser returns them:
// nil (null), bool, int64, float64, Name, String, Array, Dict, Ref and
// *Stream.
type (
	// Name is a name object, without its slash, its #xx escapes decoded.
	Name string
	// String is a string object's bytes, escapes decoded; see Text for
	// what they say.
	String []byte
	// Array is an array object.
	Array []any
	// Dict is a dictionary object.
	Dict map[Name]any
	// Ref is a reference to an indirect object.
	Ref struct{ Num, Gen int }
	// Stream is a stream object: its dictionary and its data as stored
	// (still filtered; see doc.streamData).
	Stream struct {
		Dict Dict
		Raw  []byte
	}
)

// maxDepth is how deeply arrays and dictionaries may nest. Nothing a
// workbook holds is more than a few deep; a file deeper than this is
// hostile or broken, and parsing it would only use up the stack.
const maxDepth = 64

// errSyntax is what every syntax error wraps.
var errSyntax = errors.New("not PDF syntax")

// lexer reads PDF objects from b.
type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(c byte) bool { return !isSpace(c) && !isDelim(c) }

func (l *lexer) fail(format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", errSyntax, l.pos, fmt.Sprintf(format, args...))
}

// space skips white space and comments.
func (l *lexer) space() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch {
		case isSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// keyword reads a run of regular characters: a number, a keyword (true,
// obj, R, stream…), whatever is next.
func (l *lexer) keyword() []byte {
	start := l.pos
	for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
		l.pos++
	}
	return l.b[start:l.pos]
}

// peekKeyword says whether the next token is the keyword k.
func (l *lexer) peekKeyword(k string) bool {
	save := l.pos
	l.space()
	ok := string(l.keyword()) == k
	l.pos = save
	return ok
}

// object reads the next object. An integer followed by another and R is
// a reference.
func (l *lexer) object(depth int) (any, error) {
	if depth > maxDepth {
		return nil, l.fail("arrays and dictionaries nested more than %d deep", maxDepth)
	}
	l.space()
	if l.pos >= len(l.b) {
		return nil, l.fail("the file ends inside an object")
	}
	switch c := l.b[l.pos]; {
	case c == '/':
		return l.name()
	case c == '(':
		return l.literal()
	case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
		return l.dict(depth)
	case c == '<':
		return l.hex()
	case c == '[':
		l.pos++
		var a Array
		for {
			l.space()
			if l.pos >= len(l.b) {
				return nil, l.fail("an array is not closed")
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return a, nil
			}
			v, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case isRegular(c):
		start := l.pos
		w := l.keyword()
		switch string(w) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		n, isInt, ok := number(w)
		if !ok {
			l.pos = start
			return nil, l.fail("unexpected %q", short(w))
		}
		if !isInt {
			return n, nil
		}
		// "12 0 R" is a reference; otherwise the integer stands alone.
		i := int64(n)
		save := l.pos
		l.space()
		if g, gInt, ok := number(l.keyword()); ok && gInt && g >= 0 && i >= 0 {
			l.space()
			if string(l.keyword()) == "R" {
				return Ref{Num: int(i), Gen: int(g)}, nil
			}
		}
		l.pos = save
		return i, nil
	}
	return nil, l.fail("unexpected %q", l.b[l.pos])
}

// number parses an integer or a real ("12", "-3", "0.5", ".5", "4.").
func number(w []byte) (v float64, isInt, ok bool) {
	if len(w) == 0 || len(w) > 32 {
		return 0, false, false
	}
	if i, err := strconv.ParseInt(string(w), 10, 64); err == nil {
		return float64(i), true, true
	}
	for _, c := range w {
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+') {
			return 0, false, false
		}
	}
	f, err := strconv.ParseFloat(string(w), 64)
	return f, false, err == nil
}

// name reads /Name, decoding #xx.
func (l *lexer) name() (Name, error) {
	l.pos++ // the slash
	w := l.keyword()
	if bytes.IndexByte(w, '#') < 0 {
		return Name(w), nil
	}
	out := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if w[i] == '#' && i+2 < len(w) {
			if v, err := strconv.ParseUint(string(w[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, w[i])
	}
	return Name(out), nil
}

// literal reads a (string) with its escapes (7.3.4.2): \n \r \t \b \f
// \( \) \\, up to three octal digits, a backslash before a line break
// joins the lines, and a line break written as CR or CR LF reads as LF.
func (l *lexer) literal() (String, error) {
	l.pos++ // (
	var out []byte
	open := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			open++
		case ')':
			if open--; open == 0 {
				return out, nil
			}
		case '\r':
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.b) {
				continue
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						v = v*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					c = byte(v) // a value over 255 keeps its low byte, as readers do
				} else {
					c = e // \( \) \\ and any other character stand for themselves
				}
			}
		}
		out = append(out, c)
	}
	return nil, l.fail("a string is not closed")
}

// hex reads a <hex string>; white space is ignored and a missing last
// digit is 0.
func (l *lexer) hex() (String, error) {
	l.pos++ // <
	var out []byte
	hi, half := byte(0), false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if half {
				out = append(out, hi<<4)
			}
			return out, nil
		case isSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, l.fail("%q in a hex string", c)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, l.fail("a hex string is not closed")
}

// dict reads a << dictionary >>; a name given twice keeps its last value.
func (l *lexer) dict(depth int) (Dict, error) {
	l.pos += 2
	d := Dict{}
	for {
		l.space()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return d, nil
		}
		if l.pos >= len(l.b) {
			return nil, l.fail("a dictionary is not closed")
		}
		if l.b[l.pos] != '/' {
			return nil, l.fail("a dictionary key is not a name")
		}
		k, _ := l.name()
		v, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		d[k] = v
	}
}

// short cuts bytes from the file for a message.
func short(b []byte) string {
	if len(b) > 20 {
		b = b[:20]
	}
	return string(b)
}
