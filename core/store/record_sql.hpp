// SQL for any record with a field table (core/model/entity_fields.hpp): its column list, the
// statements that read, upsert and delete one row, and binding and reading of the columns.
// Id lists live in child tables (owner, ordinal, value); Table<R>::owner names the owner
// column. Used by store_rows.cpp (entities) and exercise_store.cpp (the exercise's records).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include "core/model/entity_fields.hpp"
#include "core/model/enums.hpp"
#include "core/model/errors.hpp"
#include "core/store/sqlite_util.hpp"

namespace liaison::core::sqlrec {

inline std::string ident(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

// The SQL columns of one field (none for id lists and fields kept outside the table).
template <class F>
std::vector<std::string> columnsOf(const F& f) {
  using T = typename F::value_type;
  if (!f.inSql() || f.kind == fields::Kind::IdList) return {};
  if constexpr (std::is_same_v<T, std::optional<LonLat>>) return {"lon", "lat"};
  return {std::string(f.sqlName())};
}

template <class R>
std::vector<std::string> columns() {
  std::vector<std::string> out;
  fields::forEach<R>([&](const auto& f) {
    for (auto& c : columnsOf(f)) out.push_back(std::move(c));
  });
  return out;
}

template <class R>
std::string columnList() {
  std::string out;
  for (const std::string& c : columns<R>()) out += (out.empty() ? "" : ", ") + ident(c);
  return out;
}

std::string ringsJson(const std::vector<std::vector<LonLat>>& rings);
std::vector<std::vector<LonLat>> parseRings(const std::string& text, std::string_view table,
                                            std::int64_t row);

// Binds the record's columns from parameter `i` on (1-based); returns the next index.
template <class R>
int bind(sql::Stmt& st, int i, const R& r) {
  fields::forEach<R>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    if (!f.inSql() || f.kind == fields::Kind::IdList) return;
    const T& v = f.get(r);
    if constexpr (std::is_enum_v<T>) {
      st.bind(i++, toString(v));
    } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
      if (v) {
        st.bind(i, v->lon).bind(i + 1, v->lat);
      } else {
        st.bindNull(i).bindNull(i + 1);
      }
      i += 2;
    } else if constexpr (std::is_same_v<T, std::vector<std::vector<LonLat>>>) {
      st.bind(i++, ringsJson(v));
    } else if constexpr (std::is_same_v<T, NetworkEffect>) {
      st.bind(i++, f.spelling.format(v));
    } else if constexpr (std::is_same_v<T, std::vector<ContactMethod>> ||
                         std::is_same_v<T, std::vector<Id>>) {
      // kept in child tables by store_rows.cpp
    } else if constexpr (std::is_same_v<T, Id>) {
      if (f.kind == fields::Kind::Ref)
        st.bindRef(i++, v);
      else
        st.bind(i++, v);
    } else {
      st.bind(i++, v);
    }
  });
  return i;
}

template <class E>
E enumColumn(const sql::Stmt& st, int col, std::string_view table, std::int64_t row) {
  std::string text = st.text(col);
  if (auto v = parseEnum<E>(text)) return *v;
  throw StoreError("workspace table " + std::string(table) + " row " + std::to_string(row) +
                   ": unknown value \"" + text + "\" (expected " + validValues<E>() + ")");
}

// Reads the record's columns from result column `col` on (0-based); returns the next column.
// `row` names the row in error messages (its id).
template <class R>
int read(const sql::Stmt& st, int col, R& r, std::int64_t row) {
  constexpr std::string_view table = fields::Table<R>::table;
  fields::forEach<R>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    if (!f.inSql() || f.kind == fields::Kind::IdList) return;
    T& v = f.get(r);
    if constexpr (std::is_enum_v<T>) {
      v = enumColumn<T>(st, col++, table, row);
    } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
      if (!st.isNull(col) && !st.isNull(col + 1))
        v = LonLat{st.real(col), st.real(col + 1)};
      else
        v.reset();
      col += 2;
    } else if constexpr (std::is_same_v<T, std::vector<std::vector<LonLat>>>) {
      v = parseRings(st.text(col++), table, row);
    } else if constexpr (std::is_same_v<T, NetworkEffect>) {
      v = f.spelling.parse(st.text(col++)).value_or(NetworkEffect{});
    } else if constexpr (std::is_same_v<T, std::vector<ContactMethod>> ||
                         std::is_same_v<T, std::vector<Id>>) {
      // kept in child tables by store_rows.cpp
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = st.text(col++);
    } else if constexpr (std::is_same_v<T, bool>) {
      v = st.boolean(col++);
    } else if constexpr (std::is_same_v<T, double>) {
      v = st.real(col++);
    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
      if (st.isNull(col))
        v.reset();
      else
        v = st.real(col);
      ++col;
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
      if (st.isNull(col))
        v.reset();
      else
        v = st.i64(col);
      ++col;
    } else {
      static_assert(std::is_integral_v<T>);
      v = static_cast<T>(st.i64(col++));
    }
  });
  return col;
}

// The statements of one table whose rows are keyed by `id` (or the record's Id field).
struct Statements {
  std::string selectOne, selectAll, upsert, erase, exists, maxId;
};

template <class R>
std::string idColumn() {
  std::string name = "id";
  fields::forEach<R>([&](const auto& f) {
    if (f.kind == fields::Kind::Id) name = std::string(f.sqlName());
  });
  return name;
}

template <class R>
Statements statements() {
  const std::string table = ident(fields::Table<R>::table), key = ident(idColumn<R>());
  const std::vector<std::string> cols = columns<R>();
  std::string list, params, set;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    list += (i ? ", " : "") + ident(cols[i]);
    params += i ? ", ?" : "?";
    if (ident(cols[i]) != key) set += (set.empty() ? "" : ", ") + ident(cols[i]) + " = excluded." + ident(cols[i]);
  }
  Statements s;
  s.selectOne = "SELECT " + list + " FROM " + table + " WHERE " + key + " = ?";
  s.selectAll = "SELECT " + list + " FROM " + table + " ORDER BY " + key;
  s.upsert = "INSERT INTO " + table + " (" + list + ") VALUES (" + params + ") ON CONFLICT (" +
             key + ") DO UPDATE SET " + set;
  s.erase = "DELETE FROM " + table + " WHERE " + key + " = ?";
  s.exists = "SELECT 1 FROM " + table + " WHERE " + key + " = ?";
  s.maxId = "SELECT COALESCE(MAX(" + key + "), 0) + 1 FROM " + table;
  return s;
}

// One id list's child table.
struct ChildStatements {
  std::string one, all, del, ins, referrers;
};

template <class R, class F>
ChildStatements childStatements(const F& f) {
  const std::string child = ident(f.rules.child), owner = ident(fields::Table<R>::owner),
                    value = ident(f.rules.column);
  ChildStatements s;
  s.one = "SELECT " + value + " FROM " + child + " WHERE " + owner + " = ? ORDER BY ordinal";
  s.all = "SELECT " + owner + ", " + value + " FROM " + child + " ORDER BY " + owner + ", ordinal";
  s.del = "DELETE FROM " + child + " WHERE " + owner + " = ?";
  s.ins = "INSERT INTO " + child + " (" + owner + ", ordinal, " + value + ") VALUES (?, ?, ?)";
  s.referrers = "SELECT DISTINCT " + owner + " FROM " + child + " WHERE " + value + " = ?1";
  return s;
}

}  // namespace liaison::core::sqlrec
