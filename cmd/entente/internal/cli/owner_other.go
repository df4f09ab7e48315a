//go:build !unix

package cli

import "os"

func links(os.FileInfo) uint64 { return 1 }

func keepOwner(string, os.FileInfo) {}

func mayReplace(string, os.FileInfo) error { return nil }
