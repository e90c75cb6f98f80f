#include "quick_entry.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "app/shell/app_context.hpp"
#include "app/shell/theme.hpp"
#include "core/analysis/message_entry.hpp"
#include "core/model/command.hpp"
#include "core/model/enums.hpp"
#include "core/model/values.hpp"
#include "core/store/store.hpp"

namespace liaison::app {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> splitTokens(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == ';') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct Completion {
  std::vector<std::string> candidates;
};

int completeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackCompletion) return 0;
  const auto* c = static_cast<const Completion*>(data->UserData);
  const std::string before(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const std::string after = QuickEntry::completeLast(before, c->candidates);
  if (after != before) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, after.c_str());
  }
  return 0;
}

}  // namespace

std::string QuickEntry::completeLast(const std::string& text,
                                     const std::vector<std::string>& candidates) {
  const std::size_t cut = text.find_last_of(" ,;>");
  const std::size_t start = cut == std::string::npos ? 0 : cut + 1;
  const std::string prefix = lower(text.substr(start));
  std::vector<const std::string*> hits;
  for (const std::string& c : candidates)
    if (lower(c).rfind(prefix, 0) == 0) hits.push_back(&c);
  if (hits.empty()) return text;
  std::string common = *hits.front();
  for (const std::string* h : hits) {
    std::size_t n = 0;
    while (n < common.size() && n < h->size() &&
           std::tolower(static_cast<unsigned char>(common[n])) ==
               std::tolower(static_cast<unsigned char>((*h)[n])))
      ++n;
    common.resize(n);
  }
  if (common.size() < prefix.size()) return text;
  return text.substr(0, start) + common + (hits.size() == 1 ? " " : "");
}

void QuickEntry::open(core::TimeUtc now) {
  m_open = true;
  m_focus = true;
  m_error.clear();
  time = core::formatTime(now);
  agencies.clear();
  kind = "note";
  text.clear();
  significant = false;
}

core::TimelineEvent QuickEntry::parse(const AppContext& ctx) const {
  core::TimelineEvent e;
  const auto t = core::parseTime(time);
  if (!t) throw std::invalid_argument("time: YYYY-MM-DDTHH:MM[:SS]Z, e.g. 2026-05-14T13:05Z");
  e.time = *t;
  std::string k = kind;
  k.erase(std::remove(k.begin(), k.end(), ' '), k.end());
  const auto parsed = core::parseEnum<core::EventKind>(lower(k));
  if (!parsed) throw std::invalid_argument("kind: " + core::validValues<core::EventKind>());
  e.kind = *parsed;
  for (const std::string& code : splitTokens(agencies)) {
    const core::Agency* hit = nullptr;
    if (ctx.snapshot)
      for (const core::Agency& a : ctx.snapshot->agencies)
        if (lower(a.code) == lower(code)) hit = &a;
    if (!hit) throw std::invalid_argument("no agency with the code " + code);
    if (std::find(e.agencies.begin(), e.agencies.end(), hit->id) == e.agencies.end())
      e.agencies.push_back(hit->id);
  }
  if (text.empty()) throw std::invalid_argument("write what happened");
  e.text = text;
  e.source = ctx.actor;
  e.significant = significant;
  if (ctx.snapshot && ctx.snapshot->mainIncident()) e.incident = ctx.snapshot->mainIncident()->id;
  return e;
}

std::optional<core::Message> QuickEntry::parseMessage(const AppContext& ctx) const {
  if (!agencies.empty() || !ctx.snapshot) return std::nullopt;
  const auto q = core::parseQuickEntry(text);
  if (!q) return std::nullopt;
  try {
    core::resolveParty(*ctx.snapshot, q->from);
  } catch (const core::PartyError&) {
    return std::nullopt;  // not a sender: an ordinary event whose text has a '>'
  }
  const auto t = core::parseTime(time);
  if (!t) throw std::invalid_argument("time: YYYY-MM-DDTHH:MM[:SS]Z, e.g. 2026-05-14T13:05Z");
  core::MessageDraft d;
  d.from = q->from;
  d.to = q->to;
  d.medium = q->medium;
  d.kind = q->kind;
  if (!d.medium && !d.kind) d.medium = core::Medium::Phone;
  d.time = *t;
  d.text = q->text;
  d.recorded_by = ctx.actor;
  try {
    return core::buildMessage(*ctx.snapshot, d);
  } catch (const core::PartyError& e) {
    std::string what = e.what();
    if (!e.candidates.empty()) {
      what += ": ";
      for (std::size_t i = 0; i < e.candidates.size() && i < 4; ++i)
        what += (i ? ", " : "") + e.candidates[i];
    }
    throw std::invalid_argument(what);
  }
}

void QuickEntry::draw(AppContext& ctx) {
  ImGuiIO& io = ImGui::GetIO();
  if (ctx.wallMode() || ctx.read_only) return;
  if (io.KeyCtrl && ImGui::IsKeyPressed('E', false)) {
    if (m_open)
      m_open = false;
    else
      open(core::nowUtc());
  }
  if (!m_open) return;
  const Theme& th = themeData(ctx.theme);
  const float em = ImGui::GetFontSize();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(vp->Size.x - 2 * em, 62 * em);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + (vp->Size.x - w) * 0.5f, vp->Pos.y + 3 * em));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, th.panel);
  ImGui::PushStyleColor(ImGuiCol_Border, th.accent);
  ImGui::Begin("Quick entry", nullptr,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  Completion agencyNames, kindNames;
  if (ctx.snapshot)
    for (const core::Agency& a : ctx.snapshot->agencies) agencyNames.candidates.push_back(a.code);
  for (const auto& [k, name] : core::EnumTable<core::EventKind>::values)
    kindNames.candidates.emplace_back(name);
  // The text may be a message, "RCFD>TVRR phone: text": Tab completes codes, people and media.
  Completion parties = agencyNames;
  if (ctx.snapshot)
    for (const core::Representative& r : ctx.snapshot->representatives)
      parties.candidates.push_back(r.name);
  for (const auto& [k, name] : core::EnumTable<core::Medium>::values)
    parties.candidates.emplace_back(name);

  bool submit = false;
  ImGui::SetNextItemWidth(11 * em);
  ImGui::InputText("##qe-time", &time);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Time (UTC); defaults to now");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(9 * em);
  ImGui::InputTextWithHint("##qe-agencies", "agencies (Tab)", &agencies,
                           ImGuiInputTextFlags_CallbackCompletion, completeCallback, &agencyNames);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(6 * em);
  ImGui::InputTextWithHint("##qe-kind", "kind (Tab)", &kind, ImGuiInputTextFlags_CallbackCompletion,
                           completeCallback, &kindNames);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 8 * em);
  if (m_focus) {
    ImGui::SetKeyboardFocusHere();
    m_focus = false;
  }
  if (ImGui::InputTextWithHint("##qe-text",
                               "What happened, or a message: RCFD>TVRR phone: text (Enter to log, "
                               "Esc to close)",
                               &text,
                               ImGuiInputTextFlags_EnterReturnsTrue |
                                   ImGuiInputTextFlags_CallbackCompletion,
                               completeCallback, &parties))
    submit = true;
  ImGui::SameLine();
  ImGui::Checkbox("Significant", &significant);
  if (!m_error.empty()) ImGui::TextColored(th.danger, "%s", m_error.c_str());
  if (submit) {
    try {
      if (auto m = parseMessage(ctx))
        ctx.outbox.command(core::put(*m));
      else
        ctx.outbox.command(core::put(parse(ctx)));
      m_open = false;
    } catch (const std::invalid_argument& e) {
      m_error = e.what();
      m_focus = true;
    }
  }
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) m_open = false;
  ImGui::End();
  ImGui::PopStyleColor(2);
}

}  // namespace liaison::app
