// Command synth writes a synthetic framework of N questions for scale
// runs: go run ./cmd/synth -n 10000 -o /tmp/big, then
// go run ./cmd/workbook build --config /tmp/big/config.toml --stats.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"workbook/generator/testsite"
)

func main() {
	n := flag.Int("n", 1000, "number of questions")
	out := flag.String("o", "", "folder to write the project into (must not exist)")
	themes := flag.String("themes", "themes", "the themes folder to link into the project")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: synth -n N -o DIR")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "synth: %s exists; choose a new folder\n", *out)
		os.Exit(1)
	}
	abs, _ := filepath.Abs(*themes)
	if err := testsite.Synth(*out, *n, abs); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d questions to %s\n", *n, *out)
}
