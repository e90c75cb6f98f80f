// liaison export WORKSPACE --to DIR: write a workspace as a scenario folder.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "core/analysis/analysis_cli.hpp"
#include "core/formats/scenario.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

void registerExportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, to;
    std::string graphml;  // --graphml FILE: the network with computed measures
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "export",
      "Export a workspace as a scenario folder (the import format; export, import and export "
      "again gives identical files)");
  cmd->add_option("WORKSPACE", args->workspace, "Workspace file (.liaison)")->required();
  cmd->add_option("--to", args->to, "Folder to write (created if missing; known files overwritten)");
  cmd->add_option("--graphml", args->graphml,
                  "Also (or instead) write the representative network with its computed measures "
                  "as GraphML (for Gephi, yEd, igraph, NetworkX)");

  cmd->callback([&result, args] {
    runGuarded(result, [&] {
      requireWorkspaceFile(args->workspace);
      if (args->to.empty() && args->graphml.empty())
        throw std::runtime_error("export needs --to DIR or --graphml FILE");
      if (!args->graphml.empty()) {
        auto [nodes, edges] = core::exportAnalysisGraphml(args->workspace, args->graphml);
        std::cout << "wrote " << nodes << " representatives and " << edges << " channels to "
                  << args->graphml << "\n";
        if (args->to.empty()) return 0;
      }
      auto store = core::Store::open(args->workspace, core::OpenMode::ReadOnly);
      const core::SnapshotPtr snap = store->load();
      core::exportScenario(*snap, args->to);
      std::cout << "exported " << snap->agencies.size() << " agencies, "
                << snap->representatives.size() << " representatives, " << snap->channels.size()
                << " channels, " << snap->needs.size() << " needs, " << snap->events.size()
                << " events, " << snap->tasks.size() << " tasks, " << snap->features.size()
                << " map features to " << args->to << "\n";
      return 0;
    });
  });
}

}  // namespace liaison::cli
