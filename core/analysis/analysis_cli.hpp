// What `liaison analyze`, `liaison path`, `liaison whatif` and `liaison export --graphml` do,
// on a workspace (.liaison) or a GraphML file, written to a stream as text or JSON. The app's
// command files only parse options and call these. Errors are thrown as std::runtime_error
// (GraphmlError for malformed GraphML), with the file and line when there is one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/analysis/graph_measures.hpp"
#include "core/analysis/network_builder.hpp"

namespace liaison::core {

struct AnalyzeRequest {
  std::string input;
  bool json = false;
  std::string weight;  // edge attribute used as length; workspaces: latency or reliability
  Undirected undirected = Undirected::No;  // see graph_measures.hpp
  std::size_t top = 10;
  NetworkLevel level = NetworkLevel::Representatives;
  // Workspaces: the message log's window for the `communications` section and the silent
  // needs (core/analysis/communications.hpp); ISO 8601 times, a period number.
  std::string comm_from, comm_to, comm_as_of;
  std::optional<int> comm_period;
  std::optional<double> silent_after;  // minutes, every priority
  std::int64_t now = 0;                // the wall clock (UTC seconds), set by the command
};

struct PathRequest {
  std::string input, from, to;
  std::string by = "fastest";  // fastest | reliable | hops
  int k = 1;
  std::string weight;  // GraphML: the edge attribute used as latency (default 1 per edge)
  NetworkLevel level = NetworkLevel::Representatives;
  // Workspaces: the latency budget of the most reliable route (minutes); unset: the recorded
  // need's between the two agencies, if any.
  std::optional<double> budget;
};

struct WhatIfRequest {
  std::string input;
  std::vector<std::string> fail;
  bool json = false;
  NetworkLevel level = NetworkLevel::Representatives;
};

// True when the file looks like GraphML (extension .graphml/.xml, or starts with '<').
bool isGraphmlInput(const std::filesystem::path& input);

// Each returns the process exit code (0) or throws.
int runAnalyze(const AnalyzeRequest& request, std::ostream& out);
int runPath(const PathRequest& request, std::ostream& out);
int runWhatIf(const WhatIfRequest& request, std::ostream& out);

// The workspace's representative network with its measures as attributes, as directed GraphML
// that igraph, NetworkX and `liaison analyze` read back to the same measures (see
// graphml_export.cpp for the attributes and their definitions). Returns node/edge counts.
std::pair<std::size_t, std::size_t> exportAnalysisGraphml(const std::filesystem::path& workspace,
                                                          const std::filesystem::path& file);

}  // namespace liaison::core
