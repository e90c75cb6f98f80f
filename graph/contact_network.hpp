// A network of observed contacts: who was in touch with whom and how often, as an undirected
// graph over the caller's node ids (one edge per pair that had at least one contact; the count
// of contacts is the edge's weight), with the measures of who carries the traffic: degree
// (distinct partners), strength (contacts summed over partners) and betweenness (Brandes,
// unweighted: a contact is a tie whatever its count; each unordered pair once, as igraph's
// betweenness(directed=False)), raw and normalised by (n-1)(n-2)/2 over the nodes given.
// Knows no domain: the caller decides what a node and a contact are.
#pragma once

#include <vector>

#include "graph/graph.hpp"

namespace liaison::graph {

struct ContactCount {
  Id a = 0, b = 0;   // a != b; the order does not matter
  double count = 1;  // contacts between the two (> 0)
};

class ContactNetwork {
 public:
  // nodes: every node id (also those without contacts); contacts may repeat a pair (summed).
  // Throws std::invalid_argument for a contact naming an unknown node or a self-contact.
  ContactNetwork(std::vector<Id> nodes, const std::vector<ContactCount>& contacts);

  const Graph& graph() const { return m_graph; }
  // By node index (the order of `nodes`).
  const std::vector<int>& degree() const { return m_degree; }
  const std::vector<double>& strength() const { return m_strength; }
  const std::vector<double>& betweenness() const { return m_betweenness; }
  const std::vector<double>& betweennessNormalized() const { return m_normalized; }
  // The pairs with their summed counts, a < b, sorted by (a, b).
  const std::vector<ContactCount>& pairs() const { return m_pairs; }

 private:
  Graph m_graph;
  std::vector<ContactCount> m_pairs;
  std::vector<int> m_degree;
  std::vector<double> m_strength, m_betweenness, m_normalized;
};

}  // namespace liaison::graph
