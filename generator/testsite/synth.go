// Package synth writes synthetic frameworks in the content format, of any
// size, for scale runs and benchmarks: four levels, four foundations and
// five areas of focus like the real framework, with questions of realistic
// length spread evenly over every cell.
package testsite

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var (
	levels      = []string{"individual", "provider", "system", "regional"}
	foundations = []string{"leadership", "workforce", "research", "digital"}
	focuses     = []string{"people-first", "optimising-care", "social-justice", "greener", "community"}
)

// words is a pool for question text; the sentences need only look like
// real ones in length and shape.
var words = strings.Fields(`how does your team involve patients carers and communities in planning care
what evidence shows the difference your service makes to people with the worst outcomes and which data
do you collect about waiting times travel carbon staff wellbeing research activity digital records`)

// Synth writes a project with n questions into dir (config.toml and
// content/). It links themes/ to themesDir so the project builds.
func Synth(dir string, n int, themesDir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return err
	}
	put := func(rel, text string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := put("config.toml", "title = \"Synthetic framework\"\nversion = \"synthetic\"\ndate = 2026-01-01\n"); err != nil {
		return err
	}
	if err := put("content/framework.toml", framework()); err != nil {
		return err
	}
	if err := put("content/_index.md", "+++\ntitle = \"Synthetic framework\"\n+++\nA framework made for scale runs.\n"); err != nil {
		return err
	}
	if err := put("content/how-to-use.md", "+++\ntitle = \"How to use\"\nweight = 10\n+++\nPick a level. Rate each question.\n"); err != nil {
		return err
	}
	files := map[string]*strings.Builder{}
	cells := len(levels) * len(foundations) * len(focuses)
	for i := 0; i < n; i++ {
		cell := i % cells
		lv := levels[cell/(len(foundations)*len(focuses))]
		f := foundations[cell/len(focuses)%len(foundations)]
		a := focuses[cell%len(focuses)]
		key := "content/" + lv + "/" + f + ".toml"
		b := files[key]
		if b == nil {
			b = &strings.Builder{}
			files[key] = b
		}
		fmt.Fprintf(b, "[[question]]\nid = \"q%d\"\nfoundation = %q\nfocus = %q\ntext = %q\nprompts = [%q, %q]\nevidence = %q\n\n",
			i, f, a, sentence(i, 24)+"?", sentence(i+1, 8)+"?", sentence(i+2, 7)+"?", "Audit results, "+sentence(i+3, 6)+".")
	}
	for _, lv := range levels {
		if err := put("content/"+lv+"/_index.md", "+++\ntitle = \""+lv+"\"\n+++\nQuestions for this level.\n"); err != nil {
			return err
		}
	}
	for key, b := range files {
		if err := put(key, b.String()); err != nil {
			return err
		}
	}
	if themesDir != "" {
		return os.Symlink(themesDir, filepath.Join(dir, "themes"))
	}
	return nil
}

// sentence returns a sentence of n words starting with "How", seeded by i.
func sentence(i, n int) string {
	out := []string{"How"}
	for k := 1; k < n; k++ {
		out = append(out, words[(i*7+k*13)%len(words)])
	}
	return strings.Join(out, " ")
}

func framework() string {
	var b strings.Builder
	for _, lv := range levels {
		fmt.Fprintf(&b, "[[level]]\nid = %q\ntitle = %q\naudience = \"Readers at this level.\"\n\n", lv, strings.ToUpper(lv[:1])+lv[1:])
	}
	for _, f := range foundations {
		fmt.Fprintf(&b, "[[foundation]]\nid = %q\ntitle = %q\nshort = %q\n\n", f, "Foundation "+f, f)
	}
	for _, a := range focuses {
		fmt.Fprintf(&b, "[[focus]]\nid = %q\ntitle = %q\n\n", a, "Focus "+a)
	}
	for _, r := range []string{"Red", "Amber", "Green"} {
		fmt.Fprintf(&b, "[[rating]]\nid = %q\nlabel = %q\nmeaning = \"Meaning of %s.\"\n\n", strings.ToLower(r), r, r)
	}
	return b.String()
}
