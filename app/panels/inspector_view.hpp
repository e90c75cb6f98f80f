// The inspector of the selected agency or representative (ctx.selection), drawn beside the
// directory: the agency's liaison checklist fields (type, assisting or cooperating, discipline
// / ESF, jurisdiction, location, agreements, resources, personnel, condition, constraints and
// limitations, where its representative sits), its representatives with every method of
// contact, its channels and its needs, each with Edit and Remove. Sensitive contact values
// stay masked until revealed one at a time (or by "Show sensitive"); the wall never draws it.
#pragma once

#include <set>
#include <string>

#include "core/model/model.hpp"
#include "directory_editor.hpp"

namespace liaison::app {

struct AppContext;

class InspectorView {
 public:
  void draw(AppContext& ctx, DirectoryEditor& editor, HitMap& hits);

  // The agency shown last frame (0 when none), kept while a form takes its place.
  core::Id shownAgency() const { return m_agency; }
  void hide() { m_agency = 0; }  // a frame without the inspector (the wall)
  // Whether a sensitive value is revealed on this workstation (key: rep id, contact index,
  // value, so a changed value is masked again).
  bool revealed(core::Id rep, std::size_t index, const std::string& value) const;

 private:
  void drawChecklist(AppContext& ctx, const core::Agency& a);
  void drawRepresentatives(AppContext& ctx, DirectoryEditor& editor, HitMap& hits,
                           const AgencyRelations& rel);
  void drawChannelsAndNeeds(AppContext& ctx, DirectoryEditor& editor, HitMap& hits,
                            const core::Agency& a, const AgencyRelations& rel);
  static std::string revealKey(core::Id rep, std::size_t index, const std::string& value);

  core::Id m_agency = 0;
  std::set<std::string> m_revealed;
};

}  // namespace liaison::app
