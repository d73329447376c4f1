package diag

import "testing"

func TestLinesCountColumnsInCharactersInAnyOrder(t *testing.T) {
	text := []byte("ab\nZoë 🌱 x\n\nlast")
	ls := NewLines("f", text)
	// Asked out of order and twice, so the remembered place is tested.
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {13, 2, 7}, {3, 2, 1}, {8, 2, 5}, {12, 2, 6}, {14, 2, 8}, {15, 3, 1}, {16, 4, 1}, {19, 4, 4}, {13, 2, 7}, {99, 4, 5}, {-1, 1, 1},
	} {
		if got := ls.Pos(tc.off); got.Line != tc.line || got.Col != tc.col || got.File != "f" {
			t.Errorf("Pos(%d) = %v, want f:%d:%d", tc.off, got, tc.line, tc.col)
		}
	}
}
