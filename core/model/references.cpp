#include "core/model/references.hpp"

#include <algorithm>

#include "core/model/entity_fields.hpp"

namespace liaison::core {

void forEachReference(const Entity& e,
                      const std::function<void(EntityKind, Id, bool removeWith)>& f) {
  std::visit(
      [&](const auto& r) {
        using R = std::decay_t<decltype(r)>;
        fields::forEach<R>([&](const auto& field) {
          using T = typename std::decay_t<decltype(field)>::value_type;
          if constexpr (std::is_same_v<T, Id>) {
            if (field.kind == fields::Kind::Ref && field.get(r) != 0)
              f(field.rules.target, field.get(r), field.rules.required || field.rules.removeWith);
          } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
            if (field.kind == fields::Kind::IdList)
              for (Id id : field.get(r)) f(field.rules.target, id, false);
          }
        });
      },
      e);
}

namespace {

template <std::size_t I = 0>
Entity tagOf(EntityKind kind) {
  if constexpr (I + 1 == std::variant_size_v<Entity>) {
    return std::variant_alternative_t<I, Entity>{};
  } else {
    if (static_cast<std::size_t>(kind) == I) return std::variant_alternative_t<I, Entity>{};
    return tagOf<I + 1>(kind);
  }
}

}  // namespace

Entity entityTag(EntityKind kind) {
  return tagOf(kind);
}

bool detachReference(Entity& e, EntityKind target, Id id) {
  bool changed = false;
  std::visit(
      [&](auto& r) {
        using R = std::decay_t<decltype(r)>;
        fields::forEach<R>([&](const auto& field) {
          using T = typename std::decay_t<decltype(field)>::value_type;
          if (field.rules.target != target) return;
          if constexpr (std::is_same_v<T, Id>) {
            if (field.kind == fields::Kind::Ref && field.get(r) == id) {
              field.get(r) = 0;
              changed = true;
            }
          } else if constexpr (std::is_same_v<T, std::vector<Id>>) {
            if (field.kind == fields::Kind::IdList) changed |= std::erase(field.get(r), id) > 0;
          }
        });
      },
      e);
  return changed;
}

}  // namespace liaison::core
