// liaison path INPUT FROM TO: the best ways from one person, agency or node to another,
// explained hop by hop, with k alternatives and the number of independent paths.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/analysis/analysis_cli.hpp"

namespace liaison::cli {

void registerPathCommand(CLI::App& root, CliResult& result) {
  auto rq = std::make_shared<core::PathRequest>();
  auto level = std::make_shared<std::string>("representatives");
  CLI::App* cmd = root.add_subcommand(
      "path", "Explain the best paths between two agencies, people or GraphML nodes, hop by hop");
  cmd->add_option("INPUT", rq->input, "Workspace (.liaison) or GraphML file")->required();
  cmd->add_option("FROM", rq->from,
                  "Agency code, representative id or name (GraphML: node id or name)")
      ->required();
  cmd->add_option("TO", rq->to, "Same as FROM")->required();
  cmd->add_option("--by", rq->by, "fastest (default), reliable or hops")
      ->check(CLI::IsMember({"fastest", "reliable", "hops"}));
  cmd->add_option("--k", rq->k,
                  "How many distinct routes (differing in at least one relay person), default 1");
  cmd->add_option("--budget", rq->budget,
                  "Workspaces: latency budget in minutes for --by reliable (default: the "
                  "recorded need's between the two agencies)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--weight", rq->weight, "GraphML: edge attribute used as latency");
  cmd->add_option("--level", *level, "Workspace nodes: representatives (default) or agencies")
      ->check(CLI::IsMember({"representatives", "agencies"}));
  cmd->callback([&result, rq, level] {
    runGuarded(result, [&] {
      rq->level = *level == "agencies" ? core::NetworkLevel::Agencies
                                       : core::NetworkLevel::Representatives;
      return core::runPath(*rq, std::cout);
    });
  });
}

}  // namespace liaison::cli
