// Command loop runs one stage of loading on a file, over and over, for
// counting instructions with callgrind or sampling with a CPU profile:
//
//	loop [-cpuprofile FILE] STAGE FILE N
//
// STAGE is parse-full (go-yaml's node tree), parse (the reader the loader
// uses) or load (the whole load). The file is loaded once before the loop,
// so that the schema is compiled and the tables built outside it; a run
// with N=0 measures that, to be subtracted.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"

	"github.com/entente-go/entente/agreement"
	"github.com/entente-go/entente/internal/yamlnode"
)

func main() {
	profile := flag.String("cpuprofile", "", "write a CPU profile of the loop to `file`")
	flag.Parse()
	if err := run(*profile, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "loop:", err)
		os.Exit(2)
	}
}

func run(profile string, args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: loop [-cpuprofile FILE] parse-full|parse|load FILE N")
	}
	stages := map[string]func([]byte){
		"parse-full": func(src []byte) { yamlnode.ParseDocument(src) },
		"parse":      func(src []byte) { yamlnode.Parse(src) },
		"load":       func(src []byte) { agreement.Parse("loop", src) },
	}
	stage, ok := stages[args[0]]
	if !ok {
		return fmt.Errorf("unknown stage %q", args[0])
	}
	src, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(args[2])
	if err != nil || n < 0 {
		return fmt.Errorf("N must be a count, not %q", args[2])
	}
	agreement.Parse("warm", src)
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for range n {
		stage(src)
	}
	return nil
}
