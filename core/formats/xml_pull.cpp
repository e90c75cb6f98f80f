#include "core/formats/xml_pull.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <unordered_set>

#include "core/formats/input_file.hpp"  // excerpt
#include "core/formats/utf8.hpp"

namespace liaison::core {

XmlSyntaxError::XmlSyntaxError(int line, int column, const std::string& reason)
    : std::runtime_error(reason), m_line(line), m_column(column), m_reason(reason) {}

void appendUtf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Character classes: one table lookup per byte in the hot loops.
enum : unsigned char { kSpace = 1, kNameStart = 2, kNameChar = 4, kTextSpecial = 8 };

struct CharTable {
  unsigned char c[256] = {};
  constexpr CharTable() {
    for (int i = 0; i < 256; ++i) {
      const bool start = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || i == '_' || i == ':' ||
                         i >= 0x80;
      const bool name = start || (i >= '0' && i <= '9') || i == '-' || i == '.';
      c[i] = static_cast<unsigned char>((start ? kNameStart : 0) | (name ? kNameChar : 0));
    }
    for (int i : {' ', '\n', '\t', '\r'}) c[i] |= kSpace;
    for (int i : {'<', '&', '\r', '\n'}) c[i] |= kTextSpecial;
  }
};
constexpr CharTable kChars;

unsigned char cls(char ch) { return kChars.c[static_cast<unsigned char>(ch)]; }
bool isSpace(char c) { return cls(c) & kSpace; }

// Text from the file in a message: at most 40 characters, control characters as '?'.
std::string quoted(std::string_view s) { return "'" + excerpt(s, 40) + "'"; }

}  // namespace

XmlPull::XmlPull(std::string_view utf8) : m_doc(utf8) {
  if (m_doc.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // byte order mark
}

const std::string_view* XmlPull::attribute(std::string_view name) const {
  for (const XmlAttribute& a : m_attrs)
    if (xmlNameEquals(a.name, name)) return &a.value;
  return nullptr;
}

namespace {
int countNewlines(const char* p, const char* end) {
  int lines = 0;
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
    ++lines;
    ++p;
  }
  return lines;
}
}  // namespace

int XmlPull::lineAt(std::size_t offset) const {
  offset = std::min(offset, m_doc.size());
  std::size_t from = 0;
  int line = 1;
  if (offset >= m_start) {  // the usual case: within or after the current event
    from = m_start;
    line = m_startLine;
  }
  return line + countNewlines(m_doc.data() + from, m_doc.data() + offset);
}

void XmlPull::advanceTo(std::size_t pos) {
  m_line += countNewlines(m_doc.data() + m_pos, m_doc.data() + pos);
  m_pos = pos;
}

void XmlPull::fail(std::size_t at, const std::string& reason) const {
  throw XmlSyntaxError(lineAt(at), columnAt(at), reason);
}

int XmlPull::columnAt(std::size_t offset) const { return core::columnAt(m_doc, offset); }

void XmlPull::setName(std::size_t begin, std::size_t end) {
  // From locals: copying m_name into m_local right after storing it stalls store forwarding.
  const char* p = m_doc.data() + begin;
  const std::size_t size = end - begin;
  std::size_t local = 0;
  for (std::size_t i = 0; i < size; ++i)
    if (p[i] == ':') {
      local = i + 1;
      break;
    }
  m_name = std::string_view(p, size);
  m_local = std::string_view(p + local, size - local);
}

std::size_t XmlPull::scanName(std::size_t at, const char* what) {
  const char* base = m_doc.data();
  const std::size_t n = m_doc.size();
  if (at >= n || !(cls(base[at]) & kNameStart)) fail(at, std::string("expected ") + what + " here");
  std::size_t p = at + 1;
  while (p < n && (cls(base[p]) & kNameChar)) ++p;
  if (p - at > kMaxXmlNameBytes)
    fail(at, std::string("a name of ") + std::to_string(p - at) + " bytes; expected " + what +
                 " of at most " + std::to_string(kMaxXmlNameBytes) + " bytes");
  return p;
}

// Decodes entities and character references; in attributes each white-space character becomes
// a space (a CR LF pair one space), in text CR LF and lone CR become LF. The result is a view
// into m_scratch. Called only for values that hold '&', CR, or (in attributes) LF or tab.
std::string_view XmlPull::decode(std::string_view raw, std::size_t at, bool attribute) {
  const std::size_t begin = m_scratch.size();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
      m_scratch.push_back(attribute ? ' ' : '\n');
    } else if (attribute && (c == '\n' || c == '\t')) {
      m_scratch.push_back(' ');
    } else if (c != '&') {
      m_scratch.push_back(c);
    } else {
      const std::size_t semi = raw.find(';', i + 1);
      const std::size_t where = at + i;
      if (semi == std::string_view::npos || semi - i > 12)
        fail(where, "'&' must start an entity such as &amp; (write a literal & as &amp;)");
      const std::string_view ent = raw.substr(i + 1, semi - i - 1);
      if (ent == "lt")
        m_scratch.push_back('<');
      else if (ent == "gt")
        m_scratch.push_back('>');
      else if (ent == "amp")
        m_scratch.push_back('&');
      else if (ent == "quot")
        m_scratch.push_back('"');
      else if (ent == "apos")
        m_scratch.push_back('\'');
      else if (!ent.empty() && ent[0] == '#') {
        const bool hex = ent.size() > 1 && ent[1] == 'x';
        const std::string_view digits = ent.substr(hex ? 2 : 1);
        unsigned long cp = 0;
        auto [p, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (digits.empty() || ec != std::errc() || p != digits.data() + digits.size() || cp == 0 ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          fail(where, "'&" + excerpt(ent) + ";' is not a valid character reference");
        appendUtf8(m_scratch, cp);
      } else {
        fail(where, "unknown entity '&" + excerpt(ent) +
                        ";'; XML predefines only &lt; &gt; &amp; &quot; &apos; (and &#N;)");
      }
      i = semi;
    }
  }
  return std::string_view(m_scratch).substr(begin);
}

XmlPull::Event XmlPull::next() {
  if (!m_checked) {
    // Once, before anything is read: every later view into the text is valid UTF-8 (names,
    // values, text), so no reader above has to check again or print broken bytes.
    m_checked = true;
    if (auto bad = findInvalidUtf8OrNul(m_doc.substr(m_pos))) {
      const std::size_t at = m_pos + *bad;
      const auto byte = static_cast<unsigned char>(m_doc[at]);
      if (byte == 0) fail(at, "a NUL byte (0x00); XML does not allow it in a document");
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", byte);
      fail(at, std::string("invalid UTF-8 (byte ") + hex +
                   "); expected UTF-8 text (save the file as UTF-8, or declare its encoding in "
                   "<?xml ... encoding=\"...\"?>)");
    }
  }
  m_attrs.clear();
  m_scratch.clear();
  if (m_pendingEnd) {
    m_pendingEnd = false;  // m_name and m_local are still the start tag's
    m_stack.pop_back();
    if (m_stack.empty()) m_rootClosed = true;
    return Event::EndElement;
  }
  const char* base = m_doc.data();
  const std::size_t n = m_doc.size();
  for (;;) {
    m_start = m_pos;
    m_startLine = m_line;
    if (m_pos >= n) {
      if (!m_stack.empty()) {
        const Open& open = m_stack.back();
        fail(n, "the file ends before <" + excerpt(open.name) + "> (line " +
                    std::to_string(open.line) + ") is closed");
      }
      if (!m_rootSeen) fail(n, "no root element: the file holds no XML element");
      return Event::EndDocument;
    }
    if (base[m_pos] != '<') {
      // Character data up to the next '<', counting lines and noting what needs decoding.
      const char* p = base + m_pos;
      const char* end = base + n;
      bool special = false;
      for (; p < end; ++p) {
        if (!(cls(*p) & kTextSpecial)) continue;
        if (*p == '<') break;
        if (*p == '\n')
          ++m_line;
        else
          special = true;
      }
      const std::size_t stop = static_cast<std::size_t>(p - base);
      const std::string_view raw = m_doc.substr(m_pos, stop - m_pos);
      m_pos = stop;
      if (m_stack.empty()) {
        const auto first = std::find_if_not(raw.begin(), raw.end(), isSpace);
        if (first != raw.end()) {
          const std::size_t at = m_start + static_cast<std::size_t>(first - raw.begin());
          // Before the root: probably no XML at all, so nothing of it is quoted.
          if (!m_rootSeen)
            fail(at, "text before the root element; expected an XML document (starting with "
                     "'<?xml' or '<')");
          std::string_view shown = raw.substr(static_cast<std::size_t>(first - raw.begin()));
          while (!shown.empty() && isSpace(shown.back())) shown.remove_suffix(1);
          fail(at, std::string("text ") + quoted(shown) + " after the root element");
        }
        continue;
      }
      m_text = special ? decode(raw, m_start, false) : raw;
      return Event::Text;
    }
    const char c = m_pos + 1 < n ? base[m_pos + 1] : '\0';
    if (c == '/') return endTag();
    if (c == '!' || c == '?') {
      if (markup()) return Event::Text;
      continue;
    }
    return startTag();
  }
}

XmlPull::Event XmlPull::startTag() {
  if (m_rootClosed) fail(m_pos, "a second root element; an XML file has exactly one");
  if (m_stack.size() >= kMaxXmlDepth)
    fail(m_pos, "elements nest deeper than " + std::to_string(kMaxXmlDepth) +
                    " levels here; expected at most " + std::to_string(kMaxXmlDepth));
  const char* base = m_doc.data();
  const std::size_t n = m_doc.size();
  const std::size_t nameStart = m_pos + 1;
  std::size_t p = scanName(nameStart, "an element name after '<'");
  setName(nameStart, p);
  m_decoded.clear();
  m_attrOffsets.clear();
  for (;;) {
    const std::size_t before = p;
    for (; p < n && (cls(base[p]) & kSpace); ++p)
      if (base[p] == '\n') ++m_line;
    if (p >= n) fail(m_start, "the tag <" + excerpt(m_name) + "> is not closed with '>'");
    if (base[p] == '>') {
      ++p;
      break;
    }
    if (base[p] == '/') {
      if (p + 1 >= n || base[p + 1] != '>')
        fail(p, "expected '/>' to end the tag <" + excerpt(m_name) + ">");
      p += 2;
      m_pendingEnd = true;
      break;
    }
    if (p == before) fail(p, "expected white space between attributes");
    const std::size_t an = p;
    p = scanName(p, "an attribute name");
    const std::string_view attrName = m_doc.substr(an, p - an);
    if (m_attrs.size() >= kMaxXmlAttributes)
      fail(an, "more than " + std::to_string(kMaxXmlAttributes) + " attributes on <" +
                   excerpt(m_name) + ">; expected at most " +
                   std::to_string(kMaxXmlAttributes));
    for (; p < n && (cls(base[p]) & kSpace); ++p)
      if (base[p] == '\n') ++m_line;
    if (p >= n || base[p] != '=')
      fail(p, "attribute '" + excerpt(attrName) + "' needs '=' and a quoted value");
    ++p;
    for (; p < n && (cls(base[p]) & kSpace); ++p)
      if (base[p] == '\n') ++m_line;
    if (p >= n || (base[p] != '"' && base[p] != '\''))
      fail(p, "the value of attribute '" + excerpt(attrName) + "' must be in quotes");
    const char q = base[p++];
    std::size_t v = p;
    bool special = false;
    for (; v < n && base[v] != q; ++v) {
      const char ch = base[v];
      if (!(cls(ch) & (kTextSpecial | kSpace))) continue;
      if (ch == '<')
        fail(v, "'<' inside the value of attribute '" + excerpt(attrName) +
                    "' (write it as &lt;)");
      if (ch == '\n') ++m_line;
      if (ch != ' ') special = true;
    }
    if (v >= n) fail(an, "the value of attribute '" + excerpt(attrName) + "' is not closed");
    if (v - p > kMaxXmlAttributeBytes)
      fail(p, "the value of attribute '" + excerpt(attrName) + "' is " +
                  std::to_string(v - p) + " bytes long; expected at most " +
                  std::to_string(kMaxXmlAttributeBytes) + " bytes");
    const std::string_view raw = m_doc.substr(p, v - p);
    m_attrOffsets.push_back(an);
    if (special) {
      m_decoded.emplace_back(m_attrs.size(), m_scratch.size());
      m_attrs.push_back({attrName, decode(raw, p, true)});
    } else {
      m_attrs.push_back({attrName, raw});
    }
    p = v + 1;
  }
  // Each attribute once per element (XML 1.0, 3.1): pairwise for the usual few, hashed beyond.
  const std::size_t count = m_attrs.size();
  if (count > 1) {
    if (count <= 16) {
      for (std::size_t j = 1; j < count; ++j)
        for (std::size_t i = 0; i < j; ++i)
          if (xmlNameEquals(m_attrs[i].name, m_attrs[j].name)) duplicateAttribute(j);
    } else {
      std::unordered_set<std::string_view> seen;
      for (std::size_t j = 0; j < count; ++j)
        if (!seen.insert(m_attrs[j].name).second) duplicateAttribute(j);
    }
  }
  // Decoded values were written into one buffer that may have moved: point at it now.
  for (std::size_t i = 0; i < m_decoded.size(); ++i) {
    const auto [attr, from] = m_decoded[i];
    const std::size_t to = i + 1 < m_decoded.size() ? m_decoded[i + 1].second : m_scratch.size();
    m_attrs[attr].value = std::string_view(m_scratch).substr(from, to - from);
  }
  m_stack.push_back({m_name, m_startLine});
  m_rootSeen = true;
  m_pos = p;
  return Event::StartElement;
}

void XmlPull::duplicateAttribute(std::size_t index) const {
  fail(m_attrOffsets[index], "attribute '" + excerpt(m_attrs[index].name) +
                                 "' appears twice in <" + excerpt(m_name) +
                                 ">; XML allows each attribute once per element");
}

XmlPull::Event XmlPull::endTag() {
  const char* base = m_doc.data();
  const std::size_t n = m_doc.size();
  const std::size_t nameStart = m_pos + 2;
  std::size_t p = scanName(nameStart, "an element name after '</'");
  setName(nameStart, p);
  for (; p < n && (cls(base[p]) & kSpace); ++p)
    if (base[p] == '\n') ++m_line;
  if (p >= n || base[p] != '>')
    fail(m_start, "the end tag </" + excerpt(m_name) + "> is not closed with '>'");
  if (m_stack.empty()) fail(m_start, "</" + excerpt(m_name) + "> closes no open element");
  if (!xmlNameEquals(m_stack.back().name, m_name)) {
    const Open& open = m_stack.back();
    fail(m_start, "</" + excerpt(m_name) + "> does not match <" + excerpt(open.name) +
                      "> opened on line " + std::to_string(open.line));
  }
  m_stack.pop_back();
  if (m_stack.empty()) m_rootClosed = true;
  m_pos = p + 1;
  return Event::EndElement;
}

bool XmlPull::markup() {
  const std::string_view rest = m_doc.substr(m_pos);
  auto skipTo = [&](std::string_view close, std::size_t from, const char* what) {
    const std::size_t at = rest.find(close, from);
    if (at == std::string_view::npos) fail(m_start, std::string(what) + " is not closed");
    advanceTo(m_pos + at + close.size());
    return at;
  };
  if (rest.substr(0, 4) == "<!--") {
    skipTo("-->", 4, "the comment (missing '-->')");
    return false;
  }
  if (rest.substr(0, 9) == "<![CDATA[") {
    if (m_stack.empty()) fail(m_start, "a CDATA section outside the root element");
    const std::size_t at = skipTo("]]>", 9, "the CDATA section (missing ']]>')");
    m_text = rest.substr(9, at - 9);
    return true;
  }
  if (rest.substr(0, 2) == "<?") {
    skipTo("?>", 2, "the processing instruction (missing '?>')");
    return false;
  }
  if (rest.substr(0, 9) == "<!DOCTYPE") {
    if (m_rootSeen) fail(m_start, "a DOCTYPE after the root element has started");
    // Skip to the '>' that ends it, past an internal subset in brackets and quoted strings.
    int brackets = 0;
    char quote = 0;
    for (std::size_t i = 9; i < rest.size(); ++i) {
      const char c = rest[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (rest.compare(i, 4, "<!--") == 0) {  // a comment may hold brackets
        const std::size_t end = rest.find("-->", i + 4);
        if (end == std::string_view::npos) break;
        i = end + 2;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++brackets;
      } else if (c == ']') {
        --brackets;
      } else if (c == '>' && brackets <= 0) {
        advanceTo(m_pos + i + 1);
        return false;
      }
    }
    fail(m_start, "the DOCTYPE declaration is not closed");
  }
  fail(m_start, "unexpected markup " + quoted(rest.substr(0, std::min<std::size_t>(rest.size(), 12))) +
                    "; expected an element, a comment or a CDATA section");
}

bool XmlPull::simpleContent(std::string_view& text) {
  if (m_pendingEnd) {  // <a/>: empty content, and the end event is consumed here
    next();
    text = {};
    return true;
  }
  const char* base = m_doc.data();
  const std::size_t n = m_doc.size();
  std::size_t p = m_pos;
  int lines = 0;
  bool special = false;
  for (; p < n; ++p) {
    const char c = base[p];
    if (!(cls(c) & kTextSpecial)) continue;
    if (c == '<') break;
    if (c == '\n')
      ++lines;
    else
      special = true;
  }
  // Only "text</name>" (or "text</name >") qualifies; anything else goes through next().
  const std::string_view name = m_stack.back().name;
  const std::size_t close = p + 2 + name.size();
  if (p + 1 >= n || base[p + 1] != '/' || close > n ||
      !xmlNameEquals(m_doc.substr(p + 2, name.size()), name))
    return false;
  std::size_t q = close;
  while (q < n && (cls(base[q]) & kSpace) && base[q] != '\n') ++q;
  if (q >= n || base[q] != '>') return false;
  m_scratch.clear();
  m_start = m_pos;
  m_startLine = m_line;
  const std::string_view raw = m_doc.substr(m_pos, p - m_pos);
  text = special ? decode(raw, m_pos, false) : raw;
  m_line += lines;
  m_pos = q + 1;
  m_stack.pop_back();
  if (m_stack.empty()) m_rootClosed = true;
  return true;
}

void XmlPull::skipElement() {
  const std::size_t depthBefore = m_stack.size();
  while (m_stack.size() >= depthBefore) {
    if (next() == Event::EndDocument) return;  // unreachable: next() fails on open elements
  }
}

}  // namespace liaison::core
