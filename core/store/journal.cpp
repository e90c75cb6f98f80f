#include "core/store/journal.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace liaison::core {

namespace {

void netstring(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

}  // namespace

std::string journalCanonical(const JournalEntry& e) {
  std::string out = "liaison-journal-1";
  out.reserve(out.size() + e.actor.size() + e.summary.size() + e.before.size() + e.after.size() +
              64);
  netstring(out, std::to_string(e.seq));
  netstring(out, std::to_string(e.time));
  netstring(out, e.actor);
  netstring(out, e.action);
  netstring(out, e.entity);
  netstring(out, std::to_string(e.entity_id));
  netstring(out, e.summary);
  netstring(out, e.before);
  netstring(out, e.after);
  return out;
}

std::string journalHash(const JournalEntry& e) {
  const std::string canonical = journalCanonical(e);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), canonical.data(), canonical.size()) != 1 ||
      EVP_DigestUpdate(ctx.get(), e.prev_hash.data(), e.prev_hash.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace liaison::core
