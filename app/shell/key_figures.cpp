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

}  // namespace

std::string formatUtc(core::TimeUtc t, bool seconds) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, seconds ? "%H:%M:%SZ" : "%H:%MZ", &tm);
  return buf;
}

core::OperationalNow stationNow(const AppContext& ctx, core::TimeUtc wall) {
  static const core::Snapshot empty;
  const core::Snapshot& s = ctx.snapshot ? *ctx.snapshot : empty;
  const core::ExerciseClock* clock = ctx.exercise ? &ctx.exercise->state.clock : nullptr;
  return core::operationalNow(s, clock, ctx.view_time, wall);
}

KeyFigures computeKeyFigures(const core::Snapshot& s, core::TimeUtc now,
                             const core::AnalysisResult* analysis) {
  KeyFigures k;
  for (const auto& t : s.tasks) {
    if (!isOpen(t)) continue;
    ++k.open_tasks;
    if (t.status == core::TaskStatus::Blocked) ++k.blocked_tasks;
    if (core::overdue(t, now)) ++k.overdue_tasks;
  }
  if (analysis && analysis->version == s.version && !analysis->cancelled) {
    k.broken_needs = analysis->count(core::NeedState::Broken);
    k.single_points = static_cast<int>(analysis->singlePoints.size());
    k.channels_down = static_cast<int>(analysis->channelsDown.size());
    k.channels_degraded = static_cast<int>(analysis->channelsDegraded.size());
    k.infrastructure_down = static_cast<int>(analysis->infrastructureDown.size());
    return k;
  }
  for (const auto& c : s.channels) {
    if (c.status == core::ChannelStatus::Down) ++k.channels_down;
    if (c.status == core::ChannelStatus::Degraded) ++k.channels_degraded;
  }
  for (const auto& i : s.infrastructure) k.infrastructure_down += i.status == core::Status::Down;
  return k;
}

void KeyFigureBoard::update(const core::Snapshot& s, core::TimeUtc now,
                            const core::AnalysisResult* analysis) {
  if (analysis && analysis->version != s.version) analysis = nullptr;  // stale: not shown
  const KeyFigures k = computeKeyFigures(s, now, analysis);
  // Most important first: a pane that cannot hold them all shows the top ones.
  std::vector<Row> next = {
      {"Broken needs", k.broken_needs, true, now},
      {"Single points of failure", k.single_points, true, now},
      {"Overdue tasks", k.overdue_tasks, true, now},
      {"Channels down", k.channels_down, true, now},
  };
  if (k.infrastructure_down > 0 || !s.infrastructure.empty())
    next.push_back({"Infrastructure down", k.infrastructure_down, true, now});
  next.push_back({"Open tasks", k.open_tasks, false, now});
  // A figure keeps its "since" time while its value stays the same (a pending engine result
  // does not count as a change).
  for (Row& row : next)
    for (const Row& old : m_rows)
      if (std::string_view(old.label) == row.label &&
          (old.value == row.value || row.value < 0)) {
        row.since = old.since;
        if (row.value < 0) row.value = old.value;
      }
  m_rows = std::move(next);
  m_figures = k;
  m_version = s.version;
  m_analysis = analysis;
}

void drawKeyFigureColumn(AppContext& ctx, const KeyFigureBoard& board, float width) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& rows = board.rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    // The value in large type and its label, then when it last changed: two lines. What does
    // not fit is counted, most important first (never smaller text).
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    const float big = ImGui::GetTextLineHeightWithSpacing();
    if (ctx.fonts.large) ImGui::PopFont();
    const float need = big + ImGui::GetTextLineHeightWithSpacing();
    const float room = ImGui::GetContentRegionAvail().y;
    const bool more_follow = i + 1 < rows.size();
    if (room < need + (more_follow ? ImGui::GetTextLineHeightWithSpacing() : 0.0f) && i > 0) {
      wallText("+" + std::to_string(rows.size() - i) + " more", theme.text_muted);
      break;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec4 colour = row.value < 0             ? theme.text_muted
                          : row.bad && row.value > 0 ? theme.danger
                                                     : theme.ok;
    dl->AddRectFilled(p, ImVec2(p.x + 0.3f * em, p.y + need), ImGui::GetColorU32(colour));
    ImGui::Indent(0.7f * em);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    wallText(row.value < 0 ? std::string("...") : std::to_string(row.value), colour);
    if (ctx.fonts.large) ImGui::PopFont();
    ImGui::SameLine(0, 0.5f * em);
    // The label shortened to the column, never cut by its edge.
    std::string label = row.label;
    const float room_x = ImGui::GetContentRegionAvail().x;
    if (ImGui::CalcTextSize(label.c_str()).x > room_x) {
      while (label.size() > 1 && ImGui::CalcTextSize((label + "...").c_str()).x > room_x)
        label.pop_back();
      label += "...";
    }
    if (ImGui::CalcTextSize(label.c_str()).x <= room_x) wallText(label, theme.text);
    else ImGui::NewLine();
    wallText("since " + formatUtc(row.since, false), theme.text_muted);
    ImGui::Unindent(0.7f * em);
    ImGui::Dummy(ImVec2(width * 0.0f, 0.3f * em));
  }
}

std::vector<const core::Task*> overdueTasks(const core::Snapshot& s, core::TimeUtc now) {
  std::vector<const core::Task*> out;
  for (const auto& t : s.tasks)
    if (core::overdue(t, now)) out.push_back(&t);
  std::stable_sort(out.begin(), out.end(), [](const core::Task* a, const core::Task* b) {
    if (a->priority != b->priority) return a->priority < b->priority;
    if (*a->due != *b->due) return *a->due < *b->due;
    return a->id < b->id;
  });
  return out;
}

std::string taskOwnerText(const core::Snapshot& s, const core::Task& t) {
  std::string out;
  if (const core::Agency* a = s.agency(t.owner_agency)) out = a->code;
  if (const core::Representative* r = s.representative(t.owner_rep))
    out += (out.empty() ? "" : ": ") + r->name;
  if (out.empty()) out = "no owner";
  std::string with;
  for (core::Id id : t.involved)
    if (const core::Agency* a = s.agency(id); a && id != t.owner_agency)
      with += (with.empty() ? "" : ", ") + a->code;
  if (!with.empty()) out += "; with " + with;
  return out;
}

void drawTaskSummary(AppContext& ctx, const KeyFigureBoard& board, core::TimeUtc now,
                     bool highlight_moves, double pulse) {
  const Theme& theme = themeData(ctx.theme);
  const core::Snapshot& s = *ctx.snapshot;
  const float em = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  // Never smaller text: what does not fit is counted, most important first.
  auto rowsLeft = [&] {
    return static_cast<int>(ImGui::GetContentRegionAvail().y / line);
  };
  auto fits = [&](const std::string& text) {
    return ImGui::CalcTextSize(text.c_str()).x <= ImGui::GetContentRegionAvail().x;
  };
  // Shortened to the width with "...", never wrapped into lines that push the rest out.
  auto fitted = [&](std::string text) {
    if (fits(text)) return text;
    while (text.size() > 4 && !fits(text + "..."))
      text.pop_back();
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80)
      text.pop_back();  // never half a UTF-8 character
    return text + "...";
  };
  // The key figures, each with the time it last changed, on one line each.
  const auto& rows = board.rows();
  // All of them when they fit, else one line fewer and "+N more".
  const int room = std::max(1, rowsLeft());
  const int fit = static_cast<int>(rows.size()) <= room ? room : std::max(1, room - 1);
  int shown = 0;
  for (const auto& row : rows) {
    if (shown >= fit) break;
    const ImVec4 colour = row.value < 0             ? theme.text_muted
                          : row.bad && row.value > 0 ? theme.danger
                                                     : theme.ok;
    const std::string value = row.value < 0 ? std::string("...") : std::to_string(row.value);
    wallText(value, colour);
    ImGui::SameLine(0, 0.5f * em);
    wallText(fitted(std::string(row.label) + "  " + formatUtc(row.since, false)), theme.text);
    ++shown;
  }
  if (shown < static_cast<int>(rows.size()))
    wallText("+" + std::to_string(rows.size() - static_cast<std::size_t>(shown)) + " more",
             theme.text_muted);
  if (highlight_moves && pulse > 0) wallText("MOVED", theme.accent);
  const auto overdue = overdueTasks(s, now);
  if (rowsLeft() < 1) return;
  if (overdue.empty()) {
    wallText("No overdue task", theme.ok);
    return;
  }
  wallText("Overdue", theme.danger);
  // Each task: due and title, then owner and agencies; the last line may say how many more.
  for (std::size_t i = 0; i < overdue.size(); ++i) {
    const int left = rowsLeft();
    const bool last_room = left < 4;
    if (left < 2 || (last_room && i + 1 < overdue.size())) {
      wallText("+" + std::to_string(overdue.size() - i) + " more", theme.text_muted);
      break;
    }
    const core::Task& t = *overdue[i];
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
    wallText(fitted(due + "  " + t.title), theme.text);
    ImGui::Indent(em);
    wallText(fitted(taskOwnerText(s, t)), theme.text_muted);
    ImGui::Unindent(em);
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
