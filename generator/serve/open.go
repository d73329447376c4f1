package serve

import (
	"os/exec"
	"runtime"
)

// openBrowser asks the desktop to open url in the default browser. It
// does not wait, and a failure (no desktop, over SSH) is ignored: the
// address is printed anyway.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait() // reap it
	}
}
