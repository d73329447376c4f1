package pdfform

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// entry is where an object is: at a byte offset of the file, or the
// index-th object of the object stream numbered stream.
type entry struct {
	offset        int
	stream, index int
	inStream      bool
}

// file is a PDF opened for reading: its bytes, where each object is,
// and the trailer of its newest cross-reference section.
type file struct {
	b       []byte
	xref    map[int]entry
	trailer Dict
	cache   map[int]any
	// streams holds the object streams read so far, by number.
	streams map[int]*objectStream
	// busy marks objects being resolved, so that an object defined by
	// way of itself is an error, not a loop.
	busy map[int]bool
	// inflated is how many bytes of streams have been decompressed,
	// against maxInflated.
	inflated int
}

// open reads the file's cross-reference sections, newest first, from
// the last startxref, following each section's /Prev (and a hybrid
// file's /XRefStm); an object already placed by a newer section keeps
// that place, which is how an incremental update overrides an object.
// A file whose cross-reference is missing or wrong is read by scanning
// it for objects instead, as viewers do.
func open(b []byte) (*file, error) {
	f := &file{b: b, xref: map[int]entry{}, cache: map[int]any{}, streams: map[int]*objectStream{}, busy: map[int]bool{}}
	if err := f.readSections(); err != nil || f.trailer == nil || f.trailer["Root"] == nil {
		f.xref, f.trailer, f.cache, f.streams = map[int]entry{}, nil, map[int]any{}, map[int]*objectStream{}
		if err := f.scan(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// readSections reads the chain of cross-reference sections.
func (f *file) readSections() error {
	k := bytes.LastIndex(f.b, []byte("startxref"))
	if k < 0 {
		return errors.New("no startxref")
	}
	l := &lexer{b: f.b, pos: k + len("startxref")}
	l.space()
	at, isInt, ok := number(l.keyword())
	if !ok || !isInt {
		return errors.New("startxref gives no offset")
	}
	seen := map[int]bool{}
	for next := int(at); next >= 0; {
		if seen[next] || len(seen) > 10000 {
			return errors.New("the cross-reference sections go round in a loop")
		}
		seen[next] = true
		trailer, err := f.section(next)
		if err != nil {
			return err
		}
		if f.trailer == nil {
			f.trailer = trailer
		}
		if s, ok := trailer["XRefStm"].(int64); ok && !seen[int(s)] {
			seen[int(s)] = true
			if _, err := f.section(int(s)); err != nil {
				return err
			}
		}
		next = -1
		if p, ok := trailer["Prev"].(int64); ok {
			next = int(p)
		}
	}
	return nil
}

// section reads the cross-reference table or stream at offset at and
// returns its trailer dictionary.
func (f *file) section(at int) (Dict, error) {
	if at < 0 || at >= len(f.b) {
		return nil, fmt.Errorf("a cross-reference offset (%d) is outside the file", at)
	}
	l := &lexer{b: f.b, pos: at}
	l.space()
	if bytes.HasPrefix(f.b[l.pos:], []byte("xref")) {
		l.pos += len("xref")
		return f.table(l)
	}
	// A cross-reference stream: "n g obj <<…/Type /XRef…>> stream".
	_, v, err := f.indirect(l.pos)
	if err != nil {
		return nil, err
	}
	s, ok := v.(*Stream)
	if !ok || s.Dict["Type"] != Name("XRef") {
		return nil, fmt.Errorf("no cross-reference at offset %d", at)
	}
	return s.Dict, f.xrefStream(s)
}

// table reads a cross-reference table's subsections and its trailer.
func (f *file) table(l *lexer) (Dict, error) {
	for {
		l.space()
		if l.peekKeyword("trailer") {
			l.space()
			l.keyword()
			v, err := l.object(0)
			if err != nil {
				return nil, err
			}
			d, ok := v.(Dict)
			if !ok {
				return nil, errors.New("the trailer is not a dictionary")
			}
			return d, nil
		}
		first, isInt1, ok1 := number(l.keyword())
		l.space()
		count, isInt2, ok2 := number(l.keyword())
		if !ok1 || !ok2 || !isInt1 || !isInt2 || first < 0 || count < 0 || count > 10_000_000 {
			return nil, errors.New("a cross-reference table is not in order")
		}
		for i := 0; i < int(count); i++ {
			l.space()
			off, _, okOff := number(l.keyword())
			l.space()
			_, _, okGen := number(l.keyword())
			l.space()
			kind := string(l.keyword())
			if !okOff || !okGen || (kind != "n" && kind != "f") {
				return nil, errors.New("a cross-reference table entry is not in order")
			}
			num := int(first) + i
			if _, known := f.xref[num]; !known && kind == "n" && num > 0 {
				f.xref[num] = entry{offset: int(off)}
			}
		}
	}
}

// xrefStream reads a cross-reference stream's entries (7.5.8).
func (f *file) xrefStream(s *Stream) error {
	data, err := f.streamData(s)
	if err != nil {
		return err
	}
	w, ok := s.Dict["W"].(Array)
	if !ok || len(w) != 3 {
		return errors.New("a cross-reference stream has no /W")
	}
	var width [3]int
	row := 0
	for i, v := range w {
		n, ok := v.(int64)
		if !ok || n < 0 || n > 8 {
			return errors.New("a cross-reference stream's /W is not in order")
		}
		width[i] = int(n)
		row += int(n)
	}
	if row == 0 {
		return errors.New("a cross-reference stream's /W is all zero")
	}
	size, _ := s.Dict["Size"].(int64)
	index := Array{int64(0), size}
	if ix, ok := s.Dict["Index"].(Array); ok {
		index = ix
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		first, ok1 := index[i].(int64)
		count, ok2 := index[i+1].(int64)
		if !ok1 || !ok2 || first < 0 || count < 0 {
			return errors.New("a cross-reference stream's /Index is not in order")
		}
		for k := 0; k < int(count) && pos+row <= len(data); k++ {
			e := data[pos : pos+row]
			pos += row
			typ := 1 // the default when the type field has no width
			if width[0] > 0 {
				typ = field(e[:width[0]])
			}
			a, b := field(e[width[0]:width[0]+width[1]]), field(e[width[0]+width[1]:])
			num := int(first) + k
			if _, known := f.xref[num]; known || num <= 0 {
				continue
			}
			switch typ {
			case 1:
				f.xref[num] = entry{offset: a}
			case 2:
				f.xref[num] = entry{stream: a, index: b, inStream: true}
			}
		}
	}
	return nil
}

// objectHead finds "n g obj" at the start of a line.
var objectHead = regexp.MustCompile(`(?m)(?:^|[\r\n\s])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b`)

// scan finds every object in a file whose cross-reference cannot be
// used: the last definition of a number wins, as in an incremental
// update, and objects inside object streams count when no object of
// their number stands in the file itself. The trailer is the last
// "trailer" dictionary, or the newest cross-reference stream's.
func (f *file) scan() error {
	for _, m := range objectHead.FindAllSubmatchIndex(f.b, -1) {
		num, err := strconv.Atoi(string(f.b[m[2]:m[3]]))
		if err != nil || num <= 0 {
			continue
		}
		f.xref[num] = entry{offset: m[2]}
	}
	if len(f.xref) == 0 {
		return errors.New("it holds no PDF objects")
	}
	if k := bytes.LastIndex(f.b, []byte("trailer")); k >= 0 {
		l := &lexer{b: f.b, pos: k + len("trailer")}
		if v, err := l.object(0); err == nil {
			if d, ok := v.(Dict); ok && d["Root"] != nil {
				f.trailer = d
			}
		}
	}
	// Object streams, and a cross-reference stream's dictionary as the
	// trailer when there was none.
	var streams []int
	newest := -1
	for num, e := range f.xref {
		v, err := f.get(num)
		if err != nil {
			continue
		}
		s, ok := v.(*Stream)
		if !ok {
			continue
		}
		switch s.Dict["Type"] {
		case Name("ObjStm"):
			streams = append(streams, num)
		case Name("XRef"):
			if f.trailer == nil && e.offset > newest && s.Dict["Root"] != nil {
				f.trailer, newest = s.Dict, e.offset
			}
		}
	}
	// Newest first, so that of two object streams holding a number, the
	// one later in the file wins.
	slices.SortFunc(streams, func(a, b int) int { return f.xref[b].offset - f.xref[a].offset })
	for _, num := range streams {
		os, err := f.objectStream(num)
		if err != nil {
			continue
		}
		for i, n := range os.nums {
			if _, known := f.xref[n]; !known && n > 0 {
				f.xref[n] = entry{stream: num, index: i, inStream: true}
			}
		}
	}
	if f.trailer == nil {
		return errors.New("it has no trailer naming its catalog")
	}
	return nil
}
