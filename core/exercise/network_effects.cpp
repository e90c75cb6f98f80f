#include "core/exercise/network_effects.hpp"

#include "core/model/enums.hpp"
#include "core/model/values.hpp"

namespace liaison::core {

namespace {

Status statusOf(NetworkEffect::Change c) {
  return c == NetworkEffect::Change::Up     ? Status::Up
         : c == NetworkEffect::Change::Down ? Status::Down
                                            : Status::Degraded;
}

// Sets the target's state from text (a status spelling, or "true"/"false" for on duty).
template <class Set>
void setState(Entity& e, const Set& status, bool onDuty) {
  if (auto* c = std::get_if<Channel>(&e)) c->status = status(c->status);
  if (auto* x = std::get_if<Infrastructure>(&e)) x->status = status(x->status);
  if (auto* a = std::get_if<Agency>(&e)) a->status = status(a->status);
  if (auto* r = std::get_if<Representative>(&e)) r->on_duty = onDuty;
}

std::optional<Entity> target(const Snapshot& s, const NetworkEffect& e) {
  switch (e.target) {
    case NetworkEffect::Target::Channel:
      if (const Channel* c = s.channel(e.id)) return Entity(*c);
      break;
    case NetworkEffect::Target::Representative:
      if (const Representative* r = s.representative(e.id)) return Entity(*r);
      break;
    case NetworkEffect::Target::Infrastructure:
      if (const Infrastructure* x = s.infrastructureItem(e.id)) return Entity(*x);
      break;
    case NetworkEffect::Target::Agency:
      if (const Agency* a = s.agency(e.id)) return Entity(*a);
      break;
    case NetworkEffect::Target::None:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> effectStateBefore(const Snapshot& s, const NetworkEffect& e) {
  const std::optional<Entity> t = target(s, e);
  if (!t) return std::nullopt;
  if (const auto* r = std::get_if<Representative>(&*t)) return std::string(formatBool(r->on_duty));
  if (const auto* c = std::get_if<Channel>(&*t)) return std::string(toString(c->status));
  if (const auto* x = std::get_if<Infrastructure>(&*t)) return std::string(toString(x->status));
  if (const auto* a = std::get_if<Agency>(&*t)) return std::string(toString(a->status));
  return std::nullopt;
}

std::optional<Entity> applyEffect(const Snapshot& s, const NetworkEffect& e) {
  std::optional<Entity> t = target(s, e);
  if (!t) return std::nullopt;
  setState(*t, [&](Status) { return statusOf(e.change); }, e.change == NetworkEffect::Change::Up);
  return t;
}

std::optional<Entity> undoEffect(const Snapshot& s, const NetworkEffect& e,
                                 const std::string& before) {
  std::optional<Entity> t = target(s, e);
  if (!t) return std::nullopt;
  setState(*t, [&](Status now) { return parseEnum<Status>(before).value_or(now); },
           before != "false");
  return t;
}

void undoEffectIn(Snapshot& s, const NetworkEffect& e, const std::string& before) {
  std::optional<Entity> t = undoEffect(s, e, before);
  if (!t) return;
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        for (T& x : s.all<T>())
          if (x.id == v.id) x = v;
      },
      *t);
}

}  // namespace liaison::core
