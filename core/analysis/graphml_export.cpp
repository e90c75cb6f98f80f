// `liaison export WORKSPACE --graphml FILE`: the representative network with its measures, as
// GraphML that other programs read back to the same numbers.
//
// The file is directed (edgedefault="directed"): a one-way channel is one arc, a two-way
// channel two arcs (ids "cID" and "cID-r"), so directions survive the round trip. A channel
// between two agencies appears between the agencies' primary contacts, as the engine sees it.
// Node attributes: name, position, agency, on_duty, available (can carry traffic now: on
// duty, agency up, infrastructure up), betweenness, articulation_point. Edge attributes:
// channel, medium, identifier (private numbers masked), latency_min, reliability, status (as
// recorded), usable (it carries traffic now: the channel and its infrastructure up), two_way.
//
// The measures are those of the usable network: the subgraph of nodes with available = true
// and arcs with usable = true.
//   betweenness         igraph betweenness(directed=True) on that subgraph (ordered pairs, so
//                        a two-way channel counts each direction); 0 for unavailable nodes.
//   articulation_point  igraph articulation_points() on that subgraph, direction ignored.
// A test recomputes both from the file with python-igraph.
#include <sstream>
#include <fstream>
#include <stdexcept>

#include "core/analysis/analysis_cli.hpp"
#include "core/analysis/command_support.hpp"
#include "core/formats/output_file.hpp"
#include "core/model/enums.hpp"
#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"

namespace liaison::core {

namespace fs = std::filesystem;
using namespace detail;

std::pair<std::size_t, std::size_t> exportAnalysisGraphml(const fs::path& workspace,
                                                          const fs::path& file) {
  SnapshotPtr snap = loadWorkspace(workspace);
  const Snapshot& s = *snap;
  const Network net = buildNetwork(s, {});
  const graph::Graph& g = net.graph;
  graph::Betweenness bw(g, {});
  bw.run();
  graph::Biconnected bc(g, {}, false);
  bc.run();

  GraphmlGraph out;
  out.directed = true;
  for (graph::Index v = 0; v < g.nodeCount(); ++v) {
    const graph::Id id = g.node(v).id;
    out.nodes.push_back({std::to_string(id), 0});
    const Representative* r = s.representative(id);
    const auto i = static_cast<std::size_t>(v);
    out.setNodeValue(i, "name", r ? r->name : describeNode(s, net.level, id));
    out.setNodeValue(i, "position", r ? r->position : std::string());
    out.setNodeValue(i, "agency", agencyCode(s, g.node(v).group));
    out.setNodeValue(i, "on_duty", r ? r->on_duty : true);
    out.setNodeValue(i, "available", !g.node(v).down);
    // Ordered pairs, as igraph's directed betweenness counts them on the exported arcs; on a
    // network of two-way channels only, the engine counts each unordered pair once.
    out.setNodeValue(i, "betweenness", (g.isUndirected() ? 2.0 : 1.0) * bw.scores()[v]);
    out.setNodeValue(i, "articulation_point", bc.isArticulationPoint(v));
  }
  auto addArc = [&](const graph::EdgeSpec& e, bool reverse) {
    const Channel* c = s.channel(e.id);
    GraphmlEdge ge;
    ge.source = static_cast<std::size_t>(g.nodeIndex(reverse ? e.to : e.from));
    ge.target = static_cast<std::size_t>(g.nodeIndex(reverse ? e.from : e.to));
    ge.directed = true;
    std::string ident = c ? c->identifier : std::string();
    for (Id rep : {e.from, e.to})
      if (const Representative* r = s.representative(rep))
        for (const auto& cm : r->contacts)
          if (cm.sensitive && cm.value == ident) ident = "(private number)";
    const std::size_t i = out.edges.size();
    out.edges.push_back(ge);
    out.setEdgeId(i, "c" + std::to_string(e.id) + (reverse ? "-r" : ""));
    out.setEdgeValue(i, "channel", static_cast<std::int64_t>(e.id));
    out.setEdgeValue(i, "medium", c ? std::string(toString(c->medium)) : std::string());
    out.setEdgeValue(i, "identifier", ident);
    out.setEdgeValue(i, "latency_min", e.latency);
    out.setEdgeValue(i, "reliability", e.reliability);
    out.setEdgeValue(i, "status", c ? std::string(toString(c->status)) : std::string("up"));
    out.setEdgeValue(i, "usable", !e.down);
    out.setEdgeValue(i, "two_way", e.twoWay);
  };
  for (const graph::EdgeSpec& e : g.edges()) {
    addArc(e, false);
    if (e.twoWay) addArc(e, true);
  }
  std::ostringstream text;
  writeGraphml(text, out);
  writeOutputFile(file, text.str());
  return {out.nodes.size(), out.edges.size()};
}

}  // namespace liaison::core
