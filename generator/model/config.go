package model

import "time"

// Defaults and limits of config.toml's settings. They live here, beside
// the model, and nowhere else: the loader starts from DefaultConfig and
// refuses a value outside a limit with its file, line and column, and the
// renderers trust what the model holds.
const (
	DefaultAnswerLines   = 5 // ruled lines in each answer box
	DefaultEvidenceLines = 3 // ruled lines in each evidence box
	DefaultActionRows    = 8 // rows on each action-plan page

	// MaxAnswerLines and MaxEvidenceLines keep each writing box shorter
	// than a page, with room for its label and hint: a question made
	// taller than a page by many lines breaks between its boxes, never
	// inside one.
	MaxAnswerLines   = 20
	MaxEvidenceLines = 20
	MaxActionRows    = 30

	// MaxCycles is the most review cycles a workbook prints a rating row
	// for: the rating box of one question and the summary sheet must each
	// fit on a page.
	MaxCycles = 20

	// DefaultPDFCycles is how many review cycles a workbook prints a
	// rating row for when [pdf] cycles does not say: the last two of
	// cycles. A workshop needs this year's row and room to rate again
	// next year (cycles lists the coming year's cycle once it is
	// planned), not rows for years already over; the web version keeps
	// every cycle.
	DefaultPDFCycles = 2
)

// DefaultLanguage is the content's language when config.toml names
// none, as a BCP 47 tag.
const DefaultLanguage = "en-GB"

// DefaultCycles are the review cycles when config.toml names none: the
// years of the AHP strategy for England, 2022 to 2027.
func DefaultCycles() []string {
	return []string{"2022/23", "2023/24", "2024/25", "2025/26", "2026/27"}
}

// DefaultPrintedCycles returns the review cycles a workbook prints by
// default: the last DefaultPDFCycles of cycles, oldest first.
func DefaultPrintedCycles(cycles []string) []string {
	return append([]string(nil), cycles[len(cycles)-min(len(cycles), DefaultPDFCycles):]...)
}

// UndatedCreated is the date documents carry when neither
// SOURCE_DATE_EPOCH nor config.toml's date gives one: fixed, never the
// clock, so builds repeat byte for byte. It is the start of the AHP
// strategy for England.
func UndatedCreated() time.Time { return time.Date(2022, 7, 1, 0, 0, 0, 0, time.UTC) }

// DefaultConfig is config.toml's settings before the file is read.
func DefaultConfig() Config {
	return Config{
		Theme:  "default",
		Cycles: DefaultCycles(),
		PDF: PDFConfig{AnswerLines: DefaultAnswerLines, EvidenceLines: DefaultEvidenceLines, ActionRows: DefaultActionRows, Fillable: true,
			Cycles: DefaultPrintedCycles(DefaultCycles())},
		// The framework's own language: British English.
		Language: DefaultLanguage,
	}
}
