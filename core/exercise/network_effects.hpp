// What an inject's network effect does to the workspace, in one place for the drill (which
// applies effects on delivery and undoes them on reset) and the AAR (which replays the network
// as it was at each inject): the state it changes is kept as text ("up", "true", ...) so
// that undoing an effect restores exactly what was there.
#pragma once

#include <optional>
#include <string>

#include "core/model/exercise.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

// The target's current state as the effect will record it (nullopt when the target is gone).
std::optional<std::string> effectStateBefore(const Snapshot& snapshot, const NetworkEffect& e);

// The target after the effect (nullopt when it is gone or the effect is empty).
std::optional<Entity> applyEffect(const Snapshot& snapshot, const NetworkEffect& e);

// The target with the state `before` (as effectStateBefore recorded it) put back.
std::optional<Entity> undoEffect(const Snapshot& snapshot, const NetworkEffect& e,
                                 const std::string& before);

// The same on a snapshot copy, in place (time travel).
void undoEffectIn(Snapshot& snapshot, const NetworkEffect& e, const std::string& before);

}  // namespace liaison::core
