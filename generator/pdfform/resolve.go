package pdfform

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
)

// maxInflated is the most bytes of streams one file may decompress:
// far more than a workbook's cross-reference and object streams, few
// enough that a small hostile file cannot make the reader fill memory.
const maxInflated = 256 << 20

// get returns object num, reading it on first use; nil for an object
// the file does not have (which PDF reads as null).
func (f *file) get(num int) (any, error) {
	if v, ok := f.cache[num]; ok {
		return v, nil
	}
	e, ok := f.xref[num]
	if !ok {
		return nil, nil
	}
	if f.busy[num] {
		return nil, fmt.Errorf("object %d is defined by way of itself", num)
	}
	f.busy[num] = true
	defer delete(f.busy, num)
	var v any
	var err error
	if e.inStream {
		v, err = f.fromStream(e.stream, e.index, num)
	} else {
		var n int
		n, v, err = f.indirect(e.offset)
		if err == nil && n != num {
			err = fmt.Errorf("object %d is not where the cross-reference says", num)
		}
	}
	if err != nil {
		return nil, err
	}
	f.cache[num] = v
	return v, nil
}

// resolve follows references until v is a direct object.
func (f *file) resolve(v any) (any, error) {
	for i := 0; i < 32; i++ {
		r, ok := v.(Ref)
		if !ok {
			return v, nil
		}
		var err error
		if v, err = f.get(r.Num); err != nil {
			return nil, err
		}
	}
	return nil, errors.New("references go round in a loop")
}

// indirect reads "n g obj … endobj" at offset at, with a stream's data.
func (f *file) indirect(at int) (int, any, error) {
	if at < 0 || at >= len(f.b) {
		return 0, nil, fmt.Errorf("an object's offset (%d) is outside the file", at)
	}
	l := &lexer{b: f.b, pos: at}
	l.space()
	n, isInt, ok := number(l.keyword())
	l.space()
	_, genInt, genOK := number(l.keyword())
	l.space()
	if !ok || !isInt || !genOK || !genInt || string(l.keyword()) != "obj" {
		return 0, nil, fmt.Errorf("no object at offset %d", at)
	}
	v, err := l.object(0)
	if err != nil {
		return 0, nil, err
	}
	d, isDict := v.(Dict)
	if !isDict || !l.peekKeyword("stream") {
		return int(n), v, nil
	}
	l.space()
	l.pos += len("stream")
	// The data starts after CR LF or LF (a lone CR is tolerated).
	if l.pos < len(f.b) && f.b[l.pos] == '\r' {
		l.pos++
	}
	if l.pos < len(f.b) && f.b[l.pos] == '\n' {
		l.pos++
	}
	start := l.pos
	length := -1
	if lv, err := f.resolve(d["Length"]); err == nil {
		if n, ok := lv.(int64); ok && n >= 0 && start+int(n) <= len(f.b) {
			length = int(n)
		}
	}
	if length >= 0 {
		after := &lexer{b: f.b, pos: start + length}
		if !after.peekKeyword("endstream") {
			length = -1
		}
	}
	if length < 0 { // a wrong or missing /Length: the data ends at endstream
		end := bytes.Index(f.b[start:], []byte("endstream"))
		if end < 0 {
			return 0, nil, fmt.Errorf("object %d: a stream has no end", int(n))
		}
		length = len(bytes.TrimRight(f.b[start:start+end], "\r\n"))
	}
	return int(n), &Stream{Dict: d, Raw: f.b[start : start+length]}, nil
}

// objectStream is an object stream (7.5.7), its header read.
type objectStream struct {
	data    []byte
	nums    []int
	offsets []int
	first   int
}

func (f *file) objectStream(num int) (*objectStream, error) {
	if os, ok := f.streams[num]; ok {
		return os, nil
	}
	v, err := f.get(num)
	if err != nil {
		return nil, err
	}
	s, ok := v.(*Stream)
	if !ok || s.Dict["Type"] != Name("ObjStm") {
		return nil, fmt.Errorf("object %d is not an object stream", num)
	}
	data, err := f.streamData(s)
	if err != nil {
		return nil, err
	}
	n, _ := s.Dict["N"].(int64)
	first, _ := s.Dict["First"].(int64)
	if n < 0 || first < 0 || int(first) > len(data) || n > int64(len(data)) {
		return nil, fmt.Errorf("object stream %d is not in order", num)
	}
	os := &objectStream{data: data, first: int(first)}
	l := &lexer{b: data[:first]}
	for i := 0; i < int(n); i++ {
		l.space()
		o, ok1, _ := number(l.keyword())
		l.space()
		off, ok2, _ := number(l.keyword())
		if !ok1 || !ok2 || o < 0 || off < 0 {
			return nil, fmt.Errorf("object stream %d's header is not in order", num)
		}
		os.nums = append(os.nums, int(o))
		os.offsets = append(os.offsets, int(off))
	}
	f.streams[num] = os
	return os, nil
}

// fromStream reads object num, the index-th of object stream stream.
func (f *file) fromStream(stream, index, num int) (any, error) {
	os, err := f.objectStream(stream)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(os.nums) || os.nums[index] != num {
		return nil, fmt.Errorf("object %d is not where the cross-reference says", num)
	}
	at := os.first + os.offsets[index]
	if at > len(os.data) {
		return nil, fmt.Errorf("object %d is outside its object stream", num)
	}
	l := &lexer{b: os.data, pos: at}
	return l.object(0)
}

// streamData returns a stream's data with its filters undone: Flate
// (with PNG or TIFF predictors), ASCIIHex and ASCII85, which is what
// PDF writers use for the cross-reference and object streams and form
// values this package reads.
func (f *file) streamData(s *Stream) ([]byte, error) {
	filters, err := f.resolve(s.Dict["Filter"])
	if err != nil {
		return nil, err
	}
	parms, err := f.resolve(s.Dict["DecodeParms"])
	if err != nil {
		return nil, err
	}
	var names, params []any
	switch v := filters.(type) {
	case nil:
	case Name:
		names, params = []any{v}, []any{parms}
	case Array:
		names = v
		if p, ok := parms.(Array); ok {
			params = p
		}
	default:
		return nil, errors.New("a stream's /Filter is not a name")
	}
	data := s.Raw
	for i, n := range names {
		var p Dict
		if i < len(params) {
			pv, _ := f.resolve(params[i])
			p, _ = pv.(Dict)
		}
		switch n {
		case Name("FlateDecode"), Name("Fl"):
			if data, err = f.inflate(data); err != nil {
				return nil, err
			}
			if data, err = unpredict(data, p); err != nil {
				return nil, err
			}
		case Name("ASCIIHexDecode"), Name("AHx"):
			l := &lexer{b: append(append([]byte{'<'}, bytes.TrimSuffix(bytes.TrimSpace(data), []byte(">"))...), '>')}
			if data, err = l.hex(); err != nil {
				return nil, err
			}
		case Name("ASCII85Decode"), Name("A85"):
			text := bytes.TrimSpace(data)
			text = bytes.TrimPrefix(text, []byte("<~"))
			if k := bytes.Index(text, []byte("~>")); k >= 0 {
				text = text[:k]
			}
			if data, err = io.ReadAll(ascii85.NewDecoder(bytes.NewReader(text))); err != nil {
				return nil, fmt.Errorf("ASCII85 data: %w", err)
			}
		default:
			return nil, fmt.Errorf("a stream is compressed with %v, which this reader does not read", n)
		}
	}
	return data, nil
}

// inflate undoes Flate compression, zlib-wrapped as the standard says or
// raw as some writers leave it, within what the file may still inflate.
func (f *file) inflate(data []byte) ([]byte, error) {
	var r io.Reader
	if zr, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		r = zr
	} else {
		r = flate.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(io.LimitReader(r, int64(maxInflated-f.inflated+1)))
	f.inflated += len(out)
	if f.inflated > maxInflated {
		return nil, fmt.Errorf("its streams inflate to more than %d MB", maxInflated>>20)
	}
	// Data cut short still gives what it holds, as viewers show it.
	if err != nil && !(errors.Is(err, io.ErrUnexpectedEOF) && len(out) > 0) {
		return nil, fmt.Errorf("compressed data: %w", err)
	}
	return out, nil
}

// unpredict undoes a PNG (10 to 15) or TIFF (2) predictor (7.4.4.4).
func unpredict(data []byte, p Dict) ([]byte, error) {
	pred, _ := p["Predictor"].(int64)
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, columns := int64(1), int64(8), int64(1)
	if v, ok := p["Colors"].(int64); ok {
		colors = v
	}
	if v, ok := p["BitsPerComponent"].(int64); ok {
		bpc = v
	}
	if v, ok := p["Columns"].(int64); ok {
		columns = v
	}
	if colors < 1 || colors > 32 || bpc < 1 || bpc > 16 || columns < 1 || columns > 1<<20 {
		return nil, errors.New("a stream's predictor settings are out of range")
	}
	bpp := int((colors*bpc + 7) / 8)
	rowLen := int((colors*bpc*columns + 7) / 8)
	if rowLen > len(data) {
		return nil, errors.New("a stream's predictor rows are longer than its data")
	}
	if pred == 2 {
		if bpc != 8 {
			return nil, errors.New("a TIFF predictor of other than 8 bits is not read")
		}
		out := append([]byte(nil), data...)
		for r := 0; r+rowLen <= len(out); r += rowLen {
			for i := bpp; i < rowLen; i++ {
				out[r+i] += out[r+i-bpp]
			}
		}
		return out, nil
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, rowLen)
	for pos := 0; pos+1+rowLen <= len(data); pos += 1 + rowLen {
		kind, row := data[pos], append([]byte(nil), data[pos+1:pos+1+rowLen]...)
		for i := range row {
			var left, up, upLeft byte
			if i >= bpp {
				left, upLeft = row[i-bpp], prev[i-bpp]
			}
			up = prev[i]
			switch kind {
			case 0:
			case 1:
				row[i] += left
			case 2:
				row[i] += up
			case 3:
				row[i] += byte((int(left) + int(up)) / 2)
			case 4:
				row[i] += paeth(left, up, upLeft)
			default:
				return nil, fmt.Errorf("unknown PNG predictor %d", kind)
			}
		}
		out = append(out, row...)
		prev = row
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
