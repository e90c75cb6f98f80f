#include "core/model/model.hpp"

namespace liaison::core {

EntityKind kindOf(const Entity& e) {
  // The variant's alternatives are listed in EntityKind's order.
  static_assert(std::variant_size_v<Entity> == 13);
  return static_cast<EntityKind>(e.index());
}

Id idOf(const Entity& e) {
  return std::visit([](const auto& v) { return v.id; }, e);
}

}  // namespace liaison::core
