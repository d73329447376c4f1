package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// A web page elsewhere can point its own host name at 127.0.0.1 (DNS
// rebinding) and make the browser fetch the preview; the browser still
// sends that name as Host. The server answers only its own names: the
// address it was given and the loopback names, with its port. Everything
// else gets a short 403, whatever it asks for.
func TestOnlyItsOwnHostNamesAreAnswered(t *testing.T) {
	ts := fakeServer(t)
	_, port, _ := net.SplitHostPort(hostOf(ts.URL))
	other := strconv.Itoa(mustAtoi(t, port) + 1)
	ok := []string{
		"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "localhost.:" + port,
		"[::1]:" + port, "[0:0:0:0:0:0:0:1]:" + port, "[::ffff:127.0.0.1]:" + port,
	}
	refused := []string{
		"evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "localhost.evil.example:" + port,
		"localhost:" + other, "127.0.0.1:" + other, "127.0.0.1", "localhost", "[::1]", "",
		"10.0.0.1:" + port, "0.0.0.0:" + port, "x:" + port, "127.0.0.1:" + port + ".evil.example",
	}
	for _, path := range []string{"/", "/levels/ward.html", "/workbooks/ward.pdf", eventsPath + "?page=index.html", "/__workbook/assets/reload.js", "/missing.html"} {
		for _, host := range ok {
			if code, _ := getWithHost(t, ts, path, host); code == http.StatusForbidden {
				t.Errorf("Host %q, %s: refused", host, path)
			}
		}
		for _, host := range refused {
			code, body := getWithHost(t, ts, path, host)
			if code != http.StatusForbidden || len(body) > 200 || strings.Contains(body, "<") {
				t.Errorf("Host %q, %s: %d %q; want 403 with a short plain message", host, path, code, body)
			}
		}
	}
}

// Listening on one address, the server also answers to that address as
// Host, and to a host name it was started with.
func TestGivenAddressIsAnswered(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	h := newHosts("preview.test:"+port, ln.Addr())
	for host, want := range map[string]bool{
		"preview.test:" + port: true, "Preview.Test.:" + port: true, "127.0.0.1:" + port: true,
		"other.test:" + port: false, "preview.test:1": false,
	} {
		if got := h.allowed(host); got != want {
			t.Errorf("allowed(%q) = %v, want %v", host, got, want)
		}
	}
	everywhere := newHosts("0.0.0.0:"+port, &net.TCPAddr{IP: net.IPv4zero, Port: mustAtoi(t, port)})
	if addrs, _ := net.InterfaceAddrs(); len(addrs) > 0 {
		ip := addrs[len(addrs)-1].(*net.IPNet).IP
		if !everywhere.allowed(net.JoinHostPort(ip.String(), port)) {
			t.Errorf("listening everywhere, this computer's address %s is refused", ip)
		}
	}
	if everywhere.allowed("evil.example:" + port) {
		t.Error("listening everywhere, any name is answered")
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// getWithHost sends a GET for path with the given Host header, exactly,
// and returns the status and, for a refusal, the body (an answer may be
// an event stream that never ends).
func getWithHost(t *testing.T, ts *httptest.Server, path, host string) (int, string) {
	t.Helper()
	conn := dial(t, hostOf(ts.URL))
	defer conn.Close()
	io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("Host %q, %s: %v", host, path, err)
	}
	if resp.StatusCode != http.StatusForbidden {
		return resp.StatusCode, "" // not read: closing the connection ends it
	}
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
