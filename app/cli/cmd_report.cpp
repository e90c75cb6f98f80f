// liaison report WORKSPACE --ics214 OUT.csv|OUT.html [--timeline OUT.html] [--period N]:
// printable and spreadsheet reports from a workspace, opened read-only. Each output is one
// entry in kOutputs below; a new report (e.g. --aar) is one more entry.
#include <CLI/CLI.hpp>

#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "core/aar.hpp"
#include "core/ics214.hpp"
#include "core/store.hpp"

namespace liaison::app::cli {
namespace {

struct ReportInput {
  const core::Snapshot& snapshot;
  const std::vector<core::JournalEntry>& journal;
  int period = 0;
  std::string name, position, agency;
};

std::string ics214Report(const ReportInput& in, const std::string& out) {
  core::Ics214Options o;
  o.period = in.period;
  o.name = in.name;
  if (!in.position.empty()) o.ics_position = in.position;
  o.home_agency = in.agency;
  o.prepared_at = core::nowUtc();
  const core::Ics214Log log = core::buildIcs214(in.snapshot, in.journal, o);
  const bool html = out.size() >= 5 && (out.ends_with(".html") || out.ends_with(".htm"));
  if (!html && !out.ends_with(".csv"))
    throw std::runtime_error("--ics214 " + out + ": the file name must end in .csv or .html");
  return html ? core::ics214Html(log) : core::ics214Csv(log);
}

std::string timelineReport(const ReportInput& in, const std::string&) {
  return core::timelineReportHtml(in.snapshot, in.period, core::nowUtc());
}

// The AAR/IP of the exercise (core/aar.hpp); it reads the exercise tables of the same file.
std::string aarReport(const ReportInput& in, const std::string&) {
  auto store = core::Store::open(in.snapshot.path, core::OpenMode::ReadOnly);
  return core::aarHtml(*store);
}

struct Output {
  const char* flag;
  const char* help;
  std::string (*write)(const ReportInput&, const std::string& path);
};

const Output kOutputs[] = {
    {"--ics214", "Write the ICS 214 Activity Log (.csv or .html) for the period", ics214Report},
    {"--timeline", "Write the significant events of the period as a printable .html report",
     timelineReport},
    {"--aar", "Write the exercise's After-Action Report / Improvement Plan as printable .html",
     aarReport},
};

}  // namespace

void registerReportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, name, position, agency;
    int period = 0;
    std::vector<std::string> outs = std::vector<std::string>(std::size(kOutputs));
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "report",
      "Write reports from a workspace (read-only): the ICS 214 activity log, the "
      "significant-events timeline.");
  cmd->add_option("WORKSPACE", args->workspace, "Workspace file (.liaison)")->required();
  for (std::size_t i = 0; i < std::size(kOutputs); ++i)
    cmd->add_option(kOutputs[i].flag, args->outs[i], kOutputs[i].help);
  cmd->add_option("--period", args->period,
                  "Operational period number (default: the whole incident)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--name", args->name, "ICS 214 block 3: your name");
  cmd->add_option("--position", args->position,
                  "ICS 214 block 4: ICS position (default Liaison Officer (LOFR))");
  cmd->add_option("--home-agency", args->agency, "ICS 214 block 5: home agency (and unit)");

  cmd->callback([&result, args] {
    runGuarded(result, [&] {
      bool any = false;
      for (const auto& o : args->outs) any = any || !o.empty();
      if (!any) {
        std::cerr << "error: say what to write, e.g. --ics214 log.csv or --timeline events.html\n";
        return 2;
      }
      requireWorkspaceFile(args->workspace);
      auto store = core::Store::open(args->workspace, core::OpenMode::ReadOnly);
      const core::SnapshotPtr snap = store->load();
      const std::vector<core::JournalEntry> journal = store->journal();
      const ReportInput in{*snap, journal, args->period, args->name, args->position, args->agency};
      for (std::size_t i = 0; i < std::size(kOutputs); ++i) {
        const std::string& path = args->outs[i];
        if (path.empty()) continue;
        const std::string text = kOutputs[i].write(in, path);
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        f << text;
        f.close();
        if (!f) throw std::runtime_error("cannot write " + path);
        std::cout << "wrote " << path << "\n";
      }
      return 0;
    });
  });
}

}  // namespace liaison::app::cli
