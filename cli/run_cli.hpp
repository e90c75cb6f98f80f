// The one entry point of the `liaison` executable, shared by the build with the window
// (app/main.cpp) and the build without (cli/main_no_window.cpp): the root CLI11 app, every
// command of core/, the front end's own commands, and the documented exit codes (0 ok, 1 error,
// 2 usage error, 3 no display). --help and --version exit 0.
#pragma once

#include <functional>

#include "cli.hpp"

namespace liaison::cli {

// Adds the front end's commands (the window's, or the stubs of a build without one).
using RegisterCommands = std::function<void(CLI::App& root, CliResult& result)>;

int runCli(int argc, char** argv, const RegisterCommands& front_end);

}  // namespace liaison::cli
