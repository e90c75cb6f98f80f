#include "inspector_view.hpp"

#include <imgui.h>

#include <cstdio>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/model/enums.hpp"

namespace liaison::app {

namespace {

void heading(const AppContext& ctx, const char* text) {
  ImGui::Spacing();
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(text);
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::Separator();
}

// Small Edit / Remove buttons at the end of a line.
void editRemove(const std::string& id, DirectoryEditor& editor, HitMap& hits,
                const core::Entity& entity, bool writable) {
  if (!writable) return;
  ImGui::SameLine();
  ImGui::PushID(id.c_str());
  if (ImGui::SmallButton("Edit")) editor.startEdit(entity);
  hits.recordLastItem("edit-" + id);
  ImGui::SameLine();
  if (ImGui::SmallButton("Remove..."))
    editor.requestRemove(core::kindOf(entity), core::idOf(entity));
  hits.recordLastItem("remove-" + id);
  ImGui::PopID();
}

}  // namespace

std::string InspectorView::revealKey(core::Id rep, std::size_t index, const std::string& value) {
  return std::to_string(rep) + ":" + std::to_string(index) + ":" + value;
}

bool InspectorView::revealed(core::Id rep, std::size_t index, const std::string& value) const {
  return m_revealed.count(revealKey(rep, index, value)) > 0;
}

void InspectorView::draw(AppContext& ctx, DirectoryEditor& editor, HitMap& hits) {
  m_agency = 0;
  if (ctx.wallMode() || !ctx.snapshot) return;  // the wall never shows the inspector
  const Theme& theme = themeData(ctx.theme);
  const core::Snapshot& s = *ctx.snapshot;
  core::Id agencyId = 0;
  if (ctx.selection.kind == core::EntityKind::Agency) agencyId = ctx.selection.id;
  if (ctx.selection.kind == core::EntityKind::Representative)
    if (const core::Representative* r = s.representative(ctx.selection.id)) agencyId = r->agency;
  const core::Agency* a = s.agency(agencyId);
  if (!a) {
    ImGui::Spacing();
    ImGui::TextColored(theme.text_muted, "Select an agency or a person (here or in the network)");
    ImGui::TextColored(theme.text_muted, "to see its checklist, people, channels and needs.");
    return;
  }
  m_agency = a->id;
  const bool writable = !ctx.read_only;

  if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
  ImGui::TextColored(theme.accent, "%s", a->code.c_str());
  if (ctx.fonts.large) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", a->name.c_str());
  const bool assisting = a->role == core::AgencyRole::Assisting;
  ImGui::TextColored(assisting ? theme.accent : theme.text_muted, "%s",
                     assisting ? "Assisting (tactical resources assigned)"
                               : "Cooperating (support outside the command)");
  ImGui::SameLine();
  ImGui::TextColored(theme.text_muted, "\xC2\xB7 %s", agencyTypeLabel(a->type).c_str());
  if (writable) {
    if (ImGui::SmallButton("Edit agency")) editor.startEdit(*a);
    hits.recordLastItem("edit-agency");
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove agency..."))
      editor.requestRemove(core::EntityKind::Agency, a->id);
    hits.recordLastItem("remove-agency");
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Person")) editor.startNew(core::EntityKind::Representative, s, a->id);
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Channel")) editor.startNew(core::EntityKind::Channel, s, a->id);
    ImGui::SameLine();
    if (ImGui::SmallButton("+ Need")) editor.startNew(core::EntityKind::Need, s, a->id);
  }
  drawChecklist(ctx, *a);
  // One scan of the snapshot for the agency's people, channels and needs, shared by both parts.
  const AgencyRelations rel = agencyRelations(s, a->id);
  drawRepresentatives(ctx, editor, hits, rel);
  drawChannelsAndNeeds(ctx, editor, hits, *a, rel);
}

void InspectorView::drawChecklist(AppContext& ctx, const core::Agency& a) {
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  heading(ctx, "Liaison checklist");
  if (!ImGui::BeginTable("##checklist", 2, ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, 9.5f * em);
  ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
  auto line = [&](const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(theme.text_muted, "%s", label);
    ImGui::TableSetColumnIndex(1);
    if (value.empty())
      ImGui::TextColored(theme.warn, "not recorded");
    else
      ImGui::TextWrapped("%s", value.c_str());
  };
  std::string location = a.location;
  if (a.position) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s(%.5f, %.5f)", location.empty() ? "" : " ", a.position->lat,
                  a.position->lon);
    location += buf;
  }
  line("Discipline / ESF", a.discipline);
  line("Jurisdiction", a.jurisdiction);
  line("Location", location);
  line("Agreements", a.agreements);
  line("Resources", a.resources);
  line("Personnel", a.personnel > 0 ? std::to_string(a.personnel) : std::string());
  line("Condition", a.condition);
  line("Constraints, limits", a.constraints);
  line("Rep. sits at", a.rep_location);
  if (!a.notes.empty()) line("Notes", a.notes);
  ImGui::EndTable();
}

void InspectorView::drawRepresentatives(AppContext& ctx, DirectoryEditor& editor, HitMap& hits,
                                        const AgencyRelations& rel) {
  const Theme& theme = themeData(ctx.theme);
  char title[64];
  std::snprintf(title, sizeof title, "Representatives (%zu)", rel.reps.size());
  heading(ctx, title);
  if (rel.reps.empty()) ImGui::TextColored(theme.warn, "No representative recorded.");
  for (const core::Representative* r : rel.reps) {
    ImGui::PushID(static_cast<int>(r->id));
    const bool selected = ctx.selection.is(core::EntityKind::Representative, r->id);
    if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
    if (ImGui::Selectable(r->name.c_str(), selected, ImGuiSelectableFlags_AllowItemOverlap,
                          ImVec2(ImGui::CalcTextSize(r->name.c_str()).x, 0)))
      ctx.selection = Selection{core::EntityKind::Representative, r->id};
    if (ctx.fonts.bold) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextColored(r->on_duty ? theme.ok : theme.text_muted, "%s",
                       r->on_duty ? "on duty" : "off duty");
    editRemove("rep-" + std::to_string(r->id), editor, hits, *r, !ctx.read_only);
    std::string detail = r->position;
    if (!r->shift.empty()) detail += (detail.empty() ? "shift " : ", shift ") + r->shift;
    if (!detail.empty()) ImGui::TextColored(theme.text_muted, "%s", detail.c_str());
    if (r->contacts.empty()) ImGui::TextColored(theme.warn, "  no method of contact");
    for (std::size_t i = 0; i < r->contacts.size(); ++i) {
      const core::ContactMethod& c = r->contacts[i];
      ImGui::PushID(static_cast<int>(i));
      const bool shown = !c.sensitive || ctx.mayShowSensitive() || revealed(r->id, i, c.value);
      ImGui::Bullet();
      ImGui::TextColored(theme.text_muted, "%s", contactKindLabel(c.kind).c_str());
      ImGui::SameLine();
      if (shown)
        ImGui::TextUnformatted(c.value.c_str());
      else
        ImGui::TextColored(theme.text_muted, "%s", std::string(kSensitiveMask).c_str());
      if (c.sensitive && !ctx.mayShowSensitive()) {
        ImGui::SameLine();
        const std::string key = revealKey(r->id, i, c.value);
        if (ImGui::SmallButton(shown ? "Hide" : "Reveal")) {
          if (shown)
            m_revealed.erase(key);
          else
            m_revealed.insert(key);
        }
        hits.recordLastItem("reveal:" + std::to_string(r->id) + ":" + std::to_string(i));
      }
      if (!c.note.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(theme.text_muted, "(%s)", c.note.c_str());
      }
      ImGui::PopID();
    }
    ImGui::PopID();
  }
}

void InspectorView::drawChannelsAndNeeds(AppContext& ctx, DirectoryEditor& editor, HitMap& hits,
                                         const core::Agency& a, const AgencyRelations& rel) {
  const Theme& theme = themeData(ctx.theme);
  const core::Snapshot& s = *ctx.snapshot;
  char title[64];
  std::snprintf(title, sizeof title, "Channels (%zu)", rel.channels.size());
  heading(ctx, title);
  if (rel.channels.empty()) ImGui::TextColored(theme.warn, "No channel to anyone.");
  for (const core::Channel* c : rel.channels) {
    const ImVec4 colour = c->status == core::ChannelStatus::Up         ? theme.ok
                          : c->status == core::ChannelStatus::Degraded ? theme.warn
                                                                       : theme.danger;
    ImGui::TextColored(colour, "%s", std::string(core::toString(c->status)).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s  (%.1f min, %.0f%%%s)", channelLabel(s, *c).c_str(), c->latency_min,
                       c->reliability * 100.0, c->two_way ? "" : ", one-way");
    editRemove("channel-" + std::to_string(c->id), editor, hits, *c, !ctx.read_only);
  }
  std::snprintf(title, sizeof title, "Needs (%zu)", rel.needs.size());
  heading(ctx, title);
  if (rel.needs.empty()) ImGui::TextColored(theme.text_muted, "No recorded need.");
  for (const core::Need* n : rel.needs) {
    const bool urgent =
        n->priority == core::Priority::Critical || n->priority == core::Priority::High;
    ImGui::TextColored(urgent ? theme.warn : theme.text_muted, "%s",
                       std::string(core::toString(n->priority)).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", needLabel(s, *n).c_str());
    editRemove("need-" + std::to_string(n->id), editor, hits, *n, !ctx.read_only);
  }
}

}  // namespace liaison::app
