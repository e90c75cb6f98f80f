// The exercise's records in the workspace (schema v2 tables injects, inject_state,
// exercise_clock, observations): read them all into an ExerciseState, and write them inside a
// Store::transact() transaction with one journal entry per change (entity "inject",
// "exercise_clock" or "observation", before/after as JSON).
#pragma once

#include <string>
#include <vector>

#include "core/model/exercise.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

// Everything about the exercise (works on a read-only store too, and inside a transact body).
// It reads through Store::handle(), outside the store's own lock: call it from the thread that
// uses the store (e.g. where the snapshot follower calls Store::load()).
ExerciseState loadExercise(const Store& store);

// Replaces the whole MSEL: the injects, their states (back to pending) keep nothing of the
// previous script. Journals one entry per inject removed, added or changed.
void writeMsel(Transaction& txn, const std::vector<Inject>& injects);

// Writes one inject's status; the journal entry's summary is `summary`.
// The store's rules for an inject's state, whoever writes it, checked inside the write
// transaction (which SQLite serialises): an inject is delivered at most once (until a reset
// sets it back to pending), and an inject already acknowledged is not marked overdue. A second
// exercise controller working from a state it read before the first one wrote gets
// StaleInjectState, and nothing of its transaction is written.
class StaleInjectState : public StoreError {
 public:
  using StoreError::StoreError;
};
void writeInjectStatus(Transaction& txn, const InjectStatus& status, const std::string& summary);

void writeClock(Transaction& txn, const ExerciseClock& clock, const std::string& summary);

// Inserts (id 0: allocated) an observation; returns its id.
Id writeObservation(Transaction& txn, Observation observation);

std::string injectJson(const Inject& i);
std::string injectStatusJson(const InjectStatus& s);
std::string clockJson(const ExerciseClock& c);
std::string observationJson(const Observation& o);

}  // namespace liaison::core
