package regular

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(file, []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	type row struct {
		name, path string
		regular    bool
	}
	tests := []row{
		{"a regular file", file, true},
		{"a link to a regular file is followed", link, true},
		{"a folder", dir, false},
		{"a device", os.DevNull, false},
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "fifo.yaml")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		fifoLink := filepath.Join(dir, "fifo-link.yaml")
		if err := os.Symlink(fifo, fifoLink); err != nil {
			t.Fatal(err)
		}
		tests = append(tests,
			row{"a named pipe with no writer", fifo, false},
			row{"a link to a named pipe", fifoLink, false},
			row{"standard input", "/dev/stdin", false})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(tt.path, 1<<20)
				done <- err
			}()
			select {
			case err := <-done:
				if tt.regular && err != nil {
					t.Fatalf("ReadFile(%s) = %v, want it read", tt.path, err)
				}
				if !tt.regular && !errors.Is(err, ErrNotRegular) && !errors.Is(err, syscall.EISDIR) {
					t.Fatalf("ReadFile(%s) = %v, want ErrNotRegular", tt.path, err)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("ReadFile(%s) did not return: it waits on what it should refuse", tt.path)
			}
		})
	}
}

func TestReadFileLimit(t *testing.T) {
	file := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(file, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(file, 99); err == nil {
		t.Error("a file of 100 bytes was read under a limit of 99")
	}
	if src, err := ReadFile(file, 100); err != nil || len(src) != 100 {
		t.Errorf("ReadFile under a limit of its size = %d bytes, %v", len(src), err)
	}
}
