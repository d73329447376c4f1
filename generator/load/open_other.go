//go:build !unix

package load

// openFlags: outside Unix, opening a file never waits for a writer.
const openFlags = 0
