package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event is one Server-Sent Event for the open pages.
//
//	hello   on connecting: {version, status, banner}, the version of the
//	        page named in the request (?page=); a page of another version
//	        reloads, a page with an old banner swaps it
//	change  after a build changed files: {version, pages, css, pdfs,
//	        other}; a page reloads if it is among them or a script or
//	        other file changed, swaps stylesheets in place if only they
//	        changed, and otherwise stays as it is
//	status  when the build breaks, is still broken in another way, or is
//	        fixed: {status, banner}; pages swap their banner in place
type event struct {
	name string
	data []byte // JSON
}

func newEvent(name string, v any) event {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only ever marshals this package's own types
	}
	return event{name: name, data: b}
}

// helloData and statusData are the JSON of those events.
type helloData struct {
	Version string `json:"version"`
	Status  string `json:"status"`
	Banner  string `json:"banner"`
}

type statusData struct {
	Status string `json:"status"`
	Banner string `json:"banner"`
}

type changeData struct {
	Version string `json:"version"`
	changeSet
}

// broker fans events out to every open page. A page that does not keep up
// (its queue is full) is dropped rather than waited for: its browser
// reconnects, and the hello brings it up to date.
type broker struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	closed bool
}

func newBroker() *broker { return &broker{subs: map[chan event]struct{}{}} }

// subscribe adds a page; ok is false once the server is shutting down.
func (b *broker) subscribe() (ch chan event, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	ch = make(chan event, 16)
	b.subs[ch] = struct{}{}
	return ch, true
}

func (b *broker) unsubscribe(ch chan event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.subs[ch]; ok {
		delete(b.subs, ch)
		close(ch)
	}
}

// publish sends ev to every page without waiting.
func (b *broker) publish(ev event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- ev:
		default:
			delete(b.subs, ch)
			close(ch)
		}
	}
}

// close ends every stream, so that http.Server.Shutdown, which waits for
// handlers to return, does not wait for pages that never leave.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.closed = true
	for ch := range b.subs {
		delete(b.subs, ch)
		close(ch)
	}
}

// keepAlive is how often an idle stream gets a comment, so proxies and
// the browser do not take it for dead.
const keepAlive = 25 * time.Second

// serveEvents is the /__workbook/events stream.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodHead {
		// A HEAD has no body to stream into: streaming anyway would keep
		// the connection busy with nothing until the client left.
		return
	}
	ch, ok := s.broker.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.broker.unsubscribe(ch)
	rc := http.NewResponseController(w)
	// A client that stops reading must not hold its stream (and a clean
	// shutdown) for ever: each write gets a deadline, renewed per event.
	deadline := func() { _ = rc.SetWriteDeadline(time.Now().Add(eventWriteTimeout)) }
	deadline()
	// Subscribed first, then the state read: an event racing with the
	// hello is seen twice rather than not at all, and seeing it twice
	// does nothing.
	st := s.state.Load()
	fmt.Fprint(w, "retry: 500\n\n")
	writeEvent(w, newEvent("hello", helloData{Version: st.build.version(r.URL.Query().Get("page")), Status: st.status, Banner: bannerHTML(st)}))
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case ev, ok := <-ch:
			if !ok {
				return
			}
			deadline()
			writeEvent(w, ev)
		case <-tick.C:
			deadline()
			fmt.Fprint(w, ": keep-alive\n\n")
		case <-r.Context().Done():
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// eventWriteTimeout is how long an event may take to reach a client
// before its stream is dropped (its reload script then reconnects).
const eventWriteTimeout = 10 * time.Second

// writeEvent writes one event in the text/event-stream format. The data
// is JSON, which has no raw newlines, so one data line is enough.
func writeEvent(w http.ResponseWriter, ev event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.name, ev.data)
}
