// The command line as a library on core/ alone (target liaison_cli): every command that needs
// no window. Each command is one file, cmd_NAME.cpp, with a register function that adds its
// CLI11 subcommand (options, help text, and the callback that runs it) to the root app. The
// window commands (the dashboard, screenshot, wall) are registered by app/ into the same root
// (app/commands/); a build without the window registers stubs instead (no_window.cpp).
// To add a command: write cmd_NAME.cpp with registerNameCommand(), declare it below, and add
// it to registerCoreCommands() in commands.cpp.
#pragma once

#include <functional>
#include <string>

namespace CLI {
class App;
}

namespace liaison::cli {

// The exit codes the README documents.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;      // the message says which file and what is wrong
inline constexpr int kExitUsage = 2;      // a usage error: unknown option, missing argument, ...
inline constexpr int kExitNoDisplay = 3;  // a command that needs a window has none

// Filled in by the command that ran; runCli() returns exit_code.
struct CliResult {
  int exit_code = kExitOk;
};

void registerImportCommand(CLI::App& root, CliResult& result);
void registerExportCommand(CLI::App& root, CliResult& result);
void registerVerifyCommand(CLI::App& root, CliResult& result);
void registerAnalyzeCommand(CLI::App& root, CliResult& result);  // analyze, path, whatif:
void registerPathCommand(CLI::App& root, CliResult& result);     // core/analysis/analysis_cli
void registerWhatIfCommand(CLI::App& root, CliResult& result);
void registerReportCommand(CLI::App& root, CliResult& result);  // ICS 214, 205A, 203, AAR
void registerDrillCommand(CLI::App& root, CliResult& result);   // drill: MSEL, clock, AAR
void registerLogCommand(CLI::App& root, CliResult& result);     // the message log
void registerPublicCommand(CLI::App& root, CliResult& result);  // public information items
void registerCallDownCommand(CLI::App& root, CliResult& result);  // call-down rounds
void registerObjectiveCommand(CLI::App& root, CliResult& result);  // ICS 202 objectives

// Every command that needs no window, in --help order (the one list; see commands.cpp).
void registerCoreCommands(CLI::App& root, CliResult& result);

// A build without the window (-DLIAISON_BUILD_APP=OFF): `liaison [WORKSPACE]`, `screenshot`
// and `wall` parse as usual and then say that this build has no window (exit 3).
void registerNoWindowCommands(CLI::App& root, CliResult& result);

// Runs a command body: StoreError, ImportError and other exceptions become "error: ..." on
// stderr and exit code 1.
void runGuarded(CliResult& result, const std::function<int()>& body);

// Throws std::runtime_error("no workspace at PATH") when the file does not exist, so a typo
// never creates or opens something else.
void requireWorkspaceFile(const std::string& path);

}  // namespace liaison::cli
