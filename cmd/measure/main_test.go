package main

import (
	"bytes"
	"strings"
	"testing"
)

// The tool runs on the shipped content and reports both figures. No
// figure is asserted: this keeps the tool working, the figures are for
// people to read.
func TestMeasureRuns(t *testing.T) {
	var out bytes.Buffer
	res, err := run(config{n: 2, root: "../..", file: "content/provider/digital.toml",
		page: "/levels/provider.html", pdf: "/workbooks/provider.pdf", atomic: true, log: &out})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.page) != 2 || len(res.pdf) != 2 {
		t.Errorf("got %d page and %d PDF times", len(res.page), len(res.pdf))
	}
	for _, want := range []string{"save to page served: min", "save to PDF served:  min"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
