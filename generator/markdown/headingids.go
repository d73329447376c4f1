package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// HeadingIDPrefix starts the id of every heading written in content. A
// page also has ids of its own (the skip link's target, the
// self-assessment's panels) and one per question, named by the question's
// id; a heading called "Assess" or the same as a question's id would take
// that id and break the script or the link. No other id holds an
// underscore (ids in content are lower-case letters, digits and hyphens),
// so a heading's id can never be the same as one.
const HeadingIDPrefix = "h_"

// headingIDs gives headings goldmark's ids (from their text, made unique
// within the document) with HeadingIDPrefix in front.
type headingIDs struct{ parser.IDs }

func newHeadingIDs() parser.IDs { return headingIDs{parser.NewContext().IDs()} }

func (h headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return append([]byte(HeadingIDPrefix), h.IDs.Generate(value, kind)...)
}
