#include "core/model/entity_json.hpp"

#include <nlohmann/json.hpp>

#include <stdexcept>

#include "core/model/enums.hpp"

namespace liaison::core {

namespace {

using Json = nlohmann::ordered_json;

// ---- writing ----

template <class E>
std::string_view spell(E v) {
  return toString(v);
}

Json lonLat(const LonLat& p) {
  return Json::array({p.lon, p.lat});
}

Json toJson(const Agency& a) {
  Json j;
  j["id"] = a.id;
  j["code"] = a.code;
  j["name"] = a.name;
  j["type"] = spell(a.type);
  j["role"] = spell(a.role);
  j["discipline"] = a.discipline;
  j["jurisdiction"] = a.jurisdiction;
  j["location"] = a.location;
  j["position"] = a.position ? lonLat(*a.position) : Json(nullptr);
  j["agreements"] = a.agreements;
  j["resources"] = a.resources;
  j["personnel"] = a.personnel;
  j["condition"] = a.condition;
  j["constraints"] = a.constraints;
  j["rep_location"] = a.rep_location;
  j["notes"] = a.notes;
  return j;
}

Json toJson(const Representative& r) {
  Json j;
  j["id"] = r.id;
  j["agency"] = r.agency;
  j["name"] = r.name;
  j["position"] = r.position;
  j["shift"] = r.shift;
  j["on_duty"] = r.on_duty;
  Json contacts = Json::array();
  for (const ContactMethod& c : r.contacts) {
    Json cj;
    cj["kind"] = spell(c.kind);
    cj["value"] = c.value;
    cj["sensitive"] = c.sensitive;
    cj["note"] = c.note;
    contacts.push_back(std::move(cj));
  }
  j["contacts"] = std::move(contacts);
  return j;
}

Json toJson(const Channel& c) {
  Json j;
  j["id"] = c.id;
  j["from_rep"] = c.from_rep;
  j["to_rep"] = c.to_rep;
  j["from_agency"] = c.from_agency;
  j["to_agency"] = c.to_agency;
  j["medium"] = spell(c.medium);
  j["identifier"] = c.identifier;
  j["latency_min"] = c.latency_min;
  j["reliability"] = c.reliability;
  j["status"] = spell(c.status);
  j["two_way"] = c.two_way;
  j["notes"] = c.notes;
  return j;
}

Json toJson(const Need& n) {
  Json j;
  j["id"] = n.id;
  j["agency_a"] = n.agency_a;
  j["agency_b"] = n.agency_b;
  j["reason"] = n.reason;
  j["priority"] = spell(n.priority);
  j["source"] = spell(n.source);
  j["task"] = n.task;
  return j;
}

Json toJson(const Incident& i) {
  Json j;
  j["id"] = i.id;
  j["name"] = i.name;
  j["number"] = i.number;
  j["kind"] = i.kind;
  j["exercise"] = i.exercise;
  j["start"] = i.start;
  j["end"] = i.end ? Json(*i.end) : Json(nullptr);
  j["location"] = i.location;
  j["description"] = i.description;
  return j;
}

Json toJson(const OperationalPeriod& p) {
  Json j;
  j["id"] = p.id;
  j["incident"] = p.incident;
  j["number"] = p.number;
  j["start"] = p.start;
  j["end"] = p.end;
  j["objectives"] = p.objectives;
  return j;
}

Json toJson(const TimelineEvent& e) {
  Json j;
  j["id"] = e.id;
  j["incident"] = e.incident;
  j["time"] = e.time;
  j["kind"] = spell(e.kind);
  j["agencies"] = e.agencies;
  j["text"] = e.text;
  j["source"] = e.source;
  j["significant"] = e.significant;
  return j;
}

Json toJson(const Task& t) {
  Json j;
  j["id"] = t.id;
  j["incident"] = t.incident;
  j["title"] = t.title;
  j["description"] = t.description;
  j["status"] = spell(t.status);
  j["priority"] = spell(t.priority);
  j["owner_agency"] = t.owner_agency;
  j["owner_rep"] = t.owner_rep;
  j["involved"] = t.involved;
  j["due"] = t.due ? Json(*t.due) : Json(nullptr);
  j["depends_on"] = t.depends_on;
  return j;
}

Json toJson(const MapFeature& f) {
  Json j;
  j["id"] = f.id;
  j["geometry"] = spell(f.geometry);
  j["kind"] = spell(f.kind);
  j["label"] = f.label;
  j["agency"] = f.agency;
  j["incident"] = f.incident;
  j["layer"] = f.layer;
  Json rings = Json::array();
  for (const auto& ring : f.rings) {
    Json r = Json::array();
    for (const LonLat& p : ring) r.push_back(lonLat(p));
    rings.push_back(std::move(r));
  }
  j["rings"] = std::move(rings);
  j["properties_json"] = f.properties_json;
  return j;
}

// ---- reading ----

[[noreturn]] void bad(const char* key, const std::string& what) {
  throw std::invalid_argument(std::string("entity JSON: key \"") + key + "\": " + what);
}

template <class T>
void get(const Json& j, const char* key, T& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  try {
    out = it->template get<T>();
  } catch (const Json::exception& e) {
    bad(key, e.what());
  }
}

template <class E>
void getEnum(const Json& j, const char* key, E& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_string()) bad(key, "expected a string");
  auto v = parseEnum<E>(it->template get<std::string>());
  if (!v) bad(key, "expected " + validValues<E>());
  out = *v;
}

LonLat readLonLat(const Json& p, const char* key) {
  if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
    bad(key, "expected [lon, lat]");
  return LonLat{p[0].get<double>(), p[1].get<double>()};
}

template <class T>
T readAs(const Json& j);

template <>
Agency readAs<Agency>(const Json& j) {
  Agency a;
  get(j, "id", a.id);
  get(j, "code", a.code);
  get(j, "name", a.name);
  getEnum(j, "type", a.type);
  getEnum(j, "role", a.role);
  get(j, "discipline", a.discipline);
  get(j, "jurisdiction", a.jurisdiction);
  get(j, "location", a.location);
  if (auto it = j.find("position"); it != j.end() && !it->is_null())
    a.position = readLonLat(*it, "position");
  get(j, "agreements", a.agreements);
  get(j, "resources", a.resources);
  get(j, "personnel", a.personnel);
  get(j, "condition", a.condition);
  get(j, "constraints", a.constraints);
  get(j, "rep_location", a.rep_location);
  get(j, "notes", a.notes);
  return a;
}

template <>
Representative readAs<Representative>(const Json& j) {
  Representative r;
  get(j, "id", r.id);
  get(j, "agency", r.agency);
  get(j, "name", r.name);
  get(j, "position", r.position);
  get(j, "shift", r.shift);
  get(j, "on_duty", r.on_duty);
  if (auto it = j.find("contacts"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) bad("contacts", "expected an array");
    for (const Json& cj : *it) {
      ContactMethod c;
      getEnum(cj, "kind", c.kind);
      get(cj, "value", c.value);
      get(cj, "sensitive", c.sensitive);
      get(cj, "note", c.note);
      r.contacts.push_back(std::move(c));
    }
  }
  return r;
}

template <>
Channel readAs<Channel>(const Json& j) {
  Channel c;
  get(j, "id", c.id);
  get(j, "from_rep", c.from_rep);
  get(j, "to_rep", c.to_rep);
  get(j, "from_agency", c.from_agency);
  get(j, "to_agency", c.to_agency);
  getEnum(j, "medium", c.medium);
  get(j, "identifier", c.identifier);
  get(j, "latency_min", c.latency_min);
  get(j, "reliability", c.reliability);
  getEnum(j, "status", c.status);
  get(j, "two_way", c.two_way);
  get(j, "notes", c.notes);
  return c;
}

template <>
Need readAs<Need>(const Json& j) {
  Need n;
  get(j, "id", n.id);
  get(j, "agency_a", n.agency_a);
  get(j, "agency_b", n.agency_b);
  get(j, "reason", n.reason);
  getEnum(j, "priority", n.priority);
  getEnum(j, "source", n.source);
  get(j, "task", n.task);
  return n;
}

template <>
Incident readAs<Incident>(const Json& j) {
  Incident i;
  get(j, "id", i.id);
  get(j, "name", i.name);
  get(j, "number", i.number);
  get(j, "kind", i.kind);
  get(j, "exercise", i.exercise);
  get(j, "start", i.start);
  if (auto it = j.find("end"); it != j.end() && !it->is_null()) {
    TimeUtc end = 0;
    get(j, "end", end);
    i.end = end;
  }
  get(j, "location", i.location);
  get(j, "description", i.description);
  return i;
}

template <>
OperationalPeriod readAs<OperationalPeriod>(const Json& j) {
  OperationalPeriod p;
  get(j, "id", p.id);
  get(j, "incident", p.incident);
  get(j, "number", p.number);
  get(j, "start", p.start);
  get(j, "end", p.end);
  get(j, "objectives", p.objectives);
  return p;
}

template <>
TimelineEvent readAs<TimelineEvent>(const Json& j) {
  TimelineEvent e;
  get(j, "id", e.id);
  get(j, "incident", e.incident);
  get(j, "time", e.time);
  getEnum(j, "kind", e.kind);
  get(j, "agencies", e.agencies);
  get(j, "text", e.text);
  get(j, "source", e.source);
  get(j, "significant", e.significant);
  return e;
}

template <>
Task readAs<Task>(const Json& j) {
  Task t;
  get(j, "id", t.id);
  get(j, "incident", t.incident);
  get(j, "title", t.title);
  get(j, "description", t.description);
  getEnum(j, "status", t.status);
  getEnum(j, "priority", t.priority);
  get(j, "owner_agency", t.owner_agency);
  get(j, "owner_rep", t.owner_rep);
  get(j, "involved", t.involved);
  if (auto it = j.find("due"); it != j.end() && !it->is_null()) {
    TimeUtc due = 0;
    get(j, "due", due);
    t.due = due;
  }
  get(j, "depends_on", t.depends_on);
  return t;
}

template <>
MapFeature readAs<MapFeature>(const Json& j) {
  MapFeature f;
  get(j, "id", f.id);
  getEnum(j, "geometry", f.geometry);
  getEnum(j, "kind", f.kind);
  get(j, "label", f.label);
  get(j, "agency", f.agency);
  get(j, "incident", f.incident);
  get(j, "layer", f.layer);
  if (auto it = j.find("rings"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) bad("rings", "expected an array of rings");
    for (const Json& rj : *it) {
      if (!rj.is_array()) bad("rings", "expected an array of [lon, lat]");
      std::vector<LonLat> ring;
      for (const Json& p : rj) ring.push_back(readLonLat(p, "rings"));
      f.rings.push_back(std::move(ring));
    }
  }
  get(j, "properties_json", f.properties_json);
  return f;
}

}  // namespace

std::string entityToJson(const Entity& e) {
  return std::visit([](const auto& v) { return toJson(v).dump(); }, e);
}

Entity entityFromJson(EntityKind kind, std::string_view json) {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object())
    throw std::invalid_argument("entity JSON: not a JSON object");
  switch (kind) {
    case EntityKind::Agency:
      return readAs<Agency>(j);
    case EntityKind::Representative:
      return readAs<Representative>(j);
    case EntityKind::Channel:
      return readAs<Channel>(j);
    case EntityKind::Need:
      return readAs<Need>(j);
    case EntityKind::Incident:
      return readAs<Incident>(j);
    case EntityKind::OperationalPeriod:
      return readAs<OperationalPeriod>(j);
    case EntityKind::Event:
      return readAs<TimelineEvent>(j);
    case EntityKind::Task:
      return readAs<Task>(j);
    case EntityKind::MapFeature:
      return readAs<MapFeature>(j);
  }
  throw std::invalid_argument("entity JSON: unknown entity kind");
}

}  // namespace liaison::core
