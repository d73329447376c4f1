package load

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"workbook/generator/diag"
)

// piece is a bit of a TOML string as written and as it reads once decoded.
type piece struct{ raw, text string }

// Pieces of each kind of string, chosen to look like what a position
// scanner could mistake for the end of the string, a comment, a key or a
// header: escaped quotes and backslashes, quotes of the other kind, runs
// of two quotes, a closing-looking \""" and lines that read like TOML.
var (
	basicPieces      = []piece{{`\"`, `"`}, {`\\`, `\`}, {"#", "#"}, {"'", "'"}, {"[", "["}, {"{", "{"}, {`\u00e9`, "é"}, {"é", "é"}, {"x", "x"}, {" = ", " = "}}
	literalPieces    = []piece{{`"`, `"`}, {`\`, `\`}, {`\"`, `\"`}, {"#", "#"}, {"[", "["}, {"x", "x"}, {`"""`, `"""`}}
	multiBasicPieces = append([]piece{{`\"""`, `"""`}, {`""`, `""`}, {`"`, `"`}, {"\n", "\n"}, {"k9 = 1\n", "k9 = 1\n"},
		{"[[question]]\n", "[[question]]\n"}, {"'''", "'''"}, {"\\\n   y", "y"}}, basicPieces...)
	multiLiteralPieces = append([]piece{{"''", "''"}, {"'", "'"}, {"\n", "\n"}, {"k9 = 1\n", "k9 = 1\n"}, {"[pdf]\n", "[pdf]\n"}, {`"""`, `"""`}}, literalPieces...)
)

// randomString writes a string of one of the four kinds from random
// pieces, returning it as written and as it decodes. Two pieces are never
// put so that their quotes run together into a delimiter.
func randomString(r *rand.Rand) (raw, text string) {
	kinds := []struct {
		open   string
		pieces []piece
	}{{`"`, basicPieces}, {`'`, literalPieces}, {`"""`, multiBasicPieces}, {`'''`, multiLiteralPieces}}
	k := kinds[r.IntN(len(kinds))]
	q := k.open[:1]
	var w, d strings.Builder
	for n := r.IntN(12); n > 0; n-- {
		p := k.pieces[r.IntN(len(k.pieces))]
		if strings.HasSuffix(w.String(), q) && strings.HasPrefix(p.raw, q) {
			w.WriteString("x")
			d.WriteString("x")
		}
		w.WriteString(p.raw)
		d.WriteString(p.text)
	}
	text = d.String()
	if len(k.open) == 3 && strings.HasPrefix(w.String(), "\n") {
		text = strings.TrimPrefix(text, "\n") // TOML drops a newline right after """
	}
	return k.open + w.String() + k.open, text
}

// randomValue is a string, or an array of strings over several lines with
// comments, as written, and its decoded value.
func randomValue(r *rand.Rand) (string, any) {
	if r.IntN(3) > 0 {
		return randomString(r)
	}
	var w strings.Builder
	var items []any
	w.WriteString("[ # a comment with a \" quote and a [\n")
	for n := 1 + r.IntN(3); n > 0; n-- {
		raw, text := randomString(r)
		fmt.Fprintf(&w, "  %s, # \"\"\" not a string\n", raw)
		items = append(items, text)
	}
	w.WriteString("]")
	return w.String(), items
}

// Whatever strings a file holds (escaped quotes in """ strings, lines
// inside them that read like keys or headers, quotes in comments), an
// error about a key after them names that key's own line and column.
func TestPositionsAfterStringsStayRight(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 1))
	files := 2000
	if testing.Short() {
		files = 200
	}
	for f := 0; f < files; f++ {
		var src strings.Builder
		type key struct {
			line, col int
			value     any
		}
		keys := map[string]key{}
		line := 1
		for k := 0; k < 6; k++ {
			name := fmt.Sprintf("k%d", k)
			indent := strings.Repeat(" ", r.IntN(3))
			raw, value := randomValue(r)
			keys[name] = key{line, len(indent) + 1, value}
			fmt.Fprintf(&src, "%s%s = %s # after \"\"\" %d\n", indent, name, raw, k)
			line += strings.Count(raw, "\n") + 1
		}
		text := src.String()
		var decoded map[string]any
		if _, err := toml.Decode(text, &decoded); err != nil {
			t.Fatalf("file %d is not valid TOML (a fault of this test): %v\n%s", f, err, text)
		}
		for name, k := range keys {
			if !reflect.DeepEqual(decoded[name], k.value) {
				t.Fatalf("file %d: %s decodes as %q, want %q (a fault of this test)\n%s", f, name, decoded[name], k.value, text)
			}
		}
		l := &diag.List{}
		doc := parseTOML(text, "f.toml", 0, l)
		doc.root("f.toml", l).unknown() // every key is unknown: one error each, at its key
		for _, d := range l.Sorted() {
			name := strings.TrimSuffix(strings.TrimPrefix(d.Msg, `unknown key "`), `" in f.toml`)
			k, ok := keys[name]
			if !ok {
				t.Fatalf("file %d: unexpected %s", f, d)
			}
			if d.Pos.Line != k.line || d.Pos.Col != k.col {
				t.Fatalf("file %d: %s reported at %d:%d, want %d:%d\n%s", f, name, d.Pos.Line, d.Pos.Col, k.line, k.col, text)
			}
		}
		if errs, _ := l.Count(); errs != len(keys) {
			t.Fatalf("file %d: %d errors, want %d", f, errs, len(keys))
		}
	}
}
