// Public information items through their workflow, as commands (the one way anything changes:
// the command line and the dashboard's panel both apply what these return), and the public
// view: only what was released, for a call-taker's screen or the wall.
//
// Times are operational (core/exercise/operational_clock.hpp): the exercise clock during a
// drill, so a drill's releases carry the drill's time. publicNow() gives it for a store.
#pragma once

#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

class Store;

// The operational time of the workspace now (the exercise clock while a drill runs).
TimeUtc publicNow(const Store& store, const Snapshot& snapshot);

// The item, or a std::runtime_error naming the ids there are.
const PublicItem& publicItem(const Snapshot& s, Id id);

// Each returns the commands of one step; the store refuses an illegal one (ValidationError).
std::vector<Command> publicCheck(const Snapshot& s, Id item, Id checked_by);
std::vector<Command> publicApprove(const Snapshot& s, Id item, Id approved_by, TimeUtc now);
// Fills the placeholders at `now` (EXERCISE-framed in an exercise), sets the channel and the
// time; the item it supersedes turns superseded in the same batch.
std::vector<Command> publicRelease(const Snapshot& s, Id item, const std::string& channel,
                                   TimeUtc now);
// A new draft (version + 1) with the released item's text, superseding it once released.
std::vector<Command> publicSupersede(const Snapshot& s, Id item);
std::vector<Command> publicCancel(const Snapshot& s, Id item);
// Checked or approved back to draft (to edit the text).
std::vector<Command> publicRedraft(const Snapshot& s, Id item);

// The items in id order, with the latest version of each chain last.
std::vector<const PublicItem*> releasedItems(const Snapshot& s);

// A self-contained HTML page of the released items in force (newest first; superseded and
// cancelled ones listed below as such), EXERCISE on every item in an exercise.
std::string publicViewHtml(const Snapshot& s, TimeUtc now);

// ---- CAP 1.2 ------------------------------------------------------------------------------

struct CapAlert;

// A released (or cancelled after release) public alert as a CAP 1.2 alert: status Exercise in
// an exercise, msgType Alert, Update (it supersedes another; references it) or Cancel
// (references the alert it cancels), scope Public, one info block, its area from the map
// feature (a polygon, or a point with a radius_km property as a circle).
CapAlert capAlertOf(const Snapshot& s, const PublicItem& item, const std::string& sender);
// The public alerts a CAP export writes: those released (in force) or cancelled after release.
std::vector<const PublicItem*> capItems(const Snapshot& s);
// The validated XML of one item (writeCapXml). Throws std::runtime_error when the item is not
// a released public alert.
std::string capXml(const Snapshot& s, Id item, const std::string& sender);

}  // namespace liaison::core
