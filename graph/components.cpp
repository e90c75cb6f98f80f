#include "graph/components.hpp"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <utility>

namespace liaison::graph {

Components::Components(const Graph& graph, Failures failed)
    : m_graph(graph), m_mask(graph, failed) {}

namespace {
// Relabels so that labels follow the lowest node index of each component.
int canonical(std::vector<int>& labels, const ActiveMask& mask) {
  std::vector<int> remap(labels.size(), -1);
  int next = 0;
  for (std::size_t v = 0; v < labels.size(); ++v) {
    if (!mask.nodeActive(static_cast<Index>(v))) {
      labels[v] = -1;
      continue;
    }
    int& r = remap[static_cast<std::size_t>(labels[v])];
    if (r < 0) r = next++;
    labels[v] = r;
  }
  return next;
}
}  // namespace

void Components::run() {
  const Index n = m_graph.nodeCount();
  const Adjacency und = m_graph.undirected();
  m_weak.assign(n, -1);
  std::vector<Index> queue;
  int label = 0;
  for (Index s = 0; s < n; ++s) {
    if (m_weak[s] >= 0 || !m_mask.nodeActive(s)) continue;
    m_weak[s] = label;
    queue.assign(1, s);
    for (std::size_t h = 0; h < queue.size(); ++h) {
      const Index v = queue[h];
      for (Index i = und.offsets[v]; i < und.offsets[v + 1]; ++i) {
        const Index w = und.targets[i];
        if (m_weak[w] < 0 && m_mask.arcActive(und.arcs[i], w)) {
          m_weak[w] = label;
          queue.push_back(w);
        }
      }
    }
    ++label;
  }
  m_weakCount = label;

  // Strong components through Boost on a CSR graph of the active arcs (inactive nodes become
  // singletons there and are dropped by canonical()).
  using BoostCsr = boost::compressed_sparse_row_graph<boost::directedS>;
  std::vector<std::pair<std::size_t, std::size_t>> arcs;
  const Adjacency out = m_graph.out();
  for (Index v = 0; v < n; ++v)
    for (Index i = out.offsets[v]; i < out.offsets[v + 1]; ++i)
      if (m_mask.nodeActive(v) && m_mask.arcActive(out.arcs[i], out.targets[i]))
        arcs.emplace_back(static_cast<std::size_t>(v), static_cast<std::size_t>(out.targets[i]));
  BoostCsr g(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(),
             static_cast<std::size_t>(n));
  m_strong.assign(n, 0);
  if (n > 0)
    boost::strong_components(
        g, boost::make_iterator_property_map(m_strong.begin(), boost::get(boost::vertex_index, g)));
  m_strongCount = canonical(m_strong, m_mask);
}

std::vector<std::vector<Id>> Components::weakComponents() const {
  std::vector<std::vector<Id>> out(static_cast<std::size_t>(m_weakCount));
  for (Index v = 0; v < m_graph.nodeCount(); ++v)
    if (m_weak[v] >= 0) out[static_cast<std::size_t>(m_weak[v])].push_back(m_graph.node(v).id);
  return out;
}

}  // namespace liaison::graph
