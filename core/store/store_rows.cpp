#include "core/store/store_rows.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>

#include "core/model/enums.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

namespace {

struct TableDef {
  const char* name;
  std::vector<const char*> cols;
  std::string selectOne, selectAll, upsert, erase, exists, maxId;
};

TableDef makeTable(const char* name, std::vector<const char*> cols) {
  TableDef t{name, std::move(cols), {}, {}, {}, {}, {}, {}};
  std::string list, params, set;
  for (std::size_t i = 0; i < t.cols.size(); ++i) {
    if (i > 0) {
      list += ", ";
      params += ", ";
    }
    list += t.cols[i];
    params += '?';
    if (i > 0) {
      if (i > 1) set += ", ";
      set += std::string(t.cols[i]) + " = excluded." + t.cols[i];
    }
  }
  t.selectOne = "SELECT " + list + " FROM " + name + " WHERE id = ?";
  t.selectAll = "SELECT " + list + " FROM " + name + " ORDER BY id";
  t.upsert = "INSERT INTO " + std::string(name) + " (" + list + ") VALUES (" + params +
             ") ON CONFLICT (id) DO UPDATE SET " + set;
  t.erase = "DELETE FROM " + std::string(name) + " WHERE id = ?";
  t.exists = "SELECT 1 FROM " + std::string(name) + " WHERE id = ?";
  t.maxId = "SELECT COALESCE(MAX(id), 0) + 1 FROM " + std::string(name);
  return t;
}

// Indexed by EntityKind; the column order is the order read*/bind* below use.
const std::array<TableDef, 9>& tables() {
  static const std::array<TableDef, 9> defs = {
      makeTable("agencies", {"id", "code", "name", "type", "role", "discipline", "jurisdiction",
                             "location", "lon", "lat", "agreements", "resources", "personnel",
                             "condition", "constraints", "rep_location", "notes"}),
      makeTable("representatives", {"id", "agency", "name", "position", "shift", "on_duty"}),
      makeTable("channels",
                {"id", "from_rep", "to_rep", "from_agency", "to_agency", "medium", "identifier",
                 "latency_min", "reliability", "status", "two_way", "notes"}),
      makeTable("needs", {"id", "agency_a", "agency_b", "reason", "priority", "source", "task"}),
      makeTable("incidents", {"id", "name", "number", "kind", "exercise", "start", "\"end\"",
                              "location", "description"}),
      makeTable("periods", {"id", "incident", "number", "start", "\"end\"", "objectives"}),
      makeTable("events", {"id", "incident", "time", "kind", "text", "source", "significant"}),
      makeTable("tasks", {"id", "incident", "title", "description", "status", "priority",
                          "owner_agency", "owner_rep", "due"}),
      makeTable("map_features", {"id", "geometry", "kind", "label", "agency", "incident", "layer",
                                 "rings", "properties"}),
  };
  return defs;
}

const TableDef& def(EntityKind k) {
  return tables()[static_cast<std::size_t>(k)];
}

template <class E>
E enumCol(const sql::Stmt& st, int col, const char* table) {
  std::string text = st.text(col);
  if (auto v = parseEnum<E>(text)) return *v;
  throw StoreError(std::string("workspace table ") + table + " row " + std::to_string(st.i64(0)) +
                   ": unknown value \"" + text + "\" (expected " + validValues<E>() + ")");
}

std::optional<TimeUtc> optTime(const sql::Stmt& st, int col) {
  if (st.isNull(col)) return std::nullopt;
  return st.i64(col);
}

// ---- rows -> structs (columns as in tables()) ----

Agency readAgency(const sql::Stmt& s) {
  Agency a;
  a.id = s.i64(0);
  a.code = s.text(1);
  a.name = s.text(2);
  a.type = enumCol<AgencyType>(s, 3, "agencies");
  a.role = enumCol<AgencyRole>(s, 4, "agencies");
  a.discipline = s.text(5);
  a.jurisdiction = s.text(6);
  a.location = s.text(7);
  if (!s.isNull(8) && !s.isNull(9)) a.position = LonLat{s.real(8), s.real(9)};
  a.agreements = s.text(10);
  a.resources = s.text(11);
  a.personnel = s.i32(12);
  a.condition = s.text(13);
  a.constraints = s.text(14);
  a.rep_location = s.text(15);
  a.notes = s.text(16);
  return a;
}

Representative readRep(const sql::Stmt& s) {
  Representative r;
  r.id = s.i64(0);
  r.agency = s.i64(1);
  r.name = s.text(2);
  r.position = s.text(3);
  r.shift = s.text(4);
  r.on_duty = s.boolean(5);
  return r;
}

Channel readChannel(const sql::Stmt& s) {
  Channel c;
  c.id = s.i64(0);
  c.from_rep = s.i64(1);
  c.to_rep = s.i64(2);
  c.from_agency = s.i64(3);
  c.to_agency = s.i64(4);
  c.medium = enumCol<Medium>(s, 5, "channels");
  c.identifier = s.text(6);
  c.latency_min = s.real(7);
  c.reliability = s.real(8);
  c.status = enumCol<ChannelStatus>(s, 9, "channels");
  c.two_way = s.boolean(10);
  c.notes = s.text(11);
  return c;
}

Need readNeed(const sql::Stmt& s) {
  Need n;
  n.id = s.i64(0);
  n.agency_a = s.i64(1);
  n.agency_b = s.i64(2);
  n.reason = s.text(3);
  n.priority = enumCol<Priority>(s, 4, "needs");
  n.source = enumCol<NeedSource>(s, 5, "needs");
  n.task = s.i64(6);
  return n;
}

Incident readIncident(const sql::Stmt& s) {
  Incident i;
  i.id = s.i64(0);
  i.name = s.text(1);
  i.number = s.text(2);
  i.kind = s.text(3);
  i.exercise = s.boolean(4);
  i.start = s.i64(5);
  i.end = optTime(s, 6);
  i.location = s.text(7);
  i.description = s.text(8);
  return i;
}

OperationalPeriod readPeriod(const sql::Stmt& s) {
  OperationalPeriod p;
  p.id = s.i64(0);
  p.incident = s.i64(1);
  p.number = s.i32(2);
  p.start = s.i64(3);
  p.end = s.i64(4);
  p.objectives = s.text(5);
  return p;
}

TimelineEvent readEvent(const sql::Stmt& s) {
  TimelineEvent e;
  e.id = s.i64(0);
  e.incident = s.i64(1);
  e.time = s.i64(2);
  e.kind = enumCol<EventKind>(s, 3, "events");
  e.text = s.text(4);
  e.source = s.text(5);
  e.significant = s.boolean(6);
  return e;
}

Task readTask(const sql::Stmt& s) {
  Task t;
  t.id = s.i64(0);
  t.incident = s.i64(1);
  t.title = s.text(2);
  t.description = s.text(3);
  t.status = enumCol<TaskStatus>(s, 4, "tasks");
  t.priority = enumCol<Priority>(s, 5, "tasks");
  t.owner_agency = s.i64(6);
  t.owner_rep = s.i64(7);
  t.due = optTime(s, 8);
  return t;
}

std::vector<std::vector<LonLat>> parseRings(const std::string& text, Id id) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::vector<LonLat>> rings;
  auto badRings = [&] {
    return StoreError("workspace table map_features row " + std::to_string(id) +
                      ": rings are not [[[lon, lat], ...], ...]");
  };
  if (!j.is_array()) throw badRings();
  for (const auto& rj : j) {
    if (!rj.is_array()) throw badRings();
    std::vector<LonLat> ring;
    ring.reserve(rj.size());
    for (const auto& p : rj) {
      if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
        throw badRings();
      ring.push_back({p[0].get<double>(), p[1].get<double>()});
    }
    rings.push_back(std::move(ring));
  }
  return rings;
}

std::string ringsJson(const std::vector<std::vector<LonLat>>& rings) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& ring : rings) {
    nlohmann::json r = nlohmann::json::array();
    for (const LonLat& p : ring) r.push_back({p.lon, p.lat});
    j.push_back(std::move(r));
  }
  return j.dump();
}

MapFeature readFeature(const sql::Stmt& s) {
  MapFeature f;
  f.id = s.i64(0);
  f.geometry = enumCol<GeometryKind>(s, 1, "map_features");
  f.kind = enumCol<FeatureKind>(s, 2, "map_features");
  f.label = s.text(3);
  f.agency = s.i64(4);
  f.incident = s.i64(5);
  f.layer = s.text(6);
  f.rings = parseRings(s.text(7), f.id);
  f.properties_json = s.text(8);
  return f;
}

Entity readRow(EntityKind k, const sql::Stmt& s) {
  switch (k) {
    case EntityKind::Agency:
      return readAgency(s);
    case EntityKind::Representative:
      return readRep(s);
    case EntityKind::Channel:
      return readChannel(s);
    case EntityKind::Need:
      return readNeed(s);
    case EntityKind::Incident:
      return readIncident(s);
    case EntityKind::OperationalPeriod:
      return readPeriod(s);
    case EntityKind::Event:
      return readEvent(s);
    case EntityKind::Task:
      return readTask(s);
    case EntityKind::MapFeature:
      return readFeature(s);
  }
  throw StoreError("unknown entity kind");
}

// ---- structs -> parameters ----

void bindRow(sql::Stmt& s, const Agency& a) {
  s.bind(1, a.id).bind(2, a.code).bind(3, a.name).bind(4, toString(a.type));
  s.bind(5, toString(a.role)).bind(6, a.discipline).bind(7, a.jurisdiction).bind(8, a.location);
  if (a.position) {
    s.bind(9, a.position->lon).bind(10, a.position->lat);
  } else {
    s.bindNull(9).bindNull(10);
  }
  s.bind(11, a.agreements).bind(12, a.resources).bind(13, a.personnel).bind(14, a.condition);
  s.bind(15, a.constraints).bind(16, a.rep_location).bind(17, a.notes);
}

void bindRow(sql::Stmt& s, const Representative& r) {
  s.bind(1, r.id).bindRef(2, r.agency).bind(3, r.name).bind(4, r.position).bind(5, r.shift);
  s.bind(6, r.on_duty);
}

void bindRow(sql::Stmt& s, const Channel& c) {
  s.bind(1, c.id).bindRef(2, c.from_rep).bindRef(3, c.to_rep).bindRef(4, c.from_agency);
  s.bindRef(5, c.to_agency).bind(6, toString(c.medium)).bind(7, c.identifier);
  s.bind(8, c.latency_min).bind(9, c.reliability).bind(10, toString(c.status));
  s.bind(11, c.two_way).bind(12, c.notes);
}

void bindRow(sql::Stmt& s, const Need& n) {
  s.bind(1, n.id).bindRef(2, n.agency_a).bindRef(3, n.agency_b).bind(4, n.reason);
  s.bind(5, toString(n.priority)).bind(6, toString(n.source)).bindRef(7, n.task);
}

void bindRow(sql::Stmt& s, const Incident& i) {
  s.bind(1, i.id).bind(2, i.name).bind(3, i.number).bind(4, i.kind).bind(5, i.exercise);
  s.bind(6, i.start).bind(7, i.end).bind(8, i.location).bind(9, i.description);
}

void bindRow(sql::Stmt& s, const OperationalPeriod& p) {
  s.bind(1, p.id).bindRef(2, p.incident).bind(3, p.number).bind(4, p.start).bind(5, p.end);
  s.bind(6, p.objectives);
}

void bindRow(sql::Stmt& s, const TimelineEvent& e) {
  s.bind(1, e.id).bindRef(2, e.incident).bind(3, e.time).bind(4, toString(e.kind));
  s.bind(5, e.text).bind(6, e.source).bind(7, e.significant);
}

void bindRow(sql::Stmt& s, const Task& t) {
  s.bind(1, t.id).bindRef(2, t.incident).bind(3, t.title).bind(4, t.description);
  s.bind(5, toString(t.status)).bind(6, toString(t.priority)).bindRef(7, t.owner_agency);
  s.bindRef(8, t.owner_rep).bind(9, t.due);
}

void bindRow(sql::Stmt& s, const MapFeature& f) {
  s.bind(1, f.id).bind(2, toString(f.geometry)).bind(3, toString(f.kind)).bind(4, f.label);
  s.bindRef(5, f.agency).bindRef(6, f.incident).bind(7, f.layer).bind(8, ringsJson(f.rings));
  s.bind(9, f.properties_json);
}

// Child lists: (parent, ordinal, value) tables.
constexpr const char* kContactsOne =
    "SELECT kind, value, sensitive, note FROM rep_contacts WHERE rep = ? ORDER BY ordinal";
constexpr const char* kContactsAll =
    "SELECT rep, kind, value, sensitive, note FROM rep_contacts ORDER BY rep, ordinal";
constexpr const char* kContactsDel = "DELETE FROM rep_contacts WHERE rep = ?";
constexpr const char* kContactsIns =
    "INSERT INTO rep_contacts (rep, ordinal, kind, value, sensitive, note) "
    "VALUES (?, ?, ?, ?, ?, ?)";

struct IdList {
  const char* one;
  const char* all;
  const char* del;
  const char* ins;
};
constexpr IdList kEventAgencies = {
    "SELECT agency FROM event_agencies WHERE event = ? ORDER BY ordinal",
    "SELECT event, agency FROM event_agencies ORDER BY event, ordinal",
    "DELETE FROM event_agencies WHERE event = ?",
    "INSERT INTO event_agencies (event, ordinal, agency) VALUES (?, ?, ?)"};
constexpr IdList kTaskInvolved = {
    "SELECT agency FROM task_involved WHERE task = ? ORDER BY ordinal",
    "SELECT task, agency FROM task_involved ORDER BY task, ordinal",
    "DELETE FROM task_involved WHERE task = ?",
    "INSERT INTO task_involved (task, ordinal, agency) VALUES (?, ?, ?)"};
constexpr IdList kTaskDepends = {
    "SELECT depends_on FROM task_depends WHERE task = ? ORDER BY ordinal",
    "SELECT task, depends_on FROM task_depends ORDER BY task, ordinal",
    "DELETE FROM task_depends WHERE task = ?",
    "INSERT INTO task_depends (task, ordinal, depends_on) VALUES (?, ?, ?)"};

ContactMethod readContact(const sql::Stmt& s, int first) {
  ContactMethod c;
  std::string kind = s.text(first);
  auto k = parseEnum<ContactKind>(kind);
  if (!k)
    throw StoreError("workspace table rep_contacts: unknown kind \"" + kind + "\" (expected " +
                     validValues<ContactKind>() + ")");
  c.kind = *k;
  c.value = s.text(first + 1);
  c.sensitive = s.boolean(first + 2);
  c.note = s.text(first + 3);
  return c;
}

// Walks parents (sorted by id) and child rows (sorted by parent id) together.
template <class T, class Fill>
void mergeChildren(std::vector<T>& parents, sql::Stmt& children, Fill fill) {
  std::size_t p = 0;
  while (children.step()) {
    Id parent = children.i64(0);
    while (p < parents.size() && parents[p].id < parent) ++p;
    if (p < parents.size() && parents[p].id == parent) fill(parents[p], children);
  }
  children.reset();
}

template <class T>
void loadTable(sql::Stmt& st, std::vector<T>& out, T (*readFn)(const sql::Stmt&)) {
  while (st.step()) out.push_back(readFn(st));
  st.reset();
}

}  // namespace

const char* StoreRows::table(EntityKind kind) {
  return def(kind).name;
}

sql::Stmt& StoreRows::stmt(const char* sqlText) {
  auto it = m_cache.find(sqlText);
  if (it == m_cache.end()) it = m_cache.emplace(sqlText, sql::Stmt(m_db, sqlText)).first;
  it->second.reset();
  return it->second;
}

bool StoreRows::exists(EntityKind kind, Id id) {
  if (id <= 0) return false;
  sql::Stmt& st = stmt(def(kind).exists.c_str());
  st.bind(1, id);
  bool found = st.step();
  st.reset();
  return found;
}

Id StoreRows::nextId(EntityKind kind) {
  sql::Stmt& st = stmt(def(kind).maxId.c_str());
  st.step();
  Id id = st.i64(0);
  st.reset();
  return id;
}

std::vector<Id> StoreRows::ids(const char* sqlText, Id id) {
  sql::Stmt& st = stmt(sqlText);
  st.bind(1, id);
  std::vector<Id> out;
  while (st.step()) out.push_back(st.i64(0));
  st.reset();
  return out;
}

std::optional<Entity> StoreRows::read(EntityKind kind, Id id) {
  sql::Stmt& st = stmt(def(kind).selectOne.c_str());
  st.bind(1, id);
  if (!st.step()) {
    st.reset();
    return std::nullopt;
  }
  Entity e = readRow(kind, st);
  st.reset();
  if (auto* r = std::get_if<Representative>(&e)) {
    sql::Stmt& c = stmt(kContactsOne);
    c.bind(1, id);
    while (c.step()) r->contacts.push_back(readContact(c, 0));
    c.reset();
  } else if (auto* ev = std::get_if<TimelineEvent>(&e)) {
    ev->agencies = ids(kEventAgencies.one, id);
  } else if (auto* t = std::get_if<Task>(&e)) {
    t->involved = ids(kTaskInvolved.one, id);
    t->depends_on = ids(kTaskDepends.one, id);
  }
  return e;
}

namespace {

void writeIdList(StoreRows& rows, const IdList& list, Id parent, const std::vector<Id>& values) {
  sql::Stmt& del = rows.stmt(list.del);
  del.bind(1, parent).run();
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql::Stmt& ins = rows.stmt(list.ins);
    ins.bind(1, parent).bind(2, static_cast<std::int64_t>(i)).bind(3, values[i]).run();
  }
}

}  // namespace

void StoreRows::write(const Entity& e) {
  const EntityKind kind = kindOf(e);
  sql::Stmt& st = stmt(def(kind).upsert.c_str());
  std::visit([&](const auto& v) { bindRow(st, v); }, e);
  st.run();
  const Id id = idOf(e);
  if (const auto* r = std::get_if<Representative>(&e)) {
    stmt(kContactsDel).bind(1, id).run();
    for (std::size_t i = 0; i < r->contacts.size(); ++i) {
      const ContactMethod& c = r->contacts[i];
      sql::Stmt& ins = stmt(kContactsIns);
      ins.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, toString(c.kind));
      ins.bind(4, c.value).bind(5, c.sensitive).bind(6, c.note).run();
    }
  } else if (const auto* ev = std::get_if<TimelineEvent>(&e)) {
    writeIdList(*this, kEventAgencies, id, ev->agencies);
  } else if (const auto* t = std::get_if<Task>(&e)) {
    writeIdList(*this, kTaskInvolved, id, t->involved);
    writeIdList(*this, kTaskDepends, id, t->depends_on);
  }
}

void StoreRows::erase(EntityKind kind, Id id) {
  // Child rows go with ON DELETE CASCADE.
  stmt(def(kind).erase.c_str()).bind(1, id).run();
}

std::vector<Id> StoreRows::referrers(EntityKind kind, EntityKind target, Id id) {
  using K = EntityKind;
  const char* q = nullptr;
  if (target == K::Agency) {
    switch (kind) {
      case K::Representative:
        q = "SELECT id FROM representatives WHERE agency = ?1 ORDER BY id";
        break;
      case K::Channel:
        q = "SELECT id FROM channels WHERE from_agency = ?1 OR to_agency = ?1 ORDER BY id";
        break;
      case K::Need:
        q = "SELECT id FROM needs WHERE agency_a = ?1 OR agency_b = ?1 ORDER BY id";
        break;
      case K::Event:
        q = "SELECT DISTINCT event FROM event_agencies WHERE agency = ?1 ORDER BY event";
        break;
      case K::Task:
        q = "SELECT id FROM tasks WHERE owner_agency = ?1 UNION "
            "SELECT task FROM task_involved WHERE agency = ?1 ORDER BY 1";
        break;
      case K::MapFeature:
        q = "SELECT id FROM map_features WHERE agency = ?1 ORDER BY id";
        break;
      default:
        break;
    }
  } else if (target == K::Representative) {
    if (kind == K::Channel)
      q = "SELECT id FROM channels WHERE from_rep = ?1 OR to_rep = ?1 ORDER BY id";
    if (kind == K::Task) q = "SELECT id FROM tasks WHERE owner_rep = ?1 ORDER BY id";
  } else if (target == K::Incident) {
    if (kind == K::OperationalPeriod) q = "SELECT id FROM periods WHERE incident = ?1 ORDER BY id";
    if (kind == K::Event) q = "SELECT id FROM events WHERE incident = ?1 ORDER BY id";
    if (kind == K::Task) q = "SELECT id FROM tasks WHERE incident = ?1 ORDER BY id";
    if (kind == K::MapFeature) q = "SELECT id FROM map_features WHERE incident = ?1 ORDER BY id";
  } else if (target == K::Task) {
    if (kind == K::Need) q = "SELECT id FROM needs WHERE task = ?1 ORDER BY id";
    if (kind == K::Task)
      q = "SELECT DISTINCT task FROM task_depends WHERE depends_on = ?1 ORDER BY task";
  }
  if (!q) return {};
  return ids(q, id);
}

void StoreRows::loadAll(Snapshot& s) {
  using K = EntityKind;
  loadTable(stmt(def(K::Agency).selectAll.c_str()), s.agencies, &readAgency);
  loadTable(stmt(def(K::Representative).selectAll.c_str()), s.representatives, &readRep);
  mergeChildren(s.representatives, stmt(kContactsAll),
                [](Representative& r, sql::Stmt& c) { r.contacts.push_back(readContact(c, 1)); });
  loadTable(stmt(def(K::Channel).selectAll.c_str()), s.channels, &readChannel);
  loadTable(stmt(def(K::Need).selectAll.c_str()), s.needs, &readNeed);
  loadTable(stmt(def(K::Incident).selectAll.c_str()), s.incidents, &readIncident);
  loadTable(stmt(def(K::OperationalPeriod).selectAll.c_str()), s.periods, &readPeriod);
  loadTable(stmt(def(K::Event).selectAll.c_str()), s.events, &readEvent);
  mergeChildren(s.events, stmt(kEventAgencies.all),
                [](TimelineEvent& e, sql::Stmt& c) { e.agencies.push_back(c.i64(1)); });
  loadTable(stmt(def(K::Task).selectAll.c_str()), s.tasks, &readTask);
  mergeChildren(s.tasks, stmt(kTaskInvolved.all),
                [](Task& t, sql::Stmt& c) { t.involved.push_back(c.i64(1)); });
  mergeChildren(s.tasks, stmt(kTaskDepends.all),
                [](Task& t, sql::Stmt& c) { t.depends_on.push_back(c.i64(1)); });
  loadTable(stmt(def(K::MapFeature).selectAll.c_str()), s.features, &readFeature);
}

}  // namespace liaison::core
