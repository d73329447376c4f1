package model

// IsID reports whether s is an id: one or more groups of lower-case
// letters and digits joined by single hyphens ("provider-digital-1").
// Every id in the content (levels, foundations, areas of focus,
// ratings, questions and their earlier ids, workbooks, the framework's
// own) and every question and level id in an answers file follows this
// rule, so ids are safe in file names, URLs and HTML ids alike.
func IsID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
