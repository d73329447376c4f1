package load

import (
	"fmt"
	"strings"

	"workbook/generator/diag"
)

// Some ids and names become file names: a level's id names its folder in
// content/, its page (levels/<id>.html) and its workbook
// (workbooks/<id>.pdf); a foundation's or area of focus's id its page; a
// [[workbook]]'s name its PDF; a page's file name its page. A name the
// file system refuses would pass `check` and then stop `build` with an
// operating system error, so the loader refuses it first, with where it
// is written, and `check` and `build` say the same.

// maxFileNameID is the longest such id or name, in bytes: 255 is the
// longest file name on the file systems a site is built on and copied to
// (ext4, NTFS, APFS), and the longest suffix the build adds is ".html".
const maxFileNameID = 255 - len(".html")

// windowsDevice reports whether Windows keeps name for a device, with
// any extension: a site with levels/con.html cannot be copied to a
// Windows share, where intranet sites often live.
func windowsDevice(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(name) == 4 && (strings.HasPrefix(name, "com") || strings.HasPrefix(name, "lpt")) && name[3] >= '0' && name[3] <= '9'
}

// fileName records an error if name (already a valid id) cannot be a
// file name. what says what it is ("level id").
func fileName(l *diag.List, pos diag.Pos, what, name string) {
	switch {
	case len(name) > maxFileNameID:
		l.Errorf(pos, fmt.Sprintf("shorten it to %d characters or fewer", maxFileNameID),
			"%s is %d characters long, too long for the file it names", what, len(name))
	case windowsDevice(name):
		l.Errorf(pos, "choose another: Windows keeps this name for a device, so the site could not be copied to a Windows folder",
			"%s %q cannot name a file on Windows", what, name)
	}
}
