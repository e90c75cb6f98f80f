// Entities as compact JSON, as stored in the journal's before/after columns. Keys come in the
// struct's declaration order, enums use their documented spellings (enums.hpp), absent
// optionals are null and doubles print in shortest round-trip form, so the same entity always
// gives the same bytes (the journal's hashes depend on it).
#pragma once

#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace liaison::core {

std::string entityToJson(const Entity& e);

// Parses what entityToJson wrote (missing keys keep their defaults). Throws
// std::invalid_argument naming the key when a value has the wrong type or spelling.
Entity entityFromJson(EntityKind kind, std::string_view json);

}  // namespace liaison::core
