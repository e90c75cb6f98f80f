// What refers to what, read off the field tables: every reference a record holds, and how a
// record lets go of one when the referenced record is removed (cleared, or dropped from a list;
// see fields::Rules::removeWith for the references that take the record with them).
#pragma once

#include <functional>

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

// The index of T in Entity (its EntityKind), at compile time.
template <class T, std::size_t I = 0>
constexpr EntityKind entityKindOf() {
  static_assert(I < std::variant_size_v<Entity>, "not an entity");
  if constexpr (std::is_same_v<std::variant_alternative_t<I, Entity>, T>)
    return static_cast<EntityKind>(I);
  else
    return entityKindOf<T, I + 1>();
}

}  // namespace liaison::core
