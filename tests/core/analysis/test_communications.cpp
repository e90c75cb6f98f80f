// The network that really happened (core/analysis/communications): every measure on a tiny
// hand-checked log, and the contact network's betweenness against an independent count of
// shortest paths on random small graphs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <random>

#include "core/analysis/communications.hpp"
#include "graph/contact_network.hpp"

using namespace liaison::core;

namespace {

constexpr TimeUtc T0 = 1'778'760'000;  // an arbitrary whole minute
TimeUtc at(int minutes) { return T0 + 60 * minutes; }

Agency agency(Id id, std::string code) {
  Agency a;
  a.id = id;
  a.code = std::move(code);
  a.name = a.code + " agency";
  return a;
}
Representative rep(Id id, Id ag, std::string name, std::string position) {
  Representative r;
  r.id = id;
  r.agency = ag;
  r.name = std::move(name);
  r.position = std::move(position);
  return r;
}
Channel channel(Id id, Id a, Id b, Medium m, Status st = Status::Up) {
  Channel c;
  c.id = id;
  c.from_rep = a;
  c.to_rep = b;
  c.medium = m;
  c.status = st;
  return c;
}
Need need(Id id, Id a, Id b, Priority p) {
  Need n;
  n.id = id;
  n.agency_a = a;
  n.agency_b = b;
  n.priority = p;
  return n;
}
Message msg(Id id, int minute, Id from, Id to, Medium m) {
  Message x;
  x.id = id;
  x.time = at(minute);
  x.from_rep = from;
  x.to_reps = {to};
  x.medium = m;
  return x;
}

// A (1): a1 11 liaison, a2 12 captain; B (2): b1 21 liaison; C (3): c1 31 dispatcher;
// C (3): c0 30 shift supervisor (C's primary contact), c1 31 dispatcher; D (4): d1 41 liaison;
// E (5): e1 51 liaison who says nothing.
// Plan: a1-b1 phone, a1-d1 radio (down), b1-d1 e-mail. Needs A-B critical, A-D high, B-D low,
// C-E low. The log: a1 and b1 talk early; then everything runs through the dispatcher c1.
Snapshot tiny() {
  Snapshot s;
  s.agencies = {agency(1, "A"), agency(2, "B"), agency(3, "C"), agency(4, "D"), agency(5, "E")};
  s.representatives = {rep(11, 1, "Ann", "Agency Representative"), rep(12, 1, "Al", "Engine Captain"),
                       rep(21, 2, "Bea", "Liaison Officer"), rep(30, 3, "Cal", "Shift Supervisor"),
                       rep(31, 3, "Cy", "Dispatcher"),
                       rep(41, 4, "Dee", "Agency Representative"), rep(51, 5, "Eve", "Liaison Officer")};
  s.channels = {channel(1, 11, 21, Medium::Phone), channel(2, 11, 41, Medium::Radio, Status::Down),
                channel(3, 21, 41, Medium::Email)};
  s.needs = {need(1, 1, 2, Priority::Critical), need(2, 1, 4, Priority::High),
             need(3, 2, 4, Priority::Low), need(4, 3, 5, Priority::Low)};
  Incident inc;
  inc.id = 1;
  inc.name = "Drill";
  inc.start = at(-60);
  s.incidents = {inc};
  OperationalPeriod p;
  p.id = 1;
  p.incident = 1;
  p.number = 1;
  p.start = at(-60);
  p.end = at(60);
  s.periods = {p};
  s.messages = {msg(1, 0, 11, 21, Medium::Phone),  msg(2, 10, 21, 11, Medium::Phone),
                msg(3, 20, 11, 31, Medium::Radio), msg(4, 25, 31, 41, Medium::Radio),
                msg(5, 30, 41, 31, Medium::Radio), msg(6, 40, 31, 11, Medium::Radio),
                msg(7, 120, 31, 21, Medium::Phone)};
  return s;
}

CommunicationsOptions tinyOptions() {
  CommunicationsOptions o;
  o.min_load = 5;
  o.unplanned_min = 2;
  o.overload_per_hour = 2;
  o.now = at(100000);
  return o;
}

const PersonTraffic* personOf(const CommunicationsResult& r, Id id) {
  for (const PersonTraffic& p : r.people)
    if (p.rep == id) return &p;
  return nullptr;
}

}  // namespace

TEST_CASE("communications: the whole log of a tiny drill, by hand", "[communications]") {
  const Snapshot s = tiny();
  const CommunicationsResult r = analyzeCommunications(s, tinyOptions());
  CHECK(r.as_of == at(120));  // no window end: the log's last message
  CHECK(r.messages == 7);
  CHECK(r.messages_skipped == 0);

  // Loads: sent + received.
  REQUIRE(r.people.size() == 4);
  CHECK(r.people[0].rep == 31);
  CHECK(personOf(r, 31)->load == 5);
  CHECK(personOf(r, 31)->sent == 3);
  CHECK(personOf(r, 11)->load == 4);
  CHECK(personOf(r, 21)->load == 3);
  CHECK(personOf(r, 41)->load == 2);
  CHECK_FALSE(personOf(r, 12));
  // Contact network: triangle a1-b1-c1 with d1 hanging on c1: c1 is on the only shortest
  // paths a1-d1 and b1-d1, betweenness 2, normalised over the 7 representatives:
  // 2 / (6*5/2) = 2/15.
  CHECK(personOf(r, 31)->betweenness == Approx(2));
  CHECK(personOf(r, 31)->betweenness_normalized == Approx(2.0 / 15));
  CHECK_FALSE(personOf(r, 31)->coordinating_role);
  CHECK(personOf(r, 11)->coordinating_role);
  CHECK(personOf(r, 11)->betweenness == Approx(0));
  CHECK(personOf(r, 31)->degree == 3);
  CHECK(personOf(r, 31)->agencies == 3);
  CHECK(personOf(r, 31)->planned_betweenness_normalized == Approx(0));  // no channel at all
  REQUIRE(r.links.size() == 4);
  CHECK(r.links[0].messages == 2);
  CHECK(r.links.back().a == 21);
  CHECK(r.links.back().b == 31);
  CHECK(r.links.back().media.at(Medium::Phone) == 1);

  // Silent needs at 120 min: A-B critical, last contact message 2 at 10 min (110 min > 30);
  // A-D high, never (since the incident's start at -60: 180 min > 60); B-D low and C-E low:
  // 180 min <= 240, not silent.
  REQUIRE(r.silent.size() == 2);
  CHECK(r.silent[0].need == 1);
  CHECK(r.silent[0].silent_min == Approx(110));
  CHECK(r.silent[0].last_message == 2);
  CHECK(r.silent[0].text ==
        "A - B (need 1, critical): last contact 1 h 50 min ago, via phone (message 2); its "
        "interval is 30 min");
  CHECK(r.silent[1].need == 2);
  CHECK_FALSE(r.silent[1].last_contact);
  CHECK(r.silent[1].text == "A - D (need 2, high): no contact on record for 3 h 0 min");

  // The dispatcher: no coordinating role, load 5 >= 5, three other agencies; the only active
  // person without a role, so the median is 5 and load 5 < 4 x 5: not by load; brokerage
  // 2/15 >= 0.05 and >= 4 x 0.001 (planned 0): by brokerage. (Cal, C's primary contact, would
  // count as coordinating: the agency's formal point of contact.)
  REQUIRE(r.coordinators.size() == 1);
  CHECK(r.coordinators[0].rep == 31);
  CHECK_FALSE(r.coordinators[0].by_load);
  CHECK(r.coordinators[0].by_brokerage);
  CHECK(r.coordinators[0].expected_load == Approx(5));
  // Eve, a liaison on duty whose agency has a need, carried nothing.
  REQUIRE(r.idle_liaisons.size() == 1);
  CHECK(r.idle_liaisons[0].rep == 51);

  // Unplanned: A-C (2 messages) and C-D (2), neither channel nor need; A-B has both; B-C has 1.
  REQUIRE(r.unplanned.size() == 2);
  CHECK(r.unplanned[0].agency_a == 1);
  CHECK(r.unplanned[0].agency_b == 3);
  CHECK(r.unplanned[0].text == "A - C: 2 messages, no channel and no need recorded");
  CHECK(r.unplanned[1].agency_a == 3);
  CHECK(r.unplanned[1].agency_b == 4);

  // Channels: 1 carried messages 1 and 2 (inferred: the one phone channel a1-b1, two-way);
  // 2 is down (not listed as unused), 3 never carried anything. Channel 1's busiest hour: 2.
  CHECK(r.unused_channels == std::vector<Id>{3});
  REQUIRE(r.overloaded.size() == 1);
  CHECK(r.overloaded[0].channel == 1);
  CHECK(r.overloaded[0].peak_hour == 2);
  CHECK(r.overloaded[0].peak_start == at(0));

  const nlohmann::json j = communicationsJson(s, r);
  CHECK(j["silent_needs"][0]["agencies"] == nlohmann::json({"A", "B"}));
  CHECK(j["emergent_coordinators"][0]["name"] == "Cy");
  CHECK(j["as_of"] == "2026-05-14T14:00:00Z");
}

TEST_CASE("communications: a window, a period, as-of and the silence intervals", "[communications]") {
  const Snapshot s = tiny();
  CommunicationsOptions o = tinyOptions();
  o.from = at(20);
  o.to = at(41);
  CommunicationsResult r = analyzeCommunications(s, o);
  CHECK(r.messages == 4);
  CHECK(r.as_of == at(41));  // the window's end (earlier than now)
  CHECK(personOf(r, 31)->load == 4);
  CHECK_FALSE(personOf(r, 21));
  // A-B: last contact at 10 (before the window: still found), 31 min at 41 > 30.
  REQUIRE_FALSE(r.silent.empty());
  CHECK(r.silent[0].need == 1);
  CHECK(r.silent[0].silent_min == Approx(31));
  // A-D never: silent since the window's start, 21 min < 60: not listed.
  CHECK(r.silent.size() == 1);

  o.now = at(30);  // the window reaches into the future: judged now
  CHECK(analyzeCommunications(s, o).as_of == at(30));

  CommunicationsOptions p = tinyOptions();
  p.period = 1;
  r = analyzeCommunications(s, p);
  CHECK(r.messages == 6);  // [-60, 60)
  CHECK(r.as_of == at(60));
  p.period = 2;
  CHECK_THROWS_AS(analyzeCommunications(s, p), std::invalid_argument);

  CommunicationsOptions q = tinyOptions();
  q.as_of = at(5);
  r = analyzeCommunications(s, q);
  // At 5 min only message 1 counts: A-B 5 min ago; A-D 65 min since the incident's start > 60.
  REQUIRE(r.silent.size() == 1);
  CHECK(r.silent[0].need == 2);
  q.silent_after = 400;
  CHECK(analyzeCommunications(s, q).silent.empty());
  q.silent_after.reset();
  q.silence.high = 90;
  CHECK(analyzeCommunications(s, q).silent.empty());

  CommunicationsOptions bad = tinyOptions();
  bad.from = at(10);
  bad.to = at(10);
  CHECK_THROWS_AS(analyzeCommunications(s, bad), std::invalid_argument);
}

TEST_CASE("communications: agency senders and recipients go through the primary contact",
          "[communications]") {
  Snapshot s = tiny();
  Message m;
  m.id = 8;
  m.time = at(130);
  m.from_agency = 4;      // someone at D: its primary contact is d1 (41)
  m.to_agencies = {1};    // to A's desk: a1 (11), the agency representative, not a2
  m.medium = Medium::Phone;
  Message self;
  self.id = 9;
  self.time = at(131);
  self.from_rep = 41;
  self.to_agencies = {4};  // d1 to its own agency: no contact with anyone else
  self.medium = Medium::Phone;
  s.messages.push_back(m);
  s.messages.push_back(self);
  const CommunicationsResult r = analyzeCommunications(s, tinyOptions());
  CHECK(r.as_of == at(131));
  CHECK(personOf(r, 41)->load == 3);  // + sent message 8
  CHECK(personOf(r, 11)->load == 5);  // + received message 8
  // A-D is no longer silent: message 8 is between them, 1 min before as-of.
  for (const SilentNeed& x : r.silent) CHECK(x.need != 2);
}

TEST_CASE("contact network: betweenness equals an independent count of shortest paths",
          "[communications][graph]") {
  using liaison::graph::ContactCount;
  using liaison::graph::ContactNetwork;
  std::mt19937 rng(16);
  for (int round = 0; round < 200; ++round) {
    const int n = 2 + static_cast<int>(rng() % 8);
    std::vector<liaison::graph::Id> nodes;
    for (int i = 0; i < n; ++i) nodes.push_back(100 + 3 * i);  // ids that are not indexes
    std::vector<ContactCount> contacts;
    std::vector<std::vector<int>> adj(n, std::vector<int>(n, 0));
    const int m = static_cast<int>(rng() % (2 * n + 1));
    for (int k = 0; k < m; ++k) {
      const int a = static_cast<int>(rng() % n), b = static_cast<int>(rng() % n);
      if (a == b) continue;
      contacts.push_back({nodes[a], nodes[b], double(1 + rng() % 4)});
      adj[a][b] = adj[b][a] = 1;
    }
    const ContactNetwork net(nodes, contacts);
    // Independent: Floyd-Warshall distances, then every shortest path of each pair enumerated
    // by depth-first search, counting the paths through each inner node.
    const int inf = 1 << 20;
    std::vector<std::vector<int>> d(n, std::vector<int>(n, inf));
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) d[i][j] = i == j ? 0 : adj[i][j] ? 1 : inf;
    for (int k = 0; k < n; ++k)
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    std::vector<double> expected(n, 0.0);
    std::vector<int> degree(n, 0);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) degree[i] += adj[i][j];
    for (int s0 = 0; s0 < n; ++s0)
      for (int t0 = s0 + 1; t0 < n; ++t0) {
        if (d[s0][t0] >= inf) continue;
        std::vector<int> through(n, 0);
        int total = 0;
        std::vector<int> path{s0};
        std::function<void(int)> walk = [&](int v) {
          if (v == t0) {
            ++total;
            for (std::size_t k = 1; k + 1 < path.size(); ++k) ++through[path[k]];
            return;
          }
          for (int w = 0; w < n; ++w)
            if (adj[v][w] && d[s0][w] == d[s0][v] + 1 && d[w][t0] == d[v][t0] - 1) {
              path.push_back(w);
              walk(w);
              path.pop_back();
            }
        };
        walk(s0);
        for (int v = 0; v < n; ++v) expected[v] += double(through[v]) / total;
      }
    for (int v = 0; v < n; ++v) {
      INFO("round " << round << " node " << v);
      CHECK(net.betweenness()[v] == Approx(expected[v]).margin(1e-9));
      CHECK(net.degree()[v] == degree[v]);
      const double pairs = n > 2 ? (n - 1.0) * (n - 2.0) / 2 : 0;
      CHECK(net.betweennessNormalized()[v] == Approx(pairs > 0 ? expected[v] / pairs : 0).margin(1e-12));
    }
  }
  CHECK_THROWS_AS(ContactNetwork({1, 2}, {{1, 1, 1}}), std::invalid_argument);
  CHECK_THROWS_AS(ContactNetwork({1, 2}, {{1, 3, 1}}), std::invalid_argument);
  const ContactNetwork twice({1, 2}, {{1, 2, 2}, {2, 1, 3}});
  REQUIRE(twice.pairs().size() == 1);
  CHECK(twice.pairs()[0].count == 5);
  CHECK(twice.strength()[0] == 5);
}
