#include "analysis_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/analysis/analysis.hpp"
#include "core/model/enums.hpp"

namespace liaison::app {

namespace {

// Stop asking the engine about a pair (once: only while a question is being answered).
void stopPairQuestion(AppContext& ctx) {
  if (ctx.pair_query) ctx.outbox.put(PairQuestion{});
}

int stateRank(core::NeedState s) {
  switch (s) {
    case core::NeedState::Broken:
      return 0;
    case core::NeedState::SinglePath:
      return 1;
    case core::NeedState::Degraded:
      return 2;
    case core::NeedState::Slow:
      return 3;
    case core::NeedState::Ok:
      return 4;
  }
  return 4;
}

const char* stateLabel(core::NeedState s) {
  switch (s) {
    case core::NeedState::Broken:
      return "broken";
    case core::NeedState::SinglePath:
      return "single path";
    case core::NeedState::Degraded:
      return "degraded";
    case core::NeedState::Slow:
      return "slow";
    case core::NeedState::Ok:
      return "ok";
  }
  return "";
}

const char* priorityLabel(core::Priority p) {
  switch (p) {
    case core::Priority::Critical:
      return "critical";
    case core::Priority::High:
      return "high";
    case core::Priority::Normal:
      return "normal";
    case core::Priority::Low:
      return "low";
  }
  return "";
}

ImVec4 mix(const ImVec4& a, const ImVec4& b, float t) {
  return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t,
                a.w + (b.w - a.w) * t);
}

ImVec4 stateColour(const Theme& th, core::NeedState s) {
  switch (s) {
    case core::NeedState::Broken:
      return th.danger;
    case core::NeedState::SinglePath:
      return mix(th.danger, th.warn, 0.5f);
    case core::NeedState::Degraded:
      return mix(th.danger, th.warn, 0.75f);
    case core::NeedState::Slow:
      return th.warn;
    case core::NeedState::Ok:
      return th.ok;
  }
  return th.text_muted;
}

std::string agencyCode(const core::Snapshot* snap, core::Id id) {
  const core::Agency* a = snap ? snap->agency(id) : nullptr;
  return a ? a->code : "#" + std::to_string(id);
}

std::string needLabel(const core::Snapshot* snap, core::Id a, core::Id b) {
  return agencyCode(snap, a) + " - " + agencyCode(snap, b);
}

std::string needLabel(const core::Snapshot* snap, const core::AnalysisResult& r, core::Id need) {
  const core::NeedResult* n = r.need(need);
  return n ? needLabel(snap, n->agency_a, n->agency_b) : "need #" + std::to_string(need);
}

// Names only: NodeResult::name is "Name (Position)" or an agency code, never a contact value.
std::string nodeName(const core::AnalysisResult& r, core::Id id) {
  const core::NodeResult* n = r.node(id);
  return n ? n->name : "#" + std::to_string(id);
}

std::string minutes(double m) {
  if (!std::isfinite(m)) return "no path";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f min", m);
  return buf;
}

std::string pathSummary(const graph::Path& p) {
  if (!p.found) return "no working path";
  char buf[96];
  std::snprintf(buf, sizeof buf, "%zu hop%s, %.1f min, reliability %.2f", p.hops.size(),
                p.hops.size() == 1 ? "" : "s", p.latency, p.reliability);
  return buf;
}

std::string shortSummary(const graph::Path& p) {
  if (!p.found) return "no path";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%zu hop%s, %.1f min", p.hops.size(),
                p.hops.size() == 1 ? "" : "s", p.latency);
  return buf;
}

std::string joinNeeds(const core::Snapshot* snap, const core::AnalysisResult& r,
                      const std::vector<core::Id>& needs) {
  std::string out;
  for (core::Id n : needs) {
    if (!out.empty()) out += ", ";
    out += needLabel(snap, r, n);
  }
  return out;
}

ScreenRect lastItemRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

void chip(const ImVec4& colour) {
  const float em = ImGui::GetFontSize();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 0.15f * h),
                                            ImVec2(p.x + 0.7f * em, p.y + 0.85f * h),
                                            ImGui::GetColorU32(colour), 0.15f * em);
  ImGui::Dummy(ImVec2(0.7f * em, h));
  ImGui::SameLine();
}

}  // namespace

const ScreenRect* AnalysisPanel::needRowRect(core::Id need) const {
  auto it = m_needRects.find(need);
  return it == m_needRects.end() ? nullptr : &it->second;
}

const ScreenRect* AnalysisPanel::whatIfToggleRect(core::Id rep) const {
  auto it = m_toggleRects.find(rep);
  return it == m_toggleRects.end() ? nullptr : &it->second;
}

void AnalysisPanel::heading(const AppContext& ctx, const char* text) {
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(text);
  if (ctx.fonts.bold) ImGui::PopFont();
}

void AnalysisPanel::refreshOrder(const core::AnalysisResult& result) {
  m_order.clear();
  for (const auto& n : result.needs) m_order.push_back(n.need);
  std::stable_sort(m_order.begin(), m_order.end(), [&](core::Id a, core::Id b) {
    const core::NeedResult* na = result.need(a);
    const core::NeedResult* nb = result.need(b);
    const int ra = stateRank(na->state), rb = stateRank(nb->state);
    if (ra != rb) return ra < rb;
    if (na->priority != nb->priority) return na->priority < nb->priority;
    return a < b;
  });
}

void AnalysisPanel::drawContent(AppContext& ctx) {
  m_needRects.clear();
  m_toggleRects.clear();
  m_addRects.clear();
  m_addPairs.clear();
  m_resetRect = {};
  m_pairShowRect = {};
  m_updating = !ctx.analysis || (ctx.snapshot && ctx.analysis->version < ctx.snapshot->version);
  drawStatusLine(ctx);
  if (!ctx.analysis) return;
  const auto result = ctx.analysis;  // keep it alive for the whole frame
  if (result != m_orderOf) {
    refreshOrder(*result);
    m_orderOf = result;
    m_added.clear();
  }
  ImGui::PushTextWrapPos(0.0f);
  if (ImGui::CollapsingHeader("Needs", ImGuiTreeNodeFlags_DefaultOpen)) drawNeeds(ctx, *result);
  if (ImGui::CollapsingHeader("Path between any two agencies or people",
                              ImGuiTreeNodeFlags_DefaultOpen))
    drawPair(ctx, *result);
  if (ImGui::CollapsingHeader("Bottlenecks and single points of failure",
                              ImGuiTreeNodeFlags_DefaultOpen))
    drawBottlenecks(ctx, *result);
  if (ImGui::CollapsingHeader("What-if", ImGuiTreeNodeFlags_DefaultOpen)) drawWhatIf(ctx, *result);
  if (ImGui::CollapsingHeader("Recommendations", ImGuiTreeNodeFlags_DefaultOpen))
    drawRecommendations(ctx, *result);
  ImGui::PopTextWrapPos();
}

void AnalysisPanel::drawStatusLine(const AppContext& ctx) {
  const Theme& th = themeData(ctx.theme);
  if (!ctx.analysis) {
    ImGui::TextColored(th.text_muted, "analysis updating...");
    return;
  }
  const core::AnalysisResult& r = *ctx.analysis;
  int counts[5] = {0, 0, 0, 0, 0};
  for (const auto& n : r.needs) ++counts[stateRank(n.state)];
  ImGui::Text("%zu needs:", r.needs.size());
  const core::NeedState order[5] = {core::NeedState::Broken, core::NeedState::SinglePath,
                                    core::NeedState::Degraded, core::NeedState::Slow,
                                    core::NeedState::Ok};
  for (core::NeedState s : order) {
    ImGui::SameLine();
    ImGui::TextColored(stateColour(th, s), "%d %s", counts[stateRank(s)], stateLabel(s));
  }
  if (m_updating) {
    ImGui::TextColored(th.warn, "analysis updating... (showing version %llu)",
                       static_cast<unsigned long long>(r.version));
    if (ctx.analysis_progress >= 0.0) {
      char overlay[32];
      std::snprintf(overlay, sizeof overlay, "%.0f%%", ctx.analysis_progress * 100.0);
      ImGui::ProgressBar(static_cast<float>(ctx.analysis_progress), ImVec2(-1.0f, 0.0f), overlay);
    }
  } else if (r.cancelled)
    ImGui::TextColored(th.warn, "last analysis was cancelled; figures may be incomplete");
  else
    ImGui::TextColored(th.text_muted, "analysed in %.2f s", r.seconds);
  if (r.betweennessSkipped)
    ImGui::TextColored(th.text_muted,
                       "Betweenness over all pairs skipped for %zu people (over 1,000); "
                       "bottlenecks are ranked by the load of the recorded needs.",
                       r.nodes.size());
}

void AnalysisPanel::drawNeeds(AppContext& ctx, const core::AnalysisResult& result) {
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* snap = ctx.snapshot.get();
  if (m_order.empty()) {
    ImGui::TextColored(th.text_muted, "No communication needs recorded.");
    return;
  }
  const float em = ImGui::GetFontSize();
  const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
  const std::size_t shown = std::min<std::size_t>(m_order.size(), 12);
  const float height = row_h * static_cast<float>(shown + 1) + 0.5f * em;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##needs", 4, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Need", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Priority", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Paths", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("Fastest", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_order.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const core::NeedResult* n = result.need(m_order[static_cast<std::size_t>(i)]);
        if (!n) continue;
        ImGui::PushID(static_cast<int>(n->need));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        chip(stateColour(th, n->state));
        const bool selected = ctx.selection.is(core::EntityKind::Need, n->need);
        const std::string label = needLabel(snap, n->agency_a, n->agency_b);
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
          ctx.selection = {core::EntityKind::Need, n->need};
        m_needRects[n->need] = lastItemRect();
        if (ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          ImGui::Text("%s: %s", label.c_str(), stateLabel(n->state));
          if (!n->reason.empty()) ImGui::TextUnformatted(n->reason.c_str());
          ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(priorityLabel(n->priority));
        ImGui::TableNextColumn();
        ImGui::Text("%d%s", n->independentPaths, n->countsAtLeast ? "+" : "");
        ImGui::TableNextColumn();
        ImGui::TextColored(n->fastest.path.found ? th.text : th.danger, "%s",
                           shortSummary(n->fastest.path).c_str());
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  const core::NeedResult* sel =
      ctx.selection.kind == core::EntityKind::Need ? result.need(ctx.selection.id) : nullptr;
  if (sel)
    drawNeedDetails(ctx, result, *sel);
  else
    ImGui::TextColored(th.text_muted, "Click a need to see its paths (drawn in the network view).");
}

void AnalysisPanel::drawNeedDetails(const AppContext& ctx, const core::AnalysisResult& result,
                                    const core::NeedResult& need) {
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* snap = ctx.snapshot.get();
  ImGui::Spacing();
  chip(stateColour(th, need.state));
  heading(ctx,
          (needLabel(snap, need.agency_a, need.agency_b) + ": " + stateLabel(need.state)).c_str());
  if (!need.reason.empty()) ImGui::TextColored(th.text_muted, "%s", need.reason.c_str());
  ImGui::Text("%s priority (budget %.3g min, reliability floor %.2g), %d%s independent path%s "
              "(%d%s with no shared channel)",
              priorityLabel(need.priority), need.level.latencyBudget, need.level.reliabilityFloor,
              need.nodeDisjoint, need.countsAtLeast ? " or more" : "",
              need.nodeDisjoint == 1 ? "" : "s", need.edgeDisjoint,
              need.countsAtLeast ? " or more" : "");
  if (!need.why.empty()) ImGui::TextWrapped("%s", need.why.c_str());
  if (!need.singlePoints.empty()) {
    std::string names;
    for (core::Id id : need.singlePoints) {
      if (!names.empty()) names += ", ";
      names += nodeName(result, id);
    }
    ImGui::TextColored(th.warn, "Cut by the loss of: %s", names.c_str());
  }
  ImGui::PushID(static_cast<int>(need.need));
  drawPathBlock(ctx, "Fastest", need.fastest, nullptr, nullptr);
  drawPathBlock(ctx, "Most reliable", need.reliable, &need.fastest, "fastest");
  drawPathBlock(ctx, "Fewest hops", need.fewestHops, &need.fastest, "fastest");
  ImGui::PopID();
}

void AnalysisPanel::drawPathBlock(const AppContext& ctx, const char* title,
                                  const core::ExplainedPath& path,
                                  const core::ExplainedPath* same_as, const char* same_name) {
  const Theme& th = themeData(ctx.theme);
  ImGui::Spacing();
  heading(ctx, title);
  ImGui::SameLine();
  ImGui::TextColored(path.path.found ? th.text_muted : th.danger, "%s",
                     pathSummary(path.path).c_str());
  if (!path.path.found) return;
  if (same_as && same_as->path.found && same_as->path.nodes == path.path.nodes &&
      same_as->path.latency == path.path.latency) {
    ImGui::TextColored(th.text_muted, "Same route as the %s path.", same_name);
    return;
  }
  ImGui::Indent();
  for (std::size_t i = 0; i < path.steps.size(); ++i)
    ImGui::TextWrapped("%zu. %s", i + 1, path.steps[i].c_str());
  ImGui::Unindent();
}

std::string AnalysisPanel::endpointLabel(const core::Snapshot* snap, const core::Endpoint& e) {
  if (e.id == 0) return "agency or person...";
  if (e.kind == core::EntityKind::Agency) return agencyCode(snap, e.id);
  const core::Representative* r = snap ? snap->representative(e.id) : nullptr;
  return r ? r->name + " (" + agencyCode(snap, r->agency) + ")" : "#" + std::to_string(e.id);
}

void AnalysisPanel::drawPair(AppContext& ctx, const core::AnalysisResult& result) {
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* snap = ctx.snapshot.get();
  if (!snap || snap->agencies.size() < 2) {
    ImGui::TextColored(th.text_muted, "Needs two agencies.");
    return;
  }
  const float em = ImGui::GetFontSize();
  // Each picker lists the agencies, each followed by its people (indented).
  auto combo = [&](const char* id, core::Endpoint& value) {
    ImGui::SetNextItemWidth(std::max(9.0f * em, ImGui::GetContentRegionAvail().x * 0.42f));
    if (ImGui::BeginCombo(id, endpointLabel(snap, value).c_str(), ImGuiComboFlags_HeightLarge)) {
      for (const auto& a : snap->agencies) {
        ImGui::PushID(static_cast<int>(a.id));
        const core::Endpoint ae{core::EntityKind::Agency, a.id};
        if (ImGui::Selectable((a.code + "  (anyone)").c_str(), value == ae)) value = ae;
        for (const auto& r : snap->representatives) {
          if (r.agency != a.id) continue;
          ImGui::PushID(static_cast<int>(r.id));
          const core::Endpoint re{core::EntityKind::Representative, r.id};
          if (ImGui::Selectable(("    " + r.name).c_str(), value == re)) value = re;
          ImGui::PopID();
        }
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
  };
  combo("##pair_a", m_from);
  ImGui::SameLine();
  ImGui::TextUnformatted("to");
  ImGui::SameLine();
  combo("##pair_b", m_to);
  if (!m_from.id || !m_to.id) {
    stopPairQuestion(ctx);
    ctx.show_pair_path = false;
    return;
  }
  if (m_from == m_to) {
    ImGui::TextColored(th.text_muted, "Pick two different agencies or people.");
    stopPairQuestion(ctx);
    return;
  }
  // A recorded need between two agencies: its state, independent paths and single points.
  const core::NeedResult* found = nullptr;
  if (m_from.kind == core::EntityKind::Agency && m_to.kind == core::EntityKind::Agency)
    for (const auto& n : result.needs)
      if ((n.agency_a == m_from.id && n.agency_b == m_to.id) ||
          (n.agency_a == m_to.id && n.agency_b == m_from.id))
        found = &n;
  if (found) {
    stopPairQuestion(ctx);
    ctx.show_pair_path = false;
    if (ImGui::SmallButton("Show in network view"))
      ctx.selection = {core::EntityKind::Need, found->need};
    drawNeedDetails(ctx, result, *found);
    return;
  }
  // Any other pair: asked of the analysis worker (the frame never computes paths).
  core::PairQuery q;
  q.from = m_from;
  q.to = m_to;
  if (!ctx.pair_query || !(*ctx.pair_query == q)) ctx.outbox.put(PairQuestion{q});
  const auto answer = ctx.pair;
  const bool current =
      answer && answer->query == q && ctx.snapshot && answer->version == ctx.snapshot->version;
  ImGui::TextColored(th.text_muted, "No need recorded between them%s",
                     current ? "." : "; computing paths...");
  if (!answer || !(answer->query == q)) return;
  if (!answer->error.empty()) {
    ImGui::TextColored(th.danger, "%s", answer->error.c_str());
    return;
  }
  ImGui::PushID("pair");
  if (ImGui::SmallButton(ctx.show_pair_path ? "Hide in network view" : "Show in network view")) {
    ctx.show_pair_path = !ctx.show_pair_path;
    if (ctx.show_pair_path && ctx.selection.kind == core::EntityKind::Need) ctx.selection = {};
  }
  m_pairShowRect = lastItemRect();
  ImGui::SameLine();
  ImGui::TextColored(answer->nodeDisjoint <= 1 ? th.warn : th.text_muted,
                     "%d independent path%s (%d by separate channels)", answer->nodeDisjoint,
                     answer->nodeDisjoint == 1 ? "" : "s", answer->edgeDisjoint);
  drawPathBlock(ctx, "Fastest", answer->fastest, nullptr, nullptr);
  drawPathBlock(ctx, "Most reliable", answer->reliable, &answer->fastest, "fastest");
  drawPathBlock(ctx, "Fewest hops", answer->fewestHops, &answer->fastest, "fastest");
  if (answer->alternatives.size() > 1) {
    ImGui::Spacing();
    heading(ctx, "Alternatives");
    for (std::size_t i = 1; i < answer->alternatives.size(); ++i)
      ImGui::TextWrapped("%zu. %s", i + 1, pathSummary(answer->alternatives[i].path).c_str());
  }
  ImGui::PopID();
}

void AnalysisPanel::drawWhatIfToggle(AppContext& ctx, const core::AnalysisResult& result,
                                     core::Id node) {
  if (result.level != core::NetworkLevel::Representatives) return;  // agencies: not a person
  bool down = ctx.whatif_down_reps.count(node) != 0;
  if (ImGui::Checkbox("What if unavailable?", &down))
    ctx.outbox.put(WhatIfChange{down ? WhatIfChange::Op::MarkDown : WhatIfChange::Op::Restore,
                                core::EntityKind::Representative, {node}});
  m_toggleRects.emplace(node, lastItemRect());
}

void AnalysisPanel::drawBottlenecks(AppContext& ctx, const core::AnalysisResult& result) {
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* snap = ctx.snapshot.get();
  heading(ctx, "Single points of failure");
  if (result.singlePoints.empty())
    ImGui::TextColored(th.ok, "None: no one person's loss cuts a need.");
  int rank = 0;
  for (const auto& sp : result.singlePoints) {
    ImGui::PushID("spof");
    ImGui::PushID(static_cast<int>(sp.node));
    ImGui::TextColored(th.danger, "%d. %s", ++rank, nodeName(result, sp.node).c_str());
    ImGui::Indent();
    ImGui::TextWrapped("Losing them cuts %zu need%s: %s", sp.needs.size(),
                       sp.needs.size() == 1 ? "" : "s", joinNeeds(snap, result, sp.needs).c_str());
    drawWhatIfToggle(ctx, result, sp.node);
    ImGui::Unindent();
    ImGui::PopID();
    ImGui::PopID();
  }
  ImGui::Spacing();
  heading(ctx, "Bottlenecks (most load first)");
  if (result.bottlenecks.empty()) ImGui::TextColored(th.text_muted, "None.");
  rank = 0;
  for (const auto& b : result.bottlenecks) {
    ImGui::PushID("bottleneck");
    ImGui::PushID(static_cast<int>(b.node));
    ImGui::TextColored(th.warn, "%d. %s", ++rank, nodeName(result, b.node).c_str());
    ImGui::Indent();
    ImGui::TextColored(th.text_muted, "load %.1f, betweenness %.1f", b.load, b.betweenness);
    if (!b.needs.empty())
      ImGui::TextWrapped("Relays %zu need%s: %s", b.needs.size(), b.needs.size() == 1 ? "" : "s",
                         joinNeeds(snap, result, b.needs).c_str());
    drawWhatIfToggle(ctx, result, b.node);
    ImGui::Unindent();
    ImGui::PopID();
    ImGui::PopID();
  }
}

std::string AnalysisPanel::channelLabel(const core::Snapshot* snap, core::Id id) {
  const core::Channel* c = snap ? snap->channel(id) : nullptr;
  if (!c) return "#" + std::to_string(id);
  auto repName = [&](core::Id r) {
    const core::Representative* rep = snap->representative(r);
    return rep ? rep->name : "#" + std::to_string(r);
  };
  std::string ends = c->betweenReps() ? repName(c->from_rep) + " - " + repName(c->to_rep)
                                      : needLabel(snap, c->from_agency, c->to_agency);
  std::string medium(core::toString(c->medium));
  std::replace(medium.begin(), medium.end(), '_', ' ');
  return ends + " (" + medium + ")";
}

void AnalysisPanel::drawMarkDown(AppContext& ctx) {
  const core::Snapshot* snap = ctx.snapshot.get();
  if (!snap) return;
  const float em = ImGui::GetFontSize();
  ImGui::PushID("markdown");
  ImGui::SetNextItemWidth(std::max(9.0f * em, ImGui::GetContentRegionAvail().x * 0.6f));
  if (ImGui::BeginCombo("##who", endpointLabel(snap, m_downPick).c_str(),
                        ImGuiComboFlags_HeightLarge)) {
    for (const auto& a : snap->agencies) {
      ImGui::PushID(static_cast<int>(a.id));
      const core::Endpoint ae{core::EntityKind::Agency, a.id};
      if (ImGui::Selectable((a.code + "  (whole agency)").c_str(), m_downPick == ae))
        m_downPick = ae;
      for (const auto& r : snap->representatives) {
        if (r.agency != a.id) continue;
        ImGui::PushID(static_cast<int>(r.id));
        const core::Endpoint re{core::EntityKind::Representative, r.id};
        if (ImGui::Selectable(("    " + r.name).c_str(), m_downPick == re)) m_downPick = re;
        ImGui::PopID();
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(m_downPick.id == 0);
  if (ImGui::Button("Mark down")) {
    WhatIfChange change{WhatIfChange::Op::MarkDown, core::EntityKind::Representative, {}};
    if (m_downPick.kind == core::EntityKind::Agency) {
      for (const auto& r : snap->representatives)
        if (r.agency == m_downPick.id) change.ids.push_back(r.id);
    } else {
      change.ids.push_back(m_downPick.id);
    }
    ctx.outbox.put(std::move(change));
  }
  m_markDownRect = lastItemRect();
  ImGui::EndDisabled();
  ImGui::SetNextItemWidth(std::max(9.0f * em, ImGui::GetContentRegionAvail().x * 0.6f));
  const std::string preview = m_downChannel ? channelLabel(snap, m_downChannel) : "channel...";
  if (ImGui::BeginCombo("##channel", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    for (const auto& c : snap->channels) {
      ImGui::PushID(static_cast<int>(c.id));
      if (ImGui::Selectable(channelLabel(snap, c.id).c_str(), m_downChannel == c.id))
        m_downChannel = c.id;
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(m_downChannel == 0);
  if (ImGui::Button("Mark channel down"))
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::MarkDown, core::EntityKind::Channel,
                                {m_downChannel}});
  ImGui::EndDisabled();
  // Shared infrastructure: a tower, a 911 centre, a phone exchange takes everything it carries.
  if (!snap->infrastructure.empty()) {
    ImGui::SetNextItemWidth(std::max(9.0f * em, ImGui::GetContentRegionAvail().x * 0.6f));
    const core::Infrastructure* picked = snap->infrastructureItem(m_downInfra);
    if (ImGui::BeginCombo("##infra", picked ? picked->name.c_str() : "infrastructure...",
                          ImGuiComboFlags_HeightLarge)) {
      for (const auto& i : snap->infrastructure) {
        ImGui::PushID(static_cast<int>(i.id));
        const std::string label = i.name + "  (" + std::string(core::toString(i.kind)) + ")";
        if (ImGui::Selectable(label.c_str(), m_downInfra == i.id)) m_downInfra = i.id;
        ImGui::PopID();
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(picked == nullptr);
    if (ImGui::Button("Mark infrastructure down"))
      ctx.outbox.put(WhatIfChange{WhatIfChange::Op::MarkDown, core::EntityKind::Infrastructure,
                                  {m_downInfra}});
    m_markInfraRect = lastItemRect();
    ImGui::EndDisabled();
  }
  ImGui::PopID();
}

void AnalysisPanel::drawWhatIf(AppContext& ctx, const core::AnalysisResult& result) {
  const Theme& th = themeData(ctx.theme);
  const core::Snapshot* snap = ctx.snapshot.get();
  drawMarkDown(ctx);
  if (ctx.whatifEmpty()) {
    ImGui::TextColored(
        th.text_muted,
        "Nothing is marked down. Pick an agency, a person, a channel or infrastructure above, "
        "use \"What if unavailable?\", right-click in the network view, or right-click a zone "
        "on the map.");
    return;
  }
  core::Id removeRep = 0, removeChannel = 0, removeZone = 0, removeInfra = 0;
  for (core::Id rep : ctx.whatif_down_reps) {
    ImGui::PushID("rep");
    ImGui::PushID(static_cast<int>(rep));
    if (ImGui::SmallButton("Remove")) removeRep = rep;
    ImGui::SameLine();
    const core::Representative* r = snap ? snap->representative(rep) : nullptr;
    if (r)
      ImGui::Text("%s (%s) down", r->name.c_str(), agencyCode(snap, r->agency).c_str());
    else
      ImGui::Text("%s down", nodeName(result, rep).c_str());
    ImGui::PopID();
    ImGui::PopID();
  }
  for (core::Id ch : ctx.whatif_down_channels) {
    ImGui::PushID("channel");
    ImGui::PushID(static_cast<int>(ch));
    if (ImGui::SmallButton("Remove")) removeChannel = ch;
    ImGui::SameLine();
    const core::Channel* c = snap ? snap->channel(ch) : nullptr;
    if (c && c->betweenReps())
      ImGui::Text("channel %s - %s down", nodeName(result, c->from_rep).c_str(),
                  nodeName(result, c->to_rep).c_str());
    else if (c)
      ImGui::Text("channel %s down", needLabel(snap, c->from_agency, c->to_agency).c_str());
    else
      ImGui::Text("channel #%llu down", static_cast<unsigned long long>(ch));
    ImGui::PopID();
    ImGui::PopID();
  }
  for (core::Id z : ctx.whatif_down_zones) {
    ImGui::PushID("zone");
    ImGui::PushID(static_cast<int>(z));
    if (ImGui::SmallButton("Remove")) removeZone = z;
    ImGui::SameLine();
    const core::MapFeature* f = snap ? snap->feature(z) : nullptr;
    ImGui::Text("zone \"%s\" fails (everything inside it)",
                f ? f->label.c_str() : std::to_string(z).c_str());
    ImGui::PopID();
    ImGui::PopID();
  }
  for (core::Id i : ctx.whatif_down_infra) {
    ImGui::PushID("infra");
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("Remove")) removeInfra = i;
    ImGui::SameLine();
    const core::Infrastructure* item = snap ? snap->infrastructureItem(i) : nullptr;
    ImGui::Text("%s down (everything it carries)",
                item ? item->name.c_str() : std::to_string(i).c_str());
    ImGui::PopID();
    ImGui::PopID();
  }
  if (ImGui::Button("Reset"))
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Clear, core::EntityKind::Representative, {}});
  if (removeZone)
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Restore, core::EntityKind::MapFeature,
                                {removeZone}});
  if (removeInfra)
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Restore, core::EntityKind::Infrastructure,
                                {removeInfra}});
  m_resetRect = lastItemRect();
  if (removeRep)
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Restore, core::EntityKind::Representative,
                                {removeRep}});
  if (removeChannel)
    ctx.outbox.put(WhatIfChange{WhatIfChange::Op::Restore, core::EntityKind::Channel,
                                {removeChannel}});

  const bool current = ctx.whatif && ctx.whatif->failed == ctx.whatifFailures();
  if (!current) ImGui::TextColored(th.text_muted, "what-if updating...");
  if (!ctx.whatif) return;
  // What the failed zones hold, so the liaison sees what the hazard reaches before it does.
  if (const auto& in = ctx.whatif->inZones;
      snap && !(in.infrastructure.empty() && in.representatives.empty() && in.agencies.empty())) {
    std::string held;
    auto add = [&](const std::string& s) { held += (held.empty() ? "" : ", ") + s; };
    for (core::Id i : in.infrastructure)
      if (const core::Infrastructure* item = snap->infrastructureItem(i)) add(item->name);
    for (core::Id a : in.agencies) add(agencyCode(snap, a) + " (post)");
    for (core::Id r : in.representatives)
      if (const core::Representative* rep = snap->representative(r)) add(rep->name);
    ImGui::TextWrapped("Inside the zone: %s", held.c_str());
  }
  int broken = 0, degraded = 0;
  for (const auto& imp : ctx.whatif->needs) {
    if (imp.broken()) {
      ++broken;
      ImGui::TextColored(th.danger, "%s breaks: %s before, no path after",
                         needLabel(snap, result, imp.need).c_str(),
                         minutes(imp.latencyBefore).c_str());
    } else if (imp.degraded()) {
      ++degraded;
      ImGui::TextColored(th.warn, "%s degrades: %s -> %s, reliability %.2f -> %.2f (%s -> %s)",
                         needLabel(snap, result, imp.need).c_str(),
                         minutes(imp.latencyBefore).c_str(), minutes(imp.latencyAfter).c_str(),
                         imp.reliabilityBefore, imp.reliabilityAfter, stateLabel(imp.before),
                         stateLabel(imp.after));
    }
  }
  if (broken == 0 && degraded == 0)
    ImGui::TextColored(th.ok, "No need breaks or degrades.");
  else
    ImGui::TextColored(th.text_muted, "%d break, %d degrade, %d unchanged.", broken, degraded,
                       ctx.whatif->unchanged);
}

void AnalysisPanel::drawRecommendations(AppContext& ctx, const core::AnalysisResult& result) {
  const Theme& th = themeData(ctx.theme);
  if (result.recommendations.empty()) {
    ImGui::TextColored(th.text_muted, "No new link would remove a single point of failure.");
    return;
  }
  int index = 0;
  for (const auto& rec : result.recommendations) {
    ImGui::PushID(index++);
    ImGui::TextWrapped("%d. %s", index, rec.text.c_str());
    ImGui::Indent();
    ImGui::TextColored(th.text_muted,
                       "single points of failure %d -> %d, needs without a path %d -> %d, "
                       "single-path needs %d -> %d",
                       rec.spofBefore, rec.spofAfter, rec.unroutedBefore, rec.unroutedAfter,
                       rec.singlePathBefore, rec.singlePathAfter);
    const auto pair = std::make_pair(rec.from, rec.to);
    const bool added = m_added.count(pair) != 0;
    ImGui::BeginDisabled(ctx.read_only || added);
    if (ImGui::Button(added ? "Channel added" : "Add channel")) {
      core::Channel c;
      if (result.level == core::NetworkLevel::Representatives) {
        c.from_rep = rec.from;
        c.to_rep = rec.to;
      } else {
        c.from_agency = rec.from;
        c.to_agency = rec.to;
      }
      c.medium = rec.medium;
      c.identifier = rec.identifier.empty() ? "proposed" : rec.identifier;
      c.latency_min = rec.latency;
      c.reliability = rec.reliability;
      c.two_way = true;
      c.notes = "Recommended by the analysis: " + rec.text;
      ctx.outbox.command(core::put(c));
      m_added.insert(pair);
    }
    ImGui::EndDisabled();
    m_addRects.push_back(lastItemRect());
    m_addPairs.push_back(pair);
    if (ctx.read_only) {
      ImGui::SameLine();
      ImGui::TextColored(th.text_muted, "read-only station");
    }
    ImGui::Unindent();
    ImGui::PopID();
  }
}

}  // namespace liaison::app
