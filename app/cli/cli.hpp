// The command line. Each command is one file in app/cli/ with a register function that adds
// its CLI11 subcommand (options, help text, and the callback that runs it) to the root app.
// To add a command: write cmd_NAME.cpp with registerNameCommand(), declare it below, and add
// it to the list in commands.cpp.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace liaison::app::cli {

// Filled in by the command that ran; main() returns exit_code.
struct CliResult {
  int exit_code = 0;
};

void registerOpenCommand(CLI::App& root, CliResult& result);  // liaison [WORKSPACE]
void registerScreenshotCommand(CLI::App& root, CliResult& result);
void registerImportCommand(CLI::App& root, CliResult& result);
void registerExportCommand(CLI::App& root, CliResult& result);
void registerVerifyCommand(CLI::App& root, CliResult& result);
void registerAnalyzeCommand(CLI::App& root, CliResult& result);  // analyze, path, whatif:
void registerPathCommand(CLI::App& root, CliResult& result);     // core/graph_analysis_cli
void registerWhatIfCommand(CLI::App& root, CliResult& result);
void registerReportCommand(CLI::App& root, CliResult& result);  // ICS 214, timeline report
void registerDrillCommand(CLI::App& root, CliResult& result);  // drill: MSEL, clock, AAR
void registerWallCommand(CLI::App& root, CliResult& result);   // the situation-room wall

// Every command, in --help order (the one list; see commands.cpp).
void registerAllCommands(CLI::App& root, CliResult& result);

// Runs a command body: StoreError, ImportError and other exceptions become "error: ..." on
// stderr and exit code 1.
void runGuarded(CliResult& result, const std::function<int()>& body);

// Throws std::runtime_error("no workspace at PATH") when the file does not exist, so a typo
// never creates or opens something else.
void requireWorkspaceFile(const std::string& path);

}  // namespace liaison::app::cli
