package dynalite

import (
	"context"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStartStop starts an in-memory dynalite, asks it something DynamoDB
// clients ask, and stops it.
func TestStartStop(t *testing.T) {
	ctx := context.Background()
	s, err := Start(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, "POST", s.Endpoint(), strings.NewReader("{}"))
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	// Unsigned requests are refused with 400: what matters is an answer in
	// DynamoDB's protocol.
	if resp.StatusCode != 400 && resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	s.Stop()
	s.Stop() // idempotent
	if _, err := http.DefaultClient.Do(req.Clone(ctx)); err == nil {
		t.Error("server still answers after Stop")
	}
}

// TestSurvivesDroppedRequests: a client that sends half a request and
// hangs up (an API killed or timed out mid-call) used to end dynalite
// 4.0.0; through serve.js it keeps serving.
func TestSurvivesDroppedRequests(t *testing.T) {
	ctx := context.Background()
	s, err := Start(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	cases := []struct {
		name string
		sent string
	}{
		{"headers then half a body", "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 1000\r\n\r\n{\"a\":"},
		{"half the headers", "POST / HTTP/1.1\r\nHost: x\r\nContent-Le"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for range 3 {
				conn, err := net.Dial("tcp", strings.TrimPrefix(s.Endpoint(), "http://"))
				if err != nil {
					t.Fatal(err)
				}
				if _, err := conn.Write([]byte(c.sent)); err != nil {
					t.Fatal(err)
				}
				time.Sleep(50 * time.Millisecond)
				conn.(*net.TCPConn).SetLinger(0) // RST, as a killed process leaves it
				conn.Close()
			}
			time.Sleep(200 * time.Millisecond)
			select {
			case <-s.Done():
				t.Fatal("dynalite exited after a dropped request")
			default:
			}
			req, _ := http.NewRequestWithContext(ctx, "POST", s.Endpoint(), strings.NewReader("{}"))
			req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("no answer after a dropped request: %v", err)
			}
			resp.Body.Close()
		})
	}
}

// TestSupervisorRestarts: a supervised dynalite killed with SIGKILL is
// back on the same endpoint, with its data (on disk), within seconds.
func TestSupervisorRestarts(t *testing.T) {
	ctx := context.Background()
	s, err := Supervise(ctx, Options{Path: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	ask := func() error {
		req, _ := http.NewRequestWithContext(ctx, "POST", s.Endpoint(), strings.NewReader("{}"))
		req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	for kill := range 2 {
		first := s.Current()
		if err := syscall.Kill(first.Pid(), syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		<-first.Done()
		deadline := time.Now().Add(StartTimeout)
		for ask() != nil || s.Current() == first {
			if time.Now().After(deadline) {
				t.Fatalf("kill %d: not back after %s", kill, StartTimeout)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if s.Restarts() != 2 {
		t.Fatalf("%d restarts", s.Restarts())
	}
}
