// The player's notice of an exercise inject: while an inject has been delivered and not yet
// acknowledged, a banner marked "EXERCISE EXERCISE EXERCISE" over the dashboard shows its
// subject, message, from and to. F9 acknowledges it; the action taken can then be typed and
// recorded with Enter. Never drawn in wall mode (the wall is not interactive).
#pragma once

#include <string>

#include "app/shell/screen_rect.hpp"
#include "app_context.hpp"

namespace liaison::app {

class ExerciseNotice {
 public:
  static constexpr const char* kAckKeyName = "F9";

  void draw(AppContext& ctx);

  // For tests: the inject the banner shows ("" when hidden), whether it waits for the action
  // only (already acknowledged here), and last frame's rectangles of its controls.
  const std::string& shownInject() const { return m_shown; }
  bool awaitingAction() const { return m_awaitingAction; }
  const ScreenRect& acknowledgeRect() const { return m_ackRect; }
  const ScreenRect& actionRect() const { return m_actionRect; }

 private:
  void acknowledge(AppContext& ctx, const std::string& number);

  std::string m_shown;
  bool m_awaitingAction = false;
  std::string m_followUp;  // acknowledged from this station; the action may follow
  std::string m_action;
  ScreenRect m_ackRect, m_actionRect;
};

}  // namespace liaison::app
