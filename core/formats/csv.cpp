// RFC 4180 reader and writer; see csv.hpp.
#include "core/formats/csv.hpp"

#include <cstdio>
#include <string>

namespace liaison::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string hexByte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

}  // namespace

std::vector<CsvRecord> parseCsv(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());

  std::vector<CsvRecord> records;
  CsvRecord record;
  CsvField field;
  bool fieldQuoted = false;
  int line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();

  const auto startField = [&](int column) {
    field = CsvField{{}, line, column};
    fieldQuoted = false;
  };
  const auto finishField = [&] {
    if (field.text.size() > kMaxCsvCellBytes)
      throw CsvError(field.line, field.column,
                     "a cell of " + std::to_string(field.text.size()) +
                         " bytes; expected at most " + std::to_string(kMaxCsvCellBytes) +
                         " bytes in one cell (is a closing quote missing?)");
    if (auto bad = findInvalidUtf8(field.text))
      throw CsvError(field.line, field.column,
                     "invalid UTF-8 (byte " +
                         hexByte(static_cast<unsigned char>(field.text[*bad])) +
                         "); save the file as UTF-8");
    if (field.text.size() > 1 && field.text[0] == '\'') field.text = unguardCsvCell(field.text);
    record.fields.push_back(std::move(field));
  };
  const auto finishRecord = [&] {
    finishField();
    const bool blank = record.fields.size() == 1 && record.fields[0].text.empty() && !fieldQuoted;
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{};
  };

  record.line = line;
  startField(1);
  if (n == 0) return records;
  while (i < n) {
    const char c = text[i];
    if (c == '"' && field.text.empty() && !fieldQuoted) {
      // Quoted field: runs to the closing quote that is not doubled.
      fieldQuoted = true;
      ++i;
      for (;;) {
        if (i >= n)
          throw CsvError(field.line, field.column,
                         "quoted field is not closed; add the closing double quote (\")");
        const char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (q == '\n') ++line;
        field.text += q;
        ++i;
      }
      if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        throw CsvError(field.line, field.column,
                       "text after the closing quote of a quoted field; quote the whole field "
                       "and double the quotes inside it (\"\")");
      continue;
    }
    if (c == ',') {
      const int next = field.column + 1;
      finishField();
      startField(next);
      ++i;
    } else if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
      finishRecord();
      ++line;
      record.line = line;
      startField(1);
    } else if (c == '"') {
      throw CsvError(line, field.column,
                     "double quote inside an unquoted field; enclose the field in double quotes "
                     "and double the quote (\"\")");
    } else {
      field.text += c;
      ++i;
    }
  }
  // The last record when the file does not end with a line break.
  const char last = text[n - 1];
  if (last != '\n' && last != '\r') finishRecord();
  return records;
}

namespace {

bool plainNumber(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t digits0 = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits0) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t frac0 = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == frac0) return false;
  }
  return i == s.size();
}

// Whether a spreadsheet would read the cell as a formula (or it is the escape of one).
bool needsGuard(std::string_view s) {
  for (;;) {
    if (s.empty()) return false;
    const char c = s[0];
    if (c == '=' || c == '@' || c == '\t' || c == '\r') return true;
    if (c == '+' || c == '-') return !plainNumber(s);
    if (c != '\'') return false;
    s.remove_prefix(1);  // an apostrophe before a guarded cell: guard it too
  }
}

}  // namespace

std::string guardCsvCell(std::string_view cell) {
  return needsGuard(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string unguardCsvCell(std::string_view cell) {
  if (cell.size() > 1 && cell[0] == '\'' && needsGuard(cell.substr(1)))
    return std::string(cell.substr(1));
  return std::string(cell);
}

std::string quoteCsvField(std::string_view raw) {
  const std::string guarded = guardCsvCell(raw);
  const std::string_view field = guarded;
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void appendCsvRecord(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += quoteCsvField(fields[i]);
  }
  out += '\n';
}

}  // namespace liaison::core
