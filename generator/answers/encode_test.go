package answers_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"workbook/generator/answers"
)

// Encode writes what Decode reads: every valid shared fixture decodes,
// encodes and decodes again to the same records, and the same set
// encodes to the same bytes.
func TestEncodeWritesWhatDecodeReads(t *testing.T) {
	n := 0
	for _, fx := range fixtures(t) {
		if !fx.Valid {
			continue
		}
		b, err := os.ReadFile(filepath.Join(fixtureDir, fx.File))
		if err != nil {
			t.Fatal(err)
		}
		s, err := answers.Decode(fx.File, b)
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		out, err := answers.Encode(s)
		if err != nil {
			t.Fatalf("%s: %v", fx.File, err)
		}
		if !json.Valid(out) {
			t.Fatalf("%s: encoded as invalid JSON:\n%s", fx.File, out)
		}
		again, err := answers.Decode("again.json", out)
		if err != nil {
			t.Fatalf("%s: the encoded file does not decode: %v\n%s", fx.File, err, out)
		}
		strip := func(rs []answers.Record) []answers.Record {
			out := slices.Clone(rs)
			for i := range out {
				out[i].Pos, out[i].RatingPos = again.Records[0].Pos, again.Records[0].Pos
			}
			return out
		}
		if !slices.Equal(strip(again.Records), strip(s.Records)) || again.Framework != s.Framework || again.Title != s.Title ||
			!slices.Equal(again.Cycles, s.Cycles) || !again.Exported.Equal(s.Exported) || again.Person != s.Person || again.Version != s.Version {
			t.Errorf("%s: read back differently", fx.File)
		}
		if twice, _ := answers.Encode(again); !bytes.Equal(twice, out) {
			t.Errorf("%s: the same answers encode to different bytes", fx.File)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no valid fixtures")
	}
}
