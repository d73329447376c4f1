// Command measure times the preview's save-to-served loop on the shipped
// content: it serves a private copy of the project, then again and again
// changes the wording of one question, saves, and waits until the served
// page shows the new wording (and, after it, until the level's PDF has
// changed). It prints the minimum, median and 90th percentile of each.
//
//	go run ./cmd/measure [-n 30] [-root .] [-atomic]
//
// It measures what an editor waits for, end to end, the way a browser
// meets it: the file event, the debounce, loading and rendering, the
// server's event to the open page, and fetching the page again. Like the
// page, it listens to the server's events and fetches when told to (and,
// in case an event were lost, every 20 ms), rather than hammering the
// server, which on a small machine would slow the rebuild it times.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"workbook/generator/serve"
	"workbook/generator/wording"
)

func main() {
	var c config
	flag.IntVar(&c.n, "n", 30, "how many saves to time")
	flag.StringVar(&c.root, "root", ".", "the project to copy (holding config.toml, content/ and themes/)")
	flag.StringVar(&c.file, "file", "content/provider/digital.toml", "the question file to edit")
	flag.StringVar(&c.page, "page", "/levels/provider.html", "the page that shows the question")
	flag.StringVar(&c.pdf, "pdf", "/workbooks/provider.pdf", "the PDF that shows the question")
	flag.BoolVar(&c.atomic, "atomic", false, "save as vim does (write a new file, rename it over the old) instead of in place")
	flag.BoolVar(&c.verbose, "v", false, "print the server's own lines")
	flag.Parse()
	c.log = os.Stdout
	if _, err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "measure:", err)
		os.Exit(1)
	}
}

type config struct {
	n                     int
	root, file, page, pdf string
	atomic, verbose       bool
	log                   io.Writer
}

// times are the measured durations: save to page, save to PDF.
type times struct{ page, pdf []time.Duration }

func run(c config) (*times, error) {
	dir, err := os.MkdirTemp("", "workbook-measure-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := copyProject(c.root, dir); err != nil {
		return nil, err
	}
	var serverOut io.Writer = io.Discard
	if c.verbose {
		serverOut = c.log
	}
	s, err := serve.New(serve.Options{ConfigFile: filepath.Join(dir, "config.toml"), Addr: "127.0.0.1:0", Stdout: serverOut, Stderr: serverOut})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	defer func() {
		cancel()
		<-done
	}()
	base := strings.TrimSuffix(s.URL(), "/")
	events, err := listen(ctx, base+"/__workbook/events?page="+strings.TrimPrefix(c.page, "/"))
	if err != nil {
		return nil, err
	}

	file := filepath.Join(dir, filepath.FromSlash(c.file))
	orig, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	text := regexp.MustCompile(`(?m)^text = "([^"\\]*)`).FindSubmatchIndex(orig)
	if text == nil {
		return nil, fmt.Errorf("%s has no text = \"…\" line", c.file)
	}
	at := text[3] // the end of the first question's wording
	var t times
	pdf, err := get(base + c.pdf)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(c.log, "timing %d saves of %s, watching %s and %s\n", c.n, c.file, c.page, c.pdf)
	for i := 1; i <= c.n; i++ {
		mark := fmt.Sprintf(" (measured edit %d)", i)
		edited := string(orig[:at]) + mark + string(orig[at:])
		start := time.Now()
		if err := save(file, []byte(edited), c.atomic); err != nil {
			return nil, err
		}
		if err := poll(events, base+c.page, func(b string) bool { return strings.Contains(b, mark) }); err != nil {
			return nil, fmt.Errorf("save %d: %w", i, err)
		}
		t.page = append(t.page, time.Since(start))
		if err := poll(events, base+c.pdf, func(b string) bool { return b != pdf }); err != nil {
			return nil, fmt.Errorf("save %d: PDF: %w", i, err)
		}
		t.pdf = append(t.pdf, time.Since(start))
		pdf, _ = get(base + c.pdf)
		time.Sleep(150 * time.Millisecond) // let the server settle between saves
	}
	fmt.Fprintf(c.log, "save to page served: %s\n", summary(t.page))
	fmt.Fprintf(c.log, "save to PDF served:  %s\n", summary(t.pdf))
	return &t, nil
}

// save writes a file in place, as most editors do, or atomically, as vim
// and editors with "safe write" do.
func save(file string, data []byte, atomic bool) error {
	if !atomic {
		return os.WriteFile(file, data, 0o644)
	}
	tmp := file + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, file)
}

// poll fetches url after each server event, and every 20 ms besides,
// until ok says yes, for at most a minute.
func poll(events <-chan struct{}, url string, ok func(string) bool) error {
	end := time.After(time.Minute)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		b, err := get(url)
		if err == nil && ok(b) {
			return nil
		}
		select {
		case <-events:
		case <-tick.C:
		case <-end:
			return fmt.Errorf("%s did not change within a minute", url)
		}
	}
}

// listen opens the server's event stream and signals each event.
func listen(ctx context.Context, url string) (<-chan struct{}, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	events := make(chan struct{}, 1)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				select {
				case events <- struct{}{}:
				default: // one is waiting already
				}
			}
		}
	}()
	return events, nil
}

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func summary(ds []time.Duration) string {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	pick := func(q float64) time.Duration { return s[int(q*float64(len(s)-1)+0.5)] }
	return fmt.Sprintf("min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms (%d saves)",
		wording.Millis(s[0]), wording.Millis(pick(0.5)), wording.Millis(pick(0.9)), wording.Millis(s[len(s)-1]), len(s))
}

// copyProject copies config.toml and content/ from root into dir and
// links themes/, which the measurement never edits.
func copyProject(root, dir string) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	cfg, err := os.ReadFile(filepath.Join(abs, "config.toml"))
	if err != nil {
		return fmt.Errorf("%w (run from the repository root, or pass -root)", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), cfg, 0o644); err != nil {
		return err
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(abs, "content"))); err != nil {
		return err
	}
	return os.Symlink(filepath.Join(abs, "themes"), filepath.Join(dir, "themes"))
}
