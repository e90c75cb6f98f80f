#include "form_export.hpp"

#include <imgui.h>

#include <fstream>
#include <stdexcept>
#include <utility>

#include "core/formats/output_file.hpp"
#include "core/store/store.hpp"  // nowUtc

namespace liaison::app {

std::filesystem::path writeFormExport(const core::Snapshot& s, const FormExport& what,
                                      std::filesystem::path dir) {
  const std::filesystem::path ws(s.path);
  if (dir.empty()) dir = ws.has_parent_path() ? ws.parent_path() : std::filesystem::current_path();
  std::string name = ws.stem().empty() ? "workspace" : ws.stem().string();
  name += what.form == core::IcsForm::Ics205a ? "-ics205a" : "-ics203-reps";
  if (what.period) name += "-p" + std::to_string(what.period);
  core::IcsFormOptions o;
  o.period = what.period;
  if (what.agency) {
    const core::Agency* a = s.agency(what.agency);
    if (!a) throw std::invalid_argument("the selected agency is no longer in the workspace");
    o.agencies = {what.agency};
    name += "-" + core::fileNamePart(a->code);  // a code is user text: never a path
  }
  o.include_sensitive = what.include_sensitive;
  o.prepared_by = what.prepared_by;
  o.prepared_at = core::nowUtc();
  const std::string text = core::renderIcsForm(s, what.form, what.format, o);
  const std::filesystem::path out =
      dir / (name + (what.format == core::ReportFormat::Csv ? ".csv" : ".html"));
  core::writeOutputFile(out, text);
  return out;
}

core::Id selectedAgency(const core::Snapshot& s, const Selection& selection) {
  if (selection.empty()) return 0;
  if (selection.kind == core::EntityKind::Agency) return s.agency(selection.id) ? selection.id : 0;
  if (selection.kind == core::EntityKind::Representative)
    if (const core::Representative* r = s.representative(selection.id))
      return s.agency(r->agency) ? r->agency : 0;
  return 0;
}

void drawFormExportMenus(AppContext& ctx, bool& include_sensitive) {
  const core::Snapshot* s = ctx.snapshot.get();
  const core::Id agency = s ? selectedAgency(*s, ctx.selection) : 0;
  const core::Agency* selected = agency ? s->agency(agency) : nullptr;
  const std::pair<const char*, core::IcsForm> forms[] = {
      {"Export ICS 205A (CSV/HTML)", core::IcsForm::Ics205a},
      {"Export ICS 203 reps (CSV/HTML)", core::IcsForm::Ics203Reps}};
  for (const auto& entry : forms) {
    const core::IcsForm form = entry.second;
    if (!ImGui::BeginMenu(entry.first, s != nullptr)) continue;
    const auto item = [&](const std::string& text, core::ReportFormat format, core::Id only) {
      if (!ImGui::MenuItem(text.c_str())) return;
      FormExport what;
      what.form = form;
      what.format = format;
      what.agency = only;
      const core::OperationalPeriod* now = core::periodAt(*s, core::nowUtc());
      what.period = now ? now->number : 0;
      what.include_sensitive =
          form == core::IcsForm::Ics205a && include_sensitive && ctx.mayShowSensitive();
      what.prepared_by = ctx.actor;
      ctx.outbox.put(what);
    };
    item("CSV", core::ReportFormat::Csv, 0);
    item("HTML (printable)", core::ReportFormat::Html, 0);
    if (selected) {
      ImGui::Separator();
      item("CSV, selected agency only (" + selected->code + ")", core::ReportFormat::Csv, agency);
      item("HTML, selected agency only (" + selected->code + ")", core::ReportFormat::Html, agency);
    }
    if (form == core::IcsForm::Ics205a) {
      ImGui::Separator();
      bool shown = include_sensitive && ctx.mayShowSensitive();
      if (ImGui::MenuItem("Include sensitive values", nullptr, &shown, ctx.mayShowSensitive()))
        include_sensitive = shown;
      if (!ctx.mayShowSensitive() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Masked. Tick View > Show sensitive contacts first.");
    }
    ImGui::EndMenu();
  }
}

}  // namespace liaison::app
