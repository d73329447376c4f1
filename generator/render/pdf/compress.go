package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sort"
	"strconv"
)

// fpdf compresses each page's content stream with a new zlib writer, and
// a new writer allocates and clears about 1.2 MB: for a 40-page workbook
// that was a third of the time to make it. So workbooks are written with
// fpdf's page compression off, and compressStreams then compresses every
// uncompressed stream of the finished file with one writer, reset between
// streams. The bytes inside each stream are exactly fpdf's, compressed
// at the same level; only the object offsets move.
func compressStreams(pdf []byte) ([]byte, error) {
	xr, err := lastXRef(pdf)
	if err != nil {
		return nil, err
	}
	// Objects in file order (fpdf writes the page tree root, object 1,
	// after the pages).
	order := make([]int, 0, xr.num-1)
	for n := 1; n < xr.num; n++ {
		order = append(order, n)
	}
	sort.Slice(order, func(i, j int) bool { return xr.offsets[order[i]] < xr.offsets[order[j]] })

	var out, packed bytes.Buffer
	out.Grow(len(pdf) / 2)
	zw, err := zlib.NewWriterLevel(&packed, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	offsets := make([]int, xr.num)
	out.Write(pdf[:xr.offsets[order[0]]])
	for i, n := range order {
		start := xr.offsets[n]
		end := xr.tableAt
		if i+1 < len(order) {
			end = xr.offsets[order[i+1]]
		}
		offsets[n] = out.Len()
		obj := pdf[start:end]
		head := []byte(strconv.Itoa(n) + " 0 obj\n<</Length ")
		if !bytes.HasPrefix(obj, head) {
			out.Write(obj)
			continue
		}
		length := numberAfter(obj, "<</Length ")
		body := len(head) + len(strconv.Itoa(length)) + len(">>\nstream\n")
		if length < 0 || body+length > len(obj) || !bytes.HasPrefix(obj[len(head)+len(strconv.Itoa(length)):], []byte(">>\nstream\n")) {
			out.Write(obj)
			continue
		}
		packed.Reset()
		zw.Reset(&packed)
		if _, err := zw.Write(obj[body : body+length]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		fmt.Fprintf(&out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", n, packed.Len())
		out.Write(packed.Bytes())
		out.Write(obj[body+length:])
	}
	writeTail(&out, xr, pdf, func(n int) int { return offsets[n] })
	return out.Bytes(), nil
}

// writeTail writes the cross-reference table, with each object's offset
// as offset gives it, then the original trailer and a new startxref.
func writeTail(b *bytes.Buffer, xr *xref, pdf []byte, offset func(n int) int) {
	tableAt := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", xr.num)
	for n := 1; n < xr.num; n++ {
		fmt.Fprintf(b, "%010d 00000 n \n", offset(n))
	}
	trailer := pdf[xr.tableEnd:]
	b.Write(trailer[:bytes.Index(trailer, []byte("startxref\n"))])
	fmt.Fprintf(b, "startxref\n%d\n%%%%EOF\n", tableAt)
}
