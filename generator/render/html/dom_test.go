package html

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
)

// dom is a parsed page, for tests that look at it the way a browser would.
type dom struct {
	root *xhtml.Node
}

func parseDOM(t testing.TB, name string, b []byte) dom {
	t.Helper()
	n, err := xhtml.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return dom{root: n}
}

// all returns the elements for which match is true, in document order.
func (d dom) all(match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(d.root)
	return out
}

// tag returns every element called name.
func (d dom) tag(name string) []*xhtml.Node {
	return d.all(func(n *xhtml.Node) bool { return n.Data == name })
}

// byID returns the element with the id, or nil.
func (d dom) byID(id string) *xhtml.Node {
	els := d.all(func(n *xhtml.Node) bool { v, ok := attr(n, "id"); return ok && v == id })
	if len(els) == 0 {
		return nil
	}
	return els[0]
}

// ids returns every id on the page, in order, duplicates included.
func (d dom) ids() []string {
	var out []string
	for _, n := range d.all(func(n *xhtml.Node) bool { _, ok := attr(n, "id"); return ok }) {
		v, _ := attr(n, "id")
		out = append(out, v)
	}
	return out
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// text returns the text content of n, whitespace collapsed.
func text(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// voidElements have no end tag.
func voidElements() map[string]bool {
	return map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}
}

// checkNesting reports the first place where the page's tags are not
// properly nested: an end tag that does not close the innermost open
// element, or an element left open. The templates close every element
// explicitly (even where HTML would let them off), so any mismatch is a
// template bug that a browser would silently repair differently.
func checkNesting(b []byte) error {
	void := voidElements()
	z := xhtml.NewTokenizer(bytes.NewReader(b))
	var stack []string
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			if z.Err() == io.EOF {
				if len(stack) > 0 {
					return fmt.Errorf("unclosed <%s>", strings.Join(stack, "> <"))
				}
				return nil
			}
			return z.Err()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if !void[string(name)] {
				stack = append(stack, string(name))
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				return fmt.Errorf("</%s> closes <%s> (open: %v)", name, last(stack), stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func last(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[len(s)-1]
}
