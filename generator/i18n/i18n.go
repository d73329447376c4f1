// Package i18n holds the words a theme prints: every heading, label,
// button and message of the site, the self-assessment script, the PDF
// workbooks and the preview's error banner comes from a strings file, so
// a framework can be published in any language.
//
// A theme ships its English in i18n/en.toml. A project translates by
// writing i18n/<language>.toml at its root (the language key of
// config.toml, a BCP 47 tag such as "cy"), key by key: a key it leaves
// out falls back to the theme's file for that language, then to English,
// and check names each key that fell back. A language with a region
// ("cy-GB") also finds files for the language alone ("cy").
//
// Strings files are TOML. A table groups keys: the key "title" in the
// table [assess] is "assess.title". A string may name values in braces,
// "About {minutes} minutes", which T fills in. A table of plural forms
// ({one = "…", other = "…"}, and zero, two, few or many where the
// language has them) is a message whose form N picks by a number, with
// the language's CLDR plural rules.
package i18n

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Message is one entry of a strings file: a text, or plural forms.
type Message struct {
	Text  string
	Forms map[string]string // plural category → text; nil for a plain text
}

// Catalog is the strings of one language, with English under it for
// every key the language lacks. It is read-only once made, so renderers
// on many goroutines share it.
type Catalog struct {
	lang     string
	messages map[string]Message
}

// New makes a catalog for lang from layers of messages, most specific
// first (the project's file for the language, the theme's, then the
// theme's English): a key takes its message from the first layer that
// has it.
func New(lang string, layers ...map[string]Message) *Catalog {
	c := &Catalog{lang: lang, messages: map[string]Message{}}
	for i := len(layers) - 1; i >= 0; i-- {
		for k, m := range layers[i] {
			c.messages[k] = m
		}
	}
	return c
}

// English is a catalog of the given messages alone, for tests and for
// programs that print before a project is loaded.
func English(messages map[string]Message) *Catalog { return New("en", messages) }

// Lang is the catalog's language, a BCP 47 tag.
func (c *Catalog) Lang() string {
	if c == nil {
		return "en"
	}
	return c.lang
}

// Has reports whether the catalog has a message for key.
func (c *Catalog) Has(key string) bool {
	if c == nil {
		return false
	}
	_, ok := c.messages[key]
	return ok
}

// Message returns the message for key as the strings file gives it.
func (c *Catalog) Message(key string) (Message, bool) { return c.lookup(key) }

// Keys lists every key, sorted.
func (c *Catalog) Keys() []string {
	if c == nil {
		return nil
	}
	out := make([]string, 0, len(c.messages))
	for k := range c.messages {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// T returns the message for key with its named values filled in: args
// are names and values in turn ("minutes", 12). A whole number is
// written as the language writes numbers (Number): pass a number that is
// not a quantity, such as a year, as text. A key the catalog lacks comes
// back in brackets, so a missing string shows on the page rather than
// printing nothing.
func (c *Catalog) T(key string, args ...any) string {
	m, ok := c.lookup(key)
	if !ok {
		return "[" + key + "]"
	}
	text := m.Text
	if m.Forms != nil {
		text = m.Forms["other"]
	}
	return c.fill(text, args)
}

// N returns the form of key's message for the number n, with n as the
// value {n} and args filled in as for T.
func (c *Catalog) N(key string, n int, args ...any) string {
	m, ok := c.lookup(key)
	if !ok {
		return "[" + key + "]"
	}
	text := m.Text
	if m.Forms != nil {
		text = m.Forms[pluralCategory(c.Lang(), n)]
		if text == "" {
			text = m.Forms["other"]
		}
	}
	return c.fill(text, append([]any{"n", n}, args...))
}

func (c *Catalog) lookup(key string) (Message, bool) {
	if c == nil {
		return Message{}, false
	}
	m, ok := c.messages[key]
	return m, ok
}

// Number writes a whole number with the language's thousands separator
// (the message "number.thousands"; none if empty): 12,345.
func (c *Catalog) Number(n int) string {
	s := strconv.Itoa(n)
	sep := c.T("number.thousands")
	if !c.Has("number.thousands") {
		sep = ","
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0 && sep != ""; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// Date writes a date as the language does, from the message
// "date.format" ("{day} {month} {year}") and the month names
// "date.months" (one text of twelve names separated by commas).
func (c *Catalog) Date(t time.Time) string {
	months := strings.Split(c.T("date.months"), ",")
	month := t.Month().String()
	if len(months) == 12 {
		month = strings.TrimSpace(months[t.Month()-1])
	}
	format := c.T("date.format")
	if !c.Has("date.format") {
		format = "{day} {month} {year}"
	}
	return c.fill(format, []any{"day", t.Day(), "month", month, "year", strconv.Itoa(t.Year())})
}

// List joins texts as the language does, "a, b and c", with the
// messages "script.list.comma" and "script.list.last" ("{first} and
// {last}"): the words the site's scripts join lists with, so a
// translator writes them once.
func (c *Catalog) List(items []string) string {
	comma, last := ", ", "{first} and {last}"
	if c.Has("script.list.comma") {
		comma = c.T("script.list.comma")
	}
	if c.Has("script.list.last") {
		last = c.T("script.list.last")
	}
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return c.fill(last, []any{"first", strings.Join(items[:n-1], comma), "last", items[n-1]})
	}
}

// Segment is a piece of a message split by Segments: text to print as
// it is, or the name of a value the caller draws itself (a link).
type Segment struct {
	Text string // the text, when Name is empty
	Name string // the value's name, without braces
}

// Segments returns the message for key split at each {name} of names,
// with args filled in between: for a message whose values are drawn
// apart from its words, such as a web address printed as a link. A
// value's text never splits the message, whatever it holds.
func (c *Catalog) Segments(key string, names []string, args ...any) []Segment {
	m, ok := c.lookup(key)
	if !ok {
		return []Segment{{Text: "[" + key + "]"}}
	}
	text := m.Text
	if m.Forms != nil {
		text = m.Forms["other"]
	}
	var out []Segment
	for text != "" {
		at, name := len(text), ""
		for _, n := range names {
			if i := strings.Index(text, "{"+n+"}"); i >= 0 && i < at {
				at, name = i, n
			}
		}
		if at > 0 {
			out = append(out, Segment{Text: c.fill(text[:at], args)})
		}
		if name == "" {
			break
		}
		out = append(out, Segment{Name: name})
		text = text[at+len(name)+2:]
	}
	return out
}

// fill replaces each {name} in text with its value from args (names and
// values in turn), whole numbers written by Number. A name without a
// value is left as it is written.
func (c *Catalog) fill(text string, args []any) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		v := fmt.Sprint(args[i+1])
		if n, ok := args[i+1].(int); ok {
			v = c.Number(n)
		}
		pairs = append(pairs, "{"+fmt.Sprint(args[i])+"}", v)
	}
	return strings.NewReplacer(pairs...).Replace(text)
}
