// Package serve is the preview server behind `workbook serve`: it builds
// the site into memory, serves it on a loopback address, watches the
// project's sources and rebuilds on every save, and tells the open pages
// over Server-Sent Events, so an editor sees a change on the page and in
// the PDF without running anything.
//
// Where Hugo's server waits a fixed 500 ms after a change, this one waits
// for 30 ms of quiet; where Hugo replaces every page with an error while
// the content is broken, this one keeps serving the last good build under
// a banner that names each file, line and problem. Only changed PDFs are
// drawn again, after the pages, and a page reloads only when it changed.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"workbook/generator"
)

// Options say what to serve and how.
type Options struct {
	// ConfigFile is the project's config file; its folder is the project
	// root. Default "config.toml".
	ConfigFile string
	// Addr is the host:port to listen on. Default 127.0.0.1:1313; port 0
	// picks a free port (see Server.URL).
	Addr string
	// Poll, if above zero, finds changes by looking at the files this
	// often instead of waiting for file events, which some network shares
	// and container mounts never deliver.
	Poll time.Duration
	// Open opens the site in the default browser once it is served.
	Open bool
	// Stdout gets a line per rebuild; Stderr gets warnings and every
	// content problem, one per line. Nil discards.
	Stdout, Stderr io.Writer
	// Quiet and MaxWait tune the debounce (see debounce); zero means
	// 30 ms and 300 ms.
	Quiet, MaxWait time.Duration
	// readHeaderTimeout is how long a client may take to send a request's
	// header before its connection is closed; zero means
	// defaultReadHeaderTimeout. Tests shorten it.
	readHeaderTimeout time.Duration
}

// defaultReadHeaderTimeout bounds a request's header, so a client that
// sends part of one and stalls (slowloris) does not hold a connection.
const defaultReadHeaderTimeout = 10 * time.Second

// DefaultAddr is where the server listens unless told otherwise:
// loopback only, so a draft is never on the network by accident.
const DefaultAddr = "127.0.0.1:1313"

// Server is a running preview. New starts it listening, watching and
// builds once; Run serves until its context ends.
type Server struct {
	opt     Options
	root    string
	ln      net.Listener
	http    *http.Server
	changes changes
	builder *builder
	broker  *broker
	state   atomic.Pointer[state]
	term    *terminal
	ran     atomic.Bool
	hosts   hosts // the Host headers it answers (see hosts)
	// rebuilt, if set, is told of every rebuild after it is published:
	// the changed paths as they came, and the outcome. Tests watch it.
	rebuilt func(batch []string, o *outcome)
}

// New listens on opt.Addr, starts watching the project and builds it. A
// failed build is not an error: the server starts anyway and shows the
// problems until they are fixed. Errors are for what stops it serving at
// all: the address is in use, the project folder cannot be read. The
// caller must call Run, which releases what New took.
func New(opt Options) (*Server, error) {
	if opt.ConfigFile == "" {
		opt.ConfigFile = "config.toml"
	}
	if opt.Addr == "" {
		opt.Addr = DefaultAddr
	}
	if opt.Quiet <= 0 {
		opt.Quiet = defaultQuiet
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = defaultMaxWait
	}
	if opt.readHeaderTimeout <= 0 {
		opt.readHeaderTimeout = defaultReadHeaderTimeout
	}
	config, err := filepath.Abs(opt.ConfigFile)
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, root: filepath.Dir(config), broker: newBroker(),
		term: newTerminal(opt.Stdout, opt.Stderr, filepath.Dir(config))}
	s.ln, err = listen(opt.Addr)
	if err != nil {
		return nil, err
	}
	s.hosts = newHosts(opt.Addr, s.ln.Addr())
	if !isLoopback(s.ln.Addr()) {
		s.term.warn("warning: serving on %s, which other computers can reach; drafts are visible to anyone on the network. Use --addr 127.0.0.1:PORT to keep them private.", s.ln.Addr())
	}
	s.changes = s.watch(filepath.Base(config))
	s.builder = &builder{
		opt:      generator.Options{Root: s.root, ConfigFile: config, Drafts: true},
		config:   filepath.Base(config),
		instance: newInstance(),
	}
	o := s.builder.rebuild(nil, nil)
	s.state.Store(newState(o.build, problemsOf(&o)))
	s.term.first(&o, s.URL())
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: opt.readHeaderTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(s.term.errw(), "workbook serve: ", 0),
	}
	return s, nil
}

// watch starts the change source: polling if asked, else file events,
// falling back to polling where file events cannot be had.
func (s *Server) watch(config string) changes {
	if s.opt.Poll > 0 {
		return pollChanges(s.root, config, s.opt.Poll)
	}
	w, err := watchEvents(s.root, config, s.term.warn)
	if err == nil {
		return w
	}
	const every = time.Second
	s.term.warn("warning: cannot watch for file events (%v); looking for changes every %v instead (choose with --poll)", err, every)
	return pollChanges(s.root, config, every)
}

// URL is the address of the site. Listening on every interface, it
// names this computer's loopback, which a browser here can open.
func (s *Server) URL() string {
	addr := s.ln.Addr().String()
	if tcp, ok := s.ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
	}
	return "http://" + addr + "/"
}

// Run serves until ctx is done, then shuts down cleanly: it closes every
// event stream, waits for requests in flight, stops watching and waits
// for a rebuild in progress. It returns nil after a shutdown and the
// error otherwise.
func (s *Server) Run(ctx context.Context) error {
	if s.ran.Swap(true) {
		return errors.New("serve: Run called twice")
	}
	served := make(chan error, 1)
	go func() { served <- s.http.Serve(s.ln) }()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		s.rebuildLoop(ctx)
	}()
	if s.opt.Open {
		openBrowser(s.URL())
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
	}
	s.broker.close()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := s.http.Shutdown(shut); serr != nil {
		// Connections still busy after the grace period (a client that
		// stopped reading mid-stream) are closed, not waited for.
		_ = s.http.Close()
		if err == nil && !errors.Is(serr, context.DeadlineExceeded) {
			err = serr
		}
	}
	s.changes.Close()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Serve is New then Run: the whole of `workbook serve`.
func Serve(ctx context.Context, opt Options) error {
	s, err := New(opt)
	if err != nil {
		return err
	}
	return s.Run(ctx)
}

// rebuildLoop rebuilds after each batch of changes until the changes
// channel closes. After ctx ends it only drains, so shutdown does not
// wait for a build nobody will see.
func (s *Server) rebuildLoop(ctx context.Context) {
	config := filepath.Base(s.builder.opt.ConfigFile)
	known := scanSources(s.root, config)
	for batch := range debounce(s.changes.Changes(), s.opt.Quiet, s.opt.MaxWait) {
		if ctx.Err() != nil {
			continue
		}
		var early *outcome
		o := s.builder.rebuild(batch, func(e outcome) {
			early = &e
			s.publish(&e)
		})
		s.publish(&o)
		// Only the terminal needs this, so it waits until the build is out.
		now := scanSources(s.root, config)
		s.term.rebuilt(described(batch, known, now), early, &o)
		known = now
		if s.rebuilt != nil {
			all := o
			if early != nil {
				all.drawn = append(append([]string(nil), early.drawn...), o.drawn...)
			}
			s.rebuilt(batch, &all)
		}
	}
}

// described is the batch as the terminal shows it: without the files that
// came and went within it (the temporary file of an atomic save, sed -i's
// scratch copy), with "(deleted)" after files that were there before and
// are gone now.
func described(batch []string, before, after map[string]stamp) []string {
	var out []string
	for _, p := range batch {
		_, was := before[p]
		_, is := after[p]
		switch {
		case p == rescan || is:
			out = append(out, p)
		case was:
			out = append(out, p+" (deleted)")
		case isDir(before, p) || isDir(after, p):
			out = append(out, p) // a folder
		}
	}
	if len(out) == 0 {
		return []string{"temporary files"}
	}
	// A new folder arrives with its files: name the files only.
	named := out[:0]
	for i, p := range out {
		inside := false
		for j, q := range out {
			inside = inside || (i != j && strings.HasPrefix(q, p+"/"))
		}
		if !inside {
			named = append(named, p)
		}
	}
	return named
}

// isDir reports whether any known file lies under dir.
func isDir(files map[string]stamp, dir string) bool {
	for p := range files {
		if strings.HasPrefix(p, dir+"/") {
			return true
		}
	}
	return false
}

// publish makes an outcome what the server shows and tells the pages:
// a new good build replaces the old, and a failure keeps the old build
// under a banner.
func (s *Server) publish(o *outcome) {
	prev := s.state.Load()
	b := prev.build
	if !o.failed() {
		b = o.build
	}
	st := newState(b, problemsOf(o))
	s.state.Store(st)
	if st.status != prev.status {
		s.broker.publish(newEvent("status", statusData{Status: st.status, Banner: bannerHTML(st)}))
	}
	if !o.failed() && !o.changed.empty() {
		s.broker.publish(newEvent("change", changeData{Version: b.version(""), changeSet: o.changed}))
	}
}

// listen listens on addr, turning "address in use" into advice.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	// Windows words it its own way and its error is not EADDRINUSE.
	if errors.Is(err, syscall.EADDRINUSE) || strings.Contains(err.Error(), "Only one usage of each socket address") {
		host, port, _ := net.SplitHostPort(addr)
		if n, perr := strconv.Atoi(port); perr == nil && n > 0 && n < 65535 {
			return nil, fmt.Errorf("port %d is in use; try --addr %s", n, net.JoinHostPort(host, strconv.Itoa(n+1)))
		}
		return nil, fmt.Errorf("%s is in use; try another --addr", addr)
	}
	return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
}

// isLoopback reports whether a listening address is reachable only from
// this computer.
func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// newInstance names this run of the server, so a page left open from an
// earlier run reloads when it reconnects instead of taking an old build
// number for a current one.
func newInstance() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return hex.EncodeToString(b[:])
}
