package output

import (
	"fmt"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// WriteFileAtomic writes data to the file name whole or not at all: to a
// temporary file beside it, renamed into place, so an interrupted write
// never leaves half a file. Whatever fails, the temporary file is
// removed. A folder called name is refused, not replaced.
func WriteFileAtomic(name string, data []byte) (err error) {
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: give the name of a file to write", name)
	}
	f, err := os.CreateTemp(filepath.Dir(name), TempPrefix(filepath.Base(name))+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}

// TempPrefix starts the name of a temporary file or folder that will
// replace base: hidden, and marked as temporary. base is shortened if
// need be so that the prefix and a random suffix of up to 12 characters
// still make a file name the system accepts (255 bytes): a long name
// that is itself allowed must not fail for its temporary's sake.
func TempPrefix(base string) string {
	const maxBase = 255 - len(".") - len(".tmp-") - 12
	if len(base) > maxBase {
		cut := maxBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".tmp-"
}
