#include "exercise_notice.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <vector>

#include "core/exercise/drill.hpp"
#include "theme.hpp"

namespace liaison::app {
namespace {

// F9 as the GLFW backend reports it; ignored where a key map reuses that index.
bool ackKeyPressed() {
  const ImGuiIO& io = ImGui::GetIO();
  for (int k : io.KeyMap)
    if (k == GLFW_KEY_F9) return false;
  return ImGui::IsKeyPressed(GLFW_KEY_F9, false);
}

// Delivered and not acknowledged, earliest delivery first; at a player's station only the
// injects addressed to its agency.
std::vector<std::size_t> waiting(const core::ExerciseState& state, const AppContext& ctx) {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < state.injects.size() && k < state.statuses.size(); ++k) {
    if (!state.statuses[k].delivered_s || state.statuses[k].acked_s) continue;
    if (ctx.station_agency && ctx.snapshot &&
        core::injectAgency(state.injects[k], *ctx.snapshot) != ctx.station_agency)
      continue;
    out.push_back(k);
  }
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    return *state.statuses[a].delivered_s < *state.statuses[b].delivered_s;
  });
  return out;
}

ScreenRect lastItemRect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return {a.x, a.y, b.x, b.y};
}

}  // namespace

void ExerciseNotice::acknowledge(AppContext& ctx, const std::string& number) {
  DrillRequest r(DrillRequest::Kind::Acknowledge);
  r.inject = number;
  r.responder = ctx.actor;
  r.action = m_action;
  ctx.outbox.put(r);
  m_followUp = m_action.empty() ? number : "";
  m_action.clear();
}

void ExerciseNotice::draw(AppContext& ctx) {
  m_shown.clear();
  m_awaitingAction = false;
  m_ackRect = m_actionRect = {};
  if (ctx.wallMode() || !ctx.exercise || !ctx.exercise->hasMsel()) return;
  const core::ExerciseState& state = ctx.exercise->state;

  // The inject to show: the follow-up of this station's acknowledgement while its action is
  // still open, else the earliest one waiting. (The loop applies a request right after the
  // frame that made it, so the next frame already sees it acknowledged.)
  const core::Inject* inject = nullptr;
  const core::InjectStatus* status = nullptr;
  if (!m_followUp.empty()) {
    inject = state.inject(m_followUp);
    status = inject ? state.status(inject->id) : nullptr;
    if (!status || status->acted_s || !status->delivered_s) {
      m_followUp.clear();
      inject = nullptr;
    }
  }
  const std::vector<std::size_t> queue = waiting(state, ctx);
  if (!inject && !queue.empty()) {
    inject = &state.injects[queue.front()];
    status = &state.statuses[queue.front()];
  }
  if (!inject) return;
  m_shown = inject->number;
  m_awaitingAction = status->acked_s.has_value();

  const Theme& th = themeData(ctx.theme);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  const float w = std::min(vp->Size.x - 2 * em, 48.0f * em);
  // Bottom centre, just above the status line: prominent, yet the controller's clock and the
  // panels' toolbars at the top stay free.
  const float status_h = ImGui::GetFrameHeight() + 0.5f * em;
  ImGui::SetNextWindowPos(
      ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - status_h - 0.5f * em),
      ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));  // height fits the content
  ImGui::PushStyleColor(ImGuiCol_WindowBg, th.exercise_bg);
  ImGui::PushStyleColor(ImGuiCol_Text, th.exercise_fg);
  ImGui::PushStyleColor(ImGuiCol_Border, th.exercise_fg);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.2f * em);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, 0.6f * em));
  ImGui::Begin("##exercise-notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted("EXERCISE EXERCISE EXERCISE");
  if (ctx.fonts.large) ImGui::PopFont();
  ImGui::SameLine();
  if (queue.size() > 1)
    ImGui::Text("inject %s (%zu waiting)", inject->number.c_str(), queue.size());
  else
    ImGui::Text("inject %s", inject->number.c_str());
  if (ctx.fonts.bold) ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextWrapped("%s", inject->subject.empty() ? "(no subject)" : inject->subject.c_str());
  if (ctx.fonts.bold) ImGui::PopFont();
  ImGui::Text("From: %s", inject->from.empty() ? "Exercise control" : inject->from.c_str());
  ImGui::SameLine(0, 2 * em);
  ImGui::Text("To: %s", inject->to.c_str());
  ImGui::SameLine(0, 2 * em);
  ImGui::Text("By: %s", std::string(core::toString(inject->method)).c_str());
  if (!inject->message.empty()) ImGui::TextWrapped("%s", inject->message.c_str());

  ImGui::PushStyleColor(ImGuiCol_Text, th.text);
  ImGui::BeginDisabled(ctx.read_only);
  bool ack = false, act = false;
  if (!m_awaitingAction) {
    ack = ImGui::Button("Acknowledge (F9)") || (!ctx.read_only && ackKeyPressed());
    m_ackRect = lastItemRect();
    ImGui::SameLine();
  } else {
    ImGui::PushStyleColor(ImGuiCol_Text, th.exercise_fg);
    ImGui::TextUnformatted("Acknowledged.");
    ImGui::PopStyleColor();
    ImGui::SameLine();
  }
  ImGui::SetNextItemWidth(std::max(ImGui::GetContentRegionAvail().x - 6 * em, 8 * em));
  const bool enter = ImGui::InputTextWithHint("##notice-action", "Action taken (Enter records it)",
                                              &m_action, ImGuiInputTextFlags_EnterReturnsTrue);
  m_actionRect = lastItemRect();
  act = enter && m_action.find_first_not_of(" \t") != std::string::npos;
  if (m_awaitingAction) {
    ImGui::SameLine();
    if (ImGui::Button("Later")) m_followUp.clear();
  }
  ImGui::EndDisabled();
  ImGui::PopStyleColor();
  if (ctx.read_only)
    ImGui::TextUnformatted("Read-only station: acknowledge at a controller station.");
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(3);

  if (ctx.read_only) return;
  if (act && m_awaitingAction) {
    DrillRequest r(DrillRequest::Kind::Act);
    r.inject = inject->number;
    r.action = m_action;
    ctx.outbox.put(r);
    m_followUp.clear();
    m_action.clear();
  } else if (act || ack) {
    acknowledge(ctx, inject->number);
  }
}

}  // namespace liaison::app
