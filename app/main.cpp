// liaison: the one executable. A small dispatcher; every command lives in app/cli/.
#include <CLI/CLI.hpp>

#include "app/cli/cli.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "Liaison: an operations dashboard for liaison officers. Without a command, opens the "
      "dashboard window on WORKSPACE (or on the demo exercise).",
      "liaison"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", LIAISON_VERSION);
  liaison::app::cli::CliResult result;
  liaison::app::cli::registerAllCommands(app, result);
  CLI11_PARSE(app, argc, argv);
  return result.exit_code;
}
