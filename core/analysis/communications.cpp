#include "core/analysis/communications.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "core/analysis/network_builder.hpp"
#include "core/model/enums.hpp"
#include "core/model/printable.hpp"
#include "core/model/values.hpp"
#include "graph/betweenness.hpp"
#include "graph/contact_network.hpp"

namespace liaison::core {

namespace {

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool contains(const std::string& hay, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (hay.find(w) != std::string::npos) return true;
  return false;
}

std::string code(const Snapshot& s, Id agency) {
  const Agency* a = s.agency(agency);
  return a ? printable(a->code) : "agency " + std::to_string(agency);
}

std::string person(const Snapshot& s, Id rep) {
  const Representative* r = s.representative(rep);
  if (!r) return "rep " + std::to_string(rep);
  return printable(r->name) + (r->position.empty() ? "" : ", " + printable(r->position)) + " (" +
         code(s, r->agency) + ", rep " + std::to_string(rep) + ")";
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One message with its ends resolved to people and agencies.
struct Resolved {
  const Message* m = nullptr;
  Id fromRep = 0, fromAgency = 0;
  std::vector<Id> toReps;       // people (recipient agencies through their primary contact)
  std::set<Id> toAgencies;      // every recipient's agency
  Id channel = 0;               // named or inferred; 0 when unknown
};

}  // namespace

double SilenceIntervals::of(Priority p) const {
  switch (p) {
    case Priority::Critical: return critical;
    case Priority::High: return high;
    case Priority::Normal: return normal;
    case Priority::Low: return low;
  }
  return normal;
}

std::string durationText(double minutes) {
  long m = std::lround(std::max(0.0, minutes));
  const long d = m / 1440;
  m %= 1440;
  const long h = m / 60;
  m %= 60;
  if (d > 0) return std::to_string(d) + " d " + std::to_string(h) + " h";
  if (h > 0) return std::to_string(h) + " h " + std::to_string(m) + " min";
  return std::to_string(m) + " min";
}

CommunicationsResult analyzeCommunications(const Snapshot& s, const CommunicationsOptions& o) {
  CommunicationsResult r;
  r.from = o.from;
  r.to = o.to;
  if (o.period) {
    const Incident* inc = s.mainIncident();
    const OperationalPeriod* found = nullptr;
    for (const OperationalPeriod& p : s.periods)
      if (p.number == *o.period && (!inc || p.incident == inc->id)) found = &p;
    if (!found)
      throw std::invalid_argument("the incident has no operational period " +
                                  std::to_string(*o.period));
    r.from = found->start;
    r.to = found->end;
  }
  if (r.from && r.to && *r.from >= *r.to)
    throw std::invalid_argument("the window's start (" + formatTime(*r.from) +
                                ") is not before its end (" + formatTime(*r.to) + ")");
  const auto inWindow = [&](TimeUtc t) { return (!r.from || t >= *r.from) && (!r.to || t < *r.to); };

  const std::vector<const Message*> log = s.messagesByTime();
  if (o.as_of)
    r.as_of = *o.as_of;
  else if (r.to)
    r.as_of = std::min(*r.to, o.now);
  else
    r.as_of = log.empty() ? o.now : log.back()->time;

  // Agencies' primary contacts and each person's agency.
  std::unordered_map<Id, Id> primary, agencyOf;
  for (const Agency& a : s.agencies)
    if (Id p = primaryContact(s, a.id)) primary[a.id] = p;
  for (const Representative& rep : s.representatives) agencyOf[rep.id] = rep.agency;

  // Channels by their ends, for inferring the channel of a message that names none.
  const auto inferChannel = [&](const Resolved& x) -> Id {
    if (x.m->channel != 0) return s.channel(x.m->channel) ? x.m->channel : 0;
    Id found = 0;
    int n = 0;
    for (const Channel& c : s.channels) {
      if (c.medium != x.m->medium) continue;
      bool joins = false;
      if (c.betweenReps()) {
        for (Id t : x.toReps)
          joins = joins || (c.from_rep == x.fromRep && c.to_rep == t) ||
                  (c.two_way && c.to_rep == x.fromRep && c.from_rep == t);
      } else {
        for (Id ta : x.toAgencies)
          joins = joins || (c.from_agency == x.fromAgency && c.to_agency == ta) ||
                  (c.two_way && c.to_agency == x.fromAgency && c.from_agency == ta);
      }
      if (joins) {
        found = c.id;
        ++n;
      }
    }
    return n == 1 ? found : 0;
  };

  std::vector<Resolved> all;  // every message up to as_of or the window's end, in time order
  all.reserve(log.size());
  for (const Message* m : log) {
    Resolved x;
    x.m = m;
    if (m->from_rep != 0 && agencyOf.count(m->from_rep)) {
      x.fromRep = m->from_rep;
      x.fromAgency = agencyOf[m->from_rep];
    } else if (m->from_agency != 0 && s.agency(m->from_agency)) {
      x.fromAgency = m->from_agency;
      auto p = primary.find(m->from_agency);
      x.fromRep = p == primary.end() ? 0 : p->second;
    }
    for (Id t : m->to_reps)
      if (agencyOf.count(t)) {
        x.toReps.push_back(t);
        x.toAgencies.insert(agencyOf[t]);
      }
    for (Id a : m->to_agencies)
      if (s.agency(a)) {
        x.toAgencies.insert(a);
        if (auto p = primary.find(a); p != primary.end()) x.toReps.push_back(p->second);
      }
    std::sort(x.toReps.begin(), x.toReps.end());
    x.toReps.erase(std::unique(x.toReps.begin(), x.toReps.end()), x.toReps.end());
    std::erase(x.toReps, x.fromRep);
    x.channel = inferChannel(x);
    all.push_back(std::move(x));
  }

  // ---- the window: people, links, channels ----
  std::unordered_map<Id, PersonTraffic> traffic;
  std::map<std::pair<Id, Id>, ContactLink> links;
  std::map<std::pair<Id, Id>, int> agencyPairs;
  std::unordered_map<Id, std::vector<TimeUtc>> channelTimes;
  std::unordered_map<Id, std::set<Id>> partners, partnerAgencies;
  for (const Resolved& x : all) {
    if (!inWindow(x.m->time)) continue;
    ++r.messages;
    if (x.fromAgency == 0 || x.toAgencies.empty()) {
      ++r.messages_skipped;
      continue;
    }
    if (x.channel) channelTimes[x.channel].push_back(x.m->time);
    for (Id ta : x.toAgencies)
      if (ta != x.fromAgency) ++agencyPairs[{std::min(ta, x.fromAgency), std::max(ta, x.fromAgency)}];
    if (x.fromRep == 0) continue;
    if (!x.toReps.empty()) ++traffic[x.fromRep].sent;
    for (Id t : x.toReps) {
      ++traffic[t].received;
      ContactLink& l = links[{std::min(t, x.fromRep), std::max(t, x.fromRep)}];
      l.a = std::min(t, x.fromRep);
      l.b = std::max(t, x.fromRep);
      ++l.messages;
      ++l.media[x.m->medium];
      partners[x.fromRep].insert(t);
      partners[t].insert(x.fromRep);
      if (agencyOf[t] != agencyOf[x.fromRep]) {
        partnerAgencies[x.fromRep].insert(agencyOf[t]);
        partnerAgencies[t].insert(agencyOf[x.fromRep]);
      }
    }
  }

  std::vector<graph::Id> nodes;
  for (const Representative& rep : s.representatives) nodes.push_back(rep.id);
  std::vector<graph::ContactCount> counts;
  for (const auto& [key, l] : links) counts.push_back({l.a, l.b, double(l.messages)});
  const graph::ContactNetwork actual(nodes, counts);

  // The planned network's brokerage (the engine's representative network, usable channels).
  std::unordered_map<Id, double> planned;
  {
    const Network net = buildNetwork(s, NetworkOptions{});
    graph::BetweennessOptions bo;
    bo.ignoreDirection = true;
    bo.normalized = true;
    bo.control.threads = 1;
    graph::Betweenness bw(net.graph, bo);
    bw.run();
    for (graph::Index v = 0; v < net.graph.nodeCount(); ++v)
      planned[net.graph.node(v).id] = bw.scores()[v];
  }

  for (const Representative& rep : s.representatives) {
    auto it = traffic.find(rep.id);
    if (it == traffic.end()) continue;
    PersonTraffic& p = it->second;
    const graph::Index v = actual.graph().nodeIndex(rep.id);
    p.rep = rep.id;
    p.agency = rep.agency;
    p.load = p.sent + p.received;
    p.degree = actual.degree()[v];
    p.agencies = static_cast<int>(partnerAgencies[rep.id].size());
    p.betweenness = actual.betweenness()[v];
    p.betweenness_normalized = actual.betweennessNormalized()[v];
    p.planned_betweenness_normalized = planned.count(rep.id) ? planned[rep.id] : 0;
    const std::string pos = lowered(rep.position);
    p.liaison_role = contains(pos, {"liaison", "agency representative"});
    const auto prim = primary.find(rep.agency);
    p.coordinating_role = p.liaison_role || (prim != primary.end() && prim->second == rep.id) ||
                          contains(pos, {"coordinator", "duty officer", "emergency manager",
                                         "eoc manager", "incident commander"});
    r.people.push_back(p);
  }
  std::sort(r.people.begin(), r.people.end(), [](const PersonTraffic& a, const PersonTraffic& b) {
    return a.load != b.load ? a.load > b.load : a.rep < b.rep;
  });
  for (const auto& [key, l] : links) r.links.push_back(l);
  std::stable_sort(r.links.begin(), r.links.end(),
                   [](const ContactLink& a, const ContactLink& b) { return a.messages > b.messages; });

  // ---- emergent coordinators and idle liaisons ----
  std::vector<double> otherLoads;
  for (const PersonTraffic& p : r.people)
    if (!p.coordinating_role) otherLoads.push_back(p.load);
  const double expected = std::max(1.0, median(otherLoads));
  for (const PersonTraffic& p : r.people) {
    if (p.coordinating_role || p.load < o.min_load || p.agencies < o.min_agencies) continue;
    EmergentCoordinator c;
    c.rep = p.rep;
    c.agency = p.agency;
    c.load = p.load;
    c.agencies = p.agencies;
    c.expected_load = expected;
    c.betweenness_normalized = p.betweenness_normalized;
    c.planned_betweenness_normalized = p.planned_betweenness_normalized;
    c.by_load = p.load >= o.load_factor * expected;
    c.by_brokerage = p.betweenness_normalized >= o.min_betweenness &&
                     p.betweenness_normalized >=
                         o.betweenness_factor * std::max(0.001, p.planned_betweenness_normalized);
    if (!c.by_load && !c.by_brokerage) continue;
    const Representative* rep = s.representative(p.rep);
    c.text = person(s, p.rep) + ": " + std::to_string(p.load) + " messages with people of " +
             std::to_string(p.agencies) + " other agencies";
    if (c.by_load) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.1f", p.load / expected);
      c.text += std::string(", ") + buf + " x the median of people without a coordinating role";
    }
    if (c.by_brokerage) {
      char buf[96];
      std::snprintf(buf, sizeof buf, ", brokerage %.3f actual vs %.3f planned",
                    p.betweenness_normalized, p.planned_betweenness_normalized);
      c.text += buf;
    }
    c.text += "; no formal coordinating role";
    if (rep && !rep->position.empty()) c.text += " (" + printable(rep->position) + ")";
    r.coordinators.push_back(std::move(c));
  }
  std::map<Id, int> needsOf;
  for (const Need& n : s.needs) {
    ++needsOf[n.agency_a];
    ++needsOf[n.agency_b];
  }
  for (const Representative& rep : s.representatives) {
    if (!rep.on_duty || traffic.count(rep.id)) continue;
    if (!contains(lowered(rep.position), {"liaison", "agency representative"})) continue;
    if (needsOf[rep.agency] == 0) continue;
    r.idle_liaisons.push_back({rep.id, rep.agency, needsOf[rep.agency]});
  }

  // ---- silent needs (at as_of, whatever the window's start) ----
  for (const Need& n : s.needs) {
    const double interval = o.silent_after ? *o.silent_after : o.silence.of(n.priority);
    const Resolved* last = nullptr;
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      if (it->m->time > r.as_of) continue;
      const bool between =
          it->m->need == n.id ||
          (it->fromAgency == n.agency_a && it->toAgencies.count(n.agency_b)) ||
          (it->fromAgency == n.agency_b && it->toAgencies.count(n.agency_a));
      if (between) {
        last = &*it;
        break;
      }
    }
    SilentNeed x;
    x.need = n.id;
    x.agency_a = n.agency_a;
    x.agency_b = n.agency_b;
    x.priority = n.priority;
    x.interval_min = interval;
    std::optional<TimeUtc> since;
    if (last) {
      since = last->m->time;
      x.last_contact = last->m->time;
      x.last_message = last->m->id;
      x.last_medium = last->m->medium;
    } else if (r.from) {
      since = *r.from;
    } else if (const Incident* inc = s.mainIncident()) {
      since = inc->start;
    }
    x.silent_min = since ? double(r.as_of - *since) / 60.0 : 0;
    if (last ? x.silent_min <= interval : (since && x.silent_min <= interval)) continue;
    x.text = code(s, n.agency_a) + " - " + code(s, n.agency_b) + " (need " + std::to_string(n.id) +
             ", " + std::string(toString(n.priority)) + "): ";
    if (last)
      x.text += "last contact " + durationText(x.silent_min) + " ago, via " +
                std::string(toString(*x.last_medium)) + " (message " + std::to_string(x.last_message) +
                "); its interval is " + durationText(interval);
    else
      x.text += since ? "no contact on record for " + durationText(x.silent_min)
                      : std::string("no contact on record");
    r.silent.push_back(std::move(x));
  }
  std::sort(r.silent.begin(), r.silent.end(), [](const SilentNeed& a, const SilentNeed& b) {
    if (a.priority != b.priority) return a.priority < b.priority;
    if (a.silent_min != b.silent_min) return a.silent_min > b.silent_min;
    return a.need < b.need;
  });

  // ---- unplanned links ----
  std::set<std::pair<Id, Id>> needPairs, channelPairs;
  for (const Need& n : s.needs)
    needPairs.insert({std::min(n.agency_a, n.agency_b), std::max(n.agency_a, n.agency_b)});
  for (const Channel& c : s.channels) {
    Id a = c.from_agency, b = c.to_agency;
    if (c.betweenReps()) {
      a = agencyOf.count(c.from_rep) ? agencyOf[c.from_rep] : 0;
      b = agencyOf.count(c.to_rep) ? agencyOf[c.to_rep] : 0;
    }
    if (a && b && a != b) channelPairs.insert({std::min(a, b), std::max(a, b)});
  }
  for (const auto& [pair, count] : agencyPairs) {
    if (count < o.unplanned_min) continue;
    UnplannedLink u;
    u.agency_a = pair.first;
    u.agency_b = pair.second;
    u.messages = count;
    u.has_channel = channelPairs.count(pair) > 0;
    u.has_need = needPairs.count(pair) > 0;
    if (u.has_channel && u.has_need) continue;
    u.text = code(s, pair.first) + " - " + code(s, pair.second) + ": " + std::to_string(count) +
             " messages, " +
             (!u.has_channel && !u.has_need ? "no channel and no need recorded"
              : !u.has_channel              ? "no channel recorded"
                                            : "no need recorded");
    r.unplanned.push_back(std::move(u));
  }
  std::stable_sort(r.unplanned.begin(), r.unplanned.end(),
                   [](const UnplannedLink& a, const UnplannedLink& b) {
                     const int ma = a.has_channel + a.has_need, mb = b.has_channel + b.has_need;
                     return ma != mb ? ma < mb : a.messages > b.messages;
                   });

  // ---- channels never used, overloaded ----
  for (const Channel& c : s.channels) {
    auto it = channelTimes.find(c.id);
    if (it == channelTimes.end()) {
      if (c.status != Status::Down) r.unused_channels.push_back(c.id);
      continue;
    }
    std::vector<TimeUtc>& t = it->second;
    std::sort(t.begin(), t.end());
    ChannelLoad load;
    load.channel = c.id;
    load.messages = static_cast<int>(t.size());
    std::size_t j = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      while (j < t.size() && t[j] < t[i] + 3600) ++j;
      if (static_cast<int>(j - i) > load.peak_hour) {
        load.peak_hour = static_cast<int>(j - i);
        load.peak_start = t[i];
      }
    }
    r.channel_loads.push_back(load);
    if (load.peak_hour >= o.overload_per_hour) r.overloaded.push_back(load);
  }
  const auto byMessages = [](const ChannelLoad& a, const ChannelLoad& b) {
    return a.messages != b.messages ? a.messages > b.messages : a.channel < b.channel;
  };
  std::sort(r.channel_loads.begin(), r.channel_loads.end(), byMessages);
  std::sort(r.overloaded.begin(), r.overloaded.end(), [](const ChannelLoad& a, const ChannelLoad& b) {
    return a.peak_hour != b.peak_hour ? a.peak_hour > b.peak_hour : a.channel < b.channel;
  });
  return r;
}

nlohmann::json communicationsJson(const Snapshot& s, const CommunicationsResult& r) {
  using nlohmann::json;
  const auto timeOrNull = [](const std::optional<TimeUtc>& t) -> json {
    return t ? json(formatTime(*t)) : json(nullptr);
  };
  json j;
  j["from"] = timeOrNull(r.from);
  j["to"] = timeOrNull(r.to);
  j["as_of"] = formatTime(r.as_of);
  j["messages"] = r.messages;
  j["messages_skipped"] = r.messages_skipped;
  json people = json::array();
  for (const PersonTraffic& p : r.people) {
    const Representative* rep = s.representative(p.rep);
    people.push_back({{"id", p.rep},
                      {"name", rep ? rep->name : ""},
                      {"agency", code(s, p.agency)},
                      {"position", rep ? rep->position : ""},
                      {"sent", p.sent},
                      {"received", p.received},
                      {"load", p.load},
                      {"degree", p.degree},
                      {"agencies_reached", p.agencies},
                      {"betweenness", p.betweenness},
                      {"betweenness_normalized", p.betweenness_normalized},
                      {"planned_betweenness_normalized", p.planned_betweenness_normalized},
                      {"liaison_role", p.liaison_role},
                      {"coordinating_role", p.coordinating_role}});
  }
  j["people"] = std::move(people);
  json links = json::array();
  for (const ContactLink& l : r.links) {
    json media = json::object();
    for (const auto& [m, n] : l.media) media[std::string(toString(m))] = n;
    links.push_back({{"a", l.a}, {"b", l.b}, {"messages", l.messages}, {"media", media}});
  }
  j["links"] = std::move(links);
  json silent = json::array();
  for (const SilentNeed& x : r.silent)
    silent.push_back({{"need", x.need},
                      {"agencies", {code(s, x.agency_a), code(s, x.agency_b)}},
                      {"priority", toString(x.priority)},
                      {"interval_min", x.interval_min},
                      {"silent_min", x.silent_min},
                      {"last_contact", timeOrNull(x.last_contact)},
                      {"last_message", x.last_message ? json(x.last_message) : json(nullptr)},
                      {"last_medium", x.last_medium ? json(toString(*x.last_medium)) : json(nullptr)},
                      {"text", x.text}});
  j["silent_needs"] = std::move(silent);
  json coord = json::array();
  for (const EmergentCoordinator& c : r.coordinators) {
    const Representative* rep = s.representative(c.rep);
    coord.push_back({{"id", c.rep},
                     {"name", rep ? rep->name : ""},
                     {"agency", code(s, c.agency)},
                     {"position", rep ? rep->position : ""},
                     {"load", c.load},
                     {"expected_load", c.expected_load},
                     {"agencies_reached", c.agencies},
                     {"betweenness_normalized", c.betweenness_normalized},
                     {"planned_betweenness_normalized", c.planned_betweenness_normalized},
                     {"by_load", c.by_load},
                     {"by_brokerage", c.by_brokerage},
                     {"text", c.text}});
  }
  j["emergent_coordinators"] = std::move(coord);
  json idle = json::array();
  for (const IdleLiaison& x : r.idle_liaisons) {
    const Representative* rep = s.representative(x.rep);
    idle.push_back({{"id", x.rep},
                    {"name", rep ? rep->name : ""},
                    {"agency", code(s, x.agency)},
                    {"needs", x.needs}});
  }
  j["idle_liaisons"] = std::move(idle);
  json unplanned = json::array();
  for (const UnplannedLink& u : r.unplanned)
    unplanned.push_back({{"agencies", {code(s, u.agency_a), code(s, u.agency_b)}},
                         {"agency_ids", {u.agency_a, u.agency_b}},
                         {"messages", u.messages},
                         {"has_channel", u.has_channel},
                         {"has_need", u.has_need},
                         {"text", u.text}});
  j["unplanned_links"] = std::move(unplanned);
  j["channels_never_used"] = r.unused_channels;
  json over = json::array();
  for (const ChannelLoad& c : r.overloaded)
    over.push_back({{"channel", c.channel},
                    {"messages", c.messages},
                    {"peak_hour", c.peak_hour},
                    {"peak_start", formatTime(c.peak_start)}});
  j["channels_overloaded"] = std::move(over);
  return j;
}

}  // namespace liaison::core
