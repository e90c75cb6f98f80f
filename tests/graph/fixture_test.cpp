// Reference values computed by python3-igraph (scripts/make_graph_fixtures.py), within 1e-6.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "graph/betweenness.hpp"
#include "graph/biconnected.hpp"
#include "graph/closeness.hpp"
#include "graph/components.hpp"
#include "graph/constraint.hpp"
#include "graph/degree_centrality.hpp"
#include "graph/disjoint_paths.hpp"
#include "graph/distance_matrix.hpp"

using namespace liaison::graph;

namespace {

struct Fixture {
  std::string name;
  bool directed = false;
  std::vector<NodeSpec> nodes;
  std::vector<EdgeSpec> edges;
  std::map<std::string, std::vector<double>> vec;
};

Fixture load(const std::string& name) {
  std::ifstream in(std::string(LIAISON_TEST_DATA) + "/graph/" + name + ".txt");
  REQUIRE(in.good());
  Fixture f;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string kind;
    ls >> kind;
    if (kind == "graph") {
      int directed = 0, n = 0, m = 0;
      ls >> f.name >> directed >> n >> m;
      f.directed = directed != 0;
      for (int i = 0; i < n; ++i) f.nodes.push_back({i, 0, false});
    } else if (kind == "edge") {
      EdgeSpec e;
      ls >> e.from >> e.to >> e.latency >> e.reliability;
      e.id = static_cast<Id>(f.edges.size());
      e.twoWay = !f.directed;
      f.edges.push_back(e);
    } else if (kind == "vec") {
      std::string key, tok;
      ls >> key;
      auto& v = f.vec[key];
      while (ls >> tok) v.push_back(std::strtod(tok.c_str(), nullptr));
    }
  }
  return f;
}

template <class T>
void checkVector(const std::string& what, const std::vector<T>& got,
                 const std::vector<double>& want) {
  INFO(what);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("index " << i);
    const double g = static_cast<double>(got[i]);
    if (std::isnan(want[i])) {
      CHECK(std::isnan(g));
    } else if (std::isinf(want[i])) {
      CHECK(g == want[i]);
    } else {
      CHECK(g == Approx(want[i]).epsilon(1e-6).margin(1e-9));
    }
  }
}

std::vector<double> indices(const std::vector<Id>& ids) {
  return std::vector<double>(ids.begin(), ids.end());
}

}  // namespace

TEST_CASE("fixtures: engine agrees with igraph within 1e-6", "[graph][fixture]") {
  const char* names[] = {"random_undirected", "random_directed", "sparse_disconnected",
                         "ties_undirected",   "ties_directed",   "agency_n100"};
  for (const char* name : names) {
    SECTION(name) {
      const Fixture f = load(name);
      const Graph g(f.nodes, f.edges);
      auto vec = [&](const char* key) { return f.vec.at(key); };

      Betweenness bu(g, {Metric::Hops, false, true, false, {}, {}});
      bu.run();
      checkVector("betweenness", bu.scores(), vec("betweenness"));
      checkVector("edge_betweenness", bu.edgeScores(), vec("edge_betweenness"));
      Betweenness bw(g, {Metric::Latency, false, true, false, {}, {}});
      bw.run();
      checkVector("betweenness_w", bw.scores(), vec("betweenness_w"));
      checkVector("edge_betweenness_w", bw.edgeScores(), vec("edge_betweenness_w"));
      Betweenness bund(g, {Metric::Hops, true, false, false, {}, {}});
      bund.run();
      checkVector("betweenness_undirected", bund.scores(), vec("betweenness_undirected"));

      Closeness cu(g);
      cu.run();
      checkVector("closeness", cu.scores(), vec("closeness"));
      ClosenessOptions co;
      co.metric = Metric::Latency;
      Closeness cw(g, co);
      cw.run();
      checkVector("closeness_w", cw.scores(), vec("closeness_w"));

      Constraint cc(g);
      cc.run();
      checkVector("constraint", cc.scores(), vec("constraint"));
      Constraint ccw(g, Constraint::Weight::Reliability);
      ccw.run();
      checkVector("constraint_w", ccw.scores(), vec("constraint_w"));

      DegreeCentrality deg(g);
      deg.run();
      checkVector("degree_in", deg.in(), vec("degree_in"));
      checkVector("degree_out", deg.out(), vec("degree_out"));
      checkVector("degree_all", deg.total(), vec("degree_all"));

      Biconnected bic(g);
      bic.run();
      checkVector("articulation_points", indices(bic.articulationPoints()),
                  vec("articulation_points"));
      checkVector("bridges", indices(bic.bridges()), vec("bridges"));

      Components comp(g);
      comp.run();
      CHECK(comp.weakCount() == vec("weak")[0]);
      CHECK(comp.strongCount() == vec("strong")[0]);

      const auto pairs = vec("pairs");
      std::vector<int> edgeDisjoint, vertexDisjoint;
      for (std::size_t i = 0; i + 1 < pairs.size(); i += 2) {
        DisjointPaths dp(g, static_cast<Id>(pairs[i]), static_cast<Id>(pairs[i + 1]));
        dp.run();
        edgeDisjoint.push_back(dp.edgeDisjoint());
        vertexDisjoint.push_back(dp.nodeDisjoint());
      }
      checkVector("edge_disjoint", edgeDisjoint, vec("edge_disjoint"));
      checkVector("vertex_disjoint", vertexDisjoint, vec("vertex_disjoint"));

      std::vector<Id> sources;
      for (double s : vec("dist_src")) sources.push_back(static_cast<Id>(s));
      for (Metric metric : {Metric::Latency, Metric::Reliability}) {
        DistanceMatrix dm(g, sources, {metric, false, {}});
        dm.run();
        std::vector<double> flat;
        for (std::size_t i = 0; i < dm.rowCount(); ++i)
          flat.insert(flat.end(), dm.row(i).begin(), dm.row(i).end());
        checkVector(metric == Metric::Latency ? "dist_lat" : "dist_rel", flat,
                    vec(metric == Metric::Latency ? "dist_lat" : "dist_rel"));
      }
    }
  }
}
