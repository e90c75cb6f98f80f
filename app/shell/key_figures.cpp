#include "key_figures.hpp"

#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <queue>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/enums.hpp"
#include "theme.hpp"
#include "wall_text.hpp"

namespace liaison::app {
namespace {

bool isOpen(const core::Task& t) {
  return t.status != core::TaskStatus::Done;
}

int countNeedsWithoutPath(const core::Snapshot& s) {
  std::unordered_map<core::Id, std::vector<core::Id>> adj;
  auto agencyOf = [&](core::Id rep) {
    const core::Representative* r = s.representative(rep);
    return r ? r->agency : core::Id{0};
  };
  for (const auto& c : s.channels) {
    if (c.status == core::ChannelStatus::Down) continue;
    const core::Id a = c.betweenReps() ? agencyOf(c.from_rep) : c.from_agency;
    const core::Id b = c.betweenReps() ? agencyOf(c.to_rep) : c.to_agency;
    if (a == 0 || b == 0 || a == b) continue;
    adj[a].push_back(b);
    adj[b].push_back(a);
  }
  // Component label per agency, so each need is one lookup.
  std::unordered_map<core::Id, int> comp;
  int next = 0;
  for (const auto& ag : s.agencies) {
    if (comp.count(ag.id)) continue;
    std::queue<core::Id> q;
    q.push(ag.id);
    comp[ag.id] = next;
    while (!q.empty()) {
      const core::Id v = q.front();
      q.pop();
      for (core::Id w : adj[v])
        if (comp.emplace(w, next).second) q.push(w);
    }
    ++next;
  }
  int broken = 0;
  for (const auto& n : s.needs) {
    if (n.agency_a == n.agency_b) continue;
    auto a = comp.find(n.agency_a), b = comp.find(n.agency_b);
    if (a == comp.end() || b == comp.end() || a->second != b->second) ++broken;
  }
  return broken;
}

}  // namespace

std::string formatUtc(core::TimeUtc t, bool seconds) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, seconds ? "%H:%M:%SZ" : "%H:%MZ", &tm);
  return buf;
}

KeyFigures computeKeyFigures(const core::Snapshot& s, core::TimeUtc now,
                             const core::AnalysisResult* analysis) {
  KeyFigures k;
  for (const auto& t : s.tasks) {
    if (!isOpen(t)) continue;
    ++k.open_tasks;
    if (t.status == core::TaskStatus::Blocked) ++k.blocked_tasks;
    if (t.due && *t.due < now) ++k.overdue_tasks;
  }
  for (const auto& c : s.channels) {
    if (c.status == core::ChannelStatus::Down) ++k.channels_down;
    if (c.status == core::ChannelStatus::Degraded) ++k.channels_degraded;
  }
  k.needs_without_path = countNeedsWithoutPath(s);
  if (analysis && analysis->version == s.version && !analysis->cancelled) {
    k.broken_needs = 0;
    for (const auto& n : analysis->needs) k.broken_needs += n.state == core::NeedState::Broken;
    k.single_points = static_cast<int>(analysis->singlePoints.size());
  }
  return k;
}

void KeyFigureBoard::update(const core::Snapshot& s, core::TimeUtc now,
                            const core::AnalysisResult* analysis) {
  if (analysis && analysis->version != s.version) analysis = nullptr;  // stale: not shown
  const KeyFigures k = computeKeyFigures(s, now, analysis);
  std::vector<Row> next = {
      {"Open tasks", k.open_tasks, false, now},
      {"Overdue tasks", k.overdue_tasks, true, now},
  };
  if (k.broken_needs >= 0)
    next.push_back({"Broken needs", k.broken_needs, true, now});
  else  // until the engine's result is in: a plain reachability count
    next.push_back({"Needs without a working path", k.needs_without_path, true, now});
  next.push_back({"Channels down", k.channels_down, true, now});
  if (k.single_points >= 0)
    next.push_back({"Single points of failure", k.single_points, true, now});
  // A figure keeps its "since" time while its value (and meaning) stays the same.
  for (Row& row : next)
    for (const Row& old : m_rows)
      if (std::string_view(old.label) == row.label && old.value == row.value) row.since = old.since;
  m_rows = std::move(next);
  m_figures = k;
  m_version = s.version;
  m_analysis = analysis;
}

void drawKeyFigureColumn(AppContext& ctx, const KeyFigureBoard& board, float width) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (const auto& row : board.rows()) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec4 colour = row.bad && row.value > 0 ? theme.danger : theme.ok;
    dl->AddRectFilled(p, ImVec2(p.x + 0.3f * em, p.y + 3.6f * em), ImGui::GetColorU32(colour));
    ImGui::Indent(0.7f * em);
    wallText(row.label, theme.text);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    wallText(std::to_string(row.value), colour);
    if (ctx.fonts.large) ImGui::PopFont();
    wallText("since " + formatUtc(row.since, false), theme.text_muted);
    ImGui::Unindent(0.7f * em);
    ImGui::Dummy(ImVec2(width * 0.0f, 0.6f * em));
  }
}

void drawTaskSummary(AppContext& ctx, core::TimeUtc now, bool highlight_moves, double pulse) {
  const Theme& theme = themeData(ctx.theme);
  const core::Snapshot& s = *ctx.snapshot;
  int counts[4] = {0, 0, 0, 0};
  std::vector<const core::Task*> overdue;
  for (const auto& t : s.tasks) {
    ++counts[static_cast<int>(t.status)];
    if (t.status != core::TaskStatus::Done && t.due && *t.due < now) overdue.push_back(&t);
  }
  std::sort(overdue.begin(), overdue.end(),
            [](const core::Task* a, const core::Task* b) { return *a->due < *b->due; });
  const char* labels[4] = {"To do", "Doing", "Blocked", "Done"};
  const ImVec4 colours[4] = {theme.text, theme.accent, theme.danger, theme.ok};
  const float em = ImGui::GetFontSize();
  const float col = std::max(ImGui::GetContentRegionAvail().x / 4.0f, 4.0f * em);
  const float x0 = ImGui::GetCursorPosX();
  const float y0 = ImGui::GetCursorPosY();
  for (int i = 0; i < 4; ++i) {
    ImGui::SetCursorPos(ImVec2(x0 + col * static_cast<float>(i), y0));
    ImGui::BeginGroup();
    wallText(labels[i], theme.text_muted);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    wallText(std::to_string(counts[i]), colours[i]);
    if (ctx.fonts.large) ImGui::PopFont();
    ImGui::EndGroup();
  }
  if (highlight_moves && pulse > 0) {
    ImGui::SameLine();
    wallText("MOVED", theme.accent);
  }
  ImGui::Dummy(ImVec2(0, 0.3f * em));
  if (overdue.empty()) {
    wallText("No overdue task", theme.ok);
    return;
  }
  wallText("Overdue (" + std::to_string(overdue.size()) + ")", theme.danger);
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const std::size_t room =
      static_cast<std::size_t>(std::max(1.0f, ImGui::GetContentRegionAvail().y / line));
  for (std::size_t i = 0; i < overdue.size() && i < room; ++i) {
    const core::Task& t = *overdue[i];
    if (i + 1 == room && overdue.size() > room) {
      wallText("+ " + std::to_string(overdue.size() - i) + " more", theme.text_muted);
      break;
    }
    // Due today: the time; older: the date too, so a stale deadline cannot pass for today's.
    std::string due = formatUtc(*t.due, false);
    if (now - *t.due >= 86400) {
      const std::time_t tt = static_cast<std::time_t>(*t.due);
      std::tm tm{};
      gmtime_r(&tt, &tm);
      char day[16];
      std::strftime(day, sizeof day, "%d %b ", &tm);
      due = day + due;
    }
    wallText(due + "  " + t.title, theme.text);
  }
}

void drawReadError(AppContext& ctx, const std::string& message, core::TimeUtc last_good_read) {
  const Theme& theme = themeData(ctx.theme);
  if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
  wallText("WORKSPACE CANNOT BE READ", theme.danger);
  if (ctx.fonts.large) ImGui::PopFont();
  ImGui::PushTextWrapPos(0);
  wallText(message, theme.text);
  wallText("Figures hidden: last good read " + formatUtc(last_good_read, true), theme.warn);
  ImGui::PopTextWrapPos();
}

}  // namespace liaison::app
