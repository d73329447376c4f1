package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"

	"workbook/generator/diag"
	"workbook/generator/i18n"
	"workbook/themes"
)

// state is what the server shows: the last good build and, when the
// latest rebuild failed, why. A new state replaces the old whole (the
// server holds it in an atomic pointer), so handlers never lock.
type state struct {
	build    *build    // nil until a build succeeds
	problems []problem // why the latest rebuild failed; empty if it did not
	// status changes whenever problems do; a page carries the status it
	// was served with, so a browser that reconnects knows whether its
	// banner is current.
	status string
	// words are what the preview prints in its own voice (the banner, the
	// source view): in the last good build's language, or English.
	words *i18n.Catalog
}

// problem is one reason a rebuild failed, for the banner.
type problem struct {
	Pos  diag.Pos // where; File "" if not in a file
	Msg  string
	Hint string
}

// okStatus is the status of a state without problems.
const okStatus = "ok"

// newState returns the state serving b with the given problems.
func newState(b *build, problems []problem) *state {
	st := &state{build: b, problems: problems, status: okStatus, words: wordsOf(b)}
	if len(problems) > 0 {
		h := sha256.New()
		for _, p := range problems {
			fmt.Fprintf(h, "%q %q %q\n", p.Pos, p.Msg, p.Hint) // quoted: unambiguous
		}
		st.status = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return st
}

// problemsOf lists the errors of a failed rebuild: every content error,
// or the one error that stopped rendering.
func problemsOf(o *outcome) []problem {
	var ps []problem
	for _, d := range o.diags {
		if d.Severity == diag.Error {
			_, msg, hint := d.Parts()
			ps = append(ps, problem{Pos: d.Pos, Msg: msg, Hint: hint})
		}
	}
	if o.err != nil {
		ps = append(ps, problem{Msg: diag.Escape(o.err.Error())})
	}
	return ps
}

// wordsOf is the words of build b's site, or the built-in theme's
// English before any build has succeeded.
func wordsOf(b *build) *i18n.Catalog {
	if b != nil && b.site != nil && b.site.Strings != nil {
		return b.site.Strings
	}
	src, err := fs.ReadFile(themes.Default(), "i18n/en.toml")
	if err == nil {
		if msgs, err := i18n.Parse(string(src)); err == nil {
			return i18n.New("en-GB", msgs)
		}
	}
	return i18n.English(nil)
}
