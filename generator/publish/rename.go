package publish

import (
	"fmt"
	"os"
)

// twoRenames swaps folders a and b with plain renames: b moves aside, a
// takes its place, and the old b ends up at a. If the second rename fails
// the first is undone.
func twoRenames(a, b string) error {
	aside := a + ".old"
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		if undo := os.Rename(aside, b); undo != nil {
			return fmt.Errorf("%v; the previous build is at %s: %v", err, aside, undo)
		}
		return err
	}
	return os.Rename(aside, a)
}
