// The inspector in the right column, beside the analysis: whatever agency or person is selected
// (a click in the network view, the map, the directory or the analysis panel), with its
// checklist fields, people and their contacts (sensitive ones masked until revealed), channels
// and needs, each editable. The same InspectorView and DirectoryEditor as the directory's side
// pane, so the two never disagree. Not on the wall (contacts).
#pragma once

#include "app/panels/directory_editor.hpp"
#include "app/panels/inspector_view.hpp"
#include "app/shell/app_context.hpp"
#include "app/shell/panel.hpp"

namespace liaison::app {

class InspectorPanel final : public Panel {
 public:
  const char* name() const override { return "Inspector"; }
  PanelSlot slot() const override { return PanelSlot::Right; }
  void drawContent(AppContext& ctx) override;
  // The tab comes forward when the selection changes to an agency or a person.
  bool wantsFocus(const AppContext& ctx) override;

  const InspectorView& inspector() const { return m_inspector; }
  DirectoryEditor& editor() { return m_editor; }

 private:
  InspectorView m_inspector;
  DirectoryEditor m_editor;
  HitMap m_hits;
  Selection m_seen;
};

}  // namespace liaison::app
