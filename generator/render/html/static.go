package html

import (
	"bytes"
	"fmt"
	"regexp"

	"workbook/generator/model"
	"workbook/generator/output"
	"workbook/generator/theme"
)

// copyStatic copies the theme's static files (and the project's overrides)
// to the site root, keeping their paths.
func copyStatic(th *theme.Theme, out output.FS) error {
	files, err := th.List("static")
	if err != nil {
		return fmt.Errorf("html: listing theme %s static files: %w", th.Name, err)
	}
	for _, f := range files {
		b, err := th.ReadFile("static", f)
		if err != nil {
			return fmt.Errorf("html: theme %s: static/%s: %w", th.Name, f, err)
		}
		if err := out.WriteFile(f, b); err != nil {
			return err
		}
	}
	return nil
}

// ratingsCSSPath is the stylesheet that gives each rating its colour.
const ratingsCSSPath = "assets/ratings.css"

// ratingsCSS writes one rule per rating, .rating--<id>, setting the
// --rating-colour custom property the theme's stylesheet uses for swatches.
// The colours are content (framework.toml), and a style attribute would
// break the site's Content-Security-Policy, so they go in a file.
func ratingsCSS(ratings []*model.Rating) []byte {
	// Only a hex colour, a named colour, or an rgb()/hsl() function of
	// plain numbers, and only a slug as the id: anything else could break
	// out of the rule, so it is left out: the swatch shows no colour, and
	// the rating's label and meaning still say what it is.
	cssColour := regexp.MustCompile(`^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(rgb|hsl)a?\([0-9., %/]+\))$`)
	var b bytes.Buffer
	b.WriteString("/* Rating colours from content/framework.toml. Generated: edit that file, not this one. */\n")
	for _, r := range ratings {
		if model.IsID(r.ID) && cssColour.MatchString(r.Colour) {
			fmt.Fprintf(&b, ".rating--%s { --rating-colour: %s; }\n", r.ID, r.Colour)
		}
	}
	return b.Bytes()
}
