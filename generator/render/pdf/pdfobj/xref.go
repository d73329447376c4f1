package pdfobj

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
)

// lastXRef reads the cross-reference table that startxref points at.
func lastXRef(pdf []byte) (*xref, error) {
	k := bytes.LastIndex(pdf, []byte("startxref\n"))
	if k < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	return readXRef(pdf, NumberAfter(pdf[k:], "startxref\n"))
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
	num := NumberAfter(pdf[at:], "xref\n0 ")
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
	// A stream may hold "endobj" in its data: skip the data by its length.
	from := 0
	if s := bytes.Index(obj, []byte(">>\nstream\n")); s >= 0 && s < bytes.Index(obj, []byte("endobj")) {
		if l := NumberAfter(obj[:s], "/Length "); l >= 0 && s+len(">>\nstream\n")+l <= len(obj) {
			from = s + len(">>\nstream\n") + l
		}
	}
	if end := bytes.Index(obj[from:], []byte("endobj")); end >= 0 {
		return obj[:from+end]
	}
	return nil
}

// sortByOffset orders object numbers by where they start in the file.
func sortByOffset(order, offsets []int) {
	sort.Slice(order, func(i, j int) bool { return offsets[order[i]] < offsets[order[j]] })
}

// NumberAfter returns the whole number that follows the first key in b,
// or -1.
func NumberAfter(b []byte, key string) int {
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
