package serve

import (
	"fmt"
	"testing"
	"time"
)

// A search-and-replace saves many files at once: they must give one
// rebuild (or very few), and no path may be lost.
func TestDebounceJoinsABurst(t *testing.T) {
	in := make(chan string)
	// The default quiet time is 30 ms; a longer one here keeps the test
	// from depending on how busy the machine is.
	out := debounce(in, 250*time.Millisecond, 10*time.Second)
	want := map[string]bool{}
	go func() {
		for i := 0; i < 20; i++ {
			p := fmt.Sprintf("content/level/q%02d.toml", i)
			in <- p
			in <- p // each save is several events
		}
		close(in)
	}()
	for i := 0; i < 20; i++ {
		want[fmt.Sprintf("content/level/q%02d.toml", i)] = true
	}
	batches := 0
	got := map[string]bool{}
	for b := range out {
		batches++
		for _, p := range b {
			if got[p] {
				t.Errorf("%s is twice in batches", p)
			}
			got[p] = true
		}
	}
	if batches > 3 {
		t.Errorf("20 saves gave %d rebuilds; want one (or a few on a very busy machine)", batches)
	}
	for p := range want {
		if !got[p] {
			t.Errorf("%s was lost", p)
		}
	}
}

// Changes made while a rebuild runs wait for it, then go as one batch.
func TestDebounceGathersWhileTheReceiverIsBusy(t *testing.T) {
	in := make(chan string)
	out := debounce(in, time.Millisecond, time.Hour)
	in <- "a"
	if b := <-out; len(b) != 1 || b[0] != "a" {
		t.Fatalf("first batch = %v", b)
	}
	// Nobody receives now: the receiver is "rebuilding".
	for _, p := range []string{"c", "b", "c", "d"} {
		in <- p
	}
	close(in)
	var all [][]string
	for b := range out {
		all = append(all, b)
	}
	if len(all) != 1 || fmt.Sprint(all[0]) != "[b c d]" {
		t.Errorf("after a busy rebuild got batches %v, want one: [b c d]", all)
	}
}

// Something that never stops writing still gets rebuilds, at the cap.
func TestDebounceCapsTheWait(t *testing.T) {
	in := make(chan string)
	out := debounce(in, time.Hour, 20*time.Millisecond)
	stop := make(chan struct{})
	go func() {
		defer close(in)
		for {
			select {
			case in <- "content/busy.toml":
			case <-stop:
				return
			}
		}
	}()
	b := <-out // would never come if only quiet could release it
	close(stop)
	for range out {
	}
	if len(b) != 1 {
		t.Errorf("batch = %v", b)
	}
}
