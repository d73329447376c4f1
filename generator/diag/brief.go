package diag

import "fmt"

// Brief shortens a flood of warnings of one kind for commands that are
// not about checking (build, pdf, the preview): of the warnings that
// share a file and a hint (a partial translation lacks hundreds of
// keys, each with "add it to i18n/cy.toml"), the first most are kept
// and one warning more says how many are left out and that check lists
// them all. Errors are never left out. ds keeps its order.
func Brief(ds []Diagnostic, most int) []Diagnostic {
	type kind struct{ file, hint string }
	count := map[kind]int{}
	for _, d := range ds {
		if d.Severity == Warning {
			count[kind{d.Pos.File, d.Hint}]++
		}
	}
	seen := map[kind]int{}
	var out []Diagnostic
	for _, d := range ds {
		k := kind{d.Pos.File, d.Hint}
		if d.Severity != Warning || count[k] <= most+1 {
			out = append(out, d)
			continue
		}
		seen[k]++
		switch {
		case seen[k] <= most:
			out = append(out, d)
		case seen[k] == most+1:
			left := count[k] - most
			out = append(out, Diagnostic{Pos: Pos{File: d.Pos.File}, Severity: Warning,
				Msg:  fmt.Sprintf("and %d more warnings like these", left),
				Hint: "workbook check lists every one"})
		}
	}
	return out
}
