// The rules a command's entity must keep before the store writes it. Each broken rule throws
// ValidationError naming the entity, the field, the problem and what would be valid.
#pragma once

#include "core/model/model.hpp"
#include "core/store/store_rows.hpp"

namespace liaison::core {

// e has its final id. References are checked against the rows inside the current
// transaction, so a batch may refer to entities put earlier in the same batch.
// Task dependencies are not checked here (a batch may refer forward to a task it puts
// later); call validateTaskDependencies for each task put, at the end of the batch.
void validateEntity(StoreRows& rows, const Entity& e);

// depends_on names existing tasks and makes no cycle.
void validateTaskDependencies(StoreRows& rows, const Task& t);

}  // namespace liaison::core
