package sitepath

import (
	"strings"
	"testing"
)

// TestPagesTheSiteWritesItselfAreReserved: a content page may not land
// on a page the site writes itself, the team page included, and the
// refusal names the page; other names are free.
func TestPagesTheSiteWritesItselfAreReserved(t *testing.T) {
	for slug, page := range map[string]string{"index": Home, "downloads": Downloads, "404": NotFound, "team": Team} {
		if got := Reserved(slug); !strings.Contains(got, page) {
			t.Errorf("Reserved(%q) = %q, want it to name %s", slug, got, page)
		}
	}
	for _, slug := range []string{"about", "teams", "team-notes", "our-team", "how-to-use", "accessibility"} {
		if got := Reserved(slug); got != "" {
			t.Errorf("Reserved(%q) = %q: the name is free", slug, got)
		}
	}
}

// TestTheTeamPagesIDsAreReserved: the team page's controls have ids
// starting assess-team, which no question may take, since the team
// page gives each question's block its id.
func TestTheTeamPagesIDsAreReserved(t *testing.T) {
	for _, id := range []string{"assess-team", "assess-team-add", "assess-team-grid", "assess-team--ward-soil-1--note"} {
		if got := ReservedID(nil, id); !strings.Contains(got, "team page") {
			t.Errorf("ReservedID(%q) = %q, want it to say the team page uses it", id, got)
		}
	}
	for _, id := range []string{"team", "team-soil-beans-1", "ward-team-1"} {
		if got := ReservedID(nil, id); got != "" {
			t.Errorf("ReservedID(%q) = %q: a question may take it", id, got)
		}
	}
}
