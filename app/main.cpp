// liaison: the executable with the window. The command line is cli/ (every command that needs
// no window); app/commands/ adds the dashboard, screenshot and the wall to the same root.
#include "app/commands/window_commands.hpp"
#include "cli/run_cli.hpp"

int main(int argc, char** argv) {
  return liaison::cli::runCli(argc, argv, liaison::app::registerWindowCommands);
}
