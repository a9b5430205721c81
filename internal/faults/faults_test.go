//go:build faults

package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sweetspot/sweetspot/internal/api"
	"github.com/sweetspot/sweetspot/internal/domain"
	"github.com/sweetspot/sweetspot/internal/dynalite"
	"github.com/sweetspot/sweetspot/internal/engagement"
	"github.com/sweetspot/sweetspot/internal/scoring"
	"github.com/sweetspot/sweetspot/internal/store"
)

// Scenario sizes and deadlines: small enough that each scenario takes
// seconds, large enough that every fault lands mid-batch.
const (
	// defaultBatches per scenario; SWEETSPOT_FAULT_BATCHES sets another
	// count (at least 10, the last batch a fault lands in being 8): 40 is
	// the size of the issue's probes, 4,000 events.
	defaultBatches = 12
	batchSize      = 100
	members        = 25
	storeTimeout   = time.Second
	applyTimeout   = time.Second
	clientTimeout  = 8 * time.Second
	// pausedAnswer is the issue's bound: with the store paused a request
	// answers 503 with Retry-After within 5 s.
	pausedAnswer = 5 * time.Second
	// retryWait is the client's pause between attempts.
	retryWait = 100 * time.Millisecond
	// storeDown is how long a killed store stays down.
	storeDown = 3 * time.Second
	// storePause is how long a paused store stays stopped.
	storePause = 6 * time.Second
	// reconcileWait bounds how long reconcileOnce keeps passing while
	// another reconciler's lock holds a shard: a lock left by a
	// reconciler that lost its store (the store killed mid-repair, serve's
	// own reconciler) holds for store.LockTTL.
	reconcileWait = store.LockTTL + 10*time.Second
)

// binary is the `sweetspot` command built once by TestMain (the price of
// TestMain's signature is this one package variable).
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sweetspot-faults")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "sweetspot")
	build := exec.Command("go", "build", "-o", binary, "github.com/sweetspot/sweetspot/cmd/sweetspot")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build sweetspot:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// rig is one scenario's world: a dynalite on disk, a `sweetspot serve`
// subprocess, and the workspace, key, community and offer events go to.
type rig struct {
	t         *testing.T
	data      string
	storePort int
	db        *dynalite.Server
	apiPort   int
	api       *exec.Cmd
	apiDone   chan struct{}
	apiLog    *bytes.Buffer
	table     string
	// reconcileEvery is the API's RECONCILE_EVERY (1h: the suite runs one
	// reconcile itself, except in the scenario that relies on serve's).
	reconcileEvery time.Duration
	st             *store.Store
	key            string
	community      domain.Community
	offer          string
	mu             sync.Mutex
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func newRig(t *testing.T) *rig {
	return newRigEvery(t, time.Hour)
}

func newRigEvery(t *testing.T, reconcileEvery time.Duration) *rig {
	r := &rig{t: t, data: t.TempDir(), apiPort: freePort(t), table: "faults", apiLog: &bytes.Buffer{}, reconcileEvery: reconcileEvery}
	r.startStore()
	t.Cleanup(func() {
		r.stopAPI()
		r.db.Stop()
		if t.Failed() {
			t.Logf("API log:\n%s", r.apiLog.String())
		}
	})
	ctx := context.Background()
	st, err := store.Open(ctx, store.Config{Endpoint: r.endpoint(), Table: r.table})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureTable(ctx); err != nil {
		t.Fatal(err)
	}
	r.st = st
	ws := domain.Workspace{ID: domain.NewID(domain.WorkspacePrefix), Name: "Faults"}
	if err := st.CreateWorkspace(ctx, &ws); err != nil {
		t.Fatal(err)
	}
	if _, r.key, err = store.IssueKey(ctx, st, domain.APIKey{WorkspaceID: ws.ID, Name: "admin", Scope: domain.ScopeAdmin}); err != nil {
		t.Fatal(err)
	}
	r.community = domain.Community{ID: domain.NewID(domain.CommunityPrefix), Kind: domain.KindInterest,
		Audience: scoring.Audience{Name: "IT admins", Interests: []scoring.Interest{{Term: "backup", Weight: 1}},
			Networks: map[string]int{"linkedin": 4200, "email": 900}}}
	if err := st.CreateCommunity(ctx, ws.ID, &r.community); err != nil {
		t.Fatal(err)
	}
	o := domain.Offer{ID: domain.NewID(domain.OfferPrefix), Kind: domain.OfferChecklist, Title: "The 3-2-1 backup checklist",
		Body: "Test your restore every quarter.", URL: "https://example.com/landing", CTA: "Get the checklist",
		Communities: []string{r.community.ID}, Status: domain.StatusLive}
	if err := st.CreateOffer(ctx, ws.ID, &o); err != nil {
		t.Fatal(err)
	}
	r.offer = o.ID
	r.startAPI()
	return r
}

func (r *rig) endpoint() string { return fmt.Sprintf("http://127.0.0.1:%d", r.storePort) }

func (r *rig) startStore() {
	r.t.Helper()
	db, err := dynalite.Start(context.Background(), dynalite.Options{Path: r.data, Port: r.storePort})
	if err != nil {
		r.t.Fatal(err)
	}
	r.mu.Lock()
	r.db, r.storePort = db, db.Port()
	r.mu.Unlock()
}

func (r *rig) killStore() {
	r.mu.Lock()
	db := r.db
	r.mu.Unlock()
	_ = syscall.Kill(db.Pid(), syscall.SIGKILL)
	<-db.Done()
}

func (r *rig) signalStore(sig syscall.Signal) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := syscall.Kill(r.db.Pid(), sig); err != nil {
		r.t.Errorf("signal store: %v", err)
	}
}

func (r *rig) env() []string {
	return append(os.Environ(), "DYNAMODB_ENDPOINT="+r.endpoint(), "TABLE_NAME="+r.table,
		"PORT="+strconv.Itoa(r.apiPort), "STORE_TIMEOUT="+storeTimeout.String(), "APPLY_TIMEOUT="+applyTimeout.String(),
		"RECONCILE_EVERY="+r.reconcileEvery.String(), "LOG_LEVEL=warn", "RATE_LIMIT_RPS=1000", "RATE_LIMIT_BURST=1000")
}

func (r *rig) startAPI() {
	r.t.Helper()
	cmd := exec.Command(binary, "serve", "--site", r.t.TempDir(), "--widget", r.t.TempDir())
	cmd.Env = r.env()
	cmd.Stdout, cmd.Stderr = io.Discard, &lockedWriter{w: r.apiLog}
	if err := cmd.Start(); err != nil {
		r.t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	r.mu.Lock()
	r.api, r.apiDone = cmd, done
	r.mu.Unlock()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get(r.url("/v1/health"))
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("the API did not answer within 20 s: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (r *rig) killAPI() {
	r.mu.Lock()
	cmd, done := r.api, r.apiDone
	r.mu.Unlock()
	_ = cmd.Process.Kill()
	<-done
}

func (r *rig) stopAPI() {
	r.mu.Lock()
	cmd, done := r.api, r.apiDone
	r.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

func (r *rig) url(path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", r.apiPort, path) }

// lockedWriter lets the API's stderr be read while it is written.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// makeBatches makes the scenario's events: every member's events in time
// order across batches, all types, a few networks and generations.
func (r *rig) makeBatches(seed uint64) [][]engagement.Event {
	rnd := rand.New(rand.NewPCG(seed, seed))
	types := []engagement.Type{"view", "view", "view", "click", "click", "share", "comment", "signup", "purchase"}
	pick := func(xs ...string) string { return xs[rnd.IntN(len(xs))] }
	start := time.Now().UTC().Add(-time.Hour).Truncate(time.Millisecond)
	batches := defaultBatches
	if n, err := strconv.Atoi(os.Getenv("SWEETSPOT_FAULT_BATCHES")); err == nil {
		batches = max(n, 10)
	}
	// A second apart, or closer so that the last is 10 minutes old: the
	// API refuses events more than 5 minutes in the future.
	step := min(time.Second, 50*time.Minute/time.Duration(batches*batchSize))
	out := make([][]engagement.Event, batches)
	for b := range out {
		for i := range batchSize {
			n := b*batchSize + i
			e := engagement.Event{ID: fmt.Sprintf("evt_%d_%06d", seed, n), Offer: r.offer, Community: r.community.ID,
				Member: fmt.Sprintf("member_%04d", rnd.IntN(members)), Type: types[rnd.IntN(len(types))],
				Network: pick("", "linkedin", "email"), Generation: pick("", "genx", "millennials"),
				Time: start.Add(time.Duration(n) * step)}
			if e.Type == engagement.Purchase {
				e.Value = float64(rnd.IntN(100000)) / 100
			}
			out[b] = append(out[b], e)
		}
	}
	return out
}

func body(batch []engagement.Event) []byte {
	type wire struct {
		ID         string  `json:"id"`
		Offer      string  `json:"offer"`
		Community  string  `json:"community"`
		Member     string  `json:"member"`
		Type       string  `json:"type"`
		Network    string  `json:"network,omitempty"`
		Generation string  `json:"generation,omitempty"`
		Value      float64 `json:"value,omitempty"`
		Time       string  `json:"time"`
	}
	var evs []wire
	for _, e := range batch {
		evs = append(evs, wire{e.ID, e.Offer, e.Community, e.Member, string(e.Type), e.Network, e.Generation, e.Value,
			e.Time.Format(time.RFC3339Nano)})
	}
	b, _ := json.Marshal(map[string]any{"events": evs})
	return b
}

// post sends one attempt of a batch; status 0 means no answer.
func (r *rig) post(ctx context.Context, batch []engagement.Event) (int, http.Header) {
	req, err := http.NewRequestWithContext(ctx, "POST", r.url("/v1/events"), bytes.NewReader(body(batch)))
	if err != nil {
		r.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+r.key)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode == http.StatusAccepted {
		var got struct {
			Errors []engagement.FieldError `json:"errors"`
		}
		if err := json.Unmarshal(b, &got); err != nil || len(got.Errors) > 0 {
			r.t.Errorf("202 with refused events: %s", b)
		}
	}
	return res.StatusCode, res.Header
}

// deliver sends a batch until it is accepted (same ids every time), as
// the widget and integrators do; first, if set, runs the first attempt.
func (r *rig) deliver(batch []engagement.Event, first func(batch []engagement.Event)) {
	r.t.Helper()
	if first != nil {
		first(batch)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), clientTimeout)
		status, _ := r.post(ctx, batch)
		cancel()
		if status == http.StatusAccepted {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("batch %s not accepted within 60 s (last status %d)", batch[0].ID, status)
		}
		time.Sleep(retryWait)
	}
}

// reconcileOnce waits for the intents of the last requests to pass the
// lease, then runs `sweetspot admin reconcile` until one pass has skipped
// nothing: the API's own reconciler (its first pass comes 5 s after start)
// may hold a shard's lock at that moment, and a skipped shard is the other
// reconciler's to finish.
func (r *rig) reconcileOnce() {
	r.t.Helper()
	time.Sleep(store.IntentLease(storeTimeout, applyTimeout) + 500*time.Millisecond)
	deadline := time.Now().Add(reconcileWait)
	for attempt := 1; ; attempt++ {
		cmd := exec.Command(binary, "admin", "reconcile")
		cmd.Env = r.env()
		out, err := cmd.CombinedOutput()
		if err != nil {
			r.t.Fatalf("reconcile: %v\n%s", err, out)
		}
		r.t.Logf("reconcile: %s", bytes.Join(bytes.Fields(out), nil))
		var rep store.ReconcileReport
		if err := json.Unmarshal(out, &rep); err != nil {
			r.t.Fatalf("reconcile report %s: %v", out, err)
		}
		if rep.Skipped == 0 {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("reconcile still skipped %d shards after %d passes (%s)", rep.Skipped, attempt, reconcileWait)
		}
		time.Sleep(time.Second)
	}
}

// assertExact: the insights the API serves equal the insights of the
// distinct accepted events (with the ladder of members replayed from the
// raw events), every raw event is there once, and every member equals its
// replay.
func (r *rig) assertExact(sent [][]engagement.Event) {
	r.t.Helper()
	if err := r.exact(sent); err != nil {
		r.t.Fatal(err)
	}
}

// exact is assertExact's check: nil when everything is exact.
func (r *rig) exact(sent [][]engagement.Event) error {
	ctx := context.Background()
	var all []engagement.Stored
	for _, b := range sent {
		for _, e := range b {
			all = append(all, engagement.Stored{Event: e})
		}
	}
	wsID, _, _, _ := domain.ParseToken(r.key)
	days := map[string]bool{}
	for _, e := range all {
		days[engagement.Day(e.Time)] = true
	}
	var raw []engagement.Stored
	for d := range days {
		evs, err := r.st.RawEvents(ctx, wsID, r.community.ID, d)
		if err != nil {
			return err
		}
		raw = append(raw, evs...)
	}
	if len(raw) != len(all) {
		return fmt.Errorf("%d raw events stored, %d sent", len(raw), len(all))
	}
	replay := engagement.Replay(raw)
	stored, err := r.st.Members(ctx, wsID, r.community.ID)
	if err != nil {
		return err
	}
	if len(stored) != len(replay) {
		return fmt.Errorf("%d members stored, %d in the replay", len(stored), len(replay))
	}
	var states []engagement.State
	for _, m := range stored {
		want := replay[[2]string{m.Community, m.ID}]
		gj, _ := json.Marshal(m.State)
		wj, _ := json.Marshal(want.State)
		if !bytes.Equal(gj, wj) {
			return fmt.Errorf("member %s:\nstored %s\nreplay %s", m.ID, gj, wj)
		}
		states = append(states, want.State)
	}
	req, _ := http.NewRequest("GET", r.url("/v1/communities/"+r.community.ID+"/insights"), nil)
	req.Header.Set("Authorization", "Bearer "+r.key)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	var got engagement.Insights
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil || res.StatusCode != http.StatusOK {
		return fmt.Errorf("insights: %d %v", res.StatusCode, err)
	}
	from, _ := time.Parse(engagement.DayLayout, got.From)
	to, _ := time.Parse(engagement.DayLayout, got.To)
	profile := engagement.Profile{Networks: r.community.Networks, Generations: r.community.Generations}
	want := engagement.Compute(r.community.ID, got.From, got.To, engagement.Recount(all), profile,
		engagement.LevelsOf(states, from, to.Add(24*time.Hour-time.Nanosecond)))
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) {
		fj, _ := json.Marshal(got.Funnel)
		fw, _ := json.Marshal(want.Funnel)
		return fmt.Errorf("insights differ from the accepted events:\n%s\nfunnel got  %s\nfunnel want %s\ngot  %s\nwant %s",
			r.drift(ctx, wsID, days, sent), fj, fw, gj, wj)
	}
	r.t.Logf("exact: %d events (%d views, %d purchases), %d members", len(all), got.Funnel.Views, got.Funnel.Purchases, len(stored))
	return nil
}

// drift explains an inexact result: the counter shards that differ from
// the recount of their raw events, item by item, and the batches whose
// deltas went to each (a batch's shard is its first event's).
func (r *rig) drift(ctx context.Context, ws string, days map[string]bool, sent [][]engagement.Event) string {
	var b strings.Builder
	for d := range days {
		drifts, err := r.st.Drift(ctx, ws, r.community.ID, d)
		if err != nil {
			fmt.Fprintf(&b, "drift %s: %v\n", d, err)
			continue
		}
		for _, sd := range drifts {
			var batches []int
			for i, batch := range sent {
				if engagement.ShardOf(batch[0].ID) == sd.Shard {
					batches = append(batches, i)
				}
			}
			fmt.Fprintf(&b, "day %s shard %02d (batches %v) differs from its recount:\n", d, sd.Shard, batches)
			for sk, got := range sd.Counters {
				if want := sd.Recount[sk]; !maps.Equal(got, want) {
					fmt.Fprintf(&b, "  %s: counters %v, recount %v\n", sk, got, want)
				}
			}
			for sk, want := range sd.Recount {
				if _, ok := sd.Counters[sk]; !ok {
					fmt.Fprintf(&b, "  %s: counters none, recount %v\n", sk, want)
				}
			}
		}
	}
	if b.Len() == 0 {
		return "every counter shard equals the recount of its raw events"
	}
	return b.String()
}

// TestFaults runs each scenario: a fault during the delivery of some
// batches, the client's retries, one reconcile, then the exact check.
func TestFaults(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		// fault returns the first attempt of batch b, or nil.
		fault func(r *rig, b int) func([]engagement.Event)
	}{
		{"client aborts mid-batch", func(r *rig, b int) func([]engagement.Event) {
			return func(batch []engagement.Event) {
				d := time.Duration(5+rand.IntN(300)) * time.Millisecond
				ctx, cancel := context.WithTimeout(context.Background(), d)
				defer cancel()
				r.post(ctx, batch)
			}
		}},
		{"API killed mid-batch and restarted", func(r *rig, b int) func([]engagement.Event) {
			if b%3 != 1 {
				return nil
			}
			return func(batch []engagement.Event) {
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done(); r.post(context.Background(), batch) }()
				time.Sleep(time.Duration(5+rand.IntN(60)) * time.Millisecond)
				r.killAPI()
				wg.Wait()
				r.startAPI()
			}
		}},
		{"store killed and restarted", func(r *rig, b int) func([]engagement.Event) {
			if b != 4 && b != 8 {
				return nil
			}
			return func(batch []engagement.Event) {
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done(); r.post(context.Background(), batch) }()
				time.Sleep(time.Duration(10+rand.IntN(40)) * time.Millisecond)
				r.killStore()
				wg.Wait()
				go func() { time.Sleep(storeDown); r.startStore() }()
			}
		}},
		{"store paused", func(r *rig, b int) func([]engagement.Event) {
			if b != 5 {
				return nil
			}
			return func(batch []engagement.Event) {
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done(); r.post(context.Background(), batch) }()
				time.Sleep(time.Duration(10+rand.IntN(40)) * time.Millisecond)
				r.signalStore(syscall.SIGSTOP)
				resumed := time.AfterFunc(storePause, func() { r.signalStore(syscall.SIGCONT) })
				defer func() {
					if resumed.Stop() {
						r.signalStore(syscall.SIGCONT)
					}
				}()
				wg.Wait()
				// While paused: a 503 with Retry-After within pausedAnswer.
				began := time.Now()
				status, h := r.post(context.Background(), batch)
				if took := time.Since(began); status != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || took > pausedAnswer {
					r.t.Errorf("with the store paused: status %d, Retry-After %q, after %s", status, h.Get("Retry-After"), took)
				}
			}
		}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each scenario has its own store, API and ports
			r := newRig(t)
			sent := r.makeBatches(uint64(i + 1))
			for b, batch := range sent {
				r.deliver(batch, c.fault(r, b))
			}
			r.reconcileOnce()
			r.assertExact(sent)
		})
	}
}

// TestServeReconciles: the API killed mid-batch, with no reconcile but the
// one `sweetspot serve` runs every RECONCILE_EVERY: insights are exact
// within RECONCILE_EVERY plus 10 s of the last acknowledgement (the
// issue's bound).
func TestServeReconciles(t *testing.T) {
	t.Parallel()
	const every = 3 * time.Second
	r := newRigEvery(t, every)
	sent := r.makeBatches(9)
	for b, batch := range sent {
		var first func([]engagement.Event)
		if b%4 == 2 {
			first = func(batch []engagement.Event) {
				var wg sync.WaitGroup
				wg.Add(1)
				go func() { defer wg.Done(); r.post(context.Background(), batch) }()
				time.Sleep(time.Duration(5+rand.IntN(60)) * time.Millisecond)
				r.killAPI()
				wg.Wait()
				r.startAPI()
			}
		}
		r.deliver(batch, first)
	}
	acked := time.Now()
	deadline := acked.Add(every + 10*time.Second)
	for {
		err := r.exact(sent)
		if err == nil {
			t.Logf("exact %s after the last acknowledgement", time.Since(acked).Round(100*time.Millisecond))
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("not exact within RECONCILE_EVERY + 10 s: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// TestStalledBodiesAreClosed: requests whose body stops arriving are closed
// by the server within api.BodyReadTimeout (plus a second of slack), and
// the API keeps answering meanwhile.
func TestStalledBodiesAreClosed(t *testing.T) {
	t.Parallel()
	const stalled = 50
	r := newRig(t)
	began := time.Now()
	closed := make(chan time.Duration, stalled)
	for range stalled {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", r.apiPort))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprint(c, "POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "+r.key+
			"\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"events\":[")
		go func() {
			_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
			_, _ = io.Copy(io.Discard, c) // returns when the server closes
			closed <- time.Since(began)
		}()
	}
	if res, err := http.Get(r.url("/v1/health")); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("health while %d bodies stall: %v", stalled, err)
	} else {
		res.Body.Close()
	}
	for range stalled {
		if d := <-closed; d > api.BodyReadTimeout+time.Second {
			t.Fatalf("a stalled request was closed after %s", d)
		}
	}
}
