#include "controller_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"
#include "core/exercise/exercise_clock.hpp"

namespace liaison::app {
namespace {

constexpr int kSpeeds[] = {1, 2, 5, 10, 30, 60};
constexpr core::ScenarioSeconds kRewindStep = 300;

ImVec4 stateColour(const Theme& th, core::InjectState s, bool due) {
  switch (s) {
    case core::InjectState::Pending:
      return due ? th.warn : th.text_muted;
    case core::InjectState::Delivered:
      return th.accent;
    case core::InjectState::Acknowledged:
      return th.text;
    case core::InjectState::Acted:
      return th.ok;
    case core::InjectState::Overdue:
      return th.danger;
  }
  return th.text;
}

std::string duration(const std::optional<core::ScenarioSeconds>& s) {
  return s ? core::formatOffset(*s) : "-";
}

std::string mean(const core::DurationStats& d) {
  return d.count ? core::formatOffset(static_cast<core::ScenarioSeconds>(d.mean + 0.5)) : "-";
}

std::string median(const core::DurationStats& d) {
  return d.count ? core::formatOffset(static_cast<core::ScenarioSeconds>(d.median + 0.5)) : "-";
}

// "2026-05-14 12:42:34 UTC" from formatTime's ISO form.
std::string utcText(core::TimeUtc t) {
  std::string s = core::formatTime(t);
  if (s.size() == 20) s = s.substr(0, 10) + " " + s.substr(11, 8) + " UTC";
  return s;
}

}  // namespace

ControllerPanel::ControllerPanel() : m_clock([] { return core::nowUtc(); }) {}

void ControllerPanel::record(const std::string& key) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  m_controls[key] = {a.x, a.y, b.x, b.y};
}

bool ControllerPanel::button(const char* label, const std::string& key, bool enabled) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(label);
  ImGui::EndDisabled();
  record(key);
  return pressed && enabled;
}

void ControllerPanel::refresh(const AppContext& ctx) {
  if (m_viewOf == ctx.exercise && m_snapOf == ctx.snapshot) return;
  m_viewOf = ctx.exercise;
  m_snapOf = ctx.snapshot;
  core::Snapshot empty;
  m_view =
      core::controllerView(ctx.exercise->state, ctx.snapshot ? *ctx.snapshot : empty, m_clock());
  m_overall = core::overallResponse(ctx.exercise->state);
}

void ControllerPanel::drawContent(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  m_controls.clear();
  m_rows.clear();
  if (!ctx.exercise || !ctx.exercise->hasMsel()) {
    ImGui::TextColored(th.text_muted, "This workspace has no exercise loaded.");
    ImGui::TextWrapped(
        "Import a Master Scenario Events List (MSEL) from the command line:\n"
        "    liaison drill import %s msel.csv\n"
        "The columns are described in docs/scenario-format.md (MSEL). The dashboard picks it "
        "up within a second.",
        ctx.workspace_label.empty() ? "WORKSPACE" : ctx.workspace_label.c_str());
    return;
  }
  refresh(ctx);
  const core::TimeUtc wall = m_clock();
  // Only the clock reading moves between reloads; the rest of the view is cached.
  m_view.now = core::scenarioAt(m_view.clock, wall);
  m_view.display_time = core::displayTime(m_view.clock, m_view.now);
  for (core::ControllerRow& r : m_view.rows)
    r.due = r.status.state == core::InjectState::Pending && !r.inject.manual() &&
            r.inject.offset <= m_view.now;

  const float em = ImGui::GetFontSize();
  drawClock(ctx, wall);
  ImGui::Separator();
  drawSelected(ctx);
  ImGui::Separator();
  // The statistics table: a header, up to 7 agencies and "all" before it scrolls.
  const float statsRows = static_cast<float>(std::min<std::size_t>(m_view.stats.size() + 1, 8) + 1);
  const float rowHeight = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  const float statsHeight = rowHeight * statsRows + ImGui::GetTextLineHeightWithSpacing() +
                            2 * ImGui::GetStyle().ItemSpacing.y + 0.5f * em;
  const float mselHeight = std::max(ImGui::GetContentRegionAvail().y - statsHeight, 6.0f * em);
  drawMsel(ctx, mselHeight);
  drawStats(ctx);
}

void ControllerPanel::drawClock(AppContext& ctx, core::TimeUtc wall) {
  const Theme& th = themeData(ctx.theme);
  const core::ExerciseClock& c = m_view.clock;
  const char* running = !c.started ? "not started" : c.paused ? "paused" : "running";
  if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
  ImGui::TextColored(c.started && !c.paused ? th.ok : th.warn, "Exercise time %s",
                     core::formatOffset(m_view.now).c_str());
  if (ctx.fonts.large) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(th.text_muted, "(%s, %dx)", running, c.speed);
  ImGui::Text("Display time %s", utcText(m_view.display_time).c_str());
  ImGui::SameLine(0, 2.0f * ImGui::GetFontSize());
  ImGui::TextColored(th.text_muted, "Wall time %s", utcText(wall).c_str());

  if (ctx.read_only)
    ImGui::TextColored(th.warn, "Read-only station: the exercise controls are disabled.");
  ImGui::BeginDisabled(ctx.read_only);
  if (!c.started) {
    if (button("Start (STARTEX)", "start"))
      ctx.outbox.put(DrillRequest(DrillRequest::Kind::Start));
  } else if (c.paused) {
    if (button("Resume", "resume")) ctx.outbox.put(DrillRequest(DrillRequest::Kind::Resume));
  } else {
    if (button("Pause", "pause")) ctx.outbox.put(DrillRequest(DrillRequest::Kind::Pause));
  }
  ImGui::SameLine(0, 1.5f * ImGui::GetFontSize());
  ImGui::TextUnformatted("Speed");
  for (int s : kSpeeds) {
    ImGui::SameLine();
    char label[16];
    std::snprintf(label, sizeof label, "%dx", s);
    const bool current = s == c.speed;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, th.accent);
    const bool pressed = button(label, "speed " + std::to_string(s));
    if (current) ImGui::PopStyleColor();
    if (pressed && !current) {
      DrillRequest r(DrillRequest::Kind::Speed);
      r.speed = s;
      ctx.outbox.put(r);
    }
  }
  const core::Inject* sel = m_viewOf->state.inject(m_selected);
  std::string jump = "Jump to inject";
  if (sel && !sel->manual())
    jump += " " + sel->number + " (" + core::formatOffset(sel->offset) + ")";
  if (button((jump + "##jump").c_str(), "jump", sel && !sel->manual())) {
    DrillRequest r(DrillRequest::Kind::Jump);
    r.to = sel->offset;
    ctx.outbox.put(r);
  }
  ImGui::SameLine();
  if (button("Rewind 5 min", "rewind", m_view.now > 0)) {
    DrillRequest r(DrillRequest::Kind::Rewind);
    r.to = kRewindStep;
    ctx.outbox.put(r);
  }
  ImGui::SameLine();
  if (!m_confirmReset) {
    if (button("Reset...", "reset")) m_confirmReset = true;
  } else {
    ImGui::PushStyleColor(ImGuiCol_Button, th.danger);
    const bool confirmed = button("Reset: every inject back to pending", "confirm reset");
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const bool cancelled = button("Cancel", "cancel reset");
    if (confirmed) ctx.outbox.put(DrillRequest(DrillRequest::Kind::Reset));
    if (confirmed || cancelled) m_confirmReset = false;
  }
  ImGui::EndDisabled();

  ImGui::TextColored(th.text_muted,
                     "%zu injects: %d pending, %d delivered, %d acknowledged, %d acted, %d "
                     "overdue",
                     m_view.rows.size(), m_view.pending, m_view.delivered, m_view.acknowledged,
                     m_view.acted, m_view.overdue);
  if (m_view.next_offset) {
    ImGui::SameLine();
    ImGui::TextColored(th.text_muted, "- next at %s",
                       core::formatOffset(*m_view.next_offset).c_str());
  }
}

void ControllerPanel::drawSelected(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const auto it =
      std::find_if(m_view.rows.begin(), m_view.rows.end(),
                   [&](const core::ControllerRow& r) { return r.inject.number == m_selected; });
  if (it == m_view.rows.end()) {
    ImGui::TextColored(th.text_muted, "Select an inject to deliver it or answer for its player.");
    return;
  }
  const core::ControllerRow& row = *it;
  const core::InjectStatus& st = row.status;
  ImGui::Text("Inject %s to %s: %s", row.inject.number.c_str(), row.inject.to.c_str(),
              row.inject.subject.c_str());
  ImGui::SameLine();
  ImGui::TextColored(stateColour(th, st.state, row.due), "[%s]",
                     std::string(core::toString(st.state)).c_str());
  if (!row.inject.message.empty()) ImGui::TextWrapped("%s", row.inject.message.c_str());
  if (!row.inject.expected_action.empty())
    ImGui::TextColored(th.text_muted, "Expected: %s", row.inject.expected_action.c_str());
  if (!st.action.empty()) ImGui::TextColored(th.ok, "Action: %s", st.action.c_str());

  ImGui::BeginDisabled(ctx.read_only);
  const bool delivered = st.delivered_s.has_value();
  if (button("Deliver now", "deliver", !delivered)) {
    DrillRequest r(DrillRequest::Kind::Deliver);
    r.inject = row.inject.number;
    ctx.outbox.put(r);
  }
  ImGui::SameLine();
  const std::string ack = "Acknowledge for " + row.inject.to + "##ack";
  if (button(ack.c_str(), "acknowledge", delivered && !st.acked_s)) {
    DrillRequest r(DrillRequest::Kind::Acknowledge);
    r.inject = row.inject.number;
    r.responder = row.inject.to;
    ctx.outbox.put(r);
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - 10.0f * ImGui::GetFontSize(),
                                   8.0f * ImGui::GetFontSize()));
  const bool enter = ImGui::InputTextWithHint("##action", "Action taken by the player", &m_action,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  record("action text");
  ImGui::SameLine();
  const bool hasText = m_action.find_first_not_of(" \t") != std::string::npos;
  if ((button("Record action", "act", delivered && !st.acted_s && hasText) || enter) && delivered &&
      !st.acted_s && hasText) {
    DrillRequest r(DrillRequest::Kind::Act);
    r.inject = row.inject.number;
    r.action = m_action;
    ctx.outbox.put(r);
    m_action.clear();
  }
  ImGui::EndDisabled();
}

void ControllerPanel::drawMsel(AppContext& ctx, float height) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##msel", 8, flags, ImVec2(0, height))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, 2.5f * em);
  ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
  ImGui::TableSetupColumn("To", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Subject", ImGuiTableColumnFlags_WidthStretch, 4.0f);
  ImGui::TableSetupColumn("Method", ImGuiTableColumnFlags_WidthFixed, 5.0f * em);
  ImGui::TableSetupColumn("State", ImGuiTableColumnFlags_WidthFixed, 7.0f * em);
  ImGui::TableSetupColumn("Ack", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
  ImGui::TableSetupColumn("Action", ImGuiTableColumnFlags_WidthFixed, 4.5f * em);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m_view.rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::ControllerRow& r = m_view.rows[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(i);
      if (ImGui::Selectable(r.inject.number.c_str(), r.inject.number == m_selected,
                            ImGuiSelectableFlags_SpanAllColumns)) {
        if (m_selected != r.inject.number) m_action.clear();
        m_selected = r.inject.number;
      }
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      m_rows[r.inject.number] = {a.x, a.y, b.x, b.y};
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(r.inject.manual() ? "manual"
                                               : core::formatOffset(r.inject.offset).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(r.inject.to.c_str());
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(r.inject.subject.empty() ? r.inject.message.c_str()
                                                      : r.inject.subject.c_str());
      ImGui::TableSetColumnIndex(4);
      ImGui::TextUnformatted(std::string(core::toString(r.inject.method)).c_str());
      ImGui::TableSetColumnIndex(5);
      std::string state(core::toString(r.status.state));
      if (r.due)
        state = "due";
      else if (r.status.overdue_s && r.status.state != core::InjectState::Overdue)
        state += " (late)";
      ImGui::TextColored(stateColour(th, r.status.state, r.due), "%s", state.c_str());
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(duration(r.ack_time).c_str());
      ImGui::TableSetColumnIndex(7);
      ImGui::TextUnformatted(duration(r.action_time).c_str());
    }
  }
  ImGui::EndTable();
}

void ControllerPanel::drawStats(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  ImGui::TextColored(th.text_muted, "Response times per agency (scenario time, from delivery)");
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("##stats", 8, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* h : {"Agency", "Delivered", "Acknowledged", "Acted", "Overdue", "Ack mean",
                        "Ack median", "Action mean"})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  auto row = [&](const core::AgencyResponse& r) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(r.code.c_str());
    ImGui::TableSetColumnIndex(1);
    ImGui::Text("%d", r.delivered);
    ImGui::TableSetColumnIndex(2);
    ImGui::Text("%d", r.acknowledged);
    ImGui::TableSetColumnIndex(3);
    ImGui::Text("%d", r.acted);
    ImGui::TableSetColumnIndex(4);
    if (r.overdue)
      ImGui::TextColored(th.danger, "%d", r.overdue);
    else
      ImGui::Text("%d", r.overdue);
    ImGui::TableSetColumnIndex(5);
    ImGui::TextUnformatted(mean(r.ack).c_str());
    ImGui::TableSetColumnIndex(6);
    ImGui::TextUnformatted(median(r.ack).c_str());
    ImGui::TableSetColumnIndex(7);
    ImGui::TextUnformatted(mean(r.action).c_str());
  };
  for (const core::AgencyResponse& r : m_view.stats) row(r);
  if (m_overall.delivered) row(m_overall);
  ImGui::EndTable();
}

}  // namespace liaison::app
