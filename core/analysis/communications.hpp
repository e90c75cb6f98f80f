// The network that really happened, beside the one that was planned: the message log
// (Snapshot::messages) compared with the needs (who should talk) and the channels (who can).
//
// The window. Measures over the messages with from <= time < to (unset ends: unbounded), or
// over an operational period's [start, end). Silence is measured at `as_of`: the option when
// given; else min(to, now) when the window has an end; else the time of the last message in
// the log (a replayed or imported log is judged at its own end, not at today's date).
//
// Endpoints. A message's sender is its representative, or its agency's primary contact when
// only the agency is known (network_builder.hpp's primaryContact: the same person agency
// channels attach to); likewise for each recipient agency. A message to several people is one
// contact with each. Contacts with oneself (an agency writing to its own primary contact) and
// messages whose ends no longer exist are left out.
//
// The actual-contact network. One node per representative (node id = representative id, the
// engine's ids), one undirected edge per pair of people that exchanged at least one message in
// the window (weight = messages; the media counted), built by graph/contact_network.hpp.
// Per person: degree (distinct partners), load (messages sent + received), betweenness (raw and
// normalised by (n-1)(n-2)/2, n = every representative).
//
// Silent needs. A need is silent when no message between its two agencies (a sender of one
// and a recipient of the other, either way, or a message naming the need) was passed in the
// last interval before as_of. The interval is the priority's: critical 30 min, high 60,
// normal 120, low 240 (CommunicationsOptions::silence, or one value for all with silent_after).
// Only messages at or before as_of count; the window's start does not bound the search for the
// last contact. Listed most urgent first: priority, then longer silence first, then need id.
// A need that never had contact on record is silent since the window's start (or the
// incident's start; or, with neither, counted as silent for 0 min and said "no contact on
// record").
//
// Emergent coordinators. Coordinating roles are read from the position (case ignored): a
// "liaison role" is a position containing "liaison" or "agency representative"; a
// "coordinating role" is a liaison role, the agency's primary contact (its formal point of
// contact, through whom agency channels run), or a position containing "coordinator", "duty
// officer", "emergency manager", "eoc manager" or "incident commander". A person WITHOUT a
// coordinating role is an emergent coordinator in the window when
//   load >= min_load (10) and they exchanged messages with people of >= min_agencies (3)
//   agencies other than their own, and either
//   (a) load >= load_factor (4) x the median load of the active (load > 0) people without a
//       coordinating role, or
//   (b) actual normalised betweenness >= min_betweenness (0.05) and >= betweenness_factor (4)
//       x their normalised betweenness in the planned network (the engine's representative
//       network of usable channels, directions ignored; a planned value of 0 counts as 0.001).
// Listed by load, highest first. Idle liaisons: people with a liaison role, on duty, whose
// agency has at least one need, with no message in the window.
//
// Unplanned links. Agency pairs (two different agencies) with >= unplanned_min (3) messages in
// the window that lack a recorded channel between them (an agency channel, or a channel between
// any of their people) or a need between them: the candidates for "Add channel" / "Add need".
// Pairs lacking both first, then by messages.
//
// Channels. A message uses its channel when it names one; otherwise the one channel of its
// medium joining its sender and a recipient (people, or their agencies), when exactly one does.
// Never used: channels not down with no message in the window. Overloaded: channels whose
// busiest 60-minute span (sliding, starting at a message) holds >= overload_per_hour (12).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/snapshot.hpp"

namespace liaison::core {

struct SilenceIntervals {
  double critical = 30, high = 60, normal = 120, low = 240;  // minutes
  double of(Priority p) const;
};

struct CommunicationsOptions {
  std::optional<TimeUtc> from, to;
  std::optional<int> period;  // an operational period's number (of the main incident)
  std::optional<TimeUtc> as_of;
  TimeUtc now = 0;  // the wall clock (the caller's); used only when the window has an end
  SilenceIntervals silence;
  std::optional<double> silent_after;  // minutes, for every priority
  int min_load = 10;
  int min_agencies = 3;
  double load_factor = 4;
  double min_betweenness = 0.05;
  double betweenness_factor = 4;
  int unplanned_min = 3;
  int overload_per_hour = 12;
};

struct PersonTraffic {
  Id rep = 0, agency = 0;
  int sent = 0, received = 0, load = 0;
  int degree = 0;       // distinct partners
  int agencies = 0;     // distinct other agencies of the partners
  double betweenness = 0, betweenness_normalized = 0;
  double planned_betweenness_normalized = 0;
  bool liaison_role = false, coordinating_role = false;
};

struct ContactLink {
  Id a = 0, b = 0;  // representatives, a < b
  int messages = 0;
  std::map<Medium, int> media;
};

struct SilentNeed {
  Id need = 0, agency_a = 0, agency_b = 0;
  Priority priority = Priority::Normal;
  double interval_min = 0;
  double silent_min = 0;             // as_of - last contact (or the window's start)
  std::optional<TimeUtc> last_contact;
  Id last_message = 0;
  std::optional<Medium> last_medium;
  std::string text;  // "RCFD - TVRR (need 3, critical): last contact 2 h 10 min ago, via phone"
};

struct EmergentCoordinator {
  Id rep = 0, agency = 0;
  int load = 0, agencies = 0;
  double expected_load = 0;
  double betweenness_normalized = 0, planned_betweenness_normalized = 0;
  bool by_load = false, by_brokerage = false;
  std::string text;
};

struct IdleLiaison {
  Id rep = 0, agency = 0;
  int needs = 0;
};

struct UnplannedLink {
  Id agency_a = 0, agency_b = 0;  // a < b
  int messages = 0;
  bool has_channel = false, has_need = false;
  std::string text;
};

struct ChannelLoad {
  Id channel = 0;
  int messages = 0;
  int peak_hour = 0;       // messages in its busiest 60 minutes
  TimeUtc peak_start = 0;
};

struct CommunicationsResult {
  std::optional<TimeUtc> from, to;
  TimeUtc as_of = 0;
  int messages = 0;          // in the window
  int messages_skipped = 0;  // in the window, without usable ends
  std::vector<PersonTraffic> people;  // every representative with load > 0, by load desc
  std::vector<ContactLink> links;     // by messages desc
  std::vector<SilentNeed> silent;
  std::vector<EmergentCoordinator> coordinators;
  std::vector<IdleLiaison> idle_liaisons;
  std::vector<UnplannedLink> unplanned;
  std::vector<Id> unused_channels;
  std::vector<ChannelLoad> overloaded;
  std::vector<ChannelLoad> channel_loads;  // every channel used, by messages desc
};

// Throws std::invalid_argument for a period number the incident does not have, or from >= to.
CommunicationsResult analyzeCommunications(const Snapshot& s, const CommunicationsOptions& o);

// "2 h 10 min", "45 min", "3 d 4 h".
std::string durationText(double minutes);

// The `communications` section of `liaison analyze --json` (README "JSON output").
nlohmann::json communicationsJson(const Snapshot& s, const CommunicationsResult& r);

}  // namespace liaison::core
