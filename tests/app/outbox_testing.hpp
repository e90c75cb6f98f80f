// Helpers for headless tests of one panel: what a frame put into the outbox, and the loop's
// handling of the view's own requests (what-if changes, pair questions), leaving every other
// request in the outbox for the test to assert on.
#pragma once

#include <utility>
#include <vector>

#include "app/shell/app_context.hpp"
#include "app/shell/request_applier.hpp"

namespace liaison::app::test {

inline void applyViewRequests(AppContext& ctx) {
  std::vector<Request> others;
  for (Request& r : ctx.outbox.take())
    if (!RequestApplier::applyToView(ctx, r)) others.push_back(std::move(r));
  for (Request& r : others) ctx.outbox.put(std::move(r));
}

// The what-if changes waiting in the outbox.
inline std::vector<WhatIfChange> whatIfChanges(const AppContext& ctx) {
  return ctx.outbox.all<WhatIfChange>();
}

}  // namespace liaison::app::test
