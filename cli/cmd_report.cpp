// liaison report WORKSPACE --ics214 OUT.csv|OUT.html [--timeline OUT.html] [--period N]
// [--ics205a OUT.csv|OUT.html] [--ics203 OUT.csv|OUT.html] [--agency CODE,...]
// [--include-sensitive] [--prepared-by NAME]:
// printable and spreadsheet reports from a workspace, opened read-only. Each output is one
// entry in kOutputs below; a new report (e.g. --aar) is one more entry.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <stdexcept>
#include <utility>

#include "cli.hpp"
#include "core/formats/output_file.hpp"
#include "core/reports/aar.hpp"
#include "core/reports/ics214.hpp"
#include "core/reports/ics_forms.hpp"
#include "core/reports/public_info.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {
namespace {

struct ReportInput {
  const core::Snapshot& snapshot;
  const std::vector<core::JournalEntry>& journal;
  int period = 0;
  std::string name, position, agency;
  // ICS 205A and 203: the selection (agency codes; empty: all), masking, block "prepared by".
  std::vector<std::string> agency_codes;
  bool include_sensitive = false;
  std::string prepared_by;
  core::PaperSize paper = core::PaperSize::A4;
};

// The format from OUT's extension; anything but .csv, .html or .htm is refused, naming them.
core::ReportFormat formatOf(const std::string& flag, const std::string& out) {
  if (const auto f = core::reportFormatOf(out)) return *f;
  throw std::runtime_error(flag + " " + out + ": the file name must end in .csv or .html");
}

bool sameCodeNoCase(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

// --agency codes to agency ids (case-insensitive); an unknown code names the valid ones.
std::set<core::Id> agencySelection(const core::Snapshot& s, const std::vector<std::string>& codes) {
  std::set<core::Id> ids;
  for (const std::string& code : codes) {
    const auto it = std::find_if(s.agencies.begin(), s.agencies.end(), [&](const core::Agency& a) {
      return sameCodeNoCase(a.code, code);
    });
    if (it != s.agencies.end()) {
      ids.insert(it->id);
      continue;
    }
    std::vector<std::string> valid;
    for (const core::Agency& a : s.agencies) valid.push_back(a.code);
    std::sort(valid.begin(), valid.end());
    std::string list;
    for (const std::string& v : valid) list += (list.empty() ? "" : ", ") + v;
    throw std::runtime_error("--agency " + code + ": no agency has this code; valid codes: " +
                             (list.empty() ? "(the workspace has no agencies)" : list));
  }
  return ids;
}

std::string icsForm(const ReportInput& in, const std::string& out, core::IcsForm form,
                    const std::string& flag) {
  const core::ReportFormat format = formatOf(flag, out);
  core::IcsFormOptions o;
  o.period = in.period;
  o.agencies = agencySelection(in.snapshot, in.agency_codes);
  o.include_sensitive = in.include_sensitive;
  o.prepared_by = in.prepared_by.empty() ? in.name : in.prepared_by;
  if (!in.position.empty()) o.prepared_position = in.position;
  o.prepared_at = core::nowUtc();
  o.paper = in.paper;
  return core::renderIcsForm(in.snapshot, form, format, o);
}

std::string ics205aReport(const ReportInput& in, const std::string& out) {
  return icsForm(in, out, core::IcsForm::Ics205a, "--ics205a");
}

std::string ics203Report(const ReportInput& in, const std::string& out) {
  return icsForm(in, out, core::IcsForm::Ics203Reps, "--ics203");
}

std::string ics214Report(const ReportInput& in, const std::string& out) {
  core::Ics214Options o;
  o.period = in.period;
  o.name = in.name;
  if (!in.position.empty()) o.ics_position = in.position;
  o.home_agency = in.agency;
  o.prepared_at = core::nowUtc();
  const core::Ics214Log log = core::buildIcs214(in.snapshot, in.journal, o);
  const bool html = formatOf("--ics214", out) == core::ReportFormat::Html;
  return html ? core::ics214Html(log) : core::ics214Csv(log);
}

std::string timelineReport(const ReportInput& in, const std::string&) {
  return core::timelineReportHtml(in.snapshot, in.period, core::nowUtc());
}

// The AAR/IP of the exercise (core/reports/aar.hpp); it reads the exercise tables of the same file.
std::string aarReport(const ReportInput& in, const std::string&) {
  auto store = core::Store::open(in.snapshot.path, core::OpenMode::ReadOnly);
  return core::aarHtml(*store);
}

// The released public information (core/reports/public_info.hpp), for a call-taker's screen.
std::string publicReport(const ReportInput& in, const std::string&) {
  auto store = core::Store::open(in.snapshot.path, core::OpenMode::ReadOnly);
  return core::publicViewHtml(in.snapshot, core::publicNow(*store, in.snapshot));
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
    {"--ics205a",
     "Write the ICS 205A Communications List (.csv or .html): every representative's methods "
     "of contact, sensitive values masked unless --include-sensitive",
     ics205aReport},
    {"--ics203",
     "Write block 4 of the ICS 203 (Agency/Organization Representatives, by agency) as .csv or "
     ".html",
     ics203Report},
    {"--public",
     "Write the released public information (statements in force first) as .html for a "
     "call-taker's screen",
     publicReport},
};

}  // namespace

void registerReportCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, name, position, agency;
    int period = 0;
    std::vector<std::string> agency_codes;
    bool include_sensitive = false;
    std::string prepared_by, paper = "A4";
    std::vector<std::string> outs = std::vector<std::string>(std::size(kOutputs));
    std::string cap, sender = "liaison@localhost";
    core::Id item = 0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = root.add_subcommand(
      "report",
      "Write reports from a workspace (read-only): the ICS 214 activity log, the "
      "significant-events timeline, the ICS 205A communications list, the ICS 203 agency "
      "representatives.");
  cmd->add_option("WORKSPACE", args->workspace, "Workspace file (.liaison)")->required();
  for (std::size_t i = 0; i < std::size(kOutputs); ++i)
    cmd->add_option(kOutputs[i].flag, args->outs[i], kOutputs[i].help);
  cmd->add_option("--cap", args->cap,
                  "Write the released public alert (or the one of --item) as CAP 1.2 .xml, "
                  "validated against the OASIS schema; a folder: one file per alert");
  cmd->add_option("--item", args->item, "--cap: this public item only");
  cmd->add_option("--sender", args->sender, "--cap: the CAP sender")->capture_default_str();
  cmd->add_option("--period", args->period,
                  "Operational period number (default: the whole incident)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--name", args->name, "ICS 214 block 3: your name");
  cmd->add_option("--position", args->position,
                  "ICS 214 block 4: ICS position (default Liaison Officer (LOFR))");
  cmd->add_option("--home-agency", args->agency, "ICS 214 block 5: home agency (and unit)");
  cmd->add_option("--agency", args->agency_codes,
                  "ICS 205A / 203: only these agencies (codes, comma-separated; default: all)")
      ->delimiter(',');
  cmd->add_flag("--include-sensitive", args->include_sensitive,
                "ICS 205A: include sensitive contact values (private cells); masked otherwise");
  cmd->add_option("--prepared-by", args->prepared_by,
                  "ICS 205A block 4 / ICS 203 block 9: prepared by (default: --name); the "
                  "position is --position");
  cmd->add_option("--paper", args->paper, "ICS 205A / 203 HTML page size: A4 or Letter")
      ->transform(CLI::IsMember({"A4", "Letter"}, CLI::ignore_case));

  cmd->callback([&result, args] {
    runGuarded(result, [&] {
      bool any = false;
      for (const auto& o : args->outs) any = any || !o.empty();
      any = any || !args->cap.empty();
      if (!any) {
        std::cerr << "error: say what to write, e.g. --ics214 log.csv or --timeline events.html\n";
        return 2;
      }
      requireWorkspaceFile(args->workspace);
      auto store = core::Store::open(args->workspace, core::OpenMode::ReadOnly);
      const core::SnapshotPtr snap = store->load();
      const std::vector<core::JournalEntry> journal = store->journal();
      const ReportInput in{*snap,
                           journal,
                           args->period,
                           args->name,
                           args->position,
                           args->agency,
                           args->agency_codes,
                           args->include_sensitive,
                           args->prepared_by,
                           args->paper == "Letter" ? core::PaperSize::Letter : core::PaperSize::A4};
      // Every report is made before the first is written: an error writes nothing.
      std::vector<std::pair<std::string, std::string>> texts;
      for (std::size_t i = 0; i < std::size(kOutputs); ++i)
        if (!args->outs[i].empty())
          texts.emplace_back(args->outs[i], kOutputs[i].write(in, args->outs[i]));
      if (!args->cap.empty()) {
        std::error_code ec;
        const bool folder = std::filesystem::is_directory(args->cap, ec);
        std::vector<core::Id> ids;
        if (args->item != 0) {
          ids.push_back(args->item);
        } else {
          for (const core::PublicItem* p : core::capItems(*snap)) ids.push_back(p->id);
          if (ids.empty())
            throw std::runtime_error("--cap: the workspace has no released public alert");
          if (ids.size() > 1 && !folder) {
            std::string list;
            for (core::Id id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
            throw std::runtime_error("--cap " + args->cap + ": " + std::to_string(ids.size()) +
                                     " released public alerts (" + list +
                                     "); say which with --item ID, or give a folder");
          }
        }
        for (core::Id id : ids) {
          const std::string path =
              folder ? (std::filesystem::path(args->cap) / ("alert-" + std::to_string(id) + ".xml"))
                           .string()
                     : args->cap;
          texts.emplace_back(path, core::capXml(*snap, id, args->sender));
        }
      }
      for (const auto& [path, text] : texts) {
        core::writeOutputFile(path, text);  // whole or not at all, owner-only
        std::cout << "wrote " << path << "\n";
      }
      return 0;
    });
  });
}

}  // namespace liaison::cli
