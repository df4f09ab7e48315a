// Package examples holds the example agreements (examples/agreements) and
// the runnable programs that use them: questions, summary, diff and
// quickstart. Its test checks that every example agreement loads clean
// and that the codes it uses exist in the registries.
//
// It is a module of its own, so that installing the command (go install
// ./... at the root, as pre-commit does) does not install these programs
// too. From the root of the repository:
//
//	go -C examples run ./questions
//	go -C examples test ./...
package examples
