// liaison, built without the window (-DLIAISON_BUILD_APP=OFF): every command of cli/, and
// stubs for the window commands that say this build has none (exit 3). Links core/ alone: no
// ImGui, GLFW or GL.
#include "cli/run_cli.hpp"

int main(int argc, char** argv) {
  return liaison::cli::runCli(argc, argv, liaison::cli::registerNoWindowCommands);
}
