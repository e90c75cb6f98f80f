// The network view's model and draw-record step without ImGui: culling, folding, labels only
// where there is room, collapsed clusters, overlays resolved to indices, hit testing.
#include <catch2/catch.hpp>

#include <cmath>

#include "app/render/network_draw.hpp"
#include "network_test_data.hpp"

using namespace liaison;
using namespace liaison::app;

namespace {

struct Scene {
  NetworkModel model = buildNetworkModel(*test::makeNetworkSnapshot());
  std::vector<Vec2f> pos;
  std::vector<bool> collapsed;
  ResolvedOverlay overlay;
  ViewTransform view;
  DrawOptions opt;
  NetworkDrawList out;

  Scene() {
    // People on a line, 2 units apart; hubs at their members' middle.
    pos.resize(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
      pos[i] = {2.0f * static_cast<float>(i), 0.0f};
    for (const auto& c : model.clusters) {
      Vec2f s;
      for (int m : c.members)
        s.x += pos[static_cast<std::size_t>(m)].x / static_cast<float>(c.members.size());
      pos[static_cast<std::size_t>(c.hub)] = c.members.empty() ? Vec2f{-6, 0} : s;
    }
    collapsed.assign(model.clusters.size(), false);
    overlay = resolveOverlay(model, {}, {}, {});
    view.origin = {0, 0};
    view.size = {800, 600};
    view.centre = {6, 0};
    view.zoom = 50;  // node radius 0.22 * 50 = 11 px
    opt.em = 16;
  }
  void build(int selected = -1) {
    DrawState st;
    st.model = &model;
    st.positions = &pos;
    st.overlay = &overlay;
    st.collapsed = &collapsed;
    st.selectedNode = selected;
    buildNetworkDrawList(st, view, opt, out);
  }
  bool drawn(core::Id rep) const {
    const int i = model.nodeOfRep(rep);
    for (const auto& n : out.nodes)
      if (n.node == i) return true;
    return false;
  }
};

}  // namespace

TEST_CASE("network model: people, hubs, channels and agency links", "[network]") {
  const NetworkModel m = buildNetworkModel(*test::makeNetworkSnapshot());
  CHECK(m.nodes.size() == 7 + 4);
  CHECK(m.clusters.size() == 4);
  CHECK(m.edges.size() == 7);
  const NetEdge& link = m.edges[static_cast<std::size_t>(m.edgeOfChannel(7))];
  CHECK(link.agencyLevel);
  CHECK(link.a == m.clusters[1].hub);
  CHECK(link.b == m.clusters[2].hub);
  CHECK(m.nodes[static_cast<std::size_t>(m.nodeOfRep(101))].degree == 2);
  CHECK(m.nodes[static_cast<std::size_t>(m.nodeOfRep(101))].search.find("rcfd") !=
        std::string::npos);
  // Layout edges hold clusters together: 7 channels + one spoke per person.
  CHECK(m.layoutEdges().size() == 7 + 7);
}

TEST_CASE("network draw: nodes off screen are culled, edges crossing the view are kept",
          "[network]") {
  Scene s;
  s.view.centre = {0, 0};  // the view spans x in [-8, 8]: people 0..4 (x = 0..8) only
  s.build();
  CHECK(s.drawn(101));
  CHECK_FALSE(s.drawn(301));  // x = 12
  CHECK(s.out.stats.culledNodes > 0);
  // Channel 3 (101 at x=0 to 201 at x=6) is visible; channel 6 (203 at x=10 to 301 at 12) is not.
  bool has3 = false, has6 = false;
  for (const auto& e : s.out.edges) {
    has3 = has3 || s.model.edges[static_cast<std::size_t>(e.edge)].channel == 3;
    has6 = has6 || s.model.edges[static_cast<std::size_t>(e.edge)].channel == 6;
  }
  CHECK(has3);
  CHECK_FALSE(has6);
}

TEST_CASE("network draw: nodes smaller than a few pixels are folded into marks", "[network]") {
  Scene s;
  s.view.zoom = 2;  // radius 0.44 px
  s.build();
  // Only KRTV's node stays: an agency without people is drawn as its own (hub) node.
  REQUIRE(s.out.nodes.size() == 1);
  CHECK((s.out.nodes[0].flags & kNodeHub));
  CHECK(s.out.stats.foldedNodes == 7);
  CHECK_FALSE(s.out.folds.empty());
  int folded = 0;
  for (const auto& f : s.out.folds) folded += f.count;
  CHECK(folded == 7);
  CHECK(s.out.folds.size() < 7);  // 2 units * 2 px: several people share one 7 px cell
  for (const auto& l : s.out.labels) CHECK(l.node == s.model.clusters[3].hub);
  SECTION("the selected node is never folded") {
    s.build(s.model.nodeOfRep(202));
    REQUIRE(s.out.nodes.size() == 2);
    CHECK(s.out.nodes[0].node == s.model.nodeOfRep(202));
    CHECK((s.out.nodes[0].flags & kNodeSelected));
  }
}

TEST_CASE("network draw: labels appear where there is room and fold away when crowded",
          "[network]") {
  Scene s;
  // A row, 200 px apart: every name (about 130 px) fits; agency captions sit above the row.
  s.view.size = {1400, 600};
  s.view.centre = {12, 0};
  for (std::size_t i = 0; i < 7; ++i) s.pos[i] = {4.0f * static_cast<float>(i), 0.0f};
  s.build();
  int personLabels = 0;
  for (const auto& l : s.out.labels)
    personLabels += l.node >= 0 && !s.model.nodes[static_cast<std::size_t>(l.node)].hub;
  CHECK(personLabels == 7);

  // Crowd everyone onto nearly the same spot: one name only.
  for (std::size_t i = 0; i < 7; ++i) s.pos[i] = {6.0f + 0.01f * static_cast<float>(i), 0.0f};
  s.build();
  personLabels = 0;
  for (const auto& l : s.out.labels)
    personLabels += l.node >= 0 && !s.model.nodes[static_cast<std::size_t>(l.node)].hub;
  CHECK(personLabels == 1);
  CHECK(s.out.stats.hiddenLabels >= 6);
  // No two labels overlap (default width: 0.55 em per byte, height 1 em).
  auto right = [&](const LabelRec& l) {
    return l.pos.x + 0.55f * 16.0f * static_cast<float>(l.text->size());
  };
  for (std::size_t a = 0; a < s.out.labels.size(); ++a)
    for (std::size_t b = a + 1; b < s.out.labels.size(); ++b) {
      const auto& la = s.out.labels[a];
      const auto& lb = s.out.labels[b];
      const bool overlap = la.pos.x < right(lb) && lb.pos.x < right(la) &&
                           la.pos.y < lb.pos.y + 16 && lb.pos.y < la.pos.y + 16;
      CHECK_FALSE(overlap);
    }
}

TEST_CASE("network draw: a collapsed agency becomes one node with merged channels", "[network]") {
  Scene s;
  s.collapsed[0] = true;  // RCFD: 101, 102, 103
  s.build();
  CHECK_FALSE(s.drawn(101));
  CHECK_FALSE(s.drawn(102));
  bool hub = false;
  for (const auto& n : s.out.nodes)
    hub = hub || (n.node == s.model.clusters[0].hub && (n.flags & kNodeHub));
  CHECK(hub);
  // Internal channels 1 and 2 vanish; channel 3 now runs from the hub to 201.
  for (const auto& e : s.out.edges) {
    const core::Id ch = s.model.edges[static_cast<std::size_t>(e.edge)].channel;
    CHECK(ch != 1);
    CHECK(ch != 2);
  }
  // Only expanded agencies with people get a circle.
  for (const auto& c : s.out.clusters) CHECK(c.cluster != 0);
}

TEST_CASE("network draw: overlays resolve to flags, broken needs and numbered hops", "[network]") {
  Scene s;
  NetworkOverlay o;
  o.bridges = {3};
  o.articulation = {201};
  o.bottlenecks = {202};
  o.broken_needs = {{1, 3}};
  o.path_nodes = {102, 101, 201};
  o.path_edges = {1, 3};
  o.load = {{202, 5.0}, {101, 1.0}};
  s.overlay = resolveOverlay(s.model, o, {301}, {5});
  const auto node = [&](core::Id id) {
    return s.overlay.nodeFlags[static_cast<std::size_t>(s.model.nodeOfRep(id))];
  };
  const auto edge = [&](core::Id id) {
    return s.overlay.edgeFlags[static_cast<std::size_t>(s.model.edgeOfChannel(id))];
  };
  CHECK((node(201) & kNodeArticulation));
  CHECK((node(202) & kNodeBottleneck));
  CHECK((node(301) & kNodeDown));
  CHECK((edge(3) & kEdgeBridge));
  CHECK((edge(3) & kEdgePath));
  CHECK((edge(5) & kEdgeDown));  // marked down itself
  CHECK((edge(6) & kEdgeDown));  // its end 301 is down
  CHECK((edge(7) & kEdgeAgency));
  s.build();
  CHECK(s.out.brokenNeeds.size() == 1);
  REQUIRE(s.out.pathHops.size() == 2);
  CHECK(s.out.pathHops[1].number == 2);

  // Size by load: the busiest person is the largest.
  s.opt.size = SizeMode::Load;
  const float big =
      nodeWorldRadius(s.model, &s.overlay, s.model.nodeOfRep(202), SizeMode::Load, 1.0f);
  const float small =
      nodeWorldRadius(s.model, &s.overlay, s.model.nodeOfRep(103), SizeMode::Load, 1.0f);
  CHECK(big > small);
}

TEST_CASE("network draw: hit testing finds the node under the pointer", "[network]") {
  Scene s;
  s.build();
  const Vec2f p = s.view.toScreen(s.pos[static_cast<std::size_t>(s.model.nodeOfRep(201))]);
  CHECK(hitNode(s.out, p, 2.0f) == s.model.nodeOfRep(201));
  CHECK(hitNode(s.out, {p.x, p.y + 40}, 2.0f) == -1);
  CHECK(hitCluster(s.out, {p.x, p.y + 12}) == 1);
  // World <-> screen round trip.
  const Vec2f w = s.view.toWorld(p);
  CHECK(w.x == Approx(s.pos[static_cast<std::size_t>(s.model.nodeOfRep(201))].x));
}

TEST_CASE("network draw: hit testing finds the channel under the pointer", "[network]") {
  Scene s;
  s.pos[static_cast<std::size_t>(s.model.nodeOfRep(201))].y = 2.0f;  // lift 201: channel 3 slants
  s.build();
  const Vec2f a = s.view.toScreen(s.pos[static_cast<std::size_t>(s.model.nodeOfRep(101))]);
  const Vec2f b = s.view.toScreen(s.pos[static_cast<std::size_t>(s.model.nodeOfRep(201))]);
  const Vec2f mid{(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f};
  CHECK(hitEdge(s.out, mid, 4.0f) == s.model.edgeOfChannel(3));
  CHECK(hitEdge(s.out, {mid.x, mid.y - 60}, 4.0f) == -1);
}
