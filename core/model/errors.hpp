// The errors every module throws, in one place, so that a reader of files or a validator does
// not have to include the store to say what went wrong.
//  StoreError       the workspace cannot be opened, read or written (the message says why).
//  ValidationError  a command breaks a rule; names the entity and field, says what is valid.
//  ImportError      a file is refused, pinned to file:line:column.
#pragma once

#include <stdexcept>
#include <string>

namespace liaison::core {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A command that breaks a rule (unknown reference, value out of range, ...). The message
// names the entity and field and says what would be valid. Nothing was written.
class ValidationError : public StoreError {
 public:
  using StoreError::StoreError;
};

// An import error pinned to a place: "agencies.csv:12:3: unknown agency type 'fir'; valid
// values are fire, law, ...". line and column are 1-based; column 0 = whole line/file.
class ImportError : public std::runtime_error {
 public:
  ImportError(std::string file, int line, int column, const std::string& what);
  const std::string& file() const { return m_file; }
  int line() const { return m_line; }
  int column() const { return m_column; }
  const std::string& reason() const { return m_reason; }

 private:
  std::string m_file;
  int m_line, m_column;
  std::string m_reason;
};

}  // namespace liaison::core
