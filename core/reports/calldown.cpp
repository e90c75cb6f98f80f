#include "core/reports/calldown.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace liaison::core {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string clean(std::string s) {
  for (char& c : s)
    if (c == ':' || c == '\n' || c == '\r') c = ' ';
  return s;
}

const std::string kPrefix = "calldown:";

}  // namespace

int CallDownRound::outstanding() const {
  return static_cast<int>(std::count_if(recipients.begin(), recipients.end(),
                                        [](const CallDownRecipient& r) { return !r.acked_at; }));
}

std::optional<TimeUtc> CallDownRound::nextRepeat(TimeUtc now) const {
  if (outstanding() == 0 || repeat_min <= 0) return std::nullopt;
  const TimeUtc step = static_cast<TimeUtc>(repeat_min) * 60;
  if (now < started) return started + step;
  return started + ((now - started) / step + 1) * step;
}

TimelineEvent callDownStart(const Snapshot& s, const std::string& subject,
                            const std::string& message, const std::string& method,
                            const std::vector<Id>& agencies, int repeat_min, TimeUtc now) {
  if (agencies.empty()) throw std::runtime_error("a call-down needs at least one recipient");
  if (subject.find_first_not_of(" \t") == std::string::npos)
    throw std::runtime_error("a call-down needs a subject");
  if (repeat_min < 0) throw std::runtime_error("the repeat interval is negative");
  std::set<Id> seen;
  for (Id a : agencies) {
    if (!s.agency(a)) throw std::runtime_error("agency " + std::to_string(a) + " does not exist");
    if (!seen.insert(a).second)
      throw std::runtime_error("agency " + s.agency(a)->code + " is listed twice");
  }
  TimelineEvent e;
  e.incident = s.mainIncident() ? s.mainIncident()->id : 0;
  e.time = now;
  e.kind = EventKind::Message;
  e.agencies = agencies;
  e.source = kPrefix + "round:start:" + clean(method) + ":" + std::to_string(repeat_min);
  e.text = "CALL-DOWN: " + subject + (message.empty() ? "" : " - " + message) + " (" + method +
           (repeat_min > 0 ? ", repeat every " + std::to_string(repeat_min) + " min" : "") + ")";
  return e;
}

std::vector<CallDownRound> callDownRounds(const Snapshot& s) {
  std::vector<CallDownRound> rounds;
  for (const TimelineEvent* e : s.eventsByTime()) {
    if (e->source.rfind(kPrefix, 0) != 0) continue;
    const std::vector<std::string> f = split(e->source, ':');
    if (f.size() >= 5 && f[2] == "start") {
      CallDownRound r;
      r.id = e->id;
      r.started = e->time;
      r.method = f[3];
      r.repeat_min = std::atoi(f[4].c_str());
      std::string text = e->text.substr(std::min<std::size_t>(e->text.size(), 11));
      const std::size_t paren = text.rfind(" (");
      if (paren != std::string::npos) text = text.substr(0, paren);
      const std::size_t dash = text.find(" - ");
      r.subject = text.substr(0, dash);
      if (dash != std::string::npos) r.message = text.substr(dash + 3);
      for (Id a : e->agencies) r.recipients.push_back({a, std::nullopt, ""});
      rounds.push_back(std::move(r));
    } else if (f.size() >= 3 && f[2] == "ack") {
      const Id round = std::atoll(f[1].c_str());
      for (CallDownRound& r : rounds)
        if (r.id == round)
          for (CallDownRecipient& x : r.recipients)
            if (!e->agencies.empty() && x.agency == e->agencies[0] && !x.acked_at) {
              x.acked_at = e->time;
              x.acked_by = f.size() >= 4 ? f[3] : "";
            }
    }
  }
  return rounds;
}

TimelineEvent callDownAck(const Snapshot& s, Id round, Id agency, const std::string& by,
                          TimeUtc now) {
  const std::vector<CallDownRound> rounds = callDownRounds(s);
  const auto it = std::find_if(rounds.begin(), rounds.end(),
                               [&](const CallDownRound& r) { return r.id == round; });
  if (it == rounds.end())
    throw std::runtime_error("there is no call-down round " + std::to_string(round));
  const auto rec = std::find_if(it->recipients.begin(), it->recipients.end(),
                                [&](const CallDownRecipient& r) { return r.agency == agency; });
  const Agency* a = s.agency(agency);
  const std::string code = a ? a->code : std::to_string(agency);
  if (rec == it->recipients.end())
    throw std::runtime_error(code + " is not a recipient of call-down round " +
                             std::to_string(round));
  if (rec->acked_at)
    throw std::runtime_error(code + " acknowledged call-down round " + std::to_string(round) +
                             " already");
  TimelineEvent e;
  e.incident = s.mainIncident() ? s.mainIncident()->id : 0;
  e.time = now;
  e.kind = EventKind::Message;
  e.agencies = {agency};
  e.source = kPrefix + std::to_string(round) + ":ack:" + clean(by);
  e.text = "CALL-DOWN " + std::to_string(round) + " acknowledged by " + code +
           (by.empty() ? "" : " (" + by + ")") + ": " + it->subject;
  return e;
}

}  // namespace liaison::core
