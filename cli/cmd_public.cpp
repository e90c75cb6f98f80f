// liaison public WORKSPACE new|check|approve|release|supersede|redraft|cancel|list ...: public
// information items (press releases, posts, call-line scripts, FAQs, rumour control, public
// alerts) through their workflow. The store refuses an illegal step; times are the
// workspace's operational time (the exercise clock during a drill). Every step is journaled.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "core/model/enums.hpp"
#include "core/model/public_info.hpp"
#include "core/model/values.hpp"
#include "core/reports/public_info.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {
namespace {

template <class E>
E enumArg(const std::string& flag, const std::string& text) {
  if (auto v = core::parseEnum<E>(text)) return *v;
  throw std::runtime_error(flag + " " + text + ": expected " + core::validValues<E>());
}

bool sameNoCase(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// A representative by id or by name (case-insensitive).
core::Id person(const core::Snapshot& s, const std::string& who) {
  if (who.empty()) return 0;
  if (std::all_of(who.begin(), who.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const core::Id id = std::stoll(who);
    if (s.representative(id)) return id;
  }
  for (const core::Representative& r : s.representatives)
    if (sameNoCase(r.name, who)) return r.id;
  throw std::runtime_error("--by " + who +
                           ": no representative has this id or name; add the person to the "
                           "directory first");
}

std::string readText(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text.size() > 1'000'000) throw std::runtime_error(file + ": larger than 1 MB");
  return text;
}

struct Args {
  std::string workspace, actor = "public information";
  core::Id item = 0;
  std::string by, channel, status;
  std::string kind = "press_release", title, body, body_file;
  std::string event, urgency, severity, certainty, category, instruction;
  core::Id area = 0, incident = 0;
};

void addText(CLI::App* cmd, Args& a, bool kind) {
  if (kind)
    cmd->add_option("--kind", a.kind,
                    "press_release, social_post, call_line_script, faq, rumour_control or "
                    "public_alert")
        ->capture_default_str();
  cmd->add_option("--title", a.title, "Title or headline (placeholders allowed)");
  cmd->add_option("--body", a.body,
                  "Text; placeholders {incident}, {period}, {shelters_open}, {road_closures}, "
                  "... are filled at release");
  cmd->add_option("--body-file", a.body_file, "Read the text from this file");
  cmd->add_option("--event", a.event, "Public alert: CAP event (e.g. \"Chemical release\")");
  cmd->add_option("--urgency", a.urgency, "immediate, expected, future, past or unknown");
  cmd->add_option("--severity", a.severity, "extreme, severe, moderate, minor or unknown");
  cmd->add_option("--certainty", a.certainty, "observed, likely, possible, unlikely or unknown");
  cmd->add_option("--category", a.category,
                  "geo, met, safety, security, rescue, fire, health, env, transport, infra, "
                  "cbrne or other");
  cmd->add_option("--instruction", a.instruction, "Public alert: what people should do");
  cmd->add_option("--area", a.area, "Public alert: the map feature (zone) it covers");
  cmd->add_option("--incident", a.incident, "The incident (default: the workspace's)");
}

// The options given, onto the item.
void applyText(const Args& a, core::PublicItem& x, bool kind) {
  if (kind) x.kind = enumArg<core::PublicKind>("--kind", a.kind);
  if (!a.title.empty()) x.title = a.title;
  if (!a.body_file.empty()) x.body = readText(a.body_file);
  if (!a.body.empty()) x.body = a.body;
  if (!a.event.empty()) x.event = a.event;
  if (!a.urgency.empty()) x.urgency = enumArg<core::CapUrgency>("--urgency", a.urgency);
  if (!a.severity.empty()) x.severity = enumArg<core::CapSeverity>("--severity", a.severity);
  if (!a.certainty.empty()) x.certainty = enumArg<core::CapCertainty>("--certainty", a.certainty);
  if (!a.category.empty()) x.category = enumArg<core::CapCategory>("--category", a.category);
  if (!a.instruction.empty()) x.instruction = a.instruction;
  if (a.area != 0) x.area = a.area;
  if (a.incident != 0) x.incident = a.incident;
}

void list(const core::Snapshot& s, const std::string& status, std::ostream& out) {
  if (s.isExercise()) out << core::kExerciseBanner << "\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-4s %-3s %-16s %-10s %-19s %s\n", "id", "v", "kind",
                "status", "released", "title");
  out << line;
  for (const core::PublicItem& p : s.public_items) {
    if (!status.empty() && core::toString(p.status) != status) continue;
    const std::string when = p.released_at ? core::formatTime(*p.released_at) : "-";
    std::snprintf(line, sizeof line, "%-4lld %-3d %-16s %-10s %-19s %s\n",
                  static_cast<long long>(p.id), p.version,
                  std::string(core::toString(p.kind)).c_str(),
                  std::string(core::toString(p.status)).c_str(), when.c_str(),
                  (p.released_title.empty() ? p.title : p.released_title).c_str());
    out << line;
  }
}

}  // namespace

void registerPublicCommand(CLI::App& root, CliResult& result) {
  auto a = std::make_shared<Args>();
  CLI::App* pub = root.add_subcommand(
      "public",
      "Public information: draft, check, approve, release, supersede or cancel press releases, "
      "posts, call-line scripts, FAQs, rumour control and public alerts (journaled)");
  pub->add_option("WORKSPACE", a->workspace, "Workspace file (.liaison)")->required();
  pub->add_option("--actor", a->actor, "Who the journal names")->capture_default_str();
  pub->require_subcommand(1);

  // Runs one step: the commands from make(snapshot, operational now), applied as one batch.
  auto step = [&result, a](auto make) {
    return [&result, a, make] {
      runGuarded(result, [&] {
        requireWorkspaceFile(a->workspace);
        auto store = core::Store::open(a->workspace, core::OpenMode::ReadWrite);
        const core::SnapshotPtr snap = store->load();
        const core::TimeUtc now = core::publicNow(*store, *snap);
        const core::ApplyResult r = store->apply(make(*snap, now), a->actor);
        const core::SnapshotPtr after = store->load();
        for (core::Id id : r.ids) {
          const core::PublicItem& p = core::publicItem(*after, id);
          std::cout << "public item " << id << " v" << p.version << " "
                    << core::toString(p.status) << ": "
                    << (p.released_title.empty() ? p.title : p.released_title) << "\n";
        }
        return kExitOk;
      });
    };
  };

  CLI::App* add = pub->add_subcommand("new", "Draft a new item; prints its id");
  addText(add, *a, true);
  add->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    core::PublicItem x;
    applyText(*a, x, true);
    if (x.incident == 0 && s.mainIncident()) x.incident = s.mainIncident()->id;
    return std::vector<core::Command>{core::put(x)};
  }));

  CLI::App* edit = pub->add_subcommand("edit", "Change a draft's text");
  edit->add_option("ID", a->item, "The item")->required();
  addText(edit, *a, false);
  edit->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    core::PublicItem x = core::publicItem(s, a->item);
    applyText(*a, x, false);
    return std::vector<core::Command>{core::put(x)};
  }));

  CLI::App* check = pub->add_subcommand("check", "Mark a draft fact-checked");
  check->add_option("ID", a->item, "The item")->required();
  check->add_option("--by", a->by, "Who checked it (representative id or name)");
  check->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    return core::publicCheck(s, a->item, person(s, a->by));
  }));

  CLI::App* approve = pub->add_subcommand("approve", "Approve a checked item");
  approve->add_option("ID", a->item, "The item")->required();
  approve->add_option("--by", a->by, "Who approved it (representative id or name)")->required();
  approve->callback(step([a](const core::Snapshot& s, core::TimeUtc now) {
    return core::publicApprove(s, a->item, person(s, a->by), now);
  }));

  CLI::App* release = pub->add_subcommand(
      "release", "Release an approved item: fills its placeholders and freezes it");
  release->add_option("ID", a->item, "The item")->required();
  release->add_option("--channel", a->channel,
                      "Where it goes out: press conference, web, social, call line, IPAWS")
      ->required();
  release->callback(step([a](const core::Snapshot& s, core::TimeUtc now) {
    return core::publicRelease(s, a->item, a->channel, now);
  }));

  CLI::App* supersede = pub->add_subcommand(
      "supersede", "Draft a new version of a released item (with the changes given)");
  supersede->add_option("ID", a->item, "The released item")->required();
  addText(supersede, *a, false);
  supersede->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    std::vector<core::Command> cmds = core::publicSupersede(s, a->item);
    auto& x = std::get<core::PublicItem>(std::get<core::PutEntity>(cmds[0].op).value);
    applyText(*a, x, false);
    return cmds;
  }));

  CLI::App* redraft = pub->add_subcommand("redraft", "Send a checked or approved item back to draft");
  redraft->add_option("ID", a->item, "The item")->required();
  redraft->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    return core::publicRedraft(s, a->item);
  }));

  CLI::App* cancel = pub->add_subcommand("cancel", "Cancel an item (a released one stays on record)");
  cancel->add_option("ID", a->item, "The item")->required();
  cancel->callback(step([a](const core::Snapshot& s, core::TimeUtc) {
    return core::publicCancel(s, a->item);
  }));

  CLI::App* ls = pub->add_subcommand("list", "List the items (id, version, kind, status, title)");
  ls->add_option("--status", a->status, "Only this status");
  ls->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
      if (!a->status.empty()) enumArg<core::PublicStatus>("--status", a->status);
      list(*store->load(), a->status, std::cout);
      return kExitOk;
    });
  });
}

}  // namespace liaison::cli
