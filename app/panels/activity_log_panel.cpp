#include "activity_log_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/model/time_zone.hpp"
#include "core/reports/ics214.hpp"
#include "core/store/store.hpp"
#include "app/shell/clock_text.hpp"

namespace liaison::app {
namespace {

bool containsNoCase(const std::string& hay, const std::string& needle) {
  if (needle.empty()) return true;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         }) != hay.end();
}

}  // namespace

std::filesystem::path ActivityLogPanel::writeExport(const core::Snapshot& s,
                                                    const std::vector<core::JournalEntry>& journal,
                                                    Export what, int period,
                                                    const std::string& actor,
                                                    std::filesystem::path dir) {
  const std::filesystem::path ws(s.path);
  if (dir.empty()) dir = ws.has_parent_path() ? ws.parent_path() : std::filesystem::current_path();
  const std::string stem = ws.stem().empty() ? "workspace" : ws.stem().string();
  const std::string suffix = period ? std::string("-p").append(std::to_string(period)) : "";
  std::filesystem::path out;
  std::string text;
  if (what == Export::TimelineHtml) {
    out = dir / (stem + "-significant-events" + suffix + ".html");
    text = core::timelineReportHtml(s, period, core::nowUtc());
  } else {
    core::Ics214Options o;
    o.period = period;
    o.name = actor;
    o.prepared_at = core::nowUtc();
    const core::Ics214Log log = core::buildIcs214(s, journal, o);
    const bool csv = what == Export::Ics214Csv;
    out = dir / (stem + "-ics214" + suffix + (csv ? ".csv" : ".html"));
    text = csv ? core::ics214Csv(log) : core::ics214Html(log);
  }
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f << text;
  if (!f) throw std::runtime_error("cannot write " + out.string());
  return out;
}

void ActivityLogPanel::refresh(const AppContext& ctx) {
  const auto* journal = ctx.journal.get();
  const std::size_t size = journal ? journal->size() : 0;
  if (journal == m_source && size == m_sourceSize && m_text == m_appliedText &&
      m_period == m_appliedPeriod)
    return;
  m_source = journal;
  m_sourceSize = size;
  m_appliedText = m_text;
  m_appliedPeriod = m_period;
  m_rows.clear();
  if (!journal) return;
  core::TimeUtc from = INT64_MIN, to = INT64_MAX;
  if (m_period && ctx.snapshot)
    for (const core::OperationalPeriod& p : ctx.snapshot->periods)
      if (p.number == m_period) {
        from = p.start;
        to = p.end;
      }
  for (std::size_t i = size; i-- > 0;) {
    const core::JournalEntry& e = (*journal)[i];
    if (e.time < from || e.time >= to) continue;
    if (!m_text.empty() && !containsNoCase(e.summary, m_text) && !containsNoCase(e.actor, m_text))
      continue;
    m_rows.push_back(i);
  }
}

void ActivityLogPanel::drawContent(AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  refresh(ctx);
  ImGui::SetNextItemWidth(16 * em);
  ImGui::InputTextWithHint("##log-text", "Filter who or what", &m_text);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(9 * em);
  const std::string periodLabel =
      m_period ? std::string("Op period ") + std::to_string(m_period) : "All periods";
  if (ImGui::BeginCombo("##log-period", periodLabel.c_str())) {
    if (ImGui::Selectable("All periods", m_period == 0)) m_period = 0;
    if (ctx.snapshot)
      for (const core::OperationalPeriod& p : ctx.snapshot->periods) {
        const std::string l = std::string("Op period ") + std::to_string(p.number) + "  " +
                              clockUtc(p.start, true) + " \xE2\x86\x92 " + clockUtc(p.end, true);
        if (ImGui::Selectable(l.c_str(), m_period == p.number)) m_period = p.number;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine(0, 1.5f * em);
  auto exportButton = [&](const char* label, Export what) {
    ImGui::SameLine();
    if (!ImGui::Button(label) || !ctx.snapshot) return;
    try {
      static const std::vector<core::JournalEntry> none;
      const auto path =
          writeExport(*ctx.snapshot, ctx.journal ? *ctx.journal : none, what, m_period, ctx.actor);
      m_exportMessage = "Wrote " + path.string();
      m_exportFailed = false;
    } catch (const std::exception& e) {
      m_exportMessage = e.what();
      m_exportFailed = true;
    }
  };
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(th.text_muted, "Export:");
  exportButton("ICS 214 CSV", Export::Ics214Csv);
  exportButton("ICS 214 HTML", Export::Ics214Html);
  exportButton("Significant events", Export::TimelineHtml);
  ImGui::SameLine(0, 1.5f * em);
  ImGui::AlignTextToFramePadding();
  if (!m_exportMessage.empty())
    ImGui::TextColored(m_exportFailed ? th.danger : th.ok, "%s", m_exportMessage.c_str());
  else
    ImGui::TextColored(th.text_muted, "%zu of %zu entries (Ctrl+E: quick entry)", m_rows.size(),
                       m_sourceSize);

  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##journal", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("When (UTC)", ImGuiTableColumnFlags_WidthFixed, 10.5f * em);
  ImGui::TableSetupColumn("Local", ImGuiTableColumnFlags_WidthFixed, 6.5f * em);
  ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("What", ImGuiTableColumnFlags_WidthStretch, 6.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m_rows.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const core::JournalEntry& e = (*ctx.journal)[m_rows[static_cast<std::size_t>(i)]];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(clockUtc(e.time, true).c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextColored(th.text_muted, "%s", clockLocal(e.time, core::incidentZone(*ctx.snapshot)).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextColored(th.accent, "%s", e.actor.c_str());
      ImGui::TableSetColumnIndex(3);
      if (e.action == "note") ImGui::TextColored(th.warn, "note:");
      if (e.action == "note") ImGui::SameLine();
      ImGui::TextUnformatted(e.summary.c_str());
    }
  }
  if (m_rows.empty()) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(3);
    ImGui::TextColored(th.text_muted, ctx.journal ? "No entry matches." : "No journal loaded.");
  }
  ImGui::EndTable();
}

}  // namespace liaison::app
