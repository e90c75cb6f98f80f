// What refers to what, read off the field tables: every reference a record holds, and how a
// record lets go of one when the referenced record is removed (cleared, or dropped from a list;
// see fields::Rules::removeWith for the references that take the record with them).
#pragma once

#include <functional>
#include <utility>
#include <variant>

#include "core/model/model.hpp"

namespace liaison::core {

// Calls f(target kind, id, removeWith) for every non-zero reference of e (ids in lists too).
void forEachReference(const Entity& e,
                      const std::function<void(EntityKind, Id, bool removeWith)>& f);

// Clears every reference of e to (target, id) and drops id from its lists of that kind.
// Returns whether anything changed.
bool detachReference(Entity& e, EntityKind target, Id id);

// A default entity of a kind: visit it to dispatch on the kind's type.
Entity entityTag(EntityKind kind);

// Whether T is one of Entity's alternatives.
template <class T, std::size_t... I>
constexpr bool isEntityOf(std::index_sequence<I...>) {
  return (std::is_same_v<std::variant_alternative_t<I, Entity>, T> || ...);
}
template <class T>
inline constexpr bool kIsEntity =
    isEntityOf<T>(std::make_index_sequence<std::variant_size_v<Entity>>());

// The index of T in Entity (its EntityKind), at compile time. Constrained, so that
// `requires { entityKindOf<R>(); }` is false for a record that is no entity under clang too
// (clang instantiates the body of a constexpr function named there; GCC does not).
template <class T, std::size_t I = 0>
  requires kIsEntity<T>
constexpr EntityKind entityKindOf() {
  static_assert(I < std::variant_size_v<Entity>, "not an entity");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, Entity>, T>)
    return static_cast<EntityKind>(I);
  else
    return entityKindOf<T, I + 1>();
}

}  // namespace liaison::core
