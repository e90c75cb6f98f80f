#include "directory_editor.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/model/enums.hpp"
#include "core/model/journal_summary.hpp"
#include "core/store/undo.hpp"

namespace liaison::app {

// ---- HitMap -------------------------------------------------------------------------------------

void HitMap::recordLastItem(const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  m_rects[name] = {a.x, a.y, b.x, b.y};
}

const HitRect* HitMap::find(const std::string& name) const {
  auto it = m_rects.find(name);
  return it == m_rects.end() ? nullptr : &it->second;
}

namespace {

const char* kRemovePopup = "Remove from the directory?";

template <class E>
std::string spelled(E v) {
  return std::string(core::toString(v));
}

// A combo over an enumeration's documented values; label(v) is what the user reads.
template <class E, class Label>
bool enumCombo(const char* id, E& value, Label label) {
  bool changed = false;
  if (ImGui::BeginCombo(id, label(value).c_str())) {
    for (const auto& [v, s] : core::EnumTable<E>::values) {
      (void)s;
      if (ImGui::Selectable(label(v).c_str(), v == value)) {
        value = v;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  return changed;
}

std::string agencyChoice(const core::Snapshot& s, core::Id id) {
  if (id == 0) return "(choose an agency)";
  const core::Agency* a = s.agency(id);
  return a ? a->code + "  " + a->name : "agency " + std::to_string(id) + " (missing)";
}

bool agencyCombo(const char* id, const core::Snapshot& s, core::Id& value) {
  bool changed = false;
  if (ImGui::BeginCombo(id, agencyChoice(s, value).c_str())) {
    std::vector<const core::Agency*> sorted;
    for (const auto& a : s.agencies) sorted.push_back(&a);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* x, const auto* y) { return x->code < y->code; });
    for (const core::Agency* a : sorted) {
      ImGui::PushID(static_cast<int>(a->id));
      if (ImGui::Selectable((a->code + "  " + a->name).c_str(), a->id == value)) {
        value = a->id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool repCombo(const char* id, const core::Snapshot& s, core::Id& value) {
  bool changed = false;
  const std::string shown = value == 0 ? "(choose a representative)" : repLabel(s, value);
  if (ImGui::BeginCombo(id, shown.c_str())) {
    for (const auto& r : s.representatives) {
      ImGui::PushID(static_cast<int>(r.id));
      if (ImGui::Selectable(repLabel(s, r.id).c_str(), r.id == value)) {
        value = r.id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

bool taskCombo(const char* id, const core::Snapshot& s, core::Id& value) {
  bool changed = false;
  const core::Task* t = s.task(value);
  const std::string shown = value == 0 ? "(none)" : t ? t->title : "task " + std::to_string(value);
  if (ImGui::BeginCombo(id, shown.c_str())) {
    if (ImGui::Selectable("(none)", value == 0)) {
      value = 0;
      changed = true;
    }
    for (const auto& task : s.tasks) {
      ImGui::PushID(static_cast<int>(task.id));
      if (ImGui::Selectable(task.title.c_str(), task.id == value)) {
        value = task.id;
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

// A set of infrastructure ids as checkboxes in a combo ("County tower, 911 centre" shown);
// `except`: the element being edited (it cannot depend on itself).
bool infrastructureSet(const char* id, const core::Snapshot& s, std::vector<core::Id>& value,
                       core::Id except = 0) {
  std::string shown;
  for (core::Id i : value) {
    const core::Infrastructure* item = s.infrastructureItem(i);
    shown += (shown.empty() ? "" : ", ") + (item ? item->name : "#" + std::to_string(i));
  }
  if (shown.empty()) shown = s.infrastructure.empty() ? "(no infrastructure recorded)" : "(none)";
  bool changed = false;
  if (ImGui::BeginCombo(id, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& item : s.infrastructure) {
      if (item.id == except) continue;
      ImGui::PushID(static_cast<int>(item.id));
      bool on = std::find(value.begin(), value.end(), item.id) != value.end();
      const std::string label = item.name + "  (" + spelled(item.kind) + ")";
      if (ImGui::Checkbox(label.c_str(), &on)) {
        if (on)
          value.push_back(item.id);
        else
          std::erase(value, item.id);
        std::sort(value.begin(), value.end());
        changed = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  return changed;
}

// One row of the form's two-column table: the label, then the widget's cell.
void row(const char* label) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::TableSetColumnIndex(1);
  ImGui::SetNextItemWidth(-1);
}

}  // namespace

// ---- opening and closing ------------------------------------------------------------------------

void DirectoryEditor::startNew(core::EntityKind kind, const core::Snapshot& snapshot,
                               core::Id agency_hint) {
  using K = core::EntityKind;
  if (agency_hint != 0 && !snapshot.agency(agency_hint)) agency_hint = 0;
  m_original.reset();
  switch (kind) {
    case K::Agency:
      m_draft = core::Agency{};
      break;
    case K::Representative: {
      core::Representative r;
      r.agency = agency_hint;
      r.position = "Agency Representative";
      m_draft = r;
      break;
    }
    case K::Channel: {
      core::Channel c;
      c.from_agency = agency_hint;
      m_draft = c;
      m_channelBetweenReps = false;
      m_isNew = true;
      m_touched = false;
      m_revealedContacts.clear();
      return;
    }
    case K::Need: {
      core::Need n;
      n.agency_a = agency_hint;
      m_draft = n;
      break;
    }
    case K::Infrastructure:
      m_draft = core::Infrastructure{};
      break;
    default:
      return;
  }
  m_isNew = true;
  m_touched = false;
  m_revealedContacts.clear();
}

void DirectoryEditor::startEdit(const core::Entity& entity) {
  m_draft = entity;
  m_original = entity;
  m_isNew = false;
  m_touched = false;
  m_revealedContacts.clear();
  if (const auto* c = std::get_if<core::Channel>(&entity)) m_channelBetweenReps = c->betweenReps();
}

void DirectoryEditor::cancel() {
  m_draft.reset();
  m_original.reset();
  m_problems.clear();
  m_shown.clear();
}

void DirectoryEditor::requestRemove(core::EntityKind kind, core::Id id) {
  m_remove = PendingRemoval{kind, id, false};
}

void DirectoryEditor::setMessage(std::string msg, bool error) {
  m_message = std::move(msg);
  m_messageError = error;
}

// ---- undo ---------------------------------------------------------------------------------------

void DirectoryEditor::emitted(const AppContext& ctx) {
  m_emittedAt = ctx.journal ? ctx.journal->size() : 0;
}

void DirectoryEditor::observe(const AppContext& ctx) {
  if (!m_emittedAt || !ctx.journal || ctx.journal->size() <= *m_emittedAt) return;
  for (std::size_t i = *m_emittedAt; i < ctx.journal->size(); ++i)
    if ((*ctx.journal)[i].actor == ctx.actor) {
      m_batchStarts.insert((*ctx.journal)[i].seq);
      m_emittedAt.reset();
      return;
    }
}

void DirectoryEditor::undo(AppContext& ctx) {
  if (ctx.read_only) {
    setMessage("Cannot undo: this station is read-only", true);
    return;
  }
  if (!ctx.journal || !ctx.snapshot) {
    setMessage("Cannot undo: the journal is not loaded", true);
    return;
  }
  core::UndoPlan plan = core::planUndo(*ctx.journal, *ctx.snapshot, ctx.actor, m_batchStarts);
  if (!plan.ok()) {
    std::string why = plan.refusal;
    if (!why.empty() && why[0] >= 'a' && why[0] <= 'z') why[0] = static_cast<char>(why[0] - 32);
    setMessage(why, true);
    return;
  }
  ctx.outbox.commands(std::move(plan.commands));  // one batch: note and change together
  emitted(ctx);
  setMessage(plan.summary, false);
}

// ---- the form -----------------------------------------------------------------------------------

void DirectoryEditor::problemLine(AppContext& ctx, const std::string& field) {
  if (!m_touched) return;
  const std::string said = core::problemsOf(m_problems, field);
  if (said.empty()) return;
  const Theme& theme = themeData(ctx.theme);
  ImGui::PushStyleColor(ImGuiCol_Text, theme.danger);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(("\xE2\x96\xB2 " + said).c_str());  // black up-pointing triangle
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  m_shown.push_back(said);
}

void DirectoryEditor::textField(AppContext& ctx, const char* label, const std::string& field,
                           std::string& value, HitMap& hits, bool multiline) {
  row(label);
  const std::string id = "##" + field;
  bool changed = false;
  if (multiline)
    changed = ImGui::InputTextMultiline(id.c_str(), &value,
                                        ImVec2(-1, ImGui::GetTextLineHeight() * 3.2f));
  else
    changed = ImGui::InputText(id.c_str(), &value);
  if (changed) m_touched = true;
  hits.recordLastItem("field:" + field);
  problemLine(ctx, field);
}

void DirectoryEditor::drawAgency(AppContext& ctx, core::Agency& a, HitMap& hits) {
  textField(ctx, "Code", "code", a.code, hits);
  textField(ctx, "Name", "name", a.name, hits);
  row("Type");
  if (enumCombo("##type", a.type, [](core::AgencyType t) { return agencyTypeLabel(t); }))
    m_touched = true;
  problemLine(ctx, "type");
  row("Role");
  if (enumCombo("##role", a.role, [](core::AgencyRole r) { return spelled(r); })) m_touched = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Assisting: tactical resources assigned. Cooperating: support outside "
                      "the command.");
  problemLine(ctx, "role");
  textField(ctx, "Discipline / ESF", "discipline", a.discipline, hits);
  textField(ctx, "Jurisdiction", "jurisdiction", a.jurisdiction, hits);
  textField(ctx, "Location", "location", a.location, hits);
  row("Map position");
  bool has = a.position.has_value();
  if (ImGui::Checkbox("##has-position", &has)) {
    m_touched = true;
    if (has)
      a.position = core::LonLat{};
    else
      a.position.reset();
  }
  if (a.position) {
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight()) * 0.5f -
                    ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputDouble("##lon", &a.position->lon, 0, 0, "lon %.5f")) m_touched = true;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    if (ImGui::InputDouble("##lat", &a.position->lat, 0, 0, "lat %.5f")) m_touched = true;
  }
  problemLine(ctx, "position");
  textField(ctx, "Agreements", "agreements", a.agreements, hits);
  textField(ctx, "Resources", "resources", a.resources, hits);
  row("Personnel");
  if (ImGui::InputInt("##personnel", &a.personnel)) m_touched = true;
  hits.recordLastItem("field:personnel");
  problemLine(ctx, "personnel");
  textField(ctx, "Condition", "condition", a.condition, hits);
  textField(ctx, "Constraints", "constraints", a.constraints, hits, true);
  textField(ctx, "Rep. sits at", "rep_location", a.rep_location, hits);
  textField(ctx, "Notes", "notes", a.notes, hits, true);
}

void DirectoryEditor::drawRepresentative(AppContext& ctx, core::Representative& r,
                                         HitMap& hits) {
  const core::Snapshot& s = *ctx.snapshot;
  row("Agency");
  if (agencyCombo("##agency", s, r.agency)) m_touched = true;
  problemLine(ctx, "agency");
  textField(ctx, "Name", "name", r.name, hits);
  textField(ctx, "ICS position", "position", r.position, hits);
  textField(ctx, "Shift", "shift", r.shift, hits);
  row("On duty");
  if (ImGui::Checkbox("##on-duty", &r.on_duty)) m_touched = true;

  row("Contacts");
  const float em = ImGui::GetFontSize();
  std::optional<std::size_t> drop;
  for (std::size_t i = 0; i < r.contacts.size(); ++i) {
    core::ContactMethod& c = r.contacts[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::SetNextItemWidth(6.5f * em);
    if (enumCombo("##kind", c.kind, [](core::ContactKind k) { return contactKindLabel(k); }))
      m_touched = true;
    ImGui::SameLine();
    // A sensitive value is typed blind until revealed (here or by "Show sensitive").
    const bool masked = c.sensitive && !ctx.mayShowSensitive() && !m_revealedContacts[i];
    ImGui::SetNextItemWidth(std::max(6.0f * em, ImGui::GetContentRegionAvail().x - 12.5f * em));
    if (ImGui::InputTextWithHint("##value", "number, talkgroup, address", &c.value,
                                 masked ? ImGuiInputTextFlags_Password : 0))
      m_touched = true;
    hits.recordLastItem("field:contacts[" + std::to_string(i) + "].value");
    ImGui::SameLine();
    if (ImGui::Checkbox("private", &c.sensitive)) m_touched = true;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Sensitive: masked on workstations until revealed, never on the wall");
    if (c.sensitive && !ctx.mayShowSensitive()) {
      ImGui::SameLine();
      if (ImGui::SmallButton(m_revealedContacts[i] ? "hide" : "show"))
        m_revealedContacts[i] = !m_revealedContacts[i];
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) drop = i;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this contact method");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##note", "note (optional)", &c.note)) m_touched = true;
    problemLine(ctx, "contacts[" + std::to_string(i) + "]");
    ImGui::PopID();
  }
  if (drop) {
    r.contacts.erase(r.contacts.begin() + static_cast<std::ptrdiff_t>(*drop));
    m_revealedContacts.clear();
    m_touched = true;
  }
  if (ImGui::SmallButton("+ contact method")) {
    r.contacts.push_back(core::ContactMethod{});
    m_touched = true;
  }
  hits.recordLastItem("add-contact");
}

void DirectoryEditor::drawChannel(AppContext& ctx, core::Channel& c, HitMap& hits) {
  const core::Snapshot& s = *ctx.snapshot;
  row("Joins");
  bool reps = m_channelBetweenReps;
  if (ImGui::RadioButton("two people", reps)) reps = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("two agencies", !reps)) reps = false;
  if (reps != m_channelBetweenReps) {
    m_channelBetweenReps = reps;
    m_touched = true;
    c.from_rep = c.to_rep = c.from_agency = c.to_agency = 0;
  }
  problemLine(ctx, "endpoints");
  if (m_channelBetweenReps) {
    row("From");
    if (repCombo("##from-rep", s, c.from_rep)) m_touched = true;
    problemLine(ctx, "from_rep");
    row("To");
    if (repCombo("##to-rep", s, c.to_rep)) m_touched = true;
    problemLine(ctx, "to_rep");
  } else {
    row("From");
    if (agencyCombo("##from-agency", s, c.from_agency)) m_touched = true;
    problemLine(ctx, "from_agency");
    row("To");
    if (agencyCombo("##to-agency", s, c.to_agency)) m_touched = true;
    problemLine(ctx, "to_agency");
  }
  row("Medium");
  if (enumCombo("##medium", c.medium, [](core::Medium m) { return mediumLabel(m); }))
    m_touched = true;
  problemLine(ctx, "medium");
  textField(ctx, "Identifier", "identifier", c.identifier, hits);
  row("Latency (min)");
  if (ImGui::InputDouble("##latency", &c.latency_min, 0, 0, "%.2f")) m_touched = true;
  hits.recordLastItem("field:latency_min");
  problemLine(ctx, "latency_min");
  row("Reliability 0..1");
  if (ImGui::InputDouble("##reliability", &c.reliability, 0, 0, "%.3f")) m_touched = true;
  hits.recordLastItem("field:reliability");
  problemLine(ctx, "reliability");
  row("Status");
  if (enumCombo("##status", c.status, [](core::ChannelStatus v) { return spelled(v); }))
    m_touched = true;
  problemLine(ctx, "status");
  row("Two-way");
  if (ImGui::Checkbox("##two-way", &c.two_way)) m_touched = true;
  // What it rides on: when the tower or the exchange goes, the channel goes with it.
  row("Carried by");
  if (infrastructureSet("##carried-by", s, c.carried_by)) m_touched = true;
  hits.recordLastItem("field:carried_by");
  problemLine(ctx, "carried_by");
  textField(ctx, "Notes", "notes", c.notes, hits, true);
}

void DirectoryEditor::drawInfrastructure(AppContext& ctx, core::Infrastructure& x, HitMap& hits) {
  const core::Snapshot& s = *ctx.snapshot;
  textField(ctx, "Name", "name", x.name, hits);
  row("Kind");
  if (enumCombo("##kind", x.kind, [](core::InfrastructureKind v) { return spelled(v); }))
    m_touched = true;
  problemLine(ctx, "kind");
  row("Status");
  if (enumCombo("##status", x.status, [](core::Status v) { return spelled(v); }))
    m_touched = true;
  hits.recordLastItem("field:status");
  problemLine(ctx, "status");
  row("Depends on");
  if (infrastructureSet("##depends-on", s, x.depends_on, x.id)) m_touched = true;
  problemLine(ctx, "depends_on");
  // Where it is: a footprint drawn on the map (a zone); what-if by area uses it.
  row("Footprint");
  const core::MapFeature* f = s.feature(x.feature);
  if (ImGui::BeginCombo("##feature", x.feature == 0 ? "(none)"
                                     : f              ? f->label.c_str()
                                                      : "(missing feature)")) {
    if (ImGui::Selectable("(none)", x.feature == 0)) {
      x.feature = 0;
      m_touched = true;
    }
    for (const auto& feature : s.features) {
      if (feature.geometry != core::GeometryKind::Polygon) continue;
      ImGui::PushID(static_cast<int>(feature.id));
      if (ImGui::Selectable(feature.label.c_str(), feature.id == x.feature)) {
        x.feature = feature.id;
        m_touched = true;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  problemLine(ctx, "feature");
  textField(ctx, "Notes", "notes", x.notes, hits, true);
}

void DirectoryEditor::drawNeed(AppContext& ctx, core::Need& n, HitMap& hits) {
  const core::Snapshot& s = *ctx.snapshot;
  row("Agency");
  if (agencyCombo("##agency-a", s, n.agency_a)) m_touched = true;
  problemLine(ctx, "agency_a");
  row("must talk to");
  if (agencyCombo("##agency-b", s, n.agency_b)) m_touched = true;
  problemLine(ctx, "agency_b");
  textField(ctx, "Why", "reason", n.reason, hits);
  row("Priority");
  if (enumCombo("##priority", n.priority, [](core::Priority p) { return spelled(p); }))
    m_touched = true;
  problemLine(ctx, "priority");
  row("Source");
  if (enumCombo("##source", n.source, [](core::NeedSource v) { return spelled(v); }))
    m_touched = true;
  problemLine(ctx, "source");
  row("Task");
  if (taskCombo("##task", s, n.task)) m_touched = true;
  problemLine(ctx, "task");
}

void DirectoryEditor::drawForm(AppContext& ctx, HitMap& hits) {
  m_shown.clear();
  if (!m_draft || !ctx.snapshot) return;
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const core::SnapshotLookup lookup(*ctx.snapshot);
  m_problems = core::entityProblems(lookup, *m_draft);

  const core::EntityKind kind = core::kindOf(*m_draft);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  const std::string title = (m_isNew ? "New " : "Edit ") + core::kindLabel(kind) +
                            (m_isNew ? "" : " " + core::entityLabel(*m_draft));
  ImGui::TextColored(theme.accent, "%s", title.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  if (!m_isNew && m_original) {
    // Another station (or an undo) may have changed or removed it while the form was open.
    const core::Id id = core::idOf(*m_original);
    std::optional<core::Entity> now;
    const core::Snapshot& s = *ctx.snapshot;
    switch (kind) {
      case core::EntityKind::Agency:
        if (const auto* p = s.agency(id)) now = *p;
        break;
      case core::EntityKind::Representative:
        if (const auto* p = s.representative(id)) now = *p;
        break;
      case core::EntityKind::Channel:
        if (const auto* p = s.channel(id)) now = *p;
        break;
      case core::EntityKind::Need:
        if (const auto* p = s.need(id)) now = *p;
        break;
      case core::EntityKind::Infrastructure:
        if (const auto* p = s.infrastructureItem(id)) now = *p;
        break;
      default:
        break;
    }
    ImGui::PushTextWrapPos(0.0f);
    if (!now)
      ImGui::TextColored(theme.warn, "Removed since this form opened; saving adds it back.");
    else if (!(*now == *m_original))
      ImGui::TextColored(theme.warn,
                         "Changed elsewhere since this form opened; saving replaces that change.");
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();

  ImGui::PushID("directory-form");
  if (ImGui::BeginTable("##form", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 8.5f * em);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, core::Agency>) drawAgency(ctx, v, hits);
          if constexpr (std::is_same_v<T, core::Representative>) drawRepresentative(ctx, v, hits);
          if constexpr (std::is_same_v<T, core::Channel>) drawChannel(ctx, v, hits);
          if constexpr (std::is_same_v<T, core::Need>) drawNeed(ctx, v, hits);
          if constexpr (std::is_same_v<T, core::Infrastructure>) drawInfrastructure(ctx, v, hits);
        },
        *m_draft);
    ImGui::EndTable();
  }
  ImGui::PopID();

  ImGui::Spacing();
  // Problems of fields the form has no line for (none today, but never hide one).
  if (m_touched)
    for (const core::FieldProblem& p : m_problems) {
      const std::string said = core::problemsOf(m_problems, p.field);
      if (std::find(m_shown.begin(), m_shown.end(), said) == m_shown.end() &&
          std::none_of(m_shown.begin(), m_shown.end(),
                       [&](const std::string& s) { return s.find(p.text()) != std::string::npos; })) {
        ImGui::TextColored(theme.danger, "\xE2\x96\xB2 %s", p.text().c_str());
        m_shown.push_back(p.text());
      }
    }

  const bool saveable = m_problems.empty();
  if (ImGui::Button(m_isNew ? "Add" : "Save")) {
    m_touched = true;
    if (saveable && !ctx.read_only) {
      const std::string what = core::kindLabel(kind) + " " + core::entityLabel(*m_draft);
      ctx.outbox.command(core::put(*m_draft));
      emitted(ctx);
      setMessage((m_isNew ? "Added " : "Saved ") + what, false);
      if (!m_isNew) ctx.selection = Selection{kind, core::idOf(*m_draft)};
      cancel();
      hits.recordLastItem("save");
      return;
    }
    setMessage(ctx.read_only ? "Not saved: this station is read-only"
                             : "Not saved: " + std::to_string(m_problems.size()) + " problem" +
                                   (m_problems.size() == 1 ? "" : "s") + " to fix",
               true);
  }
  hits.recordLastItem("save");
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) {
    cancel();
    setMessage("", false);
  }
  hits.recordLastItem("cancel");
  if (m_touched && !saveable) {
    ImGui::SameLine();
    ImGui::TextColored(theme.danger, "%zu problem%s to fix", m_problems.size(),
                       m_problems.size() == 1 ? "" : "s");
  }
}

// ---- removal ------------------------------------------------------------------------------------

void DirectoryEditor::drawRemoveConfirmation(AppContext& ctx, HitMap& hits) {
  if (!m_remove || !ctx.snapshot) return;
  const Theme& theme = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (!m_remove->opened) {
    m_impact = removalImpact(*ctx.snapshot, m_remove->kind, m_remove->id);
    ImGui::OpenPopup(kRemovePopup);
    m_remove->opened = true;
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(24 * em, 0), ImVec2(48 * em, 30 * em));
  if (!ImGui::BeginPopupModal(kRemovePopup, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    m_remove.reset();  // closed from outside
    return;
  }
  ImGui::PushTextWrapPos(46 * em);
  ImGui::Text("Remove %s?", m_impact.what.c_str());
  if (!m_impact.removed.empty()) {
    ImGui::TextColored(theme.danger, "This also removes:");
    for (const std::string& s : m_impact.removed) ImGui::BulletText("%s", s.c_str());
  }
  if (!m_impact.detached.empty()) {
    ImGui::TextColored(theme.text_muted, "and changes:");
    for (const std::string& s : m_impact.detached) ImGui::BulletText("%s", s.c_str());
  }
  if (m_impact.removed.empty() && m_impact.detached.empty())
    ImGui::TextColored(theme.text_muted, "Nothing else goes with it.");
  ImGui::TextColored(theme.text_muted, "Every removal is journaled; \"Undo last change\" brings "
                                       "it all back.");
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, theme.danger);
  const bool confirm = ImGui::Button("Remove");
  ImGui::PopStyleColor();
  hits.recordLastItem("confirm-remove");
  ImGui::SameLine();
  const bool keep = ImGui::Button("Keep") ||
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  hits.recordLastItem("cancel-remove");
  if (confirm && !ctx.read_only) {
    ctx.outbox.command(core::remove(m_remove->kind, m_remove->id));
    emitted(ctx);
    setMessage("Removed " + m_impact.what +
                   (m_impact.removed.empty()
                        ? std::string()
                        : " and " + std::to_string(m_impact.removed.size()) + " more"),
               false);
    if (ctx.selection.is(m_remove->kind, m_remove->id)) ctx.selection = Selection{};
    if (m_draft && core::kindOf(*m_draft) == m_remove->kind &&
        core::idOf(*m_draft) == m_remove->id)
      DirectoryEditor::cancel();
  }
  if (confirm || keep) {
    m_remove.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace liaison::app
