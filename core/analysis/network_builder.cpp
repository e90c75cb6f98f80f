#include "core/analysis/network_builder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>


namespace liaison::core {

namespace {

bool containsNoCase(const std::string& text, const std::string& word) {
  auto it = std::search(text.begin(), text.end(), word.begin(), word.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != text.end();
}

}  // namespace

Id primaryContact(const Snapshot& snapshot, Id agency, const Availability* availability) {
  Id firstAvailable = 0, lowest = 0;
  for (const Representative& r : snapshot.representatives) {  // sorted by id
    if (r.agency != agency) continue;
    if (lowest == 0) lowest = r.id;
    const bool available = availability ? availability->personAvailable(r.id) : r.on_duty;
    if (!available) continue;
    if (containsNoCase(r.position, "agency representative") ||
        containsNoCase(r.position, "liaison"))
      return r.id;
    if (firstAvailable == 0) firstAvailable = r.id;
  }
  return firstAvailable != 0 ? firstAvailable : lowest;
}

Network buildNetwork(const Snapshot& snapshot, const NetworkOptions& options) {
  Network net;
  net.level = options.level;
  net.availability = std::make_shared<const Availability>(snapshot, options.failed);
  const Availability& av = *net.availability;
  std::vector<graph::NodeSpec> nodes;
  std::vector<graph::EdgeSpec> edges;
  for (const Agency& a : snapshot.agencies) net.members[a.id];
  auto edgeOf = [&](const Channel& c, Id from, Id to, bool endsOut) {
    const Status st = av.channelStatus(c.id);
    if (st == Status::Degraded) net.degraded.insert(c.id);
    graph::EdgeSpec e;
    e.id = c.id;
    e.from = from;
    e.to = to;
    e.latency = c.latency_min;
    e.reliability = c.reliability;
    e.twoWay = c.two_way;
    e.down = st == Status::Down || endsOut;
    return e;
  };

  if (options.level == NetworkLevel::Agencies) {
    std::unordered_map<Id, bool> anyone;
    for (const Representative& r : snapshot.representatives)
      if (av.personAvailable(r.id)) anyone[r.agency] = true;
    for (const Agency& a : snapshot.agencies) {
      nodes.push_back({a.id, a.id, !av.agencyUp(a.id) || !anyone.count(a.id)});
      net.members[a.id].push_back(a.id);
    }
    for (const Channel& c : snapshot.channels) {
      Id from = c.from_agency, to = c.to_agency;
      bool endsOut = false;
      if (c.betweenReps()) {
        const Representative* a = snapshot.representative(c.from_rep);
        const Representative* b = snapshot.representative(c.to_rep);
        from = a ? a->agency : 0;
        to = b ? b->agency : 0;
        endsOut = !av.personAvailable(c.from_rep) || !av.personAvailable(c.to_rep);
      }
      if (from == 0 || to == 0 || from == to) {
        net.dropped.push_back(c.id);
        continue;
      }
      edges.push_back(edgeOf(c, from, to, endsOut));
    }
  } else {
    for (const Representative& r : snapshot.representatives) {
      nodes.push_back({r.id, r.agency, !av.personAvailable(r.id)});
      net.members[r.agency].push_back(r.id);
    }
    for (const Agency& a : snapshot.agencies)
      if (Id p = primaryContact(snapshot, a.id, &av)) net.primary[a.id] = p;
    for (const Channel& c : snapshot.channels) {
      Id from = c.from_rep, to = c.to_rep;
      if (!c.betweenReps()) {
        auto fa = net.primary.find(c.from_agency), ta = net.primary.find(c.to_agency);
        from = fa == net.primary.end() ? 0 : fa->second;
        to = ta == net.primary.end() ? 0 : ta->second;
      }
      if (from == 0 || to == 0) {
        net.dropped.push_back(c.id);
        continue;
      }
      edges.push_back(edgeOf(c, from, to, false));
    }
  }
  net.graph = graph::Graph(std::move(nodes), std::move(edges));
  return net;
}

}  // namespace liaison::core
