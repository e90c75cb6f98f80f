// The names of a scenario folder's files that no field table names (see
// fields::Table<R>::csvFile for the others), and which file holds which kind of record.
#pragma once

#include <string>
#include <string_view>

#include "core/model/entity_fields.hpp"

namespace liaison::core {

inline constexpr std::string_view kContactsFile = "contacts.csv";
inline constexpr std::string_view kFeaturesFile = "features.geojson";

// The file of a scenario folder that holds records of `kind`.
inline std::string fileOf(EntityKind kind) {
  std::string out = "?";
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((static_cast<std::size_t>(kind) == I
          ? (void)(out = std::string(fields::Table<std::variant_alternative_t<I, Entity>>::csvFile))
          : (void)0),
     ...);
  }(std::make_index_sequence<std::variant_size_v<Entity>>());
  return kind == EntityKind::MapFeature ? std::string(kFeaturesFile) : out;
}

}  // namespace liaison::core
