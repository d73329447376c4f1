package load

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"workbook/generator/diag"
)

// The TOML parser reports a mistake where it noticed it, in its own
// words: "strings cannot contain newlines" at the end of a line, "expected
// a comma or array terminator" on the line after a list that was never
// closed. An editor needs to be sent to where the mistake starts, told
// what it is in plain words and what to write instead, with an example
// that fits the file they are editing. explainTOML does that for the
// mistakes editors make most and keeps the parser's words for the rest.

// fileKind says what a TOML text is, for examples that fit it.
type fileKind int

const (
	questionsFile fileKind = iota
	frontMatter
	configFile
	frameworkFile
	stringsFileKind
)

// kindOf tells what the TOML of file is. Front matter is TOML embedded
// in a Markdown page (lineOffset lines down).
func kindOf(file string, lineOffset int) fileKind {
	switch {
	case lineOffset > 0 || strings.HasSuffix(file, ".md"):
		return frontMatter
	case path.Base(file) == "framework.toml" && path.Dir(file) == "content":
		return frameworkFile
	case strings.HasPrefix(file, "i18n/") || strings.Contains(file, "/i18n/"):
		return stringsFileKind
	case !strings.HasPrefix(file, "content/"):
		return configFile
	}
	return questionsFile
}

// example is a line of the kind of file, to show how a value is written.
func (k fileKind) example() string {
	switch k {
	case frontMatter:
		return `title = "About this framework"`
	case configFile:
		return `title = "Our framework"`
	case frameworkFile:
		return `title = "People first"`
	case stringsFileKind:
		return `your_answer = "Your answer"`
	}
	return `text = "How does your team …?"`
}

// table is the table header a new entry of the file starts with.
func (k fileKind) table() string {
	switch k {
	case frameworkFile:
		return "[[level]]"
	case configFile:
		return "[[workbook]]"
	}
	return "[[question]]"
}

// numberKey and booleanKey report the keys whose values are not words,
// so that a value written without quotes is not "fixed" into text.
func numberKey(key string) bool {
	switch key {
	case "weight", "answer_lines", "evidence_lines", "action_rows":
		return true
	}
	return false
}

func booleanKey(key string) bool { return key == "draft" || key == "fillable" }

var (
	bareValue  = regexp.MustCompile(`expected value but found "?([^"]*)"? instead`)
	definedKey = regexp.MustCompile(`[Kk]ey '([^']*)' has already been defined`)
)

// explainTOML turns the parser's error into a diagnostic an editor can act
// on: where the mistake starts, what it is, what to write.
func explainTOML(src, file string, lineOffset int, pe toml.ParseError) diag.Diagnostic {
	kind := kindOf(file, lineOffset)
	lines := diag.NewLines(file, []byte(src))
	at := func(off int) diag.Pos {
		p := lines.Pos(off)
		p.Line += lineOffset
		return p
	}
	msg := pe.Message
	if msg == "" {
		msg = pe.Error()
	}
	offset := pe.Position.Start
	if pe.Position.Line >= 1 {
		offset = offsetOf(src, pe.Position.Line, pe.Position.Col)
	}
	d := diag.Diagnostic{Severity: diag.Error, Pos: at(offset)}
	switch {
	case strings.Contains(msg, "strings cannot contain newlines") || strings.Contains(msg, "unexpected EOF") && strings.Contains(msg, `"`):
		if open, quotes, ok := unclosedString(src, offset); ok {
			d.Pos = at(open)
			if quotes == 3 {
				d.Msg = "this text starts with three quotes and never ends"
				d.Hint = `end it with three quotes, """, after its last line`
			} else {
				d.Msg = "this text has no closing quote"
				d.Hint = "end it with a " + src[open:open+1] + " on the same line, like this: " + kind.example()
			}
			return d
		}
	case strings.Contains(msg, "array terminator") || strings.Contains(msg, "expected a comma") && strings.Contains(msg, "]"):
		if open, ok := unclosedList(src, offset); ok {
			d.Pos = at(open)
			d.Msg = "this list is never closed"
			d.Hint = `end it with ] after its last item, before the next line that starts a key: prompts = ["First?", "Second?"]`
			return d
		}
	case strings.Contains(msg, "table array name") || strings.Contains(msg, "table name"):
		d.Pos = at(headerStart(src, offset))
		d.Msg = "this table's name is not closed"
		d.Hint = "write the name between brackets on a line of its own, like this: " + kind.table()
		return d
	case bareValue.MatchString(msg):
		key, words, _ := strings.Cut(strings.TrimSpace(lineAt(src, offset)), "=")
		key, words = strings.TrimSpace(key), strings.TrimSpace(words)
		if words == "" {
			words = bareValue.FindStringSubmatch(msg)[1]
		}
		clean := strings.Trim(words, `"'`)
		switch {
		case numberKey(key):
			d.Msg = fmt.Sprintf("%s must be a whole number", key)
			d.Hint = fmt.Sprintf("write it without quotes, like this: %s = 10", key)
		case booleanKey(key):
			d.Msg = fmt.Sprintf("%s must be true or false", key)
			d.Hint = fmt.Sprintf("write %s = true or %s = false, without quotes", key, key)
		case clean != words:
			d.Msg = fmt.Sprintf("the words %q have a quote at one end only", clean)
			d.Hint = fmt.Sprintf("put a double quote at each end: %s = %q", key, clean)
		case key != "" && words != "" && !strings.ContainsAny(words, `"\`):
			d.Msg = fmt.Sprintf("the words %q need quotes around them", words)
			d.Hint = fmt.Sprintf("write %s = %q", key, words)
		default:
			d.Msg = fmt.Sprintf("the words %q need quotes around them", words)
			d.Hint = "put words in double quotes, like this: " + kind.example()
		}
		return d
	case definedKey.MatchString(msg):
		key := definedKey.FindStringSubmatch(msg)[1]
		key = key[strings.LastIndexByte(key, '.')+1:]
		d.Pos = at(strings.LastIndexByte(src[:min(offset, len(src))], '\n') + 1)
		d.Msg = fmt.Sprintf("%s is written twice in the same table", key)
		d.Hint = "keep one of them, or start a new " + kind.table() + " before the second"
		return d
	}
	for offset < len(src) && (src[offset] == ' ' || src[offset] == '\t') {
		offset++ // point at what the parser did not expect, not the space before it
	}
	d.Pos = at(offset)
	d.Msg = "TOML syntax: " + msg
	d.Hint = "each line is a key, =, and a value; words go in double quotes, like this: " + kind.example()
	return d
}

// offsetOf is the byte offset of line and column (counted in characters)
// in src.
func offsetOf(src string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRuneInString(src[off:])
		off += size
	}
	return off
}

// headerStart is where the table header the parser stopped in (at
// offset, or at the start of the next line) begins.
func headerStart(src string, offset int) int {
	start := strings.LastIndexByte(src[:min(offset, len(src))], '\n') + 1
	if !strings.HasPrefix(strings.TrimSpace(lineAt(src, start)), "[") && start > 0 {
		start = strings.LastIndexByte(src[:start-1], '\n') + 1
	}
	return start
}

// lineAt is the line of src that holds offset off.
func lineAt(src string, off int) string {
	off = min(max(off, 0), len(src))
	start := strings.LastIndexByte(src[:off], '\n') + 1
	end := strings.IndexByte(src[off:], '\n')
	if end < 0 {
		return src[start:]
	}
	return src[start : off+end]
}

// unclosedString finds the string that runs on to where the parser gave
// up (offset): the last string opened before it that stringEnd says never
// closes. It returns where it opens and how many quotes open it.
func unclosedString(src string, offset int) (open, quotes int, ok bool) {
	found := -1
	for i := 0; i < len(src) && i <= offset; {
		switch c := src[i]; {
		case c == '#':
			i = commentEnd(src, i)
		case c == '"' || c == '\'':
			end := stringEnd(src, i)
			q := 1
			if strings.HasPrefix(src[i:], strings.Repeat(string(c), 3)) {
				q = 3
			}
			closed := end-i >= 2*q && src[end-1] == c
			if !closed {
				found, quotes = i, q
			}
			if end <= i {
				end = i + 1
			}
			i = end
		default:
			i++
		}
	}
	return found, quotes, found >= 0
}

// unclosedList finds the [ that opens the list still open at offset.
func unclosedList(src string, offset int) (int, bool) {
	var opens []int
	lineStart := true
	for i := 0; i < len(src) && i < offset; {
		switch c := src[i]; {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#':
			i = commentEnd(src, i)
			continue
		case c == '"' || c == '\'':
			i = max(stringEnd(src, i), i+1)
		case c == '[' && lineStart && len(opens) == 0:
			// a table header, not a list: skip the line
			if j := strings.IndexByte(src[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(src)
			}
		case c == '[':
			opens = append(opens, i)
			i++
		case c == ']' && len(opens) > 0:
			opens = opens[:len(opens)-1]
			i++
		default:
			i++
		}
		lineStart = false
	}
	if len(opens) == 0 {
		return 0, false
	}
	return opens[len(opens)-1], true
}
