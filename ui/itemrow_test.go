package ui

import (
	"strings"
	"testing"
)

func TestFeedColumn(t *testing.T) {
	tests := []struct {
		name  string
		width int
		keys  []string
		want  bool // rows name their feed
	}{
		{"wide list of every feed", 160, nil, true},
		{"one feed's stories", 160, []string{"shift+tab", "j", "j", "j", "j", "enter"}, false},
		{"a tag's stories", 160, []string{"shift+tab", "j", "j", "j", "enter"}, true},
		{"too narrow to spare it", 120, nil, false},
		{"search results", 160, []string{"/", "R", "u", "s", "t", "enter"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := started(t, sampleStore(), tc.width, 24)
			m = press(t, m, tc.keys...)
			it, ok := m.items.selected()
			if !ok {
				t.Fatal("no story selected")
			}
			row := m.items.rowView(it, false, false, testNow)
			if got := strings.Contains(row, it.FeedTitle); got != tc.want {
				t.Fatalf("row %q names its feed: %v, want %v (view %q)", row, got, tc.want, m.items.title)
			}
			if got := visibleWidth(row); got != m.items.width {
				t.Fatalf("row is %d cells, want %d", got, m.items.width)
			}
		})
	}
}
