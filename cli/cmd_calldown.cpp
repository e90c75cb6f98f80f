// liaison calldown WORKSPACE start|ack|status: call-down rounds (core/reports/calldown.hpp):
// notify a list of agencies, record each acknowledgement, show who is outstanding and when
// they are due to be called again. Written as timeline events (journaled); times are the
// workspace's operational time (the exercise clock during a drill).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "core/model/values.hpp"
#include "core/reports/calldown.hpp"
#include "core/reports/public_info.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {
namespace {

core::Id agencyByCode(const core::Snapshot& s, const std::string& code) {
  for (const core::Agency& a : s.agencies)
    if (std::equal(a.code.begin(), a.code.end(), code.begin(), code.end(), [](char x, char y) {
          return std::toupper(static_cast<unsigned char>(x)) ==
                 std::toupper(static_cast<unsigned char>(y));
        }))
      return a.id;
  std::string list;
  for (const core::Agency& a : s.agencies) list += (list.empty() ? "" : ", ") + a.code;
  throw std::runtime_error("no agency has the code " + code + "; the codes are: " + list);
}

void printStatus(const core::Snapshot& s, core::TimeUtc now, core::Id only, std::ostream& out) {
  const auto rounds = core::callDownRounds(s);
  if (rounds.empty()) out << "no call-down rounds\n";
  for (const core::CallDownRound& r : rounds) {
    if (only != 0 && r.id != only) continue;
    out << "round " << r.id << " started " << core::formatTime(r.started) << " by " << r.method
        << ": " << r.subject << "\n";
    for (const core::CallDownRecipient& x : r.recipients) {
      const core::Agency* a = s.agency(x.agency);
      out << "  " << (a ? a->code : std::to_string(x.agency)) << "  ";
      if (x.acked_at)
        out << "acknowledged " << core::formatTime(*x.acked_at)
            << (x.acked_by.empty() ? "" : " by " + x.acked_by) << "\n";
      else
        out << "OUTSTANDING\n";
    }
    out << "  " << r.outstanding() << " of " << r.recipients.size() << " outstanding";
    if (auto next = r.nextRepeat(now)) out << "; call again at " << core::formatTime(*next);
    out << "\n";
  }
}

}  // namespace

void registerCallDownCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, actor = "call-down", subject, message, method = "phone", by, agency;
    std::vector<std::string> to;
    int repeat = 0;
    core::Id round = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cd = root.add_subcommand(
      "calldown", "Call-down rounds: notify agencies, record acknowledgements, show who is "
                  "outstanding (timeline events, journaled)");
  cd->add_option("WORKSPACE", a->workspace, "Workspace file (.liaison)")->required();
  cd->add_option("--actor", a->actor, "Who the journal names")->capture_default_str();
  cd->require_subcommand(1);

  CLI::App* start = cd->add_subcommand("start", "Start a round; prints its number");
  start->add_option("--subject", a->subject, "What it is about")->required();
  start->add_option("--message", a->message, "The message read to each recipient");
  start->add_option("--to", a->to, "Agency codes, comma-separated")->required()->delimiter(',');
  start->add_option("--method", a->method, "phone, radio, e-mail, SMS, ...")->capture_default_str();
  start->add_option("--repeat", a->repeat, "Call the outstanding ones again every N minutes")
      ->check(CLI::NonNegativeNumber);
  start->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadWrite);
      const core::SnapshotPtr snap = store->load();
      std::vector<core::Id> ids;
      for (const std::string& code : a->to) ids.push_back(agencyByCode(*snap, code));
      const core::TimeUtc now = core::publicNow(*store, *snap);
      const auto r = store->apply(
          core::put(core::callDownStart(*snap, a->subject, a->message, a->method, ids, a->repeat,
                                        now)),
          a->actor);
      std::cout << "call-down round " << r.ids.at(0) << " started: " << ids.size()
                << " recipients\n";
      return kExitOk;
    });
  });

  CLI::App* ack = cd->add_subcommand("ack", "Record an agency's acknowledgement");
  ack->add_option("ROUND", a->round, "The round")->required();
  ack->add_option("AGENCY", a->agency, "The agency's code")->required();
  ack->add_option("--by", a->by, "Who acknowledged");
  ack->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadWrite);
      const core::SnapshotPtr snap = store->load();
      const core::TimeUtc now = core::publicNow(*store, *snap);
      store->apply(core::put(core::callDownAck(*snap, a->round, agencyByCode(*snap, a->agency),
                                               a->by, now)),
                   a->actor);
      printStatus(*store->load(), now, a->round, std::cout);
      return kExitOk;
    });
  });

  CLI::App* status = cd->add_subcommand("status", "Each round's recipients, acknowledged or OUTSTANDING");
  status->add_option("ROUND", a->round, "Only this round");
  status->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
      const core::SnapshotPtr snap = store->load();
      printStatus(*snap, core::publicNow(*store, *snap), a->round, std::cout);
      return kExitOk;
    });
  });
}

}  // namespace liaison::cli
