package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// AlignClasses are the classes a table cell gets for its column's
// alignment (":--", ":-:", "--:"), in that order. goldmark's table
// extension writes style="text-align:…" instead, which a strict
// Content-Security-Policy (style-src without 'unsafe-inline') blocks, so
// Markdown never writes a style attribute; a theme's stylesheet must
// style these classes.
func AlignClasses() []string { return []string{"align-left", "align-center", "align-right"} }

// alignClass is the class for a column's alignment, or "".
func alignClass(a east.Alignment) string {
	switch a {
	case east.AlignLeft:
		return AlignClasses()[0]
	case east.AlignCenter:
		return AlignClasses()[1]
	case east.AlignRight:
		return AlignClasses()[2]
	}
	return ""
}

// renderTableCell writes a <th> or <td>, with its alignment as a class.
func renderTableCell(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	cell := n.(*east.TableCell)
	tag := "td"
	if cell.Parent() != nil && cell.Parent().Kind() == east.KindTableHeader {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</" + tag + ">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<" + tag)
	if class := alignClass(cell.Alignment); class != "" {
		_, _ = w.WriteString(` class="` + class + `"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
