// Command entente validates, compares and summarises agreement files.
//
//	entente validate [flags] PATH...
//
// Run `entente help` for the commands and their flags.
package main

import (
	"os"

	"github.com/entente-go/entente/cmd/entente/internal/cli"
)

func main() {
	cmd := cli.Command{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Getwd: os.Getwd, IsTerminal: cli.Terminal(os.Stdout),
		IsErrTerminal: cli.Terminal(os.Stderr)}
	os.Exit(cmd.Main(os.Args))
}
