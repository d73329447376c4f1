package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"workbook/generator/output"
)

// fakeServer serves a small hand-made build, without watching anything.
func fakeServer(t *testing.T) *httptest.Server {
	t.Helper()
	files := output.NewMemory()
	for name, body := range map[string]string{
		"index.html":         "<!doctype html><html><head><title>Home</title></head><body><p>home page</p></body></html>",
		"404.html":           "<!doctype html><html><head><title>Not found</title></head><body><p>the site's own 404</p></body></html>",
		"levels/ward.html":   "<!doctype html><html><head></head><body><p>ward</p></body></html>",
		"assets/site.css":    "body{}",
		"assets/site.js":     "void 0",
		"assets/favicon.svg": "<svg/>",
		"workbooks/ward.pdf": "%PDF-1.4 ward",
		"guide/index.html":   "<html><head></head><body>guide</body></html>",
	} {
		if err := files.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	s := &Server{broker: newBroker()}
	s.state.Store(newState(&build{files: files, instance: "test", n: 1, versions: map[string]int{}}, nil))
	ts := httptest.NewUnstartedServer(s)
	s.hosts = newHosts(ts.Listener.Addr().String(), ts.Listener.Addr())
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// rawGet sends path exactly as written, with no client-side cleaning.
func rawGet(t *testing.T, ts *httptest.Server, path string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+hostOf(ts.URL)+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// No request reaches anything outside the site, however it spells "..".
func TestPathTraversalIsRefused(t *testing.T) {
	ts := fakeServer(t)
	for _, p := range []string{
		"/../../../../etc/passwd",
		"/levels/../../etc/passwd",
		"/%2e%2e/%2e%2e/etc/passwd",
		"/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
		"/levels%2f..%2f..%2fetc%2fpasswd",
		"/..%5c..%5cetc%5cpasswd",
		"/..\\..\\etc\\passwd",
		"/%252e%252e/%252e%252e/etc/passwd",
		"/%25252e%25252e%25252fetc/passwd",
		"/.%2e/.%2e/etc/passwd",
		"/levels/%2e%2e/%2e%2e/go.mod",
		"//etc/passwd",
		"/etc/passwd%00.html",
		"/./index.html",
		"/serve.go",
		"/../serve.go",
	} {
		code, body := rawGet(t, ts, p)
		if code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400 or 404", p, code)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "package serve") || strings.Contains(body, "module workbook") {
			t.Errorf("GET %s served a file from disk:\n%s", p, body)
		}
	}
}

func TestServesTheBuild(t *testing.T) {
	ts := fakeServer(t)
	for _, c := range []struct {
		path, ctype, body string
		code              int
	}{
		{"/", "text/html; charset=utf-8", "home page", 200},
		{"/index.html", "text/html; charset=utf-8", "home page", 200},
		{"/levels/ward.html", "text/html; charset=utf-8", "<p>ward</p>", 200},
		{"/guide/", "text/html; charset=utf-8", "guide", 200},
		{"/assets/site.css", "text/css; charset=utf-8", "body{}", 200},
		{"/assets/site.js", "text/javascript; charset=utf-8", "void 0", 200},
		{"/assets/favicon.svg", "image/svg+xml", "<svg/>", 200},
		{"/workbooks/ward.pdf", "application/pdf", "%PDF-1.4 ward", 200},
		{"/levels/nowhere.html", "text/html; charset=utf-8", "the site's own 404", 404},
		{"/__workbook/reload.js", "text/javascript; charset=utf-8", "EventSource", 200},
		{"/__workbook/banner.css", "text/css; charset=utf-8", ".workbook-banner", 200},
		{"/__workbook/pdf/workbooks/ward.pdf", "text/html; charset=utf-8", `<iframe class="workbook-pdf__frame" src="/workbooks/ward.pdf"`, 200},
	} {
		resp, err := http.Get(ts.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("GET %s: status %d, want %d", c.path, resp.StatusCode, c.code)
		}
		if got := resp.Header.Get("Content-Type"); got != c.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", c.path, got, c.ctype)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", c.path, got)
		}
		if !strings.Contains(string(b), c.body) {
			t.Errorf("GET %s: body lacks %q:\n%s", c.path, c.body, b)
		}
		if strings.HasSuffix(c.ctype, "charset=utf-8") && strings.HasPrefix(c.ctype, "text/html") {
			if !strings.Contains(string(b), `<script src="/__workbook/reload.js" defer></script>`) {
				t.Errorf("GET %s: no reload script:\n%s", c.path, b)
			}
			if resp.Header.Get("Content-Security-Policy") != "default-src 'self'" {
				t.Errorf("GET %s: no strict CSP", c.path)
			}
		}
	}
}

func TestOnlyGetAndHead(t *testing.T) {
	ts := fakeServer(t)
	resp, err := http.Post(ts.URL+"/index.html", "text/plain", strings.NewReader(strings.Repeat("x", 1<<20)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
	resp, err = http.Head(ts.URL + "/workbooks/ward.pdf")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.ContentLength != int64(len("%PDF-1.4 ward")) {
		t.Errorf("HEAD: status %d, length %d", resp.StatusCode, resp.ContentLength)
	}
}
