package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"workbook/generator/testsite"
)

// deadline bounds every wait in these tests. It is generous: the tests
// poll for what a user would see, and a busy machine is slow, not wrong.
const deadline = 60 * time.Second

// preview is a running server over a private copy of a project.
type preview struct {
	t    *testing.T
	root string
	url  string
	s    *Server
	out  *syncBuffer

	mu       sync.Mutex
	batches  [][]string
	outcomes []*outcome
}

// startPreview serves the project at root on a free loopback port until
// the test ends. The server is stopped and waited for in cleanup, so no
// test leaves it running.
func startPreview(t *testing.T, root string, opt Options) *preview {
	t.Helper()
	out := &syncBuffer{}
	opt.ConfigFile = filepath.Join(root, "config.toml")
	opt.Addr = "127.0.0.1:0"
	opt.Stdout, opt.Stderr = out, out
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	p := &preview{t: t, root: root, url: strings.TrimSuffix(s.URL(), "/"), s: s, out: out}
	s.rebuilt = func(batch []string, o *outcome) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.batches = append(p.batches, batch)
		p.outcomes = append(p.outcomes, o)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(deadline):
			t.Errorf("the server did not stop")
		}
		if t.Failed() {
			t.Logf("terminal:\n%s", out.String())
		}
	})
	return p
}

// rebuilds returns how many rebuilds have finished.
func (p *preview) rebuilds() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.batches)
}

// waitRebuilds waits until n rebuilds have finished and returns them.
func (p *preview) waitRebuilds(n int) ([][]string, []*outcome) {
	p.t.Helper()
	waitFor(p.t, fmt.Sprintf("%d rebuilds", n), func() bool { return p.rebuilds() >= n })
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([][]string(nil), p.batches...), append([]*outcome(nil), p.outcomes...)
}

// get returns the body and status of a path on the server.
func (p *preview) get(path string) (string, int) {
	p.t.Helper()
	resp, err := http.Get(p.url + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return string(b), resp.StatusCode
}

// waitPage waits until the page at path satisfies ok, and returns it.
func (p *preview) waitPage(path, what string, ok func(string) bool) string {
	p.t.Helper()
	var body string
	waitFor(p.t, path+" "+what, func() bool {
		body, _ = p.get(path)
		return ok(body)
	})
	return body
}

// edit replaces old with new in a project file, as an editor saving in
// place (VS Code's default) does.
func (p *preview) edit(rel, old, new string) {
	p.t.Helper()
	testsite.Replace(p.t, p.root, rel, old, new)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !ok() {
		if time.Now().After(end) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// sse is a page's event stream, read as a browser's EventSource would.
type sse struct {
	t      *testing.T
	events chan sseEvent
	resp   *http.Response
}

type sseEvent struct {
	name string
	data map[string]any
}

func (p *preview) subscribe(page string) *sse {
	p.t.Helper()
	resp, err := http.Get(p.url + eventsPath + "?page=" + page)
	if err != nil {
		p.t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		p.t.Fatalf("events: Content-Type %q", ct)
	}
	s := &sse{t: p.t, events: make(chan sseEvent, 100), resp: resp}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev.data)
			case line == "" && ev.name != "":
				s.events <- ev
				ev = sseEvent{}
			}
		}
	}()
	p.t.Cleanup(func() { resp.Body.Close() })
	return s
}

// next waits for the next event called name, skipping others.
func (s *sse) next(name string) sseEvent {
	s.t.Helper()
	timeout := time.After(deadline)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.t.Fatalf("the event stream ended while waiting for %q", name)
			}
			if ev.name == name {
				return ev
			}
		case <-timeout:
			s.t.Fatalf("no %q event", name)
		}
	}
}

func list(ev sseEvent, key string) []string {
	var out []string
	items, _ := ev.data[key].([]any)
	for _, it := range items {
		out = append(out, fmt.Sprint(it))
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

const (
	wardPage = "/levels/ward.html"
	wardFile = "content/ward/questions.toml"
	oldText  = "How does your ward look after soil for beans?"
	newText  = "How well does your ward feed the soil its beans grow in?"
)

// The editor's loop: change a question, see it on the page and in the
// PDF; break the file, see what is wrong over the last good page; fix it,
// see the banner go.
func TestEditBreakAndFix(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	events := p.subscribe("levels/ward.html")
	hello := events.next("hello")
	if hello.data["status"] != okStatus || hello.data["version"] == "" {
		t.Fatalf("hello = %v", hello.data)
	}
	page, _ := p.get(wardPage)
	if !strings.Contains(page, oldText) {
		t.Fatalf("the ward page does not show %q", oldText)
	}
	oldWard, _ := p.get("/workbooks/ward.pdf")
	oldCounty, _ := p.get("/workbooks/county.pdf")

	p.edit(wardFile, oldText, newText)
	ev := events.next("change")
	if !contains(list(ev, "pages"), "levels/ward.html") {
		t.Errorf("the change event does not list the ward page: %v", ev.data)
	}
	page = p.waitPage(wardPage, "to show the new wording", func(b string) bool { return strings.Contains(b, newText) })
	if strings.Contains(page, "workbook-banner") {
		t.Error("a banner is shown after a good build")
	}
	p.waitPage("/workbooks/ward.pdf", "to change", func(b string) bool { return b != oldWard })
	_, outcomes := p.waitRebuilds(1)
	if got := fmt.Sprint(outcomes[0].drawn); got != "[ward ward-soil facilitator/ward]" {
		t.Errorf("editing a ward question drew PDFs %s, want [ward ward-soil facilitator/ward]: only that level's", got)
	}
	if county, _ := p.get("/workbooks/county.pdf"); county != oldCounty {
		t.Error("the county PDF changed after a ward edit")
	}

	// Break it: an unknown foundation on line 3.
	p.edit(wardFile, `foundation = "soil"`, `foundation = "soyl"`)
	st := events.next("status")
	banner, _ := st.data["banner"].(string)
	if !strings.Contains(banner, "content/ward/questions.toml:3") {
		t.Errorf("the status event's banner does not name the file and line:\n%s", banner)
	}
	page = p.waitPage(wardPage, "to show the banner", func(b string) bool { return strings.Contains(b, "workbook-banner") })
	for _, want := range []string{"content/ward/questions.toml:3", "soyl", "did you mean soil", newText} {
		if !strings.Contains(page, want) {
			t.Errorf("the broken build's page lacks %q", want)
		}
	}
	body := page[strings.Index(page, "<body"):]
	if !strings.HasPrefix(body[strings.Index(body, ">")+1:], `<div id="workbook-banner"`) {
		t.Errorf("the banner is not right after <body>:\n%.300s", body)
	}
	if other, _ := p.get("/levels/county.html"); !strings.Contains(other, "content/ward/questions.toml:3") {
		t.Error("other pages do not show the banner")
	}
	waitFor(t, "the terminal to show the problem", func() bool {
		return strings.Contains(p.out.String(), "\ncontent/ward/questions.toml:3:1: there is no foundation")
	})

	// Fix it: the banner goes by itself.
	p.edit(wardFile, `foundation = "soyl"`, `foundation = "soil"`)
	if st := events.next("status"); st.data["status"] != okStatus || st.data["banner"] != "" {
		t.Errorf("after the fix the status is %v", st.data)
	}
	page = p.waitPage(wardPage, "to lose the banner", func(b string) bool { return !strings.Contains(b, "workbook-banner") })
	if !strings.Contains(page, newText) {
		t.Error("the fixed page lost the edit")
	}
}

// vim saves by renaming the file to a backup and writing a new one, after
// probing the folder with a file called 4913; other editors write a
// temporary file and rename it over the old one.
func TestAtomicSavesArePickedUp(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	file := filepath.Join(p.root, filepath.FromSlash(wardFile))
	text := testsite.Read(t, p.root, wardFile)

	// vim
	probe := filepath.Join(filepath.Dir(file), "4913")
	must(t, os.WriteFile(probe, nil, 0o644))
	must(t, os.Remove(probe))
	must(t, os.Rename(file, file+"~"))
	must(t, os.WriteFile(file, []byte(strings.Replace(text, oldText, newText, 1)), 0o644))
	must(t, os.Remove(file+"~"))
	p.waitPage(wardPage, "to show vim's save", func(b string) bool { return strings.Contains(b, newText) })

	// write a temporary file, rename it into place
	tmp := filepath.Join(filepath.Dir(file), ".questions.toml.tmp-1234")
	must(t, os.WriteFile(tmp, []byte(strings.Replace(text, oldText, "Renamed into place?", 1)), 0o644))
	must(t, os.Rename(tmp, file))
	p.waitPage(wardPage, "to show the renamed save", func(b string) bool { return strings.Contains(b, "Renamed into place?") })

	// delete and create again
	must(t, os.Remove(file))
	must(t, os.WriteFile(file, []byte(strings.Replace(text, oldText, "Deleted and written?", 1)), 0o644))
	p.waitPage(wardPage, "to show the recreated file", func(b string) bool { return strings.Contains(b, "Deleted and written?") })
}

// Swap files, backups and probes never start a rebuild: the only rebuild
// is for the real save that follows them.
func TestSwapFilesAreIgnored(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	dir := filepath.Join(p.root, "content", "ward")
	for _, name := range []string{".questions.toml.swp", "questions.toml~", "4913", "#questions.toml#", ".#questions.toml", "questions.toml.tmp"} {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte("not content"), 0o644))
	}
	must(t, os.Remove(filepath.Join(dir, "4913")))
	p.edit(wardFile, oldText, newText)
	p.waitPage(wardPage, "to show the edit", func(b string) bool { return strings.Contains(b, newText) })
	batches, _ := p.waitRebuilds(1)
	if len(batches) != 1 || fmt.Sprint(batches[0]) != "["+wardFile+"]" {
		t.Errorf("rebuilds for %v, want one for [%s]", batches, wardFile)
	}
}

// A search-and-replace across 20 files saves them all at once: that is
// one rebuild, or a few, not twenty.
func TestABurstOfSavesGivesFewRebuilds(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	var files []string
	for i := 0; i < 20; i++ {
		rel := fmt.Sprintf("content/county/extra%02d.toml", i)
		testsite.Write(t, root, rel, fmt.Sprintf("[[question]]\nid = \"county-extra-%d\"\nfoundation = \"soil\"\nfocus = \"beans\"\ntext = \"Extra question %d about compost?\"\n", i, i))
		files = append(files, rel)
	}
	// A longer quiet time than the default, so the test does not depend
	// on how busy the machine is; the mechanism is the same.
	p := startPreview(t, root, Options{Quiet: 300 * time.Millisecond, MaxWait: 10 * time.Second})
	for _, rel := range files {
		p.edit(rel, "about compost", "about mulch")
	}
	p.waitPage("/levels/county.html", "to show all 20 edits", func(b string) bool {
		return strings.Count(b, "about mulch?") == 20
	})
	batches, _ := p.waitRebuilds(1)
	if len(batches) > 3 {
		t.Errorf("20 saves gave %d rebuilds", len(batches))
	}
}

// Where file events do not arrive (network shares), --poll finds changes.
func TestPollingFindsChanges(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{Poll: 20 * time.Millisecond})
	p.edit(wardFile, oldText, newText)
	p.waitPage(wardPage, "to show the edit", func(b string) bool { return strings.Contains(b, newText) })
}

// Folders created after the server started are watched too.
func TestNewFoldersAreWatched(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	testsite.Write(t, p.root, "static/docs/notes/hello.txt", "first")
	p.waitPage("/docs/notes/hello.txt", "to be served", func(b string) bool { return b == "first" })
	testsite.Write(t, p.root, "static/docs/notes/hello.txt", "second")
	p.waitPage("/docs/notes/hello.txt", "to change", func(b string) bool { return b == "second" })
}

// copyThemes replaces the linked themes/ of a test project with a copy the
// test may edit.
func copyThemes(t *testing.T, root string) {
	t.Helper()
	link := filepath.Join(root, "themes")
	must(t, os.Remove(link))
	must(t, os.CopyFS(link, os.DirFS(filepath.Join(testsite.RepoRoot(), "themes"))))
}

// A stylesheet change swaps stylesheets without reloading pages or
// drawing PDFs; a template change re-renders pages and keeps the PDFs.
func TestThemeChanges(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	copyThemes(t, root)
	p := startPreview(t, root, Options{})
	events := p.subscribe("levels/ward.html")
	events.next("hello")
	ward, _ := p.get("/workbooks/ward.pdf")

	css := "themes/default/static/assets/site.css"
	testsite.Write(t, root, css, testsite.Read(t, root, css)+"\n.preview-test { color: red; }\n")
	ev := events.next("change")
	if fmt.Sprint(list(ev, "css")) != "[assets/site.css]" || len(list(ev, "pages")) != 0 || len(list(ev, "pdfs")) != 0 || len(list(ev, "other")) != 0 {
		t.Errorf("a stylesheet edit gave change %v; want only assets/site.css", ev.data)
	}
	if b, _ := p.get("/assets/site.css"); !strings.Contains(b, ".preview-test") {
		t.Error("the new stylesheet is not served")
	}

	footer := "themes/default/layouts/partials/footer.html"
	testsite.Write(t, root, footer, testsite.Read(t, root, footer)+"<p>Footer edited in preview</p>\n")
	ev = events.next("change")
	if !contains(list(ev, "pages"), "levels/ward.html") || len(list(ev, "pdfs")) != 0 {
		t.Errorf("a template edit gave change %v; want pages and no PDFs", ev.data)
	}
	p.waitPage(wardPage, "to show the new footer", func(b string) bool { return strings.Contains(b, "Footer edited in preview") })
	_, outcomes := p.waitRebuilds(2)
	for i, o := range outcomes {
		if len(o.drawn) != 0 {
			t.Errorf("theme edit %d drew PDFs %v", i+1, o.drawn)
		}
	}
	if !outcomes[1].newTheme {
		t.Error("a template edit did not parse the theme again")
	}
	if now, _ := p.get("/workbooks/ward.pdf"); now != ward {
		t.Error("a theme edit changed a PDF")
	}
}

// Saving a file without changing it reloads nothing.
func TestSavingWithoutChangeReloadsNothing(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	testsite.Write(t, p.root, wardFile, testsite.Read(t, p.root, wardFile))
	_, outcomes := p.waitRebuilds(1)
	if o := outcomes[0]; o.failed() || !o.changed.empty() || len(o.drawn) != 0 {
		t.Errorf("an unchanged save: changed %v, drew %v", o.changed, o.drawn)
	}
	waitFor(t, "the terminal to say nothing changed", func() bool {
		return strings.Contains(p.out.String(), "nothing on the site changed")
	})
}

// A project that is broken from the start still gets a server, which
// shows the problems and the site once they are fixed.
func TestBrokenFromTheStart(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	text := testsite.Read(t, root, wardFile)
	testsite.Write(t, root, wardFile, strings.Replace(text, `foundation = "soil"`, `foundation = "soyl"`, 1))
	p := startPreview(t, root, Options{})
	page, code := p.get(wardPage)
	if code != http.StatusInternalServerError || !strings.Contains(page, "content/ward/questions.toml:3") {
		t.Errorf("before any good build: status %d, page:\n%s", code, page)
	}
	testsite.Write(t, root, wardFile, text)
	p.waitPage(wardPage, "to show the site", func(b string) bool { return strings.Contains(b, oldText) })
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	_, err = New(Options{ConfigFile: filepath.Join(testsite.Copy(t, "testdata/sites/small"), "config.toml"), Addr: ln.Addr().String()})
	want := fmt.Sprintf("port %d is in use; try --addr 127.0.0.1:%d", port, port+1)
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The preview shows draft questions, labelled, so an editor can see one
// before publishing it.
func TestPreviewShowsDraftsLabelled(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	p.edit(wardFile, `id = "ward-soil-beans-1"`, "id = \"ward-soil-beans-1\"\ndraft = true")
	p.waitPage(wardPage, "to show the draft, labelled", func(b string) bool {
		return strings.Contains(b, `id="ward-soil-beans-1"`) && strings.Contains(b, `class="draft-label"`)
	})
}

// An editor that truncates a file before writing it must not show, even
// for a moment, a level with its questions gone: the preview keeps the
// last good build until the file is written, and says why.
func TestHalfWrittenSaveKeepsTheLastGoodBuild(t *testing.T) {
	p := startPreview(t, testsite.Copy(t, "testdata/sites/small"), Options{})
	text := testsite.Read(t, p.root, wardFile)
	testsite.Write(t, p.root, wardFile, "")
	page := p.waitPage(wardPage, "to say the file is empty", func(b string) bool { return strings.Contains(b, "the file is empty") })
	if !strings.Contains(page, oldText) {
		t.Error("the ward page lost its questions while its file was being written")
	}
	testsite.Write(t, p.root, wardFile, strings.Replace(text, oldText, newText, 1))
	page = p.waitPage(wardPage, "to show the finished save", func(b string) bool { return strings.Contains(b, newText) })
	if strings.Contains(page, "workbook-banner") {
		t.Error("the banner stayed after the save finished")
	}
}

// Each problem in the banner links to the file as the preview shows it,
// scrolled to the line and marked; nothing but the project's sources can
// be read that way.
func TestBannerLinksToTheSourceLine(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	testsite.Write(t, root, "secret.toml", "password = 1\n")
	p := startPreview(t, root, Options{})
	p.edit(wardFile, `foundation = "soil"`, `foundation = "soyl"`)
	page := p.waitPage(wardPage, "to show the banner", func(b string) bool { return strings.Contains(b, "workbook-banner") })
	link := `href="/__workbook/source/content/ward/questions.toml#L3"`
	if !strings.Contains(page, link) {
		t.Fatalf("the banner has no link %s", link)
	}
	src, code := p.get("/__workbook/source/content/ward/questions.toml")
	if code != 200 || !strings.Contains(src, `<li id="L3" class="workbook-source__problem"><code>foundation = &#34;soyl&#34;</code>`) || !strings.Contains(src, "did you mean soil?") {
		t.Errorf("the source view does not mark line 3 with its problem (%d):\n%.2000s", code, src)
	}
	for _, bad := range []string{"secret.toml", "public/index.html", "content/../secret.toml", "content/ward/../../secret.toml", "content/ward/nothing.toml", "content"} {
		if body, code := p.get("/__workbook/source/" + bad); code != 404 && code != 400 || strings.Contains(body, "password") {
			t.Errorf("source/%s: %d", bad, code)
		}
	}
}

// The banner speaks the site's language: its words come from the strings
// files like every other word the site prints.
func TestBannerInTheSitesLanguage(t *testing.T) {
	root := testsite.Copy(t, "testdata/sites/small")
	testsite.Replace(t, root, "config.toml", `version = "0.1"`, "version = \"0.1\"\nlanguage = \"cy\"")
	testsite.Write(t, root, "i18n/cy.toml", "[preview]\nwhat_to_do = \"Beth i'w wneud:\"\nnot_built = { one = \"Nid oedd modd adeiladu eich newid diwethaf: 1 broblem.\", two = \"Nid oedd modd adeiladu eich newid diwethaf: {n} broblem.\", other = \"Nid oedd modd adeiladu eich newid diwethaf: {n} problem.\" }\n")
	p := startPreview(t, root, Options{})
	p.edit(wardFile, `foundation = "soil"`, `foundation = "soyl"`)
	page := p.waitPage(wardPage, "to show the banner", func(b string) bool { return strings.Contains(b, "workbook-banner") })
	for _, want := range []string{"Beth i&#39;w wneud:", "Nid oedd modd adeiladu eich newid diwethaf: 1 broblem.", "This page shows the last good build"} {
		if !strings.Contains(page, want) {
			t.Errorf("the banner lacks %q", want)
		}
	}
}
