package load

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"workbook/generator/diag"
	"workbook/generator/i18n"
	"workbook/generator/model"
	"workbook/generator/theme"
)

// stringsFile is one strings file read: its messages and where each key
// is written.
type stringsFile struct {
	rel      string
	messages map[string]i18n.Message
	at       map[string]diag.Pos
}

// strings reads the words the theme prints for the configured language:
// the project's i18n/<language>.toml over the theme's file for the
// language, over the theme's English (see package i18n). A key the
// language lacks falls back to English, with a warning naming it; a key
// English does not have is a warning too (a misspelling translates
// nothing).
func (ld *loader) strings(cfg model.Config, configPos diag.Pos) *i18n.Catalog {
	th, err := theme.Open(ld.root, cfg.Theme)
	if err != nil {
		ld.l.Errorf(configPos, "set theme to a folder under themes/, or remove it for the built-in theme", "%v", err)
		return i18n.English(nil)
	}
	english := ld.themeStrings(th, "en")
	if english == nil {
		ld.l.Errorf(diag.Pos{File: "themes/" + cfg.Theme + "/i18n/en.toml"}, "a theme needs its words in English: copy the default theme's i18n/en.toml", "the theme has no English strings file")
		return i18n.English(nil)
	}
	var layers []*stringsFile
	for _, tag := range candidates(cfg.Language) {
		if f := ld.projectStrings(tag); f != nil {
			layers = append(layers, f)
		}
	}
	for _, tag := range candidates(cfg.Language) {
		if f := ld.themeStrings(th, tag); f != nil && tag != "en" {
			layers = append(layers, f)
		}
	}
	ld.checkStrings(cfg.Language, layers, english, configPos)
	msgs := make([]map[string]i18n.Message, 0, len(layers)+1)
	for _, f := range layers {
		msgs = append(msgs, f.messages)
	}
	return i18n.New(cfg.Language, append(msgs, english.messages)...)
}

// candidates are the file names (without .toml) a language's strings
// may be in, most specific first: "cy-GB", "cy"; and "en" for English.
func candidates(tag string) []string {
	out := []string{tag}
	if base, _, ok := strings.Cut(tag, "-"); ok {
		out = append(out, base)
	}
	return out
}

// isEnglish reports whether tag is a variety of English, whose words the
// theme's en.toml already are.
func isEnglish(tag string) bool {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base == "en"
}

func (ld *loader) themeStrings(th *theme.Theme, tag string) *stringsFile {
	b, err := th.ReadFile("i18n", tag+".toml")
	if err != nil {
		return nil
	}
	return ld.parseStrings(string(b), "themes/"+th.Name+"/i18n/"+tag+".toml")
}

func (ld *loader) projectStrings(tag string) *stringsFile {
	abs := filepath.Join(ld.root, "i18n", tag+".toml")
	if _, err := os.Stat(abs); err != nil {
		return nil
	}
	src, ok := ld.readText(abs, false)
	if !ok {
		return nil
	}
	return ld.parseStrings(src, ld.rel(abs))
}

// parseStrings reads a strings file (see i18n.Messages), each problem
// at its key.
func (ld *loader) parseStrings(src, rel string) *stringsFile {
	doc := parseTOML(src, rel, 0, ld.l)
	if doc == nil {
		return nil
	}
	msgs, problems := i18n.Messages(doc.data)
	f := &stringsFile{rel: rel, messages: msgs, at: map[string]diag.Pos{}}
	for k := range msgs {
		f.at[k] = keyPos(doc, k)
	}
	for _, p := range problems {
		ld.l.Errorf(keyPos(doc, p.Key), p.Hint, "%s", p.Msg)
	}
	return f
}

// keyPos is where the dotted key of a strings file is written: the key
// in its table, or the table's header.
func keyPos(doc *tomlDoc, key string) diag.Pos {
	table, last := "", key
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		table, last = key[:i], key[i+1:]
	}
	if p, ok := doc.pos.table(table, 0, doc.file).Keys[last]; ok {
		return p
	}
	return doc.pos.table(key, 0, doc.file).Pos
}

// checkStrings warns of each key a non-English language lacks (it falls
// back to English), at the language's own file as a whole: the key is
// missing from no line of it. It warns of keys English does not have at
// their line.
func (ld *loader) checkStrings(lang string, layers []*stringsFile, english *stringsFile, configPos diag.Pos) {
	for _, f := range layers {
		known := make([]string, 0, len(english.messages))
		for k := range english.messages {
			known = append(known, k)
		}
		for _, k := range slices.Sorted(maps.Keys(f.messages)) {
			if en, ok := english.messages[k]; ok {
				ld.checkValues(f, k, en)
				continue
			}
			hint := "remove it, or check its spelling against the theme's i18n/en.toml"
			if near := diag.Nearest(k, known); near != "" {
				hint = fmt.Sprintf("did you mean %s?", near)
			}
			ld.l.Warnf(f.at[k], hint, "%s is not a key the theme prints", k)
		}
	}
	if isEnglish(lang) {
		return
	}
	if len(layers) == 0 {
		ld.l.Warnf(configPos, fmt.Sprintf("write i18n/%s.toml with the words in that language (copy the theme's i18n/en.toml to start)", lang),
			"no strings file for language %q: the site and workbooks print all %d of the theme's words in English", lang, len(english.messages))
		return
	}
	where := layers[0]
	for _, k := range slices.Sorted(maps.Keys(english.messages)) {
		found := false
		for _, f := range layers {
			_, found = f.messages[k]
			if found {
				break
			}
		}
		if !found {
			ld.l.Warnf(diag.Pos{File: where.rel}, "add it to "+where.rel+" in that language",
				"%s has no %s text, so it prints in English: %q", k, lang, textOf(english.messages[k]))
		}
	}
}

// checkValues warns of a value a translation names that the program
// does not fill in ({munud} for {minutes}): it would print as written.
func (ld *loader) checkValues(f *stringsFile, key string, english i18n.Message) {
	want := english.Values()
	for _, v := range f.messages[key].Values() {
		if slices.Contains(want, v) {
			continue
		}
		hint := "this message has no values: write it without braces"
		if len(want) > 0 {
			hint = "use the names the theme's English uses: {" + strings.Join(want, "}, {") + "}"
		}
		ld.l.Warnf(f.at[key], hint, "%s names {%s}, which the program does not fill in, so it prints as written", key, v)
	}
}

// textOf is a message's text, or its "other" form.
func textOf(m i18n.Message) string {
	if m.Forms != nil {
		return m.Forms["other"]
	}
	return m.Text
}
