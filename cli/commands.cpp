#include <CLI/CLI.hpp>

#include <exception>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli.hpp"

namespace liaison::cli {

void registerCoreCommands(CLI::App& root, CliResult& result) {
  registerImportCommand(root, result);
  registerExportCommand(root, result);
  registerVerifyCommand(root, result);
  registerAnalyzeCommand(root, result);
  registerPathCommand(root, result);
  registerWhatIfCommand(root, result);
  registerReportCommand(root, result);
  registerDrillCommand(root, result);
  registerLogCommand(root, result);
  registerPublicCommand(root, result);
  registerCallDownCommand(root, result);
  registerObjectiveCommand(root, result);
}

void requireWorkspaceFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw std::runtime_error("no workspace at " + path + " (the file does not exist)");
}

void runGuarded(CliResult& result, const std::function<int()>& body) {
  try {
    result.exit_code = body();
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    result.exit_code = kExitError;
  }
}

}  // namespace liaison::cli
