// The MSEL CSV format: reading and writing; see msel.hpp and docs/scenario-format.md.
#include "core/formats/msel.hpp"

#include <algorithm>
#include <map>

#include "core/formats/csv.hpp"
#include "core/model/journal_summary.hpp"
#include "core/formats/input_file.hpp"  // excerpt

namespace liaison::core {

namespace {

struct Column {
  std::string_view name;
  bool required;
};

// Export order.
constexpr Column kColumns[] = {{"inject_number", true}, {"scenario_time", true},
                               {"from", false},         {"to", true},
                               {"method", false},       {"subject", false},
                               {"message", true},       {"expected_action", false},
                               {"objective", false},    {"capability", false},
                               {"controller", false},   {"evaluator_notes", false},
                               {"effect", false}};

std::string names(bool requiredOnly) {
  std::string out;
  for (const Column& c : kColumns) {
    if (requiredOnly && !c.required) continue;
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

// A cell quoted in a message: at most 60 characters, control characters shown as '?'.
std::string quote(std::string_view s) { return "'" + excerpt(s, 60) + "'"; }

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

class MselReader {
 public:
  MselReader(std::string file, const Snapshot& snap) : m_file(std::move(file)), m_snap(snap) {}

  std::vector<Inject> read(std::string_view bytes) {
    try {
      m_records = parseCsv(bytes);
    } catch (const CsvError& e) {
      fail(e.line(), e.column(), e.what());
    }
    if (m_records.empty())
      fail(1, 1, "the file is empty; expected a header line with the columns " + names(false));
    readHeader();
    std::vector<Inject> out;
    std::map<std::string, int, std::less<>> numbers;  // inject number -> line
    for (std::size_t r = 1; r < m_records.size(); ++r) {
      Inject i = readRow(m_records[r]);
      i.id = static_cast<Id>(out.size() + 1);
      const CsvField& numberCell = field(m_records[r], "inject_number");
      if (auto it = numbers.find(i.number); it != numbers.end())
        fail(numberCell.line, numberCell.column,
             "inject number " + quote(i.number) + " is already used on line " +
                 std::to_string(it->second) + "; expected each inject number once");
      numbers[i.number] = numberCell.line;
      out.push_back(std::move(i));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(int line, int column, const std::string& reason) const {
    throw ImportError(m_file, line, column, reason);
  }
  [[noreturn]] void fail(const CsvField& f, const std::string& reason) const {
    fail(f.line, f.column, reason);
  }

  void readHeader() {
    const CsvRecord& header = m_records.front();
    // Not one known column: another kind of file; say so without quoting what it holds.
    if (std::none_of(header.fields.begin(), header.fields.end(), [](const CsvField& f) {
          return std::any_of(std::begin(kColumns), std::end(kColumns),
                             [&](const Column& c) { return c.name == f.text; });
        }))
      fail(header.line, 1,
           "the first line names none of the MSEL columns, so it is not an MSEL header; "
           "expected a header line with the columns " + names(false));
    for (const CsvField& f : header.fields) {
      const bool known = std::any_of(std::begin(kColumns), std::end(kColumns),
                                     [&](const Column& c) { return c.name == f.text; });
      if (!known)
        fail(f, "unexpected column " + quote(f.text) + "; valid columns are " + names(false));
      if (m_index.contains(f.text))
        fail(f, "column " + quote(f.text) + " appears twice (first as column " +
                    std::to_string(m_index[f.text] + 1) + "); expected each column once");
      m_index[f.text] = static_cast<std::size_t>(f.column - 1);
    }
    for (const Column& c : kColumns)
      if (c.required && !m_index.contains(c.name))
        fail(header.line, 1,
             "missing required column " + quote(c.name) + "; required columns are " + names(true));
    const std::size_t width = header.fields.size();
    for (std::size_t r = 1; r < m_records.size(); ++r) {
      const auto& fields = m_records[r].fields;
      if (fields.size() == width) continue;
      const CsvField& at = fields.size() > width ? fields[width] : fields.back();
      fail(at.line, static_cast<int>(std::min(fields.size(), width) + 1),
           "the line has " + std::to_string(fields.size()) + " fields but the header has " +
               std::to_string(width) + "; expected " + std::to_string(width) +
               " fields (an empty cell still needs its comma)");
    }
  }

  // The cell of a column (a located empty cell at the row's line when the column is absent).
  const CsvField& field(const CsvRecord& rec, std::string_view column) {
    const auto it = m_index.find(column);
    if (it == m_index.end()) {
      m_absent = CsvField{"", rec.line, 0};
      return m_absent;
    }
    return rec.fields[it->second];
  }

  std::string text(const CsvRecord& rec, std::string_view column, bool required) {
    const CsvField& f = field(rec, column);
    if (required && blank(f.text))
      fail(f, std::string(column) + " is empty; expected a non-empty text");
    return f.text;
  }

  Inject readRow(const CsvRecord& rec) {
    Inject i;
    i.number = text(rec, "inject_number", true);
    const CsvField& time = field(rec, "scenario_time");
    if (time.text.empty())
      fail(time,
           "scenario_time is empty; expected an offset from the start as HH:MM:SS, e.g. "
           "01:15:00 (00:00:00 for a manual inject)");
    auto offset = parseOffset(time.text);
    if (!offset)
      fail(time, "scenario_time " + quote(time.text) +
                     " is not a valid offset; expected HH:MM:SS or HH:MM from the start of the "
                     "exercise, e.g. 01:15:00 (00:00:00 for a manual inject)");
    i.offset = *offset;
    i.from = text(rec, "from", false);
    i.to = text(rec, "to", true);
    const CsvField& method = field(rec, "method");
    if (!method.text.empty()) {
      auto m = parseEnum<InjectMethod>(method.text);
      if (!m)
        fail(method, "method " + quote(method.text) + " is not a valid method; expected one of " +
                         validValues<InjectMethod>());
      i.method = *m;
    }
    i.subject = text(rec, "subject", false);
    i.message = text(rec, "message", true);
    i.expected_action = text(rec, "expected_action", false);
    i.objective = text(rec, "objective", false);
    i.capability = text(rec, "capability", false);
    i.controller = text(rec, "controller", false);
    i.evaluator_notes = text(rec, "evaluator_notes", false);
    const CsvField& effect = field(rec, "effect");
    auto e = parseNetworkEffect(effect.text);
    if (!e)
      fail(effect, "effect " + quote(effect.text) +
                       " is not a network effect; expected 'down channel:ID', 'up channel:ID', "
                       "'degraded channel:ID', 'down rep:ID', 'up rep:ID', 'down infra:ID', "
                       "'up infra:ID', 'degraded infra:ID', 'down agency:ID' or 'up agency:ID', "
                       "or an empty cell");
    if (!e->empty() && !m_snap.exists(effectTargetKind(*e), e->id)) {
      const EntityKind kind = effectTargetKind(*e);
      const std::size_t count = kind == EntityKind::Channel ? m_snap.channels.size()
                                : kind == EntityKind::Representative
                                    ? m_snap.representatives.size()
                                : kind == EntityKind::Agency ? m_snap.agencies.size()
                                                             : m_snap.infrastructure.size();
      const std::string label = kindLabel(kind);
      fail(effect, "effect " + quote(effect.text) + " names " + label + " " +
                       std::to_string(e->id) +
                       (kind == EntityKind::Representative ? ", who" : ", which") +
                       " is not in the workspace; expected the id of one of its " +
                       std::to_string(count) + " " +
                       (kind == EntityKind::Infrastructure ? "infrastructure elements"
                        : kind == EntityKind::Representative ? "representatives"
                                                             : label + "s"));
    }
    i.effect = *e;
    return i;
  }

  std::string m_file;
  const Snapshot& m_snap;
  std::vector<CsvRecord> m_records;
  std::map<std::string, std::size_t, std::less<>> m_index;
  CsvField m_absent;
};

}  // namespace

std::vector<Inject> parseMsel(std::string_view bytes, const std::string& file,
                              const Snapshot& snap) {
  return MselReader(file, snap).read(bytes);
}

std::string mselToCsv(const std::vector<Inject>& injects) {
  std::string out(kCsvBom);
  std::vector<std::string> header;
  for (const Column& c : kColumns) header.emplace_back(c.name);
  appendCsvRecord(out, header);
  std::vector<const Inject*> sorted;
  for (const Inject& i : injects) sorted.push_back(&i);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
  for (const Inject* i : sorted)
    appendCsvRecord(
        out, {i->number, formatOffset(i->offset), i->from, i->to, std::string(toString(i->method)),
              i->subject, i->message, i->expected_action, i->objective, i->capability,
              i->controller, i->evaluator_notes, formatNetworkEffect(i->effect)});
  return out;
}

}  // namespace liaison::core
