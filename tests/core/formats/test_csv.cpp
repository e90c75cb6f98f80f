// The RFC 4180 reader: every field's line and column, BOM, CRLF, quoting, errors, the writer.
#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "core/formats/csv.hpp"

using namespace liaison::core;

namespace {

std::string csvError(std::string_view text) {
  try {
    parseCsv(text);
  } catch (const CsvError& e) {
    return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("csv: plain records keep their line and field index", "[csv]") {
  const auto recs = parseCsv("id,name\n1,Fire\n2,Police\n");
  REQUIRE(recs.size() == 3);
  CHECK(recs[2].line == 3);
  CHECK(recs[2].fields[1].text == "Police");
  CHECK(recs[2].fields[1].line == 3);
  CHECK(recs[2].fields[1].column == 2);
}

TEST_CASE("csv: BOM, CRLF and a missing final line break are accepted", "[csv]") {
  const auto recs = parseCsv("\xEF\xBB\xBFid,name\r\n1,Fire\r\n2,Police");
  REQUIRE(recs.size() == 3);
  CHECK(recs[0].fields[0].text == "id");    // the BOM is not part of the first name
  CHECK(recs[1].fields[1].text == "Fire");  // no stray \r
  CHECK(recs[2].fields[1].text == "Police");
  CHECK(recs[2].line == 3);
}

TEST_CASE("csv: quoted fields with commas, doubled quotes and line breaks", "[csv]") {
  const std::string text =
      "id,notes,x\n"
      "1,\"a, b\",\"say \"\"hi\"\"\"\n"
      "2,\"line one\r\nline two\nline three\",\"\"\n"
      "3,after,z\n";
  const auto recs = parseCsv(text);
  REQUIRE(recs.size() == 4);
  CHECK(recs[1].fields[1].text == "a, b");
  CHECK(recs[1].fields[2].text == "say \"hi\"");
  CHECK(recs[2].fields[1].text == "line one\r\nline two\nline three");
  CHECK(recs[2].fields[2].text.empty());
  CHECK(recs[2].fields[2].line == 5);  // starts on the line where the quoted field ended
  CHECK(recs[3].line == 6);            // the record after a multi-line field
  CHECK(recs[3].fields[2].line == 6);
  CHECK(recs[3].fields[2].column == 3);
}

TEST_CASE("csv: empty lines are skipped, empty fields kept", "[csv]") {
  const auto recs = parseCsv("a,b\n\n1,\n\n");
  REQUIRE(recs.size() == 2);
  CHECK(recs[1].line == 3);
  REQUIRE(recs[1].fields.size() == 2);
  CHECK(recs[1].fields[1].text.empty());
  CHECK(parseCsv("").empty());
}

TEST_CASE("csv: malformed quoting is refused at its field", "[csv]") {
  CHECK(csvError("a,b\n1,\"open\nstill open\n") ==
        "2:2: quoted field is not closed; add the closing double quote (\")");
  CHECK(csvError("a,b\n1,ab\"c\n") ==
        "2:2: double quote inside an unquoted field; enclose the field in double quotes and "
        "double the quote (\"\")");
  CHECK(csvError("a,b\n1,\"ab\"c\n") ==
        "2:2: text after the closing quote of a quoted field; quote the whole field and double "
        "the quotes inside it (\"\")");
}

TEST_CASE("csv: invalid UTF-8 is refused at its field", "[csv]") {
  CHECK(csvError("a,b\n1,ok\n2,\"multi\nline\",Soci\xE9t\xE9\n") ==
        "4:3: invalid UTF-8 (byte 0xE9); save the file as UTF-8");  // field 3 starts on line 4
  CHECK(csvError("a\n\xC0\xAF\n") == "2:1: invalid UTF-8 (byte 0xC0); save the file as UTF-8");
  CHECK(csvError("a\n\xED\xA0\x80\n") == "2:1: invalid UTF-8 (byte 0xED); save the file as UTF-8");
  CHECK(csvError("a\nÄ€😀\n") == "no error");
}

TEST_CASE("csv: utf-8 validation", "[csv]") {
  CHECK_FALSE(findInvalidUtf8("plain ascii, Ä, €, 😀").has_value());
  CHECK(findInvalidUtf8("ab\xE2\x82") == std::optional<std::size_t>(2));        // truncated
  CHECK(findInvalidUtf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));  // > U+10FFFF
  CHECK(findInvalidUtf8("x\xFF") == std::optional<std::size_t>(1));
}

TEST_CASE("csv: the writer quotes only what needs it and reads back the same", "[csv]") {
  std::string out;
  appendCsvRecord(out, {"1", "a, b", "say \"hi\"", "two\nlines", "", "plain"});
  CHECK(out == "1,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\n");
  const auto recs = parseCsv(out);
  REQUIRE(recs.size() == 1);
  CHECK(recs[0].fields[1].text == "a, b");
  CHECK(recs[0].fields[2].text == "say \"hi\"");
  CHECK(recs[0].fields[3].text == "two\nlines");
  CHECK(recs[0].fields[4].text.empty());
}

TEST_CASE("csv: a cell larger than 1 MB is refused where it starts", "[csv]") {
  // Typically a quote that is never closed, swallowing the rest of the file into one cell.
  const std::string text = "id,note\n1,\"" + std::string(kMaxCsvCellBytes + 10, 'x') + "\"\n2,ok\n";
  try {
    parseCsv(text);
    FAIL("read a cell of more than 1 MB");
  } catch (const CsvError& e) {
    CHECK(e.line() == 2);
    CHECK(e.column() == 2);
    CHECK(std::string(e.what()) ==
          "a cell of 1048586 bytes; expected at most 1048576 bytes in one cell (is a closing "
          "quote missing?)");
  }
  CHECK(parseCsv("id,note\n1," + std::string(kMaxCsvCellBytes, 'x') + "\n").size() == 2);
}

TEST_CASE("CSV injection: formula cells are guarded, numbers are not, and it round-trips",
          "[csv][hostile]") {
  using liaison::core::guardCsvCell;
  using liaison::core::unguardCsvCell;
  CHECK(guardCsvCell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
  CHECK(guardCsvCell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(guardCsvCell("+1 555 0142") == "'+1 555 0142");
  CHECK(guardCsvCell("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0");
  CHECK(guardCsvCell("\tx") == "'\tx");
  CHECK(guardCsvCell("\rx") == "'\rx");
  CHECK(guardCsvCell("-77.16") == "-77.16");  // a longitude is not a formula
  CHECK(guardCsvCell("+3") == "+3");
  CHECK(guardCsvCell("-") == "'-");
  CHECK(guardCsvCell("RCFD") == "RCFD");
  CHECK(guardCsvCell("") == "");
  CHECK(guardCsvCell("'=x") == "''=x");  // the escape itself is escaped
  CHECK(guardCsvCell("'quoted'") == "'quoted'");
  CHECK(unguardCsvCell("'=x") == "=x");
  CHECK(unguardCsvCell("'quoted'") == "'quoted'");
  CHECK(unguardCsvCell("'") == "'");

  // Written and read back: exactly the text written, for every cell of a random alphabet
  // rich in the characters that matter.
  const std::string alphabet = "='+-@\t\r1.a,\"\n";
  std::mt19937 rng(17);
  for (int round = 0; round < 3000; ++round) {
    std::string cell;
    const int len = static_cast<int>(rng() % 7);
    for (int i = 0; i < len; ++i) cell += alphabet[rng() % alphabet.size()];
    INFO("cell [" << cell << "]");
    std::string csv;
    liaison::core::appendCsvRecord(csv, {cell, "x"});
    const auto records = liaison::core::parseCsv(csv);
    REQUIRE(records.size() == 1);
    CHECK(records[0].fields[0].text == cell);
    // What a spreadsheet sees never starts a formula.
    const std::string written = guardCsvCell(cell);
    if (!written.empty()) {
      const char c = written[0];
      const bool formula =
          c == '=' || c == '@' || c == '\t' || c == '\r' ||
          ((c == '+' || c == '-') && !std::regex_match(written, std::regex("[+-][0-9]+(\\.[0-9]+)?")));
      CHECK_FALSE(formula);
    }
  }
}
