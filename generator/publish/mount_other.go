//go:build !unix

package publish

// isMountPoint: on systems without Unix mounts a folder is never one.
func isMountPoint(string) bool { return false }
