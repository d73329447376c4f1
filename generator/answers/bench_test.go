package answers_test

import (
	"fmt"
	"strings"
	"testing"

	"workbook/generator/answers"
)

// BenchmarkDecodeManyRecords decodes a file of MaxRecords answers, the
// most a file may hold.
func BenchmarkDecodeManyRecords(b *testing.B) {
	var sb strings.Builder
	for i := range answers.MaxRecords {
		if i > 0 {
			sb.WriteString(",\n")
		}
		fmt.Fprintf(&sb, `"q%d":{"c":{"rating":"red","answer":"Yes."}}`, i)
	}
	text := []byte(file(sb.String()))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := answers.Decode("a.json", text); err != nil {
			b.Fatal(err)
		}
	}
}
