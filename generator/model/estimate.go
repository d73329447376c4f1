package model

import "math"

// Reading speed and thinking time behind EstimateMinutes. A reader reads
// the question, prompts and evidence hint at ReadingWPM words a minute and
// spends ThinkSeconds reflecting on each question and noting evidence.
const (
	ReadingWPM   = 200
	ThinkSeconds = 45
)

// EstimateMinutes estimates how long a set of questions takes:
//
//	minutes = ceil(words / ReadingWPM + questions × ThinkSeconds / 60)
//
// rounded up to a whole minute. It is printed on level pages and PDF
// covers so a reader can plan their time.
func EstimateMinutes(qs []*Question) int {
	words := 0
	for _, q := range qs {
		words += q.Text.Words() + q.Evidence.Words()
		for _, p := range q.Prompts {
			words += p.Words()
		}
	}
	m := float64(words)/ReadingWPM + float64(len(qs))*ThinkSeconds/60
	return int(math.Ceil(m))
}
