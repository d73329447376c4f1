// Package wording holds the small helpers that turn numbers into the
// words of the command's and the preview server's messages, so every
// message counts and times things the same way.
package wording

import (
	"strconv"
	"time"
)

// Plural returns "1 question" or "3 questions": n with the word for one
// or for many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Count is Plural for words made plural with an s: "1 error", "2 errors".
func Count(n int, word string) string { return Plural(n, word, word+"s") }

// Millis is d in milliseconds, to a tenth, for tables of timings.
func Millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Took says how long something took: "14 ms", or "0.4 ms" for what took
// under a millisecond.
func Took(d time.Duration) string {
	if d < time.Millisecond {
		return strconv.FormatFloat(Millis(d), 'f', 1, 64) + " ms"
	}
	return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
}
