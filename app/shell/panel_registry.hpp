// The one list of every panel of the dashboard. To add a panel, write its class in
// app/panels/ and add one line to PanelRegistry::makeDefault() in panel_registry.cpp.
#pragma once

#include <memory>
#include <vector>

#include "panel.hpp"

namespace liaison::app {

class PanelRegistry {
 public:
  PanelRegistry() = default;
  explicit PanelRegistry(std::vector<std::unique_ptr<Panel>> panels)
      : m_panels(std::move(panels)) {}

  // Every panel of the application, in View-menu order.
  static PanelRegistry makeDefault();

  const std::vector<std::unique_ptr<Panel>>& panels() const { return m_panels; }
  Panel* byName(const char* name) const;

  template <class T>
  T* find() const {
    for (const auto& p : m_panels)
      if (auto* t = dynamic_cast<T*>(p.get())) return t;
    return nullptr;
  }

 private:
  std::vector<std::unique_ptr<Panel>> m_panels;
};

}  // namespace liaison::app
