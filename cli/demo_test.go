package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsterm/newsterm/demo"
)

type stopFunc func() error

func (f stopFunc) Stop() error { return f() }

func TestStopDemoReportsFailureOnce(t *testing.T) {
	readerErr := errors.New("reader: terminal gone")
	stopErr := errors.Join(errors.New("demo: stop server: busy"), errors.New("demo: remove /tmp/x: permission denied"))
	tests := []struct {
		name       string
		stop       error
		reader     error
		wantErr    error
		wantStderr string
	}{
		{"both fine", nil, nil, nil, ""},
		{"reader failed", nil, readerErr, readerErr, ""},
		{"stop failed", stopErr, nil, stopErr, ""},
		{"both failed", stopErr, readerErr, readerErr,
			"newsterm: demo: stop server: busy demo: remove /tmp/x: permission denied\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			a := newApp(strings.NewReader(""), &bytes.Buffer{}, &stderr)
			err := a.stopDemo(stopFunc(func() error { return tt.stop }), tt.reader)
			if err != tt.wantErr {
				t.Errorf("error = %v, want %v", err, tt.wantErr)
			}
			if stderr.String() != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

func TestStopDemoRemovesItsFiles(t *testing.T) {
	env, err := demo.Start()
	if err != nil {
		t.Fatalf("demo.Start: %v", err)
	}
	var stderr bytes.Buffer
	a := newApp(strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if err := a.stopDemo(env, nil); err != nil {
		t.Fatalf("stopDemo: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(env.ConfigPath)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("demo directory still there: %v", err)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr = %q, want nothing", stderr.String())
	}
}
