#include "core/store/undo.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <utility>

#include "core/model/entity_json.hpp"
#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"

namespace liaison::core {

namespace {

constexpr std::string_view kUndoPrefix = "undo: ";

bool isUndoNote(const JournalEntry& e) {
  return e.action == "note" && e.summary.compare(0, kUndoPrefix.size(), kUndoPrefix) == 0;
}

std::optional<EntityKind> entityKind(const JournalEntry& e) {
  if (e.action != "put" && e.action != "remove") return std::nullopt;
  return parseEnum<EntityKind>(e.entity);
}

// Put back in this order: what others refer to first.
int restoreRank(EntityKind k) {
  switch (k) {
    case EntityKind::Incident: return 0;
    case EntityKind::OperationalPeriod: return 1;
    case EntityKind::Agency: return 2;
    case EntityKind::MapFeature: return 3;
    case EntityKind::Infrastructure: return 4;
    case EntityKind::Representative: return 5;
    case EntityKind::Task: return 6;
    case EntityKind::Channel: return 7;
    case EntityKind::Need: return 8;
    case EntityKind::Event: return 9;
    case EntityKind::Message: return 10;
    case EntityKind::PublicItem: return 11;
    case EntityKind::Objective: return 12;
  }
  return 13;
}

template <std::size_t I = 0>
std::optional<std::string> currentJson(const Snapshot& s, EntityKind kind, Id id) {
  if constexpr (I == std::variant_size_v<Entity>) {
    return std::nullopt;
  } else {
    if (static_cast<std::size_t>(kind) != I) return currentJson<I + 1>(s, kind, id);
    const auto* p = s.find<std::variant_alternative_t<I, Entity>>(id);
    if (!p) return std::nullopt;
    return entityToJson(Entity(*p));
  }
}

// Consecutive entries of one transaction: same actor, same time; an undo note starts one.
std::vector<std::pair<std::size_t, std::size_t>> groups(const std::vector<JournalEntry>& j,
                                                        const std::set<std::int64_t>& starts) {
  std::vector<std::pair<std::size_t, std::size_t>> out;  // [begin, end)
  for (std::size_t i = 0; i < j.size(); ++i) {
    const bool fresh = i == 0 || j[i].actor != j[i - 1].actor || j[i].time != j[i - 1].time ||
                       j[i].seq != j[i - 1].seq + 1 || isUndoNote(j[i]) ||
                       starts.count(j[i].seq) > 0;
    if (fresh)
      out.emplace_back(i, i + 1);
    else
      out.back().second = i + 1;
  }
  return out;
}

}  // namespace

std::vector<Command> inverseCommands(const std::vector<JournalEntry>& group) {
  std::vector<std::pair<int, Command>> restores;  // stable-sorted by rank below
  std::vector<Command> reverts, removals;
  for (auto it = group.rbegin(); it != group.rend(); ++it) {
    const std::optional<EntityKind> kind = entityKind(*it);
    if (!kind) continue;
    if (it->action == "remove") {
      restores.emplace_back(restoreRank(*kind), put(entityFromJson(*kind, it->before)));
    } else if (it->before.empty()) {
      removals.push_back(remove(*kind, it->entity_id));
    } else {
      reverts.push_back(put(entityFromJson(*kind, it->before)));
    }
  }
  // Within one rank keep journal order (restores were collected latest first).
  std::reverse(restores.begin(), restores.end());
  std::stable_sort(restores.begin(), restores.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Command> out;
  out.reserve(restores.size() + reverts.size() + removals.size());
  for (auto& r : restores) out.push_back(std::move(r.second));
  for (auto& r : reverts) out.push_back(std::move(r));
  for (auto& r : removals) out.push_back(std::move(r));
  return out;
}

std::vector<JournalEntry> lastUndoableGroup(const std::vector<JournalEntry>& journal,
                                            const std::string& actor,
                                            const std::set<std::int64_t>& batch_starts) {
  const auto all = groups(journal, batch_starts);
  std::vector<std::pair<std::int64_t, std::int64_t>> undone;
  for (auto g = all.rbegin(); g != all.rend(); ++g) {
    const JournalEntry& first = journal[g->first];
    if (first.actor != actor) continue;
    if (isUndoNote(first)) {
      if (auto range = parseUndoNote(first.summary)) undone.push_back(*range);
      continue;
    }
    const bool reverted = std::any_of(undone.begin(), undone.end(), [&](const auto& r) {
      return first.seq >= r.first && first.seq <= r.second;
    });
    if (reverted) continue;
    const bool changes = std::any_of(
        journal.begin() + static_cast<std::ptrdiff_t>(g->first),
        journal.begin() + static_cast<std::ptrdiff_t>(g->second),
        [](const JournalEntry& e) { return e.action == "put" || e.action == "remove"; });
    if (!changes) continue;
    return std::vector<JournalEntry>(journal.begin() + static_cast<std::ptrdiff_t>(g->first),
                                     journal.begin() + static_cast<std::ptrdiff_t>(g->second));
  }
  return {};
}

UndoPlan planUndo(const std::vector<JournalEntry>& journal, const Snapshot& current,
                  const std::string& actor, const std::set<std::int64_t>& batch_starts) {
  UndoPlan plan;
  const std::vector<JournalEntry> group = lastUndoableGroup(journal, actor, batch_starts);
  if (group.empty()) {
    plan.refusal = "nothing to undo: no change from this station in the journal";
    return plan;
  }
  plan.first_seq = group.front().seq;
  plan.last_seq = group.back().seq;

  // The state the batch left each entity in (its last entry wins).
  std::map<std::pair<EntityKind, Id>, const JournalEntry*> last;
  const JournalEntry* top = nullptr;
  int changes = 0;
  for (const JournalEntry& e : group) {
    if (e.action == "note") continue;
    const std::optional<EntityKind> kind = entityKind(e);
    if (!kind) {
      plan.refusal = "cannot undo \"" + e.summary + "\" (journal #" + std::to_string(e.seq) +
                     "): only changes to entities can be undone here";
      return plan;
    }
    last[{*kind, e.entity_id}] = &e;
    top = &e;
    ++changes;
  }
  std::string what = top->summary;
  if (changes > 1) what += " and " + std::to_string(changes - 1) + " more";
  plan.summary = "undo: " + what;

  for (const auto& [key, entry] : last) {
    const std::optional<std::string> now = currentJson(current, key.first, key.second);
    const bool same = entry->after.empty() ? !now.has_value() : (now && *now == entry->after);
    if (!same) {
      plan.refusal = "cannot undo \"" + what + "\": " + kindLabel(key.first) + " " +
                     std::to_string(key.second) +
                     " has been changed since; undoing would overwrite that change";
      return plan;
    }
  }
  try {
    plan.commands.push_back(note(undoNote(what, plan.first_seq, plan.last_seq)));
    for (Command& c : inverseCommands(group)) plan.commands.push_back(std::move(c));
  } catch (const std::invalid_argument& e) {
    plan.commands.clear();
    plan.refusal = std::string("cannot undo: ") + e.what();
  }
  return plan;
}

std::string undoNote(const std::string& summary, std::int64_t first_seq, std::int64_t last_seq) {
  std::string range = "#" + std::to_string(first_seq);
  if (last_seq != first_seq) range += "-#" + std::to_string(last_seq);
  return std::string(kUndoPrefix) + summary + " (journal " + range + ")";
}

std::optional<std::pair<std::int64_t, std::int64_t>> parseUndoNote(const std::string& text) {
  if (text.compare(0, kUndoPrefix.size(), kUndoPrefix) != 0) return std::nullopt;
  const std::string tag = " (journal #";
  const std::size_t at = text.rfind(tag);
  if (at == std::string::npos || text.empty() || text.back() != ')') return std::nullopt;
  const std::string range = text.substr(at + tag.size(), text.size() - 1 - at - tag.size());
  try {
    std::size_t used = 0;
    const std::int64_t a = std::stoll(range, &used);
    if (used == range.size()) return std::make_pair(a, a);
    if (range.compare(used, 2, "-#") != 0) return std::nullopt;
    const std::string rest = range.substr(used + 2);
    std::size_t used2 = 0;
    const std::int64_t b = std::stoll(rest, &used2);
    if (used2 != rest.size() || b < a) return std::nullopt;
    return std::make_pair(a, b);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace liaison::core
