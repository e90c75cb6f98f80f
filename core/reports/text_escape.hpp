// The one HTML escaping of core/: every value a report or form writes into HTML goes through
// htmlEscape (&, <, >, " and ' as entities), so no value can open a tag or end an attribute.
// CSV has one quoting too, below the reports in core/formats/csv.hpp (quoteCsvField,
// appendCsvRecord), because the scenario and MSEL writers need it as well.
#pragma once

#include <string>
#include <string_view>

namespace liaison::core {

std::string htmlEscape(std::string_view text);

}  // namespace liaison::core
