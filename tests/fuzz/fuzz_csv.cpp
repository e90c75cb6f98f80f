// libFuzzer target: RFC 4180 parsing, the column checks of a scenario CSV file and the typed
// reading of its rows by the field table (here channels.csv, the file with the most kinds of
// cell: ids, pairs, enums, numbers, lists). Any input: a located ImportError or rows, never a
// crash.
#include "core/formats/record_csv.hpp"
#include "fuzz_support.hpp"

using namespace liaison::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = liaison::fuzz::asText(data, size);
  try {
    parseCsv(text);
  } catch (const CsvError&) {
  }
  try {
    CsvTable table{"channels.csv", csvrec::columns<Channel>()};
    table.parse(text);
    for (std::size_t r = 0; r < table.rows(); ++r) {
      RowReader row(table, r);
      csvrec::read<Channel>(row, [](std::string_view, EntityKind, Id) {});
    }
  } catch (const ImportError&) {
  }
  return 0;
}
