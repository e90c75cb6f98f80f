#include "core/analysis/message_entry.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/enums.hpp"
#include "core/model/printable.hpp"

namespace liaison::core {

namespace {

std::string lowered(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

std::string agencyCandidate(const Agency& a) {
  return printable(a.code) + " (" + printable(a.name) + ")";
}

std::string repCandidate(const Snapshot& s, const Representative& r) {
  const Agency* a = s.agency(r.agency);
  return "rep " + std::to_string(r.id) + " " + printable(r.name) +
         (a ? " (" + printable(a->code) + ")" : "");
}

bool allDigits(const std::string& t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

Party resolveParty(const Snapshot& s, const std::string& raw) {
  const std::string text = trimmed(raw);
  const std::string key = lowered(text);
  if (key.empty()) throw PartyError("an empty name names no one", {});
  for (const Agency& a : s.agencies)
    if (lowered(a.code) == key) return {EntityKind::Agency, a.id};
  const std::string digits = key.rfind("rep:", 0) == 0 ? key.substr(4) : key;
  if (allDigits(digits) && digits.size() < 19) {
    if (const Representative* r = s.representative(std::stoll(digits)))
      return {EntityKind::Representative, r->id};
    throw PartyError("\"" + printable(text) + "\" is no representative's id", {});
  }
  // Exact names first (people, then agencies), then a unique part of a name.
  std::vector<Party> exact, partial;
  std::vector<std::string> exactWords, partialWords;
  for (const Representative& r : s.representatives) {
    const std::string n = lowered(r.name);
    if (n == key) {
      exact.push_back({EntityKind::Representative, r.id});
      exactWords.push_back(repCandidate(s, r));
    } else if (n.find(key) != std::string::npos) {
      partial.push_back({EntityKind::Representative, r.id});
      partialWords.push_back(repCandidate(s, r));
    }
  }
  for (const Agency& a : s.agencies) {
    const std::string n = lowered(a.name);
    if (n == key) {
      exact.push_back({EntityKind::Agency, a.id});
      exactWords.push_back(agencyCandidate(a));
    } else if (n.find(key) != std::string::npos || lowered(a.code).find(key) != std::string::npos) {
      partial.push_back({EntityKind::Agency, a.id});
      partialWords.push_back(agencyCandidate(a));
    }
  }
  auto cut = [](std::vector<std::string> v) {
    if (v.size() > 10) v.resize(10);
    return v;
  };
  if (exact.size() == 1) return exact.front();
  if (exact.size() > 1)
    throw PartyError("\"" + printable(text) + "\" is ambiguous: " + std::to_string(exact.size()) +
                         " match; use an agency code or rep:ID",
                     cut(exactWords));
  if (partial.size() == 1) return partial.front();
  if (partial.size() > 1)
    throw PartyError("\"" + printable(text) + "\" is ambiguous: " +
                         std::to_string(partial.size()) + " match; use an agency code or rep:ID",
                     cut(partialWords));
  // Nothing: suggest the agencies and people that start like it.
  std::vector<std::string> near;
  const std::string head = key.substr(0, 1);
  for (const Agency& a : s.agencies)
    if (lowered(a.code).rfind(head, 0) == 0) near.push_back(agencyCandidate(a));
  for (const Representative& r : s.representatives)
    if (lowered(r.name).rfind(head, 0) == 0) near.push_back(repCandidate(s, r));
  throw PartyError("\"" + printable(text) +
                       "\" is neither an agency code, a representative id nor a name",
                   cut(near));
}

std::string partyLabel(const Snapshot& s, const Party& p) {
  if (p.kind == EntityKind::Agency) {
    const Agency* a = s.agency(p.id);
    return a ? printable(a->code) : "agency " + std::to_string(p.id);
  }
  const Representative* r = s.representative(p.id);
  if (!r) return "rep " + std::to_string(p.id);
  const Agency* a = s.agency(r->agency);
  return printable(r->name) + (a ? " (" + printable(a->code) + ")" : "");
}

Medium mediumOfKind(MessageKind k) {
  switch (k) {
    case MessageKind::Call: return Medium::Phone;
    case MessageKind::Radio: return Medium::Radio;
    case MessageKind::Email: return Medium::Email;
    case MessageKind::InPerson: return Medium::InPerson;
    case MessageKind::Chat: return Medium::DataLink;
    case MessageKind::Ics213: return Medium::InPerson;
  }
  return Medium::Phone;
}

MessageKind kindOfMedium(Medium m) {
  switch (m) {
    case Medium::Phone: return MessageKind::Call;
    case Medium::Radio: return MessageKind::Radio;
    case Medium::Email: return MessageKind::Email;
    case Medium::InPerson: return MessageKind::InPerson;
    case Medium::DataLink: return MessageKind::Chat;
  }
  return MessageKind::Call;
}

Message buildMessage(const Snapshot& s, const MessageDraft& d) {
  Message m;
  m.time = d.time;
  const Party from = resolveParty(s, d.from);
  (from.kind == EntityKind::Agency ? m.from_agency : m.from_rep) = from.id;
  if (d.to.empty()) throw std::invalid_argument("no recipient; name one or more with --to");
  std::vector<Party> to;
  for (const std::string& t : d.to) {
    const Party p = resolveParty(s, t);
    if (p.kind == from.kind && p.id == from.id)
      throw std::invalid_argument(partyLabel(s, p) + " is the sender; a message goes to others");
    std::vector<Id>& list = p.kind == EntityKind::Agency ? m.to_agencies : m.to_reps;
    if (std::find(list.begin(), list.end(), p.id) == list.end()) list.push_back(p.id);
    to.push_back(p);
  }
  if (!d.medium && !d.kind && d.channel == 0)
    throw std::invalid_argument("no medium; give --medium (" + validValues<Medium>() +
                                ") or --kind (" + validValues<MessageKind>() + ")");
  if (d.channel != 0) {
    const Channel* c = s.channel(d.channel);
    if (!c) throw std::invalid_argument("channel " + std::to_string(d.channel) + " does not exist");
    m.channel = c->id;
    m.medium = d.medium.value_or(c->medium);
  } else {
    m.medium = d.medium ? *d.medium : mediumOfKind(*d.kind);
  }
  m.kind = d.kind ? *d.kind : kindOfMedium(m.medium);
  if (m.channel == 0 && to.size() == 1) {
    // The one recorded channel of this medium between the two ends (people, or their agencies).
    auto agencyOf = [&](const Party& p) -> Id {
      if (p.kind == EntityKind::Agency) return p.id;
      const Representative* r = s.representative(p.id);
      return r ? r->agency : 0;
    };
    const Party& t = to.front();
    Id found = 0;
    int count = 0;
    for (const Channel& c : s.channels) {
      if (c.medium != m.medium) continue;
      bool joins = false;
      if (c.betweenReps()) {
        joins = from.kind == EntityKind::Representative && t.kind == EntityKind::Representative &&
                ((c.from_rep == from.id && c.to_rep == t.id) ||
                 (c.two_way && c.from_rep == t.id && c.to_rep == from.id));
      } else {
        const Id a = agencyOf(from), b = agencyOf(t);
        joins = (c.from_agency == a && c.to_agency == b) ||
                (c.two_way && c.from_agency == b && c.to_agency == a);
      }
      if (joins) {
        found = c.id;
        ++count;
      }
    }
    if (count == 1) m.channel = found;
  }
  m.subject = d.subject;
  m.text = d.text;
  m.need = d.need;
  m.task = d.task;
  m.reply_to = d.reply_to;
  m.recorded_by = d.recorded_by;
  m.sensitive = d.sensitive;
  return m;
}

std::optional<QuickEntry> parseQuickEntry(const std::string& line) {
  const std::size_t gt = line.find('>');
  const std::size_t colon = line.find(':', gt == std::string::npos ? 0 : gt);
  if (gt == std::string::npos || colon == std::string::npos) return std::nullopt;
  QuickEntry q;
  q.from = trimmed(line.substr(0, gt));
  std::string middle = trimmed(line.substr(gt + 1, colon - gt - 1));
  q.text = trimmed(line.substr(colon + 1));
  // The last word of the middle may be a medium or a kind.
  const std::size_t space = middle.find_last_of(" \t");
  if (space != std::string::npos) {
    const std::string word = lowered(middle.substr(space + 1));
    if (auto med = parseEnum<Medium>(word)) {
      q.medium = med;
      middle = trimmed(middle.substr(0, space));
    } else if (auto k = parseEnum<MessageKind>(word)) {
      q.kind = k;
      middle = trimmed(middle.substr(0, space));
    }
  }
  std::size_t start = 0;
  while (start <= middle.size()) {
    const std::size_t comma = middle.find(',', start);
    const std::string part =
        trimmed(middle.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!part.empty()) q.to.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (q.from.empty() || q.to.empty()) return std::nullopt;
  return q;
}

}  // namespace liaison::core
