// The analysis panel: who needs to talk to whom and how well they can (each need's state and
// paths explained hop by hop), the path between two agencies, bottlenecks and single points of
// failure, what-if (people and channels marked down) and recommended new links. It draws the
// engine's last result from ctx.analysis / ctx.whatif and never waits for the worker.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/shell/screen_rect.hpp"
#include "app/shell/panel.hpp"
#include "core/analysis/analysis.hpp"  // Endpoint
#include "core/model/model.hpp"

namespace liaison::core {
struct AnalysisResult;
struct ExplainedPath;
struct NeedResult;
struct Snapshot;
}  // namespace liaison::core

namespace liaison::app {

class AnalysisPanel final : public Panel {
 public:
  const char* name() const override { return "Analysis"; }
  PanelSlot slot() const override { return PanelSlot::Right; }
  void drawContent(AppContext& ctx) override;

  // ---- queries for tests (as drawn last frame, screen pixels) -------------------------------
  // The needs in the order listed: broken, single path, slow, ok; then priority, then id.
  const std::vector<core::Id>& needOrder() const { return m_order; }
  const ScreenRect* needRowRect(core::Id need) const;
  // The first "What if unavailable?" checkbox drawn for a person (bottlenecks come first).
  const ScreenRect* whatIfToggleRect(core::Id rep) const;
  // One "Add channel" button per recommendation, in the result's order.
  const std::vector<ScreenRect>& addChannelRects() const { return m_addRects; }
  const std::vector<std::pair<core::Id, core::Id>>& recommendationButtons() const {
    return m_addPairs;
  }
  const ScreenRect& resetRect() const { return m_resetRect; }
  // "Show in network view" for a pair without a recorded need (empty until answered).
  const ScreenRect& pairShowRect() const { return m_pairShowRect; }
  // What-if: pick who to mark down (an agency marks all its people) and the button.
  void setDownPick(core::Endpoint who) { m_downPick = who; }
  const ScreenRect& markDownRect() const { return m_markDownRect; }
  // ... and infrastructure to mark down (the combo is shown when the workspace has any).
  void setDownInfrastructure(core::Id id) { m_downInfra = id; }
  const ScreenRect& markInfrastructureRect() const { return m_markInfraRect; }
  bool showedUpdating() const { return m_updating; }
  void setPair(core::Id agency_a, core::Id agency_b) {
    m_from = {core::EntityKind::Agency, agency_a};
    m_to = {core::EntityKind::Agency, agency_b};
  }
  void setPair(core::Endpoint from, core::Endpoint to) {
    m_from = from;
    m_to = to;
  }

 private:
  void refreshOrder(const core::AnalysisResult& result);
  void drawStatusLine(const AppContext& ctx);
  void drawNeeds(AppContext& ctx, const core::AnalysisResult& result);
  void drawNeedDetails(const AppContext& ctx, const core::AnalysisResult& result,
                       const core::NeedResult& need);
  void drawPathBlock(const AppContext& ctx, const char* title, const core::ExplainedPath& path,
                     const core::ExplainedPath* same_as, const char* same_name);
  void drawPair(AppContext& ctx, const core::AnalysisResult& result);
  void drawBottlenecks(AppContext& ctx, const core::AnalysisResult& result);
  void drawWhatIfToggle(AppContext& ctx, const core::AnalysisResult& result, core::Id node);
  void drawWhatIf(AppContext& ctx, const core::AnalysisResult& result);
  void drawMarkDown(AppContext& ctx);
  static std::string channelLabel(const core::Snapshot* snap, core::Id channel);
  void drawRecommendations(AppContext& ctx, const core::AnalysisResult& result);
  void heading(const AppContext& ctx, const char* text);

  std::shared_ptr<const core::AnalysisResult> m_orderOf;
  std::vector<core::Id> m_order;
  static std::string endpointLabel(const core::Snapshot* snap, const core::Endpoint& e);
  core::Endpoint m_from, m_to;  // id 0: not picked
  // Links already proposed from this result (cleared when a new result arrives), so one click
  // cannot queue the same channel twice while the store and the engine catch up.
  std::set<std::pair<core::Id, core::Id>> m_added;
  bool m_updating = false;

  std::map<core::Id, ScreenRect> m_needRects, m_toggleRects;
  std::vector<ScreenRect> m_addRects;
  std::vector<std::pair<core::Id, core::Id>> m_addPairs;
  ScreenRect m_resetRect, m_pairShowRect, m_markDownRect;
  core::Endpoint m_downPick;
  core::Id m_downChannel = 0;
  core::Id m_downInfra = 0;
  ScreenRect m_markInfraRect;
};

}  // namespace liaison::app
