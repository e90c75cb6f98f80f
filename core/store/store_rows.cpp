// Entities <-> the workspace's tables, driven by the field tables (see record_sql.hpp).
#include "core/store/store_rows.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <set>

#include "core/model/entity_fields.hpp"
#include "core/model/enums.hpp"
#include "core/model/errors.hpp"
#include "core/model/references.hpp"
#include "core/store/record_sql.hpp"

namespace liaison::core {

namespace sqlrec {

std::string ringsJson(const std::vector<std::vector<LonLat>>& rings) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& ring : rings) {
    nlohmann::json r = nlohmann::json::array();
    for (const LonLat& p : ring) r.push_back({p.lon, p.lat});
    j.push_back(std::move(r));
  }
  return j.dump();
}

std::vector<std::vector<LonLat>> parseRings(const std::string& text, std::string_view table,
                                            std::int64_t row) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  std::vector<std::vector<LonLat>> rings;
  auto badRings = [&] {
    return StoreError("workspace table " + std::string(table) + " row " + std::to_string(row) +
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

}  // namespace sqlrec

namespace {

// Everything the store says to SQLite about one entity type, built once.
struct EntitySql {
  sqlrec::Statements rows;
  struct Child {
    std::string_view key;
    sqlrec::ChildStatements sql;
  };
  std::vector<Child> children;  // one per id list, in field order
  // One query per field referring to another kind: (target kind, removeWith, SQL ?1 = id).
  struct Referring {
    EntityKind target;
    bool removeWith;
    std::string sql;
  };
  std::vector<Referring> referring;
  // Contacts (representatives only).
  std::string contactsOne, contactsAll, contactsIns;
};

template <class R>
EntitySql build() {
  EntitySql s;
  s.rows = sqlrec::statements<R>();
  const std::string table = sqlrec::ident(fields::Table<R>::table);
  fields::forEach<R>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    if constexpr (std::is_same_v<T, std::vector<Id>>) {
      if (f.kind == fields::Kind::IdList) {
        s.children.push_back({f.key, sqlrec::childStatements<R>(f)});
        s.referring.push_back({f.rules.target, false, s.children.back().sql.referrers});
      }
    } else if constexpr (std::is_same_v<T, Id>) {
      if (f.kind == fields::Kind::Ref)
        s.referring.push_back({f.rules.target, f.rules.required || f.rules.removeWith,
                               "SELECT id FROM " + table + " WHERE " +
                                   sqlrec::ident(f.sqlName()) + " = ?1"});
    }
  });
  if constexpr (std::is_same_v<R, Representative>) {
    const std::string cols = sqlrec::columnList<ContactMethod>();
    s.contactsOne = "SELECT " + cols + " FROM rep_contacts WHERE rep = ? ORDER BY ordinal";
    s.contactsAll = "SELECT rep, " + cols + " FROM rep_contacts ORDER BY rep, ordinal";
    std::string params;
    for (std::size_t i = 0; i < sqlrec::columns<ContactMethod>().size(); ++i) params += ", ?";
    s.contactsIns = "INSERT INTO rep_contacts (rep, ordinal, " + cols + ") VALUES (?, ?" +
                    params + ")";
  }
  return s;
}

template <std::size_t... I>
std::array<EntitySql, sizeof...(I)> buildAll(std::index_sequence<I...>) {
  return {build<std::variant_alternative_t<I, Entity>>()...};
}

const EntitySql& sqlOf(EntityKind k) {
  static const auto all = buildAll(std::make_index_sequence<std::variant_size_v<Entity>>());
  return all[static_cast<std::size_t>(k)];
}

template <class R>
R readRecord(const sql::Stmt& st) {
  R r;
  sqlrec::read(st, 0, r, st.i64(0));
  return r;
}

template <std::size_t I = 0>
Entity readEntity(EntityKind kind, const sql::Stmt& st) {
  if constexpr (I == std::variant_size_v<Entity>) {
    throw StoreError("unknown entity kind");
  } else {
    if (static_cast<std::size_t>(kind) == I)
      return readRecord<std::variant_alternative_t<I, Entity>>(st);
    return readEntity<I + 1>(kind, st);
  }
}

ContactMethod readContact(const sql::Stmt& s, int first) {
  ContactMethod c;
  sqlrec::read(s, first, c, s.i64(0));
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

// The id list of record r named `key`.
template <class R>
std::vector<Id>* idListOf(R& r, std::string_view key) {
  std::vector<Id>* out = nullptr;
  fields::forEach<R>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    if constexpr (std::is_same_v<T, std::vector<Id>>)
      if (f.key == key) out = &f.get(r);
  });
  return out;
}

}  // namespace

const char* StoreRows::table(EntityKind kind) {
  static const auto names = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<std::string, sizeof...(I)>{
        std::string(fields::Table<std::variant_alternative_t<I, Entity>>::table)...};
  }(std::make_index_sequence<std::variant_size_v<Entity>>());
  return names[static_cast<std::size_t>(kind)].c_str();
}

sql::Stmt& StoreRows::stmt(const char* sqlText) {
  auto it = m_cache.find(sqlText);
  if (it == m_cache.end()) it = m_cache.emplace(sqlText, sql::Stmt(m_db, sqlText)).first;
  it->second.reset();
  return it->second;
}

bool StoreRows::exists(EntityKind kind, Id id) {
  if (id <= 0) return false;
  sql::Stmt& st = stmt(sqlOf(kind).rows.exists.c_str());
  st.bind(1, id);
  bool found = st.step();
  st.reset();
  return found;
}

Id StoreRows::nextId(EntityKind kind) {
  sql::Stmt& st = stmt(sqlOf(kind).rows.maxId.c_str());
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
  const EntitySql& q = sqlOf(kind);
  sql::Stmt& st = stmt(q.rows.selectOne.c_str());
  st.bind(1, id);
  if (!st.step()) {
    st.reset();
    return std::nullopt;
  }
  Entity e = readEntity(kind, st);
  st.reset();
  std::visit(
      [&](auto& r) {
        for (const auto& child : q.children)
          if (std::vector<Id>* list = idListOf(r, child.key)) *list = ids(child.sql.one.c_str(), id);
      },
      e);
  if (auto* r = std::get_if<Representative>(&e)) {
    sql::Stmt& c = stmt(q.contactsOne.c_str());
    c.bind(1, id);
    while (c.step()) r->contacts.push_back(readContact(c, 0));
    c.reset();
  }
  return e;
}

void StoreRows::write(const Entity& e) {
  const EntityKind kind = kindOf(e);
  const EntitySql& q = sqlOf(kind);
  sql::Stmt& st = stmt(q.rows.upsert.c_str());
  std::visit([&](const auto& v) { sqlrec::bind(st, 1, v); }, e);
  st.run();
  const Id id = idOf(e);
  std::visit(
      [&](const auto& r) {
        auto& mutableRecord = const_cast<std::decay_t<decltype(r)>&>(r);
        for (const auto& child : q.children) {
          const std::vector<Id>* list = idListOf(mutableRecord, child.key);
          stmt(child.sql.del.c_str()).bind(1, id).run();
          for (std::size_t i = 0; i < list->size(); ++i)
            stmt(child.sql.ins.c_str())
                .bind(1, id)
                .bind(2, static_cast<std::int64_t>(i))
                .bind(3, (*list)[i])
                .run();
        }
      },
      e);
  if (const auto* r = std::get_if<Representative>(&e)) {
    stmt("DELETE FROM rep_contacts WHERE rep = ?").bind(1, id).run();
    for (std::size_t i = 0; i < r->contacts.size(); ++i) {
      sql::Stmt& ins = stmt(q.contactsIns.c_str());
      ins.bind(1, id).bind(2, static_cast<std::int64_t>(i));
      sqlrec::bind(ins, 3, r->contacts[i]);
      ins.run();
    }
  }
}

void StoreRows::erase(EntityKind kind, Id id) {
  // Child rows go with ON DELETE CASCADE.
  stmt(sqlOf(kind).rows.erase.c_str()).bind(1, id).run();
}

std::vector<StoreRows::Referrer> StoreRows::referrers(EntityKind target, Id id) {
  std::vector<Referrer> out;
  for (std::size_t k = 0; k < std::variant_size_v<Entity>; ++k) {
    const auto kind = static_cast<EntityKind>(k);
    std::map<Id, bool> found;  // id -> remove
    for (const auto& r : sqlOf(kind).referring) {
      if (r.target != target) continue;
      for (Id other : ids(r.sql.c_str(), id)) found[other] = found[other] || r.removeWith;
    }
    for (const auto& [other, remove] : found) out.push_back({kind, other, remove});
  }
  return out;
}

void StoreRows::loadAll(Snapshot& s) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (loadKind<std::variant_alternative_t<I, Entity>>(s), ...);
  }(std::make_index_sequence<std::variant_size_v<Entity>>());
}

template <class R>
void StoreRows::loadKind(Snapshot& s) {
  const EntitySql& q = sqlOf(entityKindOf<R>());
  std::vector<R>& out = s.all<R>();
  sql::Stmt& st = stmt(q.rows.selectAll.c_str());
  while (st.step()) out.push_back(readRecord<R>(st));
  st.reset();
  for (const auto& child : q.children)
    mergeChildren(out, stmt(child.sql.all.c_str()), [&](R& r, sql::Stmt& c) {
      idListOf(r, child.key)->push_back(c.i64(1));
    });
  if constexpr (std::is_same_v<R, Representative>)
    mergeChildren(out, stmt(q.contactsAll.c_str()),
                  [](Representative& r, sql::Stmt& c) { r.contacts.push_back(readContact(c, 1)); });
}

}  // namespace liaison::core
