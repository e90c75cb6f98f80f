// RFC 4180 CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, LF or CRLF,
// quoted fields with commas, doubled quotes and line breaks. Every field remembers the physical
// line where it starts and its 1-based field index, so errors can point at a cell.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/formats/utf8.hpp"  // findInvalidUtf8

namespace liaison::core {

// A malformed file: line and column are 1-based (column = field index in the record).
class CsvError : public std::runtime_error {
 public:
  CsvError(int line, int column, const std::string& reason)
      : std::runtime_error(reason), m_line(line), m_column(column) {}
  int line() const { return m_line; }
  int column() const { return m_column; }

 private:
  int m_line, m_column;
};

struct CsvField {
  std::string text;  // unquoted, "" undoubled; line breaks inside quotes kept as written
  int line = 0;      // physical line where the field starts (1-based)
  int column = 0;    // field index in its record (1-based)
};

struct CsvRecord {
  int line = 0;  // physical line where the record starts
  std::vector<CsvField> fields;
};

// The largest cell read (docs/scenario-format.md, "Files and limits").
inline constexpr std::size_t kMaxCsvCellBytes = 1 << 20;

// Splits the whole text into records (the header is the first). Lines that are completely empty
// are skipped. Throws CsvError for an unclosed quote, a stray quote, invalid UTF-8 in a field,
// or a cell larger than kMaxCsvCellBytes.
std::vector<CsvRecord> parseCsv(std::string_view text);

// Appends one record with minimal quoting and an LF.
void appendCsvRecord(std::string& out, const std::vector<std::string>& fields);
std::string quoteCsvField(std::string_view field);

}  // namespace liaison::core
