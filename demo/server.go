package demo

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// bundle holds the demo's feeds, pages and photos. Links inside them are
// relative, so they resolve against whatever port the server gets.
//
//go:embed bundle
var bundle embed.FS

// bundleModified is the Last-Modified date of every bundled file: fixed,
// so conditional GET works across refreshes within one demo run.
var bundleModified = time.Date(2026, time.November, 28, 7, 15, 0, 0, time.UTC)

// contentTypes maps each bundled file's extension to the type it is
// served with; a file with any other extension is a build mistake.
var contentTypes = map[string]string{
	".rss":  "application/rss+xml; charset=utf-8",
	".atom": "application/atom+xml; charset=utf-8",
	".json": "application/feed+json; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".jpg":  "image/jpeg",
}

// bundledFile is one file ready to serve.
type bundledFile struct {
	data        []byte
	contentType string
	etag        string
}

// loadBundle reads every embedded file, keyed by its path below bundle/.
func loadBundle() (map[string]bundledFile, error) {
	root, err := fs.Sub(bundle, "bundle")
	if err != nil {
		return nil, fmt.Errorf("demo: open bundle: %w", err)
	}
	files := map[string]bundledFile{}
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ctype, ok := contentTypes[path.Ext(name)]
		if !ok {
			return fmt.Errorf("no content type for %s", name)
		}
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		files[name] = bundledFile{data: data, contentType: ctype, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("demo: read bundle: %w", err)
	}
	return files, nil
}

// bundleHandler serves the bundle read-only, with validators so that a
// second refresh gets 304 Not Modified.
type bundleHandler struct {
	files map[string]bundledFile
}

func (h bundleHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "the newsterm demo server is read-only", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	f, ok := h.files[name]
	if !ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, notFoundPage)
		return
	}
	w.Header().Set("Content-Type", f.contentType)
	w.Header().Set("ETag", f.etag)
	http.ServeContent(w, r, name, bundleModified, bytes.NewReader(f.data))
}

// notFoundPage answers links to pages the bundle does not carry (a story's
// web page when its feed already holds the whole text, site sections).
const notFoundPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Not in the demo</title></head>
<body><h1>Not in the demo</h1>
<p>This page is not part of the newsterm demo bundle. The demo serves its feeds
and a few article pages from your own machine; everything else is left out.</p>
<p><a href="/">The demo's feeds</a></p></body></html>
`
