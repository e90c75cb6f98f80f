// The mapping between entities and the workspace's tables (schema.cpp), from the field tables
// (core/model/entity_fields.hpp): read, write and delete one entity, find what refers to it,
// and read everything into a Snapshot. Used by Store inside its transactions; holds a cache
// of prepared statements.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"
#include "core/store/sqlite_util.hpp"

namespace liaison::core {

class StoreRows {
 public:
  explicit StoreRows(sqlite3* db) : m_db(db) {}

  // sqlText must outlive the cache (string literals).
  sql::Stmt& stmt(const char* sqlText);

  bool exists(EntityKind kind, Id id);
  Id nextId(EntityKind kind);  // max(id) + 1
  std::optional<Entity> read(EntityKind kind, Id id);
  void write(const Entity& e);  // insert or update, with its child rows
  void erase(EntityKind kind, Id id);

  // Every entity that refers to `id` of `target`, in entity-kind then id order, and whether
  // removing the target removes it (a required reference, a channel's endpoint) or only
  // detaches it (see detachReference in core/model/references.hpp).
  struct Referrer {
    EntityKind kind;
    Id id;
    bool remove;
  };
  std::vector<Referrer> referrers(EntityKind target, Id id);

  // Every entity, each vector sorted by id. Call inside a read transaction.
  void loadAll(Snapshot& s);

  static const char* table(EntityKind kind);
  sqlite3* handle() const { return m_db; }

 private:
  template <class R>
  void loadKind(Snapshot& s);
  std::vector<Id> ids(const char* sqlText, Id id);
  sqlite3* m_db;
  std::unordered_map<const char*, sql::Stmt> m_cache;
};

}  // namespace liaison::core
