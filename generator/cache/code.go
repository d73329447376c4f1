package cache

import (
	"debug/elf"
	"os"
	"strings"
)

// Code identifies the program drawing the PDFs: the Go build ID of the
// running executable, which changes whenever any of its source does. A
// PDF kept from an earlier build is reused only if the same code drew it,
// so a change to the renderer never leaves a stale PDF behind. It returns
// "" where the ID cannot be read (not ELF, say), and then nothing is
// reused across processes.
func Code() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := elf.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	b, err := s.Data()
	if err != nil {
		return ""
	}
	// The note is a 16-byte header ("Go\x00\x00" name) then the ID.
	id := strings.TrimRight(string(b), "\x00")
	if i := strings.Index(id, "Go\x00\x00"); i >= 0 {
		id = id[i+4:]
	}
	if len(id) < 16 {
		return ""
	}
	return id
}
