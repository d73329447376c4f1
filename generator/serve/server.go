package serve

import (
	"bytes"
	"embed"
	"html"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
	"workbook/generator/i18n"
	"workbook/generator/sitepath"
)

// assets are the preview's own files: the reload script and the banner's
// stylesheet.
//
//go:embed assets
var assets embed.FS

// ServeHTTP serves the current build from memory. Only names present in
// the build are served, so no request can reach a file on disk, however
// it spells "..", and only to requests for this server's own host names,
// so no other web site can read them (see hosts). Every response says Cache-Control: no-store, so the
// browser never shows a page from before the last save.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	// The server only answers GET and HEAD, which have no body. A request
	// with one (declared or chunked) is answered at once and its
	// connection closed without reading a byte of the body: reading it
	// would let a client send gigabytes, and waiting for it, as net/http
	// does by default before it answers, would let a client that declares
	// a body and never sends it hold its connection, and the server's
	// shutdown, for ever (there is no read timeout, which would also end
	// the event streams).
	body := r.ContentLength != 0
	if body {
		h.Set("Connection", "close")
		http.NewResponseController(w).SetReadDeadline(time.Now()) // not supported by a test recorder, which reads nothing anyway
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	if body {
		http.Error(w, "a GET or HEAD request has no body", http.StatusRequestEntityTooLarge)
		return
	}
	if !s.hosts.allowed(r.Host) {
		refuseHost(w)
		return
	}
	name, ok := sitePath(r)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if strings.HasPrefix(name, ownPrefix) {
		s.serveOwn(w, r, strings.TrimPrefix(name, ownPrefix))
		return
	}
	st := s.state.Load()
	if st.build == nil {
		s.servePage(w, r, st, "", []byte(placeholder(st.words)), http.StatusInternalServerError)
		return
	}
	data, found := st.build.files.Get(name)
	if !found {
		if _, dir := st.build.files.Get(name + "/index.html"); dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusFound)
			return
		}
		s.notFound(w, r, st)
		return
	}
	if path.Ext(name) == ".html" {
		s.servePage(w, r, st, name, data, http.StatusOK)
		return
	}
	serveBytes(w, r, name, data, http.StatusOK)
}

// sitePath maps a request to the name of a file in the build: the path
// decoded once, "index.html" for a folder. It refuses (ok false) any path
// with a "." or ".." segment, an empty segment, a backslash, a NUL or an
// encoded slash or backslash, so a traversal attempt gets 400 rather
// than a guess at what it meant. Encodings that survive one decoding
// ("%2e" from "%252e") are taken literally: no file has such a name, so
// they get 404.
func sitePath(r *http.Request) (string, bool) {
	p := r.URL.Path
	esc := strings.ToLower(r.URL.EscapedPath())
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") ||
		strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") {
		return "", false
	}
	name := p[1:]
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	for _, seg := range strings.Split(name, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	return name, true
}

// notFound serves the site's own 404 page, or a plain one if it has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	if page, ok := st.build.files.Get(sitepath.NotFound); ok {
		s.servePage(w, r, st, sitepath.NotFound, page, http.StatusNotFound)
		return
	}
	http.Error(w, "404 page not found", http.StatusNotFound)
}

// pageCSP is the Content-Security-Policy of every page the preview serves:
// the policy the site promises to work under, so a theme that breaks it
// shows up while it is being written, not once it is hosted.
const pageCSP = "default-src 'self'"

// servePage serves an HTML page with the preview's tags and, while the
// latest rebuild has failed, the banner.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, st *state, name string, page []byte, code int) {
	w.Header().Set("Content-Security-Policy", pageCSP)
	serveBytes(w, r, "page.html", inject(page, headTags(st, name), bannerHTML(st)), code)
}

// serveBytes writes one file. A 200 goes through http.ServeContent, which
// answers range requests (PDF viewers fetch pages by range) and HEAD.
func serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte, code int) {
	w.Header().Set("Content-Type", contentType(name, data))
	if code == http.StatusOK {
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// contentType is the Content-Type of a file of the site, by extension:
// fixed here for the files a site holds rather than taken from the
// machine's MIME database, which differs between systems and lacks some
// (woff2, webmanifest); the database, then sniffing, for anything else.
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".pdf":
		return "application/pdf"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	case ".otf":
		return "font/otf"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// serveOwn serves the preview's own files under /__workbook/.
func (s *Server) serveOwn(w http.ResponseWriter, r *http.Request, name string) {
	switch {
	case name == "events":
		s.serveEvents(w, r)
	case name == "reload.js" || name == "banner.css":
		b, err := assets.ReadFile("assets/" + name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		serveBytes(w, r, name, b, http.StatusOK)
	case strings.HasPrefix(name, "pdf/"):
		s.servePDFPreview(w, r, strings.TrimPrefix(name, "pdf/"))
	case strings.HasPrefix(name, sourcePrefix):
		s.serveSource(w, r, strings.TrimPrefix(name, sourcePrefix))
	default:
		http.NotFound(w, r)
	}
}

// servePDFPreview serves a page that shows one workbook PDF in a frame
// and reloads it whenever that PDF changes: the browser's PDF viewer
// cannot run the reload script itself. reload.js sends clicks on PDF
// links here.
func (s *Server) servePDFPreview(w http.ResponseWriter, r *http.Request, name string) {
	st := s.state.Load()
	if st.build == nil {
		s.servePage(w, r, st, "", []byte(placeholder(st.words)), http.StatusInternalServerError)
		return
	}
	if _, ok := st.build.files.Get(name); !ok || path.Ext(name) != ".pdf" {
		s.notFound(w, r, st)
		return
	}
	src := html.EscapeString("/" + name)
	words := st.words
	page := `<!doctype html><html lang="` + html.EscapeString(words.Lang()) + `"><head><meta charset="utf-8">` +
		`<title>` + html.EscapeString(words.T("preview.source_title", "file", path.Base(name))) + `</title></head>` +
		`<body class="workbook-pdf"><p class="workbook-pdf__bar">` + html.EscapeString(words.T("preview.pdf_bar_before")) + ` <a href="` + src + `">` + html.EscapeString(name) +
		`</a> ` + html.EscapeString(words.T("preview.pdf_bar_after")) + `</p>` +
		`<iframe class="workbook-pdf__frame" src="` + src + `" title="` + html.EscapeString(name) + `"></iframe></body></html>`
	s.servePage(w, r, st, name, []byte(page), http.StatusOK)
}

// placeholder is the page served before the first good build: the banner
// (added to it like to any page) says what to fix.
func placeholder(w *i18n.Catalog) string {
	title := html.EscapeString(w.T("preview.not_built_title"))
	return `<!doctype html><html lang="` + html.EscapeString(w.Lang()) + `"><head><meta charset="utf-8">` +
		`<title>` + title + `</title></head><body class="workbook-placeholder">` +
		`<main><h1>` + title + `</h1></main></body></html>`
}
