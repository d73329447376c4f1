package i18n

import "strings"

// pluralCategory is the CLDR plural category of the whole number n in
// the language of tag: one of zero, one, two, few, many or other
// (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
// It knows the languages of the UK and those NHS services translate
// into most; any other language gets English's rule (one, other), and a
// message that lacks a form falls back to "other".
func pluralCategory(tag string, n int) string {
	lang, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if n < 0 {
		n = -n
	}
	n10, n100 := n%10, n%100
	switch lang {
	case "cy": // Welsh
		switch n {
		case 0:
			return "zero"
		case 1:
			return "one"
		case 2:
			return "two"
		case 3:
			return "few"
		case 6:
			return "many"
		}
		return "other"
	case "ga": // Irish
		switch {
		case n == 1:
			return "one"
		case n == 2:
			return "two"
		case n >= 3 && n <= 6:
			return "few"
		case n >= 7 && n <= 10:
			return "many"
		}
		return "other"
	case "gd": // Scottish Gaelic
		switch {
		case n == 1 || n == 11:
			return "one"
		case n == 2 || n == 12:
			return "two"
		case n >= 3 && n <= 10, n >= 13 && n <= 19:
			return "few"
		}
		return "other"
	case "fr", "pt", "hi", "bn", "pa", "gu", "fa": // one for 0 and 1
		if n <= 1 {
			return "one"
		}
		return "other"
	case "pl":
		switch {
		case n == 1:
			return "one"
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return "few"
		}
		return "many"
	case "ru", "uk":
		switch {
		case n10 == 1 && n100 != 11:
			return "one"
		case n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14):
			return "few"
		}
		return "many"
	case "ro":
		switch {
		case n == 1:
			return "one"
		case n == 0 || n100 >= 2 && n100 <= 19:
			return "few"
		}
		return "other"
	case "ar":
		switch {
		case n == 0:
			return "zero"
		case n == 1:
			return "one"
		case n == 2:
			return "two"
		case n100 >= 3 && n100 <= 10:
			return "few"
		case n100 >= 11:
			return "many"
		}
		return "other"
	case "zh", "ja", "ko", "vi", "th", "id", "ms", "tr":
		return "other"
	}
	if n == 1 {
		return "one"
	}
	return "other"
}

// Categories lists the plural categories a message in the language of
// tag may have, for checking a strings file.
func Categories(tag string) []string {
	seen := map[string]bool{}
	var out []string
	for n := 0; n <= 200; n++ {
		if c := pluralCategory(tag, n); !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
