package i18n

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"

	"github.com/BurntSushi/toml"
)

// Problem is a mistake in a strings file's messages: the key (dotted) it
// is at, what is wrong and what to do.
type Problem struct {
	Key, Msg, Hint string
}

// Messages reads the decoded TOML of a strings file: a table groups keys
// ("title" in [assess] is "assess.title"), a value is text or a table of
// plural forms. Problems say which keys could not be read.
func Messages(data map[string]any) (map[string]Message, []Problem) {
	out := map[string]Message{}
	var problems []Problem
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			key := prefix + k
			switch v := m[k].(type) {
			case string:
				out[key] = Message{Text: v}
			case map[string]any:
				if forms, ok := pluralTable(v); ok {
					out[key] = Message{Forms: forms}
					continue
				}
				if _, has := v["other"]; has {
					problems = append(problems, Problem{key, key + " mixes plural forms with other keys", "give each plural form as text: zero, one, two, few, many or other"})
					continue
				}
				walk(key+".", v)
			default:
				problems = append(problems, Problem{key, fmt.Sprintf("%s must be text, not %s", key, kindOf(v)), `put the words in double quotes, or give plural forms as { one = "…", other = "…" }`})
			}
		}
	}
	walk("", data)
	return out, problems
}

// valueName matches a named value in a message: {minutes}.
var valueName = regexp.MustCompile(`\{([a-z_]+)\}`)

// Values lists the names of the values a message names, in any of its
// forms, sorted: "About {minutes} minutes" names minutes.
func (m Message) Values() []string {
	seen := map[string]bool{}
	for _, text := range append([]string{m.Text}, slices.Collect(maps.Values(m.Forms))...) {
		for _, v := range valueName.FindAllStringSubmatch(text, -1) {
			seen[v[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// Parse reads a strings file's text, for a catalog made without the
// loader (tests, a theme's own English).
func Parse(src string) (map[string]Message, error) {
	data := map[string]any{}
	if _, err := toml.Decode(src, &data); err != nil {
		return nil, err
	}
	msgs, problems := Messages(data)
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", problems[0].Msg)
	}
	return msgs, nil
}

// pluralTable reads a table of plural forms: text under category names,
// "other" among them.
func pluralTable(v map[string]any) (map[string]string, bool) {
	forms := map[string]string{}
	for k, x := range v {
		s, ok := x.(string)
		if !ok || !isCategory(k) {
			return nil, false
		}
		forms[k] = s
	}
	_, other := forms["other"]
	return forms, other
}

func isCategory(k string) bool {
	switch k {
	case "zero", "one", "two", "few", "many", "other":
		return true
	}
	return false
}

// kindOf names the TOML type of v for messages.
func kindOf(v any) string {
	switch v.(type) {
	case int64, float64:
		return "a number"
	case bool:
		return "true or false"
	case []any, []map[string]any:
		return "a list"
	}
	return fmt.Sprintf("%T", v)
}
