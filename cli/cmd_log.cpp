// liaison log WS --from A --to B [--to C] --medium phone [--kind K] [--at TIME] "text": adds one
// message to the workspace's message log, for scripts (names resolved as in the quick-entry
// line: core/analysis/message_entry.hpp). A name that is unknown or ambiguous is a usage error
// (exit 2) that lists the candidates.
#include <CLI/CLI.hpp>

#include <ctime>
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "core/analysis/message_entry.hpp"
#include "core/model/command.hpp"
#include "core/model/enums.hpp"
#include "core/model/printable.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

namespace {

struct LogArgs {
  std::string workspace, from, medium, kind, at, subject, text, recordedBy = "liaison log",
                                                                 actor = "liaison log";
  std::vector<std::string> to;
  core::Id channel = 0, need = 0, task = 0, replyTo = 0;
  bool sensitive = false;
};

int usage(const std::string& message, const std::vector<std::string>& candidates = {}) {
  std::cerr << "error: " << message << "\n";
  if (!candidates.empty()) {
    std::cerr << "candidates:\n";
    for (const std::string& c : candidates) std::cerr << "  " << c << "\n";
  }
  return kExitUsage;
}

int runLog(const LogArgs& a) {
  requireWorkspaceFile(a.workspace);
  core::MessageDraft d;
  d.from = a.from;
  d.to = a.to;
  if (!a.medium.empty()) {
    d.medium = core::parseEnum<core::Medium>(a.medium);
    if (!d.medium)
      return usage("--medium " + core::printable(a.medium) + " is not a medium; expected " +
                   core::validValues<core::Medium>());
  }
  if (!a.kind.empty()) {
    d.kind = core::parseEnum<core::MessageKind>(a.kind);
    if (!d.kind)
      return usage("--kind " + core::printable(a.kind) + " is not a message kind; expected " +
                   core::validValues<core::MessageKind>());
  }
  if (a.at.empty()) {
    d.time = static_cast<core::TimeUtc>(std::time(nullptr));
  } else {
    const auto t = core::parseTime(a.at);
    if (!t)
      return usage("--at " + core::printable(a.at) +
                   " is not a time; expected ISO 8601 with a zone, e.g. 2026-05-14T09:12:00Z");
    d.time = *t;
  }
  d.channel = a.channel;
  d.subject = a.subject;
  d.text = a.text;
  d.need = a.need;
  d.task = a.task;
  d.reply_to = a.replyTo;
  d.recorded_by = a.recordedBy;
  d.sensitive = a.sensitive;
  auto store = core::Store::open(a.workspace, core::OpenMode::ReadWrite);
  const core::SnapshotPtr snap = store->load();
  core::Message m;
  try {
    m = core::buildMessage(*snap, d);
  } catch (const core::PartyError& e) {
    return usage(e.what(), e.candidates);
  } catch (const std::invalid_argument& e) {
    return usage(e.what());
  }
  const core::ApplyResult r = store->apply(core::put(m), a.actor);
  const core::Id id = r.ids.empty() ? 0 : r.ids.front();
  std::cout << "message " << id << " at " << core::formatTime(m.time) << ": "
            << core::partyLabel(*snap, {m.from_rep ? core::EntityKind::Representative
                                                   : core::EntityKind::Agency,
                                        m.from_rep ? m.from_rep : m.from_agency})
            << " > ";
  bool first = true;
  for (core::Id rep : m.to_reps) {
    std::cout << (first ? "" : ", ") << core::partyLabel(*snap, {core::EntityKind::Representative, rep});
    first = false;
  }
  for (core::Id ag : m.to_agencies) {
    std::cout << (first ? "" : ", ") << core::partyLabel(*snap, {core::EntityKind::Agency, ag});
    first = false;
  }
  std::cout << " (" << core::toString(m.medium) << ", " << core::toString(m.kind);
  if (m.channel) std::cout << ", channel " << m.channel;
  std::cout << ")\n";
  return kExitOk;
}

}  // namespace

void registerLogCommand(CLI::App& root, CliResult& result) {
  auto a = std::make_shared<LogArgs>();
  CLI::App* cmd = root.add_subcommand(
      "log", "Add a message to the workspace's message log: who said what to whom, over what");
  cmd->add_option("WORKSPACE", a->workspace, "Workspace (.liaison)")->required();
  cmd->add_option("TEXT", a->text, "What was said");
  cmd->add_option("--from", a->from, "Sender: agency code, rep:ID or a person's name")->required();
  cmd->add_option("--to", a->to, "Recipient (repeat for several): agency code, rep:ID or name")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--medium", a->medium, "radio, phone, email, in_person or data_link");
  cmd->add_option("--kind", a->kind, "call, radio, email, in_person, chat or ics213");
  cmd->add_option("--channel", a->channel, "The channel's id (default: the one channel of the "
                                           "medium between the two, when there is one)");
  cmd->add_option("--at", a->at, "When (ISO 8601 with a zone; default now)");
  cmd->add_option("--subject", a->subject, "Subject");
  cmd->add_option("--need", a->need, "The need it served (id)");
  cmd->add_option("--task", a->task, "The task it was about (id)");
  cmd->add_option("--reply-to", a->replyTo, "The message it answers (id)");
  cmd->add_option("--recorded-by", a->recordedBy, "The station or person logging it")
      ->capture_default_str();
  cmd->add_option("--actor", a->actor, "Who the journal names")->capture_default_str();
  cmd->add_flag("--sensitive", a->sensitive, "Its text is never shown on the wall");
  cmd->callback([&result, a] { runGuarded(result, [&] { return runLog(*a); }); });
}

}  // namespace liaison::cli
