package pdf

import (
	"bytes"
	"testing"
)

// BenchmarkWorkbook writes one level's workbook of 28 questions and
// reports its size.
func BenchmarkWorkbook(b *testing.B) {
	site, wb := bigSite(28)
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
