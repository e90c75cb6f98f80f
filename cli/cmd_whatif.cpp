// liaison whatif INPUT --fail ID[,ID...]: which needs break or degrade when people, agencies or
// channels (GraphML: nodes or edges) drop out, and the new bottlenecks.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/analysis/analysis_cli.hpp"

namespace liaison::cli {

void registerWhatIfCommand(CLI::App& root, CliResult& result) {
  auto rq = std::make_shared<core::WhatIfRequest>();
  auto level = std::make_shared<std::string>("representatives");
  CLI::App* cmd = root.add_subcommand(
      "whatif", "What breaks if people, agencies, channels, infrastructure, a medium or a map "
                "zone fail (needs lost or changed, new bottlenecks)");
  cmd->add_option("INPUT", rq->input, "Workspace (.liaison) or GraphML file")->required();
  cmd->add_option("--fail", rq->fail,
                  "Comma-separated: agency code, rep:ID, channel:ID, infra:ID, medium:NAME, "
                  "prefix:TEXT (channel identifiers starting with it), zone:ID (a map zone: "
                  "everything inside it) or a representative id (GraphML: node ids or names, "
                  "edge ids or edge:ID)")
      ->required()
      ->delimiter(',');
  cmd->add_flag("--json", rq->json, "Write JSON instead of text");
  cmd->add_option("--level", *level, "Workspace nodes: representatives (default) or agencies")
      ->check(CLI::IsMember({"representatives", "agencies"}));
  cmd->callback([&result, rq, level] {
    runGuarded(result, [&] {
      rq->level = *level == "agencies" ? core::NetworkLevel::Agencies
                                       : core::NetworkLevel::Representatives;
      return core::runWhatIf(*rq, std::cout);
    });
  });
}

}  // namespace liaison::cli
