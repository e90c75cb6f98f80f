// liaison analyze INPUT: bottlenecks, single points of failure and needs of a workspace or a
// GraphML file, as text or JSON (the work is in core/graph_analysis_cli).
#include <CLI/CLI.hpp>

#include <ctime>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/analysis/analysis_cli.hpp"

namespace liaison::cli {

void registerAnalyzeCommand(CLI::App& root, CliResult& result) {
  auto rq = std::make_shared<core::AnalyzeRequest>();
  auto level = std::make_shared<std::string>("representatives");
  CLI::App* cmd = root.add_subcommand(
      "analyze",
      "Analyse a workspace or a GraphML file: bottlenecks, single points of failure, needs "
      "without a path and each need's best path (--json: the measures, see README)");
  cmd->add_option("INPUT", rq->input, "Workspace (.liaison) or GraphML file")->required();
  cmd->add_flag("--json", rq->json, "Write JSON instead of text");
  cmd->add_option("--weight", rq->weight,
                  "Edge attribute used as length (GraphML attribute; workspaces: latency or "
                  "reliability); adds betweenness_weighted");
  auto undirected = std::make_shared<std::string>();
  CLI::Option* undirectedOpt =
      cmd->add_option("--undirected", *undirected,
                      "Ignore edge directions: collapse mutual arcs into one edge (the default, "
                      "as NetworkX to_undirected()), or --undirected=each to keep every arc as an "
                      "undirected edge")
          ->expected(0, 1)
          ->check(CLI::IsMember({"", "collapse", "each"}));
  cmd->add_option("--top", rq->top, "How many bottlenecks to list (default 10)");
  cmd->add_option("--level", *level, "Workspace nodes: representatives (default) or agencies")
      ->check(CLI::IsMember({"representatives", "agencies"}));
  cmd->add_option("--from", rq->comm_from,
                  "Workspaces: the message log's window starts here (ISO 8601; communications)");
  cmd->add_option("--to", rq->comm_to, "Workspaces: the window ends before this time");
  cmd->add_option("--period", rq->comm_period,
                  "Workspaces: the window is this operational period (its number)");
  cmd->add_option("--as-of", rq->comm_as_of,
                  "Workspaces: judge silence at this time (default: the window's end, else the "
                  "log's last message)");
  cmd->add_option("--silent-after", rq->silent_after,
                  "Workspaces: minutes without a message after which any need is silent "
                  "(default by priority: critical 30, high 60, normal 120, low 240)")
      ->check(CLI::PositiveNumber);
  cmd->callback([&result, rq, level, undirected, undirectedOpt] {
    runGuarded(result, [&] {
      rq->now = static_cast<std::int64_t>(std::time(nullptr));
      if (undirectedOpt->count() > 0)
        rq->undirected = *undirected == "each" ? core::Undirected::Each : core::Undirected::Collapse;
      rq->level = *level == "agencies" ? core::NetworkLevel::Agencies
                                       : core::NetworkLevel::Representatives;
      return core::runAnalyze(*rq, std::cout);
    });
  });
}

}  // namespace liaison::cli
