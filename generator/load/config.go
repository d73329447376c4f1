package load

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"workbook/generator/answers"
	"workbook/generator/diag"
	"workbook/generator/model"
)

// workbookSpec is a [[workbook]] table of config.toml: a custom PDF of a
// subset of one level. It is resolved against the framework in derive.
type workbookSpec struct {
	Name, Title, Level string
	Foundations, Focus []string
	Pos                diag.Pos
	keys               *table
}

// languageTag is the shape of a BCP 47 tag (RFC 5646, 2.1): a language
// of 2 or 3 letters (or 4 to 8, registered), then optional subtags of 1
// to 8 letters or digits, such as a script, region or variant: "en",
// "en-GB", "cy-GB", "zh-Hant-TW", "sr-Latn", "de-CH-1996". Private-use
// and grandfathered tags ("x-…", "i-…") are not content languages.
var languageTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

// config reads config.toml.
func (ld *loader) config(abs string) (model.Config, []workbookSpec) {
	cfg := model.DefaultConfig()
	rel := ld.rel(abs)
	if !exists(abs) {
		ld.l.Errorf(diag.Pos{File: rel}, "create it with at least title = \"…\" (see README.md)", "no config file")
		return cfg, nil
	}
	doc := ld.readTOML(abs, false)
	if doc == nil {
		return cfg, nil
	}
	t := doc.root("config.toml", ld.l)
	cfg.Title = t.str("title", true)
	cfg.ID = t.str("id", false)
	if cfg.ID == "" {
		cfg.ID = suggestID(cfg.Title)
	} else if !model.IsID(cfg.ID) {
		idError(ld.l, t.keyPos("id"), "framework", cfg.ID)
	}
	cfg.Description = t.str("description", false)
	cfg.Author = t.str("author", false)
	if th := t.str("theme", false); th != "" {
		cfg.Theme = th
	}
	cfg.Version = t.str("version", false)
	cfg.Date = t.date("date")
	cfg.WebURL = t.str("web_url", false)
	cfg.Publisher = t.str("publisher", false)
	if cfg.Publisher == "" {
		cfg.Publisher = cfg.Author // before publisher existed, author named the publisher
	}
	cfg.Contact = t.str("contact", false)
	if lang := t.str("language", false); lang != "" {
		if !languageTag.MatchString(lang) {
			ld.l.Errorf(t.keyPos("language"), `write a BCP 47 language tag, for example "en-GB" or "cy"`, "language %q is not a language tag", lang)
		} else {
			cfg.Language = lang
		}
	}
	if _, ok := t.vals["cycles"]; ok {
		cfg.Cycles = t.strs("cycles")
		if len(cfg.Cycles) == 0 {
			ld.l.Errorf(t.keyPos("cycles"), `name at least one, for example cycles = ["2025/26"]`, "cycles is empty")
		}
		if len(cfg.Cycles) > model.MaxCycles {
			ld.l.Errorf(t.keyPos("cycles"), fmt.Sprintf("list at most %d; a workbook prints a rating row for each, and no more fit", model.MaxCycles), "%d review cycles is too many", len(cfg.Cycles))
		}
		seen := map[string]bool{}
		for _, c := range cfg.Cycles {
			switch {
			case seen[c]:
				ld.l.Errorf(t.keyPos("cycles"), "remove the repeat", "cycle %q is listed twice", c)
			case answers.Length(c) > answers.MaxName: // answers are saved and exported under the cycle's name
				ld.l.Errorf(t.keyPos("cycles"), "shorten it: answers files hold names of at most this length", "cycle %.40q… is longer than %d characters", c, answers.MaxName)
			}
			seen[c] = true
		}
	}
	cfg.PDF.Cycles = nil
	if p := t.sub("pdf", doc.pos); p != nil {
		cfg.PDF.AnswerLines = p.integer("answer_lines", cfg.PDF.AnswerLines, 1, model.MaxAnswerLines)
		cfg.PDF.EvidenceLines = p.integer("evidence_lines", cfg.PDF.EvidenceLines, 1, model.MaxEvidenceLines)
		cfg.PDF.ActionRows = p.integer("action_rows", cfg.PDF.ActionRows, 1, model.MaxActionRows)
		cfg.PDF.Fillable = p.boolean("fillable", cfg.PDF.Fillable)
		if _, ok := p.vals["cycles"]; ok {
			cfg.PDF.Cycles = chooseCycles(cfg.Cycles, p.strs("cycles"), p.keyPos("cycles"), "[pdf] cycles", ld.l)
		}
		p.unknown()
	}
	if cfg.PDF.Cycles == nil { // not given, or wrong (and reported)
		cfg.PDF.Cycles = model.DefaultPrintedCycles(cfg.Cycles)
	}
	var specs []workbookSpec
	for _, w := range t.tables("workbook", doc.pos) {
		s := workbookSpec{
			Name:        w.str("name", true),
			Title:       w.str("title", true),
			Level:       w.str("level", true),
			Foundations: w.strs("foundations"),
			Focus:       w.strs("focus"),
			Pos:         w.at.Pos,
			keys:        w,
		}
		if s.Name != "" && !model.IsID(s.Name) {
			ld.l.Errorf(w.keyPos("name"), "use only lower-case letters, digits and hyphens, for example greener-provider", "workbook name %q is not allowed", s.Name)
		} else if s.Name != "" {
			fileName(ld.l, w.keyPos("name"), "workbook name", s.Name)
		}
		w.unknown()
		specs = append(specs, s)
	}
	t.unknown()
	ld.cfgKeys = t.at.Keys
	return cfg, specs
}

// chooseCycles checks the review cycles a workbook is to print (what
// names them in messages: "[pdf] cycles", "--cycles"), each one of all,
// and returns them in all's order. Problems are recorded at pos.
func chooseCycles(all, chosen []string, pos diag.Pos, what string, l *diag.List) []string {
	if len(chosen) == 0 {
		l.Errorf(pos, fmt.Sprintf("name at least one of cycles, for example %q", model.DefaultPrintedCycles(all)), "%s is empty", what)
		return nil
	}
	want := map[string]bool{}
	for _, c := range chosen {
		switch {
		case want[c]:
			l.Errorf(pos, "remove the repeat", "%s lists %q twice", what, c)
		case !slices.Contains(all, c):
			hint := "use one of cycles: " + strings.Join(all, ", ")
			if near := diag.Nearest(c, all); near != "" {
				hint = fmt.Sprintf("did you mean %q?", near)
			}
			l.Errorf(pos, hint, "%s: %q is not one of the review cycles (cycles)", what, c)
		}
		want[c] = true
	}
	var out []string
	for _, c := range all {
		if want[c] {
			out = append(out, c)
		}
	}
	return out
}

// PDFCycles checks review cycles chosen on the command line (workbook pdf
// --cycles) as config.toml's [pdf] cycles is checked, and returns them in
// the order of the site's cycles.
func PDFCycles(site *model.Site, chosen []string) ([]string, error) {
	l := &diag.List{}
	out := chooseCycles(site.Config.Cycles, chosen, diag.Pos{File: "command line"}, "--cycles", l)
	if l.HasErrors() {
		return nil, l
	}
	return out, nil
}

// idError records a bad id with the rule spelt out.
func idError(l *diag.List, pos diag.Pos, what, id string) {
	l.Errorf(pos, fmt.Sprintf("use only lower-case letters a–z, digits and single hyphens, for example %q", suggestID(id)), "%s id %q is not allowed", what, id)
}

// suggestID turns a bad id into an allowed one, for the hint.
func suggestID(id string) string {
	out := make([]byte, 0, len(id))
	dash := false
	for _, c := range []byte(id) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			out = append(out, c)
			dash = false
		case c >= 'A' && c <= 'Z':
			out = append(out, c+'a'-'A')
			dash = false
		default:
			if !dash && len(out) > 0 {
				out = append(out, '-')
				dash = true
			}
		}
	}
	for len(out) > 0 && out[len(out)-1] == '-' {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return "my-id"
	}
	return string(out)
}
