//go:build unix

package load

import "syscall"

// openFlags are added to every open of a content file: O_NONBLOCK, so
// that opening a FIFO (or another special file) returns at once to be
// refused, instead of waiting for a writer for ever. Reads of a regular
// file are not affected.
const openFlags = syscall.O_NONBLOCK
