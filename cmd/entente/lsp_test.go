package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente-go/entente/internal/golden"
)

// TestNeovim drives entente lsp from a real editor: headless Neovim with
// its built-in LSP client (testdata/neovim.lua) opens a copy of the
// example treaty beside the agreement it cites, misspells a clause id,
// reads the finding back at its line and column, asks for a hover and a
// definition, mends the fault and sees the finding go.
func TestNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	needTool(t, "nvim")
	bin := build(t)
	dir := t.TempDir()
	for _, name := range []string{"ir-ru-csp-2025.yaml", "ir-ru-2001.yaml"} {
		src, err := os.ReadFile(filepath.Join("../../examples/agreements", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "ir-ru-csp-2025.yaml")
	src, _ := os.ReadFile(file)
	lines := strings.Split(string(src), "\n")
	// The fault goes on the first line that uses trade-investment; the
	// hover and the definition are asked on the second.
	var uses []int
	for i, l := range lines {
		if strings.Contains(l, "clauses: [trade-investment]") {
			uses = append(uses, i)
		}
	}
	if len(uses) < 2 {
		t.Fatalf("the example uses trade-investment %d times", len(uses))
	}
	faultCol := strings.Index(lines[uses[0]], "trade-investment")
	askCol := strings.Index(lines[uses[1]], "trade-investment") + 3
	defLine := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "- id: trade-investment" {
			defLine = i
		}
	}

	out := filepath.Join(dir, "seen.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	// The set-up is docs/editors.md's own, read from the page.
	init := filepath.Join(dir, "init.lua")
	if err := os.WriteFile(init, []byte(neovimSetUp(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "nvim", "--headless", "-u", init, "-i", "NONE", "-c", "luafile testdata/neovim.lua")
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir,
		"PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"ENTENTE_FILE="+file, "ENTENTE_BIN="+bin, "ENTENTE_OUT="+out,
		"ENTENTE_LINE="+strconv.Itoa(uses[0]+1), "ENTENTE_GOOD=trade-investment", "ENTENTE_BAD=trade-investmnt",
		"ENTENTE_ASK="+strconv.Itoa(uses[1]), "ENTENTE_CHAR="+strconv.Itoa(askCol))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	seen, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("Neovim wrote nothing: %v", err)
	}
	facts := map[string][]string{}
	var diags [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(seen)), "\n") {
		f := strings.Split(l, "\t")
		if f[0] == "diagnostic" {
			diags = append(diags, f[1:])
		}
		facts[f[0]] = f[1:]
	}
	t.Logf("Neovim saw:\n%s", seen)
	if facts["attached"][0] != "true" || facts["initialized"][0] != "true" || facts["fault-seen"][0] != "true" {
		t.Fatalf("the client did not start, or saw no finding for the fault")
	}
	want := []string{strconv.Itoa(uses[0]), strconv.Itoa(faultCol), strconv.Itoa(faultCol + len("trade-investmnt")), "1", "ref.clause"}
	found := false
	for _, d := range diags {
		if d[4] == "ref.clause" {
			found = true
			if strings.Join(d[:5], " ") != strings.Join(want, " ") {
				t.Errorf("the finding is at line, col, end col, severity, rule %v; want %v", d[:5], want)
			}
			if !strings.Contains(d[5], `"trade-investment"`) {
				t.Errorf("the finding does not propose the id: %q", d[5])
			}
		}
	}
	if !found {
		t.Errorf("no ref.clause finding: %v", diags)
	}
	if h := strings.Join(facts["hover"], " "); !strings.Contains(h, "Trade and investment") {
		t.Errorf("hover: %q", h)
	}
	wantDef := []string{strconv.Itoa(defLine), strconv.Itoa(strings.Index(lines[defLine], "trade-investment")),
		strconv.Itoa(strings.Index(lines[defLine], "trade-investment") + len("trade-investment"))}
	if got := facts["definition"]; strings.Join(got, " ") != strings.Join(wantDef, " ") {
		t.Errorf("definition at %v, want %v", got, wantDef)
	}
	if facts["cleared"][0] != "true" || facts["after-fix"][0] != "0" {
		t.Errorf("after the fix: cleared %v, findings %v", facts["cleared"], facts["after-fix"])
	}
}

// neovimSetUp returns the Lua block of docs/editors.md that follows its
// neovim-0.7 marker.
func neovimSetUp(t *testing.T) string {
	return golden.DocBlock(t, "../../docs/editors.md", "<!-- neovim-0.7", "lua")
}
