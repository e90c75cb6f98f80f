// The communications panel: the message log against the plan (core/analysis/communications):
// silent needs (most urgent first, "last contact ... ago, via ..."), emergent coordinators and
// idle liaisons, unplanned links with "Add channel" / "Add need" (commands through ctx.outbox),
// channels never used and overloaded. The window is the whole log or one operational period.
// The result is computed on the frame thread only when the snapshot's version or the window
// changes (a few milliseconds on the demo's log), never every frame.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/panel.hpp"
#include "app/shell/screen_rect.hpp"
#include "core/analysis/communications.hpp"

namespace liaison::app {

class CommunicationsPanel final : public Panel {
 public:
  const char* name() const override { return "Communications"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  void drawContent(AppContext& ctx) override;

  // ---- for tests ------------------------------------------------------------------------------
  const core::CommunicationsResult* result() const { return m_result.get(); }
  int computations() const { return m_computations; }
  void setPeriod(std::optional<int> period) { m_period = period; }
  // One pair of buttons per unplanned link drawn, in the result's order.
  const std::vector<ScreenRect>& addChannelRects() const { return m_addChannelRects; }
  const std::vector<ScreenRect>& addNeedRects() const { return m_addNeedRects; }

 private:
  void refresh(const AppContext& ctx);
  std::shared_ptr<const core::CommunicationsResult> m_result;
  std::uint64_t m_version = ~0ull;
  const void* m_snapshot = nullptr;
  std::optional<int> m_period, m_periodOf;
  bool m_computedOnce = false;
  int m_computations = 0;
  std::string m_error;
  std::set<std::pair<core::Id, core::Id>> m_added;
  std::vector<ScreenRect> m_addChannelRects, m_addNeedRects;
};

}  // namespace liaison::app
