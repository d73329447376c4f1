package pdf

// running draws the running header (framework and level) and footer
// (content version, "Page X of Y") on every page but the cover. It runs
// once every page exists, so the total is known and drawn as digits like
// any other text. They are artifacts, which screen readers skip: the
// structure tree says the same.
func (b *book) running() {
	st := small.style()
	level := b.wb.Level.Title
	if t := b.workbookTitle(); t != level {
		level = t + " (" + level + ")"
	}
	level = b.fit(st, level, contentW/2)
	framework := b.fit(st, b.site.Config.Title, contentW-b.textWidth(st.face, st.size, level)-6)
	version := b.fit(st, b.versionText(), contentW/2)
	b.asArtifact(func() { b.drawRunning(framework, level, version) })
}

// drawRunning draws the header and footer on each page but the first.
func (b *book) drawRunning(framework, level, version string) {
	st := small.style()
	n := b.pdf.PageCount()
	right := marginX + contentW
	for p := 2; p <= n; p++ {
		b.goTo(p)
		base := headerTop + st.baseline()
		b.text(marginX, base, st.face, st.size, st.colour, framework)
		b.text(right-b.textWidth(st.face, st.size, level), base, st.face, st.size, st.colour, level)
		rule := headerTop + st.lineHeight() + 1
		b.line(marginX, rule, right, rule, ruleGrey, 0.2)

		b.line(marginX, footerBase-5, right, footerBase-5, ruleGrey, 0.2)
		b.text(marginX, footerBase, st.face, st.size, st.colour, version)
		num := b.t("pdf.page", "page", p, "pages", n)
		b.text(right-b.textWidth(st.face, st.size, num), footerBase, st.face, st.size, st.colour, num)
	}
}
