// Command kezhuan-ferretdb runs FerretDB v1 (SQLite backend) embedded as a library.
//
// It is spawned by the Node server as a child process. It exits when its context
// is cancelled: on SIGTERM/SIGINT, or when stdin reaches EOF (the parent died,
// even by kill -9), so no orphan database survives the platform.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	dataDir := flag.String("data", "./data/db", "folder for SQLite files")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF")
	flag.Parse()

	dir, err := filepath.Abs(*dataDir)
	if err != nil {
		fail(err)
	}
	if err = os.MkdirAll(dir, 0o700); err != nil {
		fail(err)
	}

	var level slog.Level
	if err = level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail(err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *watchStdin {
		go func() {
			// Read until EOF: the parent holds the write end of our stdin pipe.
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		Logger:    logger,
	})
	if err != nil {
		fail(err)
	}

	// The parent waits for this line before connecting.
	fmt.Printf("ready %s\n", f.MongoDBURI())

	if err = f.Run(ctx); err != nil && ctx.Err() == nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "kezhuan-ferretdb:", err)
	os.Exit(1)
}
