#include "core/store/store_validate.hpp"

#include <set>
#include <string>
#include <vector>

#include "core/model/entity_fields.hpp"
#include "core/model/errors.hpp"
#include "core/model/journal_summary.hpp"
#include "core/store/record_sql.hpp"
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

// Calls f.template operator()<R>() for the entity type R of `kind`.
template <class F, std::size_t I = 0>
void visitKind(EntityKind kind, F&& f) {
  if constexpr (I < std::variant_size_v<Entity>) {
    if (static_cast<std::size_t>(kind) == I)
      f.template operator()<std::variant_alternative_t<I, Entity>>();
    else
      visitKind<F, I + 1>(kind, std::forward<F>(f));
  }
}

}  // namespace

bool hasDeferredReferences(EntityKind kind) {
  bool any = false;
  visitKind(kind, [&]<class R>() {
    fields::forEach<R>([&](const auto& f) {
      if (f.kind == fields::Kind::IdList && f.rules.target == kind) any = true;
    });
  });
  return any;
}

void validateDeferredReferences(StoreRows& rows, const Entity& e) {
  const EntityKind kind = kindOf(e);
  const std::string label = kindLabel(kind);
  std::visit(
      [&](const auto& r) {
        using R = std::decay_t<decltype(r)>;
        fields::forEach<R>([&](const auto& f) {
          using T = typename std::decay_t<decltype(f)>::value_type;
          if constexpr (std::is_same_v<T, std::vector<Id>>) {
            if (f.kind != fields::Kind::IdList || f.rules.target != kind) return;
            const std::string key(f.key);
            const std::vector<Id>& list = f.get(r);
            std::set<Id> seen;
            for (Id d : list) {
              if (!seen.insert(d).second)
                fail(e, {key, "lists " + label + " " + std::to_string(d) +
                                  " twice; each may appear once"});
              if (d == 0) fail(e, {key, "is not set; it must name an existing " + label});
              if (!rows.exists(kind, d))
                fail(e, {key, "refers to " + label + " " + std::to_string(d) +
                                  ", which does not exist; use the id of an existing " + label});
            }
            if (list.empty()) return;
            const std::string child = sqlrec::ident(f.rules.child),
                              owner = sqlrec::ident(fields::Table<R>::owner),
                              value = sqlrec::ident(f.rules.column);
            sql::Stmt st(rows.handle(),
                         "WITH RECURSIVE reach(id) AS (SELECT " + value + " FROM " + child +
                             " WHERE " + owner + " = ?1 UNION SELECT d." + value + " FROM " +
                             child + " d JOIN reach r ON d." + owner +
                             " = r.id) SELECT 1 FROM reach WHERE id = ?1 LIMIT 1");
            st.bind(1, idOf(e));
            if (st.step())
              fail(e, {key, "makes a cycle: through its dependencies the " + label +
                                " depends on itself; remove one of the dependencies"});
          }
        });
      },
      e);
}

void validateEntity(StoreRows& rows, const Entity& e) {
  if (idOf(e) <= 0)
    fail(e, {"id", "is " + std::to_string(idOf(e)) + "; ids are positive"});
  const std::vector<FieldProblem> problems = entityProblems(RowsLookup(rows), e);
  if (!problems.empty()) fail(e, problems.front());
}

}  // namespace liaison::core
