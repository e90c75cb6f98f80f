#include "public_info_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <string>

#include "app/shell/app_context.hpp"
#include "app/shell/clock_text.hpp"
#include "app/shell/theme.hpp"
#include "core/exercise/operational_clock.hpp"
#include "core/model/enums.hpp"
#include "core/model/public_info.hpp"
#include "core/reports/public_info.hpp"
#include "core/store/store.hpp"

namespace liaison::app {
namespace {

using core::PublicStatus;

constexpr PublicStatus kSections[] = {PublicStatus::Draft, PublicStatus::Checked,
                                      PublicStatus::Approved, PublicStatus::Released,
                                      PublicStatus::Superseded, PublicStatus::Cancelled};

constexpr core::PublicKind kKinds[] = {
    core::PublicKind::PressRelease, core::PublicKind::SocialPost,
    core::PublicKind::CallLineScript, core::PublicKind::Faq,
    core::PublicKind::RumourControl, core::PublicKind::PublicAlert};

std::string label(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(out[0] - ('a' <= out[0] && out[0] <= 'z' ? 32 : 0));
  return out;
}

ScreenRect lastRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

// The operational time of the frame: the exercise clock during a drill, else the wall clock.
core::TimeUtc operationalTime(const AppContext& ctx, const core::Snapshot& s) {
  const core::ExerciseClock* clock = ctx.exercise ? &ctx.exercise->state.clock : nullptr;
  return core::operationalNow(s, clock, std::nullopt, core::nowUtc()).time;
}

}  // namespace

void PublicInfoPanel::drawContent(AppContext& ctx) {
  const core::SnapshotPtr snap = ctx.snapshot;
  if (!snap) return;
  const core::Snapshot& s = *snap;
  const Theme& th = themeData(ctx.theme);
  const bool editable = !ctx.read_only && !ctx.wallMode() && !ctx.view_time;
  m_buttons.clear();
  m_shown.clear();

  if (s.isExercise()) {
    ImGui::TextColored(th.danger, "%s", std::string(core::kExerciseBanner).c_str());
    ImGui::SameLine();
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Approver");
  ImGui::SameLine();
  if (m_approver == 0 && !s.representatives.empty()) m_approver = s.representatives.front().id;
  const core::Representative* approver = s.representative(m_approver);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (ImGui::BeginCombo("##approver", approver ? approver->name.c_str() : "(nobody)")) {
    for (const core::Representative& r : s.representatives)
      if (ImGui::Selectable(r.name.c_str(), r.id == m_approver)) m_approver = r.id;
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::TextUnformatted("Channel");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::InputText("##channel", &m_channel);
  if (editable) {
    ImGui::SameLine();
    if (ImGui::Button("New draft...")) {
      m_newError.clear();
      ImGui::OpenPopup("New public item");
    }
  }
  drawNewDraft(ctx, s);
  ImGui::Separator();

  if (s.public_items.empty()) ImGui::TextColored(th.text_muted, "No public information yet.");
  ImGui::BeginChild("##items", ImVec2(0, ImGui::GetContentRegionAvail().y * 0.6f));
  for (PublicStatus section : kSections) {
    int n = 0;
    for (const core::PublicItem& p : s.public_items) n += p.status == section;
    if (n == 0) continue;
    const std::string head = label(core::toString(section)) + " (" + std::to_string(n) + ")";
    ImGui::TextColored(section == PublicStatus::Released ? th.ok : th.accent, "%s", head.c_str());
    ImGui::Separator();
    for (const core::PublicItem& p : s.public_items)
      if (p.status == section) drawRow(ctx, s, p, editable);
  }
  ImGui::EndChild();

  // The selected item's text: as released, else the draft with its placeholders.
  const core::Id selected =
      ctx.selection.kind == core::EntityKind::PublicItem ? ctx.selection.id : 0;
  if (const core::PublicItem* p = s.find<core::PublicItem>(selected)) {
    ImGui::Separator();
    const bool released = p->released_at.has_value();
    ImGui::TextUnformatted((released ? p->released_title : p->title).c_str());
    std::string meta = label(core::toString(p->kind)) + " v" + std::to_string(p->version) + ", " +
                       std::string(core::toString(p->status));
    if (released)
      meta += (p->status == PublicStatus::Released ? " " : ", released ") +
              clockUtc(*p->released_at, true) + " via " + p->channel;
    ImGui::TextColored(th.text_muted, "%s", meta.c_str());
    ImGui::TextWrapped("%s", (released ? p->released_body : p->body).c_str());
  }
}

void PublicInfoPanel::drawRow(AppContext& ctx, const core::Snapshot& s, const core::PublicItem& p,
                              bool editable) {
  const Theme& th = themeData(ctx.theme);
  m_shown[p.id] = p.status;
  ImGui::PushID(static_cast<int>(p.id));
  const std::string text = "#" + std::to_string(p.id) + " v" + std::to_string(p.version) + "  " +
                           label(core::toString(p.kind)) + ": " +
                           (p.released_title.empty() ? p.title : p.released_title);
  const bool old = p.status == PublicStatus::Superseded || p.status == PublicStatus::Cancelled;
  if (old) ImGui::PushStyleColor(ImGuiCol_Text, th.text_muted);
  if (ImGui::Selectable(text.c_str(), ctx.selection.is(core::EntityKind::PublicItem, p.id), 0,
                        ImVec2(ImGui::GetContentRegionAvail().x * 0.6f, 0)))
    ctx.selection = {core::EntityKind::PublicItem, p.id};
  if (old) ImGui::PopStyleColor();
  if (editable) {
    const auto button = [&](const char* caption, Action action) {
      ImGui::SameLine();
      const bool pressed = ImGui::SmallButton(caption);
      m_buttons[{p.id, action}] = lastRect();
      return pressed;
    };
    try {
      const core::TimeUtc now = operationalTime(ctx, s);
      switch (p.status) {
        case PublicStatus::Draft:
          if (button("Checked", Action::Check))
            ctx.outbox.commands(core::publicCheck(s, p.id, 0));
          break;
        case PublicStatus::Checked:
          if (button("Approve", Action::Approve))
            ctx.outbox.commands(core::publicApprove(s, p.id, m_approver, now));
          break;
        case PublicStatus::Approved:
          if (button("Release", Action::Release))
            ctx.outbox.commands(core::publicRelease(s, p.id, m_channel, now));
          break;
        case PublicStatus::Released:
          if (button("New version", Action::Supersede))
            ctx.outbox.commands(core::publicSupersede(s, p.id));
          break;
        default: break;
      }
      if (!old && button("Cancel", Action::Cancel))
        ctx.outbox.commands(core::publicCancel(s, p.id));
    } catch (const std::exception& e) {
      ctx.status_message = e.what();  // e.g. a placeholder the workspace cannot fill
    }
  }
  ImGui::PopID();
}

void PublicInfoPanel::drawNewDraft(AppContext& ctx, const core::Snapshot& s) {
  if (!ImGui::BeginPopupModal("New public item", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  const float em = ImGui::GetFontSize();
  if (ImGui::BeginCombo("Kind", label(core::toString(kKinds[m_newKind])).c_str())) {
    for (int i = 0; i < static_cast<int>(std::size(kKinds)); ++i)
      if (ImGui::Selectable(label(core::toString(kKinds[i])).c_str(), i == m_newKind))
        m_newKind = i;
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(em * 30);
  ImGui::InputText("Title", &m_newTitle);
  ImGui::InputTextMultiline("Body", &m_newBody, ImVec2(em * 30, em * 8));
  ImGui::TextDisabled("Placeholders: {incident} {period} {shelters_open} {road_closures} {time}");
  if (!m_newError.empty()) ImGui::TextColored(themeData(ctx.theme).danger, "%s", m_newError.c_str());
  if (ImGui::Button("Save draft")) {
    core::PublicItem p;
    p.kind = kKinds[m_newKind];
    p.title = m_newTitle;
    p.body = m_newBody;
    if (const core::Incident* inc = s.mainIncident()) p.incident = inc->id;
    // The same rules as the store, before anything is emitted.
    if (m_newTitle.find_first_not_of(" \t") == std::string::npos) m_newError = "The title is empty.";
    else if (auto bad = core::placeholderProblem(m_newTitle)) m_newError = "Title " + *bad;
    else if (auto badBody = core::placeholderProblem(m_newBody)) m_newError = "Body " + *badBody;
    else {
      ctx.outbox.command(core::put(p));
      m_newTitle.clear();
      m_newBody.clear();
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace liaison::app
