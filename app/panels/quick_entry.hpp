// The quick-entry line: Ctrl+E from anywhere opens one line to log a timeline event (time
// defaults to now and stays editable; agencies and kind complete with Tab; Enter records it
// through ctx.outbox, so the store journals it). With no agencies and a text of the shape
// "RCFD>TVRR phone: text" (a sender that resolves; core/analysis/message_entry.hpp) it logs a
// message instead (medium phone when none is given). Drawn by the dashboard above every panel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::app {

struct AppContext;

class QuickEntry {
 public:
  void draw(AppContext& ctx);
  bool isOpen() const { return m_open; }
  void open(core::TimeUtc now);
  void close() { m_open = false; }

  // Tab completion of the last token (after a space or comma) against the candidates,
  // case-insensitive: a unique match completes fully, several extend to the common prefix.
  static std::string completeLast(const std::string& text,
                                  const std::vector<std::string>& candidates);
  // The event the line describes now (throws std::invalid_argument with the reason).
  core::TimelineEvent parse(const AppContext& ctx) const;
  // The message the line describes, or nullopt when it is an event (no agencies, a text of the
  // shape FROM>TO[,TO] [MEDIUM|KIND]: TEXT whose FROM names someone). Throws
  // std::invalid_argument for a recipient that is unknown or ambiguous (with candidates).
  std::optional<core::Message> parseMessage(const AppContext& ctx) const;

  std::string time, agencies, kind = "note", text;
  bool significant = false;

 private:
  bool m_open = false;
  bool m_focus = false;
  std::string m_error;
};

}  // namespace liaison::app
