#include "core/analysis/analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/model/enums.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/components.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/link_recommender.hpp"
#include "graph/needs_engine.hpp"

namespace liaison::core {

using graph::Index;
using graph::kInf;
using graph::kNoIndex;
using graph::Metric;

const char* toString(NeedState s) {
  switch (s) {
    case NeedState::Ok: return "ok";
    case NeedState::Slow: return "slow";
    case NeedState::Degraded: return "degraded";
    case NeedState::SinglePath: return "single_path";
    case NeedState::Broken: return "broken";
  }
  return "?";
}

const NodeResult* AnalysisResult::node(Id id) const {
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

const NeedResult* AnalysisResult::need(Id id) const {
  for (const auto& n : needs)
    if (n.need == id) return &n;
  return nullptr;
}

int AnalysisResult::count(NeedState s) const {
  return static_cast<int>(
      std::count_if(needs.begin(), needs.end(), [s](const NeedResult& n) { return n.state == s; }));
}

const PairReach* AnalysisResult::taskPair(Id a, Id b) const {
  if (a > b) std::swap(a, b);
  auto it = std::lower_bound(taskPairs.begin(), taskPairs.end(), std::make_pair(a, b),
                             [](const PairReach& p, const std::pair<Id, Id>& k) {
                               return std::make_pair(p.a, p.b) < k;
                             });
  return it != taskPairs.end() && it->a == a && it->b == b ? &*it : nullptr;
}

bool NeedImpact::degraded() const {
  if (after == NeedState::Broken) return false;
  return graph::compareLengths(latencyAfter, latencyBefore) > 0 ||
         graph::compareLengths(reliabilityAfter, reliabilityBefore) < 0 ||
         pathsAfter < pathsBefore || static_cast<int>(after) > static_cast<int>(before);
}

std::string describeNode(const Snapshot& snapshot, NetworkLevel level, Id node) {
  if (level == NetworkLevel::Agencies) {
    const Agency* a = snapshot.agency(node);
    return a ? a->code : "agency " + std::to_string(node);
  }
  const Representative* r = snapshot.representative(node);
  if (!r) return "representative " + std::to_string(node);
  const Agency* a = snapshot.agency(r->agency);
  std::string role = a ? a->code : std::string();
  if (!r->position.empty()) role += (role.empty() ? "" : " ") + r->position;
  return role.empty() ? r->name : r->name + " (" + role + ")";
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string minutes(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g min", v);
  return buf;
}

bool isSensitive(const Snapshot& s, Id rep, const std::string& value) {
  const Representative* r = s.representative(rep);
  if (!r || value.empty()) return false;
  for (const auto& c : r->contacts)
    if (c.sensitive && c.value == value) return true;
  return false;
}

std::string channelWords(const Snapshot& s, const Network& net, const graph::Hop& hop) {
  const Channel* c = s.channel(hop.edge);
  std::string medium = c ? std::string(toString(c->medium)) : "channel";
  std::replace(medium.begin(), medium.end(), '_', ' ');
  std::string ident = c ? c->identifier : std::string();
  if (c && (isSensitive(s, hop.from, ident) || isSensitive(s, hop.to, ident)))
    ident = "(private number)";
  std::string words = medium;
  if (!ident.empty()) words += " " + ident;
  words += " [channel " + std::to_string(hop.edge) + "]";
  if (net.degraded.count(hop.edge)) {
    const std::string why = net.availability->explainChannel(hop.edge);
    words += " (degraded" + (why.empty() || why == "marked degraded" ? "" : ": " + why) + ")";
  }
  if (c && !c->betweenReps() && net.level == NetworkLevel::Representatives)
    words += " (agency line, via primary contacts)";
  return words + " (" + number(hop.latency) + " min, " + number(hop.reliability) + ")";
}

ExplainedPath explain(const Snapshot& s, const Network& net, graph::Path path) {
  ExplainedPath out;
  out.path = std::move(path);
  if (!out.path.found) {
    out.sentence = "no working path";
    return out;
  }
  for (std::size_t i = 0; i < out.path.hops.size(); ++i) {
    const graph::Hop& h = out.path.hops[i];
    if (net.degraded.count(h.edge)) out.degradedChannels.push_back(h.edge);
    std::string step = i == 0 ? describeNode(s, net.level, h.from) + " calls " : "who relays to ";
    step += describeNode(s, net.level, h.to) + " on " + channelWords(s, net, h);
    out.steps.push_back(step);
    out.sentence += (i == 0 ? "" : ", ") + step;
  }
  if (out.path.hops.empty()) out.sentence = describeNode(s, net.level, out.path.nodes.front());
  out.sentence += "; total " + number(out.path.latency) + " min, reliability " +
                  number(out.path.reliability) + ", " + std::to_string(out.path.hops.size()) +
                  " hops";
  return out;
}

bool cancelled(const AnalysisOptions& o) {
  return o.control.cancel && o.control.cancel->load(std::memory_order_relaxed);
}

void progress(const AnalysisOptions& o, double p) {
  if (o.control.progress) o.control.progress(p);
}

std::vector<graph::GroupDemand> demandsOf(const Snapshot& s) {
  std::vector<graph::GroupDemand> out;
  out.reserve(s.needs.size());
  for (const Need& n : s.needs) {
    graph::GroupDemand d;
    d.id = n.id;
    d.source = graph::End::ofGroup(n.agency_a);
    d.target = graph::End::ofGroup(n.agency_b);
    d.latencyBudget = serviceLevel(n).latencyBudget;
    out.push_back(std::move(d));
  }
  return out;
}

graph::NeedsOptions engineOptions(const Network& net, const AnalysisOptions& opt) {
  graph::NeedsOptions o;
  o.endpointsCanFail = net.level == NetworkLevel::Representatives;
  o.countCap = static_cast<long long>(net.graph.nodeCount()) > opt.exactCountsUpTo
                   ? opt.countCapAbove
                   : 0;
  o.control.cancel = opt.control.cancel;
  o.control.threads = opt.control.threads;
  return o;
}

std::string agencyCode(const Snapshot& s, Id a) {
  const Agency* ag = s.agency(a);
  return ag ? ag->code : "agency " + std::to_string(a);
}

// Why nobody of an agency can be reached: "no one at TCEMA is available (Nadia Ellsworth off
// duty, ...)", or "" when someone is.
std::string nobodyAt(const Snapshot& s, const Network& net, Id agency) {
  auto it = net.members.find(agency);
  const std::vector<Id> empty;
  const std::vector<Id>& members = it == net.members.end() ? empty : it->second;
  std::string out;
  int shown = 0;
  for (Id m : members) {
    const Index v = net.graph.nodeIndex(m);
    if (v != kNoIndex && !net.graph.node(v).down) return "";
    if (net.level == NetworkLevel::Representatives && shown < 3) {
      const Representative* r = s.representative(m);
      out += (shown++ ? ", " : "") + (r ? r->name : std::to_string(m)) + " " +
             net.availability->explainPerson(m);
    }
  }
  if (members.empty()) return "no one at " + agencyCode(s, agency) + " is in the directory";
  if (net.level == NetworkLevel::Agencies) {
    const std::string why = net.availability->agencyUp(agency) ? "none of its people is available"
                                                               : "the agency is down";
    return agencyCode(s, agency) + ": " + why;
  }
  return "no one at " + agencyCode(s, agency) + " is available (" + out +
         (members.size() > 3 ? ", ..." : "") + ")";
}

NeedResult judge(const Snapshot& s, const Network& net, const Need& n,
                 const graph::NeedAnswer& a) {
  NeedResult r;
  r.need = n.id;
  r.agency_a = n.agency_a;
  r.agency_b = n.agency_b;
  r.priority = n.priority;
  r.reason = n.reason;
  r.level = serviceLevel(n);
  r.fastest = explain(s, net, a.fastest);
  r.reliable = explain(s, net, a.mostReliable);
  r.reliableInBudget = explain(s, net, a.reliableWithinBudget);
  r.fewestHops = explain(s, net, a.fewestHops);
  r.recommended = a.reliableWithinBudget.found ? r.reliableInBudget : r.fastest;
  r.edgeDisjoint = a.edgeDisjoint;
  r.nodeDisjoint = a.nodeDisjoint;
  r.independentPaths = a.nodeDisjoint;
  r.countsAtLeast = a.countsAtLeast;
  r.singlePoints = a.cutNodes;
  r.singleChannels = a.cutEdges;
  if (!a.reachable) {
    r.state = NeedState::Broken;
    std::string who = nobodyAt(s, net, n.agency_a);
    if (who.empty()) who = nobodyAt(s, net, n.agency_b);
    r.why = who.empty() ? "no working route from " + agencyCode(s, n.agency_a) + " to " +
                              agencyCode(s, n.agency_b)
                        : who;
    return r;
  }
  if (!a.cutNodes.empty() || !a.cutEdges.empty()) {
    r.state = NeedState::SinglePath;
    std::string cut;
    for (Id v : a.cutNodes)
      cut += (cut.empty() ? "" : ", ") + describeNode(s, net.level, v);
    for (Id e : a.cutEdges) cut += (cut.empty() ? "channel " : ", channel ") + std::to_string(e);
    r.why = "one point of failure can cut it" + (cut.empty() ? "" : ": " + cut);
    return r;
  }
  const graph::Path& rec = r.recommended.path;
  if (!r.recommended.degradedChannels.empty() ||
      graph::compareLengths(rec.reliability, r.level.reliabilityFloor) < 0) {
    r.state = NeedState::Degraded;
    r.why = !r.recommended.degradedChannels.empty()
                ? "its recommended route runs over degraded channel " +
                      std::to_string(r.recommended.degradedChannels.front())
                : "its best route within " + minutes(r.level.latencyBudget) + " has reliability " +
                      number(rec.reliability) + ", below the floor of " +
                      number(r.level.reliabilityFloor);
    return r;
  }
  if (graph::compareLengths(r.fastest.path.latency, r.level.latencyBudget) > 0) {
    r.state = NeedState::Slow;
    r.why = "its fastest route takes " + minutes(r.fastest.path.latency) + ", over the budget of " +
            minutes(r.level.latencyBudget);
    return r;
  }
  r.state = NeedState::Ok;
  return r;
}

struct NeedsPass {
  std::vector<NeedResult> needs;
  std::vector<graph::NeedAnswer> answers;  // the engine's, in need order
  std::vector<double> load;                // by node index
  bool cancelled = false;
};

NeedsPass runNeeds(const Snapshot& s, const Network& net, const AnalysisOptions& opt,
                   bool withLoad) {
  NeedsPass out;
  graph::NeedsOptions o = engineOptions(net, opt);
  o.load = withLoad;
  graph::NeedsEngine engine(net.graph, demandsOf(s), o);
  if (!engine.run()) {
    out.cancelled = true;
    return out;
  }
  const auto& answers = engine.answers();
  out.needs.reserve(s.needs.size());
  for (std::size_t i = 0; i < s.needs.size(); ++i)
    out.needs.push_back(judge(s, net, s.needs[i], answers[i]));
  if (withLoad) out.load = engine.load();
  out.answers = engine.answers();
  return out;
}

// The agency pairs of open tasks that have no recorded need between them, and whether they
// reach each other both ways.
std::vector<PairReach> taskPairs(const Snapshot& s, const Network& net, const AnalysisOptions& opt) {
  std::set<std::pair<Id, Id>> recorded, pairs;
  for (const Need& n : s.needs)
    recorded.insert({std::min(n.agency_a, n.agency_b), std::max(n.agency_a, n.agency_b)});
  for (const Task& t : s.tasks) {
    if (t.status == TaskStatus::Done) continue;
    std::vector<Id> ag;
    if (t.owner_agency) ag.push_back(t.owner_agency);
    for (Id a : t.involved) ag.push_back(a);
    for (std::size_t i = 0; i < ag.size(); ++i)
      for (std::size_t j = i + 1; j < ag.size(); ++j) {
        const std::pair<Id, Id> p{std::min(ag[i], ag[j]), std::max(ag[i], ag[j])};
        if (p.first != p.second && !recorded.count(p) && s.agency(p.first) && s.agency(p.second))
          pairs.insert(p);
      }
  }
  std::vector<PairReach> out;
  if (pairs.empty()) return out;
  std::vector<graph::GroupDemand> demands;
  for (const auto& [a, b] : pairs)
    for (const auto& [x, y] : {std::make_pair(a, b), std::make_pair(b, a)}) {
      graph::GroupDemand d;
      d.source = graph::End::ofGroup(x);
      d.target = graph::End::ofGroup(y);
      demands.push_back(std::move(d));
    }
  graph::NeedsOptions o = engineOptions(net, opt);
  o.budgetPaths = o.counts = o.cuts = o.load = false;
  graph::NeedsEngine engine(net.graph, std::move(demands), o);
  if (!engine.run()) return out;
  std::size_t k = 0;
  for (const auto& [a, b] : pairs) {
    const bool both = engine.answers()[k].reachable && engine.answers()[k + 1].reachable;
    out.push_back({a, b, both});
    k += 2;
  }
  return out;
}

std::vector<Bottleneck> rankBottlenecks(const Network& net, const std::vector<double>& load,
                                        const std::vector<double>& betweenness,
                                        const std::vector<NeedResult>& needs, std::size_t top) {
  std::vector<Index> order;
  for (Index v = 0; v < net.graph.nodeCount() && v < static_cast<Index>(load.size()); ++v)
    if (load[v] > 0) order.push_back(v);
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
    if (load[a] != load[b]) return load[a] > load[b];
    return !betweenness.empty() && betweenness[a] > betweenness[b];
  });
  if (order.size() > top) order.resize(top);
  std::vector<Bottleneck> out;
  for (Index v : order) {
    Bottleneck b;
    b.node = net.graph.node(v).id;
    b.load = load[v];
    b.betweenness = betweenness.empty() ? 0.0 : betweenness[v];
    for (const NeedResult& r : needs) {
      const auto& nodes = r.fewestHops.path.nodes;
      if (nodes.size() > 2 &&
          std::find(nodes.begin() + 1, nodes.end() - 1, b.node) != nodes.end() - 1)
        b.needs.push_back(r.need);
    }
    out.push_back(std::move(b));
  }
  return out;
}

// ---- recommendations ------------------------------------------------------------------------

struct MediumChoice {
  Medium medium = Medium::Phone;
  std::string identifier;
  double latency = 2.0, reliability = 0.9;
};

double median(std::vector<double> v, double fallback) {
  if (v.empty()) return fallback;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// What a new link between two agencies should be: a talkgroup both already use, else a medium
// both already use whose usual latency fits the need's budget (the more reliable one), else
// the fastest medium both use, else the phone; latency and reliability are the workspace's
// medians for that talkgroup or medium. Built once per analysis from the working channels.
class MediaIndex {
 public:
  MediaIndex(const Snapshot& s, const Availability& av) {
    std::map<Medium, std::pair<std::vector<double>, std::vector<double>>> figures;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> tgFigures;
    for (const Channel& c : s.channels) {
      if (av.channelStatus(c.id) == Status::Down) continue;
      const Id x = c.betweenReps() ? agencyOf(s, c.from_rep) : c.from_agency;
      const Id y = c.betweenReps() ? agencyOf(s, c.to_rep) : c.to_agency;
      for (Id g : {x, y}) m_media[c.medium].users.insert(g);
      figures[c.medium].first.push_back(c.latency_min);
      figures[c.medium].second.push_back(c.reliability);
      if (c.medium == Medium::Radio && !c.identifier.empty()) {
        for (Id g : {x, y}) m_talkgroups[c.identifier].users.insert(g);
        tgFigures[c.identifier].first.push_back(c.latency_min);
        tgFigures[c.identifier].second.push_back(c.reliability);
      }
    }
    for (auto& [m, f] : figures) {
      m_media[m].latency = median(f.first, 2.0);
      m_media[m].reliability = median(f.second, 0.9);
    }
    for (auto& [tg, f] : tgFigures) {
      m_talkgroups[tg].latency = median(f.first, 1.0);
      m_talkgroups[tg].reliability = median(f.second, 0.9);
    }
  }

  MediumChoice choose(Id a, Id b, double budget) const {
    MediumChoice out;
    double best = -1;
    for (const auto& [tg, u] : m_talkgroups)
      if (u.users.count(a) && u.users.count(b) && u.reliability > best) {
        best = u.reliability;
        out = {Medium::Radio, tg, u.latency, u.reliability};
      }
    if (best >= 0) return out;
    double fastest = graph::kInf;
    MediumChoice quickest;
    for (const auto& [m, u] : m_media) {
      if (m == Medium::InPerson || !u.users.count(a) || !u.users.count(b)) continue;
      if (u.latency <= budget && u.reliability > best) {
        best = u.reliability;
        out = {m, "", u.latency, u.reliability};
      }
      if (u.latency < fastest) {
        fastest = u.latency;
        quickest = {m, "", u.latency, u.reliability};
      }
    }
    if (best >= 0) return out;
    if (fastest < graph::kInf) return quickest;
    auto phone = m_media.find(Medium::Phone);
    if (phone != m_media.end()) return {Medium::Phone, "", phone->second.latency, phone->second.reliability};
    return out;
  }

 private:
  static Id agencyOf(const Snapshot& s, Id rep) {
    const Representative* r = s.representative(rep);
    return r ? r->agency : 0;
  }
  struct Usage {
    std::set<Id> users;
    double latency = 2.0, reliability = 0.9;
  };
  std::map<Medium, Usage> m_media;
  std::map<std::string, Usage> m_talkgroups;
};

std::string linkText(const Snapshot& s, NetworkLevel level, const LinkSuggestion& l) {
  std::string medium(toString(l.medium));
  std::replace(medium.begin(), medium.end(), '_', ' ');
  return "link " + describeNode(s, level, l.from) + " and " + describeNode(s, level, l.to) +
         " by " + medium + (l.identifier.empty() ? "" : " on " + l.identifier) + " (" +
         number(l.latency) + " min, " + number(l.reliability) + ")";
}

std::vector<LinkSuggestion> recommend(const Snapshot& s, const Network& net,
                                      const std::vector<NeedResult>& needs,
                                      const std::vector<graph::NeedAnswer>& answers,
                                      const AnalysisOptions& opt) {
  std::vector<LinkSuggestion> out;
  if (opt.recommendations <= 0) return out;
  auto available = [&](Id node) {
    const Index v = net.graph.nodeIndex(node);
    return v != kNoIndex && !net.graph.node(v).down;
  };
  // People of an agency who could take a new link: its primary contact, then someone who is
  // not one of the need's single points of failure.
  auto endsOf = [&](Id agency, const std::vector<Id>& cut) {
    std::vector<Id> ends;
    if (net.level == NetworkLevel::Agencies) {
      if (available(agency)) ends.push_back(agency);
      return ends;
    }
    auto p = net.primary.find(agency);
    if (p != net.primary.end() && available(p->second)) ends.push_back(p->second);
    auto m = net.members.find(agency);
    if (m != net.members.end())
      for (Id v : m->second)
        if (available(v) && std::find(ends.begin(), ends.end(), v) == ends.end() &&
            std::find(cut.begin(), cut.end(), v) == cut.end()) {
          ends.push_back(v);
          break;
        }
    return ends;
  };
  struct Candidate {
    Id from, to;
    double latency, reliability;
    bool twoWay;
  };
  std::vector<Candidate> candidates;
  std::vector<MediumChoice> media;
  std::set<std::pair<Id, Id>> seen;
  const MediaIndex mediaIndex(s, *net.availability);
  for (const NeedResult& r : needs) {
    if (candidates.size() >= opt.maxCandidates) break;
    if (r.state != NeedState::Broken && r.state != NeedState::SinglePath) continue;
    const MediumChoice m = mediaIndex.choose(r.agency_a, r.agency_b, r.level.latencyBudget);
    for (Id x : endsOf(r.agency_a, r.singlePoints))
      for (Id y : endsOf(r.agency_b, r.singlePoints)) {
        if (x == y || !seen.insert({std::min(x, y), std::max(x, y)}).second) continue;
        if (candidates.size() >= opt.maxCandidates) break;
        candidates.push_back({x, y, m.latency, m.reliability, true});
        media.push_back(m);
      }
  }
  if (candidates.empty()) return out;
  // The engine's recommender (graph/link_recommender): its figures are exact re-runs in the
  // units of the lists beside them. On small workspaces every candidate is run exactly each
  // round; on large ones only the best few by the gain it knows without a search.
  std::size_t open = 0;
  for (const NeedResult& r : needs)
    open += r.state == NeedState::Broken || r.state == NeedState::SinglePath;
  graph::RecommendOptions ro;
  ro.k = opt.recommendations;
  ro.needs = engineOptions(net, opt);
  ro.exactCandidates = open * candidates.size() <= 4000 ? 0 : 1;
  std::vector<graph::CandidateLink> links;
  for (const Candidate& c : candidates)
    links.push_back({c.from, c.to, c.latency, c.reliability, c.twoWay});
  graph::LinkRecommender rec(net.graph, demandsOf(s), links, ro);
  rec.setInitialAnswers(answers);
  if (!rec.run()) return out;
  for (const auto& step : rec.chosen()) {
    LinkSuggestion l;
    l.from = step.link.from;
    l.to = step.link.to;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (candidates[i].from == l.from && candidates[i].to == l.to) {
        l.medium = media[i].medium;
        l.identifier = media[i].identifier;
      }
    l.latency = step.link.latency;
    l.reliability = step.link.reliability;
    l.text = linkText(s, net.level, l);
    l.unroutedBefore = step.before.unroutedNeeds;
    l.unroutedAfter = step.after.unroutedNeeds;
    l.spofBefore = step.before.singlePoints;
    l.spofAfter = step.after.singlePoints;
    l.singlePathBefore = step.before.singlePathNeeds;
    l.singlePathAfter = step.after.singlePathNeeds;
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace

AnalysisResult analyze(const Snapshot& s, const AnalysisOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  AnalysisResult res;
  auto lap = t0;
  auto phase = [&](const char* name) {
    const auto now = std::chrono::steady_clock::now();
    res.phases.emplace_back(name, std::chrono::duration<double>(now - lap).count());
    lap = now;
  };
  res.version = s.version;
  res.level = opt.network.level;
  Network net = buildNetwork(s, opt.network);
  res.droppedChannels = net.dropped;
  const Availability& av = *net.availability;
  for (const Channel& c : s.channels) {
    const Status st = av.channelStatus(c.id);
    if (st == Status::Down) res.channelsDown.push_back(c.id);
    if (st == Status::Degraded) res.channelsDegraded.push_back(c.id);
  }
  for (const Infrastructure& x : s.infrastructure)
    if (av.infrastructureStatus(x.id) == Status::Down) res.infrastructureDown.push_back(x.id);
  for (const Representative& r : s.representatives)
    if (!av.personAvailable(r.id)) res.peopleOut.push_back(r.id);
  const graph::Graph& g = net.graph;
  progress(opt, 0.02);
  phase("network");

  NeedsPass pass = runNeeds(s, net, opt, /*withLoad=*/true);
  if (pass.cancelled) {
    res.cancelled = true;
    return res;
  }
  res.needs = std::move(pass.needs);
  res.taskPairs = taskPairs(s, net, opt);
  progress(opt, 0.45);
  phase("needs");

  const bool wantBetweenness = opt.allPairsBetweenness.value_or(
      static_cast<long long>(g.nodeCount()) <= opt.allPairsBetweennessUpTo);
  res.betweennessSkipped = !wantBetweenness;
  std::vector<double> betweenness(g.nodeCount(), 0.0);
  if (wantBetweenness) {
    graph::BetweennessOptions bo;
    bo.control.cancel = opt.control.cancel;
    bo.control.threads = opt.control.threads;
    graph::Betweenness bw(g, bo);
    if (!bw.run()) {
      res.cancelled = true;
      return res;
    }
    betweenness = bw.scores();
  }
  progress(opt, 0.7);
  phase("betweenness");

  graph::Biconnected bc(g, {}, false);
  bc.run();
  res.articulationPoints = bc.articulationPoints();
  res.bridges = bc.bridges();
  graph::Components comps(g);
  comps.run();
  res.weakComponents = comps.weakCount();
  res.strongComponents = comps.strongCount();
  graph::DegreeCentrality deg(g);
  deg.run();
  graph::Brokerage brok(g);
  brok.run();
  for (Index v = 0; v < g.nodeCount(); ++v) {
    NodeResult n;
    n.id = g.node(v).id;
    n.agency = g.node(v).group;
    n.name = describeNode(s, net.level, n.id);
    n.degreeIn = deg.in()[v];
    n.degreeOut = deg.out()[v];
    n.degree = deg.total()[v];
    n.betweenness = betweenness[v];
    n.load = pass.load.empty() ? 0.0 : pass.load[v];
    n.articulationPoint = bc.isArticulationPoint(v);
    n.available = !g.node(v).down;
    n.brokerage = brok.roles()[v];
    res.nodes.push_back(std::move(n));
  }
  phase("structure");

  std::map<Id, std::vector<Id>> cuts;
  for (const NeedResult& r : res.needs)
    for (Id v : r.singlePoints) cuts[v].push_back(r.need);
  for (auto& [v, list] : cuts) res.singlePoints.push_back({v, list});
  std::stable_sort(
      res.singlePoints.begin(), res.singlePoints.end(),
      [](const SinglePoint& a, const SinglePoint& b) { return a.needs.size() > b.needs.size(); });
  res.bottlenecks = rankBottlenecks(net, pass.load, wantBetweenness ? betweenness : std::vector<double>{},
                                    res.needs, opt.topCount);
  progress(opt, 0.85);
  phase("single points");
  if (cancelled(opt)) {
    res.cancelled = true;
    return res;
  }
  res.recommendations = recommend(s, net, res.needs, pass.answers, opt);
  progress(opt, 1.0);
  phase("recommendations");
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

WhatIfResult whatIf(const Snapshot& s, const FailureSet& failed, const AnalysisOptions& opt) {
  WhatIfResult res;
  res.version = s.version;
  res.failed = failed;
  res.failedWords = describeFailures(s, failed);
  AnalysisOptions afterOpt = opt;
  auto merge = []<class T>(std::vector<T>& into, const std::vector<T>& more) {
    into.insert(into.end(), more.begin(), more.end());
  };
  FailureSet& f = afterOpt.network.failed;
  merge(f.representatives, failed.representatives);
  merge(f.agencies, failed.agencies);
  merge(f.channels, failed.channels);
  merge(f.infrastructure, failed.infrastructure);
  merge(f.media, failed.media);
  merge(f.prefixes, failed.prefixes);
  merge(f.zones, failed.zones);
  const Network before = buildNetwork(s, opt.network);
  const Network after = buildNetwork(s, afterOpt.network);
  res.inZones = after.availability->inZones();
  for (const Channel& c : s.channels)
    if (before.availability->channelStatus(c.id) != Status::Down &&
        after.availability->channelStatus(c.id) == Status::Down)
      res.channelsLost.push_back(c.id);
  for (const Representative& r : s.representatives)
    if (before.availability->personAvailable(r.id) && !after.availability->personAvailable(r.id))
      res.peopleLost.push_back(r.id);
  progress(opt, 0.05);
  NeedsPass b = runNeeds(s, before, opt, true);
  progress(opt, 0.5);
  NeedsPass a = b.cancelled ? NeedsPass{} : runNeeds(s, after, afterOpt, true);
  if (b.cancelled || a.cancelled) {
    res.cancelled = true;
    return res;
  }
  for (std::size_t i = 0; i < b.needs.size(); ++i) {
    const NeedResult& x = b.needs[i];
    const NeedResult& y = a.needs[i];
    NeedImpact imp;
    imp.need = x.need;
    imp.before = x.state;
    imp.after = y.state;
    if (x.fastest.path.found) imp.latencyBefore = x.fastest.path.latency;
    if (y.fastest.path.found) imp.latencyAfter = y.fastest.path.latency;
    if (x.recommended.path.found) imp.reliabilityBefore = x.recommended.path.reliability;
    if (y.recommended.path.found) imp.reliabilityAfter = y.recommended.path.reliability;
    imp.pathsBefore = x.nodeDisjoint;
    imp.pathsAfter = y.nodeDisjoint;
    imp.detour = y.recommended;
    const bool changed = imp.before != imp.after ||
                         graph::compareLengths(imp.latencyBefore, imp.latencyAfter) != 0 ||
                         graph::compareLengths(imp.reliabilityBefore, imp.reliabilityAfter) != 0 ||
                         imp.pathsBefore != imp.pathsAfter;
    if (changed)
      res.needs.push_back(std::move(imp));
    else
      ++res.unchanged;
  }
  std::stable_sort(res.needs.begin(), res.needs.end(), [](const NeedImpact& p, const NeedImpact& q) {
    return p.broken() && !q.broken();
  });
  res.taskPairsAfter = taskPairs(s, after, afterOpt);
  res.topBefore = rankBottlenecks(before, b.load, {}, b.needs, 5);
  res.topAfter = rankBottlenecks(after, a.load, {}, a.needs, 5);
  progress(opt, 1.0);
  return res;
}

PairResult pairPaths(const Snapshot& s, const PairQuery& q, const AnalysisOptions& opt) {
  PairResult res;
  res.version = s.version;
  res.query = q;
  Network net = buildNetwork(s, opt.network);
  auto endOf = [&](const Endpoint& e, graph::End& out) -> bool {
    if (e.kind == EntityKind::Agency) {
      if (!s.agency(e.id)) return false;
      out = graph::End::ofGroup(e.id);
      return true;
    }
    const Representative* r =
        e.kind == EntityKind::Representative ? s.representative(e.id) : nullptr;
    if (!r) return false;
    out = net.level == NetworkLevel::Agencies ? graph::End::ofGroup(r->agency)
                                              : graph::End::ofNode(r->id);
    return true;
  };
  graph::End from, to;
  if (!endOf(q.from, from) || !endOf(q.to, to)) {
    res.error = "unknown agency or representative";
    return res;
  }
  auto members = [&](const Endpoint& e) {
    if (e.kind != EntityKind::Agency) return std::size_t{1};
    auto it = net.members.find(e.id);
    return it == net.members.end() ? std::size_t{0} : it->second.size();
  };
  if (members(q.from) == 0 || members(q.to) == 0) {
    res.error = "an agency without representatives has no one to call";
    return res;
  }
  // The budget: given, else the recorded need's between the two agencies.
  res.budget = q.latencyBudget;
  if (!res.budget && q.from.kind == EntityKind::Agency && q.to.kind == EntityKind::Agency)
    for (const Need& n : s.needs)
      if ((n.agency_a == q.from.id && n.agency_b == q.to.id) ||
          (n.agency_a == q.to.id && n.agency_b == q.from.id))
        res.budget = serviceLevel(n).latencyBudget;

  graph::RouteAlternatives alts(net.graph, from, to, std::max(1, q.alternatives), Metric::Latency);
  alts.run();
  for (const graph::Path& p : alts.paths()) res.alternatives.push_back(explain(s, net, p));
  res.fewerAlternatives = alts.exhausted();

  graph::GroupDemand d;
  d.id = 1;
  d.source = from;
  d.target = to;
  d.latencyBudget = res.budget.value_or(kInf);
  graph::NeedsOptions o = engineOptions(net, opt);
  o.countCap = 0;
  o.load = false;
  // Between two people the usual s-t definitions hold: the two ends themselves are not
  // counted as points of failure of their own question.
  // TODO(engine): per-End capacities, so that a person-to-agency question counts the person
  // uncapacitated and the agency's members capacitated.
  if (q.from.kind == EntityKind::Representative && q.to.kind == EntityKind::Representative)
    o.endpointsCanFail = false;
  graph::NeedsEngine engine(net.graph, {d}, o);
  engine.run();
  const graph::NeedAnswer& a = engine.answers().front();
  res.fastest = explain(s, net, a.fastest);
  res.reliable = explain(s, net, a.mostReliable);
  res.fewestHops = explain(s, net, a.fewestHops);
  if (res.budget) res.reliableInBudget = explain(s, net, a.reliableWithinBudget);
  res.edgeDisjoint = a.edgeDisjoint;
  res.nodeDisjoint = a.nodeDisjoint;
  res.singlePoints = a.cutNodes;
  res.singleChannels = a.cutEdges;
  return res;
}

}  // namespace liaison::core
