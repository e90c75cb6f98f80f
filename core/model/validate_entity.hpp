// The rules an entity must keep, as a list of problems per field. One set of rules for two
// users: the store (store_validate.cpp) throws ValidationError on the first problem before it
// writes anything, and the directory editor shows every problem next to its field before it
// emits a command. The rest of the workspace is reached through EntityLookup, so the same
// rules run against the rows inside a store transaction or against a Snapshot.
#pragma once

#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// One broken rule: the field ("name", "contacts[1].value", "reliability") and what is wrong
// with it, including what would be valid ("is 1.5; it must be between 0 and 1").
struct FieldProblem {
  std::string field;
  std::string problem;
  std::string text() const { return field + " " + problem; }
  bool operator==(const FieldProblem&) const = default;
};

// What the rules need to know about the rest of the workspace.
class EntityLookup {
 public:
  virtual ~EntityLookup() = default;
  virtual bool exists(EntityKind kind, Id id) const = 0;
  // The id of an agency other than `except` whose code is `code`, or 0.
  virtual Id agencyWithCode(const std::string& code, Id except) const = 0;
};

// The rules against an immutable snapshot (the editor's view of the workspace).
class SnapshotLookup final : public EntityLookup {
 public:
  explicit SnapshotLookup(const Snapshot& s) : m_snapshot(s) {}
  bool exists(EntityKind kind, Id id) const override;
  Id agencyWithCode(const std::string& code, Id except) const override;

 private:
  const Snapshot& m_snapshot;
};

// Every problem of e, in field order; empty when e may be written. The id is not checked
// (0 means "allocate one"), nor are a task's dependencies (see validateTaskDependencies).
std::vector<FieldProblem> entityProblems(const EntityLookup& lookup, const Entity& e);

// The problems of one field (exact name, or its sub-fields: "contacts" matches
// "contacts[0].value"), joined with "; ". Empty when it has none.
std::string problemsOf(const std::vector<FieldProblem>& problems, const std::string& field);

// "representative 104 (Dana Whitfield): name is empty; it needs a value", as the store says it.
std::string describeProblem(const Entity& e, const FieldProblem& p);

}  // namespace liaison::core
