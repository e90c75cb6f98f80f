// Entities as the journal's JSON images, driven by the field tables (entity_fields.hpp).
#include "core/model/entity_json.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/model/entity_fields.hpp"
#include "core/model/enums.hpp"

namespace liaison::core {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void bad(std::string_view key, const std::string& what) {
  throw std::invalid_argument("entity JSON: key \"" + std::string(key) + "\": " + what);
}

Json lonLat(const LonLat& p) {
  return Json::array({p.lon, p.lat});
}

LonLat readLonLat(const Json& p, std::string_view key) {
  if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
    bad(key, "expected [lon, lat]");
  return LonLat{p[0].get<double>(), p[1].get<double>()};
}

template <class R>
Json toJson(const R& record);
template <class R>
R fromJson(const Json& j);

// The JSON of fields that no table describes generically.
Json customJson(const std::vector<ContactMethod>& contacts) {
  Json out = Json::array();
  for (const ContactMethod& c : contacts) out.push_back(toJson(c));
  return out;
}
Json customJson(const std::vector<std::vector<LonLat>>& rings) {
  Json out = Json::array();
  for (const auto& ring : rings) {
    Json r = Json::array();
    for (const LonLat& p : ring) r.push_back(lonLat(p));
    out.push_back(std::move(r));
  }
  return out;
}
void customRead(const Json& v, std::string_view key, std::vector<ContactMethod>& out) {
  if (!v.is_array()) bad(key, "expected an array");
  for (const Json& c : v) {
    if (!c.is_object()) bad(key, "expected an array of objects");
    out.push_back(fromJson<ContactMethod>(c));
  }
}
void customRead(const Json& v, std::string_view key, std::vector<std::vector<LonLat>>& out) {
  if (!v.is_array()) bad(key, "expected an array of rings");
  for (const Json& rj : v) {
    if (!rj.is_array()) bad(key, "expected an array of [lon, lat]");
    std::vector<LonLat> ring;
    for (const Json& p : rj) ring.push_back(readLonLat(p, key));
    out.push_back(std::move(ring));
  }
}

template <class F>
Json fieldJson(const F& f, const typename F::value_type& v) {
  using T = typename F::value_type;
  using fields::Kind;
  if constexpr (std::is_enum_v<T>) {
    return Json(toString(v));
  } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
    return v ? lonLat(*v) : Json(nullptr);
  } else if constexpr (std::is_same_v<T, std::vector<ContactMethod>> ||
                       std::is_same_v<T, std::vector<std::vector<LonLat>>>) {
    return customJson(v);
  } else if constexpr (std::is_same_v<T, NetworkEffect>) {
    return Json(f.spelling.format(v));
  } else {
    if constexpr (std::is_integral_v<T>)
      if (f.spelling.format) return Json(f.spelling.format(v));
    if constexpr (requires { v.has_value(); })
      return v ? Json(*v) : Json(nullptr);
    else
      return Json(v);
  }
}

template <class F>
void readField(const F& f, const Json& v, typename F::value_type& out) {
  using T = typename F::value_type;
  const std::string_view key = f.key;
  try {
    if constexpr (std::is_enum_v<T>) {
      if (!v.is_string()) bad(key, "expected a string");
      auto e = parseEnum<T>(v.template get<std::string>());
      if (!e) bad(key, "expected " + validValues<T>());
      out = *e;
    } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
      out = readLonLat(v, key);
    } else if constexpr (std::is_same_v<T, std::vector<ContactMethod>> ||
                         std::is_same_v<T, std::vector<std::vector<LonLat>>>) {
      customRead(v, key, out);
    } else if constexpr (std::is_same_v<T, NetworkEffect>) {
      if (!v.is_string()) bad(key, "expected a string");
      auto e = f.spelling.parse(v.template get<std::string>());
      if (!e) bad(key, "not a network effect");
      out = *e;
    } else if constexpr (std::is_integral_v<T>) {
      if (f.spelling.parse && v.is_string()) {
        auto e = f.spelling.parse(v.template get<std::string>());
        if (!e) bad(key, "not a valid value");
        out = *e;
      } else {
        out = v.template get<T>();
      }
    } else if constexpr (requires { out.has_value(); }) {
      out = v.template get<typename T::value_type>();
    } else {
      out = v.template get<T>();
    }
  } catch (const Json::exception& e) {
    bad(key, e.what());
  }
}

template <class R>
Json toJson(const R& record) {
  Json j = Json::object();
  fields::forEach<R>([&](const auto& f) { j[std::string(f.key)] = fieldJson(f, f.get(record)); });
  return j;
}

template <class R>
R fromJson(const Json& j) {
  R record;
  fields::forEach<R>([&](const auto& f) {
    auto it = j.find(std::string(f.key));
    if (it == j.end() || it->is_null()) return;
    readField(f, *it, f.get(record));
  });
  return record;
}

template <std::size_t I = 0>
Entity entityOfKind(EntityKind kind, const Json& j) {
  if constexpr (I == std::variant_size_v<Entity>) {
    throw std::invalid_argument("entity JSON: unknown entity kind");
  } else {
    if (static_cast<std::size_t>(kind) == I)
      return fromJson<std::variant_alternative_t<I, Entity>>(j);
    return entityOfKind<I + 1>(kind, j);
  }
}

Json parseObject(std::string_view json) {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    throw std::invalid_argument("entity JSON: not a JSON object");
  return j;
}

}  // namespace

std::string entityToJson(const Entity& e) {
  return std::visit([](const auto& v) { return toJson(v).dump(); }, e);
}

Entity entityFromJson(EntityKind kind, std::string_view json) {
  return entityOfKind(kind, parseObject(json));
}

template <class R>
std::string recordToJson(const R& record) {
  return toJson(record).dump();
}
template <class R>
R recordFromJson(std::string_view json) {
  return fromJson<R>(parseObject(json));
}

template std::string recordToJson(const Inject&);
template std::string recordToJson(const InjectStatus&);
template std::string recordToJson(const ExerciseClock&);
template std::string recordToJson(const Observation&);
template Inject recordFromJson(std::string_view);
template InjectStatus recordFromJson(std::string_view);
template ExerciseClock recordFromJson(std::string_view);
template Observation recordFromJson(std::string_view);

}  // namespace liaison::core
