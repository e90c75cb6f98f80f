// The AAR/IP model and its HTML; see aar.hpp.
#include "core/reports/aar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>

#include "core/analysis/analysis.hpp"
#include "core/model/enums.hpp"
#include "core/store/exercise_store.hpp"
#include "core/model/values.hpp"
#include "core/exercise/exercise_clock.hpp"
#include "core/exercise/network_effects.hpp"
#include "core/reports/report_time.hpp"
#include "core/reports/text_escape.hpp"

namespace liaison::core {

namespace {

void addUnique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

int severity(Rating r) {
  return static_cast<int>(r);
}  // P < S < M < U

// ---- the network at a point --------------------------------------------------------------------

// Delivery order of the injects with a network effect: by scenario time, then script order.
bool deliveredBefore(const ExerciseState& state, std::size_t a, std::size_t b) {
  const ScenarioSeconds sa = *state.statuses[a].delivered_s, sb = *state.statuses[b].delivered_s;
  return sa != sb ? sa < sb : a < b;
}

// Reverts, latest first, every delivered effect that `kept` rejects, so the snapshot shows the
// network with only the kept ones applied.
Snapshot networkWith(const Snapshot& now, const ExerciseState& state,
                     const std::function<bool(std::size_t)>& kept) {
  Snapshot s = now;
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < state.injects.size(); ++k) {
    const InjectStatus& st = state.statuses[k];
    if (!st.delivered_s || state.injects[k].effect.empty()) continue;
    if (kept(k)) continue;
    order.push_back(k);
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return deliveredBefore(state, b, a); });
  for (std::size_t k : order)
    undoEffectIn(s, state.injects[k].effect, state.statuses[k].effect_before);
  return s;
}

// The network at `time` (before every effect when nullopt).
Snapshot networkAt(const Snapshot& now, const ExerciseState& state, std::optional<TimeUtc> time) {
  return networkWith(now, state, [&](std::size_t k) {
    return time && displayTime(state.clock, *state.statuses[k].delivered_s) <= *time;
  });
}

// The network just after inject `which` took effect (and every effect delivered before it).
Snapshot networkAfter(const Snapshot& now, const ExerciseState& state, std::size_t which) {
  return networkWith(now, state,
                     [&](std::size_t k) { return k == which || deliveredBefore(state, k, which); });
}

// The network at one point, by the same engine and availability rules as `liaison analyze`.
void countNetwork(const Snapshot& s, NetworkPoint& p) {
  AnalysisOptions o;
  o.topCount = 3;
  o.recommendations = 0;
  o.allPairsBetweenness = false;
  const AnalysisResult r = analyze(s, o);
  p.channels = static_cast<int>(s.channels.size());
  p.channels_down = static_cast<int>(r.channelsDown.size());
  p.people_out = static_cast<int>(r.peopleOut.size());
  p.infrastructure_down = static_cast<int>(r.infrastructureDown.size());
  p.needs = static_cast<int>(s.needs.size());
  for (const NeedResult& n : r.needs) {
    if (n.state != NeedState::Broken) continue;
    p.needs_without_path++;
    const Agency* a = s.agency(n.agency_a);
    const Agency* b = s.agency(n.agency_b);
    p.broken_needs.push_back((a ? a->code : "?") + " - " + (b ? b->code : "?"));
  }
  for (const Bottleneck& b : r.bottlenecks)
    if (const NodeResult* node = r.node(b.node)) p.bottlenecks.push_back(node->name);
}

// ---- HTML helpers -------------------------------------------------------------------------------

std::string dur(double seconds) {
  return formatOffset(static_cast<ScenarioSeconds>(std::llround(seconds)));
}
std::string dur(std::optional<ScenarioSeconds> s) {
  return s ? formatOffset(*s) : "-";
}
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}


std::string ratingText(std::optional<Rating> r) {
  if (!r) return "not rated";
  switch (*r) {
    case Rating::P:
      return "P - performed without challenges";
    case Rating::S:
      return "S - performed with some challenges";
    case Rating::M:
      return "M - performed with major challenges";
    case Rating::U:
      return "U - unable to be performed";
  }
  return "";
}

constexpr const char* kCss = R"CSS(
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:11pt;color:#111;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}
h1{font-size:20pt;margin-bottom:0}h2{font-size:15pt;border-bottom:2px solid #234;margin-top:1.6em}h3{font-size:12pt}
.banner{background:#b00;color:#fff;text-align:center;font-weight:bold;letter-spacing:.3em;padding:.3em}
table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border:1px solid #888;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#e6ebf0}td.n{text-align:right;font-variant-numeric:tabular-nums}
.r-P{background:#d8f0d8}.r-S{background:#f4f0c8}.r-M{background:#f8dcc0}.r-U{background:#f4c8c8}
figure{margin:1em 0}figcaption{font-size:9.5pt;color:#333}svg text{font-family:"DejaVu Sans",Arial,sans-serif}
.muted{color:#555}footer{margin-top:2em;font-size:9pt;color:#555}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{page-break-after:avoid}table,figure{page-break-inside:avoid}.banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{size:A4;margin:15mm}}
)CSS";

// ---- figures ---------------------------------------------------------------------------------

std::string injectTimelineSvg(const AarModel& m) {
  ScenarioSeconds span = std::max<ScenarioSeconds>(m.duration, 60);
  for (const ControllerRow& r : m.injects) {
    span = std::max(span, r.inject.offset);
    for (auto t : {r.status.delivered_s, r.status.acked_s, r.status.acted_s, r.status.overdue_s})
      if (t) span = std::max(span, *t);
  }
  const int rowH = 18, left = 70, width = 640;
  const int height = 30 + rowH * static_cast<int>(m.injects.size()) + 20;
  auto x = [&](ScenarioSeconds s) {
    return left + static_cast<int>(std::llround(double(s) * width / double(span)));
  };
  std::string o =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fig-inject-timeline\" width=\"" +
      std::to_string(left + width + 20) + "\" height=\"" + std::to_string(height) +
      "\" role=\"img\" aria-label=\"Inject timeline\">";
  const ScenarioSeconds step = span > 4 * 3600 ? 3600 : span > 3600 ? 1800 : 600;
  for (ScenarioSeconds t = 0; t <= span; t += step)
    o += "<line x1=\"" + std::to_string(x(t)) + "\" y1=\"20\" x2=\"" + std::to_string(x(t)) +
         "\" y2=\"" + std::to_string(height - 20) + "\" stroke=\"#ccc\"/><text x=\"" +
         std::to_string(x(t)) + "\" y=\"14\" font-size=\"9\" text-anchor=\"middle\">" +
         formatOffset(t).substr(0, 5) + "</text>";
  int y = 30;
  for (const ControllerRow& r : m.injects) {
    const InjectStatus& st = r.status;
    o += "<g class=\"inject\" data-inject=\"" + htmlEscape(r.inject.number) + "\" data-state=\"" +
         std::string(toString(st.state)) + "\"";
    if (r.ack_time) o += " data-ack-s=\"" + std::to_string(*r.ack_time) + "\"";
    if (r.action_time) o += " data-action-s=\"" + std::to_string(*r.action_time) + "\"";
    o += "><text x=\"4\" y=\"" + std::to_string(y + 4) + "\" font-size=\"10\">" +
         htmlEscape(r.inject.number) + " " + htmlEscape(r.agency_code) + "</text>";
    if (!st.delivered_s) {
      if (!r.inject.manual())
        o += "<circle cx=\"" + std::to_string(x(r.inject.offset)) + "\" cy=\"" + std::to_string(y) +
             "\" r=\"4\" fill=\"none\" stroke=\"#888\"/>";
    } else {
      const ScenarioSeconds d = *st.delivered_s;
      if (st.acted_s)
        o += "<line x1=\"" + std::to_string(x(d)) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
             std::to_string(x(*st.acted_s)) + "\" y2=\"" + std::to_string(y) +
             "\" stroke=\"#2a6fb0\" stroke-width=\"6\" opacity=\"0.5\"/>";
      if (st.acked_s)
        o += "<line x1=\"" + std::to_string(x(d)) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
             std::to_string(x(*st.acked_s)) + "\" y2=\"" + std::to_string(y) +
             "\" stroke=\"#2a8a3a\" stroke-width=\"3\"/>";
      if (st.overdue_s)
        o += "<text x=\"" + std::to_string(x(*st.overdue_s)) + "\" y=\"" + std::to_string(y + 4) +
             "\" font-size=\"11\" fill=\"#b00\" text-anchor=\"middle\">&#x2716;</text>";
      o += "<circle cx=\"" + std::to_string(x(d)) + "\" cy=\"" + std::to_string(y) +
           "\" r=\"4\" fill=\"#234\"/>";
    }
    o += "</g>";
    y += rowH;
  }
  o += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(height - 4) +
       "\" font-size=\"9\">&#x25CF; delivered  green: to acknowledgement  blue: to action  "
       "&#x2716; overdue  &#x25CB; not delivered</text></svg>";
  return o;
}

std::string agencyBarsSvg(const AarModel& m) {
  double maxV = 60;
  for (const AgencyResponse& a : m.per_agency) maxV = std::max({maxV, a.ack.mean, a.action.mean});
  const int rowH = 26, left = 90, width = 520;
  const int height = 10 + rowH * static_cast<int>(m.per_agency.size()) + 20;
  std::string o =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fig-agency-response\" width=\"" +
      std::to_string(left + width + 90) + "\" height=\"" + std::to_string(height) +
      "\" role=\"img\" aria-label=\"Mean response time per agency\">";
  int y = 10;
  for (const AgencyResponse& a : m.per_agency) {
    const int wAck = static_cast<int>(std::llround(a.ack.mean * width / maxV));
    const int wAct = static_cast<int>(std::llround(a.action.mean * width / maxV));
    o += "<g class=\"agency\" data-agency=\"" + htmlEscape(a.code) + "\" data-ack-mean-s=\"" +
         num(a.ack.mean) + "\" data-action-mean-s=\"" + num(a.action.mean) + "\">";
    o += "<text x=\"4\" y=\"" + std::to_string(y + 14) + "\" font-size=\"10\">" + htmlEscape(a.code) +
         "</text>";
    o += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(wAck) + "\" height=\"10\" fill=\"#2a8a3a\"/>";
    o += "<rect x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(y + 11) + "\" width=\"" +
         std::to_string(wAct) + "\" height=\"10\" fill=\"#2a6fb0\"/>";
    o += "<text x=\"" + std::to_string(left + std::max(wAck, wAct) + 4) + "\" y=\"" +
         std::to_string(y + 14) + "\" font-size=\"9\">" +
         (a.ack.count ? dur(a.ack.mean) : std::string("no ack")) + " / " +
         (a.action.count ? dur(a.action.mean) : std::string("no action")) + "</text></g>";
    y += rowH;
  }
  o += "<text x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(height - 4) +
       "\" font-size=\"9\">green: mean time to acknowledge  blue: mean time to action "
       "(scenario time)</text></svg>";
  return o;
}

std::string networkSvg(const AarModel& m) {
  int maxV = 1;
  for (const NetworkPoint& p : m.network)
    maxV = std::max({maxV, p.channels_down, p.needs_without_path});
  const int colW = 110, h = 120, top = 10;
  const int width = 40 + colW * static_cast<int>(m.network.size());
  std::string o = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fig-network\" width=\"" +
                  std::to_string(width) + "\" height=\"" + std::to_string(h + 60) +
                  "\" role=\"img\" aria-label=\"Communication network over the exercise\">";
  int x = 30;
  for (const NetworkPoint& p : m.network) {
    const int hd = p.channels_down * (h - 10) / maxV, hn = p.needs_without_path * (h - 10) / maxV;
    o += "<g class=\"point\" data-channels-down=\"" + std::to_string(p.channels_down) +
         "\" data-needs-without-path=\"" + std::to_string(p.needs_without_path) + "\">";
    o += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(top + h - hd) +
         "\" width=\"30\" height=\"" + std::to_string(hd) + "\" fill=\"#b05a2a\"/>";
    o += "<rect x=\"" + std::to_string(x + 34) + "\" y=\"" + std::to_string(top + h - hn) +
         "\" width=\"30\" height=\"" + std::to_string(hn) + "\" fill=\"#b00\"/>";
    o += "<text x=\"" + std::to_string(x + 15) + "\" y=\"" + std::to_string(top + h - hd - 3) +
         "\" font-size=\"9\" text-anchor=\"middle\">" + std::to_string(p.channels_down) + "</text>";
    o += "<text x=\"" + std::to_string(x + 49) + "\" y=\"" + std::to_string(top + h - hn - 3) +
         "\" font-size=\"9\" text-anchor=\"middle\">" + std::to_string(p.needs_without_path) +
         "</text>";
    o += "<text x=\"" + std::to_string(x + 32) + "\" y=\"" + std::to_string(top + h + 14) +
         "\" font-size=\"9\" text-anchor=\"middle\">" + htmlEscape(p.label.substr(0, p.label.find(": "))) +
         "</text></g>";
    x += colW;
  }
  o += "<text x=\"30\" y=\"" + std::to_string(h + 50) +
       "\" font-size=\"9\">brown: channels down  red: needs without a working path</text></svg>";
  return o;
}

}  // namespace

std::vector<NetworkPoint> networkOverExercise(const Snapshot& snap, const ExerciseState& state,
                                              const NetworkPointHook& hook) {
  // Points: before the exercise, the end of each operational period, and just after each
  // delivered network effect (so a failure and its repair within one period both show).
  struct Point {
    std::string label;
    TimeUtc time = 0;
    std::function<Snapshot()> network;
  };
  std::vector<Point> points;
  const Incident* inc = snap.mainIncident();
  for (const OperationalPeriod& p : snap.periods)
    if (!inc || p.incident == inc->id)
      points.push_back({"End of period " + std::to_string(p.number), p.end,
                        [&, end = p.end] { return networkAt(snap, state, end); }});
  if (points.empty()) {
    const TimeUtc end = displayTime(state.clock, state.clock.scenario_at_change);
    points.push_back(
        {"End of the exercise", end, [&, end] { return networkAt(snap, state, end); }});
  }
  std::vector<std::size_t> effects;
  for (std::size_t k = 0; k < state.injects.size(); ++k)
    if (state.statuses[k].delivered_s && !state.injects[k].effect.empty()) effects.push_back(k);
  std::sort(effects.begin(), effects.end(),
            [&](std::size_t a, std::size_t b) { return deliveredBefore(state, a, b); });
  for (std::size_t k : effects) {
    const ScenarioSeconds at = *state.statuses[k].delivered_s;
    points.push_back({"Inject " + state.injects[k].number + " at " + formatOffset(at) + ": " +
                          formatNetworkEffect(state.injects[k].effect),
                      displayTime(state.clock, at),
                      [&, k] { return networkAfter(snap, state, k); }});
  }
  // Time order; at the same time a period's end comes before an effect delivered then.
  std::stable_sort(points.begin(), points.end(),
                   [](const Point& a, const Point& b) { return a.time < b.time; });

  std::vector<NetworkPoint> out;
  auto add = [&](std::string label, TimeUtc shown, const Snapshot& s) {
    NetworkPoint p;
    p.label = std::move(label);
    p.time = shown;
    countNetwork(s, p);
    if (hook) hook(s, p);
    out.push_back(std::move(p));
  };
  add("Before the exercise", state.clock.epoch, networkAt(snap, state, std::nullopt));
  for (Point& p : points) add(std::move(p.label), p.time, p.network());
  return out;
}

AarModel buildAar(const Snapshot& snap, const ExerciseState& state, const AarOptions& options) {
  AarModel m;
  m.zone = incidentZone(snap);
  m.clock = state.clock;
  m.duration = state.clock.scenario_at_change;
  if (const Incident* inc = snap.mainIncident()) {
    m.name = inc->name;
    m.number = inc->number;
    m.location = inc->location;
    m.scope = inc->kind;
    m.scenario = inc->description;
    const TimeUtc from = state.clock.epoch ? state.clock.epoch : inc->start;
    m.dates = reportTime(from, m.zone) + " to " + reportTime(from + m.duration, m.zone) +
              " (scenario time " +
              formatOffset(m.duration) + ")";
  }
  for (const Inject& i : state.injects) addUnique(m.objectives, i.objective);
  for (const Observation& o : state.observations) addUnique(m.objectives, o.objective);
  for (const Agency& a : snap.agencies)
    m.organisations.push_back(a.code + " - " + a.name + " (" + std::string(toString(a.role)) + ")");
  std::sort(m.organisations.begin(), m.organisations.end());

  // Objective x capability, from the MSEL and the observations.
  auto row = [&](const std::string& obj, const std::string& cap) -> AarCapabilityRow& {
    for (AarCapabilityRow& r : m.capabilities)
      if (r.objective == obj && r.capability == cap) return r;
    m.capabilities.push_back({obj, cap, std::nullopt, 0, 0});
    return m.capabilities.back();
  };
  for (const Inject& i : state.injects)
    if (!i.objective.empty() || !i.capability.empty()) row(i.objective, i.capability).injects++;
  for (const Observation& o : state.observations) {
    AarCapabilityRow& r = row(o.objective, o.capability);
    r.observations++;
    if (!r.rating || severity(o.rating) > severity(*r.rating)) r.rating = o.rating;
  }
  for (const std::string& obj : m.objectives) {
    AarObjective ao{obj, {}, {}};
    for (const Observation& o : state.observations) {
      if (o.objective != obj) continue;
      if (!o.strengths.empty()) ao.strengths.push_back(&o);
      if (!o.improvements.empty()) ao.improvements.push_back(&o);
    }
    m.per_objective.push_back(std::move(ao));
  }
  for (const Observation& o : state.observations)
    if (!o.improvements.empty())
      m.improvement_plan.push_back({o.improvements, o.recommendation, o.capability, o.organisation,
                                    o.poc, o.start, o.completion});
  for (const Representative& r : snap.representatives) {
    const Agency* a = snap.agency(r.agency);
    m.participants.push_back({a ? a->code : "", a ? a->name : "", r.name, r.position});
  }
  std::stable_sort(m.participants.begin(), m.participants.end(),
                   [](const AarParticipant& a, const AarParticipant& b) {
                     return a.agency_code < b.agency_code;
                   });
  const ControllerView view = controllerView(state, snap, state.clock.wall_at_change);
  m.injects = view.rows;
  m.per_agency = view.stats;
  m.overall = overallResponse(state);
  m.timeline = snap.eventsByTime();
  m.network = networkOverExercise(snap, state, options.network_hook);
  return m;
}

std::string renderAarHtml(const AarModel& m, const AarOptions& options) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>After-Action "
       "Report / Improvement Plan: " +
       htmlEscape(m.name) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  h += "<div class=\"banner\">EXERCISE EXERCISE EXERCISE</div>\n";
  h += "<h1>After-Action Report / Improvement Plan</h1>\n<p class=\"muted\">" + htmlEscape(m.name) +
       (m.number.empty() ? "" : " (" + htmlEscape(m.number) + ")") + "</p>\n";

  h += "<section id=\"overview\">\n<h2>1. Exercise overview</h2>\n<table>\n";
  auto kv = [&](const char* k, const std::string& v) {
    h += "<tr><th>" + std::string(k) + "</th><td>" + htmlEscape(v) + "</td></tr>\n";
  };
  kv("Exercise name", m.name);
  kv("Exercise dates", m.dates);
  kv("Scope", m.scope + (m.location.empty() ? "" : ", " + m.location));
  kv("Scenario", m.scenario);
  h += "<tr><th>Objectives</th><td><ol>";
  for (const std::string& o : m.objectives) h += "<li>" + htmlEscape(o) + "</li>";
  h += "</ol></td></tr>\n<tr><th>Participating organisations</th><td><ul class=\"orgs\">";
  for (const std::string& o : m.organisations) h += "<li>" + htmlEscape(o) + "</li>";
  h += "</ul></td></tr>\n";
  h += "<tr><th>Injects</th><td id=\"inject-counts\">" + std::to_string(m.injects.size()) +
       " in the MSEL; " + std::to_string(m.overall.delivered) + " delivered, " +
       std::to_string(m.overall.acknowledged) + " acknowledged, " +
       std::to_string(m.overall.acted) + " with an action recorded, " +
       std::to_string(m.overall.overdue) + " overdue</td></tr>\n</table>\n</section>\n";

  h += "<section id=\"capabilities\">\n<h2>2. Analysis of capabilities</h2>\n<table>\n<tr><th>"
       "Objective</th><th>Core capability</th><th>Rating</th><th>Injects</th><th>Observations"
       "</th></tr>\n";
  for (const AarCapabilityRow& r : m.capabilities)
    h += "<tr class=\"" +
         (r.rating ? "r-" + std::string(toString(*r.rating)) : std::string("unrated")) + "\"><td>" +
         htmlEscape(r.objective) + "</td><td>" + htmlEscape(r.capability) + "</td><td>" + ratingText(r.rating) +
         "</td><td class=\"n\">" + std::to_string(r.injects) + "</td><td class=\"n\">" +
         std::to_string(r.observations) + "</td></tr>\n";
  h += "</table>\n<p class=\"muted\">Ratings (Exercise Evaluation Guide): P performed without "
       "challenges, S with some challenges, M with major challenges, U unable to be performed. "
       "Where several observations rate the same pair, the lowest rating is shown.</p>\n";

  h += "<h3>Response to injects</h3>\n<table id=\"response-per-agency\">\n<tr><th>Agency</th>"
       "<th>Delivered</th><th>Acknowledged</th><th>Acted</th><th>Overdue</th><th>Ack mean</th>"
       "<th>Ack median</th><th>Ack max</th><th>Action mean</th><th>Action median</th><th>Action "
       "max</th></tr>\n";
  auto statRow = [&](const AgencyResponse& a) {
    h += "<tr data-agency=\"" + htmlEscape(a.code) + "\"><td>" + htmlEscape(a.code) + "</td><td class=\"n\">" +
         std::to_string(a.delivered) + "</td><td class=\"n\">" + std::to_string(a.acknowledged) +
         "</td><td class=\"n\">" + std::to_string(a.acted) + "</td><td class=\"n\">" +
         std::to_string(a.overdue) + "</td>";
    for (const DurationStats* d : {&a.ack, &a.action})
      h += d->count ? "<td class=\"n\">" + dur(d->mean) + "</td><td class=\"n\">" + dur(d->median) +
                          "</td><td class=\"n\">" + formatOffset(d->max) + "</td>"
                    : std::string("<td>-</td><td>-</td><td>-</td>");
    h += "</tr>\n";
  };
  for (const AgencyResponse& a : m.per_agency) statRow(a);
  statRow(m.overall);
  h += "</table>\n<figure>" + agencyBarsSvg(m) +
       "<figcaption>Figure 2. Response time per agency (scenario time, from delivery)."
       "</figcaption></figure>\n</section>\n";

  h += "<section id=\"objectives\">\n<h2>3. Strengths and areas for improvement</h2>\n";
  for (const AarObjective& o : m.per_objective) {
    h += "<h3>" + htmlEscape(o.objective) + "</h3>\n<p><b>Strengths</b></p>\n<ul>";
    for (const Observation* s : o.strengths)
      h += "<li>" + htmlEscape(s->strengths) +
           (s->capability.empty() ? "" : " <i>(" + htmlEscape(s->capability) + ")</i>") + "</li>";
    if (o.strengths.empty()) h += "<li class=\"muted\">none recorded</li>";
    h += "</ul>\n<p><b>Areas for improvement</b></p>\n";
    for (const Observation* s : o.improvements)
      h += "<table class=\"afi\"><tr><th>Observation</th><td>" + htmlEscape(s->improvements) +
           "</td></tr><tr><th>Analysis</th><td>" + htmlEscape(s->analysis) +
           "</td></tr><tr><th>Recommendation</th><td>" + htmlEscape(s->recommendation) +
           "</td></tr><tr><th>Rating</th><td>" + ratingText(s->rating) + "</td></tr></table>\n";
    if (o.improvements.empty()) h += "<p class=\"muted\">none recorded</p>\n";
  }
  if (m.per_objective.empty()) h += "<p class=\"muted\">No objectives recorded.</p>\n";
  h += "</section>\n";

  h += "<section id=\"injects\">\n<h2>4. Inject results</h2>\n<figure>" + injectTimelineSvg(m) +
       "<figcaption>Figure 1. Inject timeline with response times (scenario time)."
       "</figcaption></figure>\n<table>\n<tr><th>#</th><th>Time</th><th>To</th><th>Subject</th>"
       "<th>Expected action</th><th>State</th><th>To ack</th><th>To action</th><th>Action taken"
       "</th></tr>\n";
  for (const ControllerRow& r : m.injects)
    h += "<tr data-inject=\"" + htmlEscape(r.inject.number) + "\"><td>" + htmlEscape(r.inject.number) +
         "</td><td>" + (r.inject.manual() ? std::string("manual") : formatOffset(r.inject.offset)) +
         "</td><td>" + htmlEscape(r.inject.to) + "</td><td>" + htmlEscape(r.inject.subject) + "</td><td>" +
         htmlEscape(r.inject.expected_action) + "</td><td>" + std::string(toString(r.status.state)) +
         (r.status.overdue_s ? " (was overdue)" : "") + "</td><td class=\"n\">" + dur(r.ack_time) +
         "</td><td class=\"n\">" + dur(r.action_time) + "</td><td>" + htmlEscape(r.status.action) +
         "</td></tr>\n";
  h += "</table>\n</section>\n";

  h += "<section id=\"network\">\n<h2>5. The communication network over the "
       "exercise</h2>\n<figure>" +
       networkSvg(m) +
       "<figcaption>Figure 3. Channels down and needs without a working path, per operational "
       "period and after each injected network effect.</figcaption></figure>\n<table>\n<tr><th>Point</th><th>Channels down</th><th>"
       "People out</th><th>Infrastructure down</th><th>Needs without a path</th><th>Broken "
       "needs</th><th>Bottlenecks</th></tr>\n";
  for (const NetworkPoint& p : m.network) {
    std::string broken, bottle;
    for (const auto& b : p.broken_needs) broken += (broken.empty() ? "" : ", ") + htmlEscape(b);
    for (const auto& b : p.bottlenecks) bottle += (bottle.empty() ? "" : ", ") + htmlEscape(b);
    h += "<tr><td>" + htmlEscape(p.label) + "</td><td class=\"n\">" + std::to_string(p.channels_down) +
         " of " + std::to_string(p.channels) + "</td><td class=\"n\">" +
         std::to_string(p.people_out) + "</td><td class=\"n\">" +
         std::to_string(p.infrastructure_down) + "</td><td class=\"n\">" +
         std::to_string(p.needs_without_path) + " of " + std::to_string(p.needs) + "</td><td>" +
         broken + "</td><td>" + (bottle.empty() ? "-" : bottle) + "</td></tr>\n";
  }
  h += "</table>\n</section>\n";

  h += "<section id=\"improvement-plan\">\n<h2>Appendix A. Improvement plan</h2>\n<table>\n<tr>"
       "<th>Issue / area for improvement</th><th>Corrective action</th><th>Core capability</th>"
       "<th>Responsible organisation</th><th>Point of contact</th><th>Start</th><th>Completion"
       "</th></tr>\n";
  for (const AarImprovementItem& i : m.improvement_plan)
    h += "<tr><td>" + htmlEscape(i.issue) + "</td><td>" + htmlEscape(i.corrective_action) + "</td><td>" +
         htmlEscape(i.capability) + "</td><td>" + htmlEscape(i.organisation) + "</td><td>" + htmlEscape(i.poc) +
         "</td><td>" + htmlEscape(i.start) + "</td><td>" + htmlEscape(i.completion) + "</td></tr>\n";
  h += "</table>\n</section>\n";

  h += "<section id=\"participants\">\n<h2>Appendix B. Participants</h2>\n<table>\n<tr><th>"
       "Agency</th><th>Name</th><th>Position</th></tr>\n";
  for (const AarParticipant& p : m.participants)
    h += "<tr><td>" + htmlEscape(p.agency_code) + "</td><td>" + htmlEscape(p.name) + "</td><td>" +
         htmlEscape(p.position) + "</td></tr>\n";
  h += "</table>\n</section>\n";

  h += "<section id=\"timeline\">\n<h2>Appendix C. Timeline</h2>\n<table>\n<tr><th>Time</th><th>"
       "Kind</th><th>Event</th><th>Source</th></tr>\n";
  for (const TimelineEvent* e : m.timeline)
    h += "<tr" + std::string(e->kind == EventKind::Inject ? " class=\"inject\"" : "") + "><td>" +
         reportTime(e->time, m.zone) + "</td><td>" + std::string(toString(e->kind)) + "</td><td>" +
         htmlEscape(e->text) + "</td><td>" + htmlEscape(e->source) + "</td></tr>\n";
  h += "</table>\n</section>\n";
  h += "<footer>Generated by Liaison from the exercise workspace";
  if (options.generated) h += " on " + reportTime(options.generated, m.zone);
  h += ". Times in " + htmlEscape(zoneName(m.zone)) +
       "; response times in scenario time.</footer>\n</body>\n</html>\n";
  return h;
}

std::string aarHtml(const Store& store, const AarOptions& options) {
  const SnapshotPtr snap = store.load();
  const ExerciseState state = loadExercise(store);
  return renderAarHtml(buildAar(*snap, state, options), options);
}

}  // namespace liaison::core
