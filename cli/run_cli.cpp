#include "run_cli.hpp"

#include <CLI/CLI.hpp>

namespace liaison::cli {

int runCli(int argc, char** argv, const RegisterCommands& front_end) {
  CLI::App app{
      "Liaison: an operations dashboard for liaison officers. Without a command, opens the "
      "dashboard window on WORKSPACE (or on the demo exercise).",
      "liaison"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", LIAISON_VERSION);
  CliResult result;
  registerCoreCommands(app, result);
  if (front_end) front_end(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too (CLI::Success, exit code 0); everything else is a
    // usage error, whatever CLI11's own number for it (106 for an unknown option, ...).
    const int cli11 = app.exit(e);
    return cli11 == 0 ? kExitOk : kExitUsage;
  }
  return result.exit_code;
}

}  // namespace liaison::cli
