package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"workbook/generator/model"
)

var update = flag.Bool("update", false, "rewrite testdata/layout.golden from the current layout")

// questionHead matches the heading over each question: "Question 12".
var questionHead = regexp.MustCompile(`^Question \d+$`)

// layout renders a workbook and returns everything drawn, in order.
func layout(t *testing.T, site *model.Site, wb *model.Workbook) []drawOp {
	t.Helper()
	var ops []drawOp
	if _, err := write(io.Discard, site, wb, fonts(t), Options{}, func(op drawOp) { ops = append(ops, op) }); err != nil {
		t.Fatal(err)
	}
	return ops
}

// layouts are the settings the layout must hold up under: the defaults;
// a compact workbook where several questions share a page, so headings
// meet page feet; and a generous one where a question is taller than a
// page.
func layouts() map[string]func(*model.Config) {
	return map[string]func(*model.Config){
		"default": func(*model.Config) {},
		"compact": func(c *model.Config) {
			c.Cycles = []string{"2025/26"}
			c.PDF = model.PDFConfig{AnswerLines: 1, EvidenceLines: 1, ActionRows: 30, Cycles: c.Cycles}
		},
		"generous": func(c *model.Config) {
			c.Cycles = []string{"2022/23", "2023/24", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29", "2029/30", "2030/31", "2031/32", "2032/33"}
			c.PDF = model.PDFConfig{AnswerLines: model.MaxAnswerLines, EvidenceLines: model.MaxEvidenceLines, ActionRows: 3, Cycles: c.Cycles}
		},
	}
}

func eachLayout(t *testing.T, check func(t *testing.T, ops []drawOp)) {
	for name, set := range layouts() {
		t.Run(name, func(t *testing.T) {
			site, wb := bigSite(20)
			set(&site.Config)
			check(t, layout(t, site, wb))
		})
	}
}

func TestNothingInTheMargins(t *testing.T) {
	const margin = 15.0
	eachLayout(t, func(t *testing.T, ops []drawOp) {
		for _, op := range ops {
			top, bottom, right := op.Y, op.Y+op.H, op.X+op.W
			if op.Kind == "text" {
				top, bottom = op.Y-op.H*mmPerPt, op.Y
			}
			if op.X < margin-0.01 || right > pageW-margin+0.01 || top < margin-0.01 || bottom > pageH-margin+0.01 {
				t.Errorf("page %d: %s %q at (%.1f, %.1f)–(%.1f, %.1f) is in the 15 mm margin", op.Page, op.Kind, op.Text, op.X, top, right, bottom)
			}
		}
	})
}

func TestBoxesBigEnoughForAPen(t *testing.T) {
	eachLayout(t, func(t *testing.T, ops []drawOp) {
		ticks := 0
		for _, op := range ops {
			if op.Kind == "tick" {
				ticks++
				if op.W < 5 || op.H < 5 {
					t.Errorf("page %d: a %.1f × %.1f mm tick box; at least 5 mm", op.Page, op.W, op.H)
				}
			}
		}
		if ticks == 0 {
			t.Error("no tick boxes")
		}
		// Writing lines in the same box or cell are at least 8 mm apart,
		// and the first is at least 8 mm below the box's top.
		rules := 0
		for _, box := range ops {
			if box.Kind != "box" {
				continue
			}
			last := box.Y
			for _, r := range ops {
				if r.Kind != "rule" || r.Page != box.Page || r.X < box.X || r.X+r.W > box.X+box.W || r.Y < box.Y || r.Y > box.Y+box.H {
					continue
				}
				rules++
				if r.Y-last < 8-0.01 {
					t.Errorf("page %d: writing lines %.1f mm apart; at least 8 mm", r.Page, r.Y-last)
				}
				last = r.Y
			}
		}
		if rules == 0 {
			t.Error("no writing lines in boxes")
		}
	})
}

func TestQuestionTextAtLeast11pt(t *testing.T) {
	eachLayout(t, func(t *testing.T, ops []drawOp) {
		in, headBase := false, 0.0
		for _, op := range ops {
			switch {
			case op.Kind != "text":
			case questionHead.MatchString(op.Text):
				in, headBase = true, op.Y
			case op.Text == "Your answer":
				in = false
			case in && op.Y != headBase && op.Text != "Things to consider" && !strings.HasSuffix(op.Text, ", continued") && op.H < 11:
				t.Errorf("page %d: question text %q at %.0f pt; body text is at least 11 pt", op.Page, op.Text, op.H)
			}
		}
	})
}

func TestHeadingsNeverEndAPage(t *testing.T) {
	eachLayout(t, func(t *testing.T, ops []drawOp) {
		last := map[int]drawOp{}
		for _, op := range ops {
			if op.Kind == "text" && op.Y < contentBottom && op.Y > contentTop && op.Y >= last[op.Page].Y {
				last[op.Page] = op
			}
		}
		for p, op := range last {
			if op.H >= 14 {
				t.Errorf("page %d ends with the heading %q", p, op.Text)
			}
		}
	})
}

func TestQuestionKeepsItsBoxesOnItsPage(t *testing.T) {
	for name, set := range layouts() {
		if name == "generous" {
			continue // taller than a page: it breaks between boxes, as TestBoxesStayWhole checks
		}
		t.Run(name, func(t *testing.T) {
			site, wb := bigSite(20)
			set(&site.Config)
			heads, answers, ratings := map[int]int{}, map[int]int{}, map[int]int{}
			shared := false
			for _, op := range layout(t, site, wb) {
				switch {
				case op.Kind != "text":
				case questionHead.MatchString(op.Text):
					heads[op.Page]++
					shared = shared || heads[op.Page] > 1
				case op.Text == "Your answer":
					answers[op.Page]++
				case strings.HasPrefix(op.Text, "Rating: "):
					ratings[op.Page]++
				}
			}
			for p, n := range heads {
				if answers[p] != n || ratings[p] != n {
					t.Errorf("page %d has %d questions, %d answer boxes and %d rating boxes", p, n, answers[p], ratings[p])
				}
			}
			if name == "compact" && !shared {
				t.Error("compact questions should share pages; the test would not see a question split")
			}
		})
	}
}

func TestBoxesStayWhole(t *testing.T) {
	eachLayout(t, func(t *testing.T, ops []drawOp) {
		for _, op := range ops {
			if (op.Kind == "box" || op.Kind == "tick") && op.Y+op.H > contentBottom+0.01 {
				t.Errorf("page %d: a box runs past the foot of the page (%.1f > %.0f)", op.Page, op.Y+op.H, contentBottom)
			}
		}
	})
}

// TestLayoutGolden pins the page layout: where every box, line, tick box
// and piece of text goes. After a deliberate change, look at the pages
// (pdftoppm -png -r 60), then run go test ./generator/render/pdf -run Golden -update.
func TestLayoutGolden(t *testing.T) {
	site := testSite()
	var b bytes.Buffer
	for _, op := range layout(t, site, site.Workbooks[1]) {
		text := []rune(op.Text)
		if len(text) > 40 {
			text = append(text[:40], '…')
		}
		fmt.Fprintf(&b, "p%02d %-4s %6.1f %6.1f %6.1f %6.1f %q\n", op.Page, op.Kind, op.X, op.Y, op.W, op.H, string(text))
	}
	path := filepath.Join("testdata", "layout.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./generator/render/pdf -run Golden -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("layout changed at line %d:\n got %s\nwant %s\n(if intended, look at the pages, then run with -update)", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("layout changed: %d lines, want %d (if intended, run with -update)", len(gl), len(wl))
	}
}

// The foot of a page of questions is for writing, not air: the last
// question's answer box takes the room its page has left, in whole
// writing lines.
func TestQuestionPagesEndInWritingSpace(t *testing.T) {
	for name, set := range layouts() {
		if name == "generous" {
			continue // questions taller than a page break between boxes
		}
		t.Run(name, func(t *testing.T) {
			site, wb := bigSite(20)
			set(&site.Config)
			ops := layout(t, site, wb)
			questions, bottom := map[int]bool{}, map[int]float64{}
			for _, op := range ops {
				if op.Kind == "text" && questionHead.MatchString(op.Text) {
					questions[op.Page] = true
				}
				if op.Kind == "box" {
					bottom[op.Page] = max(bottom[op.Page], op.Y+op.H)
				}
			}
			grown := 0
			for p := range questions {
				if left := contentBottom - bottom[p]; left >= rulePitch {
					t.Errorf("page %d: %.0f mm of air at the foot of a page of questions, room for a writing line", p, left)
				}
				grown++
			}
			if grown == 0 {
				t.Fatal("no pages of questions")
			}
		})
	}
}

// A foundation's opening shares its page with the first area of focus
// and its first question when they fit; when they do not, the page
// lists the areas and their question numbers instead of standing empty.
func TestFoundationOpeningIsNotAPageOfAir(t *testing.T) {
	site, wb := bigSite(20)
	ops := layout(t, site, wb)
	opening := map[int]bool{}
	shares, lists := map[int]bool{}, map[int]bool{}
	for _, op := range ops {
		switch {
		case op.Kind != "text":
		case strings.HasPrefix(op.Text, "Foundation ") && strings.Contains(op.Text, " of "):
			opening[op.Page] = true
		case questionHead.MatchString(op.Text):
			shares[op.Page] = true
		case op.Text == "In this foundation":
			lists[op.Page] = true
		}
	}
	if len(opening) != len(wb.Foundations) {
		t.Fatalf("%d opening pages, want %d", len(opening), len(wb.Foundations))
	}
	merged := 0
	for p := range opening {
		switch {
		case shares[p] && lists[p]:
			t.Errorf("page %d lists the areas and holds a question too", p)
		case shares[p]:
			merged++
		case !lists[p]:
			t.Errorf("page %d: a foundation's opening stands alone", p)
		}
	}
	if merged == 0 {
		t.Error("no foundation's first question shares the opening's page")
	}
}

// A workbook with one or two questions a foundation has one action plan
// after all its questions, not a page after each foundation.
func TestSmallWorkbookHasOneActionPlan(t *testing.T) {
	site := testSite()
	for _, tc := range []struct {
		wb    *model.Workbook
		plans int
	}{{site.Workbooks[0], 1}, {site.Workbooks[1], 2}} {
		plans := 0
		for _, op := range layout(t, site, tc.wb) {
			if op.Kind == "text" && strings.HasPrefix(op.Text, "Action plan") && op.H >= heading1.style().size { // not the contents' entries
				plans++
			}
		}
		if plans != tc.plans {
			t.Errorf("%s (%d questions, %d foundations): %d action plans, want %d", tc.wb.Name, len(tc.wb.Questions), len(tc.wb.Foundations), plans, tc.plans)
		}
	}
}
