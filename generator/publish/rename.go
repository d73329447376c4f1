package publish

import (
	"fmt"
	"os"
)

// twoRenames swaps folders a and b with plain renames: b moves aside, a
// takes its place, and the old b ends up at a. If the second rename fails
// the first is undone. A failure after b has moved is a *LateError that
// says where each build is.
func twoRenames(a, b string) error {
	aside := a + ".old"
	if err := os.Rename(b, aside); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		if undo := os.Rename(aside, b); undo != nil {
			return &LateError{Err: fmt.Errorf("%v; the previous build is now at %s and could not be put back (%v): move it back to %s", err, aside, undo, b)}
		}
		return err
	}
	if err := os.Rename(aside, a); err != nil {
		return &LateError{Published: true, Err: fmt.Errorf("the new build is in place at %s, but the previous one is left at %s (%w); delete that folder", b, aside, err)}
	}
	return nil
}
