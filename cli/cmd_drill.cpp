// liaison drill ...: exercise control from the command line. Import and export the MSEL, run
// the exercise clock headless (delivering injects on time), show the controller's status,
// acknowledge injects and record actions, control the clock, record evaluators' observations
// and write the AAR/IP. Every change is journaled in the workspace.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "cli.hpp"
#include "core/formats/output_file.hpp"
#include "core/reports/aar.hpp"
#include "core/exercise/drill.hpp"
#include "core/store/exercise_store.hpp"
#include "core/exercise/msel_import.hpp"
#include "core/formats/msel.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"
#include "core/exercise/exercise_clock.hpp"

namespace liaison::cli {

namespace {

using core::ScenarioSeconds;

ScenarioSeconds parseTimeArg(const std::string& flag, const std::string& text) {
  auto s = core::parseOffset(text);
  if (!s)
    throw std::runtime_error(flag + " " + text +
                             ": expected a scenario time as HH:MM:SS or HH:MM, e.g. 01:30:00");
  return *s;
}

std::unique_ptr<core::Store> openRw(const std::string& path) {
  requireWorkspaceFile(path);
  return core::Store::open(path, core::OpenMode::ReadWrite);
}

std::string durText(const core::DurationStats& d, bool mean) {
  if (!d.count) return "-";
  return core::formatOffset(static_cast<ScenarioSeconds>(std::llround(mean ? d.mean : d.median)));
}

void printStatus(const core::Store& store, std::ostream& out) {
  const core::SnapshotPtr snap = store.load();
  const core::ExerciseState state = core::loadExercise(store);
  const core::ControllerView v = core::controllerView(state, *snap, core::nowUtc());
  const core::Incident* inc = snap->mainIncident();
  out << "EXERCISE " << (inc ? inc->name : std::string("(no incident)")) << "\n";
  out << "clock " << core::formatOffset(v.now) << " "
      << (!v.clock.started ? "(not started)"
          : v.clock.paused ? "(paused)"
                           : "(running)")
      << " at " << v.clock.speed << "x; display time " << core::formatTime(v.display_time)
      << "; overdue after " << core::formatOffset(v.clock.overdue_window) << "\n";
  out << "injects " << v.rows.size() << ": " << v.pending << " pending, " << v.delivered
      << " delivered, " << v.acknowledged << " acknowledged, " << v.acted << " acted, " << v.overdue
      << " overdue";
  if (v.next_offset) out << "; next at " << core::formatOffset(*v.next_offset);
  out << "\n\n";
  char line[512];
  std::snprintf(line, sizeof line, "%-6s %-9s %-13s %-8s %-9s %-9s %s\n", "inject", "time", "state",
                "agency", "to ack", "to act", "subject");
  out << line;
  for (const core::ControllerRow& r : v.rows) {
    std::snprintf(line, sizeof line, "%-6s %-9s %-13s %-8s %-9s %-9s %s\n", r.inject.number.c_str(),
                  r.inject.manual() ? "manual" : core::formatOffset(r.inject.offset).c_str(),
                  (std::string(core::toString(r.status.state)) + (r.due ? "*" : "")).c_str(),
                  r.agency_code.c_str(), r.ack_time ? core::formatOffset(*r.ack_time).c_str() : "-",
                  r.action_time ? core::formatOffset(*r.action_time).c_str() : "-",
                  r.inject.subject.c_str());
    out << line;
  }
  out << "\n";
  std::snprintf(line, sizeof line, "%-8s %9s %6s %6s %8s %9s %9s %9s %9s\n", "agency", "delivered",
                "acked", "acted", "overdue", "ack mean", "ack med", "act mean", "act med");
  out << line;
  auto row = [&](const core::AgencyResponse& a) {
    std::snprintf(line, sizeof line, "%-8s %9d %6d %6d %8d %9s %9s %9s %9s\n", a.code.c_str(),
                  a.delivered, a.acknowledged, a.acted, a.overdue, durText(a.ack, true).c_str(),
                  durText(a.ack, false).c_str(), durText(a.action, true).c_str(),
                  durText(a.action, false).c_str());
    out << line;
  };
  for (const auto& a : v.stats) row(a);
  row(core::overallResponse(state));
}

void writeText(const std::string& path, const std::string& text) {
  core::writeOutputFile(path, text);
}

}  // namespace

void registerDrillCommand(CLI::App& root, CliResult& result) {
  CLI::App* drill = root.add_subcommand(
      "drill",
      "Exercise control (HSEEP): import the MSEL, run the exercise clock, acknowledge injects, "
      "record observations, write the AAR/IP");
  drill->require_subcommand(1);

  struct Common {
    std::string workspace, actor = "exercise control";
  };
  auto addCommon = [](CLI::App* cmd, Common& c) {
    cmd->add_option("WORKSPACE", c.workspace, "Workspace file (.liaison)")->required();
    cmd->add_option("--actor", c.actor, "Who the journal names")->capture_default_str();
  };

  {  // import
    struct Args : Common {
      std::string file;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "import",
        "Replace the workspace's MSEL with a CSV file (see docs/scenario-format.md, "
        "MSEL) and reset the exercise clock. All or nothing: errors name "
        "file:line:column.");
    addCommon(cmd, *a);
    cmd->add_option("MSEL", a->file, "MSEL CSV file")->required();
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        auto store = openRw(a->workspace);
        const auto s = core::importMsel(a->file, *store, a->actor);
        std::cout << "imported " << s.injects << " injects (" << s.manual << " manual, "
                  << s.effects << " with a network effect) into " << a->workspace << " (revision "
                  << s.revision << ")\n";
        return 0;
      });
    });
  }
  {  // export
    struct Args : Common {
      std::string file;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand("export", "Write the workspace's MSEL as CSV");
    addCommon(cmd, *a);
    cmd->add_option("OUT", a->file, "CSV file to write")->required();
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        requireWorkspaceFile(a->workspace);
        auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
        core::exportMsel(*store, a->file);
        std::cout << "exported " << core::loadExercise(*store).injects.size() << " injects to "
                  << a->file << "\n";
        return 0;
      });
    });
  }
  {  // run
    struct Args : Common {
      int speed = 1;
      std::string until, policy = "none", window;
      int ackDelay = 120, actDelay = 300;
      bool simulate = false, quiet = false;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "run",
        "Run the exercise clock headless, delivering injects on time, until --until or until "
        "nothing more can happen on its own; then pause the clock. Resumes from the saved clock.");
    addCommon(cmd, *a);
    cmd->add_option("--speed", a->speed, "Clock speed, 1 to 60 (scenario seconds per second)")
        ->check(CLI::Range(1, 60))
        ->capture_default_str();
    cmd->add_option("--until", a->until, "Stop when the clock reads this (HH:MM:SS)");
    cmd->add_option("--auto-ack", a->policy,
                    "Acknowledge on the players' behalf (rehearsals): none, all, "
                    "agency:CODE[,CODE...] or ratio:R (deterministic: the k-th clock-driven "
                    "inject when floor(k*R) > floor((k-1)*R))")
        ->capture_default_str();
    cmd->add_option("--ack-delay", a->ackDelay,
                    "Auto-acknowledge this many scenario seconds after delivery")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--act-delay", a->actDelay,
                    "Auto-record the action this many scenario seconds after delivery")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    cmd->add_option("--overdue-after", a->window,
                    "Overdue window (HH:MM:SS of scenario time; default 00:10:00 or as saved)");
    // For rehearsals and tests: a virtual wall clock that jumps from event to event.
    cmd->add_flag("--simulate", a->simulate,
                  "Advance a virtual wall clock instantly instead of waiting (rehearsals, tests)");
    cmd->add_flag("--quiet", a->quiet, "Only print the summary");
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        core::DrillRunOptions o;
        o.speed = a->speed;
        o.simulate = a->simulate;
        if (!a->until.empty()) o.until = parseTimeArg("--until", a->until);
        auto policy = core::parseAutoAckPolicy(a->policy);
        if (!policy)
          throw std::runtime_error("--auto-ack " + a->policy +
                                   ": expected none, all, agency:CODE[,CODE...] or ratio:R "
                                   "with R from 0 to 1");
        o.policy = *policy;
        o.policy.ack_delay = a->ackDelay;
        o.policy.act_delay = a->actDelay;
        auto store = openRw(a->workspace);
        core::Drill d(*store, a->actor);
        if (d.state().injects.empty())
          throw std::runtime_error(
              "the workspace has no MSEL; import one with liaison drill "
              "import WORKSPACE MSEL.csv");
        if (!a->window.empty()) d.setOverdueWindow(parseTimeArg("--overdue-after", a->window));
        std::ostringstream sink;
        std::ostream& log = a->quiet ? static_cast<std::ostream&>(sink) : std::cout;
        const auto r = core::runDrill(
            d, o, [] { return core::nowUtc(); },
            [] { std::this_thread::sleep_for(std::chrono::milliseconds(200)); }, log);
        std::cout << "clock paused at " << core::formatOffset(r.ended_at) << ": " << r.delivered
                  << " delivered, " << r.acknowledged << " acknowledged, " << r.acted << " acted, "
                  << r.overdue << " overdue\n";
        return 0;
      });
    });
  }
  {  // status
    auto a = std::make_shared<Common>();
    CLI::App* cmd = drill->add_subcommand(
        "status",
        "The controller's view: the clock, each inject's state and response times, "
        "and the response statistics per agency");
    addCommon(cmd, *a);
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        requireWorkspaceFile(a->workspace);
        auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
        printStatus(*store, std::cout);
        return 0;
      });
    });
  }
  {  // ack
    struct Args : Common {
      std::string inject, action, by;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "ack",
        "Acknowledge a delivered inject at the clock's reading (with --action, also "
        "record the action taken)");
    addCommon(cmd, *a);
    cmd->add_option("INJECT", a->inject, "Inject number")->required();
    cmd->add_option("--action", a->action, "The action taken");
    cmd->add_option("--by", a->by, "Who acknowledged (player or station)");
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        auto store = openRw(a->workspace);
        core::Drill d(*store, a->actor);
        const auto wall = core::nowUtc();
        const core::Inject* inj = d.state().inject(a->inject);
        if (inj && d.state().status(inj->id)->acked_s && !a->action.empty())
          d.recordAction(a->inject, wall, a->action);
        else
          d.acknowledge(a->inject, wall, a->by.empty() ? a->actor : a->by, a->action);
        const core::InjectStatus& st = *d.state().status(d.state().inject(a->inject)->id);
        std::cout << "inject " << a->inject << " " << core::toString(st.state) << " at "
                  << core::formatOffset(st.acted_s ? *st.acted_s : *st.acked_s) << " ("
                  << core::formatOffset(*st.acked_s - *st.delivered_s) << " after delivery)\n";
        return 0;
      });
    });
  }
  {  // deliver
    struct Args : Common {
      std::string inject;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "deliver", "Deliver an inject now (manual injects, 00:00:00 in the MSEL, or early)");
    addCommon(cmd, *a);
    cmd->add_option("INJECT", a->inject, "Inject number")->required();
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        auto store = openRw(a->workspace);
        core::Drill d(*store, a->actor);
        d.deliver(a->inject, core::nowUtc());
        std::cout << "inject " << a->inject << " delivered at "
                  << core::formatOffset(d.now(core::nowUtc())) << "\n";
        return 0;
      });
    });
  }
  {  // clock
    struct Args : Common {
      std::string what, time;
      int speed = 0;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "clock",
        "Control the exercise clock: start, pause, resume, speed N, jump HH:MM:SS "
        "(also back: rewind), reset (every inject back to pending, effects undone)");
    addCommon(cmd, *a);
    cmd->add_option("ACTION", a->what, "start, pause, resume, speed, jump or reset")
        ->required()
        ->check(CLI::IsMember({"start", "pause", "resume", "speed", "jump", "reset"}));
    cmd->add_option("VALUE", a->time, "The speed (1 to 60) or the scenario time (HH:MM:SS)");
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        auto store = openRw(a->workspace);
        core::Drill d(*store, a->actor);
        const auto wall = core::nowUtc();
        if (a->what == "start")
          d.start(wall);
        else if (a->what == "pause")
          d.pause(wall);
        else if (a->what == "resume")
          d.resume(wall);
        else if (a->what == "reset")
          d.reset(wall);
        else if (a->what == "speed") {
          const auto s = core::parseInteger(a->time);
          if (!s) throw std::runtime_error("clock speed needs a number from 1 to 60");
          if (*s < core::kMinSpeed || *s > core::kMaxSpeed)
            throw std::runtime_error("speed " + a->time + " is out of range; expected 1 to 60");
          d.setSpeed(wall, static_cast<int>(*s));
        } else {
          d.jump(wall, parseTimeArg("clock jump", a->time));
        }
        printStatus(*store, std::cout);
        return 0;
      });
    });
  }
  {  // observe
    struct Args : Common {
      core::Observation o;
      std::string rating;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "observe",
        "Record an evaluator's observation (Exercise Evaluation Guide) with a rating "
        "P, S, M or U");
    addCommon(cmd, *a);
    cmd->add_option("--objective", a->o.objective, "Exercise objective")->required();
    cmd->add_option("--capability", a->o.capability, "Core capability");
    cmd->add_option("--rating", a->rating, "P, S, M or U")
        ->required()
        ->check(CLI::IsMember({"P", "S", "M", "U"}));
    cmd->add_option("--strengths", a->o.strengths, "Strengths observed");
    cmd->add_option("--improvement", a->o.improvements, "Area for improvement (observation)");
    cmd->add_option("--analysis", a->o.analysis, "Analysis (root cause)");
    cmd->add_option("--recommendation", a->o.recommendation, "Recommendation (corrective action)");
    cmd->add_option("--evaluator", a->o.evaluator, "Evaluator's name");
    cmd->add_option("--organisation", a->o.organisation,
                    "Improvement plan: responsible organisation");
    cmd->add_option("--poc", a->o.poc, "Improvement plan: point of contact");
    cmd->add_option("--start", a->o.start, "Improvement plan: start date");
    cmd->add_option("--completion", a->o.completion, "Improvement plan: completion date");
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        auto store = openRw(a->workspace);
        core::Observation o = a->o;
        o.rating = *core::parseEnum<core::Rating>(a->rating);
        o.time = core::nowUtc();
        core::Id id = 0;
        store->transact(a->actor, [&](core::Transaction& t) { id = core::writeObservation(t, o); });
        std::cout << "observation " << id << " recorded (" << a->rating << ")\n";
        return 0;
      });
    });
  }
  {  // aar
    struct Args : Common {
      std::string out;
    };
    auto a = std::make_shared<Args>();
    CLI::App* cmd = drill->add_subcommand(
        "aar",
        "Write the After-Action Report / Improvement Plan as one printable HTML file "
        "(the same as liaison report WORKSPACE --aar OUT.html)");
    addCommon(cmd, *a);
    cmd->add_option("OUT", a->out, "HTML file to write")->required();
    cmd->callback([&result, a] {
      runGuarded(result, [&] {
        requireWorkspaceFile(a->workspace);
        auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
        writeText(a->out, core::aarHtml(*store));
        std::cout << "wrote " << a->out << "\n";
        return 0;
      });
    });
  }
}

}  // namespace liaison::cli
