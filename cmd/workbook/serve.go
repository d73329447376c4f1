package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"workbook/generator/serve"
)

// runServe previews the site: it builds into memory, serves it and
// rebuilds on every save until Ctrl-C. The work is in generator/serve.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [--config FILE] [--addr HOST:PORT] [--open] [--poll DURATION]", stderr)
	var p projectFlags
	p.register(fs)
	addr := fs.String("addr", serve.DefaultAddr, "the address to serve on; anything but 127.0.0.1 or localhost makes drafts visible to other computers")
	open := fs.Bool("open", false, "open the site in the default browser")
	poll := fs.Duration("poll", 0, "look for changes this often (e.g. 500ms) instead of waiting for file events, which network shares may not deliver")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		// After the first Ctrl-C the server shuts down cleanly; a second
		// one ends the program at once, as a user pressing it expects.
		<-ctx.Done()
		stop()
	}()
	err := serve.Serve(ctx, serve.Options{
		ConfigFile: p.config,
		Addr:       *addr,
		Poll:       *poll,
		Open:       *open,
		Stdout:     stdout,
		Stderr:     stderr,
	})
	if err != nil {
		printError(stderr, "serve", err)
		return 1
	}
	fmt.Fprintln(stdout, "Stopped.")
	return 0
}
