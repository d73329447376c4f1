package generator

import (
	"path/filepath"

	"workbook/generator/output"
)

// inputs lists what a command reads from the project, and answers, if
// given: the config file, content/, the themes and the project's layouts/
// and static/ overrides (see package theme). No command writes over any
// of them.
func (opt Options) inputs(answers ...string) *output.Inputs {
	root := opt.Root
	if root == "" {
		root = "."
	}
	cfg := opt.ConfigFile
	if cfg == "" {
		cfg = filepath.Join(root, "config.toml")
	}
	in := &output.Inputs{}
	in.File(cfg, "the config file")
	in.Root(root, "the project folder")
	in.Dir(filepath.Join(root, "content"), "the content folder")
	in.Dir(filepath.Join(root, "themes"), "the themes folder")
	in.Dir(filepath.Join(root, "layouts"), "the project's layouts folder")
	in.Dir(filepath.Join(root, "static"), "the project's static folder")
	for _, a := range answers {
		in.File(a, "the answers file")
	}
	return in
}
