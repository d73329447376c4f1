package load

import (
	"fmt"
	"regexp"
	"strings"

	"workbook/generator/diag"
)

// setting is a {{name}} in a page's text: the place for a value of
// config.toml, so that who publishes the site and how to reach them are
// written once and appear wherever a page needs them (the accessibility
// statement names its contact).
var setting = regexp.MustCompile(`\{\{\s*([a-z_]*)\s*\}\}`)

// settingNames are the config.toml keys a page may name, in the order
// hints list them.
var settingNames = []string{"title", "publisher", "contact", "web_url"}

// settings replaces each {{name}} in a page's body by the setting's value.
// An unknown name, or a setting left empty, is an error at its place:
// the page would otherwise say something untrue or unfinished.
func (ld *loader) settings(body, rel string, bodyLine int) string {
	if !strings.Contains(body, "{{") {
		return body
	}
	values := map[string]string{
		"title": ld.cfg.Title, "publisher": ld.cfg.Publisher,
		"contact": ld.cfg.Contact, "web_url": ld.cfg.WebURL,
	}
	var b strings.Builder
	last := 0
	for _, m := range setting.FindAllStringSubmatchIndex(body, -1) {
		whole, name := body[m[0]:m[1]], body[m[2]:m[3]]
		b.WriteString(body[last:m[0]])
		last = m[1]
		if v, ok := values[name]; ok && strings.TrimSpace(v) != "" {
			b.WriteString(v)
			continue
		}
		b.WriteString(whole)
		at := diag.NewLines(rel, []byte(body)).Pos(m[0])
		pos := diag.Pos{File: rel, Line: bodyLine + at.Line - 1, Col: at.Col}
		if _, ok := values[name]; !ok {
			hint := "use one of {{" + strings.Join(settingNames, "}}, {{") + "}}"
			if near := diag.Nearest(name, settingNames); near != "" {
				hint = fmt.Sprintf("did you mean {{%s}}?", near)
			}
			ld.l.Errorf(pos, hint, "%s is not a setting a page can show", whole)
		} else {
			ld.l.Errorf(pos, fmt.Sprintf("set %s in config.toml, or take %s out of the page", name, whole), "the page shows %s, but %s is empty", whole, name)
		}
	}
	b.WriteString(body[last:])
	return b.String()
}
