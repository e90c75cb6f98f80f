// Internal to core/analysis: what the analyze, path, whatif and GraphML-export commands share
// (loading their inputs, numbers and paths in words and JSON). Not a public header.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "core/analysis/analysis.hpp"
#include "core/formats/graphml.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core::detail {

std::string lower(std::string s);
std::string num(double v);

// Opens a workspace read-only; a clear error when there is none at the path.
SnapshotPtr loadWorkspace(const std::filesystem::path& path);

// A GraphML file as the engine's graph: node id = index + 1, edge id = index + 1.
struct GraphmlNetwork {
  GraphmlGraph gml;
  graph::Graph graph;
  std::string name(graph::Id id) const;  // display name of node id
  std::string nodeId(graph::Id id) const;
};

GraphmlNetwork loadGraphml(const std::filesystem::path& path, const std::string& weight,
                           bool undirected);

std::string agencyCode(const Snapshot& s, Id agency);
nlohmann::json pathJson(const ExplainedPath& p);
graph::Metric metricByName(const std::string& by);

// The comma-separated items of repeated --fail options.
std::vector<std::string> failTokens(const std::vector<std::string>& options);

}  // namespace liaison::core::detail
