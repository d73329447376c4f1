package answers

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"workbook/generator/diag"
	"workbook/generator/model"
)

// File is what one file given to the program holds: one person's
// answers, or what a team agreed. Exactly one is set.
type File struct {
	Answers *Set
	Team    *Team
}

// Name is the file's name, as given.
func (f File) Name() string {
	if f.Team != nil {
		return f.Team.File
	}
	return f.Answers.File
}

// Check checks the file against the site it is to be read with (see
// Check and CheckTeam).
func (f File) Check(site *model.Site) error {
	if f.Team != nil {
		return CheckTeam(f.Team, site)
	}
	return Check(f.Answers, site)
}

// Read reads the file name and returns what it holds: an answers file
// (see Decode) or a team record (see DecodeTeam), told apart by their
// "format". Every reader of files that a person or a team hands in
// goes through here, so that a new kind of file (a filled PDF
// workbook) is read everywhere once it is read here. It reads no more
// than MaxFileSize bytes and one more, to tell a file that is too big.
func Read(name string) (File, error) {
	f, err := os.Open(name)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return DecodeFile(name, b)
}

// DecodeFile is Read for bytes already read.
func DecodeFile(name string, b []byte) (File, error) {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		// A filled workbook: its form fields hold one person's answers.
		// Until they are read, say what to do instead.
		var p problems
		p.add(diag.Pos{File: name}, `open the web version's self-assessment and use "Export answers (JSON)"`, "this program cannot yet read answers from a PDF workbook")
		return File{}, p.err()
	case formatOf(b) == TeamFormat:
		t, err := DecodeTeam(name, b)
		return File{Team: t}, err
	}
	s, err := Decode(name, b)
	return File{Answers: s}, err
}

// formatOf returns the "format" a file names at its top, or "" when it
// names none or is not a JSON object (the answers decoder says why).
func formatOf(b []byte) string {
	if len(b) > MaxFileSize {
		return ""
	}
	d := newBase("", b, "")
	d.r.space()
	start := d.r.off
	if d.r.skip() != nil || start >= len(d.r.text) || d.r.text[start] != '{' {
		return ""
	}
	v, _ := d.stringAt(d.object(start), "format")
	return v
}
