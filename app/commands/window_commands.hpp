// The commands that need a window, registered by app/ into the root of cli/: `liaison
// [WORKSPACE]` (the dashboard), `liaison screenshot` and `liaison wall`. One file each.
#pragma once

#include "cli/cli.hpp"

namespace liaison::app {

void registerOpenCommand(CLI::App& root, cli::CliResult& result);  // liaison [WORKSPACE]
void registerScreenshotCommand(CLI::App& root, cli::CliResult& result);
void registerWallCommand(CLI::App& root, cli::CliResult& result);  // the situation-room wall

// All three, in --help order.
void registerWindowCommands(CLI::App& root, cli::CliResult& result);

}  // namespace liaison::app
