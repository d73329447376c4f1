package pdfobj

import (
	"strconv"
	"strings"
)

// Elem is a structure element of a tagged PDF (ISO 32000-1, 14.7): a
// heading, paragraph, list item, table cell, link or form field, with its
// kids in reading order. Screen readers read the tree, not the page, so
// its order is the order a reader hears.
//
// An element joins its parent's kids when it is first given content
// (Touch), not when it is made: the layout makes elements while it
// measures and draws them later, and some pages (the contents) are drawn
// last but read early, so the tree takes the order in which content is
// placed, and Touch can place an element early.
type Elem struct {
	Role string // a standard structure type: P, H1, L, LI, Table, TD…
	// Extra is more of the element's dictionary, such as
	// "/A <</O /Table /Scope /Row>>" for a row header.
	Extra    string
	parent   *Elem
	kids     []kid
	attached bool
	num      int
	page     int // the page of its first marked content, or -1
}

// kid is a child element, marked content on a page, or an annotation.
type kid struct {
	elem  *Elem
	page  int
	mcid  int
	annot *Annot
}

// NewElem makes an element to go under parent (nil for the root).
func NewElem(role string, parent *Elem) *Elem {
	return &Elem{Role: role, parent: parent, page: -1}
}

// Parent is the element the new element goes under.
func (e *Elem) Parent() *Elem { return e.parent }

// Touch puts the element, and its ancestors, in the tree now, after what
// is already there.
func (e *Elem) Touch() {
	if e.attached || e.parent == nil {
		e.attached = true
		return
	}
	e.parent.Touch()
	e.attached = true
	e.parent.kids = append(e.parent.kids, kid{elem: e})
}

// AddContent records marked content with this MCID on page (from 0) as
// the element's next kid.
func (e *Elem) AddContent(page, mcid int) {
	e.Touch()
	if e.page < 0 {
		e.page = page
	}
	e.kids = append(e.kids, kid{page: page, mcid: mcid})
}

// AddAnnot records an annotation (a link or a form field's widget) as the
// element's next kid.
func (e *Elem) AddAnnot(a *Annot) {
	e.Touch()
	a.elem = e
	if e.page < 0 {
		e.page = a.Page
	}
	e.kids = append(e.kids, kid{annot: a, page: a.Page})
}

// hasContent reports whether the element holds marked content itself,
// and so needs a /Pg for its bare MCIDs.
func (e *Elem) hasContent() bool {
	for _, k := range e.kids {
		if k.elem == nil && k.annot == nil {
			return true
		}
	}
	return false
}

// Empty reports whether the element has nothing in it.
func (e *Elem) Empty() bool { return len(e.kids) == 0 }

// addStructure writes the structure tree under root: one object per
// element, the parent tree that maps each page's marked content and each
// annotation back to its element, and the structure tree root, whose
// number it returns. Each page's /StructParents key is its index; the
// annotations' keys follow, already set in AddAnnots.
func (f *File) addStructure(root *Elem, pages []int, nextKey int) int {
	var all []*Elem
	var number func(e *Elem)
	number = func(e *Elem) {
		e.num = f.Reserve()
		all = append(all, e)
		for _, k := range e.kids {
			if k.elem != nil {
				number(k.elem)
			}
		}
	}
	number(root)
	treeRoot := f.Reserve()
	byPage := make([][]int, len(pages)) // element object by MCID
	var b strings.Builder
	for _, e := range all {
		b.Reset()
		b.WriteString("<</S " + Name(e.Role) + " /P ")
		if e.parent == nil {
			b.WriteString(Ref(treeRoot))
		} else {
			b.WriteString(Ref(e.parent.num))
		}
		if e.page >= 0 && e.hasContent() {
			b.WriteString(" /Pg " + Ref(pages[e.page]))
		}
		if e.Extra != "" {
			b.WriteString(" " + e.Extra)
		}
		b.WriteString(" /K ")
		if len(e.kids) != 1 {
			b.WriteByte('[')
		}
		for i, k := range e.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch {
			case k.elem != nil:
				b.WriteString(Ref(k.elem.num))
			case k.annot != nil:
				b.WriteString("<</Type /OBJR /Obj " + Ref(k.annot.num) + " /Pg " + Ref(pages[k.page]) + ">>")
			default:
				if k.page == e.page && e.hasContent() {
					b.WriteString(strconv.Itoa(k.mcid))
				} else {
					b.WriteString("<</Type /MCR /Pg " + Ref(pages[k.page]) + " /MCID " + strconv.Itoa(k.mcid) + ">>")
				}
				for len(byPage[k.page]) <= k.mcid {
					byPage[k.page] = append(byPage[k.page], 0)
				}
				byPage[k.page][k.mcid] = e.num
			}
		}
		if len(e.kids) != 1 {
			b.WriteByte(']')
		}
		b.WriteString(">>")
		f.Set(e.num, []byte(b.String()))
	}

	b.Reset()
	b.WriteString("<</Nums [")
	for i, elems := range byPage {
		b.WriteString(strconv.Itoa(i) + " [")
		for j, n := range elems {
			if j > 0 {
				b.WriteByte(' ')
			}
			if n == 0 {
				b.WriteString("null")
			} else {
				b.WriteString(Ref(n))
			}
		}
		b.WriteString("]\n")
	}
	byKey := make([]int, nextKey-len(pages)) // element object by annotation key
	for _, e := range all {
		for _, k := range e.kids {
			if k.annot != nil {
				byKey[k.annot.key-len(pages)] = e.num
			}
		}
	}
	for i, n := range byKey {
		if n > 0 {
			b.WriteString(strconv.Itoa(len(pages)+i) + " " + Ref(n) + "\n")
		}
	}
	b.WriteString("]>>")
	parentTree := f.Add([]byte(b.String()))
	f.Set(treeRoot, []byte("<</Type /StructTreeRoot /K "+Ref(root.num)+" /ParentTree "+Ref(parentTree)+
		" /ParentTreeNextKey "+strconv.Itoa(nextKey)+">>"))
	return treeRoot
}
