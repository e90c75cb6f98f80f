#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "cli.hpp"

namespace liaison::app::cli {

void registerAllCommands(CLI::App& root, CliResult& result) {
  registerOpenCommand(root, result);
  registerScreenshotCommand(root, result);
  registerImportCommand(root, result);
  registerExportCommand(root, result);
  registerVerifyCommand(root, result);
  // Later: analyze, path, whatif, wall, report, drill.
}

void runGuarded(CliResult& result, const std::function<int()>& body) {
  try {
    result.exit_code = body();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    result.exit_code = 1;
  }
}

}  // namespace liaison::app::cli
