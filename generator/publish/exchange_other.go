//go:build !linux

package publish

// exchange swaps two folders. Without an atomic exchange there is a short
// moment between the renames when b is missing; a build killed right then
// leaves the previous site at a+".old", which twoRenames reports.
func exchange(a, b string) error { return twoRenames(a, b) }
