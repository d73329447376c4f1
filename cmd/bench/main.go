// Command bench times whole `workbook build` processes and prints the
// figures README.md reports: the shipped content built from nothing and
// over an unchanged build, synthetic frameworks of 1,000 and 10,000
// questions, and, where Hugo is installed, Hugo building the same
// questions as plain pages.
//
//	go run ./cmd/bench            # all of it, 15 runs each
//	go run ./cmd/bench -runs 31 -sizes 1000,10000
//
// Figures are medians of whole processes (start to exit), with the peak
// resident memory of the largest run.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"workbook/generator"
	"workbook/generator/testsite"
	"workbook/generator/wording"
)

func main() {
	runs := flag.Int("runs", 15, "runs of each build")
	sizes := flag.String("sizes", "1000,10000", "synthetic framework sizes, comma-separated (empty for none)")
	flag.Parse()
	if err := run(*runs, *sizes); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(runs int, sizes string) error {
	tmp, err := os.MkdirTemp("", "workbook-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "workbook")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/workbook").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	themes, _ := filepath.Abs("themes")
	out := filepath.Join(tmp, "public")
	build := func(config string) []string {
		return []string{bin, "build", "--config", config, "--out", out}
	}
	fresh := func() { os.RemoveAll(out) }

	fmt.Printf("%-44s %10s %10s %10s\n", "build", "median", "min", "peak RSS")
	report("shipped content, from nothing", runs, fresh, build("config.toml"))
	report("shipped content, over an unchanged build", runs, nil, build("config.toml"))
	if h, err := exec.LookPath("hugo"); err == nil {
		site := filepath.Join(tmp, "hugo")
		if err := hugoSite(site); err != nil {
			return err
		}
		report("Hugo, the same 97 questions as plain pages", runs, nil, []string{h, "--quiet", "-s", site, "-d", filepath.Join(tmp, "hugo-public")})
	} else {
		fmt.Println("(Hugo not installed: apt-get install hugo to compare)")
	}
	for _, s := range strings.Split(sizes, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("bad size %q", s)
		}
		dir := filepath.Join(tmp, "synth-"+s)
		if err := testsite.Synth(dir, n, themes); err != nil {
			return err
		}
		r := runs
		if n >= 10000 {
			r = min(runs, 5)
		}
		report(fmt.Sprintf("%d synthetic questions, from nothing", n), r, fresh, build(filepath.Join(dir, "config.toml")))
	}
	return nil
}

// report runs argv `runs` times (calling before, if set, ahead of each)
// and prints the median and fastest wall time and the peak memory.
func report(name string, runs int, before func(), argv []string) {
	var times []time.Duration
	var peak int64
	for i := 0; i < runs; i++ {
		if before != nil {
			before()
		}
		cmd := exec.Command(argv[0], argv[1:]...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			fmt.Printf("%-44s failed: %v\n%s\n", name, err, out)
			return
		}
		times = append(times, d)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peak {
			peak = ru.Maxrss
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("%-44s %8.1f ms %8.1f ms %7d MB\n", name, wording.Millis(times[len(times)/2]), wording.Millis(times[0]), peak/1024)
}

// hugoSite writes a Hugo site holding the shipped content's questions as
// plain pages: one page per level listing its questions with prompts and
// evidence, and one page per question.
func hugoSite(dir string) error {
	write := func(rel, text string) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := write("hugo.toml", "baseURL = '/'\ntitle = 'Hugo comparison'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n"); err != nil {
		return err
	}
	layout := `<!DOCTYPE html><html lang="en-GB"><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}{{ range .Pages }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}</body></html>`
	for _, l := range []string{"_default/single.html", "_default/list.html", "index.html"} {
		if err := write("layouts/"+l, layout); err != nil {
			return err
		}
	}
	site, l := generator.Load(generator.Options{Root: "."})
	if l.HasErrors() {
		return l
	}
	for _, lv := range site.Framework.Levels {
		if err := write("content/"+lv.ID+"/_index.md", fmt.Sprintf("+++\ntitle = %q\n+++\n%s\n", lv.Title, lv.Audience)); err != nil {
			return err
		}
		for _, q := range lv.Questions {
			var b strings.Builder
			fmt.Fprintf(&b, "+++\ntitle = %q\n+++\n%s\n\n", q.ID, q.Text.Source)
			for _, p := range q.Prompts {
				fmt.Fprintf(&b, "- %s\n", p.Source)
			}
			fmt.Fprintf(&b, "\nEvidence: %s\n", q.Evidence.Source)
			if err := write("content/"+lv.ID+"/"+q.ID+".md", b.String()); err != nil {
				return err
			}
		}
	}
	return nil
}
