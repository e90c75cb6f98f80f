// liaison import DIR --into WORKSPACE: read a scenario folder into a workspace, atomically.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/scenario.hpp"
#include "core/store.hpp"

namespace liaison::app::cli {

namespace fs = std::filesystem;

void registerImportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string dir, into, actor = "import";
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "import",
      "Import a scenario folder (CSV files and features.geojson, see docs/scenario-format.md) "
      "into a workspace, creating it if missing. All or nothing: on any error nothing is "
      "written and the error names file:line:column.");
  cmd->add_option("DIR", args->dir, "Scenario folder")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--into", args->into, "Workspace file (.liaison) to import into")->required();
  cmd->add_option("--actor", args->actor, "Who the journal names for the import")
      ->capture_default_str();

  cmd->callback([&result, args] {
    runGuarded(result, [&]() -> int {
      const fs::path ws = args->into;
      const bool created = !fs::exists(ws);
      std::unique_ptr<core::Store> store =
          created ? core::Store::create(ws) : core::Store::open(ws, core::OpenMode::ReadWrite);
      try {
        const core::ImportSummary s = core::importScenario(args->dir, *store, args->actor);
        std::cout << "imported " << s.agencies << " agencies, " << s.representatives
                  << " representatives (" << s.contacts << " contacts), " << s.channels
                  << " channels, " << s.needs << " needs, " << s.incidents << " incidents, "
                  << s.periods << " periods, " << s.events << " events, " << s.tasks << " tasks, "
                  << s.features << " map features into " << ws.string() << " (revision "
                  << s.revision << ")\n";
        return 0;
      } catch (const core::ImportError& e) {
        std::cerr << "error: " << e.what() << "\n";
        store.reset();
        if (created)  // leave no empty workspace behind a failed first import
          for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(ws.string() + suffix);
        return 1;
      }
    });
  });
}

}  // namespace liaison::app::cli
