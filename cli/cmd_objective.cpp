// liaison objective WORKSPACE add|status|list: incident objectives per operational period
// (ICS 202), each with a status (not_started, in_progress, met, not_met) and the tasks and
// needs that serve it. Every change is journaled.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli.hpp"
#include "core/model/enums.hpp"
#include "core/store/store.hpp"

namespace liaison::cli {

void registerObjectiveCommand(CLI::App& root, CliResult& result) {
  struct Args {
    std::string workspace, actor = "planning", text, status;
    int period = 1;
    core::Id id = 0;
    std::vector<core::Id> tasks, needs;
  };
  auto a = std::make_shared<Args>();
  CLI::App* ob = root.add_subcommand(
      "objective", "Incident objectives per operational period (ICS 202) with their status");
  ob->add_option("WORKSPACE", a->workspace, "Workspace file (.liaison)")->required();
  ob->add_option("--actor", a->actor, "Who the journal names")->capture_default_str();
  ob->require_subcommand(1);

  CLI::App* add = ob->add_subcommand("add", "Add an objective to a period; prints its id");
  add->add_option("--period", a->period, "The operational period's number")->capture_default_str();
  add->add_option("--text", a->text, "The objective")->required();
  add->add_option("--task", a->tasks, "Tasks that serve it (ids, comma-separated)")->delimiter(',');
  add->add_option("--need", a->needs, "Needs that serve it (ids, comma-separated)")->delimiter(',');
  add->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadWrite);
      const core::SnapshotPtr s = store->load();
      core::Objective o;
      std::string numbers;
      for (const core::OperationalPeriod& p : s->periods) {
        numbers += (numbers.empty() ? "" : ", ") + std::to_string(p.number);
        if (p.number == a->period && o.period == 0) o.period = p.id;
      }
      if (o.period == 0)
        throw std::runtime_error("--period " + std::to_string(a->period) +
                                 ": no operational period has this number; the periods are: " +
                                 (numbers.empty() ? "(none)" : numbers));
      o.number = 1;
      for (const core::Objective& x : s->objectives)
        if (x.period == o.period && x.number >= o.number) o.number = x.number + 1;
      o.text = a->text;
      o.tasks = a->tasks;
      o.needs = a->needs;
      const auto r = store->apply(core::put(o), a->actor);
      std::cout << "objective " << r.ids.at(0) << " (period " << a->period << ", #" << o.number
                << ") added\n";
      return kExitOk;
    });
  });

  CLI::App* st = ob->add_subcommand("status", "Set an objective's status");
  st->add_option("ID", a->id, "The objective")->required();
  st->add_option("STATUS", a->status, "not_started, in_progress, met or not_met")->required();
  st->callback([&result, a] {
    runGuarded(result, [&] {
      const auto status = core::parseEnum<core::ObjectiveStatus>(a->status);
      if (!status)
        throw std::runtime_error("status " + a->status + ": expected " +
                                 core::validValues<core::ObjectiveStatus>());
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadWrite);
      const core::SnapshotPtr s = store->load();
      const core::Objective* o = s->find<core::Objective>(a->id);
      if (!o) throw std::runtime_error("there is no objective " + std::to_string(a->id));
      core::Objective x = *o;
      x.status = *status;
      store->apply(core::put(x), a->actor);
      std::cout << "objective " << x.id << " " << core::toString(x.status) << "\n";
      return kExitOk;
    });
  });

  CLI::App* ls = ob->add_subcommand("list", "The objectives by period, with status and tasks");
  ls->callback([&result, a] {
    runGuarded(result, [&] {
      requireWorkspaceFile(a->workspace);
      auto store = core::Store::open(a->workspace, core::OpenMode::ReadOnly);
      const core::SnapshotPtr s = store->load();
      for (const core::OperationalPeriod& p : s->periods) {
        bool head = false;
        for (const core::Objective& o : s->objectives) {
          if (o.period != p.id) continue;
          if (!head) std::cout << "period " << p.number << "\n";
          head = true;
          int done = 0;
          for (core::Id t : o.tasks)
            if (const core::Task* task = s->task(t); task && task->status == core::TaskStatus::Done)
              ++done;
          std::cout << "  " << o.id << "  #" << o.number << "  " << core::toString(o.status)
                    << "  " << o.text;
          if (!o.tasks.empty())
            std::cout << "  (tasks done " << done << " of " << o.tasks.size() << ")";
          std::cout << "\n";
        }
      }
      if (s->objectives.empty()) std::cout << "no objectives\n";
      return kExitOk;
    });
  });
}

}  // namespace liaison::cli
