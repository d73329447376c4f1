package pdfobj

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Additions are what the workbook adds to fpdf's file.
type Additions struct {
	// Structure is the root of the structure tree (a Document element),
	// or nil for an untagged file.
	Structure *Elem
	// Annots are the links and widgets, each page's in the order a
	// keyboard should move through them.
	Annots []*Annot
	Fields []*Field
	// Form is the rest of the interactive form dictionary: its default
	// appearance (/DA) and resources (/DR) for text typed into fields.
	Form string
	// Catalog and Info are more entries for the document catalog and the
	// document information dictionary.
	Catalog, Info string
	// Metadata is the document's XMP metadata, if any.
	Metadata []byte
}

// Apply adds links, form fields and the structure tree to the file and
// hooks them into the pages and the catalog.
func (f *File) Apply(a Additions) error {
	pages, err := f.Pages()
	if err != nil {
		return err
	}
	f.objs = slices.Grow(f.objs, 3*len(a.Annots)+len(a.Fields)+64)
	onPage := make([][]int, len(pages))
	key := len(pages)
	for _, an := range a.Annots {
		if an.Page < 0 || an.Page >= len(pages) || (an.dest && (an.DestPage < 0 || an.DestPage >= len(pages))) {
			return fmt.Errorf("an annotation is on or goes to a page that is not there")
		}
		an.num = f.Reserve()
		onPage[an.Page] = append(onPage[an.Page], an.num)
		if an.elem != nil {
			an.key = key
			key++
		}
	}
	for _, fl := range a.Fields {
		if fl.Group {
			fl.num = f.Reserve()
		}
	}
	for _, an := range a.Annots {
		an.write(f, pages)
	}
	fields := make([]string, 0, len(a.Fields))
	for _, fl := range a.Fields {
		if fl.Group {
			fl.write(f)
			fields = append(fields, Ref(fl.num))
		} else if len(fl.Widgets) == 1 {
			fields = append(fields, Ref(fl.Widgets[0].num))
		}
	}
	tree := 0
	if a.Structure != nil {
		tree = f.addStructure(a.Structure, pages, key)
	}
	for i, p := range pages {
		var more []string
		if len(onPage[i]) > 0 {
			refs := make([]string, len(onPage[i]))
			for k, n := range onPage[i] {
				refs[k] = Ref(n)
			}
			more = append(more, "/Annots ["+strings.Join(refs, " ")+"]")
		}
		if tree > 0 {
			more = append(more, "/StructParents "+strconv.Itoa(i)+" /Tabs /S")
		}
		if len(more) > 0 {
			f.Set(p, AddToDict(f.Value(p), strings.Join(more, " ")))
		}
	}
	cat := a.Catalog
	if tree > 0 {
		cat += " /StructTreeRoot " + Ref(tree) + " /MarkInfo <</Marked true>>"
	}
	if len(fields) > 0 {
		form := f.Add([]byte("<</Fields [" + strings.Join(fields, " ") + "] " + a.Form + ">>"))
		cat += " /AcroForm " + Ref(form)
	}
	if len(a.Metadata) > 0 {
		cat += " /Metadata " + Ref(f.AddPlainStream("/Type /Metadata /Subtype /XML", a.Metadata))
	}
	if cat = strings.TrimSpace(cat); cat != "" {
		f.Set(f.root, AddToDict(f.Value(f.root), cat))
	}
	if a.Info != "" && f.info > 0 {
		f.Set(f.info, AddToDict(f.Value(f.info), a.Info))
	}
	return nil
}
