#include "directory_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"

namespace liaison::app {

std::vector<const DirectoryRow*> DirectoryPanel::visibleRows() const {
  std::vector<const DirectoryRow*> out;
  out.reserve(m_visible.size());
  for (std::size_t i : m_visible) out.push_back(&m_rows[i]);
  return out;
}

void DirectoryPanel::refresh(const AppContext& ctx) {
  const core::Snapshot* snap = ctx.snapshot.get();
  const SensitiveMode sensitive = ctx.wallMode()           ? SensitiveMode::Omit
                                  : ctx.mayShowSensitive() ? SensitiveMode::Show
                                                           : SensitiveMode::Mask;
  const std::uint64_t version = snap ? snap->version : 0;
  if (!m_built || snap != m_source || version != m_sourceVersion ||
      sensitive != m_sourceSensitive) {
    m_rows = snap ? buildDirectoryRows(*snap, sensitive) : std::vector<DirectoryRow>{};
    m_counts = {snap ? snap->agencies.size() : 0, snap ? snap->representatives.size() : 0};
    m_source = snap;
    m_sourceVersion = version;
    m_sourceSensitive = sensitive;
    m_built = true;
    ++m_rebuilds;
    refilter();
  } else if (m_filter != m_appliedFilter) {
    refilter();
  }
}

void DirectoryPanel::refilter() {
  m_appliedFilter = m_filter;
  m_visible = filterDirectoryRows(m_rows, m_filter);
  // Shade alternate agencies rather than alternate rows, so a group reads as one block.
  m_groupOdd.assign(m_visible.size(), false);
  bool odd = true;
  for (std::size_t i = 0; i < m_visible.size(); ++i) {
    if (i == 0 || m_rows[m_visible[i]].agency_id != m_rows[m_visible[i - 1]].agency_id) odd = !odd;
    m_groupOdd[i] = odd;
  }
  ++m_refilters;
}

void DirectoryPanel::drawContent(AppContext& ctx) {
  m_hits.clear();
  m_editor.observe(ctx);
  refresh(ctx);
  drawToolbar(ctx);
  refresh(ctx);  // the filter may have changed while typing: list what the box says now
  if (ctx.wallMode()) {  // the wall: the table alone, read-only, nothing sensitive
    m_inspector.hide();
    drawTable(ctx);
    return;
  }
  drawEditBar(ctx);
  const float em = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  // The side pane: wide for a form or an inspected agency, narrow for the hint alone.
  const bool showing = m_editor.editing() || selectionHasAgency(ctx);
  const float side = showing ? std::min(std::max(26.0f * em, avail * 0.4f), avail * 0.6f)
                             : std::min(20.0f * em, avail * 0.3f);
  if (ImGui::BeginChild("##directory-table", ImVec2(avail - side - ImGui::GetStyle().ItemSpacing.x, 0)))
    drawTable(ctx);
  ImGui::EndChild();
  ImGui::SameLine();
  if (ImGui::BeginChild("##directory-side", ImVec2(0, 0), true)) drawSide(ctx);
  ImGui::EndChild();
  m_editor.drawRemoveConfirmation(ctx, m_hits);
}

bool DirectoryPanel::selectionHasAgency(const AppContext& ctx) {
  const core::Snapshot* s = ctx.snapshot.get();
  if (!s || ctx.selection.empty()) return false;
  if (ctx.selection.kind == core::EntityKind::Agency) return s->agency(ctx.selection.id) != nullptr;
  if (ctx.selection.kind != core::EntityKind::Representative) return false;
  const core::Representative* r = s->representative(ctx.selection.id);
  return r && s->agency(r->agency);
}

void DirectoryPanel::drawEditBar(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const ImGuiIO& io = ImGui::GetIO();
  // Ctrl+Z outside text fields (inside one it undoes typing, as everywhere).
  if (io.KeyCtrl && !io.WantTextInput && !m_editor.confirming() &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Z), false))
    m_editor.undo(ctx);
  if (ctx.read_only) {
    ImGui::TextColored(theme.text_muted, "Read-only station: the directory cannot be edited here.");
    return;
  }
  const core::Snapshot* snap = ctx.snapshot.get();
  if (!snap) return;
  const core::Id agency = m_inspector.shownAgency();
  if (ImGui::Button("+ Agency")) m_editor.startNew(core::EntityKind::Agency, *snap, 0);
  m_hits.recordLastItem("new-agency");
  ImGui::SameLine();
  if (ImGui::Button("+ Representative"))
    m_editor.startNew(core::EntityKind::Representative, *snap, agency);
  m_hits.recordLastItem("new-representative");
  ImGui::SameLine();
  if (ImGui::Button("+ Channel")) m_editor.startNew(core::EntityKind::Channel, *snap, agency);
  m_hits.recordLastItem("new-channel");
  ImGui::SameLine();
  if (ImGui::Button("+ Need")) m_editor.startNew(core::EntityKind::Need, *snap, agency);
  m_hits.recordLastItem("new-need");
  ImGui::SameLine();
  if (ImGui::Button("+ Infrastructure"))
    m_editor.startNew(core::EntityKind::Infrastructure, *snap, 0);
  m_hits.recordLastItem("new-infrastructure");
  // The shared infrastructure (towers, exchanges, dispatch centres): pick one to edit it.
  if (!snap->infrastructure.empty()) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(11 * ImGui::GetFontSize());
    if (ImGui::BeginCombo("##edit-infrastructure", "Infrastructure...",
                          ImGuiComboFlags_HeightLarge)) {
      for (const auto& item : snap->infrastructure) {
        ImGui::PushID(static_cast<int>(item.id));
        const char* mark = item.status == core::Status::Down       ? "  [DOWN]"
                           : item.status == core::Status::Degraded ? "  [degraded]"
                                                                   : "";
        if (ImGui::Selectable((item.name + mark).c_str())) m_editor.startEdit(item);
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    m_hits.recordLastItem("edit-infrastructure");
  }
  ImGui::SameLine(0, 1.5f * ImGui::GetFontSize());
  if (ImGui::Button("Undo last change")) m_editor.undo(ctx);
  m_hits.recordLastItem("undo");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Ctrl+Z: revert the last change made from this station (journaled too)");
  if (!m_editor.message().empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(m_editor.messageIsError() ? theme.danger : theme.text_muted, "%s",
                       m_editor.message().c_str());
  }
}

void DirectoryPanel::drawSide(AppContext& ctx) {
  if (m_editor.editing())
    m_editor.drawForm(ctx, m_hits);
  else
    m_inspector.draw(ctx, m_editor, m_hits);
}

void DirectoryPanel::drawToolbar(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();

  if (!ctx.wallMode()) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed('F', false)) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(std::min(28.0f * em, ImGui::GetContentRegionAvail().x * 0.5f));
    ImGui::InputTextWithHint("##directory-filter",
                             "Search agency, person, position, contact (Ctrl+F)", &m_filter);
    if (ImGui::IsItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
      m_filter.clear();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    m_filterRect = {a.x, a.y, b.x, b.y};
    if (!m_filter.empty()) {
      ImGui::SameLine();
      if (ImGui::Button("Clear")) m_filter.clear();
    }
    ImGui::SameLine(0, 1.2f * em);
    ImGui::Checkbox("Show sensitive", &ctx.ui.show_sensitive);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Reveal private numbers on this workstation (never on the wall)");
    ImGui::SameLine(0, 1.2f * em);
  }

  char counts[128];
  std::snprintf(counts, sizeof counts, "%zu agencies, %zu representatives; %zu shown",
                m_counts.agencies, m_counts.representatives, m_visible.size());
  const float w = ImGui::CalcTextSize(counts).x;
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();  // no room beside the search box
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), right - w));
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(theme.text_muted, "%s", counts);
}

void DirectoryPanel::drawAgencyCell(const AppContext& ctx, const DirectoryRow& row,
                                    bool first_of_agency) {
  if (!first_of_agency) return;
  const Theme& theme = themeData(ctx.theme);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextColored(theme.accent, "%s", row.agency_code.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextUnformatted(row.agency_name.c_str());
}

void DirectoryPanel::drawRowTooltip(const AppContext& ctx, const DirectoryRow& row) {
  const Theme& theme = themeData(ctx.theme);
  const core::Agency* agency = nullptr;
  if (ctx.snapshot)
    for (const auto& a : ctx.snapshot->agencies)
      if (a.id == row.agency_id) agency = &a;
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("%s  %s", row.agency_code.c_str(), row.agency_name.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::TextColored(theme.text_muted, "%s, %s", row.type.c_str(), row.role.c_str());
  if (agency) {
    if (!agency->discipline.empty()) ImGui::TextWrapped("%s", agency->discipline.c_str());
    if (!agency->rep_location.empty())
      ImGui::TextWrapped("Representative sits at %s", agency->rep_location.c_str());
  }
  if (row.rep_id) {
    ImGui::Separator();
    ImGui::Text("%s", row.name.c_str());
    if (!row.position.empty()) ImGui::TextColored(theme.text_muted, "%s", row.position.c_str());
    ImGui::Text("%s%s%s", row.on_duty ? "On duty" : "Off duty", row.shift.empty() ? "" : ", shift ",
                row.shift.c_str());
    // One contact per line: the table cell may be too narrow to show them all.
    std::size_t start = 0;
    const std::string sep = "  \xC2\xB7  ";
    while (start <= row.contacts.size() && !row.contacts.empty()) {
      const std::size_t end = row.contacts.find(sep, start);
      ImGui::BulletText("%s", row.contacts.substr(start, end - start).c_str());
      if (end == std::string::npos) break;
      start = end + sep.size();
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

void DirectoryPanel::drawTable(AppContext& ctx) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();

  if (m_rows.empty()) {
    ImGui::Spacing();
    ImGui::TextColored(theme.text_muted,
                       "This workspace has no agencies yet. Import a scenario with\n"
                       "  liaison import DIR --into WORKSPACE");
    return;
  }

  const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##directory", 7, flags, ImVec2(0, 0))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Agency", ImGuiTableColumnFlags_WidthStretch, 2.4f);
  // The wall is read from across the room: fewer, wider columns.
  const ImGuiTableColumnFlags desk_only = ctx.wallMode() ? ImGuiTableColumnFlags_Disabled : 0;
  ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthFixed | desk_only, 8.5f * em);
  ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed | desk_only, 6.5f * em);
  ImGui::TableSetupColumn("Representative", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("ICS position", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableSetupColumn("Duty", ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
  ImGui::TableSetupColumn("How to reach", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TableHeadersRow();
  if (ctx.fonts.bold) ImGui::PopFont();

  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(m_visible.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const DirectoryRow& row = m_rows[m_visible[static_cast<std::size_t>(i)]];
      const bool first =
          i == 0 || m_rows[m_visible[static_cast<std::size_t>(i - 1)]].agency_id != row.agency_id;
      ImGui::TableNextRow();
      if (m_groupOdd[static_cast<std::size_t>(i)])
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(theme.row_alt));
      ImGui::PushID(i);

      ImGui::TableSetColumnIndex(0);
      const core::EntityKind kind =
          row.rep_id ? core::EntityKind::Representative : core::EntityKind::Agency;
      const core::Id id = row.rep_id ? row.rep_id : row.agency_id;
      const bool selected =
          ctx.selection.is(kind, id) || ctx.selection.is(core::EntityKind::Agency, row.agency_id);
      if (ImGui::Selectable(
              "##row", selected,
              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap))
        ctx.selection = Selection{kind, id};
      m_hits.recordLastItem(row.rep_id ? "row:" + std::to_string(row.rep_id)
                                       : "row:agency:" + std::to_string(row.agency_id));
      if (!ctx.wallMode() && !ctx.read_only && ImGui::IsItemHovered() &&
          ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && ctx.snapshot) {
        // Double-click: edit the person (or the agency on a row without one).
        if (const auto* r = ctx.snapshot->representative(row.rep_id))
          m_editor.startEdit(*r);
        else if (const auto* a = ctx.snapshot->agency(row.agency_id))
          m_editor.startEdit(*a);
      }
      if (ImGui::IsItemHovered()) drawRowTooltip(ctx, row);
      ImGui::SameLine(0, 0);
      drawAgencyCell(ctx, row, first);

      ImGui::TableSetColumnIndex(1);
      if (first) ImGui::TextUnformatted(row.type.c_str());
      ImGui::TableSetColumnIndex(2);
      if (first)
        ImGui::TextColored(row.assisting ? theme.accent : theme.text_muted, "%s", row.role.c_str());
      ImGui::TableSetColumnIndex(3);
      if (row.rep_id) {
        ImGui::TextUnformatted(row.name.c_str());
      } else {
        ImGui::TextColored(theme.text_muted, "no representative");
      }
      ImGui::TableSetColumnIndex(4);
      ImGui::TextUnformatted(row.position.c_str());
      ImGui::TableSetColumnIndex(5);
      if (row.rep_id) {
        if (row.on_duty)
          ImGui::TextColored(theme.ok, "\xE2\x97\x8F on");  // filled circle
        else
          ImGui::TextColored(theme.text_muted, "\xE2\x97\x8B off");  // hollow circle
        if (!row.shift.empty() && ImGui::IsItemHovered())
          ImGui::SetTooltip("Shift %s", row.shift.c_str());
      }
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(row.contacts.c_str());
      ImGui::PopID();
    }
  }
  if (m_visible.empty()) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(theme.text_muted, "No one matches \"%s\".", m_filter.c_str());
  }
  ImGui::EndTable();
}

}  // namespace liaison::app
