package answers

import (
	"fmt"
	"strings"

	"workbook/generator/model"
)

// Check checks a decoded set against the site it is to be read with:
// answers to the same framework, every rating on the site's scale. (The
// question ids need not be the site's: answers to a removed question
// are kept.) Like Decode, it returns a *diag.List, or nil.
func Check(s *Set, site *model.Site) error {
	var p problems
	if s.Framework != site.Config.ID {
		format := "the file holds answers to another framework (%s), not to this site's (%s)"
		if s.Workbook != nil {
			format = "the workbook was made for another framework (%s), not for this site's (%s)"
		}
		p.add(s.FrameworkPos, "run with the --config of the site the answers came from", format, short(s.Framework), short(site.Config.ID))
		return p.err()
	}
	onScale, names := scaleOf(site)
	for _, r := range s.Records {
		if r.Rating != "" && !onScale[r.Rating] {
			p.add(r.RatingPos, `rate it with one of the site's rating ids, or "" for not rated`,
				"%s: rating %s is not on this site's scale (%s)", path("answers", r.Question, r.Cycle), short(r.Rating), names)
		}
		if p.full() {
			break
		}
	}
	return p.err()
}

// scaleOf returns the site's rating ids, and them quoted in a list for
// messages.
func scaleOf(site *model.Site) (map[string]bool, string) {
	ids := map[string]bool{}
	var names []string
	for _, r := range site.Framework.Ratings {
		ids[r.ID] = true
		names = append(names, fmt.Sprintf("%q", r.ID))
	}
	return ids, strings.Join(names, ", ")
}
