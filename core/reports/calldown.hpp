// Call-down rounds: the liaison notifies a list of agencies (a subject, a message, a method)
// and records who acknowledged, when; the ones outstanding are repeated at an interval. Kept
// as timeline events (kind message), so they are journaled and shown like every other event:
//   start  source "calldown:round:start:METHOD:REPEAT_MIN", agencies = the recipients,
//          text "CALL-DOWN ROUND: SUBJECT - MESSAGE"
//   ack    source "calldown:ROUND:ack:BY", agencies = {the agency}, text "... acknowledged"
// ROUND is the id of the start event.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/command.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

struct CallDownRecipient {
  Id agency = 0;
  std::optional<TimeUtc> acked_at;
  std::string acked_by;
};

struct CallDownRound {
  Id id = 0;  // the start event
  TimeUtc started = 0;
  std::string subject, message, method;
  int repeat_min = 0;  // 0: no repeat
  std::vector<CallDownRecipient> recipients;
  int outstanding() const;
  // When the outstanding ones are due to be called again after `now` (nothing when none
  // are outstanding or there is no repeat).
  std::optional<TimeUtc> nextRepeat(TimeUtc now) const;
};

// The start event of a round (agencies: at least one, each once).
TimelineEvent callDownStart(const Snapshot& s, const std::string& subject,
                            const std::string& message, const std::string& method,
                            const std::vector<Id>& agencies, int repeat_min, TimeUtc now);
// The acknowledgement of `agency` in `round`; throws std::runtime_error when the round does not
// exist, the agency is not a recipient or has acknowledged already.
TimelineEvent callDownAck(const Snapshot& s, Id round, Id agency, const std::string& by,
                          TimeUtc now);

// Every round in the workspace, oldest first.
std::vector<CallDownRound> callDownRounds(const Snapshot& s);

}  // namespace liaison::core
