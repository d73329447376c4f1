package answers

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// Encode writes a set as the web version's export writes one: version
// 2 of the format (see the package's doc), with the person and each
// action's status, when the set names its person, and version 1
// otherwise, since version 2 requires a name. Members are
// in the specification's order, question ids and review cycles sorted,
// a record's empty members left out, two-space indents. The same set
// always gives the same bytes. Records marked Kept go in the "kept"
// list, as the web version writes them. exported is written only when the set
// has a time.
func Encode(s *Set) ([]byte, error) {
	if s.Framework == "" {
		return nil, errors.New("answers: a set to encode names no framework")
	}
	var b, one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false) // <, > and & as typed, as JSON.stringify writes them
	str := func(v string) {
		one.Reset()
		_ = enc.Encode(v) // a string always encodes
		b.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	b.WriteString("{\n  \"format\": ")
	str(Format)
	version := 1
	if s.Person.Named() {
		version = 2
	}
	b.WriteString(",\n  \"version\": ")
	b.WriteString(strconv.Itoa(version))
	b.WriteString(",\n  \"framework\": ")
	str(s.Framework)
	if version == 2 {
		b.WriteString(",\n  \"person\": {\"name\": ")
		str(s.Person.Name)
		if s.Person.Team != "" {
			b.WriteString(", \"team\": ")
			str(s.Person.Team)
		}
		b.WriteString("}")
	}
	if s.Title != "" {
		b.WriteString(",\n  \"title\": ")
		str(s.Title)
	}
	if !s.Exported.IsZero() {
		b.WriteString(",\n  \"exported\": ")
		str(s.Exported.UTC().Format("2006-01-02T15:04:05.000Z"))
	}
	b.WriteString(",\n  \"cycles\": [")
	for i, c := range s.Cycles {
		if i > 0 {
			b.WriteString(", ")
		}
		str(c)
	}
	b.WriteString("],\n  \"answers\": {")
	var recs, kept []Record // each sorted by question, then cycle
	for _, r := range s.Records {
		if r.Kept {
			kept = append(kept, r)
		} else {
			recs = append(recs, r)
		}
	}
	// fields writes a record's members that are not empty, each on a
	// line of its own at indent, after the members given first.
	fields := func(r Record, indent string, first ...[2]string) {
		status := r.Status // "" is open, as the reader left it
		if version == 1 {
			status = ""
		}
		ms := append(first, [][2]string{
			{"level", r.Level}, {"question", r.Text}, {"answer", r.Answer}, {"evidence", r.Evidence},
			{"rating", r.Rating}, {"action", r.Action}, {"owner", r.Owner}, {"due", r.Due}, {"status", status}, {"updated", r.Updated},
		}...)
		sep := ""
		for _, m := range ms {
			if m[1] == "" {
				continue
			}
			b.WriteString(sep + "\n" + indent)
			sep = ","
			str(m[0])
			b.WriteString(": ")
			str(m[1])
		}
	}
	for i, r := range recs {
		newQuestion := i == 0 || recs[i-1].Question != r.Question
		switch {
		case i == 0:
		case newQuestion:
			b.WriteString("\n    },")
		default:
			b.WriteByte(',')
		}
		if newQuestion {
			b.WriteString("\n    ")
			str(r.Question)
			b.WriteString(": {")
		}
		b.WriteString("\n      ")
		str(r.Cycle)
		b.WriteString(": {")
		fields(r, "        ")
		b.WriteString("\n      }")
	}
	if len(recs) > 0 {
		b.WriteString("\n    }")
	}
	b.WriteString("\n  }")
	if len(kept) > 0 {
		b.WriteString(",\n  \"kept\": [")
		for i, r := range kept {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    {")
			fields(r, "      ", [2]string{"id", r.Question}, [2]string{"cycle", r.Cycle})
			b.WriteString("\n    }")
		}
		b.WriteString("\n  ]")
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}
