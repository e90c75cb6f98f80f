// A CSV file read into located cells, checked against its columns (unknown, repeated and
// missing required columns, ragged lines), and the typed reading of one row's cells with
// messages that say file:line:column, what is wrong and what would be valid. Shared by the
// scenario folder and the MSEL readers.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/csv.hpp"
#include "core/formats/input_file.hpp"  // excerpt
#include "core/model/enums.hpp"
#include "core/model/errors.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

struct ColumnSpec {
  std::string name;
  bool required = false;
};

inline std::string joinNames(const std::vector<ColumnSpec>& cols, bool requiredOnly) {
  std::string out;
  for (const auto& c : cols) {
    if (requiredOnly && !c.required) continue;
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

// A cell quoted in a message: at most 60 characters, control characters shown as '?'.
inline std::string quote(std::string_view s) {
  return "'" + excerpt(s, 60) + "'";
}

// ---- reading a CSV file into located cells ---------------------------------------------------

struct Cell {
  std::string_view name;  // the column
  std::string_view text;
  int line = 0;
  int column = 0;  // 0 when the column is not in the file
  bool present() const { return column > 0; }
  bool empty() const { return text.empty(); }
};

class CsvTable {
 public:
  CsvTable(std::string file, std::vector<ColumnSpec> columns)
      : m_file(std::move(file)), m_columns(columns) {}

  const std::string& file() const { return m_file; }

  [[noreturn]] void fail(int line, int column, const std::string& reason) const {
    throw ImportError(m_file, line, column, reason);
  }
  [[noreturn]] void fail(const Cell& c, const std::string& reason) const {
    fail(c.line, c.column, reason);
  }

  void parse(std::string_view bytes) {
    std::vector<CsvRecord> records;
    try {
      records = parseCsv(bytes);
    } catch (const CsvError& e) {
      fail(e.line(), e.column(), e.what());
    }
    adopt(std::move(records));
  }

  // Records read elsewhere (a workbook's sheet: line = row, column = column number), checked
  // as a parsed file is: the header, the columns, the width of every row.
  void adopt(std::vector<CsvRecord> records) {
    m_records = std::move(records);
    if (m_records.empty())
      fail(1, 1,
           "the file is empty; expected a header line with the columns " +
               joinNames(m_columns, false));
    const CsvRecord& header = m_records.front();
    // A first line without one known column is no header of this file (another kind of CSV,
    // or not CSV at all): say so without quoting what it holds.
    if (std::none_of(header.fields.begin(), header.fields.end(), [&](const CsvField& f) {
          return std::any_of(m_columns.begin(), m_columns.end(),
                             [&](const ColumnSpec& c) { return c.name == f.text; });
        }))
      fail(header.line, 1,
           "the first line names none of the columns of " + m_file +
               ", so it is not a header of this file; expected a header line with the columns " +
               joinNames(m_columns, false));
    for (const CsvField& f : header.fields) {
      const auto known = std::find_if(m_columns.begin(), m_columns.end(),
                                      [&](const ColumnSpec& c) { return c.name == f.text; });
      if (known == m_columns.end())
        fail(f.line, f.column,
             "unexpected column " + quote(f.text) + "; valid columns are " +
                 joinNames(m_columns, false));
      if (m_index.contains(f.text))
        fail(f.line, f.column,
             "column " + quote(f.text) + " appears twice (first as column " +
                 std::to_string(m_index[f.text] + 1) + "); expected each column once");
      m_index[f.text] = static_cast<std::size_t>(f.column - 1);
    }
    for (const auto& c : m_columns)
      if (c.required && !m_index.contains(c.name))
        fail(header.line, 1,
             "missing required column " + quote(c.name) + "; required columns are " +
                 joinNames(m_columns, true));
    const std::size_t width = header.fields.size();
    for (std::size_t r = 1; r < m_records.size(); ++r) {
      const auto& fields = m_records[r].fields;
      if (fields.size() == width) continue;
      const CsvField& at = fields.size() > width ? fields[width] : fields.back();
      fail(at.line, static_cast<int>(std::min(fields.size(), width) + 1),
           "the line has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(width) + "; expected " + std::to_string(width) +
               " fields (an empty cell still needs its comma)");
    }
  }

  std::size_t rows() const { return m_records.empty() ? 0 : m_records.size() - 1; }
  int rowLine(std::size_t row) const { return m_records[row + 1].line; }

  Cell cell(std::size_t row, std::string_view column) const {
    const CsvRecord& rec = m_records[row + 1];
    const auto it = m_index.find(column);
    if (it == m_index.end()) return Cell{column, {}, rec.line, 0};
    const CsvField& f = rec.fields[it->second];
    return Cell{column, f.text, f.line, f.column};
  }

 private:
  std::string m_file;
  std::vector<ColumnSpec> m_columns;
  std::vector<CsvRecord> m_records;
  std::map<std::string, std::size_t, std::less<>> m_index;
};

// Reads the cells of one row into typed values, refusing bad ones with a located message.
class RowReader {
 public:
  RowReader(const CsvTable& table, std::size_t row) : m_table(table), m_row(row) {}

  Cell cell(std::string_view column) const { return m_table.cell(m_row, column); }
  int line() const { return m_table.rowLine(m_row); }
  const std::string& file() const { return m_table.file(); }
  [[noreturn]] void fail(const Cell& c, const std::string& reason) const {
    m_table.fail(c, reason);
  }

  std::string text(std::string_view column, bool required = false) const {
    const Cell c = cell(column);
    if (required && c.text.find_first_not_of(" \t\r\n") == std::string_view::npos)
      fail(c, std::string(column) + " is empty; expected a non-empty text");
    return std::string(c.text);
  }

  Id id(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty())
      fail(c, std::string(column) + " is empty; expected an id (a positive whole number)");
    return parseIdCell(c);
  }
  Id optionalId(std::string_view column) const {
    const Cell c = cell(column);
    return c.empty() ? 0 : parseIdCell(c);
  }

  std::vector<Id> idList(std::string_view column) const {
    const Cell c = cell(column);
    auto ids = parseIdList(c.text);
    if (!ids)
      fail(c, std::string(column) + " " + quote(c.text) +
                  " is not a list of ids; expected positive whole numbers separated by ';', "
                  "e.g. 3;7;12");
    for (std::size_t i = 0; i < ids->size(); ++i)
      for (std::size_t k = 0; k < i; ++k)
        if ((*ids)[i] == (*ids)[k])
          fail(c, std::string(column) + " lists " + std::to_string((*ids)[i]) +
                      " twice; expected each id once");
    return *ids;
  }

  TimeUtc time(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty()) fail(c, std::string(column) + " is empty; expected a time, " + kTimeExample);
    return parseTimeCell(c);
  }
  std::optional<TimeUtc> optionalTime(std::string_view column) const {
    const Cell c = cell(column);
    if (c.empty()) return std::nullopt;
    return parseTimeCell(c);
  }

  bool boolean(std::string_view column, bool fallback) const {
    const Cell c = cell(column);
    if (c.empty()) return fallback;
    auto b = parseBool(c.text);
    if (!b)
      fail(c,
           std::string(column) + " " + quote(c.text) + " is not a boolean; expected true or false (TRUE/FALSE, yes/no and 1/0 are read too)");
    return *b;
  }

  // A number in [lo, hi]; `range` describes the range for the message.
  std::optional<double> number(std::string_view column, bool required, double lo, double hi,
                               const std::string& range) const {
    const Cell c = cell(column);
    if (c.empty()) {
      if (required) fail(c, std::string(column) + " is empty; expected " + range);
      return std::nullopt;
    }
    auto v = parseNumber(c.text);
    if (!v)
      fail(c, std::string(column) + " " + quote(c.text) + " is not a number; expected " + range +
                  " with a dot as decimal separator");
    if (*v < lo || *v > hi)
      fail(c,
           std::string(column) + " " + excerpt(c.text, 60) + " is out of range; expected " + range);
    return v;
  }

  template <class I = int>
  I integer(std::string_view column, I fallback, long long lo, const std::string& range,
            long long hi = 1'000'000'000) const {
    const Cell c = cell(column);
    if (c.empty()) return fallback;
    auto v = parseInteger(c.text);
    if (!v) {
      const bool digitsOnly = c.text.find_first_not_of("-0123456789") == std::string_view::npos;
      fail(c,
           std::string(column) + " " + quote(c.text) +
               (digitsOnly ? " is out of range; expected " : " is not a whole number; expected ") +
               range);
    }
    if (*v < lo || *v > hi)
      fail(c,
           std::string(column) + " " + excerpt(c.text, 60) + " is out of range; expected " + range);
    return static_cast<I>(*v);
  }

  template <class E>
  E enumeration(std::string_view column, std::optional<E> fallback, std::string_view what) const {
    const Cell c = cell(column);
    if (c.empty()) {
      if (fallback) return *fallback;
      fail(c, std::string(column) + " is empty; expected one of " + validValues<E>());
    }
    auto v = parseEnum<E>(c.text);
    if (!v)
      fail(c, std::string(column) + " " + quote(c.text) + " is not a valid " + std::string(what) +
                  "; expected one of " + validValues<E>());
    return *v;
  }

  static constexpr const char* kTimeExample =
      "ISO 8601 with a zone, e.g. 2026-05-14T08:30:00Z or 2026-05-14T10:30:00+02:00";

 private:
  Id parseIdCell(const Cell& c) const {
    auto v = parseId(c.text);
    if (!v)
      fail(c, std::string(c.name) + " " + quote(c.text) +
                  " is not a valid id; expected a positive whole number, e.g. 12");
    return *v;
  }
  TimeUtc parseTimeCell(const Cell& c) const {
    auto v = parseTime(c.text);
    if (!v)
      fail(c, std::string(c.name) + " " + quote(c.text) + " is not a valid time; expected " +
                  kTimeExample);
    return *v;
  }

  const CsvTable& m_table;
  std::size_t m_row;
};

}  // namespace liaison::core
