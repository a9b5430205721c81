// Package dynalite runs dynalite, the DynamoDB-compatible server on LevelDB
// (npm, pinned in tools/dynalite/package.json), for `make dev` and for tests
// that need a real DynamoDB API. It installs the pinned package when it is
// missing (npm ci), starts the server on a free loopback port, in memory or
// on disk, waits until it answers, and stops it cleanly.
package dynalite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// StartTimeout bounds how long Start waits for dynalite to listen.
const StartTimeout = 20 * time.Second

// stopGrace is how long Stop waits after SIGTERM before killing.
const stopGrace = 3 * time.Second

// Options configures Start.
type Options struct {
	// Path is the LevelDB folder for data that survives restarts; empty
	// keeps everything in memory (tests).
	Path string
	// ToolsDir is the folder with package.json pinning dynalite; empty
	// finds tools/dynalite above the working directory.
	ToolsDir string
	// Log receives dynalite's output and install progress; nil discards it.
	Log io.Writer
	// Port to listen on; 0 picks a free one. A restarted server reuses
	// its predecessor's port so clients keep their endpoint.
	Port int
}

// wrapperScript (in the tools folder) starts dynalite's command line and
// survives clients that drop a request midway.
const wrapperScript = "serve.js"

// Server is a running dynalite process.
type Server struct {
	cmd      *exec.Cmd
	endpoint string
	port     int
	done     chan struct{}
	waitErr  error
	stopOnce sync.Once
}

// Endpoint is the server's base URL, for the SDK's BaseEndpoint.
func (s *Server) Endpoint() string { return s.endpoint }

// Port is the port the server listens on.
func (s *Server) Port() int { return s.port }

// Pid is the server's process id (fault tests signal it).
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Done is closed when the server process has exited, for whatever reason.
func (s *Server) Done() <-chan struct{} { return s.done }

// Start installs dynalite if needed and starts it.
func Start(ctx context.Context, opt Options) (*Server, error) {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	dir := opt.ToolsDir
	if dir == "" {
		var err error
		if dir, err = FindToolsDir(); err != nil {
			return nil, err
		}
	}
	bin, err := Install(ctx, dir, opt.Log)
	if err != nil {
		return nil, err
	}
	if opt.Path != "" {
		if err := os.MkdirAll(opt.Path, 0o755); err != nil {
			return nil, fmt.Errorf("dynalite data folder: %w", err)
		}
	}
	// A free port can be taken by someone else between our probe and
	// dynalite's bind (other engineers run tests here too): retry a few times.
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		s, err := start(ctx, bin, opt)
		if err == nil {
			return s, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

func start(ctx context.Context, bin string, opt Options) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	args := []string{"--host", "127.0.0.1", "--port", strconv.Itoa(port),
		// Tables are ACTIVE at once: nothing to wait for locally.
		"--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"}
	if opt.Path != "" {
		args = append(args, "--path", opt.Path)
	}
	// Not CommandContext: the server must outlive a cancelled start context
	// (make dev stops it itself, after the API has drained). It runs
	// through serve.js, which keeps it alive when a client drops a request
	// midway (dynalite itself exits then).
	wrapper := filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(bin))), wrapperScript)
	if opt.Port != 0 {
		port = opt.Port
		args[3] = strconv.Itoa(port)
	}
	cmd := exec.Command("node", append([]string{wrapper}, args...)...)
	cmd.Dir = filepath.Dir(bin)
	// Its own process group: Ctrl-C in a terminal reaches only us, and we
	// stop dynalite after the API has drained. Pdeathsig ends it should we
	// die without running Stop.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = opt.Log
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start dynalite: %w", err)
	}
	s := &Server{cmd: cmd, endpoint: fmt.Sprintf("http://127.0.0.1:%d", port), port: port, done: make(chan struct{})}
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		signalled := false
		for sc.Scan() {
			line := sc.Text()
			fmt.Fprintln(opt.Log, line)
			if !signalled && strings.Contains(line, "listening at") {
				close(ready)
				signalled = true
			}
		}
		_, _ = io.Copy(io.Discard, stdout)
	}()
	go func() { s.waitErr = cmd.Wait(); close(s.done) }()

	timer := time.NewTimer(StartTimeout)
	defer timer.Stop()
	select {
	case <-ready:
		return s, nil
	case <-s.done:
		return nil, fmt.Errorf("dynalite exited before listening: %v", s.waitErr)
	case <-timer.C:
		s.Stop()
		return nil, fmt.Errorf("dynalite did not listen within %s", StartTimeout)
	case <-ctx.Done():
		s.Stop()
		return nil, ctx.Err()
	}
}

// Stop terminates the server (SIGTERM, then SIGKILL after a grace period)
// and waits for it. It is safe to call more than once.
func (s *Server) Stop() {
	s.stopOnce.Do(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(stopGrace):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	})
}

// FindToolsDir finds tools/dynalite in the working directory or a parent
// (tests run in their package folder, make in the repository root).
func FindToolsDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		cand := filepath.Join(dir, "tools", "dynalite")
		if _, err := os.Stat(filepath.Join(cand, "package.json")); err == nil {
			return cand, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("tools/dynalite/package.json not found above the working directory")
		}
		dir = parent
	}
}

// Install runs `npm ci` in dir unless dynalite is already installed there,
// and returns the path of its executable. Concurrent callers (parallel test
// binaries) serialise on a lock file so only one npm runs.
func Install(ctx context.Context, dir string, log io.Writer) (string, error) {
	bin := filepath.Join(dir, "node_modules", ".bin", "dynalite")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".install.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", fmt.Errorf("dynalite install lock: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", fmt.Errorf("dynalite install lock: %w", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	if _, err := os.Stat(bin); err == nil { // installed while we waited
		return bin, nil
	}
	fmt.Fprintln(log, "installing dynalite (npm ci in "+dir+")")
	cmd := exec.CommandContext(ctx, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %w", dir, err)
	}
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("dynalite missing after npm ci: %w", err)
	}
	return bin, nil
}

// freePort asks the OS for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
