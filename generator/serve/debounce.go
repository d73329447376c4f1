package serve

import (
	"sort"
	"time"
)

// Default debounce timings. An editor's save is a handful of events
// within a millisecond or two (vim: probe file, rename to backup, create,
// write; VS Code: truncate, write), and a search-and-replace across files
// saves them all within a few tens of milliseconds. Waiting for 30 ms of
// quiet joins each of those into one rebuild while adding almost nothing
// to the time from save to preview; Hugo's fixed 500 ms window costs
// every save half a second. The cap starts a rebuild anyway when
// something keeps writing without pause.
const (
	defaultQuiet   = 30 * time.Millisecond
	defaultMaxWait = 300 * time.Millisecond
)

// debounce gathers the paths arriving on in into batches: a batch is
// ready once no path has come for quiet, or maxWait after its first path,
// whichever is sooner. While the receiver is busy (rebuilding) the batch
// keeps gathering, so changes made during a rebuild give one more
// rebuild, not one each. Each batch is sorted, without duplicates. The
// returned channel closes after in closes and the last batch is taken.
func debounce(in <-chan string, quiet, maxWait time.Duration) <-chan []string {
	out := make(chan []string)
	go func() {
		defer close(out)
		pending := map[string]bool{}
		quietT := time.NewTimer(time.Hour)
		capT := time.NewTimer(time.Hour)
		quietT.Stop()
		capT.Stop()
		defer quietT.Stop()
		defer capT.Stop()
		ready := false  // the batch may go
		capped := false // ... because the cap ran out, so new paths do not hold it back
		for {
			var send chan<- []string
			var batch []string
			if ready {
				send, batch = out, sorted(pending)
			}
			select {
			case p, ok := <-in:
				if !ok {
					if len(pending) > 0 {
						out <- sorted(pending)
					}
					return
				}
				if len(pending) == 0 {
					capT.Reset(maxWait)
				}
				pending[p] = true
				if !capped {
					ready = false
					quietT.Reset(quiet)
				}
			case <-quietT.C:
				ready = true
			case <-capT.C:
				ready, capped = true, true
				quietT.Stop()
			case send <- batch:
				pending = map[string]bool{}
				ready, capped = false, false
				quietT.Stop()
				capT.Stop()
			}
		}
	}()
	return out
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
