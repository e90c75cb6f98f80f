// Scenario value syntax: ids, id lists, ISO 8601 times, booleans, numbers.
#include <catch2/catch.hpp>

#include "core/model/values.hpp"

using namespace liaison::core;

TEST_CASE("values: ids are positive 64-bit integers", "[scenario]") {
  CHECK(parseId("12") == std::optional<Id>(12));
  CHECK(parseId("9223372036854775807") == std::optional<Id>(9223372036854775807));
  CHECK_FALSE(parseId("0"));
  CHECK_FALSE(parseId("-3"));
  CHECK_FALSE(parseId("9223372036854775808"));
  CHECK_FALSE(parseId("12a"));
  CHECK_FALSE(parseId(" 12"));
  CHECK_FALSE(parseId(""));
  CHECK_FALSE(parseId("1.0"));
}

TEST_CASE("values: id lists", "[scenario]") {
  CHECK(parseIdList("") == std::optional<std::vector<Id>>(std::vector<Id>{}));
  CHECK(parseIdList("3;7;12") == std::optional<std::vector<Id>>(std::vector<Id>{3, 7, 12}));
  CHECK(parseIdList("3; 7 ;12") == std::optional<std::vector<Id>>(std::vector<Id>{3, 7, 12}));
  CHECK_FALSE(parseIdList("3;;7"));
  CHECK_FALSE(parseIdList("3;"));
  CHECK_FALSE(parseIdList("3,7"));
  CHECK(formatIdList({3, 7, 12}) == "3;7;12");
  CHECK(formatIdList({}).empty());
}

TEST_CASE("values: ISO 8601 times with a zone", "[scenario]") {
  const TimeUtc t = 1778747400;  // 2026-05-14T08:30:00Z
  CHECK(parseTime("2026-05-14T08:30:00Z") == std::optional<TimeUtc>(t));
  CHECK(parseTime("2026-05-14T08:30Z") == std::optional<TimeUtc>(t));
  CHECK(parseTime("2026-05-14T10:30:00+02:00") == std::optional<TimeUtc>(t));
  CHECK(parseTime("2026-05-14T05:00-03:30") == std::optional<TimeUtc>(t));
  CHECK(parseTime("1970-01-01T00:00:00Z") == std::optional<TimeUtc>(0));
  CHECK(parseTime("1969-12-31T23:59:59Z") == std::optional<TimeUtc>(-1));
  CHECK(parseTime("2024-02-29T00:00:00Z").has_value());
  CHECK_FALSE(parseTime("2026-02-29T00:00:00Z"));  // not a leap year
  CHECK_FALSE(parseTime("2026-05-14T08:30:00"));   // no zone
  CHECK_FALSE(parseTime("2026-05-14 08:30:00Z"));
  CHECK_FALSE(parseTime("2026-13-01T00:00:00Z"));
  CHECK_FALSE(parseTime("2026-05-14T24:00:00Z"));
  CHECK_FALSE(parseTime("2026-05-14T08:60:00Z"));
  CHECK_FALSE(parseTime("2026-05-14T08:30:00+2:00"));
  CHECK_FALSE(parseTime("2026-05-14T08:30:00Zjunk"));
  CHECK_FALSE(parseTime("2026-05-14T08:30:00.5Z"));
  CHECK_FALSE(parseTime(""));
  CHECK(formatTime(t) == "2026-05-14T08:30:00Z");
  CHECK(formatTime(-1) == "1969-12-31T23:59:59Z");
  CHECK(formatTime(951782400) == "2000-02-29T00:00:00Z");
}

TEST_CASE("values: booleans and numbers", "[scenario]") {
  CHECK(parseBool("true") == std::optional<bool>(true));
  CHECK(parseBool("false") == std::optional<bool>(false));
  // As LibreOffice and Excel re-save them (TRUE/FALSE), and yes/no, 1/0, in any case.
  for (const char* yes : {"TRUE", "True", "yes", "YES", "Yes", "1"})
    CHECK(parseBool(yes) == std::optional<bool>(true));
  for (const char* no : {"FALSE", "False", "no", "NO", "0"})
    CHECK(parseBool(no) == std::optional<bool>(false));
  for (const char* neither : {"", "y", "n", "on", "off", "2", "truee", " true", "-1", "t"})
    CHECK_FALSE(parseBool(neither));
  CHECK(parseNumber("0.5") == std::optional<double>(0.5));
  CHECK(parseNumber("-77.1945") == std::optional<double>(-77.1945));
  CHECK(parseNumber("1e3") == std::optional<double>(1000));
  CHECK_FALSE(parseNumber("0,5"));
  CHECK_FALSE(parseNumber("+1"));
  CHECK_FALSE(parseNumber("inf"));
  CHECK_FALSE(parseNumber("nan"));
  CHECK_FALSE(parseNumber("1e999"));
  CHECK_FALSE(parseNumber(" 1"));
  CHECK_FALSE(parseNumber("fast"));
  CHECK(parseInteger("46") == std::optional<long long>(46));
  CHECK_FALSE(parseInteger("4.5"));
  CHECK_FALSE(parseInteger("99999999999999999999"));
  CHECK(formatNumber(0.1) == "0.1");
  CHECK(formatNumber(-77.1945) == "-77.1945");
  CHECK(formatNumber(2.0) == "2");
  CHECK(formatNumber(-0.0) == "0");
  CHECK(formatNumber(1.0 / 3.0) == "0.3333333333333333");
  for (double v : {0.1, 1.0 / 3.0, 41.2033, 1e-7, 123456789.125})
    CHECK(parseNumber(formatNumber(v)) == std::optional<double>(v));
}
