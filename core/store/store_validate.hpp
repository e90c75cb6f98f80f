// The rules a command's entity must keep before the store writes it. Each broken rule throws
// ValidationError naming the entity, the field, the problem and what would be valid.
#pragma once

#include "core/model/model.hpp"
#include "core/store/store_rows.hpp"

namespace liaison::core {

// e has its final id. References are checked against the rows inside the current
// transaction, so a batch may refer to entities put earlier in the same batch.
// References to records of the same kind (a task's depends_on, infrastructure's depends_on)
// are not checked here (a batch may refer forward to one it puts later); call
// validateDeferredReferences for each such entity put, at the end of the batch.
void validateEntity(StoreRows& rows, const Entity& e);

// Whether entities of this kind have references to their own kind.
bool hasDeferredReferences(EntityKind kind);

// Each reference to its own kind names an existing record, once, and makes no cycle.
void validateDeferredReferences(StoreRows& rows, const Entity& e);

}  // namespace liaison::core
