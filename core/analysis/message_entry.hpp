// Entering a message as fast as the liaison talks: the sender and recipients named by an agency
// code, a representative id ("rep:12" or "12") or a person's name (exact, or a unique part of
// it, case ignored), the medium and kind filled from each other, the channel found when exactly
// one recorded channel of that medium joins the two ends. Used by `liaison log` and the
// window's quick-entry line ("RCFD>TVRR phone: text").
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::core {

// A name that names nothing or more than one thing; candidates says what it could be.
class PartyError : public std::runtime_error {
 public:
  PartyError(const std::string& what, std::vector<std::string> names)
      : std::runtime_error(what), candidates(std::move(names)) {}
  std::vector<std::string> candidates;  // "RCFD (Riverside County Fire)", "rep 12 Ann Lee (TVRR)"
};

struct Party {
  EntityKind kind = EntityKind::Agency;  // Agency or Representative
  Id id = 0;
};

// Throws PartyError (with at most 10 candidates, best first) when text is unknown or ambiguous.
Party resolveParty(const Snapshot& s, const std::string& text);

// The party in words: "RCFD" or "Ann Lee (TVRR)".
std::string partyLabel(const Snapshot& s, const Party& p);

struct MessageDraft {
  std::string from;
  std::vector<std::string> to;
  std::optional<Medium> medium;
  std::optional<MessageKind> kind;
  Id channel = 0;  // 0: the one channel of the medium between the two ends, when there is one
  TimeUtc time = 0;
  std::string subject, text;
  Id need = 0, task = 0, reply_to = 0;
  std::string recorded_by;
  bool sensitive = false;
};

// The message a draft describes (id 0: the store allocates one). Throws PartyError for names,
// std::invalid_argument for the rest (no recipient, neither medium nor kind, sender among the
// recipients, a channel that does not exist).
Message buildMessage(const Snapshot& s, const MessageDraft& d);

// The medium a kind of message goes over, and the kind a medium suggests.
Medium mediumOfKind(MessageKind k);
MessageKind kindOfMedium(Medium m);

// "RCFD>TVRR phone: text", "Ann Lee>TVRR,PD radio: text", "RCFD>TVRR: text" (medium from
// defaultMedium): the from, to, medium and text of a quick-entry line; nullopt when the line
// does not have that shape. Does not resolve names.
struct QuickEntry {
  std::string from;
  std::vector<std::string> to;
  std::optional<Medium> medium;
  std::optional<MessageKind> kind;
  std::string text;
};
std::optional<QuickEntry> parseQuickEntry(const std::string& line);

}  // namespace liaison::core
