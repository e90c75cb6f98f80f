#include "core/store/store_validate.hpp"

#include <set>
#include <string>
#include <vector>

#include "core/store/store.hpp"
#include "core/model/validate_entity.hpp"

namespace liaison::core {

namespace {

// The shared rules (validate_entity.hpp) against the rows inside the current transaction.
class RowsLookup final : public EntityLookup {
 public:
  explicit RowsLookup(StoreRows& rows) : m_rows(rows) {}
  bool exists(EntityKind kind, Id id) const override { return m_rows.exists(kind, id); }
  Id agencyWithCode(const std::string& code, Id except) const override {
    sql::Stmt& st = m_rows.stmt("SELECT id FROM agencies WHERE code = ? AND id <> ?");
    st.bind(1, code).bind(2, except);
    const Id other = st.step() ? st.i64(0) : 0;
    st.reset();
    return other;
  }

 private:
  StoreRows& m_rows;
};

[[noreturn]] void fail(const Entity& e, const FieldProblem& p) {
  throw ValidationError(describeProblem(e, p));
}

}  // namespace

void validateTaskDependencies(StoreRows& rows, const Task& t) {
  const Entity e = t;
  std::set<Id> seen;
  for (Id d : t.depends_on) {
    if (!seen.insert(d).second)
      fail(e, {"depends_on", "lists task " + std::to_string(d) + " twice; each may appear once"});
    if (d == 0)
      fail(e, {"depends_on", "is not set; it must name an existing task"});
    if (!rows.exists(EntityKind::Task, d))
      fail(e, {"depends_on", "refers to task " + std::to_string(d) +
                                 ", which does not exist; use the id of an existing task"});
  }
  if (t.depends_on.empty()) return;
  sql::Stmt& st = rows.stmt(
      "WITH RECURSIVE reach(id) AS (SELECT depends_on FROM task_depends WHERE task = ?1 "
      "UNION SELECT d.depends_on FROM task_depends d JOIN reach r ON d.task = r.id) "
      "SELECT 1 FROM reach WHERE id = ?1 LIMIT 1");
  st.bind(1, t.id);
  const bool cycle = st.step();
  st.reset();
  if (cycle)
    fail(e, {"depends_on",
             "makes a cycle: through its dependencies the task depends on itself; "
             "remove one of the dependencies"});
}

void validateEntity(StoreRows& rows, const Entity& e) {
  if (idOf(e) <= 0)
    fail(e, {"id", "is " + std::to_string(idOf(e)) + "; ids are positive"});
  const std::vector<FieldProblem> problems = entityProblems(RowsLookup(rows), e);
  if (!problems.empty()) fail(e, problems.front());
}

}  // namespace liaison::core
