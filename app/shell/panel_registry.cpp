#include "panel_registry.hpp"

#include <cstring>

#include "app/panels/activity_log_panel.hpp"
#include "app/panels/analysis_panel.hpp"
#include "app/panels/communications_panel.hpp"
#include "app/panels/controller_panel.hpp"
#include "app/panels/directory_panel.hpp"
#include "app/panels/inspector_panel.hpp"
#include "app/panels/map_view.hpp"
#include "app/panels/network_view.hpp"
#include "app/panels/public_info_panel.hpp"
#include "app/panels/task_board_panel.hpp"
#include "app/panels/timeline_panel.hpp"

namespace liaison::app {

PanelRegistry PanelRegistry::makeDefault() {
  std::vector<std::unique_ptr<Panel>> panels;
  panels.push_back(std::make_unique<NetworkView>());  // first in the centre: the default tab
  panels.push_back(std::make_unique<DirectoryPanel>());
  panels.push_back(std::make_unique<TimelinePanel>());
  panels.push_back(std::make_unique<TaskBoardPanel>());
  panels.push_back(std::make_unique<ActivityLogPanel>());
  panels.push_back(std::make_unique<MapView>());
  panels.push_back(std::make_unique<CommunicationsPanel>());
  panels.push_back(std::make_unique<PublicInfoPanel>());
  panels.push_back(std::make_unique<ControllerPanel>());  // "Exercise", last centre tab
  panels.push_back(std::make_unique<AnalysisPanel>());  // the right column
  panels.push_back(std::make_unique<InspectorPanel>());
  return PanelRegistry(std::move(panels));
}

Panel* PanelRegistry::byName(const char* name) const {
  for (const auto& p : m_panels)
    if (std::strcmp(p->name(), name) == 0) return p.get();
  return nullptr;
}

}  // namespace liaison::app
