package load

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"workbook/generator/diag"
)

// tomlDoc is one parsed TOML document with the positions of its keys.
type tomlDoc struct {
	file string
	data map[string]any
	pos  posIndex
}

// parseTOML decodes src. A syntax error, or nesting too deep to parse
// safely (see checkNesting), is recorded in l with its line and column
// (shifted by lineOffset for front matter), and nil is returned. Every
// TOML file the loader reads comes through here.
func parseTOML(src, file string, lineOffset int, l *diag.List) *tomlDoc {
	if !checkNesting(src, file, lineOffset, l) {
		return nil
	}
	data := map[string]any{}
	if _, err := toml.Decode(src, &data); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			l.Add(explainTOML(src, file, lineOffset, pe))
		} else {
			l.Errorf(diag.Pos{File: file, Line: 1 + lineOffset, Col: 1}, "check the file is valid TOML", "TOML: %v", err)
		}
		return nil
	}
	return &tomlDoc{file: file, data: data, pos: indexPositions(src, file, lineOffset)}
}

// readTOML reads and parses a TOML file, recording any problem; nil if
// the file cannot be used. inContent refuses links leading outside
// content/.
func (ld *loader) readTOML(abs string, inContent bool) *tomlDoc {
	src, ok := ld.readText(abs, inContent)
	if !ok {
		return nil
	}
	return parseTOML(src, ld.rel(abs), 0, ld.l)
}

// table is one TOML table being read against a fixed set of keys. Every
// problem is recorded with the position of the key, or of the table's
// header when the key is missing.
type table struct {
	file string
	what string // how editors know it: "[[question]]", "config.toml"
	vals map[string]any
	at   *tablePos
	l    *diag.List
	seen map[string]bool
	// missing lists required keys that are absent. They are reported by
	// unknown, which knows whether a misspelt key stands in for one: then
	// "unknown key foundaton; did you mean foundation?" says it all.
	missing []string
}

func (d *tomlDoc) root(what string, l *diag.List) *table {
	return &table{file: d.file, what: what, vals: d.data, at: d.pos.table("", 0, d.file), l: l, seen: map[string]bool{}}
}

// tables returns each element of an array of tables [[name]], recording
// an error if name is something else.
func (t *table) tables(name string, pos posIndex) []*table {
	t.seen[name] = true
	v, ok := t.vals[name]
	if !ok {
		return nil
	}
	arr, ok := v.([]map[string]any)
	if !ok {
		t.l.Errorf(t.keyPos(name), fmt.Sprintf("write each one as a [[%s]] table", name), "%s must be an array of tables", name)
		return nil
	}
	out := make([]*table, len(arr))
	for i, m := range arr {
		out[i] = &table{file: t.file, what: "[[" + name + "]]", vals: m, at: pos.table(name, i, t.file), l: t.l, seen: map[string]bool{}}
	}
	return out
}

// sub returns the plain table [name], or nil if absent.
func (t *table) sub(name string, pos posIndex) *table {
	t.seen[name] = true
	v, ok := t.vals[name]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.l.Errorf(t.keyPos(name), fmt.Sprintf("write it as a [%s] table", name), "%s must be a table", name)
		return nil
	}
	return &table{file: t.file, what: "[" + name + "]", vals: m, at: pos.table(name, 0, t.file), l: t.l, seen: map[string]bool{}}
}

// keyPos is where key is written, or the table header if it is not.
func (t *table) keyPos(key string) diag.Pos {
	if p, ok := t.at.Keys[key]; ok {
		return p
	}
	return t.at.Pos
}

// str reads a string. A required key that is missing or blank is an error.
func (t *table) str(key string, required bool) string {
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		if required {
			t.missing = append(t.missing, key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.l.Errorf(t.keyPos(key), `put the text in double quotes`, "%s must be text, not %s", key, typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.l.Errorf(t.keyPos(key), "write something between the quotes", "%s is empty", key)
	}
	return s
}

// strs reads an array of strings.
func (t *table) strs(key string) []string {
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		if s, isStr := v.(string); isStr {
			t.l.Errorf(t.keyPos(key), fmt.Sprintf(`write a list in square brackets: %s = [%q]`, key, s), "%s must be a list of text", key)
		} else {
			t.l.Errorf(t.keyPos(key), `write a list in square brackets: ["first", "second"]`, "%s must be a list of text, not %s", key, typeName(v))
		}
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			t.l.Errorf(t.keyPos(key), "put each item in double quotes", "item %d of %s must be text, not %s", i+1, key, typeName(e))
			continue
		}
		if strings.TrimSpace(s) == "" {
			t.l.Errorf(t.keyPos(key), "remove the empty item or write something in it", "item %d of %s is empty", i+1, key)
			continue
		}
		out = append(out, s)
	}
	return out
}

// integer reads a whole number between lo and hi; def if absent.
func (t *table) integer(key string, def, lo, hi int) int {
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		return def
	}
	n, ok := v.(int64)
	if !ok {
		t.l.Errorf(t.keyPos(key), "write a whole number without quotes", "%s must be a whole number, not %s", key, typeName(v))
		return def
	}
	if n < int64(lo) || n > int64(hi) {
		t.l.Errorf(t.keyPos(key), fmt.Sprintf("use a number from %d to %d", lo, hi), "%s is %d", key, n)
		return def
	}
	return int(n)
}

// boolean reads true or false; def if absent.
func (t *table) boolean(key string, def bool) bool {
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		return def
	}
	b, ok := v.(bool)
	if !ok {
		t.l.Errorf(t.keyPos(key), "write true or false, without quotes", "%s must be true or false, not %s", key, typeName(v))
		return def
	}
	return b
}

// date reads a TOML date (2026-11-24) or a string in that form.
func (t *table) date(key string) time.Time {
	t.seen[key] = true
	v, ok := t.vals[key]
	if !ok {
		return time.Time{}
	}
	switch d := v.(type) {
	case time.Time:
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		if tm, err := time.Parse("2006-01-02", d); err == nil {
			return tm
		}
	}
	t.l.Errorf(t.keyPos(key), "write the date as 2026-11-24 (year-month-day, no quotes)", "%s must be a date", key)
	return time.Time{}
}

// unknown records every key of the table that no reader asked for. It
// must be called after all reads. The hint suggests the nearest known key,
// since most unknown keys are typos.
func (t *table) unknown(known ...string) {
	all := append([]string(nil), known...)
	for k := range t.seen {
		all = append(all, k)
	}
	keys := make([]string, 0, len(t.vals))
	for k := range t.vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	misspelt := map[string]bool{}
	for _, k := range keys {
		if t.seen[k] || contains(known, k) {
			continue
		}
		hint := "remove it, or use one of: " + strings.Join(sortedKeys(t.seen, known), ", ")
		if near := diag.Nearest(k, all); near != "" {
			hint = fmt.Sprintf("did you mean %s?", near)
			misspelt[near] = true
		}
		t.l.Errorf(t.keyPos(k), hint, "unknown key %q in %s", k, t.what)
	}
	for _, key := range t.missing {
		if !misspelt[key] {
			t.l.Errorf(t.at.Pos, fmt.Sprintf(`add a line %s = "…" to this table`, key), "%s has no %s", t.what, key)
		}
	}
}

func sortedKeys(seen map[string]bool, extra []string) []string {
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	for _, k := range extra {
		if !seen[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("%T", v)
}
