// Editing the directory: one form at a time for an agency, a representative (with its contact
// methods), a channel (with the infrastructure it rides on), a need or an infrastructure
// element (tower, exchange, 911 centre...); the removal confirmation that names everything that goes
// with it; and undo of this station's last change. The rules are core's (validate_entity.hpp):
// every problem is shown under its field and Save emits nothing until there are none. Every
// change leaves as a command in ctx.outbox; the loop applies it with its journal entry.
#pragma once

#include <map>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/model/snapshot.hpp"
#include "core/model/validate_entity.hpp"
#include "directory_model.hpp"

namespace liaison::app {

struct AppContext;

struct HitRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float cx() const { return (x0 + x1) * 0.5f; }
  float cy() const { return (y0 + y1) * 0.5f; }
};

// Where named widgets were drawn last frame (screen pixels), so tests can click them.
class HitMap {
 public:
  void clear() { m_rects.clear(); }
  void recordLastItem(const std::string& name);  // ImGui's last item
  const HitRect* find(const std::string& name) const;

 private:
  std::map<std::string, HitRect> m_rects;
};

class DirectoryEditor {
 public:
  // Open a form: a new entity (agency hint preselects the agency where it makes sense) or a
  // copy of an existing one.
  void startNew(core::EntityKind kind, const core::Snapshot& snapshot, core::Id agency_hint);
  void startEdit(const core::Entity& entity);
  void cancel();
  bool editing() const { return m_draft.has_value(); }
  const std::optional<core::Entity>& draft() const { return m_draft; }
  bool isNew() const { return m_isNew; }

  // Ask before removing (opens the confirmation on the next draw).
  void requestRemove(core::EntityKind kind, core::Id id);
  bool confirming() const { return m_remove.has_value(); }

  // Undo this station's last change (emits the undo batch, or says why not).
  void undo(AppContext& ctx);
  // Called every frame: learns where the batches this editor emitted begin in the journal
  // (the first entry by ctx.actor after the journal as it was when emitting), so two changes
  // made within one second are still undone one at a time.
  void observe(const AppContext& ctx);
  const std::set<std::int64_t>& batchStarts() const { return m_batchStarts; }

  // The form (when editing) into the current window; emits on Save.
  void drawForm(AppContext& ctx, HitMap& hits);
  // The removal confirmation (a modal), when one is pending.
  void drawRemoveConfirmation(AppContext& ctx, HitMap& hits);

  // The problems of the draft as shown under the fields last frame ("name is empty; ...").
  const std::vector<std::string>& shownProblems() const { return m_shown; }
  // The last outcome: "Saved ...", "Undo: ...", "Cannot undo: ...", shown in the toolbar.
  const std::string& message() const { return m_message; }
  bool messageIsError() const { return m_messageError; }

 private:
  void drawAgency(AppContext& ctx, core::Agency& a, HitMap& hits);
  void drawRepresentative(AppContext& ctx, core::Representative& r, HitMap& hits);
  void drawChannel(AppContext& ctx, core::Channel& c, HitMap& hits);
  void drawNeed(AppContext& ctx, core::Need& n, HitMap& hits);
  void drawInfrastructure(AppContext& ctx, core::Infrastructure& x, HitMap& hits);
  // The problems of `field` (and its sub-fields) under the last widget, in the danger colour.
  void problemLine(AppContext& ctx, const std::string& field);
  void textField(AppContext& ctx, const char* label, const std::string& field, std::string& value,
            HitMap& hits, bool multiline = false);
  void setMessage(std::string msg, bool error);
  void emitted(const AppContext& ctx);  // a batch left this frame

  std::optional<core::Entity> m_draft;
  std::optional<core::Entity> m_original;  // as it was when the form opened (edits only)
  bool m_isNew = false;
  bool m_touched = false;  // show problems once the user changed something or tried to save
  std::vector<core::FieldProblem> m_problems;
  std::vector<std::string> m_shown;
  std::map<std::size_t, bool> m_revealedContacts;  // contact index -> revealed in the form
  bool m_channelBetweenReps = true;

  struct PendingRemoval {
    core::EntityKind kind;
    core::Id id;
    bool opened = false;
  };
  std::optional<PendingRemoval> m_remove;
  RemovalImpact m_impact;

  std::string m_message;
  bool m_messageError = false;

  std::set<std::int64_t> m_batchStarts;
  std::optional<std::size_t> m_emittedAt;  // journal length when the last batch was emitted
};

}  // namespace liaison::app
