package model

import "math"

// The figures behind PlanWorkshop: a facilitated team session on a set
// of questions, after the Maturity Matrix method (each person rates on
// their own first, then the team talks and agrees). A session opens
// with WelcomeMinutes (purpose, ground rules, the rating scale); gives
// everyone time to reflect and rate each question alone (the reading,
// thinking and writing time of EstimateMinutes); takes TallyMinutes a
// question, at least MinTallyMinutes, to show everyone's ratings at once
// and count them; gives DiscussMinutes a question to compare and agree
// a rating; keeps AgreeActionsMinutes to agree actions and CloseMinutes
// to close. A session lasts at most WorkshopMaxMinutes: a set of
// questions that needs longer is split into sessions of even length.
const (
	WorkshopMaxMinutes  = 90
	WelcomeMinutes      = 10
	TallyMinutes        = 1
	MinTallyMinutes     = 5
	DiscussMinutes      = 5
	AgreeActionsMinutes = 10
	CloseMinutes        = 5
)

// WorkshopSession is one session of a workshop plan: its questions, in
// order, and the minutes of each of its steps.
type WorkshopSession struct {
	Questions []*Question
	// Reflect is the quiet time for everyone to read, think about, note
	// evidence for and rate the questions alone (EstimateMinutes).
	Reflect int
	// Tally is the time to show and count the ratings.
	Tally int
}

// Minutes is the session's length: every step, fixed and per question.
func (s WorkshopSession) Minutes() int {
	return WelcomeMinutes + s.Reflect + s.Tally + len(s.Questions)*DiscussMinutes + AgreeActionsMinutes + CloseMinutes
}

// PlanWorkshop splits questions, in their order, into as few sessions
// as keep each within WorkshopMaxMinutes, with about the same time for
// questions in each. A question too long for any session still gets
// one of its own.
func PlanWorkshop(qs []*Question) []WorkshopSession {
	if len(qs) == 0 {
		return nil
	}
	// Each question's share of a session: its reading, thinking and
	// writing, its tally and its discussion.
	cost := make([]float64, len(qs))
	total := 0.0
	for i, q := range qs {
		cost[i] = minutes([]*Question{q}) + TallyMinutes + DiscussMinutes
		total += cost[i]
	}
	room := float64(WorkshopMaxMinutes - WelcomeMinutes - AgreeActionsMinutes - CloseMinutes)
	for n := max(1, int(math.Ceil(total/room))); ; n++ {
		plan := split(qs, cost, total, n)
		fits := true
		for _, s := range plan {
			fits = fits && (s.Minutes() <= WorkshopMaxMinutes || len(s.Questions) == 1)
		}
		if fits || n >= len(qs) {
			return plan
		}
	}
}

// split cuts questions into n sessions of about total/n minutes each: a
// question goes to the session its midpoint falls in.
func split(qs []*Question, cost []float64, total float64, n int) []WorkshopSession {
	out := make([]WorkshopSession, n)
	at := 0.0
	for i, q := range qs {
		k := min(int((at+cost[i]/2)/(total/float64(n))), n-1)
		out[k].Questions = append(out[k].Questions, q)
		at += cost[i]
	}
	var plan []WorkshopSession
	for _, s := range out {
		if len(s.Questions) == 0 {
			continue
		}
		s.Reflect = EstimateMinutes(s.Questions)
		s.Tally = max(MinTallyMinutes, len(s.Questions)*TallyMinutes)
		plan = append(plan, s)
	}
	return plan
}
