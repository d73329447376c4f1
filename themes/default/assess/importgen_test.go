package assess

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file makes the random export files TestRandomImports feeds the
// page, and judges them by the rules of the answers format (the package
// doc of generator/answers, which assets/formats.js follows, and "kept",
// which assets/assess.js adds), so the test can tell a wrong verdict
// from a right one.

// node is a JSON value whose objects keep their order and may repeat a
// key, as a file written by hand or by another program may.
type node struct {
	kind    byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' boolean, 'z' null, 'r' raw text
	members []member
	items   []*node
	text    string // a string's value, a number's or raw text's text
	yes     bool
}

type member struct {
	key string
	val *node
}

func str(s string) *node     { return &node{kind: 's', text: s} }
func num(s string) *node     { return &node{kind: 'n', text: s} }
func rawText(s string) *node { return &node{kind: 'r', text: s} }
func obj(ms ...member) *node { return &node{kind: 'o', members: ms} }

func (n *node) write(b *bytes.Buffer) {
	switch n.kind {
	case 'o':
		b.WriteByte('{')
		for i, m := range n.members {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, m.key)
			b.WriteByte(':')
			m.val.write(b)
		}
		b.WriteByte('}')
	case 'a':
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.write(b)
		}
		b.WriteByte(']')
	case 's':
		writeString(b, n.text)
	case 'n', 'r':
		b.WriteString(n.text)
	case 'b':
		b.WriteString(strconv.FormatBool(n.yes))
	default:
		b.WriteString("null")
	}
}

func writeString(b *bytes.Buffer, s string) {
	e := json.NewEncoder(b)
	e.SetEscapeHTML(false)
	_ = e.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}

// The site the files are for: the fixture's framework, levels, ratings
// and question ids (level-foundation-focus-1).
const (
	frameworkID = "kitchen-garden-framework"
	importLimit = 5 * 1024 * 1024
	textLimit   = 100000
)

func siteQuestions() map[string]string {
	out := map[string]string{}
	for _, l := range []string{"ward", "county", "nation"} {
		for _, f := range []string{"soil", "water"} {
			for _, c := range []string{"beans", "roots", "herbs"} {
				out[l+"-"+f+"-"+c+"-1"] = l
			}
		}
	}
	return out
}

// builtIns are names every JavaScript object answers to.
func builtIns() []string {
	return []string{"constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf",
		"propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupSetter__", "prototype", "length"}
}

// gen makes random files from one seeded source, so a file is made again
// from its seed and number.
type gen struct{ *rand.Rand }

func (g gen) chance(p float64) bool { return g.Float64() < p }

func pick[T any](g gen, list ...T) T { return list[g.IntN(len(list))] }

// text is random text of the kinds readers type and files carry: words,
// formulas, any script, emoji, control characters, and lengths around
// the limit.
func (g gen) text() string {
	switch n := g.IntN(100); {
	case n < 10:
		return ""
	case n < 20:
		return pick(g, "=1+1", "  =SUM(A1:A9)", "\n@cmd", "＝1", "－1", "+44 20", "-", "'=1")
	case n < 22: // around the longest text a field may hold
		return strings.Repeat(pick(g, "a", "é", "😀", "\u0000", "\u2028"), pick(g, 1000, textLimit/2, textLimit-1, textLimit, textLimit+1))
	case n < 50:
		var b strings.Builder
		for range g.IntN(40) {
			b.WriteRune(g.char())
		}
		return b.String()
	default:
		return pick(g, "We mulch every bed.", "Photos, diaries", "Sam", "May 2026", "He said \"rain\"\nthen it rained.", "Ünïcödé – “quotes”", "السماد", "堆肥")
	}
}

// char is one random character from anywhere in Unicode that matters.
func (g gen) char() rune {
	switch g.IntN(8) {
	case 0:
		return rune(g.IntN(0x20)) // control characters
	case 1:
		return 0x1F300 + rune(g.IntN(0x300)) // emoji, two UTF-16 units each
	case 2:
		return pick(g, '\u2028', '\u2029', '\ufeff', '\u200b', '\u202e', '\ufffd', '＝', '＠', '"', '\\')
	case 3:
		return 0x4E00 + rune(g.IntN(0x5000))
	default:
		return 0x20 + rune(g.IntN(0x5F))
	}
}

func (g gen) slug() string {
	var b strings.Builder
	for i := range 1 + g.IntN(4) {
		if i > 0 {
			b.WriteByte('-')
		}
		for range 1 + g.IntN(8) {
			b.WriteByte(pick(g, "abcdefghijklmnopqrstuvwxyz0123456789"[g.IntN(36)]))
		}
	}
	return b.String()
}

func (g gen) questionID(ids []string) string {
	switch {
	case g.chance(0.6):
		return pick(g, ids...)
	case g.chance(0.5):
		return pick(g, "constructor", "valueof", "tostring", "prototype", g.slug())
	case g.chance(0.8):
		return g.slug()
	default:
		return pick(g, builtIns()...)
	}
}

func (g gen) cycle() string {
	switch {
	case g.chance(0.5):
		return pick(g, "Spring", "Autumn")
	case g.chance(0.4):
		return pick(g, builtIns()...)
	case g.chance(0.9):
		var b strings.Builder
		for range 1 + g.IntN(60) {
			b.WriteRune(g.char())
		}
		return b.String()
	default:
		return pick(g, "", strings.Repeat("y", 200), strings.Repeat("y", 201), strings.Repeat("😀", 100), strings.Repeat("😀", 101))
	}
}

// record is one answer: a random choice of its fields.
func (g gen) record() *node {
	r := obj()
	for _, f := range []string{"level", "question", "answer", "evidence", "rating", "action", "owner", "due", "updated"} {
		if !g.chance(0.5) {
			continue
		}
		var v *node
		switch f {
		case "level":
			v = str(pick(g, "", "ward", "county", "nation", "orchard", "constructor"))
			if g.chance(0.03) {
				v = str(pick(g, "Ward", "two words", "__proto__"))
			}
		case "rating":
			if g.chance(0.96) {
				v = str(pick(g, "", "red", "amber", "green"))
			} else {
				v = str(pick(g, append([]string{"purple", "RED", " red"}, builtIns()...)...))
			}
		case "updated":
			v = str(pick(g, "2025-06-01T10:00:00.000Z", "", "yesterday"))
		default:
			v = str(g.text())
		}
		r.members = append(r.members, member{f, v})
	}
	if g.chance(0.05) {
		r.members = append(r.members, member{pick(g, builtIns()...), g.anyValue(3)})
	}
	return r
}

// anyValue is a random JSON value, nested up to depth.
func (g gen) anyValue(depth int) *node {
	switch n := g.IntN(8); {
	case n == 0 || depth == 0:
		return pick(g, num("0"), num("-1.5e300"), num("1e400"), num("1"), num("1.0"), &node{kind: 'b', yes: g.chance(0.5)}, &node{kind: 'z'})
	case n == 1:
		return str(g.text())
	case n == 2:
		d := pick(g, 10, 1000, 9000, 200000)
		return rawText(strings.Repeat("[", d) + strings.Repeat("]", d))
	case n < 5:
		a := &node{kind: 'a'}
		for range g.IntN(4) {
			a.items = append(a.items, g.anyValue(depth-1))
		}
		return a
	default:
		o := obj()
		for range g.IntN(4) {
			o.members = append(o.members, member{pick(g, "a", "answer", "rating", pick(g, builtIns()...)), g.anyValue(depth - 1)})
		}
		return o
	}
}

// export is a random export file, mostly well made. Now and then it
// brings one of the answers held already, unchanged.
func (g gen) export(held []saved) *node {
	ids := make([]string, 0, 18)
	for id := range siteQuestions() {
		ids = append(ids, id)
	}
	slices.Sort(ids) // map order is random; the seeded source must decide

	answers := obj()
	for range 1 + g.IntN(6) {
		byCycle := obj()
		for range 1 + g.IntN(3) {
			byCycle.members = append(byCycle.members, member{g.cycle(), g.record()})
		}
		answers.members = append(answers.members, member{g.questionID(ids), byCycle})
	}
	if len(held) > 0 && g.chance(0.15) {
		h := pick(g, held...)
		r := obj(member{"level", str(h.level)})
		for _, f := range slices.Sorted(maps.Keys(h.rec)) {
			r.members = append(r.members, member{f, str(h.rec[f])})
		}
		one := obj(member{h.q, obj(member{h.cycle, r})})
		if g.chance(0.5) {
			answers = one
		} else {
			answers.members = append(answers.members, one.members...)
		}
	}
	version := num("1")
	if g.chance(0.05) {
		version = pick(g, num("1.0"), num("10e-1"), num("2"), str("1"), &node{kind: 'z'}, rawText("[1]"))
	}
	f := obj(
		member{"format", str("workbook-answers")},
		member{"version", version},
		member{"framework", str(frameworkID)},
		member{"title", str(g.text())},
		member{"exported", pick(g, str("2026-03-01T10:00:00.000Z"), str(g.text()), g.anyValue(2))},
		member{"cycles", &node{kind: 'a', items: []*node{str("Spring"), str("Autumn")}}},
		member{"answers", answers},
	)
	if g.chance(0.03) {
		f.members[0].val = str(pick(g, "workbook-answer", "", "Workbook-answers"))
	}
	if g.chance(0.03) {
		f.members[2].val = str(pick(g, "ahps-deliver", "constructor", frameworkID+" "))
	}
	if g.chance(0.3) {
		kept := &node{kind: 'a'}
		for range 1 + g.IntN(3) {
			item := g.record()
			item.members = append([]member{{"id", str(g.questionID(ids))}, {"cycle", str(g.cycle())}}, item.members...)
			kept.items = append(kept.items, item)
		}
		f.members = append(f.members, member{"kept", kept})
	}
	if g.chance(0.1) {
		f.members = append(f.members, member{pick(g, "__proto__", "constructor", "extra"), g.anyValue(3)})
	}
	return f
}

// nodes lists every value of a tree, and objects, for mutations.
func (n *node) nodes(out []*node) []*node {
	out = append(out, n)
	for _, m := range n.members {
		out = m.val.nodes(out)
	}
	for _, it := range n.items {
		out = it.nodes(out)
	}
	return out
}

// mutate damages a tree in one random way.
func (g gen) mutate(root *node) {
	all := root.nodes(nil)
	var objs []*node
	for _, n := range all {
		if n.kind == 'o' && len(n.members) > 0 {
			objs = append(objs, n)
		}
	}
	target := pick(g, all...)
	switch g.IntN(6) {
	case 0: // a value of another type
		*target = *g.anyValue(2)
	case 1: // a very long string
		*target = *str(strings.Repeat(pick(g, "z", "é", "😀"), pick(g, textLimit+1, 1<<20)))
	case 2: // a member gone
		if len(objs) > 0 {
			o := pick(g, objs...)
			i := g.IntN(len(o.members))
			o.members = append(o.members[:i], o.members[i+1:]...)
		}
	case 3: // a member renamed
		if len(objs) > 0 {
			o := pick(g, objs...)
			o.members[g.IntN(len(o.members))].key = pick(g, append([]string{"", "Not An Id", strings.Repeat("k", 1<<16)}, builtIns()...)...)
		}
	case 4: // a member twice, the second different
		if len(objs) > 0 {
			o := pick(g, objs...)
			m := o.members[g.IntN(len(o.members))]
			o.members = append(o.members, member{m.key, g.anyValue(2)})
		}
	default: // a rating off the scale
		for _, n := range all {
			for i, m := range n.members {
				if m.key == "rating" && g.chance(0.5) {
					n.members[i].val = str(pick(g, builtIns()...))
				}
			}
		}
	}
}

// damage changes a file's bytes as a broken disk, a careless edit or a
// hostile hand would.
func (g gen) damage(b []byte) []byte {
	switch g.IntN(8) {
	case 0:
		if len(b) > 0 {
			b[g.IntN(len(b))] ^= byte(1 << g.IntN(8))
		}
	case 1:
		i := g.IntN(len(b) + 1)
		junk := []byte(pick(g, "\xff", "\xe2\x82", "\x00", `"`, "}", "]", ",", `\`, `\ud800`, "\ufeff", "{\"__proto__\":1}"))
		b = append(b[:i], append(junk, b[i:]...)...)
	case 2:
		if len(b) > 0 {
			i := g.IntN(len(b))
			b = append(b[:i], b[min(len(b), i+1+g.IntN(20)):]...)
		}
	case 3:
		b = b[:g.IntN(len(b)+1)]
	case 4:
		b = append([]byte(pick(g, "\xef\xbb\xbf", "\xef\xbb\xbf\xef\xbb\xbf", "\xff\xfe", " \n\t")), b...)
	case 5:
		pad := pick(g, importLimit-len(b)-1, importLimit-len(b), importLimit-len(b)+1, 1000)
		if pad > 0 {
			b = append(b, bytes.Repeat([]byte(" "), pad)...)
		}
	case 6:
		d := pick(g, 10000, 100000, 2400000)
		open := pick(g, "[", `{"a":`)
		closing := map[string]string{"[": "]", `{"a":`: "}"}[open]
		b = []byte(strings.Repeat(open, d) + "1" + strings.Repeat(closing, d))
	default:
		b = append(b, []byte(pick(g, "x", " ", "\n}", "null"))...)
	}
	return b
}

// file makes file number i of a seeded run for a device holding held.
func file(seed, i uint64, held []saved) []byte {
	g := gen{rand.New(rand.NewPCG(seed, i))}
	f := g.export(held)
	for g.chance(0.5) {
		g.mutate(f)
	}
	var b bytes.Buffer
	f.write(&b)
	out := b.Bytes()
	for g.chance(0.15) {
		out = g.damage(out)
	}
	return out
}

// verdict is what the page must do with a file.
type verdict int

const (
	unjudged verdict = iota // the judge cannot tell (Go's JSON reader stops at 10,000 levels)
	refuse
	accept
)

func (v verdict) String() string { return [...]string{"unjudged", "refuse", "accept"}[v] }

// answer is one answer a file brings, keyed as the page saves it.
type answer struct {
	level, q, cycle string
	fields          map[string]string
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// decodeAsBrowser turns a file's bytes into text as the page's
// FileReader.readAsText(file, "utf-8") does: a UTF-8 byte order mark
// dropped, each maximal invalid part replaced by U+FFFD (the WHATWG
// Encoding Standard). ok is false for a file that starts with a UTF-16
// byte order mark, which the browser would read as UTF-16.
func decodeAsBrowser(b []byte) (string, bool) {
	if bytes.HasPrefix(b, []byte{0xfe, 0xff}) || bytes.HasPrefix(b, []byte{0xff, 0xfe}) {
		return "", false
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var out strings.Builder
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r != utf8.RuneError || size > 1 {
			out.WriteRune(r)
			b = b[size:]
			continue
		}
		// The maximal part of a well-begun sequence counts as one error.
		n := 1
		if lead := b[0]; lead >= 0xc2 && lead <= 0xf4 {
			need := 1
			lo, hi := byte(0x80), byte(0xbf)
			switch {
			case lead >= 0xf0:
				need = 3
				if lead == 0xf0 {
					lo = 0x90
				} else if lead == 0xf4 {
					hi = 0x8f
				}
			case lead >= 0xe0:
				need = 2
				if lead == 0xe0 {
					lo = 0xa0
				} else if lead == 0xed {
					hi = 0x9f
				}
			}
			for n <= need && n < len(b) && b[n] >= lo && b[n] <= hi {
				n++
				lo, hi = 0x80, 0xbf
			}
		}
		out.WriteRune(utf8.RuneError)
		b = b[n:]
	}
	return out.String(), true
}

// units is a text's length as JavaScript counts it, in UTF-16 units.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

// judge says what the page must do with a file, and for a file it must
// accept, the answers it brings. known maps question ids to levels;
// level is the page's.
func judge(b []byte, known map[string]string, level string) (verdict, []answer, string) {
	if len(b) > importLimit {
		return refuse, nil, "larger than 5 MB"
	}
	text, ok := decodeAsBrowser(b)
	if !ok {
		return unjudged, nil, "UTF-16"
	}
	text = strings.TrimPrefix(text, "\ufeff")
	if units(text) > importLimit {
		return refuse, nil, "longer than 5 MB"
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var data any
	err := dec.Decode(&data)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("more after the value")
		}
	}
	if err != nil {
		if strings.Contains(err.Error(), "exceeded max depth") {
			return unjudged, nil, "nested deeper than Go reads"
		}
		return refuse, nil, "not JSON: " + err.Error()
	}
	top, ok := data.(map[string]any)
	if !ok || top["format"] != "workbook-answers" {
		return refuse, nil, "format"
	}
	v, ok := top["version"].(json.Number)
	if !ok || !isOne(v) && !isTwo(v) {
		return refuse, nil, "version"
	}
	if isTwo(v) {
		// Version 2 names the reader; the files made here never do.
		if _, has := top["person"]; !has {
			return refuse, nil, "person"
		}
		return unjudged, nil, "a version 2 file with a person"
	}
	if top["framework"] != frameworkID {
		return refuse, nil, "framework"
	}
	for _, f := range []string{"title", "exported"} {
		if x, has := top[f]; has {
			if s, ok := x.(string); !ok || units(s) > textLimit {
				return refuse, nil, f
			}
		}
	}
	if x, has := top["cycles"]; has {
		list, ok := x.([]any)
		if !ok {
			return refuse, nil, "cycles"
		}
		for _, c := range list {
			if s, ok := c.(string); !ok || s == "" || units(s) > 200 {
				return refuse, nil, "a cycle in cycles"
			}
		}
	}
	answers, ok := top["answers"].(map[string]any)
	if !ok {
		return refuse, nil, "answers"
	}
	var kept []any
	if k, has := top["kept"]; has {
		if kept, ok = k.([]any); !ok {
			return refuse, nil, "kept"
		}
	}
	var list []answer
	seen := map[string]int{}
	take := func(q, c string, r map[string]any) string {
		fields := map[string]string{}
		content := false
		for _, f := range []string{"answer", "evidence", "rating", "action", "owner", "due"} {
			s, _ := r[f].(string)
			fields[f] = s
			content = content || s != ""
		}
		if !content {
			return ""
		}
		lv, _ := r["level"].(string)
		if lv == "" {
			lv = level
			if l, ok := known[q]; ok {
				lv = l
			}
		}
		key := lv + "\x00" + q + "\x00" + c
		if i, dup := seen[key]; dup {
			for f, v := range fields {
				if list[i].fields[f] != v {
					return "two different answers for one key"
				}
			}
			return ""
		}
		seen[key] = len(list)
		list = append(list, answer{lv, q, c, fields})
		return ""
	}
	for q, v := range answers {
		if !slugRE.MatchString(q) || units(q) > 200 {
			return refuse, nil, "question id"
		}
		byCycle, ok := v.(map[string]any)
		if !ok {
			return refuse, nil, "cycles of " + q
		}
		for c, r := range byCycle {
			if why := checkAnswer(c, r); why != "" {
				return refuse, nil, why
			}
			if why := take(q, c, r.(map[string]any)); why != "" {
				return refuse, nil, why
			}
		}
	}
	for _, e := range kept {
		item, ok := e.(map[string]any)
		if !ok {
			return refuse, nil, "kept item"
		}
		q, _ := item["id"].(string)
		c, isText := item["cycle"].(string)
		if !slugRE.MatchString(q) || units(q) > 200 || !isText {
			return refuse, nil, "kept id or cycle"
		}
		if why := checkAnswer(c, item); why != "" {
			return refuse, nil, why
		}
		if why := take(q, c, item); why != "" {
			return refuse, nil, why
		}
	}
	if len(list) == 0 {
		return refuse, nil, "no answers"
	}
	return accept, list, ""
}

// checkAnswer checks one answer and its cycle's name.
func checkAnswer(c string, v any) string {
	if c == "" || units(c) > 200 {
		return "cycle name"
	}
	r, ok := v.(map[string]any)
	if !ok {
		return "answer not an object"
	}
	for _, f := range []string{"answer", "evidence", "rating", "action", "owner", "due", "question", "updated", "level"} {
		x, has := r[f]
		if !has {
			continue
		}
		s, ok := x.(string)
		if !ok {
			return f + " not text"
		}
		if units(s) > textLimit {
			return f + " too long"
		}
	}
	if x, has := r["rating"]; has && !(x == "" || x == "red" || x == "amber" || x == "green") {
		return fmt.Sprintf("rating %.20q", x)
	}
	if x, has := r["level"]; has && x != "" && (!slugRE.MatchString(x.(string)) || units(x.(string)) > 200) {
		return "level"
	}
	return ""
}

// isOne reports whether a JSON number is 1 as JavaScript reads it.
func isOne(n json.Number) bool {
	f, err := strconv.ParseFloat(string(n), 64)
	return err == nil && f == 1
}

// isTwo reports whether a JSON number is 2 as JavaScript reads it.
func isTwo(n json.Number) bool {
	f, err := strconv.ParseFloat(string(n), 64)
	return err == nil && f == 2
}
