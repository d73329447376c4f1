package answers

import (
	"fmt"
	"io"
	"os"

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
// (see Decode), a team record (see DecodeTeam), told apart by their
// "format", or a filled workbook PDF (see DecodePDF), told by its
// header. Every reader of files that a person or a team hands in goes
// through here, so that a new kind of file is read everywhere once it
// is read here. It reads no more than the larger limit of the kinds
// (MaxFileSize, MaxPDFSize) and one more byte, to tell a file that is
// too big.
func Read(name string) (File, error) {
	f, err := os.Open(name)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err == nil && isPDF(b) && len(b) > MaxFileSize {
		var more []byte
		more, err = io.ReadAll(io.LimitReader(f, MaxPDFSize-MaxFileSize))
		b = append(b, more...)
	}
	if err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	return DecodeFile(name, b)
}

// DecodeFile is Read for bytes already read.
func DecodeFile(name string, b []byte) (File, error) {
	switch {
	case isPDF(b):
		s, err := DecodePDF(name, b)
		return File{Answers: s}, err
	case formatOf(b) == TeamFormat:
		t, err := DecodeTeam(name, b)
		return File{Team: t}, err
	}
	s, err := Decode(name, b)
	return File{Answers: s}, err
}

// ReadSet reads one person's answers (an export or a filled workbook):
// Read, refusing a team record with what to do instead.
func ReadSet(name string) (*Set, error) {
	f, err := Read(name)
	if err != nil {
		return nil, err
	}
	if f.Team != nil {
		return nil, fmt.Errorf("%s is a team record, not one person's answers: give it with the team's answers files for a team report", name)
	}
	return f.Answers, nil
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
