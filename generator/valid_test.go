package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"workbook/generator/testsite"
)

// TestHTMLIsValid runs the Nu HTML Checker (the W3C validator, vnu.jar
// from npm's vnu-jar) over every page of the shipped content and of the
// fixture site. It needs Java; CI installs both.
func TestHTMLIsValid(t *testing.T) {
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		jar = "/opt/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
	}
	java, err := exec.LookPath("java")
	if _, serr := os.Stat(jar); err != nil || serr != nil {
		msg := "needs java and the Nu HTML Checker: apt-get install default-jre-headless; npm install --prefix /opt/vnu vnu-jar (or set VNU_JAR)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var dirs []string
	for _, root := range []string{testsite.RepoRoot(), testsite.Copy(t, small)} {
		out := filepath.Join(t.TempDir(), "site")
		buildTo(t, root, out)
		dirs = append(dirs, out)
	}
	args := append([]string{"-jar", jar, "--errors-only", "--skip-non-html"}, dirs...)
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("the Nu HTML Checker found errors (%v):\n%s", err, out)
	}
}
