// Public information: press releases, posts, call-line scripts, FAQs, rumour control and
// public alerts, listed by status (draft, checked, approved, released, then superseded and
// cancelled). Each row's button takes the item one step (checked, approve, release, new
// version, cancel) by emitting the commands of core/reports/public_info.hpp into the outbox:
// the store refuses an illegal step, and its message shows in the status line. Approvals and
// releases carry the operational time (the exercise clock in a drill). "New draft" adds one.
// The selected item (AppContext::selection) shows its text below the list.
#pragma once

#include <map>
#include <string>
#include <utility>

#include "app/shell/panel.hpp"
#include "app/shell/screen_rect.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::app {

class PublicInfoPanel final : public Panel {
 public:
  enum class Action { Check, Approve, Release, Supersede, Cancel };

  const char* name() const override { return "Public info"; }
  PanelSlot slot() const override { return PanelSlot::Centre; }
  void drawContent(AppContext& ctx) override;

  // Where each row's action button was drawn last frame (tests).
  const std::map<std::pair<core::Id, Action>, ScreenRect>& buttonRects() const {
    return m_buttons;
  }
  // The status each item was listed under last frame.
  const std::map<core::Id, core::PublicStatus>& shownStatus() const { return m_shown; }
  void setApprover(core::Id rep) { m_approver = rep; }
  void setChannel(std::string channel) { m_channel = std::move(channel); }

 private:
  void drawRow(AppContext& ctx, const core::Snapshot& s, const core::PublicItem& p, bool editable);
  void drawNewDraft(AppContext& ctx, const core::Snapshot& s);

  std::map<std::pair<core::Id, Action>, ScreenRect> m_buttons;
  std::map<core::Id, core::PublicStatus> m_shown;
  core::Id m_approver = 0;  // who approves (a representative); 0: the first one
  std::string m_channel = "press conference";
  std::string m_newTitle, m_newBody, m_newError;
  int m_newKind = 0;
};

}  // namespace liaison::app
