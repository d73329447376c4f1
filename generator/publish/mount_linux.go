package publish

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// listedMount reports whether path is a mount point in
// /proc/self/mountinfo, which also lists bind mounts of a folder on the
// same file system (same device, so isMountPoint cannot tell).
func listedMount(path string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		// "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 ...":
		// the fifth field is the mount point, with spaces and other
		// awkward bytes written as octal escapes (\040).
		fields := strings.Fields(sc.Text())
		if len(fields) > 4 && unescapeMountPath(fields[4]) == real {
			return true
		}
	}
	return false
}

// unescapeMountPath undoes the kernel's \ooo escapes in a mount path.
func unescapeMountPath(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
