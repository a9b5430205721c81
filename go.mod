module github.com/sweetspot/sweetspot

go 1.26

tool gotest.tools/gotestsum

require (
	github.com/blevesearch/snowballstem v0.9.0
	golang.org/x/term v0.32.0
)

require (
	github.com/andybalholm/brotli v1.2.0
	github.com/hack-pad/safejs v0.1.0
)

require (
	github.com/bitfield/gotestdox v0.2.2 // indirect
	github.com/dnephin/pflag v1.0.7 // indirect
	github.com/fatih/color v1.18.0 // indirect
	github.com/fsnotify/fsnotify v1.8.0 // indirect
	github.com/google/shlex v0.0.0-20191202100458-e7afc7fbc510 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	golang.org/x/mod v0.25.0 // indirect
	golang.org/x/sync v0.15.0 // indirect
	golang.org/x/sys v0.33.0 // indirect
	golang.org/x/text v0.17.0 // indirect
	golang.org/x/tools v0.34.0 // indirect
	gotest.tools/gotestsum v1.12.3 // indirect
)
