// Undo of a station's last change, computed from the activity journal alone: the entries of
// one applied batch carry each entity's JSON before and after (journal.hpp), which is all the
// inverse needs. The undo is itself an ordinary, journaled batch: a note "undo: ..." naming
// the journal entries it reverts, then the inverse puts and removes.
//
// Grouping: the journal has no transaction id, so a batch is recognised as the run of
// consecutive entries with the same actor and the same time (the store stamps every entry of
// one transaction with one time, and transactions never interleave). An undo note starts a
// new group, and so does every seq in `batch_starts`: the first_seq of the batches this
// station applied (ApplyResult), which separates two batches made within the same second.
// Without it (after a restart), two such batches count as one.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/store/journal.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// The inverse of a batch's entries (in journal order), to apply as one batch:
// removed entities are put back (agencies before their representatives, representatives
// before their channels, ...), changed ones get their `before` back (latest change first), and
// added ones are removed (latest first). Notes and records that are not entities are ignored.
// Throws std::invalid_argument when an entry's JSON cannot be read.
std::vector<Command> inverseCommands(const std::vector<JournalEntry>& group);

// The journal entries of the most recent batch by `actor` that changed an entity and has not
// been undone yet (undo batches are skipped, and so is what they reverted); empty when there
// is none.
std::vector<JournalEntry> lastUndoableGroup(const std::vector<JournalEntry>& journal,
                                            const std::string& actor,
                                            const std::set<std::int64_t>& batch_starts = {});

struct UndoPlan {
  std::int64_t first_seq = 0, last_seq = 0;  // the journal entries reverted
  std::string summary;                        // "undo: Changed representative 104: name ..."
  std::vector<Command> commands;              // the note, then the inverse commands
  // Empty when the plan may be applied; otherwise why not (nothing to undo, or an entity the
  // change touched has been changed since, by this or another station).
  std::string refusal;
  bool ok() const { return refusal.empty(); }
};

// The undo of actor's last change, checked against the current state: every entity the batch
// touched must still be as the batch left it, so an undo never overwrites a later change.
UndoPlan planUndo(const std::vector<JournalEntry>& journal, const Snapshot& current,
                  const std::string& actor, const std::set<std::int64_t>& batch_starts = {});

// The note text that starts an undo batch, and its parse (the reverted seq range).
std::string undoNote(const std::string& summary, std::int64_t first_seq, std::int64_t last_seq);
std::optional<std::pair<std::int64_t, std::int64_t>> parseUndoNote(const std::string& text);

}  // namespace liaison::core
