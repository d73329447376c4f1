package output

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to the file name whole or not at all: to a
// temporary file beside it, renamed into place, so an interrupted write
// never leaves half a file. Whatever fails, the temporary file is
// removed. A folder called name is refused, not replaced.
func WriteFileAtomic(name string, data []byte) (err error) {
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return fmt.Errorf("%s is a folder: give the name of a file to write", name)
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
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
