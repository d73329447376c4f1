package pdf

import (
	"bytes"
	"testing"
)

// BenchmarkWorkbook writes one level's workbook of 28 questions, tagged
// and fillable, and reports its size.
func BenchmarkWorkbook(b *testing.B) { benchmarkWorkbook(b, true) }

// BenchmarkWorkbookPlain is BenchmarkWorkbook without form fields
// ([pdf] fillable = false): what the fields cost is the difference.
func BenchmarkWorkbookPlain(b *testing.B) { benchmarkWorkbook(b, false) }

func benchmarkWorkbook(b *testing.B, fillable bool) {
	site, wb := bigSite(28)
	site.Config.PDF.Fillable = fillable
	f := fonts(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if _, err := Write(&buf, site, wb, f, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}
