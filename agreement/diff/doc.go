// Package diff compares versions of an agreement and applies the
// differences, built on the agreement package's exported model alone.
//
//   - [Diff] matches the entries of every list by identity (parties and
//     clauses by id, events by kind, party and date, commitments by kind,
//     bearer and trigger ...), never by position, and returns typed
//     [Change] values in a [ChangeSet]; [DiffDocuments] adds where each
//     change was written in both files.
//   - Each change has a [Class] (text, temporal, structural, party,
//     commitment, citation, cosmetic) and an [Impact] (major, minor,
//     patch, none), read from one table that holds a rule for every field
//     of the model; changed prose carries a word diff.
//   - [Apply] applies a change set (or its JSON, read back) to the old
//     version and gives the new one, or a [*ConflictError].
//   - [Summary] is the change set's headline facts as data;
//     [ChangeSet.WriteText], [ChangeSet.WriteMarkdown] and
//     [ChangeSet.WriteJSON] render it for a terminal, a pull request and
//     programs.
package diff
