package pdf

import (
	"bytes"
	"fmt"
	"strconv"

	"workbook/generator/render/pdf/pdfobj"
)

// fixOutline corrects fpdf's outline (bookmarks). fpdf writes /Count 0
// on every outline item, but an item with children must count them (ISO
// 32000-1, 12.3.3): viewers then open the tree, and strict checkers such
// as pdfcpu accept the file. levels are the outline items' levels in the
// order they were added, which is the order fpdf writes them in, just
// before the outline root.
//
// If the file is not laid out as expected it is left as it is: the
// outline is then merely imperfect, never broken.
func fixOutline(f *pdfobj.File, levels []int) {
	edits, err := outlineCounts(f, levels)
	if err != nil {
		return
	}
	for n, v := range edits {
		f.Set(n, v)
	}
}

// outlineCounts returns the outline items to change, by object number,
// or says why it cannot.
func outlineCounts(f *pdfobj.File, levels []int) (map[int][]byte, error) {
	outlines := pdfobj.NumberAfter(f.Value(f.Root()), "/Outlines ")
	first := pdfobj.NumberAfter(f.Value(outlines), "/Type /Outlines /First ")
	// fpdf writes the items one after another, then their root.
	if first < 1 || outlines-first != len(levels) {
		return nil, fmt.Errorf("outline items are not where fpdf puts them")
	}
	edits := map[int][]byte{}
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
		item := f.Value(first + i)
		if !bytes.HasSuffix(item, zero) {
			return nil, fmt.Errorf("outline item %d has no /Count 0", first+i)
		}
		edits[first+i] = append(bytes.TrimSuffix(item, zero), "/Count "+strconv.Itoa(kids)+">>"...)
	}
	return edits, nil
}
