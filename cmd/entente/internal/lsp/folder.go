package lsp

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/regular"
)

// The workspace folders: their files are part of the set beside the open
// ones, read once, and again when the client says one has changed.

// maxFolderFiles bounds the files of the workspace loaded beside the
// open files.
const maxFolderFiles = 10_000

// loadFolders loads the files of the workspace folders, once.
func (s *server) loadFolders() {
	if s.loaded {
		return
	}
	s.loaded = true
	if s.opts.Files == nil {
		return
	}
	loader := s.opts.Loader
	loader.ModelsOnly = true
	for _, folder := range s.folders {
		names, err := s.opts.Files(folder)
		if err != nil {
			s.log("the folder " + folder + " is not read: " + err.Error())
			continue
		}
		for _, name := range names {
			if len(s.folder) >= maxFolderFiles {
				s.log(fmt.Sprintf("the folder %s has more than %d files; the rest are left out", folder, maxFolderFiles))
				return
			}
			if doc, err := loader.ReadFile(name); err == nil && doc.IsAgreement() {
				s.folder[name] = doc
			}
		}
	}
}

// fileChanged takes in a file of a folder made, changed or (gone)
// removed on disk while the session runs.
func (s *server) fileChanged(uri string, gone bool) {
	path, ok := filePath(uri)
	if !ok || !s.loaded || !slices.ContainsFunc(s.folders, func(f string) bool { return within(f, path) }) {
		return // before the folders are loaded, they will be read as they are
	}
	keeps := s.opts.Keeps
	if keeps == nil {
		keeps = agreement.IsAgreementFile
	}
	delete(s.folder, path)
	if !gone && keeps(path) {
		loader := s.opts.Loader
		loader.ModelsOnly = true
		if doc, err := loader.ReadFile(path); err == nil && doc.IsAgreement() {
			s.folder[path] = doc
		}
	}
	s.dirty = true
}

// within reports whether path is in the folder dir.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// reload reads a file of the folder again from disk.
func (s *server) reload(uri string) {
	path, ok := filePath(uri)
	if !ok {
		return
	}
	if _, known := s.folder[path]; !known {
		return
	}
	loader := s.opts.Loader
	loader.ModelsOnly = true
	if doc, err := loader.ReadFile(path); err == nil && doc.IsAgreement() {
		s.folder[path] = doc
	} else {
		delete(s.folder, path)
	}
}

// fileName is the name findings use for a document: its path for a file
// URI, else the URI itself.
func fileName(uri string) string {
	if path, ok := filePath(uri); ok {
		return path
	}
	return uri
}

// filePath is the path of a file URI.
func filePath(uri string) (string, bool) {
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" && u.Path != "" {
		return filepath.FromSlash(u.Path), true
	}
	return "", false
}

// fileURI is the URI of a file's path (a document's name); a name that
// is not a path is a URI already.
func fileURI(name string) string {
	if !filepath.IsAbs(name) {
		return name
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()
}

// readFile reads a file of the folder for the positions of a finding or
// a location in it, within the loader's limit.
func readFile(name string) ([]byte, error) {
	f, err := regular.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, agreement.DefaultMaxBytes))
}
