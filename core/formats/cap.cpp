#include "core/formats/cap.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "core/formats/input_file.hpp"
#include "core/model/errors.hpp"
#include "core/model/time_zone.hpp"
#include "core/store/store.hpp"

namespace liaison::core {

namespace {

constexpr const char* kCapNs = "urn:oasis:names:tc:emergency:cap:1.2";
constexpr int kMaxDepth = 32;           // CAP nests 5 deep; anything deeper is refused
constexpr std::size_t kMaxPoints = 100000;  // per polygon

const char kSchemaText[] =
#include "cap_schema.inc"
    ;

struct FirstError {
  int line = 0, column = 0;
  std::string message;
  bool set = false;
};

void collect(void* ctx, const xmlError* e) {
  auto* f = static_cast<FirstError*>(ctx);
  if (f->set || !e) return;
  f->set = true;
  f->line = e->line;
  f->column = e->int2;
  f->message = e->message ? e->message : "invalid XML";
  while (!f->message.empty() && (f->message.back() == '\n' || f->message.back() == ' '))
    f->message.pop_back();
}
void collectCompat(void* ctx, xmlErrorPtr e) { collect(ctx, e); }

// The compiled schema, once per process (libxml2 schemas are safe to share for validation
// with one validation context per thread).
xmlSchemaPtr schema() {
  static std::once_flag once;
  static xmlSchemaPtr compiled = nullptr;
  std::call_once(once, [] {
    xmlSchemaParserCtxtPtr pc =
        xmlSchemaNewMemParserCtxt(kSchemaText, static_cast<int>(sizeof kSchemaText - 1));
    compiled = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
  });
  if (!compiled) throw std::runtime_error("the bundled CAP 1.2 schema does not compile");
  return compiled;
}

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

DocPtr parse(const std::string& xml, const std::string& name) {
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) throw std::runtime_error("out of memory");
  FirstError err;
  xmlSetStructuredErrorFunc(&err, collectCompat);
  // No network, no DTD loading, no entity substitution; libxml2's own limits stay on (no
  // XML_PARSE_HUGE).
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), name.c_str(),
                                    nullptr, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (!doc || err.set) {
    if (doc) xmlFreeDoc(doc);
    throw ImportError(name, err.line, err.column, "not well-formed XML: " + err.message);
  }
  return DocPtr(doc, &xmlFreeDoc);
}

// 1-based column of `tag`'s start on `line` of xml (libxml2's tree keeps only lines).
int columnOf(const std::string& xml, int line, const char* tag) {
  std::size_t pos = 0;
  for (int l = 1; l < line && pos != std::string::npos; ++l) {
    pos = xml.find('\n', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos) return 1;
  const std::size_t end = xml.find('\n', pos);
  const std::string_view row(xml.data() + pos, (end == std::string::npos ? xml.size() : end) - pos);
  for (std::size_t at = row.find('<'); at != std::string_view::npos; at = row.find('<', at + 1)) {
    std::size_t n = at + 1;
    const std::size_t colon = row.find(':', n);
    const std::size_t gt = row.find_first_of(" >/", n);
    if (colon != std::string_view::npos && colon < gt) n = colon + 1;
    if (row.substr(n, std::strlen(tag)) == tag) return static_cast<int>(at + 1);
  }
  return 1;
}

int depth(xmlNodePtr n, int d) {
  int best = d;
  for (xmlNodePtr c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      best = std::max(best, depth(c, d + 1));
      if (best > kMaxDepth) return best;
    }
  return best;
}

void validateDoc(xmlDocPtr doc, const std::string& xml, const std::string& name) {
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (!root) throw ImportError(name, 1, 1, "no root element; expected a CAP 1.2 <alert>");
  if (depth(root, 1) > kMaxDepth)
    throw ImportError(name, static_cast<int>(xmlGetLineNo(root)), 1,
                      "elements nested more than " + std::to_string(kMaxDepth) +
                          " deep; a CAP alert is at most 5 deep");
  const std::string ns = root->ns && root->ns->href
                             ? reinterpret_cast<const char*>(root->ns->href)
                             : std::string();
  if (ns != kCapNs || std::string(reinterpret_cast<const char*>(root->name)) != "alert") {
    const int line = static_cast<int>(xmlGetLineNo(root));
    throw ImportError(name, line, columnOf(xml, line, reinterpret_cast<const char*>(root->name)),
                      "the root is <" + std::string(reinterpret_cast<const char*>(root->name)) +
                          "> in namespace \"" + excerpt(ns, 60) +
                          "\"; expected <alert> in " + kCapNs + " (CAP 1.2)");
  }
  xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema());
  FirstError err;
  xmlSchemaSetValidStructuredErrors(vc, collectCompat, &err);
  const int rc = xmlSchemaValidateDoc(vc, doc);
  xmlSchemaFreeValidCtxt(vc);
  if (rc != 0) {
    int column = err.column;
    if (column <= 0) column = 1;
    throw ImportError(name, err.line, column,
                      "not valid CAP 1.2 (OASIS schema): " +
                          (err.set ? err.message : std::string("does not validate")));
  }
}

std::string text(xmlNodePtr n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string out = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return out;
}

bool is(xmlNodePtr n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(n->name)) == name;
}

double number(const std::string& s, bool& ok) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  ok = end && *end == '\0' && !s.empty() && std::isfinite(v);
  return v;
}

// "lat,lon" -> LonLat
bool point(const std::string& pair, LonLat& out) {
  const std::size_t comma = pair.find(',');
  if (comma == std::string::npos) return false;
  bool a = false, b = false;
  out.lat = number(pair.substr(0, comma), a);
  out.lon = number(pair.substr(comma + 1), b);
  return a && b && out.lat >= -90 && out.lat <= 90 && out.lon >= -180 && out.lon <= 180;
}

[[noreturn]] void areaError(const std::string& xml, const std::string& name, xmlNodePtr n,
                            const char* tag, const std::string& what) {
  const int line = static_cast<int>(xmlGetLineNo(n));
  throw ImportError(name, line, columnOf(xml, line, tag), what);
}

std::vector<LonLat> polygon(const std::string& xml, const std::string& name, xmlNodePtr n) {
  std::istringstream in(text(n));
  std::vector<LonLat> ring;
  std::string pair;
  while (in >> pair) {
    LonLat p;
    if (!point(pair, p))
      areaError(xml, name, n, "polygon",
                "polygon point \"" + excerpt(pair) +
                    "\" is not \"lat,lon\" in degrees (latitude -90 to 90, longitude -180 to 180)");
    ring.push_back(p);
    if (ring.size() > kMaxPoints)
      areaError(xml, name, n, "polygon",
                "polygon has more than " + std::to_string(kMaxPoints) + " points");
  }
  if (ring.size() < 4)
    areaError(xml, name, n, "polygon",
              "polygon has " + std::to_string(ring.size()) +
                  " points; CAP 1.2 needs 4 or more, the last equal to the first");
  if (!(ring.front() == ring.back()))
    areaError(xml, name, n, "polygon",
              "polygon is not closed: its last point differs from its first (CAP 1.2 3.3.2)");
  return ring;
}

CapCircle circle(const std::string& xml, const std::string& name, xmlNodePtr n) {
  std::istringstream in(text(n));
  std::string pair, radius, extra;
  CapCircle c;
  bool ok = false;
  if (in >> pair >> radius && !(in >> extra) && point(pair, c.centre)) {
    c.radius_km = number(radius, ok);
    ok = ok && c.radius_km >= 0 && c.radius_km <= 20000;
  }
  if (!ok)
    areaError(xml, name, n, "circle",
              "circle is not \"lat,lon radius\" (degrees, kilometres from 0 to 20000)");
  return c;
}

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r')
          out += ' ';  // not allowed in XML 1.0
        else
          out += c;
    }
  }
  return out;
}

void element(std::string& out, int indent, const char* name, const std::string& value) {
  out += std::string(static_cast<std::size_t>(indent), ' ') + "<" + name + ">" + esc(value) +
         "</" + name + ">\n";
}

std::string coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

std::string capTime(TimeUtc t, const std::string& zone) {
  const LocalTime l = toLocal(t, zone);
  const int off = l.offsetSeconds;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", l.year, l.month,
                l.day, l.hour, l.minute, l.second, off < 0 ? '-' : '+', std::abs(off) / 3600,
                (std::abs(off) % 3600) / 60);
  return buf;
}

std::optional<TimeUtc> parseCapTime(const std::string& s) {
  int y, mo, d, h, mi, se, oh, om;
  char sign;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &h, &mi, &se, &sign,
                  &oh, &om) != 9 ||
      (sign != '+' && sign != '-'))
    return std::nullopt;
  // days from civil (Howard Hinnant's algorithm)
  y -= mo <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = static_cast<unsigned>((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = static_cast<std::int64_t>(era) * 146097 + doe - 719468;
  const std::int64_t offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
  return days * 86400 + h * 3600 + mi * 60 + se - offset;
}

std::string writeCapXml(const CapAlert& a) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += std::string("<alert xmlns=\"") + kCapNs + "\">\n";
  element(out, 2, "identifier", a.identifier);
  element(out, 2, "sender", a.sender);
  element(out, 2, "sent", a.sent);
  element(out, 2, "status", a.status);
  element(out, 2, "msgType", a.msg_type);
  element(out, 2, "scope", a.scope);
  if (!a.note.empty()) element(out, 2, "note", a.note);
  if (!a.references.empty()) element(out, 2, "references", a.references);
  for (const CapInfo& i : a.infos) {
    out += "  <info>\n";
    element(out, 4, "category", i.category);
    element(out, 4, "event", i.event);
    element(out, 4, "urgency", i.urgency);
    element(out, 4, "severity", i.severity);
    element(out, 4, "certainty", i.certainty);
    if (!i.headline.empty()) element(out, 4, "headline", i.headline);
    if (!i.description.empty()) element(out, 4, "description", i.description);
    if (!i.instruction.empty()) element(out, 4, "instruction", i.instruction);
    for (const CapArea& ar : i.areas) {
      out += "    <area>\n";
      element(out, 6, "areaDesc", ar.desc);
      for (const auto& ring : ar.polygons) {
        std::string pts;
        for (const LonLat& p : ring) pts += (pts.empty() ? "" : " ") + coord(p.lat) + "," + coord(p.lon);
        element(out, 6, "polygon", pts);
      }
      for (const CapCircle& c : ar.circles)
        element(out, 6, "circle",
                coord(c.centre.lat) + "," + coord(c.centre.lon) + " " + coord(c.radius_km));
      out += "    </area>\n";
    }
    out += "  </info>\n";
  }
  out += "</alert>\n";
  try {
    DocPtr doc = parse(out, "CAP alert");
    validateDoc(doc.get(), out, "CAP alert");
  } catch (const ImportError& e) {
    throw std::runtime_error("the CAP alert " + a.identifier +
                             " does not validate against the CAP 1.2 schema, so it was not "
                             "written: " + e.what());
  }
  return out;
}

void validateCapXml(const std::string& xml, const std::string& name) {
  DocPtr doc = parse(xml, name);
  validateDoc(doc.get(), xml, name);
}

CapAlert parseCapXml(const std::string& xml, const std::string& name) {
  DocPtr doc = parse(xml, name);
  validateDoc(doc.get(), xml, name);
  CapAlert a;
  xmlNodePtr root = xmlDocGetRootElement(doc.get());
  for (xmlNodePtr n = root->children; n; n = n->next) {
    if (is(n, "identifier")) a.identifier = text(n);
    else if (is(n, "sender")) a.sender = text(n);
    else if (is(n, "sent")) a.sent = text(n);
    else if (is(n, "status")) a.status = text(n);
    else if (is(n, "msgType")) a.msg_type = text(n);
    else if (is(n, "scope")) a.scope = text(n);
    else if (is(n, "note")) a.note = text(n);
    else if (is(n, "references")) a.references = text(n);
    else if (is(n, "info")) {
      CapInfo info;
      bool category = false;
      for (xmlNodePtr c = n->children; c; c = c->next) {
        if (is(c, "category") && !category) {
          info.category = text(c);
          category = true;
        } else if (is(c, "event")) info.event = text(c);
        else if (is(c, "urgency")) info.urgency = text(c);
        else if (is(c, "severity")) info.severity = text(c);
        else if (is(c, "certainty")) info.certainty = text(c);
        else if (is(c, "headline")) info.headline = text(c);
        else if (is(c, "description")) info.description = text(c);
        else if (is(c, "instruction")) info.instruction = text(c);
        else if (is(c, "area")) {
          CapArea area;
          for (xmlNodePtr g = c->children; g; g = g->next) {
            if (is(g, "areaDesc")) area.desc = text(g);
            else if (is(g, "polygon")) area.polygons.push_back(polygon(xml, name, g));
            else if (is(g, "circle")) area.circles.push_back(circle(xml, name, g));
          }
          info.areas.push_back(std::move(area));
        }
      }
      a.infos.push_back(std::move(info));
    }
  }
  if (!parseCapTime(a.sent)) {
    throw ImportError(name, 1, 1, "sent \"" + excerpt(a.sent) + "\" is not a CAP time");
  }
  return a;
}

CapAlert readCapFile(const std::filesystem::path& path, const std::string& name) {
  const std::string xml =
      readInputFile(path, name, "expected a CAP 1.2 alert (XML)", kMaxCapBytes);
  return parseCapXml(xml, name);
}

}  // namespace liaison::core

namespace liaison::core {

namespace {
bool capName(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xml" || ext == ".cap";
}
}  // namespace

bool isCapFolder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return false;
  bool cap = false;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".csv") return false;
    if (capName(e.path())) cap = true;
  }
  return cap;
}

bool looksLikeCap(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return false;
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  const std::size_t start = head.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (start == std::string::npos || head[start] != '<') return false;
  for (std::size_t at = head.find('<'); at != std::string::npos; at = head.find('<', at + 1)) {
    const char next = at + 1 < head.size() ? head[at + 1] : '\0';
    if (next == '?' || next == '!') continue;  // the declaration, comments, a DOCTYPE
    std::size_t end = head.find_first_of(" \t\r\n>/", at + 1);
    std::string name = head.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
    if (const std::size_t colon = name.find(':'); colon != std::string::npos)
      name = name.substr(colon + 1);
    return name == "alert";
  }
  return false;
}

CapImportSummary importCap(const std::filesystem::path& source, Store& store,
                           const std::string& actor) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(source, ec)) {
    for (const auto& e : fs::directory_iterator(source, ec))
      if (capName(e.path())) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty())
      throw ImportError(source.string(), 0, 0, "the folder holds no .xml or .cap file");
  } else {
    files.push_back(source);
  }
  const SnapshotPtr snap = store.load();
  const Id incident = snap->mainIncident() ? snap->mainIncident()->id : 0;
  std::vector<Command> commands;
  CapImportSummary summary;
  for (const fs::path& f : files) {
    const CapAlert a = readCapFile(f, f.string());
    ++summary.files;
    const TimeUtc sent = *parseCapTime(a.sent);
    for (const CapInfo& i : a.infos) {
      TimelineEvent e;
      e.incident = incident;
      e.time = sent;
      e.kind = EventKind::Alert;
      e.source = a.sender;
      e.significant = i.severity == "Extreme" || i.severity == "Severe";
      e.text = "CAP " + a.msg_type + (a.status != "Actual" ? " (" + a.status + ")" : "") + ": " +
               (i.headline.empty() ? i.event : i.headline) + " [" + i.event + "; " + i.urgency +
               ", " + i.severity + ", " + i.certainty + "] " + a.identifier;
      if (!i.instruction.empty()) e.text += " - " + i.instruction;
      commands.push_back(put(e));
      ++summary.events;
      for (const CapArea& ar : i.areas) {
        nlohmann::json props = {{"cap_identifier", a.identifier}, {"cap_event", i.event}};
        for (const auto& ring : ar.polygons) {
          MapFeature z;
          z.geometry = GeometryKind::Polygon;
          z.kind = FeatureKind::Zone;
          z.label = ar.desc;
          z.incident = incident;
          z.layer = "CAP";
          z.rings = {ring};
          z.properties_json = props.dump();
          commands.push_back(put(z));
          ++summary.zones;
        }
        for (const CapCircle& c : ar.circles) {
          MapFeature z;
          z.geometry = GeometryKind::Point;
          z.kind = FeatureKind::Zone;
          z.label = ar.desc;
          z.incident = incident;
          z.layer = "CAP";
          z.rings = {{c.centre}};
          nlohmann::json p = props;
          p["radius_km"] = c.radius_km;
          z.properties_json = p.dump();
          commands.push_back(put(z));
          ++summary.zones;
        }
      }
    }
  }
  summary.revision = commands.empty() ? store.revision() : store.apply(commands, actor).revision;
  return summary;
}

}  // namespace liaison::core
