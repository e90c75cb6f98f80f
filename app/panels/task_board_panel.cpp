#include "task_board_panel.hpp"

#include "app/shell/key_figures.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // BeginDragDropTargetCustom: a whole column is the drop target
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/analysis/analysis.hpp"
#include "core/model/enums.hpp"
#include "core/model/time_zone.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"
#include "app/shell/clock_text.hpp"

namespace liaison::app {
namespace {

constexpr const char* kPayload = "LIAISON_TASK";
constexpr core::TaskStatus kColumns[] = {core::TaskStatus::Todo, core::TaskStatus::Doing,
                                         core::TaskStatus::Blocked, core::TaskStatus::Done};
constexpr const char* kColumnTitles[] = {"To do", "Doing", "Blocked", "Done"};

ImVec4 priorityColour(const Theme& th, core::Priority p) {
  switch (p) {
    case core::Priority::Critical:
      return th.danger;
    case core::Priority::High:
      return th.warn;
    case core::Priority::Normal:
      return th.accent;
    case core::Priority::Low:
      return th.text_muted;
  }
  return th.text_muted;
}

std::string codeOf(const core::Snapshot& s, core::Id id) {
  const core::Agency* a = s.agency(id);
  return a ? a->code : std::string("#").append(std::to_string(id));
}

bool involves(const core::Task& t, core::Id agency) {
  return t.owner_agency == agency ||
         std::find(t.involved.begin(), t.involved.end(), agency) != t.involved.end();
}

}  // namespace

std::vector<core::Command> TaskBoardPanel::newTaskCommands(const core::Snapshot& s,
                                                           core::Task task) {
  core::Id next = 1;
  for (const core::Task& t : s.tasks) next = std::max(next, t.id + 1);
  task.id = next;  // explicit, so the needs can name their task in the same batch
  if (task.incident == 0 && s.mainIncident()) task.incident = s.mainIncident()->id;
  std::vector<core::Command> out{core::put(task)};
  std::vector<std::pair<core::Id, core::Id>> pairs;
  const std::vector<core::Id> all = core::taskAgencies(task);
  if (task.owner_agency) {
    for (core::Id a : all)
      if (a != task.owner_agency) pairs.emplace_back(task.owner_agency, a);
  } else {
    for (std::size_t i = 0; i < all.size(); ++i)
      for (std::size_t j = i + 1; j < all.size(); ++j) pairs.emplace_back(all[i], all[j]);
  }
  for (const auto& [a, b] : pairs) {
    core::Need n;
    n.agency_a = a;
    n.agency_b = b;
    n.reason = "Task: " + task.title;
    n.priority = task.priority;
    n.source = core::NeedSource::Task;
    n.task = task.id;
    out.push_back(core::put(n));
  }
  return out;
}

void TaskBoardPanel::drawContent(AppContext& ctx) {
  const core::SnapshotPtr shown = ctx.shownSnapshot();
  if (!shown) return;
  const core::Snapshot& s = *shown;
  const bool past = ctx.view_time.has_value();
  // Overdue relative to the time shown; for an incident that has ended (an exercise replayed
  // later), relative to its end rather than to today.
  // The one clock (stationNow: the scrubber, the exercise clock during a drill, the incident's
  // end): the same "now" as the wall's overdue figure.
  m_reference = stationNow(ctx, core::nowUtc()).time;
  if (m_shownFor != &s || m_shownVersion != s.version) {
    m_shownFor = &s;
    m_shownVersion = s.version;
    m_columnsFor = nullptr;
  }
  // The columns (filtered, most urgent first) and the risk figures change only with the shown
  // snapshot, the filter, the engine's result or the scrub position: not every frame.
  const std::shared_ptr<const core::AnalysisResult> engine = past ? nullptr : ctx.analysis;
  const auto whatif = past ? nullptr : ctx.whatif;
  if (m_columnsFor != &s || m_columnsVersion != s.version || m_columnsFilter != m_agencyFilter ||
      m_columnsEngine != engine || m_columnsWhatIf != whatif) {
    rebuildColumns(ctx, s);
    m_columnsFor = &s;
    m_columnsVersion = s.version;
    m_columnsFilter = m_agencyFilter;
    m_columnsEngine = engine;
    m_columnsWhatIf = whatif;
  }
  m_cardRects.clear();
  m_whyRects.clear();
  drawToolbar(ctx, s, past);

  const bool editable = !past && !ctx.read_only && !ctx.wallMode();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = (ImGui::GetContentRegionAvail().x - 3 * gap) / 4.0f;
  for (int c = 0; c < 4; ++c) {
    if (c > 0) ImGui::SameLine(0, gap);
    drawColumn(ctx, s, kColumns[c], width, editable);
  }
  drawNewTaskPopup(ctx, s);
}

void TaskBoardPanel::drawToolbar(AppContext& ctx, const core::Snapshot& s, bool past) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  if (past) {
    ImGui::PushStyleColor(ImGuiCol_Text, th.warn);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("\xE2\x97\x80 Showing the board as it was at %s (%s)",
                clockUtc(*ctx.view_time, true).c_str(), clockLocal(*ctx.view_time, core::incidentZone(*ctx.snapshot)).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (ImGui::Button("Return to live")) ctx.view_time.reset();
    ImGui::SameLine(0, 1.5f * em);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Agency");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(9 * em);
  const std::string current = m_agencyFilter ? codeOf(s, m_agencyFilter) : "All agencies";
  if (ImGui::BeginCombo("##board-agency", current.c_str())) {
    if (ImGui::Selectable("All agencies", m_agencyFilter == 0)) m_agencyFilter = 0;
    for (const core::Agency& a : s.agencies) {
      const std::string label = a.code + "  " + a.name;
      if (ImGui::Selectable(label.c_str(), m_agencyFilter == a.id)) m_agencyFilter = a.id;
    }
    ImGui::EndCombo();
  }
  if (!past && !ctx.read_only && !ctx.wallMode()) {
    ImGui::SameLine(0, 1.5f * em);
    if (ImGui::Button("New task\xE2\x80\xA6")) {
      m_newTitle.clear();
      m_newDue.clear();
      m_newOwner = 0;
      m_newInvolved.clear();
      m_newPriority = 2;
      m_newError.clear();
      ImGui::OpenPopup("New task");
    }
  }
  const std::size_t open = m_openCount, risk = m_riskCount;
  char counts[96];
  std::snprintf(counts, sizeof counts, "%zu open tasks, %zu coordination at risk", open, risk);
  const float w = ImGui::CalcTextSize(counts).x;
  ImGui::SameLine();
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + w < right) ImGui::SetCursorPosX(right - w);
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(risk ? th.warn : th.text_muted, "%s", counts);
}

void TaskBoardPanel::drawColumn(AppContext& ctx, const core::Snapshot& s, core::TaskStatus status,
                                float width, bool editable) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const int index = static_cast<int>(status);
  const std::vector<const core::Task*>& cards = m_columns[index];

  ImGui::PushID(index);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, th.panel);
  ImGui::BeginChild("##column", ImVec2(width, 0), true);
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::Text("%s", kColumnTitles[index]);
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextColored(th.text_muted, "%zu", cards.size());
  ImGui::Separator();
  const float cardWidth = ImGui::GetContentRegionAvail().x;
  if (cardWidth != m_heightsWidth || em != m_heightsEm) {  // wrapping changed: measure again
    m_heights.clear();
    m_heightsWidth = cardWidth;
    m_heightsEm = em;
  }
  // Only the cards in view are drawn; the others take their measured height (an estimate until
  // first drawn), so a column of thousands costs what a screenful does.
  const float viewTop = ImGui::GetScrollY() - 4 * em;
  const float viewBottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + 4 * em;
  const float estimate = 5.2f * em;
  float skipped = 0.0f;
  for (const core::Task* t : cards) {
    const float y = ImGui::GetCursorPosY() + skipped;
    const auto known = m_heights.find(t->id);
    const float h = known != m_heights.end() ? known->second : estimate;
    if (y + h < viewTop || y > viewBottom) {
      skipped += h;
      continue;
    }
    if (skipped > 0.0f) {
      ImGui::Dummy(ImVec2(0, skipped - ImGui::GetStyle().ItemSpacing.y));
      skipped = 0.0f;
    }
    const float before = ImGui::GetCursorPosY();
    drawCard(ctx, s, *t, cardWidth, editable);
    ImGui::Dummy(ImVec2(0, 0.2f * em));
    m_heights[t->id] = ImGui::GetCursorPosY() - before;
  }
  if (skipped > 0.0f) ImGui::Dummy(ImVec2(0, skipped - ImGui::GetStyle().ItemSpacing.y));
  if (cards.empty()) ImGui::TextColored(th.text_muted, "No tasks");
  ImGui::EndChild();
  ImGui::PopStyleColor();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  m_columnRects[index] = {a.x, a.y, b.x, b.y};
  if (editable && ImGui::BeginDragDropTargetCustom(ImRect(a, b), ImGui::GetID("##drop"))) {
    if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
      core::Id id = 0;
      std::memcpy(&id, p->Data, sizeof id);
      if (const core::Task* t = s.task(id); t && t->status != status) {
        core::Task moved = *t;
        moved.status = status;
        ctx.outbox.command(core::put(moved));
      }
    }
    ImGui::EndDragDropTarget();
  }
  ImGui::PopID();
}

void TaskBoardPanel::drawCard(AppContext& ctx, const core::Snapshot& s, const core::Task& t,
                              float width, bool editable) {
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const float pad = 0.4f * em;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImGui::PushID(static_cast<int>(t.id));
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);

  ImGui::SetCursorScreenPos(ImVec2(p0.x + pad + 0.5f * em, p0.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(p0.x + width - pad - ImGui::GetWindowPos().x + ImGui::GetScrollX());
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextWrapped("%s", t.title.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  std::string who = t.owner_agency ? codeOf(s, t.owner_agency) : "no owner";
  if (!t.involved.empty()) {
    who += "  \xE2\x86\x92 ";
    for (std::size_t i = 0; i < t.involved.size(); ++i)
      who += std::string(i ? ", " : "") + codeOf(s, t.involved[i]);
  }
  ImGui::TextColored(th.accent, "%s", who.c_str());
  ImGui::TextColored(th.text_muted, "%s", std::string(core::toString(t.priority)).c_str());
  if (t.due) {
    ImGui::SameLine();
    const bool overdue = core::overdue(t, m_reference);
    const core::TimeUtc delta = *t.due - m_reference;
    if (overdue)
      ImGui::TextColored(th.danger, "overdue %s (due %s)", spanText(-delta).c_str(),
                         clockUtc(*t.due).c_str());
    else
      ImGui::TextColored(th.text_muted, "due %s", clockUtc(*t.due, true).c_str());
  }
  if (!t.depends_on.empty()) {
    std::string deps;
    for (core::Id d : t.depends_on) {
      const core::Task* dt = s.task(d);
      if (dt && dt->status == core::TaskStatus::Done) continue;
      deps += (std::string(deps.empty() ? "" : "; ")) +
              (dt ? dt->title : std::string("#").append(std::to_string(d)));
    }
    if (!deps.empty()) ImGui::TextColored(th.warn, "blocked by: %s", deps.c_str());
  }
  const core::CoordinationRisk risk = riskOf(t);
  const bool atRisk = risk.atRisk;
  ImVec2 whyPos(-1, -1);
  if (atRisk) {
    ImGui::TextColored(th.danger, risk.whatIfOnly ? "\xE2\x96\xB2 coordination at risk (what-if)"
                                                  : "\xE2\x96\xB2 coordination at risk");
    if (!risk.brokenNeeds.empty()) {  // room for the button drawn over the card below
      ImGui::SameLine();
      whyPos = ImGui::GetCursorScreenPos();
      const ImVec2 size = ImGui::CalcTextSize("Show in analysis");
      ImGui::Dummy(ImVec2(size.x + 2 * ImGui::GetStyle().FramePadding.x, size.y));
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const float h = ImGui::GetItemRectMax().y - p0.y + pad;

  ImGui::SetCursorScreenPos(p0);
  // The "Show in analysis" button is submitted later on top of the card: the card yields the
  // pointer to it (AllowItemOverlap: the card is hovered only when nothing else was).
  ImGui::InvisibleButton("##card", ImVec2(width, h),
                         static_cast<ImGuiButtonFlags>(ImGuiButtonFlags_MouseButtonLeft) |
                             static_cast<ImGuiButtonFlags>(ImGuiButtonFlags_AllowItemOverlap));
  ImGui::SetItemAllowOverlap();
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 p1(p0.x + width, p0.y + h);
  dl->ChannelsSetCurrent(0);
  const float r = th.rounding_em * em;
  dl->AddRectFilled(p0, p1, ImGui::GetColorU32(hovered ? th.accent_soft : th.background), r);
  dl->AddRectFilled(p0, ImVec2(p0.x + 0.3f * em, p1.y),
                    ImGui::GetColorU32(priorityColour(th, t.priority)), r,
                    ImDrawFlags_RoundCornersLeft);
  if (atRisk) dl->AddRect(p0, p1, ImGui::GetColorU32(th.danger), r, 0, 1.5f);
  dl->ChannelsMerge();
  m_cardRects[t.id] = {p0.x, p0.y, p1.x, p1.y};

  if (hovered && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(28 * em);
    ImGui::Text("Task %lld: %s", static_cast<long long>(t.id), t.title.c_str());
    if (!t.description.empty()) ImGui::TextWrapped("%s", t.description.c_str());
    if (atRisk) {
      ImGui::TextColored(th.danger, "No working communication path between:");
      if (ctx.analysis)
        for (core::Id n : risk.brokenNeeds)
          if (const core::NeedResult* nr = ctx.analysis->need(n))
            ImGui::BulletText("%s and %s (need %lld: broken in the analysis)",
                              codeOf(s, nr->agency_a).c_str(), codeOf(s, nr->agency_b).c_str(),
                              static_cast<long long>(n));
      for (const auto& [a, b] : risk.unreachable)
        ImGui::BulletText("%s and %s (no channel joins them)", codeOf(s, a).c_str(),
                          codeOf(s, b).c_str());
    }
    if (editable) ImGui::TextColored(th.text_muted, "Drag to another column to change its status");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  const bool cardClicked = ImGui::IsItemClicked();
  if (editable && ImGui::BeginDragDropSource()) {
    const core::Id id = t.id;
    ImGui::SetDragDropPayload(kPayload, &id, sizeof id);
    ImGui::Text("%s", t.title.c_str());
    ImGui::EndDragDropSource();
  }
  bool why = false;
  if (whyPos.x >= 0) {
    const ImVec2 back = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(whyPos);
    why = ImGui::SmallButton("Show in analysis");
    m_whyRects[t.id] = {whyPos.x, whyPos.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
    ImGui::SetCursorScreenPos(back);
  }
  if (why) {
    // The path problem one click away: the broken need selected (analysis panel details, the
    // network view's dashed line), and the analysis panel brought forward.
    ctx.selection = Selection{core::EntityKind::Need, risk.brokenNeeds.front()};
    ImGui::SetWindowFocus("Analysis");
  } else if (cardClicked) {
    ctx.selection = Selection{core::EntityKind::Task, t.id};
  }
  ImGui::PopID();
}

void TaskBoardPanel::rebuildColumns(const AppContext& ctx, const core::Snapshot& s) {
  // The engine's answers describe the live workspace; a past state has none (yet).
  m_pairNeeds = ctx.view_time
                    ? std::make_unique<core::PairNeeds>(nullptr)
                    : std::make_unique<core::PairNeeds>(ctx.analysis.get(), ctx.whatif.get());
  for (auto& c : m_columns) c.clear();
  m_shownStatus.clear();
  m_openCount = m_riskCount = 0;
  for (const core::Task& t : s.tasks) {
    m_shownStatus[t.id] = t.status;
    if (t.status != core::TaskStatus::Done) {
      ++m_openCount;
      if (riskOf(t).atRisk) ++m_riskCount;
    }
    if (m_agencyFilter == 0 || involves(t, m_agencyFilter))
      m_columns[static_cast<int>(t.status)].push_back(&t);
  }
  // Most urgent first: priority, then due time.
  for (auto& cards : m_columns)
    std::stable_sort(cards.begin(), cards.end(), [](const core::Task* a, const core::Task* b) {
      if (a->priority != b->priority) return a->priority < b->priority;
      return a->due.value_or(INT64_MAX) < b->due.value_or(INT64_MAX);
    });
}

core::CoordinationRisk TaskBoardPanel::riskOf(const core::Task& t) const {
  return core::coordinationRisk(t, *m_pairNeeds);
}

void TaskBoardPanel::drawNewTaskPopup(AppContext& ctx, const core::Snapshot& s) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowSize(ImVec2(30 * em, 0));
  if (!ImGui::BeginPopupModal("New task", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const Theme& th = themeData(ctx.theme);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##title", "Title", &m_newTitle);
  const char* priorities[] = {"critical", "high", "normal", "low"};
  ImGui::SetNextItemWidth(10 * em);
  ImGui::Combo("Priority", &m_newPriority, priorities, 4);
  ImGui::SetNextItemWidth(10 * em);
  ImGui::InputTextWithHint("Due (UTC)", "2026-05-14T15:30Z", &m_newDue);
  ImGui::SetNextItemWidth(10 * em);
  if (ImGui::BeginCombo("Owner agency", m_newOwner ? codeOf(s, m_newOwner).c_str() : "none")) {
    if (ImGui::Selectable("none", m_newOwner == 0)) m_newOwner = 0;
    for (const core::Agency& a : s.agencies)
      if (ImGui::Selectable((a.code + "  " + a.name).c_str(), m_newOwner == a.id))
        m_newOwner = a.id;
    ImGui::EndCombo();
  }
  ImGui::TextUnformatted("Involved agencies (a communication need is created for each):");
  ImGui::BeginChild("##involved", ImVec2(0, 8 * em), true);
  for (const core::Agency& a : s.agencies) {
    bool on = std::find(m_newInvolved.begin(), m_newInvolved.end(), a.id) != m_newInvolved.end();
    if (ImGui::Checkbox((a.code + "  " + a.name).c_str(), &on)) {
      if (on)
        m_newInvolved.push_back(a.id);
      else
        std::erase(m_newInvolved, a.id);
    }
  }
  ImGui::EndChild();
  if (!m_newError.empty()) ImGui::TextColored(th.danger, "%s", m_newError.c_str());
  if (ImGui::Button("Create")) {
    core::Task t;
    t.title = m_newTitle;
    t.priority = static_cast<core::Priority>(m_newPriority);
    t.owner_agency = m_newOwner;
    t.involved = m_newInvolved;
    std::optional<core::TimeUtc> due;
    if (!m_newDue.empty()) due = core::parseTime(m_newDue);
    if (m_newTitle.empty()) {
      m_newError = "A task needs a title.";
    } else if (!m_newDue.empty() && !due) {
      m_newError = "Due time: YYYY-MM-DDTHH:MM followed by Z, e.g. 2026-05-14T15:30Z";
    } else {
      t.due = due;
      ctx.outbox.commands(newTaskCommands(s, t));
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace liaison::app
