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

// Every CSV file Liaison writes starts with the UTF-8 byte-order mark (so spreadsheet
// programs read accents and non-Latin names right); parseCsv skips it.
inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// Appends one record with minimal quoting and an LF. Cells are guarded (guardCsvCell).
void appendCsvRecord(std::string& out, const std::vector<std::string>& fields);
std::string quoteCsvField(std::string_view field);

// CSV injection (OWASP): a cell that starts with '=', '+', '-', '@', a tab or a carriage return
// is a formula to a spreadsheet program; written, it gets a leading apostrophe, which the
// spreadsheet shows as text. A plain number ("-77.16", "+3") is not a formula and is written
// as it is. The guard is reversible: a cell that already starts with an apostrophe before such
// a character gets one more, and parseCsv takes exactly one away, so Liaison reads back
// exactly what it wrote (a phone number "+1 555 0142" round-trips).
std::string guardCsvCell(std::string_view cell);
std::string unguardCsvCell(std::string_view cell);

}  // namespace liaison::core
