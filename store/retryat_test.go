package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/newsterm/newsterm/feeds"
)

// TestRetryAtIsKept: a host's Retry-After outlives the run that got it,
// and the next fetch that gets an answer clears it.
func TestRetryAtIsKept(t *testing.T) {
	wait := t0.Add(2 * time.Hour)
	busy := &feeds.FetchError{URL: feedA, StatusCode: 429, RetryAt: wait}
	tests := []struct {
		name string
		then *Fetched // nil: nothing after the 429
		want time.Time
	}{
		{"kept", nil, wait},
		{"a plain failure forgets it", &Fetched{Err: errors.New("connection refused")}, time.Time{}},
		{"wrapped, still kept", &Fetched{Err: fmt.Errorf("refresh: %w", busy)}, wait},
		{"a 304 clears it", &Fetched{NotModified: true}, time.Time{}},
		{"a 200 clears it", &Fetched{Feed: feeds.Feed{Items: []feeds.Item{story("1", 1)}}}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t)
			subscribe(t, s, Subscription{URL: feedA})
			if _, err := s.SaveFetch(ctx, Fetched{URL: feedA, At: t0, Err: busy}); err != nil {
				t.Fatal(err)
			}
			if tt.then != nil {
				f := *tt.then
				f.URL, f.At = feedA, t0.Add(time.Minute)
				if _, err := s.SaveFetch(ctx, f); err != nil {
					t.Fatal(err)
				}
			}
			list, err := s.Feeds(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 1 || !list[0].RetryAt.Equal(tt.want) {
				t.Errorf("feeds = %+v, want RetryAt %v", list, tt.want)
			}
		})
	}
}
