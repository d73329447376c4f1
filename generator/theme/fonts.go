package theme

import "fmt"

// Fonts is the theme's PDF font family: three TrueType faces in fonts/.
// Loading them is the theme's job, not the PDF renderer's, so a command
// that only draws PDFs (workbook pdf, workbook report) reads fonts and
// never parses templates: a broken page layout cannot stop a PDF.
type Fonts struct{ Regular, Bold, Italic []byte }

// FontFiles are the file names of the faces in a theme's fonts/ folder,
// in the order regular, bold, italic.
func FontFiles() [3]string { return [3]string{"regular.ttf", "bold.ttf", "italic.ttf"} }

// Fonts reads the theme's font family.
func (t *Theme) Fonts() (Fonts, error) {
	var faces [3][]byte
	for i, name := range FontFiles() {
		b, err := t.ReadFile("fonts", name)
		if err != nil {
			return Fonts{}, fmt.Errorf("theme %s: the PDF workbook needs fonts/%s (a TrueType font): %w", t.Name, name, err)
		}
		faces[i] = b
	}
	return Fonts{Regular: faces[0], Bold: faces[1], Italic: faces[2]}, nil
}
