#include "graph/contact_network.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "graph/betweenness.hpp"

namespace liaison::graph {

ContactNetwork::ContactNetwork(std::vector<Id> nodes, const std::vector<ContactCount>& contacts) {
  std::map<std::pair<Id, Id>, double> sum;
  std::vector<NodeSpec> ns;
  ns.reserve(nodes.size());
  for (Id id : nodes) ns.push_back(NodeSpec{id, 0, false});
  for (const ContactCount& c : contacts) {
    if (c.a == c.b) throw std::invalid_argument("a contact of node " + std::to_string(c.a) + " with itself");
    if (!(c.count > 0)) throw std::invalid_argument("a contact count must be > 0");
    sum[{std::min(c.a, c.b), std::max(c.a, c.b)}] += c.count;
  }
  std::vector<EdgeSpec> es;
  es.reserve(sum.size());
  Id next = 1;
  for (const auto& [pair, count] : sum) {
    m_pairs.push_back(ContactCount{pair.first, pair.second, count});
    es.push_back(EdgeSpec{next++, pair.first, pair.second, 1.0, 1.0, true, false});
  }
  m_graph = Graph(std::move(ns), std::move(es));  // throws for unknown or duplicate nodes
  const Index n = m_graph.nodeCount();
  m_degree.assign(n, 0);
  m_strength.assign(n, 0.0);
  for (Index e = 0; e < m_graph.edgeCount(); ++e) {
    const Index u = m_graph.edgeFrom(e), v = m_graph.edgeTo(e);
    ++m_degree[u];
    ++m_degree[v];
    m_strength[u] += m_pairs[e].count;
    m_strength[v] += m_pairs[e].count;
  }
  BetweennessOptions opt;
  opt.ignoreDirection = true;
  opt.control.threads = 1;  // small graphs; the caller's thread
  Betweenness bw(m_graph, opt);
  bw.run();
  m_betweenness = bw.scores();
  m_normalized = m_betweenness;
  const double pairs = n > 2 ? (double(n) - 1) * (double(n) - 2) / 2 : 0;
  for (double& x : m_normalized) x = pairs > 0 ? x / pairs : 0;
}

}  // namespace liaison::graph
