package pdfobj

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
)

// xrefW is the width of a cross-reference stream entry: type, 4 bytes of
// offset or object stream number, 2 of generation or index.
const xrefW = 7

// packSize is how many small objects go into one object stream: enough
// that similar dictionaries (thousands of structure elements and
// widgets) compress well together, few enough that a reader does not
// inflate much to reach one object.
const packSize = 400

// WriteTo writes the file: a PDF 1.7 header, every stream (compressed
// unless it already is), the other objects but the document information
// packed into compressed object streams, and a cross-reference stream whose /ID is a digest of
// everything before it, so the same objects always give the same bytes.
func (f *File) WriteTo(w io.Writer) (int64, error) {
	var out bytes.Buffer
	out.Grow(f.size() / 2)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

	// One writer, reset between streams: a new one allocates and clears
	// about a megabyte. The fastest level: the workbook's size budget
	// is met by writing less, not by compressing harder.
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	deflate := func(data []byte) ([]byte, error) {
		buf.Reset()
		zw.Reset(&buf)
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}

	// Where each object is: a file offset, or an object stream and index.
	type place struct{ offset, stream, index int }
	places := make([]place, len(f.objs))
	order := append([]int(nil), f.order...)
	for n := len(f.order) + 1; n < len(f.objs); n++ {
		order = append(order, n)
	}
	var packed []int
	for _, n := range order {
		o := f.objs[n]
		if !o.stream && n != f.info {
			packed = append(packed, n)
			continue
		}
		if !o.stream {
			// The document information stays readable in the file, where
			// simple tools (strings, grep) look for a PDF's dates and title.
			places[n].offset = out.Len()
			fmt.Fprintf(&out, "%d 0 obj\n%s\nendobj\n", n, o.value)
			continue
		}
		places[n].offset = out.Len()
		if o.filtered {
			fmt.Fprintf(&out, "%d 0 obj\n%s\nstream\n", n, o.value)
			out.Write(o.data)
		} else {
			z, err := deflate(o.data)
			if err != nil {
				return 0, err
			}
			dict := "/Filter /FlateDecode /Length " + strconv.Itoa(len(z))
			if v := bytes.TrimSpace(o.value); len(v) > 0 && !bytes.HasPrefix(v, []byte("<</Length")) {
				dict = string(v) + " " + dict
			}
			fmt.Fprintf(&out, "%d 0 obj\n<<%s>>\nstream\n", n, dict)
			out.Write(z)
		}
		out.WriteString("\nendstream\nendobj\n")
	}

	next := len(f.objs)
	var head, body bytes.Buffer
	for start := 0; start < len(packed); start += packSize {
		group := packed[start:min(start+packSize, len(packed))]
		head.Reset()
		body.Reset()
		for i, n := range group {
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.Write(f.objs[n].value)
			body.WriteByte('\n')
			places[n] = place{stream: next, index: i}
		}
		data := append(head.Bytes(), body.Bytes()...)
		z, err := deflate(data)
		if err != nil {
			return 0, err
		}
		places = append(places, place{offset: out.Len()})
		fmt.Fprintf(&out, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", next, len(group), head.Len(), len(z))
		out.Write(z)
		out.WriteString("\nendstream\nendobj\n")
		next++
	}

	// The cross-reference stream: type 1 entries give an offset, type 2
	// an object stream and index; 4-byte offsets cover any workbook.
	// Each row is stored as its difference from the row before (the PNG
	// "Up" predictor), which turns thousands of similar rows into zeros
	// that compress to almost nothing.
	xrefNum := next
	places = append(places, place{offset: out.Len()})
	table := make([]byte, 0, len(places)*(1+xrefW))
	var prev, entry [xrefW]byte
	for n, p := range places {
		switch {
		case n == 0:
			entry = [xrefW]byte{0, 0, 0, 0, 0, 0xFF, 0xFF}
		case p.stream > 0:
			entry[0] = 2
			binary.BigEndian.PutUint32(entry[1:5], uint32(p.stream))
			binary.BigEndian.PutUint16(entry[5:7], uint16(p.index))
		default:
			entry[0] = 1
			binary.BigEndian.PutUint32(entry[1:5], uint32(p.offset))
			binary.BigEndian.PutUint16(entry[5:7], 0)
		}
		table = append(table, 2) // PNG filter type 2, Up
		for i := range entry {
			table = append(table, entry[i]-prev[i])
		}
		prev = entry
	}
	z, err := deflate(table)
	if err != nil {
		return 0, err
	}
	id := fmt.Sprintf("%x", md5.Sum(out.Bytes()))
	xrefAt := out.Len()
	fmt.Fprintf(&out, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] /DecodeParms <</Predictor 12 /Columns %d>> /Root %d 0 R", xrefNum, xrefNum+1, xrefW, f.root)
	if f.info > 0 {
		fmt.Fprintf(&out, " /Info %d 0 R", f.info)
	}
	fmt.Fprintf(&out, " /ID [<%s> <%s>] /Filter /FlateDecode /Length %d>>\nstream\n", id, id, len(z))
	out.Write(z)
	fmt.Fprintf(&out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefAt)
	return out.WriteTo(w)
}

// size is about how many bytes the objects take.
func (f *File) size() int {
	n := 0
	for _, o := range f.objs {
		n += len(o.value) + len(o.data)
	}
	return n
}
