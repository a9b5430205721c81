package dynalite

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"
)

// Restart policy of a supervised server: after an exit it is started again
// on the same port and folder, waiting restartBackoff (doubling up to
// maxRestartBackoff) between failed attempts, e.g. while the dead
// process's LevelDB lock is still held.
const (
	restartBackoff    = 200 * time.Millisecond
	maxRestartBackoff = 5 * time.Second
	// firstStartPatience bounds the retries of the first start (a folder
	// locked for good, or no node, is an error after it).
	firstStartPatience = 30 * time.Second
)

// Supervisor keeps a dynalite running: `make dev` must not lose its store
// because one process died (docs/ENGAGEMENT.md, "Faults").
type Supervisor struct {
	opt     Options
	mu      sync.Mutex
	cur     *Server
	stopped bool
	// Restarts counts how often the server was started again.
	restarts int
	done     chan struct{}
	stop     context.CancelFunc
}

// Supervise starts dynalite and restarts it whenever it exits, until Stop.
// The endpoint stays the same across restarts.
func Supervise(ctx context.Context, opt Options) (*Supervisor, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	// The first start is retried too: after a crash of `make dev` the old
	// dynalite may hold the data folder's lock for a moment longer.
	first, err := Start(ctx, opt)
	for wait, deadline := restartBackoff, time.Now().Add(firstStartPatience); err != nil; wait = min(2*wait, maxRestartBackoff) {
		if time.Now().After(deadline) {
			return nil, err
		}
		fmt.Fprintf(opt.Log, "dynalite did not start: %v (next try in %s)\n", err, wait)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		first, err = Start(ctx, opt)
	}
	opt.Port = first.Port()
	sctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Supervisor{opt: opt, cur: first, done: make(chan struct{}), stop: cancel}
	go s.watch(sctx)
	return s, nil
}

// Endpoint is the (stable) URL of the supervised server.
func (s *Supervisor) Endpoint() string { return fmt.Sprintf("http://127.0.0.1:%d", s.opt.Port) }

// Current is the server process running now.
func (s *Supervisor) Current() *Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

// Restarts says how often the server has been restarted.
func (s *Supervisor) Restarts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restarts
}

func (s *Supervisor) watch(ctx context.Context) {
	defer close(s.done)
	for {
		cur := s.Current()
		select {
		case <-ctx.Done():
			return
		case <-cur.Done():
		}
		fmt.Fprintf(s.opt.Log, "dynalite exited (%v); restarting on port %d\n", cur.waitErr, s.opt.Port)
		wait := restartBackoff
		for {
			next, err := Start(ctx, s.opt)
			if err == nil {
				s.mu.Lock()
				s.cur, s.restarts = next, s.restarts+1
				stopped := s.stopped
				s.mu.Unlock()
				if stopped {
					next.Stop()
					return
				}
				break
			}
			fmt.Fprintf(s.opt.Log, "dynalite restart failed: %v (next try in %s)\n", err, wait)
			select {
			case <-ctx.Done():
				return
			case <-time.After(wait):
			}
			wait = min(2*wait, maxRestartBackoff)
		}
	}
}

// Stop ends supervision and stops the server.
func (s *Supervisor) Stop() {
	s.mu.Lock()
	s.stopped = true
	s.mu.Unlock()
	s.stop()
	<-s.done
	s.Current().Stop()
}
