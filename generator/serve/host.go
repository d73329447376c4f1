package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
)

// hosts says which Host headers the server answers. A web page anywhere
// can make a browser ask for http://evil.example:1313/ and, once
// evil.example resolves to 127.0.0.1 (DNS rebinding), read the answer as
// its own: drafts, errors, the layout of the project. The browser still
// sends Host: evil.example:1313, so the server answers only the names it
// was given and this computer's own: the --addr host, localhost and the
// loopback addresses (and, listening on every interface, this computer's
// addresses), each with the port it listens on. Other requests get 403.
type hosts struct {
	port  string
	names map[string]bool // lower case, IPs in netip's form
}

// newHosts lists the hosts a server listening on ln, asked to listen on
// addr, answers to.
func newHosts(addr string, ln net.Addr) hosts {
	h := hosts{names: map[string]bool{"localhost": true}}
	if tcp, ok := ln.(*net.TCPAddr); ok {
		h.port = strconv.Itoa(tcp.Port)
		h.addIP(tcp.IP.String())
		if tcp.IP.IsUnspecified() {
			if addrs, err := net.InterfaceAddrs(); err == nil {
				for _, a := range addrs {
					if n, ok := a.(*net.IPNet); ok {
						h.addIP(n.IP.String())
					}
				}
			}
		}
	}
	h.addIP("127.0.0.1")
	h.addIP("::1")
	if host, _, err := net.SplitHostPort(addr); err == nil && host != "" {
		h.add(host)
	}
	return h
}

func (h hosts) addIP(s string) {
	if ip, err := netip.ParseAddr(s); err == nil {
		h.names[ip.Unmap().WithZone("").String()] = true
	}
}

// add adds a host name or address as given.
func (h hosts) add(host string) {
	if ip, err := netip.ParseAddr(host); err == nil {
		h.addIP(ip.String())
		return
	}
	h.names[canonicalName(host)] = true
}

// canonicalName is a host name as compared: lower case, without the
// final dot of a fully qualified name.
func canonicalName(host string) string { return strings.TrimSuffix(strings.ToLower(host), ".") }

// allowed reports whether a request's Host header names this server. A
// Host without a port means port 80, as HTTP says.
func (h hosts) allowed(hostHeader string) bool {
	host, port, err := net.SplitHostPort(hostHeader)
	if err != nil {
		host, port = hostHeader, "80"
		if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
			host = host[1 : len(host)-1]
		}
	}
	if host == "" || port != h.port {
		return false
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return h.names[ip.Unmap().WithZone("").String()]
	}
	return h.names[canonicalName(host)]
}

// refuseHost answers a request for a host the server does not serve.
func refuseHost(w http.ResponseWriter) {
	http.Error(w, "403 forbidden: this preview answers only to the address it was started with (see workbook serve --addr)", http.StatusForbidden)
}
