package answers

import (
	"fmt"
	"strings"

	"workbook/generator/diag"
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
	sc := scaleOf(site)
	for _, r := range s.Records {
		if sc.refuse(&p, r.Rating, r.RatingPos, path("answers", r.Question, r.Cycle), "not rated") {
			break
		}
	}
	return p.err()
}

// scale is a site's rating scale, for checking the ratings in a file.
type scale struct {
	ids   map[string]bool
	names string // the ids quoted, for messages
}

func scaleOf(site *model.Site) scale {
	sc := scale{ids: map[string]bool{}}
	var names []string
	for _, r := range site.Framework.Ratings {
		sc.ids[r.ID] = true
		names = append(names, fmt.Sprintf("%q", r.ID))
	}
	sc.names = strings.Join(names, ", ")
	return sc
}

// refuse adds a problem to p when rating (at pos, in the file's where)
// is neither "" (none: the word for which is none) nor on the scale. It
// returns true when p can take no more.
func (sc scale) refuse(p *problems, rating string, pos diag.Pos, where, none string) bool {
	if rating != "" && !sc.ids[rating] {
		p.add(pos, `rate it with one of the site's rating ids, or "" for `+none,
			"%s: rating %s is not on this site's scale (%s)", where, short(rating), sc.names)
	}
	return p.full()
}
