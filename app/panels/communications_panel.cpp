#include "communications_panel.hpp"

#include <imgui.h>

#include <ctime>
#include <string>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/analysis/network_builder.hpp"
#include "core/model/command.hpp"
#include "core/model/enums.hpp"
#include "core/model/printable.hpp"
#include "core/model/values.hpp"

namespace liaison::app {

namespace {

ScreenRect lastRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

void heading(const AppContext& ctx, const std::string& text) {
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(text.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
}

}  // namespace

void CommunicationsPanel::refresh(const AppContext& ctx) {
  const core::Snapshot* s = ctx.snapshot.get();
  if (!s) return;
  if (m_computedOnce && m_snapshot == s && m_version == s->version && m_periodOf == m_period) return;
  m_computedOnce = true;
  m_snapshot = s;
  m_version = s->version;
  m_periodOf = m_period;
  core::CommunicationsOptions o;
  o.period = m_period;
  o.now = static_cast<core::TimeUtc>(std::time(nullptr));
  try {
    m_result = std::make_shared<core::CommunicationsResult>(core::analyzeCommunications(*s, o));
    m_error.clear();
  } catch (const std::exception& e) {
    m_result.reset();
    m_error = e.what();
  }
  ++m_computations;
}

void CommunicationsPanel::drawContent(AppContext& ctx) {
  m_addChannelRects.clear();
  m_addNeedRects.clear();
  refresh(ctx);
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* s = ctx.snapshot.get();
  if (!s) return;
  // The window: the whole log or one operational period.
  std::string label = m_period ? "Period " + std::to_string(*m_period) : std::string("Whole log");
  ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
  if (ImGui::BeginCombo("Window", label.c_str())) {
    if (ImGui::Selectable("Whole log", !m_period)) m_period.reset();
    for (const core::OperationalPeriod& p : s->periods) {
      const std::string l = "Period " + std::to_string(p.number);
      if (ImGui::Selectable(l.c_str(), m_period == p.number)) m_period = p.number;
    }
    ImGui::EndCombo();
  }
  if (!m_error.empty()) {
    ImGui::TextColored(th.danger, "%s", m_error.c_str());
    return;
  }
  const auto r = m_result;  // alive for the whole frame
  if (!r) return;
  ImGui::SameLine();
  ImGui::TextColored(th.text_muted, "%d messages, as of %s", r->messages,
                     core::formatTime(r->as_of).c_str());
  ImGui::PushTextWrapPos(0.0f);

  heading(ctx, "Silent needs (" + std::to_string(r->silent.size()) + ")");
  if (r->silent.empty()) ImGui::TextColored(th.text_muted, "none: every need had contact within its interval");
  for (const core::SilentNeed& x : r->silent) {
    const ImVec4 colour = x.priority == core::Priority::Critical ? th.danger
                          : x.priority == core::Priority::High   ? th.warn
                                                                 : th.text;
    ImGui::TextColored(colour, "%s", core::printable(x.text).c_str());
  }
  ImGui::Spacing();
  heading(ctx, "Emergent coordinators (" + std::to_string(r->coordinators.size()) + ")");
  if (r->coordinators.empty()) ImGui::TextColored(th.text_muted, "none");
  for (const core::EmergentCoordinator& c : r->coordinators)
    ImGui::TextUnformatted(core::printable(c.text).c_str());
  if (!r->idle_liaisons.empty()) {
    std::string idle = "Liaisons on duty who carried nothing: ";
    for (std::size_t i = 0; i < r->idle_liaisons.size(); ++i) {
      const core::Representative* rep = s->representative(r->idle_liaisons[i].rep);
      const core::Agency* a = s->agency(r->idle_liaisons[i].agency);
      idle += (i ? ", " : "") + core::printable(rep ? rep->name : "?") + " (" +
              core::printable(a ? a->code : "?") + ")";
    }
    ImGui::TextColored(th.text_muted, "%s", idle.c_str());
  }
  ImGui::Spacing();
  heading(ctx, "Unplanned links (" + std::to_string(r->unplanned.size()) + ")");
  if (r->unplanned.empty()) ImGui::TextColored(th.text_muted, "none");
  int row = 0;
  for (const core::UnplannedLink& u : r->unplanned) {
    ImGui::PushID(row++);
    ImGui::TextUnformatted(core::printable(u.text).c_str());
    const auto pair = std::make_pair(u.agency_a, u.agency_b);
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.read_only || u.has_channel || m_added.count(pair));
    if (ImGui::SmallButton("Add channel")) {
      core::Channel c;
      const core::Id pa = core::primaryContact(*s, u.agency_a), pb = core::primaryContact(*s, u.agency_b);
      if (pa && pb) {
        c.from_rep = pa;
        c.to_rep = pb;
      } else {
        c.from_agency = u.agency_a;
        c.to_agency = u.agency_b;
      }
      c.medium = core::Medium::Phone;
      c.identifier = "used in the message log";
      c.notes = "Added from the communications panel: " + u.text;
      ctx.outbox.command(core::put(c));
      m_added.insert(pair);
    }
    ImGui::EndDisabled();
    m_addChannelRects.push_back(lastRect());
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.read_only || u.has_need);
    if (ImGui::SmallButton("Add need")) {
      core::Need n;
      n.agency_a = u.agency_a;
      n.agency_b = u.agency_b;
      n.reason = "Seen in the message log: " + std::to_string(u.messages) + " messages";
      ctx.outbox.command(core::put(n));
    }
    ImGui::EndDisabled();
    m_addNeedRects.push_back(lastRect());
    ImGui::PopID();
  }
  ImGui::Spacing();
  heading(ctx, "Channels");
  std::string unused = std::to_string(r->unused_channels.size()) + " never used in the window";
  ImGui::TextUnformatted(unused.c_str());
  for (const core::ChannelLoad& c : r->overloaded)
    ImGui::TextColored(th.warn, "channel %lld overloaded: %d messages in the hour from %s",
                       static_cast<long long>(c.channel), c.peak_hour,
                       core::formatTime(c.peak_start).c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace liaison::app
