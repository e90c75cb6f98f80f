// liaison export WORKSPACE --to DIR: write a workspace as a scenario folder.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/scenario.hpp"
#include "core/store.hpp"

namespace liaison::app::cli {

void registerExportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, to;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "export",
      "Export a workspace as a scenario folder (the import format; export, import and export "
      "again gives identical files)");
  cmd->add_option("WORKSPACE", args->workspace, "Workspace file (.liaison)")->required();
  cmd->add_option("--to", args->to, "Folder to write (created if missing; known files overwritten)")
      ->required();

  cmd->callback([&result, args] {
    runGuarded(result, [&] {
      requireWorkspaceFile(args->workspace);
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

}  // namespace liaison::app::cli
