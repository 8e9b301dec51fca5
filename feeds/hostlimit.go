package feeds

import (
	"context"
	"sync"
	"time"
)

// limiter bounds requests at once, overall and per host, and remembers the
// hosts that asked newsterm to wait (Retry-After).
//
// A request takes its host's slot before a global one, so requests queued
// behind a busy host never hold global slots that other hosts could use.
type limiter struct {
	jobs    chan struct{}
	perHost int

	mu    sync.Mutex
	hosts map[string]*hostSlots // only hosts with requests waiting or running
	wait  map[string]time.Time  // host → not before
}

type hostSlots struct {
	slots chan struct{}
	users int
}

func newLimiter(jobs, perHost int) *limiter {
	return &limiter{
		jobs:    make(chan struct{}, jobs),
		perHost: perHost,
		hosts:   make(map[string]*hostSlots),
		wait:    make(map[string]time.Time),
	}
}

// acquire blocks until host has a free slot and a global slot is free, or
// ctx is done. Every nil return must be paired with release(host).
func (l *limiter) acquire(ctx context.Context, host string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	h := l.join(host)
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		l.leave(host)
		return ctx.Err()
	}
	select {
	case l.jobs <- struct{}{}:
		return nil
	case <-ctx.Done():
		<-h.slots
		l.leave(host)
		return ctx.Err()
	}
}

// release gives back the slots taken by acquire.
func (l *limiter) release(host string) {
	<-l.jobs
	l.mu.Lock()
	h := l.hosts[host]
	l.mu.Unlock()
	<-h.slots
	l.leave(host)
}

func (l *limiter) join(host string) *hostSlots {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	if h == nil {
		h = &hostSlots{slots: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	h.users++
	return h
}

func (l *limiter) leave(host string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	h := l.hosts[host]
	h.users--
	if h.users == 0 {
		delete(l.hosts, host)
	}
}

// notBefore reports the time host asked newsterm to wait until, when that
// is still after now.
func (l *limiter) notBefore(host string, now time.Time) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	until, ok := l.wait[host]
	if !ok {
		return time.Time{}, false
	}
	if !now.Before(until) {
		delete(l.wait, host)
		return time.Time{}, false
	}
	return until, true
}

// holdOff records that host asked newsterm to wait until until; a later
// request keeps the later of two times.
func (l *limiter) holdOff(host string, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if until.After(l.wait[host]) {
		l.wait[host] = until
	}
}
