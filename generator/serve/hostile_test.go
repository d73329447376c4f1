package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"workbook/generator/testsite"
)

// Hostile input: requests no browser sends, from clients that mean harm
// or are broken. The server must answer each cleanly (a 4xx, never a 5xx
// or a file from outside the site), never let one client hold it up, and
// go on serving everyone else. Every connection here is to the loopback
// address of a server the test started, and every wait is bounded by
// deadline.

// Secrets outside the build that no request may reach: one in the
// project folder, beside config.toml, and one beside the project.
const (
	insideSecret  = "INSIDE-SECRET-5d0b7c"
	outsideSecret = "OUTSIDE-SECRET-91fa2e"
)

// hostileProject is a private copy of the small fixture, with its own
// copy of the theme (so edits to the repository's theme while the tests
// run change nothing here) and the two secrets planted.
func hostileProject(t *testing.T) string {
	t.Helper()
	root := testsite.Copy(t, "testdata/sites/small")
	copyThemes(t, root)
	must(t, os.WriteFile(filepath.Join(root, "secret.txt"), []byte(insideSecret), 0o644))
	must(t, os.WriteFile(filepath.Join(filepath.Dir(root), "outside.txt"), []byte(outsideSecret), 0o644))
	return root
}

// leaked reports what in a response came from outside the built site.
func leaked(body string) string {
	for _, s := range []string{insideSecret, outsideSecret, "root:x:0:0", "package serve", "module workbook", `title = "Kitchen Garden Framework"`, "[[question]]"} {
		if strings.Contains(body, s) {
			return s
		}
	}
	return ""
}

func hostOf(url string) string { return strings.TrimPrefix(url, "http://") }

// dial opens a connection to the server whose every read gives up after
// deadline: a safety net for a test that would otherwise hang, never a
// measurement.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadDeadline(time.Now().Add(deadline))
	t.Cleanup(func() { conn.Close() })
	return conn
}

// exchange sends one request exactly as written on a new connection and
// reads the response; method says whether it has a body (HEAD has none).
func exchange(t *testing.T, addr, method, req string) (*http.Response, string, error) {
	t.Helper()
	conn := dial(t, addr)
	defer conn.Close()
	if _, err := io.WriteString(conn, req); err != nil {
		return nil, "", err
	}
	r, _ := http.NewRequest(method, "/", nil)
	resp, err := http.ReadResponse(bufio.NewReader(conn), r)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, string(b), err
}

// hangsUp reads what is left on a connection until the server closes it
// and fails if it does not: a read that ends at our own deadline instead.
// A reset counts as closed (the server hung up with our bytes unread).
func hangsUp(t *testing.T, what string, r io.Reader) {
	t.Helper()
	_, err := io.Copy(io.Discard, r)
	var ne net.Error
	switch {
	case err == nil, errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
	case errors.As(err, &ne) && ne.Timeout():
		t.Errorf("%s: the server did not close the connection within %v", what, deadline)
	default:
		t.Errorf("%s: reading until the server hangs up: %v", what, err)
	}
}

// Every spelling of "go up a folder" or "start from the root" that a
// server has been tricked by, against the real server over a project with
// secrets beside its config and beside the project: each gets a 400 or a
// 404, never a 500 and never a byte from outside the build, by GET or
// HEAD, under the site and under the preview's own /__workbook/ prefix.
func TestHostilePathsNeverLeaveTheSite(t *testing.T) {
	root := hostileProject(t)
	p := startPreview(t, root, Options{})
	abs := filepath.ToSlash(root)
	paths := []string{
		// plain and encoded dots, in every case
		"/../secret.txt", "/../../outside.txt", "/levels/../../outside.txt",
		"/%2e%2e/secret.txt", "/%2E%2E/outside.txt", "/%2e%2E/%2E%2e/outside.txt",
		"/.%2e/secret.txt", "/%2e./secret.txt", "/%2e/secret.txt", "/./secret.txt",
		"/levels/%2e%2e/%2e%2e/outside.txt", "/levels/ward.html/../../secret.txt",
		"/guide/..", "/guide/.", "/levels/%2e", "/levels/%2E%2E",
		// double and triple encoding
		"/%252e%252e/secret.txt", "/%25252e%25252e/outside.txt", "/%252E%252E%252Fsecret.txt",
		"/..%252fsecret.txt", "/..%255csecret.txt",
		// encoded slashes and backslashes
		"/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2fetc%2fpasswd",
		"/levels%2f..%2f..%2foutside.txt", "/..%5csecret.txt", "/..%5Csecret.txt", "/%5c%5cserver%5cshare",
		// raw backslashes
		"/..\\secret.txt", "/..\\..\\outside.txt", "/levels\\..\\..\\outside.txt", "/\\\\server\\share",
		// overlong UTF-8 for '.', '/' and '\'
		"/%c0%ae%c0%ae/secret.txt", "/%c0%ae%c0%ae%c0%afsecret.txt", "/%e0%80%ae%e0%80%ae/outside.txt",
		"/..%c0%afsecret.txt", "/..%c1%9csecret.txt", "/%c0%2e%c0%2e/secret.txt", "/%f0%80%80%ae%f0%80%80%ae/secret.txt",
		// NUL and other control bytes
		"/secret.txt%00", "/secret.txt%00.html", "/%00/../secret.txt", "/levels/ward.html%00.pdf",
		"/%00", "/levels/%0d%0aSet-Cookie:%20x=y", "/%0a..%0a/secret.txt",
		// absolute paths, Windows drives, UNC, empty segments
		"//etc/passwd", "///etc/passwd", "//", "/levels//ward.html", "/etc/passwd",
		"/" + abs + "/secret.txt", "/" + strings.TrimPrefix(abs, "/") + "/secret.txt",
		"/C:/Windows/win.ini", "/C:%5cWindows%5cwin.ini", "/c:\\windows\\win.ini", "/C:secret.txt",
		// path parameters and other tricks servers have split on
		"/..;/secret.txt", "/levels/..;/..;/outside.txt", "/;/../secret.txt", "/..%3b/secret.txt",
		"/levels/ward.html;/../../secret.txt", "/%u002e%u002e/secret.txt", "/..%u2215secret.txt",
		// mixed case and names of sources that are not in the build
		"/LEVELS/../../SECRET.TXT", "/Levels/Ward.html", "/SECRET.TXT", "/secret.txt", "/config.toml",
		"/content/ward/questions.toml", "/themes/default/layouts/level.html", "/.git/config", "/.env",
		// the preview's own prefix
		"/__workbook/../secret.txt", "/__workbook/%2e%2e/secret.txt", "/__workbook/pdf/../../secret.txt",
		"/__workbook/pdf/%2e%2e/%2e%2e/outside.txt", "/__workbook/pdf/..;/secret.txt", "/__workbook/pdf//etc/passwd",
		"/__workbook/pdf/secret.txt", "/__workbook/pdf/config.toml", "/__workbook/secret.txt", "/__workbook/assets/reload.js",
		"/__workbook/pdf/workbooks/../../secret.txt", "/__workbook/pdf/workbooks%2f..%2f..%2fsecret.txt",
		// request targets that are not paths at all
		"../secret.txt", "secret.txt", "*", "http://127.0.0.1/../secret.txt", "http://evil.example/secret.txt",
		"file:///etc/passwd", "file://" + abs + "/secret.txt",
	}
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		for _, target := range paths {
			resp, body, err := exchange(t, hostOf(p.url), method, method+" "+target+" HTTP/1.1\r\nHost: "+hostOf(p.url)+"\r\nConnection: close\r\n\r\n")
			if err != nil {
				t.Errorf("%s %s: %v", method, target, err)
				continue
			}
			// An absolute target names its host, which is not this one: 403.
			otherHost := strings.HasPrefix(target, "http://") && resp.StatusCode == http.StatusForbidden
			if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound && !otherHost {
				t.Errorf("%s %s: status %d, want 400 or 404", method, target, resp.StatusCode)
			}
			if s := leaked(body); s != "" {
				t.Errorf("%s %s: the response holds %q from outside the site:\n%.300s", method, target, s, body)
			}
			if c := resp.Header.Get("Set-Cookie"); c != "" {
				t.Errorf("%s %s: a header was injected: Set-Cookie %q", method, target, c)
			}
		}
	}
	if page, code := p.get(wardPage); code != http.StatusOK || !strings.Contains(page, oldText) {
		t.Errorf("after the hostile paths %s gives %d", wardPage, code)
	}
}

// filler writes at least n bytes made of unit, repeated, from one small
// buffer, so the client itself holds next to nothing of them.
func filler(w io.Writer, unit string, n int) error {
	buf := bytes.Repeat([]byte(unit), max(1, 64<<10/len(unit)))
	for sent := 0; sent < n; sent += len(buf) {
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

const tenMB = 10 << 20

// Ten megabytes of request, in the body (declared or chunked, to GET,
// HEAD or POST), in one header, in many headers or in the URL: each is
// refused with a 4xx as soon as the server knows, without the server
// reading (let alone holding) the ten megabytes; the connection is closed
// and the next request is served as usual.
func TestTenMegabyteRequestsAreRefused(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	for _, c := range []struct {
		name, method, head, unit, tail string
		want                           []int
	}{
		{"GET with a 10 MB body", "GET", "GET /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n", "x", "", []int{413}},
		{"HEAD with a 10 MB body", "HEAD", "HEAD /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n", "x", "", []int{413}},
		{"POST of 10 MB", "POST", "POST /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 10485760\r\n\r\n", "x", "", []int{405}},
		{"GET with a chunked 10 MB body", "GET", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "8\r\nxxxxxxxx\r\n", "0\r\n\r\n", []int{413}},
		{"a 10 MB header", "GET", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ", "a", "\r\n\r\n", []int{431}},
		{"10 MB of headers", "GET", "GET / HTTP/1.1\r\nHost: x\r\n", "X-A: b\r\n", "\r\n", []int{431}},
		{"a 10 MB cookie", "GET", "GET / HTTP/1.1\r\nHost: x\r\nCookie: a=", "b", "\r\n\r\n", []int{431}},
		{"a 10 MB URL", "GET", "GET /levels/", "a", ".html HTTP/1.1\r\nHost: x\r\n\r\n", []int{400, 414, 431}},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		conn := dial(t, hostOf(p.url))
		sent := make(chan error, 1)
		go func() {
			_, err := io.WriteString(conn, c.head)
			if err == nil {
				err = filler(conn, c.unit, tenMB)
			}
			if err == nil {
				_, err = io.WriteString(conn, c.tail)
			}
			sent <- err
		}()
		br := bufio.NewReader(conn)
		r, _ := http.NewRequest(c.method, "/", nil)
		resp, err := http.ReadResponse(br, r)
		if err != nil {
			t.Errorf("%s: no response: %v", c.name, err)
		} else {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if !containsInt(c.want, resp.StatusCode) {
				t.Errorf("%s: status %d, want one of %v", c.name, resp.StatusCode, c.want)
			}
			hangsUp(t, c.name, br)
		}
		conn.Close() // stops the writer if the server left it blocked
		<-sent       // a write error is expected: the server hung up
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > tenMB/4 {
			t.Errorf("%s: %d MB were allocated while it was refused; the server must not read what it refuses", c.name, grew>>20)
		}
		if page, code := p.get(wardPage); code != http.StatusOK || !strings.Contains(page, oldText) {
			t.Errorf("after %s, %s gives %d", c.name, wardPage, code)
		}
	}
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// A request that declares a body and then sends none of it, or only part,
// is answered at once and its connection closed: waiting for the rest
// would let a client hold a connection, and the server's shutdown, for
// as long as it liked (there is no whole-request read timeout, since the
// event streams must outlive any). Before the fix none of these got an
// answer at all.
func TestStalledBodiesAreAnsweredAtOnce(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	var wg sync.WaitGroup
	for _, c := range []struct {
		name, method, req string
		want              int
	}{
		{"10 of 100 bytes", "GET", "GET /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789", 413},
		{"10 of 10 MB", "GET", "GET /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n0123456789", 413},
		{"part of a chunk", "GET", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123", 413},
		{"no chunk at all", "GET", "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 413},
		{"Expect: 100-continue", "GET", "GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n", 413},
		{"HEAD with a body", "HEAD", "HEAD / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab", 413},
		{"POST", "POST", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789", 405},
		{"PUT", "PUT", "PUT /levels/ward.html HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", 405},
		{"events with a body", "GET", "GET /__workbook/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789", 413},
	} {
		// Together, so a regression costs one deadline, not one each.
		conn := dial(t, hostOf(p.url))
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := io.WriteString(conn, c.req); err != nil {
				t.Errorf("%s: %v", c.name, err)
				return
			}
			br := bufio.NewReader(conn)
			r, _ := http.NewRequest(c.method, "/", nil)
			resp, err := http.ReadResponse(br, r)
			if err != nil {
				t.Errorf("%s: no answer while the body is missing: %v", c.name, err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("%s: status %d, want %d", c.name, resp.StatusCode, c.want)
			}
			if c.want == 405 && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s: Allow %q", c.name, resp.Header.Get("Allow"))
			}
			hangsUp(t, c.name, br)
		}()
	}
	wg.Wait()
	if page, code := p.get(wardPage); code != http.StatusOK || !strings.Contains(page, oldText) {
		t.Errorf("after the stalled bodies %s gives %d", wardPage, code)
	}
}

// A HEAD of the event stream gets the stream's headers and ends, so the
// connection can carry the next request; it used to stream nothing for
// ever.
func TestHeadOfTheEventStreamEnds(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	conn := dial(t, hostOf(p.url))
	host := hostOf(p.url)
	io.WriteString(conn, "HEAD "+eventsPath+" HTTP/1.1\r\nHost: "+host+"\r\n\r\nGET /levels/ward.html HTTP/1.1\r\nHost: "+host+"\r\n\r\n")
	br := bufio.NewReader(conn)
	head, _ := http.NewRequest(http.MethodHead, "/", nil)
	resp, err := http.ReadResponse(br, head)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Errorf("HEAD %s: %d %q", eventsPath, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, err = http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("the request after a HEAD of the events was not answered: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), oldText) {
		t.Errorf("the request after a HEAD of the events: %d", resp.StatusCode)
	}
	if n := p.s.broker.subscribers(); n != 0 {
		t.Errorf("a HEAD left %d event subscribers", n)
	}
}

// subscribers is how many event streams are open.
func (b *broker) subscribers() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.subs)
}

// Slowloris: clients that send part of a request header and stall, or
// trickle it a byte at a time, are cut off when the header timeout
// (shortened here from 10 s) runs out, however often a byte arrives; the
// server serves everyone else meanwhile.
func TestSlowHeadersAreCutOff(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{readHeaderTimeout: 200 * time.Millisecond})
	if got := p.s.http.ReadHeaderTimeout; got != 200*time.Millisecond {
		t.Fatalf("ReadHeaderTimeout %v, want the 200 ms asked for", got)
	}
	const slow = 20
	stop := make(chan struct{})
	var writers sync.WaitGroup
	var conns []net.Conn
	for i := 0; i < slow; i++ {
		conn := dial(t, hostOf(p.url))
		conns = append(conns, conn)
		if i%2 == 0 {
			// Part of a header, then nothing.
			io.WriteString(conn, "GET /levels/ward.html HTTP/1.1\r\nHost: x\r\nUser-Agent: slo")
			continue
		}
		// A header that never ends, a byte every few milliseconds, until
		// the server hangs up (or the test gives up).
		writers.Add(1)
		go func() {
			defer writers.Done()
			if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "); err != nil {
				return
			}
			tick := time.NewTicker(5 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-stop:
					return
				case <-tick.C:
					if _, err := conn.Write([]byte("a")); err != nil {
						return
					}
				}
			}
		}()
	}
	// Meanwhile, everyone else is served.
	for i := 0; i < 20; i++ {
		if page, code := p.get(wardPage); code != http.StatusOK || !strings.Contains(page, oldText) {
			t.Errorf("while slow clients hang on, %s gives %d", wardPage, code)
		}
	}
	for i, conn := range conns {
		b, err := io.ReadAll(conn)
		var ne net.Error
		switch {
		case errors.As(err, &ne) && ne.Timeout():
			t.Errorf("slow client %d: not cut off within %v", i, deadline)
		case err != nil && !errors.Is(err, syscall.ECONNRESET):
			t.Errorf("slow client %d: %v", i, err)
		case len(b) > 0 && !bytes.HasPrefix(b, []byte("HTTP/1.1 4")):
			t.Errorf("slow client %d was answered %q", i, b)
		}
	}
	close(stop)
	writers.Wait()
	if page, code := p.get(wardPage); code != http.StatusOK || !strings.Contains(page, oldText) {
		t.Errorf("after the slow clients %s gives %d", wardPage, code)
	}
}

func TestDefaultHeaderTimeout(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	if got := p.s.http.ReadHeaderTimeout; got != defaultReadHeaderTimeout || got <= 0 {
		t.Errorf("ReadHeaderTimeout %v, want %v", got, defaultReadHeaderTimeout)
	}
}

// A Range header asking for the same bytes many times over gets at most
// the file once over, not the file once per range.
func TestOverlappingRangesAreNotAmplified(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	pdf, _ := p.get("/workbooks/ward.pdf")
	ranges := "bytes=0-" + strings.Repeat(",0-", 500)
	resp, body, err := exchange(t, hostOf(p.url), "GET", "GET /workbooks/ward.pdf HTTP/1.1\r\nHost: "+hostOf(p.url)+"\r\nRange: "+ranges+"\r\nConnection: close\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode >= 500 || len(body) > 2*len(pdf)+64<<10 {
		t.Errorf("500 overlapping ranges of a %d-byte PDF: status %d, %d bytes", len(pdf), resp.StatusCode, len(body))
	}
}

// 200 clients at once, asking for pages, stylesheets, PDFs, missing pages
// and files outside the site while an editor saves four times and the
// server rebuilds (drawing the level's PDFs each time), with event streams
// open: every answer is whole and from one build (the old wording or a
// new one, never a mix, never empty), nothing is a 5xx, nothing outside
// the site is served, and every stream hears of the changes. Run it with
// -race as well.
func TestManyClientsDuringRebuilds(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	const clients = 200
	variants := []string{oldText}
	for i := 1; i <= 4; i++ {
		variants = append(variants, fmt.Sprintf("Wording number %d: how does your ward feed its bean soil?", i))
	}
	var streams []*sse
	for i := 0; i < 4; i++ {
		s := p.subscribe("levels/ward.html")
		s.next("hello")
		streams = append(streams, s)
	}
	css, _ := p.get("/assets/site.css")
	county, _ := p.get("/workbooks/county.pdf")
	pages := []string{
		wardPage, "/levels/county.html", wardPage, "/", "/levels/nation.html", "/about.html", wardPage,
		"/downloads.html", "/foundations/soil.html", "/focus/beans.html", "/how-to-use.html", "/index.html",
		"/assets/site.css", "/workbooks/ward.pdf", "/workbooks/ward-soil.pdf", "/workbooks/county.pdf",
		"/__workbook/reload.js", "/__workbook/pdf/workbooks/ward.pdf", "/levels/nowhere.html",
		"/../secret.txt", "/%2e%2e/%2e%2e/outside.txt", "/..%5csecret.txt", "/levels/..%2f..%2fsecret.txt",
	}

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}}
	defer client.CloseIdleConnections()
	var (
		mu       sync.Mutex
		problems []string
		requests int
		codes    = map[int]int{}
		versions = map[string]int{} // a ward page's version → its wording
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	check := func(path string, resp *http.Response, b string) {
		mu.Lock()
		requests++
		codes[resp.StatusCode]++
		mu.Unlock()
		if s := leaked(b); s != "" {
			fail("%s: served %q from outside the site", path, s)
		}
		ctype := resp.Header.Get("Content-Type")
		switch {
		case strings.Contains(path, "secret") || strings.Contains(path, "outside"):
			if resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusNotFound {
				fail("%s: status %d, want 400 or 404", path, resp.StatusCode)
			}
		case path == "/levels/nowhere.html":
			if resp.StatusCode != http.StatusNotFound || !completePage(b) {
				fail("%s: status %d, want the site's whole 404 page", path, resp.StatusCode)
			}
		case resp.StatusCode != http.StatusOK:
			fail("%s: status %d", path, resp.StatusCode)
		case strings.HasPrefix(ctype, "text/html"):
			if !completePage(b) {
				fail("%s: an incomplete page (%d bytes): %.200q … %.200q", path, len(b), b, b[max(0, len(b)-200):])
			}
			if path != wardPage {
				break
			}
			shown := -1
			for i, v := range variants {
				if strings.Contains(b, v) {
					if shown >= 0 {
						fail("%s mixes wordings %d and %d", path, shown, i)
					}
					shown = i
				}
			}
			if shown < 0 {
				fail("%s shows none of the wordings", path)
				break
			}
			version := metaContent(b, "workbook-version")
			mu.Lock()
			if was, ok := versions[version]; ok && was != shown {
				problems = append(problems, fmt.Sprintf("%s version %s came with wordings %d and %d", path, version, was, shown))
			}
			versions[version] = shown
			mu.Unlock()
		case path == "/assets/site.css":
			if b != css {
				fail("%s changed or came in part (%d bytes, want %d)", path, len(b), len(css))
			}
		case path == "/workbooks/county.pdf":
			if b != county {
				fail("%s changed or came in part (%d bytes, want %d)", path, len(b), len(county))
			}
		case strings.HasSuffix(path, ".pdf"):
			if !strings.HasPrefix(b, "%PDF-") || !strings.HasSuffix(strings.TrimSpace(b), "%%EOF") {
				fail("%s: not a whole PDF (%d bytes)", path, len(b))
			}
		case len(b) == 0:
			fail("%s: empty", path)
		}
	}

	start, stop := make(chan struct{}), make(chan struct{})
	var ready, done sync.WaitGroup
	for c := 0; c < clients; c++ {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			// At least 3 requests each, the first all at once; then on
			// until the saves are done, 40 at most.
			for i := 0; i < 40; i++ {
				if i == 0 {
					ready.Done()
					<-start
				}
				if i >= 3 {
					select {
					case <-stop:
						return
					default:
					}
				}
				path := pages[(c*7+i)%len(pages)]
				resp, err := client.Get(p.url + path)
				if err != nil {
					fail("GET %s: %v", path, err)
					return
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil {
					fail("GET %s: reading the body: %v", path, err)
					return
				}
				check(path, resp, string(b))
			}
		}()
	}
	ready.Wait()
	close(start)
	began := time.Now()
	for i := 1; i < len(variants); i++ {
		p.edit(wardFile, variants[i-1], variants[i])
		p.waitPage(wardPage, fmt.Sprintf("to show wording %d", i), func(b string) bool { return strings.Contains(b, variants[i]) })
	}
	close(stop)
	done.Wait()
	took := time.Since(began)
	batches, _ := p.waitRebuilds(1)

	mu.Lock()
	defer mu.Unlock()
	t.Logf("%d requests from %d clients in %v, across %d rebuilds (%d ward page versions seen); statuses %v",
		requests, clients, took.Round(time.Millisecond), len(batches), len(versions), codes)
	for i, pr := range problems {
		if i == 20 {
			t.Errorf("… and %d more", len(problems)-i)
			break
		}
		t.Error(pr)
	}
	for code := range codes {
		if code >= 500 {
			t.Errorf("%d responses were %d", codes[code], code)
		}
	}
	for i, s := range streams {
		ev := s.next("change")
		if !contains(list(ev, "pages"), "levels/ward.html") {
			t.Errorf("event stream %d: the first change does not list the ward page: %v", i, ev.data)
		}
	}
}

// completePage reports whether b is a whole HTML page as the preview
// serves it: the start, the preview's tags and the end.
func completePage(b string) bool {
	return strings.HasPrefix(strings.ToLower(b), "<!doctype html>") &&
		strings.HasSuffix(strings.TrimSpace(b), "</html>") &&
		strings.Contains(b, `<script src="/__workbook/reload.js" defer></script>`)
}

// metaContent returns the content of the page's <meta name=…>.
func metaContent(page, name string) string {
	_, rest, ok := strings.Cut(page, `<meta name="`+name+`" content="`)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, `"`)
	return v
}

// rawEvents opens an event stream on its own connection and returns the
// connection and a reader of the stream (chunked encoding undone) after
// the response header.
func rawEvents(t *testing.T, addr string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn := dial(t, addr)
	io.WriteString(conn, "GET "+eventsPath+"?page=levels/ward.html HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("events: status %d", resp.StatusCode)
	}
	return conn, bufio.NewReader(resp.Body)
}

// nextEvent reads the stream up to the next event called name, and
// returns its data line.
func nextEvent(t *testing.T, r *bufio.Reader, name string) string {
	t.Helper()
	found := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("waiting for a %q event: %v", name, err)
		}
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "event: "+name:
			found = true
		case found && strings.HasPrefix(line, "data: "):
			return strings.TrimPrefix(line, "data: ")
		}
	}
}

// Event streams that come and go abruptly (closed before, during or
// after the request, with a reset, or held open and never read) leave
// nothing behind: no subscriber, no goroutine. While a hundred of them
// hang on without reading, a rebuild still reaches a page that listens.
func TestEventStreamsComeAndGoWithoutLeaks(t *testing.T) {
	p := startPreview(t, hostileProject(t), Options{})
	addr := hostOf(p.url)
	// A rebuild first, so whatever a rebuild starts once is counted.
	p.edit(wardFile, oldText, newText)
	p.waitRebuilds(1)
	http.DefaultClient.CloseIdleConnections()
	baseline := runtime.NumGoroutine()

	const each = 20
	request := "GET " + eventsPath + "?page=levels/ward.html HTTP/1.1\r\nHost: " + addr + "\r\n\r\n"
	abrupt := []func(net.Conn){
		func(c net.Conn) {}, // connects and leaves
		func(c net.Conn) { io.WriteString(c, request[:20]) },                      // leaves mid-request
		func(c net.Conn) { io.WriteString(c, request) },                           // leaves before the answer
		func(c net.Conn) { io.WriteString(c, request); c.Read(make([]byte, 64)) }, // leaves mid-answer
		func(c net.Conn) { // leaves after the hello
			io.WriteString(c, request)
			br := bufio.NewReader(c)
			for {
				line, err := br.ReadString('\n')
				if err != nil || strings.HasPrefix(line, "event: hello") {
					return
				}
			}
		},
	}
	var wg sync.WaitGroup
	for round := 0; round < each; round++ {
		for i, f := range abrupt {
			wg.Add(1)
			go func() {
				defer wg.Done()
				conn, err := net.Dial("tcp", addr)
				if err != nil {
					t.Error(err)
					return
				}
				conn.SetDeadline(time.Now().Add(deadline))
				f(conn)
				if (round+i)%2 == 0 {
					conn.(*net.TCPConn).SetLinger(0) // a reset, not a goodbye
				}
				conn.Close()
			}()
		}
	}
	// A hundred that stay and never read, and one page that listens.
	var idle []net.Conn
	for i := 0; i < 100; i++ {
		conn := dial(t, addr)
		io.WriteString(conn, request)
		idle = append(idle, conn)
	}
	listener, events := rawEvents(t, addr)
	nextEvent(t, events, "hello")
	wg.Wait()
	waitFor(t, "the abrupt streams to be let go (101 open)", func() bool { return p.s.broker.subscribers() == 101 })

	p.edit(wardFile, newText, "A wording the idle streams never read?")
	if data := nextEvent(t, events, "change"); !strings.Contains(data, "levels/ward.html") {
		t.Errorf("the change event does not list the ward page: %s", data)
	}
	p.waitRebuilds(2)

	for i, conn := range idle {
		if i%2 == 0 {
			conn.(*net.TCPConn).SetLinger(0)
		}
		conn.Close()
	}
	listener.Close()
	waitFor(t, "every stream to be let go", func() bool { return p.s.broker.subscribers() == 0 })
	end := time.Now().Add(deadline)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(end) {
			var dump strings.Builder
			pprof.Lookup("goroutine").WriteTo(&dump, 1)
			t.Fatalf("%d goroutines, %d before the streams came and went:\n%s", runtime.NumGoroutine(), baseline, dump.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A page that stops reading its events does not hold up the others: the
// broker drops it once its queue is full, without waiting, and goes on
// telling the pages that keep up.
func TestBrokerDropsAStalledSubscriber(t *testing.T) {
	b := newBroker()
	stalled, _ := b.subscribe()
	live, _ := b.subscribe()
	heard := make(chan struct{})
	go func() {
		for range live {
			heard <- struct{}{}
		}
		close(heard)
	}()
	for i := 0; i < 100; i++ {
		b.publish(newEvent("change", changeData{Version: fmt.Sprint(i)}))
		if _, ok := <-heard; !ok {
			t.Fatalf("the live subscriber was dropped at event %d", i)
		}
	}
	if n := b.subscribers(); n != 1 {
		t.Errorf("%d subscribers after 100 events, want the live one only", n)
	}
	n := 0
	for range stalled {
		n++
	}
	if n != cap(stalled) {
		t.Errorf("the stalled subscriber was sent %d events before it was dropped, want %d", n, cap(stalled))
	}
	b.close()
	if _, ok := <-heard; ok {
		t.Error("the live subscriber heard an event after the broker closed")
	}
}
