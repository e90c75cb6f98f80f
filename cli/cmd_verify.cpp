// liaison verify WORKSPACE: re-check the journal's hash chain, the data against the journal,
// and SQLite's integrity.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

void registerVerifyCommand(CLI::App& root, CliResult& result) {
  auto workspace = std::make_shared<std::string>();
  CLI::App* cmd = root.add_subcommand(
      "verify",
      "Check a workspace read-only: the activity journal's hash chain (names the first edited "
      "or deleted entry), its end against the recorded head, every data row against the "
      "journal's last after-image (names the row, the field and the entry), the journal's "
      "append-only triggers, and SQLite's integrity. Exit 0 when intact, 1 otherwise.");
  cmd->add_option("WORKSPACE", *workspace, "Workspace file (.liaison)")->required();

  cmd->callback([&result, workspace] {
    runGuarded(result, [&] {
      requireWorkspaceFile(*workspace);
      auto store = core::Store::open(*workspace, core::OpenMode::ReadOnly);
      const core::VerifyReport r = store->verify();
      if (r.ok) {
        std::cout << "OK: " << *workspace << ": " << r.entries
                  << " journal entries, chain intact, integrity " << r.integrity << "\n";
        return 0;
      }
      std::cout << "BROKEN: " << *workspace << ": ";
      if (r.first_broken_seq)
        std::cout << "journal entry " << *r.first_broken_seq << ": " << r.problem;
      else
        std::cout << r.problem;
      if (!r.integrity.empty() && r.integrity != "ok") std::cout << "; integrity: " << r.integrity;
      std::cout << " (" << r.entries << " entries checked)\n";
      return 1;
    });
  });
}

}  // namespace liaison::cli
