// Commands: the only way anything changes in a workspace. A command is a value; the Store
// applies it in one SQLite transaction together with its journal entry.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core {

// Insert (id == 0: the store allocates the next id; id > 0 and absent: insert with that id)
// or replace the entity with the same id.
struct PutEntity {
  Entity value;
};

// Remove an entity. Removing an agency removes its representatives, their channels and the
// agency's channels and needs (each recorded in the journal).
struct RemoveEntity {
  EntityKind kind = EntityKind::Agency;
  Id id = 0;
};

// A free-text activity-log entry (ICS 214 "notable activity") that changes no data.
struct LogNote {
  std::string text;
};

struct Command {
  std::variant<PutEntity, RemoveEntity, LogNote> op;
};

inline Command put(Entity e) { return Command{PutEntity{std::move(e)}}; }
inline Command remove(EntityKind k, Id id) { return Command{RemoveEntity{k, id}}; }
inline Command note(std::string text) { return Command{LogNote{std::move(text)}}; }

}  // namespace liaison::core
