"""Mutants for scripts/mutate: realistic bugs in the rules that matter (integrity, privacy,
operational state, the engine's answers). Each is one edit (find -> replace; `find` must occur
exactly once in `file`), the test binaries that should catch it, and why it matters.
A mutant that cannot change behaviour is marked equivalent="reason" and not counted.
"""

G, C, A, E = "graph_tests", "core_tests", "app_headless_tests", "e2e_tests"


def m(id, file, find, replace, why, tests, **kw):
    return dict(id=id, file=file, find=find, replace=replace, why=why, tests=tests, **kw)


MUTANTS = [
    # ---- the engine (graph/) ------------------------------------------------------------------
    m("tie-absolute", "graph/common.hpp",
      "} else if (diff / std::fmin(absSum, std::numeric_limits<double>::max()) < kTieEpsilon) {",
      "} else if (diff < kTieEpsilon) {",
      "an absolute instead of relative tie tolerance for path lengths", [G]),
    m("flow-forgets-direct-pairs", "graph/group_flow.cpp",
      "    nodes = direct + flow;", "    nodes = flow;",
      "node-disjoint counts forget routes that join the two agencies directly", [G]),
    m("cut-edges-by-node-count", "graph/group_flow.cpp",
      "const bool cutEdges = request.cutEdges && edges == 1;",
      "const bool cutEdges = request.cutEdges && nodes == 1;",
      "single channels judged by the node-disjoint count", [G]),
    m("budget-exclusive", "graph/budget_path.cpp",
      "const double latLimit = m_budget + 1e-9 * std::fabs(m_budget);",
      "const double latLimit = m_budget - 1e-9 * std::fabs(m_budget);",
      "a route that takes exactly the latency budget is refused", [G]),
    m("brandes-strict-ties", "graph/brandes.hpp",
      "if (alt > cur * (1 + 1e-9) || alt == kInf) continue;",
      "if (alt > cur || alt == kInf) continue;",
      "weighted betweenness loses equal-length paths that differ by rounding", [G]),

    # ---- availability and analysis (core/analysis) -------------------------------------------
    m("degraded-is-down", "core/analysis/network_builder.cpp",
      "e.down = st == Status::Down || endsOut;", "e.down = st != Status::Up || endsOut;",
      "degraded channels treated as down", [C, E]),
    m("off-duty-routes", "core/analysis/availability.cpp",
      "    } else if (!p.on_duty) {", "    } else if (!p.on_duty && !ag) {",
      "off-duty people still carry traffic", [C, E]),
    m("infra-down-degrades", "core/analysis/availability.cpp",
      """    } else if (carried == Status::Down) {
      st = Status::Down;
      r = {OutReason::Why::Infrastructure, carrier};""",
      """    } else if (carried == Status::Down) {
      st = Status::Degraded;
      r = {OutReason::Why::Infrastructure, carrier};""",
      "a channel carried by failed infrastructure only degrades", [C, E]),
    m("zone-wrong-side", "core/geo/polygon.cpp",
      "      if (p.lon < x) inside = !inside;", "      if (p.lon > x) inside = !inside;",
      "zone containment counts crossings on the wrong side", [C]),
    m("single-channel-ignored", "core/analysis/analysis.cpp",
      "  if (!a.cutNodes.empty() || !a.cutEdges.empty()) {", "  if (!a.cutNodes.empty()) {",
      "a need one channel can cut is shown as not single path", [C, E]),
    m("critical-budget", "core/analysis/need_policy.cpp",
      "    case Priority::Critical: return {5.0, 0.9};",
      "    case Priority::Critical: return {15.0, 0.9};",
      "critical needs get the high priority's latency budget", [C]),
    m("whatif-latency-unchanged", "core/analysis/analysis.cpp",
      """    const bool changed = imp.before != imp.after ||
                         graph::compareLengths(imp.latencyBefore, imp.latencyAfter) != 0 ||""",
      """    const bool changed = imp.before != imp.after ||""",
      "what-if hides needs that only got slower", [C, E]),

    # ---- the exercise (core/exercise) ---------------------------------------------------------
    m("reset-wrong-order", "core/exercise/drill.cpp",
      "    return *m_state.statuses[a].delivered_s > *m_state.statuses[b].delivered_s;",
      "    return *m_state.statuses[a].delivered_s < *m_state.statuses[b].delivered_s;",
      "a drill reset undoes effects earliest first: a target hit twice stays changed", [C, E]),
    m("clock-ignores-speed", "core/exercise/exercise_clock.cpp",
      "  return c.scenario_at_change + elapsed * c.speed;",
      "  return c.scenario_at_change + elapsed;",
      "the exercise clock ignores its speed", [C]),
    m("deliver-early", "core/exercise/exercise_clock.cpp",
      "  return c.wall_at_change + (ahead + c.speed - 1) / c.speed;",
      "  return c.wall_at_change + ahead / c.speed;",
      "an inject's wall time rounds down: delivered before its scenario time", [C]),
    m("done-overdue", "core/exercise/operational_clock.cpp",
      "  return t.status != TaskStatus::Done && t.due && *t.due < now;",
      "  return t.due && *t.due < now;",
      "done tasks count as overdue", [C]),
    m("clock-unstarted-exercise", "core/exercise/operational_clock.cpp",
      "  if (exercise && exercise->started && s.isExercise())",
      "  if (exercise && s.isExercise())",
      "an exercise not started yet shows EXERCISE TIME 00:00 instead of the real time", [C]),
    m("effect-down-degrades", "core/exercise/network_effects.cpp",
      "         : c == NetworkEffect::Change::Down ? Status::Down",
      "         : c == NetworkEffect::Change::Down ? Status::Degraded",
      "an inject that takes something down only degrades it", [C, E]),

    # ---- the store (core/store, core/model) ---------------------------------------------------
    m("undo-resurrects", "core/store/undo.cpp",
      "entry->after.empty() ? !now.has_value() : (now && *now == entry->after);",
      "entry->after.empty() ? !now.has_value() : (!now || *now == entry->after);",
      "undo resurrects an entity another station deleted since", [C]),
    m("undo-restore-order", "core/store/undo.cpp",
      "    case EntityKind::Agency: return 2;", "    case EntityKind::Agency: return 7;",
      "undo restores people before the agency they belong to", [C]),
    m("journal-trigger-one-column", "core/store/schema.cpp",
      "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal",
      "CREATE TRIGGER journal_no_update BEFORE UPDATE OF summary ON journal",
      "the append-only trigger guards one column only", [C]),
    m("hash-skips-before", "core/store/journal.cpp",
      "  netstring(out, e.before);\n", "",
      "the hash chain does not cover the before image", [C]),
    m("required-ref-not-cascaded", "core/model/references.cpp",
      "f(field.rules.target, field.get(r), field.rules.required || field.rules.removeWith);",
      "f(field.rules.target, field.get(r), field.rules.removeWith);",
      "removing an agency leaves people and needs that require it", [C]),
    m("import-row-by-row", "core/formats/scenario_import.cpp",
      "    summary.revision = store.apply(commands, actor).revision;\n  } catch (const ValidationError& e) {\n    // The checks above",
      "    for (const Command& c : commands) summary.revision = store.apply({c}, actor).revision;\n  } catch (const ValidationError& e) {\n    // The checks above",
      "an import applied in one transaction per row", [C, E]),

    # ---- untrusted input (core/formats) -------------------------------------------------------
    m("follow-links", "core/formats/input_file.cpp",
      "  if ((follow_links ? ::stat(path.c_str(), &before) : ::lstat(path.c_str(), &before)) != 0)",
      "  if (::stat(path.c_str(), &before) != 0)",
      "a scenario file that is a link is looked through (the open still refuses it)", [C, E],
      equivalent="open() with O_NOFOLLOW refuses the link right after; only the message differs"),
    m("size-limit-off", "core/formats/input_file.cpp",
      "  if (m_size > m_max) {", "  if (m_size > 64 * m_max) {",
      "the size limit on untrusted files is not enforced", [C, E]),
    m("xml-depth-off", "core/formats/xml_pull.cpp",
      "  if (m_stack.size() >= kMaxXmlDepth)", "  if (m_stack.size() >= 1000 * kMaxXmlDepth)",
      "XML nesting is not limited", [C, E]),
    m("json-depth-off", "core/formats/geojson.cpp",
      "      if (++depth > max_depth) return i;", "      if (++depth > 1000 * max_depth) return i;",
      "GeoJSON nesting is not limited (the JSON library recurses)", [C, E]),
    m("csv-cell-limit-off", "core/formats/csv.cpp",
      "    if (field.text.size() > kMaxCsvCellBytes)", "    if (field.text.size() > 64 * kMaxCsvCellBytes)",
      "one CSV cell may grow without bound", [C, E]),
    m("csv-quote-newline", "core/formats/csv.cpp",
      """  if (field.find_first_of(",\\"\\r\\n") == std::string_view::npos) return std::string(field);""",
      """  if (field.find_first_of(",\\"") == std::string_view::npos) return std::string(field);""",
      "a CSV cell with a line break is written unquoted", [C, E]),

    # ---- privacy and output (core/reports, core/analysis) -------------------------------------
    m("html-no-quote", "core/reports/text_escape.cpp",
      """      case '"':
        out += "&quot;";
        break;
""", "",
      "HTML escaping leaves double quotes (attribute injection)", [C, E]),
    m("ics205a-mask-inverted", "core/reports/ics_forms.cpp",
      "const bool withheld = c.sensitive && !o.include_sensitive;",
      "const bool withheld = c.sensitive && o.include_sensitive;",
      "the ICS 205A prints private numbers unless asked to include them", [C, E]),
    m("graphml-mask-one-end", "core/analysis/graphml_export.cpp",
      "    for (Id rep : {e.from, e.to})", "    for (Id rep : {e.from})",
      "the GraphML export masks only one end's private number", [C, E]),
    m("time-zone-no-dst", "core/model/time_zone.cpp",
      "    const date::sys_info info = z->get_info(sys);",
      "    const date::sys_info info = z->get_info(date::sys_seconds{});",
      "local times ignore daylight saving time", [C]),
]
