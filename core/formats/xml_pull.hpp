// A strict, non-validating XML pull parser over UTF-8 text in memory, for reading large
// GraphML quickly: it walks the text once and keeps nothing but the stack of open elements,
// so reading a 3 MB file allocates almost nothing (a DOM of the same file takes about 12 MB).
//
// It checks well-formedness as it goes: names, quoted attribute values (each attribute once per
// element), matching end tags, one root element, closed comments, CDATA sections and processing
// instructions, the five predefined entities and character references; and, before the first
// event, that the whole text is UTF-8 without NUL bytes. A document type declaration is
// skipped; an entity it would declare is refused as unknown. Limits (below) bound the depth,
// names and attributes of hostile files. Malformed input raises XmlSyntaxError with the line,
// the column and the reason.
//
// Names and undecoded values are views into the text, which must outlive the parser. Decoded
// values (with entities, or with line breaks in attributes) are views into the parser's own
// buffer, valid until the next call to next().
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace liaison::core {

class XmlSyntaxError : public std::runtime_error {
 public:
  XmlSyntaxError(int line, int column, const std::string& reason);
  int line() const { return m_line; }      // 1-based
  int column() const { return m_column; }  // 1-based, in characters (code points)
  const std::string& reason() const { return m_reason; }

 private:
  int m_line, m_column;
  std::string m_reason;
};

// Limits on what one document may hold (docs/scenario-format.md, "Files and limits").
inline constexpr std::size_t kMaxXmlDepth = 256;              // open elements
inline constexpr std::size_t kMaxXmlNameBytes = 1024;         // an element or attribute name
inline constexpr std::size_t kMaxXmlAttributes = 256;         // attributes of one element
inline constexpr std::size_t kMaxXmlAttributeBytes = 1 << 20;  // one attribute value

// Appends a code point as UTF-8.
void appendUtf8(std::string& out, unsigned long codePoint);

// Equality for the short names and ids of markup: an inline loop rather than a memcmp call.
inline bool xmlNameEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

struct XmlAttribute {
  std::string_view name, value;  // value with entities decoded and white space normalised
};

class XmlPull {
 public:
  enum class Event { StartElement, EndElement, Text, EndDocument };

  explicit XmlPull(std::string_view utf8);

  // The next event. An empty element (<a/>) gives StartElement then EndElement. Comments,
  // processing instructions and the document type declaration are skipped. Text is character
  // data with entities decoded and line ends normalised; a CDATA section is its own Text event.
  Event next();

  std::string_view name() const { return m_name; }  // StartElement / EndElement, as written
  std::string_view localName() const { return m_local; }  // the name without a prefix
  const std::vector<XmlAttribute>& attributes() const { return m_attrs; }
  // The value of an attribute of the current start tag; nullptr when absent.
  const std::string_view* attribute(std::string_view name) const;
  std::string_view text() const { return m_text; }  // Text
  std::size_t depth() const { return m_stack.size(); }  // open elements, the current included

  std::size_t offset() const { return m_start; }  // where the current event starts
  int line() const { return m_startLine; }        // the line of the current event
  int lineAt(std::size_t offset) const;           // the line of any offset (fast from offset())
  int columnAt(std::size_t offset) const;         // its column (1-based, in characters)
  std::string_view document() const { return m_doc; }

  // After a StartElement whose content is only character data: that text (decoded), with the
  // element's end tag consumed, and true. False, having consumed nothing, when the content holds
  // markup; read it with next() then. One call instead of a Text and an EndElement event.
  bool simpleContent(std::string_view& text);

  // After a StartElement: reads to its EndElement (checking well-formedness on the way).
  void skipElement();

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& reason) const;
  [[noreturn]] void duplicateAttribute(std::size_t index) const;
  Event startTag();
  Event endTag();
  bool markup();  // comments, CDATA, PIs, DOCTYPE; true when a Text event (CDATA) was produced
  std::size_t scanName(std::size_t at, const char* what);
  void advanceTo(std::size_t pos);
  void setName(std::size_t begin, std::size_t end);  // m_name and m_local  // moves m_pos forward, counting the lines passed
  std::string_view decode(std::string_view raw, std::size_t at, bool attribute);

  std::string_view m_doc;
  std::size_t m_pos = 0;
  std::size_t m_start = 0;
  std::string_view m_name, m_local, m_text;
  std::vector<XmlAttribute> m_attrs;
  struct Open {
    std::string_view name;
    int line;
  };
  std::vector<Open> m_stack;
  bool m_pendingEnd = false;  // an empty element's EndElement is due
  bool m_rootSeen = false;
  bool m_rootClosed = false;
  bool m_checked = false;  // the text was checked for UTF-8 and NUL bytes
  std::string m_scratch;                      // decoded values of the current event
  std::vector<std::pair<std::size_t, std::size_t>> m_decoded;  // (attribute, scratch offset)
  std::vector<std::size_t> m_attrOffsets;  // where each attribute's name starts
  int m_line = 1;       // the line at m_pos
  int m_startLine = 1;  // the line at m_start
};

}  // namespace liaison::core
