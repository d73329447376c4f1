package load

import (
	"strings"

	"workbook/generator/diag"
)

// BurntSushi/toml reports positions for syntax and type errors but not
// where each key of a decoded table sits. Editors need a line and column
// for "unknown key" or "missing id" too, so posIndex scans the (already
// valid) TOML once and records where every table header and key is.

// tablePos is one table (or one element of an array of tables).
type tablePos struct {
	Pos  diag.Pos            // the [header] line; line 1 for the root table
	Keys map[string]diag.Pos // key → where the key is written
}

// posIndex maps a table name ("" for the root, "question", "pdf") to its
// occurrences in file order.
type posIndex map[string][]*tablePos

// table returns the i-th occurrence of the named table, or a stand-in at
// the top of the file so callers always get a usable position.
func (ix posIndex) table(name string, i int, file string) *tablePos {
	if ts := ix[name]; i < len(ts) {
		return ts[i]
	}
	return &tablePos{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Keys: map[string]diag.Pos{}}
}

// indexPositions scans src (valid TOML) for table headers and keys.
// lineOffset is added to every line, for TOML embedded in front matter.
func indexPositions(src, file string, lineOffset int) posIndex {
	ix := posIndex{}
	cur := &tablePos{Pos: diag.Pos{File: file, Line: 1 + lineOffset, Col: 1}, Keys: map[string]diag.Pos{}}
	ix[""] = []*tablePos{cur}
	var sc valueScanner
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1 + lineOffset
		if sc.busy() {
			sc.scan(line)
			continue
		}
		trimmed := strings.TrimSpace(line)
		col := len(line) - len(strings.TrimLeft(line, " \t")) + 1
		switch {
		case trimmed == "" || trimmed[0] == '#':
		case strings.HasPrefix(trimmed, "[["):
			name := headerName(trimmed[2:], "]]")
			cur = &tablePos{Pos: diag.Pos{File: file, Line: lineNo, Col: col}, Keys: map[string]diag.Pos{}}
			ix[name] = append(ix[name], cur)
		case trimmed[0] == '[':
			name := headerName(trimmed[1:], "]")
			cur = &tablePos{Pos: diag.Pos{File: file, Line: lineNo, Col: col}, Keys: map[string]diag.Pos{}}
			ix[name] = append(ix[name], cur)
		default:
			key, rest, ok := splitKey(trimmed)
			if !ok {
				continue
			}
			if _, dup := cur.Keys[key]; !dup {
				cur.Keys[key] = diag.Pos{File: file, Line: lineNo, Col: col}
			}
			sc.scan(rest)
		}
	}
	return ix
}

// headerName returns the table name inside a header, without quotes or
// spaces around the dots.
func headerName(s, closer string) string {
	if i := strings.Index(s, closer); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}

// splitKey splits `key = value` into the key (unquoted, dotted parts
// joined by ".") and the value text.
func splitKey(line string) (key, rest string, ok bool) {
	var parts []string
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return "", "", false
		}
		switch line[i] {
		case '"', '\'':
			q := line[i]
			j := i + 1
			for j < len(line) && line[j] != q {
				if q == '"' && line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return "", "", false
			}
			parts = append(parts, line[i+1:j])
			i = j + 1
		default:
			j := i
			for j < len(line) && isBareKeyChar(line[j]) {
				j++
			}
			if j == i {
				return "", "", false
			}
			parts = append(parts, line[i:j])
			i = j
		}
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i < len(line) && line[i] == '.' {
			i++
			continue
		}
		if i < len(line) && line[i] == '=' {
			return strings.Join(parts, "."), line[i+1:], true
		}
		return "", "", false
	}
	return "", "", false
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// valueScanner follows values that span lines: multi-line strings and
// arrays, so that their lines are not mistaken for keys.
type valueScanner struct {
	depth   int    // open [ and { brackets
	inMulti string // `"""` or `'''` while inside a multi-line string
}

func (s *valueScanner) busy() bool { return s.depth > 0 || s.inMulti != "" }

func (s *valueScanner) scan(line string) {
	i := 0
	for i < len(line) {
		if s.inMulti != "" {
			j := strings.Index(line[i:], s.inMulti)
			if j < 0 {
				return
			}
			// A closing delimiter may be followed by up to two more quotes.
			i += j + 3
			for i < len(line) && line[i] == s.inMulti[0] {
				i++
			}
			s.inMulti = ""
			continue
		}
		c := line[i]
		switch {
		case strings.HasPrefix(line[i:], `"""`) || strings.HasPrefix(line[i:], `'''`):
			s.inMulti = line[i : i+3]
			i += 3
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(line) && line[j] != c {
				if c == '"' && line[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
		case c == '#':
			return
		case c == '[' || c == '{':
			s.depth++
			i++
		case c == ']' || c == '}':
			s.depth--
			i++
		default:
			i++
		}
	}
}
