package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// fixOutline corrects fpdf's outline (bookmarks) in a finished PDF. fpdf
// writes /Count 0 on every outline item, but an item with children must
// count them (ISO 32000-1, 12.3.3): viewers then open the tree, and
// strict checkers such as pdfcpu accept the file. levels are the outline
// items' levels in the order they were added, which is the order fpdf
// writes them in, just before the outline root.
//
// It edits the items in place and moves the cross-reference offsets that
// follow. If the file is not laid out as expected it is returned as it
// is: the outline is then merely imperfect, never broken.
func fixOutline(pdf []byte, levels []int) []byte {
	out, err := fixOutlineCounts(pdf, levels)
	if err != nil {
		return pdf
	}
	return out
}

// fixOutlineCounts does fixOutline's work or says why it cannot.
func fixOutlineCounts(pdf []byte, levels []int) ([]byte, error) {
	xr, err := lastXRef(pdf)
	if err != nil {
		return nil, err
	}
	root := numberAfter(pdf[xr.tableEnd:], "/Root ")
	outlines := numberAfter(xr.object(pdf, root), "/Outlines ")
	first := numberAfter(xr.object(pdf, outlines), "/Type /Outlines /First ")
	// fpdf writes the items one after another, then their root.
	if first < 1 || outlines-first != len(levels) {
		return nil, fmt.Errorf("outline items are not where fpdf puts them")
	}
	type edit struct {
		at  int
		old int
		new string
	}
	var edits []edit
	zero := []byte("/Count 0>>")
	for i, level := range levels {
		kids := 0
		for _, l := range levels[i+1:] {
			if l <= level {
				break
			}
			kids++
		}
		if kids == 0 {
			continue
		}
		at := xr.offsets[first+i]
		k := bytes.Index(xr.object(pdf, first+i), zero)
		if k < 0 {
			return nil, fmt.Errorf("outline item %d has no /Count 0", first+i)
		}
		edits = append(edits, edit{at + k, len(zero), "/Count " + strconv.Itoa(kids) + ">>"})
	}
	var b bytes.Buffer
	b.Grow(len(pdf) + 4*len(edits))
	last := 0
	for _, e := range edits {
		b.Write(pdf[last:e.at])
		b.WriteString(e.new)
		last = e.at + e.old
	}
	b.Write(pdf[last:xr.tableAt])
	moved := func(off int) int {
		for _, e := range edits {
			if e.at < off {
				off += len(e.new) - e.old
			}
		}
		return off
	}
	writeTail(&b, xr, pdf, func(n int) int { return moved(xr.offsets[n]) })
	return b.Bytes(), nil
}

// lastXRef reads the cross-reference table that startxref points at.
func lastXRef(pdf []byte) (*xref, error) {
	k := bytes.LastIndex(pdf, []byte("startxref\n"))
	if k < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	return readXRef(pdf, numberAfter(pdf[k:], "startxref\n"))
}

// xref is a PDF's cross-reference table as fpdf writes it: one section
// from object 0, every object in use.
type xref struct {
	num               int   // objects, counting object 0
	offsets           []int // by object number
	tableAt, tableEnd int
}

func readXRef(pdf []byte, at int) (*xref, error) {
	if at < 0 || at >= len(pdf) || !bytes.HasPrefix(pdf[at:], []byte("xref\n0 ")) {
		return nil, fmt.Errorf("xref: not found")
	}
	num := numberAfter(pdf[at:], "xref\n0 ")
	start := at + len("xref\n0 \n") + len(strconv.Itoa(num))
	end := start + 20*num
	if num < 2 || end > len(pdf) {
		return nil, fmt.Errorf("xref: cut short")
	}
	xr := &xref{num: num, offsets: make([]int, num), tableAt: at, tableEnd: end}
	for n := 1; n < num; n++ {
		e := pdf[start+20*n : start+20*n+20]
		if e[17] != 'n' {
			return nil, fmt.Errorf("xref: object %d not in use", n)
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off >= at {
			return nil, fmt.Errorf("xref: object %d: bad offset", n)
		}
		xr.offsets[n] = off
	}
	return xr, nil
}

// object returns the text of object n up to its endobj, or nil.
func (xr *xref) object(pdf []byte, n int) []byte {
	if n < 1 || n >= xr.num {
		return nil
	}
	obj := pdf[xr.offsets[n]:]
	if !bytes.HasPrefix(obj, []byte(strconv.Itoa(n)+" 0 obj")) {
		return nil
	}
	if end := bytes.Index(obj, []byte("endobj")); end >= 0 {
		return obj[:end]
	}
	return nil
}

// numberAfter returns the whole number that follows the first key in b,
// or -1.
func numberAfter(b []byte, key string) int {
	k := bytes.Index(b, []byte(key))
	if k < 0 {
		return -1
	}
	b = b[k+len(key):]
	end := 0
	for end < len(b) && b[end] >= '0' && b[end] <= '9' {
		end++
	}
	n, err := strconv.Atoi(string(b[:end]))
	if err != nil {
		return -1
	}
	return n
}
