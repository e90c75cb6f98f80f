#include "core/model/journal_summary.hpp"

#include <nlohmann/json.hpp>

#include "core/model/enums.hpp"

namespace liaison::core {

namespace {

std::string shortValue(const nlohmann::ordered_json& v) {
  constexpr std::size_t kMax = 40;
  std::string text;
  if (v.is_null()) {
    text = "none";
  } else if (v.is_string()) {
    text = v.get<std::string>();
    if (text.empty()) text = "\"\"";
  } else {
    text = v.dump();
  }
  if (text.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    text = text.substr(0, cut) + "...";
  }
  return text;
}

}  // namespace

std::string kindLabel(EntityKind kind) {
  std::string s(toString(kind));
  for (char& c : s)
    if (c == '_') c = ' ';
  return s;
}

std::string entityLabel(const Entity& e) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        auto withName = [&](const std::string& head, const std::string& name) {
          return name.empty() ? head : head + " (" + name + ")";
        };
        const std::string id = std::to_string(v.id);
        if constexpr (std::is_same_v<T, Agency>) {
          return withName(v.code.empty() ? id : v.code, v.name);
        } else if constexpr (std::is_same_v<T, Representative> || std::is_same_v<T, Incident>) {
          return withName(id, v.name);
        } else if constexpr (std::is_same_v<T, Task> || std::is_same_v<T, PublicItem>) {
          return withName(id, v.title);
        } else if constexpr (std::is_same_v<T, Objective>) {
          return withName(id, v.text.substr(0, 40));
        } else if constexpr (std::is_same_v<T, MapFeature>) {
          return withName(id, v.label);
        } else if constexpr (std::is_same_v<T, OperationalPeriod>) {
          return id + " (period " + std::to_string(v.number) + ")";
        } else {
          return id;
        }
      },
      e);
}

std::string summaryAdded(const Entity& after) {
  return "Added " + kindLabel(kindOf(after)) + " " + entityLabel(after);
}

std::string summaryRemoved(const Entity& before, const std::string& cause) {
  std::string s = "Removed " + kindLabel(kindOf(before)) + " " + entityLabel(before);
  if (!cause.empty()) s += " (" + cause + ")";
  return s;
}

std::string summaryChanged(const Entity& after, const std::string& beforeJson,
                           const std::string& afterJson) {
  const auto* agency = std::get_if<Agency>(&after);
  std::string s = "Changed " + kindLabel(kindOf(after)) + " " +
                  (agency && !agency->code.empty() ? agency->code : std::to_string(idOf(after)));
  auto b = nlohmann::ordered_json::parse(beforeJson, nullptr, false);
  auto a = nlohmann::ordered_json::parse(afterJson, nullptr, false);
  if (!a.is_object() || !b.is_object()) return s;
  constexpr int kMaxFields = 4;
  int listed = 0, more = 0;
  for (auto it = a.begin(); it != a.end(); ++it) {
    auto old = b.find(it.key());
    if (old != b.end() && *old == it.value()) continue;
    if (listed == kMaxFields) {
      ++more;
      continue;
    }
    s += listed == 0 ? ": " : ", ";
    s += it.key() + " " + (old == b.end() ? std::string("none") : shortValue(*old)) + " -> " +
         shortValue(it.value());
    ++listed;
  }
  if (more > 0) s += " and " + std::to_string(more) + " more";
  return s;
}

}  // namespace liaison::core
