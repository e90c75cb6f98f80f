// The exercise as the shell hands it to panels: the MSEL, each inject's state and the clock,
// read with the snapshot (never inside a frame), and the drill changes a panel asks for, which
// the loop applies through the drill engine after the frame. No ImGui here.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/exercise.hpp"

namespace liaison::app {

struct ExerciseView {
  core::ExerciseState state;
  std::uint64_t version = 0;  // the workspace revision it was read at
  bool hasMsel() const { return !state.injects.empty(); }
};

// One change to the exercise, as the controller view or the player notice asks for it. The
// wall time is the loop's when it applies the request, not the frame's.
struct DrillRequest {
  enum class Kind { Start, Pause, Resume, Speed, Jump, Rewind, Reset, Deliver, Acknowledge, Act };
  DrillRequest() = default;
  explicit DrillRequest(Kind k) : kind(k) {}
  Kind kind = Kind::Pause;
  int speed = 1;                 // Speed
  core::ScenarioSeconds to = 0;  // Jump: the scenario time; Rewind: how far back
  std::string inject;            // Deliver, Acknowledge, Act: the inject's number
  std::string responder;         // Acknowledge: who acknowledged (the player or this station)
  std::string action;            // Acknowledge (optional) and Act: the action taken
};

}  // namespace liaison::app
