// Package examples holds the example agreements (examples/agreements) and
// the runnable programs that use them: questions, summary, diff and
// quickstart. Its test checks that every example agreement loads clean
// and that the codes it uses exist in the registries.
package examples
