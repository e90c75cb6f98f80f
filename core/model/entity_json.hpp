// Entities and the exercise's records as compact JSON, as stored in the journal's
// before/after columns, driven by the field tables (entity_fields.hpp). Keys come in table
// order, enums use their documented spellings (enums.hpp), absent optionals are null and
// doubles print in shortest round-trip form, so the same record always gives the same bytes
// (the journal's hashes depend on it).
#pragma once

#include <string>
#include <string_view>

#include "core/model/exercise.hpp"
#include "core/model/model.hpp"

namespace liaison::core {

std::string entityToJson(const Entity& e);

// Parses what entityToJson wrote (missing keys keep their defaults). Throws
// std::invalid_argument naming the key when a value has the wrong type or spelling.
Entity entityFromJson(EntityKind kind, std::string_view json);

// The same for the exercise's records (Inject, InjectStatus, ExerciseClock, Observation).
template <class R>
std::string recordToJson(const R& record);
template <class R>
R recordFromJson(std::string_view json);

}  // namespace liaison::core
