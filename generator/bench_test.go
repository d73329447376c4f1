package generator

import (
	"fmt"
	"path/filepath"
	"testing"

	"workbook/generator/output"
	"workbook/generator/render"
	"workbook/generator/testsite"
)

// Benchmarks of each phase on the shipped content and on synthetic
// frameworks. Figures and the commands that reproduce them are in README.md.
//
//	go test ./generator -run '^$' -bench . -benchmem

func benchProjects(b *testing.B) map[string]string {
	projects := map[string]string{"shipped": testsite.RepoRoot()}
	for _, n := range []int{1000} {
		dir := filepath.Join(b.TempDir(), "synth")
		if err := testsite.Synth(dir, n, filepath.Join(testsite.RepoRoot(), "themes")); err != nil {
			b.Fatal(err)
		}
		projects[fmt.Sprintf("synth-%d", n)] = dir
	}
	return projects
}

func BenchmarkLoadAndCheck(b *testing.B) {
	for name, root := range benchProjects(b) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, l := Load(Options{Root: root}); l.HasErrors() {
					b.Fatal(l.Error())
				}
			}
		})
	}
}

// loadForBench loads the project at root and opens its theme.
func loadForBench(b *testing.B, root string) (*render.Input, *Pipeline) {
	site, l := Load(Options{Root: root})
	if l.HasErrors() {
		b.Fatal(l.Error())
	}
	p, err := NewPipeline(root, site.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	in, err := p.Input(site)
	if err != nil {
		b.Fatal(err)
	}
	return in, p
}

// BenchmarkRenderSite renders the HTML pages only.
func BenchmarkRenderSite(b *testing.B) {
	for name, root := range benchProjects(b) {
		b.Run(name, func(b *testing.B) {
			in, p := loadForBench(b, root)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := p.Pages(in, nil, output.NewMemory()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRender renders everything (PDFs and HTML) into memory.
func BenchmarkRender(b *testing.B) {
	for name, root := range benchProjects(b) {
		b.Run(name, func(b *testing.B) {
			in, p := loadForBench(b, root)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := p.Render(in, output.NewMemory(), nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuild is the whole build of the shipped content to disk, as
// `workbook build` does it (less process start).
func BenchmarkBuild(b *testing.B) {
	root := testsite.RepoRoot()
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Build(Options{Root: root, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}
