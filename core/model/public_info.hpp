// The rules of public information items (PublicItem): their placeholders, how they are filled
// from the workspace, and the workflow the store enforces:
//   draft -> checked -> approved -> released -> superseded | cancelled
//   draft, checked, approved -> cancelled; checked, approved -> draft (sent back)
// Only a draft's text may change (going back to draft is allowed from checked and approved);
// a released item is frozen: the only change is to superseded or cancelled. A change to what
// was released is a new version (version + 1, supersedes = the released item).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"

namespace liaison::core {

struct Placeholder {
  std::string_view name;  // without braces: "incident"
  std::string_view what;  // what it is replaced by
};

// Every placeholder a title or body may hold, as {name}; "{{" and "}}" are literal braces.
const std::vector<Placeholder>& publicPlaceholders();

// The first unknown or unclosed placeholder of `text`: "2:14: unknown placeholder {shelter};
// known: {incident}, ..." (line:column, 1-based, columns in bytes). Nothing when it is fine.
std::optional<std::string> placeholderProblem(std::string_view text);

// text with every placeholder replaced by its value in the workspace at `now` (operational
// time). Throws ValidationError for an unknown placeholder.
std::string fillPlaceholders(std::string_view text, const Snapshot& snapshot, TimeUtc now);

// What an exercise workspace puts in every output: "EXERCISE EXERCISE EXERCISE".
inline constexpr std::string_view kExerciseBanner = "EXERCISE EXERCISE EXERCISE";
// text framed by the banner when `exercise` (first and last line), else text unchanged.
std::string exerciseFramed(const std::string& text, bool exercise);

// Why the store refuses to change `before` (nullptr: a new item) into `after`, or "" when the
// change is allowed. Names the item and the allowed steps.
std::string publicChangeProblem(const PublicItem* before, const PublicItem& after);
// Why the item may not be removed ("" when it may).
std::string publicRemoveProblem(const PublicItem& item);

// The CAP 1.2 spellings ("Immediate", "CBRNE", ...).
std::string capSpelling(CapCategory v);
std::string capSpelling(CapUrgency v);
std::string capSpelling(CapSeverity v);
std::string capSpelling(CapCertainty v);

}  // namespace liaison::core
