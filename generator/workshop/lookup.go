package workshop

import (
	"slices"

	"workbook/generator/answers"
	"workbook/generator/model"
)

// Answer returns what p saved for q in the workshop's review cycle: the
// record under q's own id, or else under one of its earlier ids.
func (ws *Workshop) Answer(p *Person, q *model.Question) (answers.Record, bool) {
	return ws.AnswerIn(p, q, ws.Cycle)
}

// AnswerIn is Answer for another review cycle.
func (ws *Workshop) AnswerIn(p *Person, q *model.Question, cycle string) (answers.Record, bool) {
	return ownFirst(ws, p.Answers.Records, q, cycle, func(r answers.Record) (string, string) { return r.Question, r.Cycle })
}

// ownFirst returns, of the items saved for q in cycle (key gives an
// item's question id and cycle), the one under q's own id, or else the
// first under one of its earlier ids.
func ownFirst[T any](ws *Workshop, items []T, q *model.Question, cycle string, key func(T) (id, cycle string)) (T, bool) {
	var found T
	ok := false
	for _, x := range items {
		id, c := key(x)
		if c != cycle || ws.index.Question(id) != q {
			continue
		}
		if id == q.ID {
			return x, true
		}
		if !ok {
			found, ok = x, true
		}
	}
	return found, ok
}

// Agreed returns what the team agreed about q in a review cycle: under
// q's own id, or else under one of its earlier ids.
func (ws *Workshop) Agreed(q *model.Question, cycle string) (answers.Agreed, bool) {
	if ws.Record == nil {
		return answers.Agreed{}, false
	}
	return ownFirst(ws, ws.Record.Agreed, q, cycle, func(a answers.Agreed) (string, string) { return a.Question, a.Cycle })
}

// Earlier returns the latest review cycle before the workshop's in
// which the team agreed a rating for q, and what it agreed.
func (ws *Workshop) Earlier(q *model.Question) (string, answers.Agreed, bool) {
	at := slices.Index(ws.Cycles, ws.Cycle)
	for i := at - 1; i >= 0; i-- {
		if a, ok := ws.Agreed(q, ws.Cycles[i]); ok && a.Rating != "" {
			return ws.Cycles[i], a, true
		}
	}
	return "", answers.Agreed{}, false
}

// Question returns the question an id names, now or as an earlier id;
// nil when the framework no longer has it.
func (ws *Workshop) Question(id string) *model.Question { return ws.index.Question(id) }

// Actions lists the team's agreed actions the report shows: those
// agreed in the workshop's cycle, and those still open from earlier
// cycles (or from no cycle), in the record's order. Done actions of
// earlier cycles stay with the cycle they were done in.
func (ws *Workshop) Actions() []answers.TeamAction {
	if ws.Record == nil {
		return nil
	}
	at := slices.Index(ws.Cycles, ws.Cycle)
	var out []answers.TeamAction
	for _, a := range ws.Record.Actions {
		i := slices.Index(ws.Cycles, a.Cycle)
		switch {
		case a.Cycle == ws.Cycle:
		case a.Done():
			continue
		case i > at:
			continue // agreed in a later cycle than the one reported on
		}
		out = append(out, a)
	}
	return out
}

// Participants are the names the team record gives for the workshop's
// cycle who have no answers file here: people who took part without
// handing in answers. Empty when names are hidden (they cannot be
// matched).
func (ws *Workshop) Participants() []string {
	if ws.Record == nil || ws.Hidden {
		return nil
	}
	have := map[string]bool{}
	for _, p := range ws.People {
		have[answers.Person{Name: p.Name}.Key()] = true
	}
	var out []string
	for _, n := range ws.Record.Participants[ws.Cycle] {
		if !have[answers.Person{Name: n}.Key()] {
			out = append(out, n)
		}
	}
	return out
}

// Orphan is an answer to a question no longer in the framework, given
// at the workshop's level in its cycle.
type Orphan struct {
	Person *Person
	Record answers.Record
}

// Orphans lists, by question id (sorted), the answers in the
// workshop's cycle to questions no longer in the framework that were
// given at its level, so that none is silently left out.
func (ws *Workshop) Orphans() (ids []string, byID map[string][]Orphan) {
	byID = map[string][]Orphan{}
	for _, p := range ws.People {
		for _, r := range p.Answers.Records {
			if r.Cycle != ws.Cycle || ws.index.Question(r.Question) != nil || r.Level != ws.Level.ID {
				continue
			}
			if byID[r.Question] == nil {
				ids = append(ids, r.Question)
			}
			byID[r.Question] = append(byID[r.Question], Orphan{p, r})
		}
	}
	slices.Sort(ids)
	return ids, byID
}
