// A record's scenario CSV columns, read and written from its field table
// (core/model/entity_fields.hpp): the header, the typed reading of one row with located
// messages, and the cells of one record for export. What the tables cannot say (rules across
// fields and files) stays with the scenario importer.
#pragma once

#include <functional>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "core/formats/csv_table.hpp"
#include "core/model/entity_fields.hpp"

namespace liaison::core::csvrec {

// The CSV columns of a record in file order; Position fields give "lat", "lon".
template <class R>
std::vector<ColumnSpec> columns() {
  std::vector<ColumnSpec> out;
  fields::forEach<R>([&](const auto& f) {
    if (!f.inCsv() || f.kind == fields::Kind::Custom) return;
    const bool required =
        f.kind == fields::Kind::Id || f.rules.required || f.rules.csvRequired;
    if (f.kind == fields::Kind::Position) {
      out.push_back({"lat", false});
      out.push_back({"lon", false});
    } else {
      out.push_back({std::string(f.csvName()), required});
    }
  });
  return out;
}

// Called for every reference read: (column, target kind, id), so that the caller can check,
// once every file is read, that it exists.
using OnReference = std::function<void(std::string_view column, EntityKind target, Id id)>;

template <class F>
void readField(const RowReader& row, const F& f, typename F::value_type& v,
               const OnReference& onRef) {
  using T = typename F::value_type;
  using fields::Kind;
  const std::string_view col = f.csvName();
  const bool required = f.rules.required || f.rules.csvRequired;
  const std::string valid(f.rules.valid);
  if constexpr (std::is_same_v<T, std::string>) {
    v = row.text(col, f.rules.required);
  } else if constexpr (std::is_enum_v<T>) {
    v = row.enumeration<T>(col, required ? std::nullopt : std::optional<T>(v), f.rules.what);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (f.rules.yes.empty()) {
      v = row.boolean(col, v);
    } else {
      const Cell c = row.cell(col);
      if (c.text == f.rules.no) {
        v = false;
      } else if (c.text == f.rules.yes) {
        v = true;
      } else if (!c.empty()) {
        row.fail(c, std::string(col) + " " + quote(c.text) + " is not a valid " +
                        std::string(col) + "; expected one of " + std::string(f.rules.yes) +
                        " or " + std::string(f.rules.no));
      }
    }
  } else if constexpr (std::is_same_v<T, double>) {
    if (auto n = row.number(col, required, f.rules.min, f.rules.max, valid)) v = *n;
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    v = row.number(col, false, f.rules.min, f.rules.max, valid);
  } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
    const Cell c = row.cell(col);
    if (f.kind == Kind::OptTime)
      v = row.optionalTime(col);
    else if (c.empty())
      v.reset();
    else
      v = row.integer<std::int64_t>(col, 0, static_cast<long long>(f.rules.min), valid,
                                    std::numeric_limits<long long>::max());
  } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
    v = row.idList(col);
    for (Id id : v) onRef(col, f.rules.target, id);
  } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
    const auto lat = row.number("lat", false, -90, 90, "a latitude from -90 to 90");
    const auto lon = row.number("lon", false, -180, 180, "a longitude from -180 to 180");
    if (lat.has_value() != lon.has_value()) {
      const Cell missing = row.cell(lat ? "lon" : "lat");
      row.fail(missing.present() ? missing : row.cell(lat ? "lat" : "lon"),
               std::string(lat ? "lon" : "lat") + " is empty but " + (lat ? "lat" : "lon") +
                   " is set; expected both lat and lon, or neither");
    }
    if (lat)
      v = LonLat{*lon, *lat};
    else
      v.reset();
  } else if constexpr (std::is_integral_v<T>) {
    if (f.kind == Kind::Id) {
      v = row.id(col);
    } else if (f.kind == Kind::Ref) {
      v = required ? row.id(col) : row.optionalId(col);
      if (v != 0) onRef(col, f.rules.target, v);
    } else if (f.kind == Kind::Time) {
      v = row.time(col);
    } else {
      if (required && row.cell(col).empty())
        row.fail(row.cell(col), std::string(col) + " is empty; expected " + valid);
      v = row.integer<T>(col, v, static_cast<long long>(f.rules.min), valid);
    }
  }
}

// One record from one CSV row (fields not in the CSV keep their defaults).
template <class R>
R read(const RowReader& row, const OnReference& onRef) {
  R r;
  fields::forEach<R>([&](const auto& f) {
    if (!f.inCsv() || f.kind == fields::Kind::Custom) return;
    readField(row, f, f.get(r), onRef);
  });
  return r;
}

template <class F>
void formatField(const F& f, const typename F::value_type& v, std::vector<std::string>& out) {
  using T = typename F::value_type;
  using fields::Kind;
  if constexpr (std::is_same_v<T, std::string>) {
    out.push_back(v);
  } else if constexpr (std::is_enum_v<T>) {
    out.emplace_back(toString(v));
  } else if constexpr (std::is_same_v<T, bool>) {
    if (f.rules.yes.empty())
      out.emplace_back(formatBool(v));
    else
      out.emplace_back(v ? f.rules.yes : f.rules.no);
  } else if constexpr (std::is_same_v<T, double>) {
    out.push_back(formatNumber(v));
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    out.push_back(v ? formatNumber(*v) : "");
  } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
    if (f.kind == Kind::OptTime)
      out.push_back(v ? formatTime(*v) : "");
    else
      out.push_back(v ? std::to_string(*v) : "");
  } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
    out.push_back(formatIdList(v));
  } else if constexpr (std::is_same_v<T, std::optional<LonLat>>) {
    out.push_back(v ? formatNumber(v->lat) : "");
    out.push_back(v ? formatNumber(v->lon) : "");
  } else if constexpr (std::is_integral_v<T>) {
    if (f.kind == Kind::Time)
      out.push_back(formatTime(v));
    else if (f.kind == Kind::Ref)
      out.push_back(v == 0 ? "" : std::to_string(v));
    else
      out.push_back(std::to_string(v));
  }
}

// The cells of one record, in columns() order.
template <class R>
std::vector<std::string> format(const R& r) {
  std::vector<std::string> out;
  fields::forEach<R>([&](const auto& f) {
    if (!f.inCsv() || f.kind == fields::Kind::Custom) return;
    formatField(f, f.get(r), out);
  });
  return out;
}

}  // namespace liaison::core::csvrec
