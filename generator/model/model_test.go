package model

import "testing"

func TestValidID(t *testing.T) {
	for _, s := range []string{"a", "provider", "provider-digital-greener-1", "2024", "a-b-c"} {
		if !ValidID(s) {
			t.Errorf("ValidID(%q) = false", s)
		}
	}
	for _, s := range []string{"", "-a", "a-", "a--b", "A", "a_b", "a b", "a.b", "é", "a/b", "constructor;"} {
		if ValidID(s) {
			t.Errorf("ValidID(%q) = true", s)
		}
	}
}
