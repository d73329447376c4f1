package model

import (
	"regexp"
	"testing"
)

func TestIsIDFollowsTheDocumentedRule(t *testing.T) {
	rule := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	for _, s := range []string{"", "a", "provider-digital-greener-1", "2025", "a-b-c", "-a", "a-", "a--b", "A", "a_b", "a b",
		"__proto__", "toString", "constructor", "é", "a-\n", "-", "--", "a-1-"} {
		if got, want := IsID(s), rule.MatchString(s); got != want {
			t.Errorf("IsID(%q) = %v, want %v", s, got, want)
		}
	}
}
