#include "change_tracker.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/enums.hpp"

namespace liaison::app {
namespace {

std::string agencyCode(const core::Snapshot& s, core::Id id) {
  const core::Agency* a = s.agency(id);
  if (!a) return "?";
  return a->code.empty() ? a->name : a->code;
}

// A channel named by its ends (agency codes, or person and agency) — never by its identifier,
// which may be a phone number.
std::string channelName(const core::Snapshot& s, const core::Channel& c) {
  if (!c.betweenReps())
    return agencyCode(s, c.from_agency) + " \xE2\x80\x93 " + agencyCode(s, c.to_agency);
  auto end = [&](core::Id rep) {
    const core::Representative* r = s.representative(rep);
    return r ? agencyCode(s, r->agency) + " " + r->name : std::string("?");
  };
  return end(c.from_rep) + " \xE2\x80\x93 " + end(c.to_rep);
}

std::string upper(std::string_view v) {
  std::string s(v);
  for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

std::vector<Change> diffSnapshots(const core::Snapshot& before, const core::Snapshot& after) {
  std::vector<Change> out;
  for (const auto& e : after.events)
    if (!before.event(e.id))
      out.push_back({ChangeKind::NewEvent, e.id,
                     "New " + std::string(core::toString(e.kind)) + ": " + e.text,
                     e.kind == core::EventKind::Alert});
  for (const auto& t : after.tasks) {
    const core::Task* old = before.task(t.id);
    if (!old) {
      out.push_back({ChangeKind::NewTask, t.id, "New task: " + t.title, false});
    } else if (old->status != t.status) {
      out.push_back({ChangeKind::TaskStatus, t.id,
                     "Task " + upper(core::toString(old->status)) + " \xE2\x86\x92 " +
                         upper(core::toString(t.status)) + ": " + t.title,
                     t.status == core::TaskStatus::Blocked});
    }
  }
  for (const auto& c : after.channels) {
    const core::Channel* old = before.channel(c.id);
    const core::ChannelStatus was = old ? old->status : core::ChannelStatus::Up;
    if (was == c.status) continue;
    out.push_back({ChangeKind::ChannelStatus, c.id,
                   "Channel " + upper(core::toString(c.status)) + ": " + channelName(after, c) +
                       " (" + std::string(core::toString(c.medium)) + ")",
                   c.status == core::ChannelStatus::Down});
  }
  return out;
}

std::size_t ChangeTracker::update(const core::SnapshotPtr& snapshot, double now_s) {
  if (!snapshot) return 0;
  if (!m_last) {
    m_last = snapshot;
    return 0;
  }
  if (snapshot == m_last || snapshot->version == m_last->version) {
    m_last = snapshot;
    return 0;
  }
  std::vector<Change> changes = diffSnapshots(*m_last, *snapshot);
  m_last = snapshot;
  for (auto& c : changes) m_recent.push_front({std::move(c), now_s});
  while (m_recent.size() > kKeep) m_recent.pop_back();
  return changes.size();
}

bool ChangeTracker::highlighted(ChangeKind kind, core::Id id, double now_s) const {
  for (const auto& s : m_recent)
    if (s.change.kind == kind && (id == 0 || s.change.id == id) && now_s - s.at < kHighlightSeconds)
      return true;
  return false;
}

double ChangeTracker::pulse(ChangeKind kind, double now_s) const {
  double best = 0;
  for (const auto& s : m_recent)
    if (s.change.kind == kind && now_s - s.at < kHighlightSeconds)
      best = std::max(best, 1.0 - (now_s - s.at) / kHighlightSeconds);
  return best;
}

}  // namespace liaison::app
