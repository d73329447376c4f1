package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// StrictCSP is the policy a trust's web team can send with the site.
const StrictCSP = "default-src 'self'"

// Serve serves the folder dir under a sub-path (prefix, such as
// "/intranet/site/"), as an intranet might, with StrictCSP, and returns
// the site's address. The server stops when the test ends.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	files := http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", StrictCSP)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}
