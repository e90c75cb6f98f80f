#include "inspector_panel.hpp"

#include <imgui.h>

#include "app/shell/theme.hpp"

namespace liaison::app {

bool InspectorPanel::wantsFocus(const AppContext& ctx) {
  if (ctx.selection == m_seen) return false;
  m_seen = ctx.selection;
  return ctx.selection.kind == core::EntityKind::Agency ||
         ctx.selection.kind == core::EntityKind::Representative;
}

void InspectorPanel::drawContent(AppContext& ctx) {
  m_hits.clear();
  m_editor.observe(ctx);
  if (m_editor.editing()) {
    m_editor.drawForm(ctx, m_hits);
  } else {
    const bool person = ctx.selection.kind == core::EntityKind::Representative;
    if (ctx.selection.empty() || (ctx.selection.kind != core::EntityKind::Agency && !person)) {
      const Theme& th = themeData(ctx.theme);
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(th.text_muted,
                         "Select an agency or a person (in the network view, the map or the "
                         "directory) to see its checklist, its people and how to reach them, its "
                         "channels and its needs.");
      ImGui::PopTextWrapPos();
      m_inspector.hide();
    } else {
      m_inspector.draw(ctx, m_editor, m_hits);
    }
  }
  m_editor.drawRemoveConfirmation(ctx, m_hits);
}

}  // namespace liaison::app
