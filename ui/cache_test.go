package ui

import (
	"errors"
	"strings"
	"testing"
)

func TestUnreadableCacheIsReportedAndTheStoryStillLoads(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(fs *fakeStore)
		want  string
	}{
		{"the store fails", func(fs *fakeStore) {
			fs.cacheErr = errors.New("disk I/O error\n\x1b[31mred")
		}, "read cached story 1: disk I/O error"},
		{"the cached bytes are garbage", func(fs *fakeStore) {
			fs.articles[1] = []byte("not json")
		}, "read cached story 1: invalid character"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := sampleStore()
			tc.spoil(fs)
			m := started(t, fs, 160, 40)
			m = press(t, m, "enter")
			if !strings.Contains(m.status.err, tc.want) {
				t.Fatalf("status %q, want it to say %q", m.status.err, tc.want)
			}
			if strings.ContainsAny(m.status.err, "\n\x1b") {
				t.Fatalf("status %q is not one clean line", m.status.err)
			}
			if !strings.Contains(m.View(), "Body of Markets rally") {
				t.Fatalf("the story was not loaded past the cache:\n%s", m.View())
			}
		})
	}
}
