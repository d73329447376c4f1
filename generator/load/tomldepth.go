package load

import "workbook/generator/diag"

// maxNesting bounds how deeply TOML may nest: the brackets of arrays and
// inline tables open at once, and the parts of one dotted key or table
// name. Workbook files need two or three. BurntSushi/toml parses nesting
// by recursion, so a file of a few million [ or {a= overflows its stack,
// which kills the process (Go cannot recover from that), and a table name
// of a million parts takes minutes; so the text is checked first.
const maxNesting = 32

// checkNesting records an error at the first place src nests deeper than
// maxNesting and returns false, or returns true. It reads strings and
// comments as the position index does (stringEnd, commentEnd), so a
// bracket inside either never counts, and it reads each byte once.
func checkNesting(src, file string, lineOffset int, l *diag.List) bool {
	depth, parts := 0, 1
	for i := 0; i < len(src); {
		switch c := src[i]; c {
		case '"', '\'':
			i = stringEnd(src, i)
			continue
		case '#':
			i = commentEnd(src, i)
			continue
		case '[', '{':
			depth++
			parts = 1
			if depth > maxNesting {
				l.Errorf(newLineCounter(src, lineOffset).pos(file, i),
					"close the brackets opened before this one; workbook files need no more than two levels",
					"TOML nested more than %d deep", maxNesting)
				return false
			}
		case ']', '}':
			depth = max(depth-1, 0)
			parts = 1
		case '.':
			parts++
			if parts > maxNesting {
				l.Errorf(newLineCounter(src, lineOffset).pos(file, i), "use a shorter name",
					"a key or table name of more than %d dotted parts", maxNesting)
				return false
			}
		case '=', ',', '\n':
			parts = 1
		}
		i++
	}
	return true
}
