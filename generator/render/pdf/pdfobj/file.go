// Package pdfobj rewrites the PDF that fpdf writes. fpdf has no form
// fields, no structure tree and no way into its catalog, and it writes
// every object uncompressed but its fonts; so the workbook renderer lets
// fpdf draw, then opens the finished file here, changes and adds objects
// (pages, catalog, annotations, fields, structure elements) and writes
// the whole file again, once, with compressed streams, the small objects
// packed into compressed object streams, and one cross-reference stream.
// Rewriting instead of appending an incremental update keeps one version
// of every object in the file, which is smaller and what checkers and
// screen readers see first.
//
// It reads only what fpdf writes (one cross-reference table from object
// 0, every object in use, generation 0) and refuses anything else.
package pdfobj

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
)

// File is a PDF opened for rewriting: its objects by number.
type File struct {
	objs []object // by object number; objs[0] is unused
	// order is fpdf's objects in the order they appear in its file, which
	// keeps the rewritten file's page streams where a reader expects them.
	order      []int
	root, info int
}

// object is one indirect object: a value, or a stream's dictionary and
// data.
type object struct {
	value []byte // the object's text; for a stream, its dictionary
	data  []byte // the stream's data, or nil for a plain value
	// filtered is a stream whose data is already compressed (fpdf's
	// fonts): written as it is. Other streams are compressed on output,
	// and their dictionary is given /Filter and /Length then.
	filtered bool
	stream   bool
}

// Parse opens a PDF as fpdf writes it.
func Parse(pdf []byte) (*File, error) {
	xr, err := lastXRef(pdf)
	if err != nil {
		return nil, err
	}
	f := &File{objs: make([]object, xr.num), order: make([]int, 0, xr.num-1)}
	for n := 1; n < xr.num; n++ {
		f.order = append(f.order, n)
		body := xr.object(pdf, n)
		if body == nil {
			return nil, fmt.Errorf("object %d: not where the cross-reference table says", n)
		}
		body = bytes.TrimPrefix(body, []byte(strconv.Itoa(n)+" 0 obj"))
		body = bytes.TrimSpace(body)
		o, err := parseObject(body)
		if err != nil {
			return nil, fmt.Errorf("object %d: %w", n, err)
		}
		f.objs[n] = o
	}
	sortByOffset(f.order, xr.offsets)
	trailer := pdf[xr.tableEnd:]
	f.root, f.info = NumberAfter(trailer, "/Root "), NumberAfter(trailer, "/Info ")
	if f.root < 1 || f.root >= xr.num {
		return nil, errors.New("the trailer names no catalog")
	}
	return f, nil
}

// parseObject splits an object's text into its value and stream data.
func parseObject(body []byte) (object, error) {
	k := bytes.Index(body, []byte(">>\nstream\n"))
	if k < 0 || !bytes.HasPrefix(body, []byte("<<")) {
		return object{value: body}, nil
	}
	dict := bytes.TrimSpace(body[:k+2])
	k += 3
	length := NumberAfter(dict, "/Length ")
	start := k + len("stream\n")
	if length < 0 || start+length > len(body) {
		return object{}, errors.New("a stream's /Length runs past its end")
	}
	o := object{value: dict, data: body[start : start+length], stream: true}
	if bytes.Contains(dict, []byte("/Filter")) {
		o.filtered = true
	} else if !bytes.Equal(dict, []byte("<</Length "+strconv.Itoa(length)+">>")) {
		return object{}, errors.New("an unfiltered stream has more than a /Length")
	}
	return o, nil
}

// Root is the catalog's object number.
func (f *File) Root() int { return f.root }

// Info is the document information dictionary's object number, or -1.
func (f *File) Info() int { return f.info }

// Len is one more than the highest object number.
func (f *File) Len() int { return len(f.objs) }

// Value returns the text of object n (a stream's dictionary), or nil.
func (f *File) Value(n int) []byte {
	if n < 1 || n >= len(f.objs) {
		return nil
	}
	return f.objs[n].value
}

// Set replaces the value of object n (not a stream).
func (f *File) Set(n int, value []byte) { f.objs[n] = object{value: value} }

// Reserve returns a new object number, to be set later: objects that
// refer to each other need their numbers first.
func (f *File) Reserve() int {
	f.objs = append(f.objs, object{value: []byte("null")})
	return len(f.objs) - 1
}

// Add adds an object and returns its number.
func (f *File) Add(value []byte) int {
	n := f.Reserve()
	f.Set(n, value)
	return n
}

// AddStream adds a stream, to be compressed on output. dict holds its
// other keys, without the brackets (for example "/Type /XObject").
func (f *File) AddStream(dict string, data []byte) int {
	n := f.Reserve()
	f.objs[n] = object{value: []byte(dict), data: data, stream: true}
	return n
}

// Stream returns the data of stream n if it is not compressed yet (fpdf's
// page contents), else nil.
func (f *File) Stream(n int) []byte {
	if n < 1 || n >= len(f.objs) || !f.objs[n].stream || f.objs[n].filtered {
		return nil
	}
	return f.objs[n].data
}

// SetStream replaces the data of an uncompressed stream.
func (f *File) SetStream(n int, data []byte) { f.objs[n].data = data }

// AddPlainStream adds a stream written as it is, uncompressed: XMP
// metadata, which tools outside PDF find by looking for it in the file.
func (f *File) AddPlainStream(dict string, data []byte) int {
	n := f.Reserve()
	f.objs[n] = object{value: []byte("<<" + dict + " /Length " + strconv.Itoa(len(data)) + ">>"), data: data, stream: true, filtered: true}
	return n
}

// Pages returns the page objects' numbers in page order, read from the
// page tree root's /Kids (fpdf writes one flat tree).
func (f *File) Pages() ([]int, error) {
	pages := NumberAfter(f.Value(f.root), "/Pages ")
	kids := f.Value(pages)
	k := bytes.Index(kids, []byte("/Kids ["))
	if k < 0 {
		return nil, errors.New("the page tree has no /Kids")
	}
	list := kids[k+len("/Kids ["):]
	list = list[:bytes.IndexByte(list, ']')]
	var out []int
	fields := bytes.Fields(list)
	for i := 0; i+2 < len(fields); i += 3 {
		n, err := strconv.Atoi(string(fields[i]))
		if err != nil || n < 1 || n >= len(f.objs) {
			return nil, errors.New("the page tree's /Kids is not a list of references")
		}
		out = append(out, n)
	}
	return out, nil
}

// AddToDict returns dict (a dictionary's text, "<<…>>") with entries
// added before its closing brackets.
func AddToDict(dict []byte, entries string) []byte {
	d := bytes.TrimRight(dict, " \n")
	d = bytes.TrimSuffix(d, []byte(">>"))
	out := make([]byte, 0, len(d)+len(entries)+3)
	out = append(out, d...)
	out = append(out, '\n')
	out = append(out, entries...)
	return append(out, ">>"...)
}
