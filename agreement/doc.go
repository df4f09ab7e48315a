// Package agreement is the model of an agreement between parties — a
// treaty, a strategic-partnership deal, a memorandum, a protocol — with
// its loading, its rules and the questions it answers.
//
//   - The model is plain data: [Agreement] with its [Party], [Clause],
//     [Commitment], [CooperationArea], [Timeline] of [Event], [Term],
//     [Relation] and [Source]; dates ([Date]) may be partial or
//     uncertain, as history is.
//   - Loading ([Parse], [Read], [ReadFile], [ReadFS], and [Loader] for
//     other settings) reads YAML or JSON and never fails on a problem in
//     the file: every problem is a [Diagnostic] with a position, a path
//     (package docpath) and a stable [Rule] id, collected in
//     [Diagnostics] and sorted. The error result is for failing to read.
//     [Document.Lookup] gives the line and column of any value.
//   - The rules are declared by area, each in a file with its checks; the
//     README's table lists them all. [Validate] runs them on an
//     agreement built in code.
//   - The questions: [Agreement.StatusOn], [Agreement.Schedule] and
//     [Agreement.EntryIntoForce] for time; [Agreement.SecurityProfile]
//     for the obligations in the manner of the ATOP alliance data, with a
//     verdict on "military alliance" and its reasons;
//     [Agreement.FindClauses], [Agreement.FindCommitments] and
//     [Agreement.FindCooperation] for content; and on a [Set],
//     [Set.Involving], [Set.InForceOn], [Set.Latest].
//   - Writing: [MarshalYAML], [MarshalJSON] and [Format], whose canonical
//     YAML keeps comments and loads back to an equal model.
//
// Comparing versions is package agreement/diff; pictures of the timeline
// are package timeline.
package agreement
