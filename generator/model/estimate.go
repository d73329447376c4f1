package model

import (
	"math"

	"workbook/generator/i18n"
)

// The figures behind EstimateMinutes. A reader reads each question, its
// prompts, evidence hint and "what good looks like" at ReadingWPM words a
// minute; thinks about it and looks for evidence for ThinkSeconds; and
// writes an answer and an evidence note of about WriteWords words at
// WriteWPM (a pen's pace, a little slower than typing) before ticking a
// rating. About three and a half minutes a question: a level of 25
// questions is a morning's work, not a coffee break, so a session of
// SessionMinutes covers the few questions a reader picks, keeping
// ActionMinutes at the end to agree what to do next.
const (
	ReadingWPM     = 200
	ThinkSeconds   = 60
	WriteWords     = 50
	WriteWPM       = 25
	SessionMinutes = 30
	ActionMinutes  = 5
)

// perQuestion is the thinking and writing time of one question, in minutes.
const perQuestion = float64(ThinkSeconds)/60 + float64(WriteWords)/WriteWPM

// EstimateMinutes estimates how long a set of questions takes to answer
// in full, reading, thinking and writing:
//
//	minutes = ceil(words / ReadingWPM + questions × (ThinkSeconds/60 + WriteWords/WriteWPM))
//
// where words counts each question's text, prompts, evidence hint and
// "what good looks like". It is printed on level pages and PDF covers so
// a reader can plan their time.
func EstimateMinutes(qs []*Question) int {
	return int(math.Ceil(minutes(qs)))
}

// SessionQuestions is how many of qs, of average length, fit in a session
// of SessionMinutes with ActionMinutes kept for agreeing actions: the
// number a reader should pick for one sitting. It is at least 1 and at
// most len(qs).
func SessionQuestions(qs []*Question) int {
	if len(qs) == 0 {
		return 0
	}
	each := minutes(qs) / float64(len(qs))
	n := int(math.Floor((SessionMinutes - ActionMinutes) / each))
	return max(1, min(n, len(qs)))
}

// minutes is the unrounded estimate.
func minutes(qs []*Question) float64 {
	words := 0
	for _, q := range qs {
		words += q.Text.Words() + q.Evidence.Words() + q.Good.Words()
		for _, p := range q.Prompts {
			words += p.Words()
		}
	}
	return float64(words)/ReadingWPM + float64(len(qs))*perQuestion
}

// Estimate is how long a set of questions takes in full and how many
// of them fit in a session of SessionMinutes: what every page and
// workbook cover says, in the words of the strings file (Text).
type Estimate struct {
	Questions int // how many questions
	Minutes   int // EstimateMinutes of them
	Session   int // SessionQuestions of them
}

// Text says the estimate in the site's language: "About 95 minutes to
// answer all 27 questions, writing included. A 30-minute session fits
// about 7 of them." (the strings file's [time] table).
func (e Estimate) Text(w *i18n.Catalog) string {
	s := w.N("time.answer", e.Minutes, "questions", w.N("time.questions", e.Questions))
	if e.Session > 0 && e.Session < e.Questions {
		s += " " + w.N("time.session", e.Session, "minutes", SessionMinutes)
	}
	return s
}

// Estimate is the level's time estimate (see Estimate).
func (l *Level) Estimate() Estimate { return Estimate{len(l.Questions), l.Minutes, l.SessionQuestions} }

// Estimate is the workbook's time estimate (see Estimate).
func (w *Workbook) Estimate() Estimate {
	return Estimate{len(w.Questions), w.Minutes, w.SessionQuestions}
}
