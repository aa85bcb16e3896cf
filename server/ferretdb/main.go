// Command kezhuan-ferretdb runs FerretDB v2 embedded as a library, on a PostgreSQL server with
// the DocumentDB extension (the platform's managed cluster, see server/src/supervisor/postgres.ts).
//
// It is spawned by the Node server as a child process. It exits when its context is cancelled:
// on SIGTERM/SIGINT, or when stdin reaches EOF (the parent died, even by kill -9), so no orphan
// survives the platform. The PostgreSQL URL (it holds a password) is read from the environment
// variable KEZHUAN_PG_URL rather than argv, so it does not show in the process list.
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
	"time"

	"github.com/FerretDB/FerretDB/v2/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0: any free port)")
	stateDir := flag.String("state", "./data/ferretdb", "folder for FerretDB's state file")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when stdin reaches EOF")
	flag.Parse()

	pgURL := os.Getenv("KEZHUAN_PG_URL")
	if pgURL == "" {
		fail(fmt.Errorf("KEZHUAN_PG_URL (the PostgreSQL URL) is not set"))
	}

	dir, err := filepath.Abs(*stateDir)
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

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *watchStdin {
		go func() {
			// Read until EOF: the parent holds the write end of our stdin pipe.
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	telemetry := false
	f, err := ferretdb.New(&ferretdb.Config{
		PostgreSQLURL: pgURL,
		ListenAddr:    *listen,
		StateDir:      dir,
		LogLevel:      level,
		LogOutput:     os.Stderr,
		Telemetry:     &telemetry,
	})
	if err != nil {
		fail(err)
	}

	done := make(chan struct{})
	go func() {
		f.Run(ctx)
		close(done)
	}()

	// MongoDBURI blocks until the listener is up; Run returning first means start-up failed.
	uri := make(chan string, 1)
	go func() { uri <- f.MongoDBURI() }()
	select {
	case u := <-uri:
		// The parent waits for this line before connecting.
		fmt.Printf("ready %s\n", u)
	case <-done:
		if ctx.Err() == nil {
			fail(fmt.Errorf("FerretDB stopped during start-up"))
		}
		return
	case <-time.After(60 * time.Second):
		fail(fmt.Errorf("FerretDB was not listening after 60 s"))
	}

	<-done
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "kezhuan-ferretdb:", err)
	os.Exit(1)
}
