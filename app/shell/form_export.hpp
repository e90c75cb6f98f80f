// The File menu's ICS 205A and ICS 203 exports: the menu items put a FormExport request into the
// outbox, and the loop writes the form next to the workspace file after the frame
// (core/reports/ics_forms.hpp does the work).
#pragma once

#include <filesystem>
#include <string>

#include "app_context.hpp"
#include "core/reports/ics_forms.hpp"

namespace liaison::app {

// Writes WORKSPACE-ics205a[-pN][-CODE].csv|.html (ics203-reps for the ICS 203) in dir, by default
// beside the workspace file; returns the path written. Throws with the reason on failure.
std::filesystem::path writeFormExport(const core::Snapshot& s, const FormExport& what,
                                      std::filesystem::path dir = {});

// The agency the selection points at: the selected agency, or the selected representative's
// agency; 0 for anything else.
core::Id selectedAgency(const core::Snapshot& s, const Selection& selection);

// The two submenus "Export ICS 205A (CSV/HTML)" and "Export ICS 203 reps (CSV/HTML)" inside an
// open menu: CSV and HTML of the whole directory, and of the selected agency only when the
// selection is one (or one of its people); for the 205A a toggle to include sensitive values,
// available only while "Show sensitive contacts" is on. The forms cover the operational period
// running now, else the whole incident. The loop writes it (writeFormExport) and puts the path
// written (or the error) into ctx.status_message.
void drawFormExportMenus(AppContext& ctx, bool& include_sensitive);

}  // namespace liaison::app
