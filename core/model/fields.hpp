// Field tables: each record's fields described once (name, kind, where it is stored, how it is
// checked), so that the SQL row binding, the journal's JSON images, the scenario CSV columns
// and their validation messages, and the store's validation rules all come from one list.
// The tables themselves are in entity_fields.hpp; the media that read them are
// entity_json.cpp (journal images), store/store_rows.cpp and store/exercise_store.cpp (SQL),
// formats/scenario_*.cpp (CSV) and validate_entity.cpp (rules).
//
// Adding an ordinary field to an entity is one line in its table (plus the member in
// model.hpp and a migration in store/schema.cpp that adds the column); a test compares every
// table with the schema the migrations build.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "core/model/model.hpp"

namespace liaison::core::fields {

// How a field is represented. The C++ type of the member follows from it (noted beside each).
enum class Kind {
  Id,            // Id: the record's own id, > 0
  Ref,           // Id: another record's id, 0 = none (SQL NULL)
  Text,          // std::string
  Integer,       // int or std::int64_t
  OptInteger,    // std::optional<std::int64_t>
  Real,          // double
  OptReal,       // std::optional<double>
  Bool,          // bool
  Time,          // TimeUtc
  OptTime,       // std::optional<TimeUtc>
  Enum,          // an enumeration with an EnumTable (enums.hpp)
  IdList,        // std::vector<Id>: a child table (owner, ordinal, value) in SQL, "1;2" in CSV
  Position,      // std::optional<LonLat>: columns lon, lat in SQL; [lon, lat] in JSON; lat, lon in CSV
  Spelled,       // any T with a Spelling: text in JSON, SQL and CSV
  Custom,        // handled by each medium by hand (contacts, rings); listed so nothing is missed
};

// A value written as text by a pair of functions (an inject's network effect).
template <class T>
struct Spelling {
  std::string (*format)(const T&) = nullptr;
  std::optional<T> (*parse)(std::string_view) = nullptr;
};

// The null string view means "the same as the key"; "" means "not there".
inline constexpr std::string_view kSame{};
inline constexpr std::string_view kNone{"", 0};

inline constexpr double kNoMin = -std::numeric_limits<double>::infinity();
inline constexpr double kNoMax = std::numeric_limits<double>::infinity();

struct Rules {
  std::string_view sql = kSame;  // column of the record's table
  std::string_view csv = kSame;  // scenario CSV column
  // Text: must not be empty. Ref: must be set. Other kinds: the CSV cell must be given (there
  // is no default). Required CSV columns must be present in the header.
  bool required = false;
  bool csvRequired = false;  // required in the scenario CSV only (stricter than the store)
  double min = kNoMin, max = kNoMax;  // numbers (Integer, Real, OptReal)
  // What a valid value is, in words: "a number from 0 to 1". Used by the CSV reader
  // ("expected ...") and the store's rules ("it must be ...").
  std::string_view valid{};
  std::string_view what{};                // an enumeration's name in messages: "agency type"
  EntityKind target = EntityKind::Agency;  // Ref, IdList
  std::string_view child{};               // IdList: child table; its value column is `column`
  std::string_view column{};
  std::string_view yes{}, no{};  // Bool: the CSV words for true / false (default "true"/"false")
  bool distinct = false;     // IdList: each id at most once
  // Ref: removing the referenced record removes this one too (always so for required refs);
  // otherwise the reference is cleared. Id lists always just drop the id.
  bool removeWith = false;
};

template <class Owner, class T>
struct Field {
  using owner_type = Owner;
  using value_type = T;
  std::string_view key;  // JSON key; the SQL and CSV name unless Rules says otherwise
  T Owner::*member;
  Kind kind;
  Rules rules;
  Spelling<T> spelling{};

  constexpr std::string_view sqlName() const {
    return rules.sql.data() == nullptr ? key : rules.sql;
  }
  constexpr std::string_view csvName() const {
    return rules.csv.data() == nullptr ? key : rules.csv;
  }
  constexpr bool inSql() const { return !(rules.sql.data() != nullptr && rules.sql.empty()); }
  constexpr bool inCsv() const { return !(rules.csv.data() != nullptr && rules.csv.empty()); }
  const T& get(const Owner& o) const { return o.*member; }
  T& get(Owner& o) const { return o.*member; }
};

// ---- builders -------------------------------------------------------------------------------

template <class O>
constexpr Field<O, Id> id(Id O::*m, std::string_view key = "id") {
  return {key, m, Kind::Id, Rules{.required = true}};
}
template <class O>
constexpr Field<O, Id> ref(std::string_view key, Id O::*m, EntityKind target, Rules r = {}) {
  r.target = target;
  return {key, m, Kind::Ref, r};
}
template <class O>
constexpr Field<O, std::string> text(std::string_view key, std::string O::*m, Rules r = {}) {
  return {key, m, Kind::Text, r};
}
template <class O, class I>
constexpr Field<O, I> integer(std::string_view key, I O::*m, Rules r = {}) {
  static_assert(std::is_integral_v<I>);
  return {key, m, Kind::Integer, r};
}
template <class O>
constexpr Field<O, std::optional<std::int64_t>> optInteger(std::string_view key,
                                                           std::optional<std::int64_t> O::*m,
                                                           Rules r = {}) {
  return {key, m, Kind::OptInteger, r};
}
template <class O>
constexpr Field<O, double> real(std::string_view key, double O::*m, Rules r = {}) {
  return {key, m, Kind::Real, r};
}
template <class O>
constexpr Field<O, std::optional<double>> optReal(std::string_view key,
                                                  std::optional<double> O::*m, Rules r = {}) {
  return {key, m, Kind::OptReal, r};
}
template <class O>
constexpr Field<O, bool> flag(std::string_view key, bool O::*m, Rules r = {}) {
  return {key, m, Kind::Bool, r};
}
template <class O>
constexpr Field<O, TimeUtc> time(std::string_view key, TimeUtc O::*m, Rules r = {}) {
  return {key, m, Kind::Time, r};
}
template <class O>
constexpr Field<O, std::optional<TimeUtc>> optTime(std::string_view key,
                                                   std::optional<TimeUtc> O::*m, Rules r = {}) {
  return {key, m, Kind::OptTime, r};
}
template <class O, class E>
constexpr Field<O, E> enumeration(std::string_view key, E O::*m, std::string_view what,
                                  Rules r = {}) {
  static_assert(std::is_enum_v<E>);
  r.what = what;
  return {key, m, Kind::Enum, r};
}
template <class O>
constexpr Field<O, std::vector<Id>> idList(std::string_view key, std::vector<Id> O::*m,
                                           EntityKind target, std::string_view child,
                                           std::string_view column, Rules r = {}) {
  r.target = target;
  r.child = child;
  r.column = column;
  r.distinct = true;
  return {key, m, Kind::IdList, r};
}
template <class O>
constexpr Field<O, std::optional<LonLat>> position(std::string_view key,
                                                   std::optional<LonLat> O::*m, Rules r = {}) {
  return {key, m, Kind::Position, r};
}
template <class O, class T>
constexpr Field<O, T> spelled(std::string_view key, T O::*m, Spelling<T> s, Rules r = {}) {
  return {key, m, Kind::Spelled, r, s};
}
template <class O, class T>
constexpr Field<O, T> custom(std::string_view key, T O::*m, Rules r = {}) {
  return {key, m, Kind::Custom, r};
}

// ---- iteration ------------------------------------------------------------------------------

// Specialised in entity_fields.hpp for every record: `table` (SQL), `fields` (a tuple of Field).
template <class Record>
struct Table;

template <class Record, class F>
constexpr void forEach(F&& f) {
  std::apply([&](const auto&... field) { (f(field), ...); }, Table<Record>::fields);
}

template <class Record>
constexpr bool hasTable = requires { Table<Record>::fields; };

// The field named `key` of a record, as a callback (nothing when there is none).
template <class Record, class F>
constexpr void withField(std::string_view key, F&& f) {
  forEach<Record>([&](const auto& field) {
    if (field.key == key) f(field);
  });
}

// Number range check shared by the CSV reader and the rules.
inline bool inRange(double v, const Rules& r) {
  return std::isfinite(v) && v >= r.min && v <= r.max;
}

}  // namespace liaison::core::fields
