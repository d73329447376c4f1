package pdf

import "slices"

// piece is an unbreakable strip of a page: a line of text, a box to write
// in, a gap. draw draws it with its top at y.
type piece struct {
	h    float64
	draw func(d *doc, y float64)
	// grow, if set, returns the piece made taller by up to extra to fill
	// the foot of its page (a question's answer box, with more writing
	// lines); see fillFoot.
	grow func(extra float64) piece
}

// gap is empty space.
func gap(h float64) piece { return piece{h: h, draw: func(*doc, float64) {}} }

// block is pieces that stay on one page whenever they fit on one: a
// question with its boxes, a heading, a table. Pages are filled with
// blocks in order; fpdf's own page breaking is off, because it cannot
// see that a box belongs with the text above it.
type block struct {
	pieces []piece
	before float64 // space above; dropped at the top of a page
	// newPage starts the block on a fresh page.
	newPage bool
	// keepWithNext moves the block to the next page with what follows
	// it, so a heading never sits alone at the foot of a page.
	keepWithNext bool
	// repeat is drawn again at the top of each page a block too tall for
	// one page continues on (a table's header row).
	repeat []piece
	// anchors become bookmarks and contents entries pointing at where the
	// block starts.
	anchors []*anchor
}

func (b block) height() float64 { return sumHeights(b.pieces) }

func sumHeights(ps []piece) float64 {
	h := 0.0
	for _, p := range ps {
		h += p.h
	}
	return h
}

// flow places blocks on pages, starting new pages as needed.
func (d *doc) flow(blocks []block) {
	for i, b := range blocks {
		if b.newPage || d.page == 0 {
			d.newPage()
		}
		before := b.before
		if d.atTop() {
			before = 0
		}
		if !d.atTop() && before+d.need(blocks, i) > d.room() {
			d.newPage()
			before = 0
		}
		d.y += before
		d.mark(b.anchors)
		whole := b.height() <= d.room()
		pieces := b.pieces
		if whole {
			pieces = d.fillFoot(blocks, i)
		}
		for _, p := range pieces {
			if !whole && p.h > d.room() && !d.atTop() {
				d.newPage()
				d.asArtifact(func() { d.drawPieces(b.repeat) })
			}
			p.draw(d, d.y)
			d.y += p.h
		}
	}
}

// fillFoot returns block i's pieces for the current position. When the
// next block will start a new page, the room the block leaves at the
// foot of this one goes to its first piece that can grow (a question's
// answer box): space to write in, not air.
func (d *doc) fillFoot(blocks []block, i int) []piece {
	b := blocks[i]
	k := slices.IndexFunc(b.pieces, func(p piece) bool { return p.grow != nil })
	if k < 0 {
		return b.pieces
	}
	left := d.room() - b.height()
	if next := i + 1; next < len(blocks) && !blocks[next].newPage && blocks[next].before+d.need(blocks, next) <= left {
		return b.pieces
	}
	grown := b.pieces[k].grow(left)
	if grown.h <= b.pieces[k].h || grown.h > b.pieces[k].h+left {
		return b.pieces
	}
	out := slices.Clone(b.pieces)
	out[k] = grown
	return out
}

func (d *doc) drawPieces(ps []piece) {
	for _, p := range ps {
		p.draw(d, d.y)
		d.y += p.h
	}
}

// need is the height that must fit below the current position for block
// i to start here: the block, and every block it keeps with.
//
// A block taller than a page breaks between its pieces wherever it
// starts. Under a heading it starts straight away, needing only its
// first piece, so the heading keeps company; and a heading followed by
// such a block needs only that much of it.
func (d *doc) need(blocks []block, i int) float64 {
	b := blocks[i]
	if i > 0 && blocks[i-1].keepWithNext && b.height() > contentH {
		return b.pieces[0].h
	}
	h := b.height()
	for j := i; blocks[j].keepWithNext && j+1 < len(blocks) && !blocks[j+1].newPage; j++ {
		next := blocks[j+1]
		if next.height() > contentH {
			return h + next.before + next.pieces[0].h
		}
		h += next.before + next.height()
	}
	return min(h, contentH)
}
