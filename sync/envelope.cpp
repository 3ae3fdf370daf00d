#include "sync/envelope.h"

#include <libdeflate.h>

#include <cassert>
#include <memory>
#include <new>

#include <fmt/format.h>

#include "core/crypto.h"
#include "core/text.h"

namespace lapak::sync {

namespace {

void PutBigEndian(std::string& out, uint64_t value, int bytes) {
  for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

// Reads big-endian integers off the front of a byte string.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  bool Take(size_t count, std::string_view& out) {
    if (bytes_.size() - position_ < count) return false;
    out = bytes_.substr(position_, count);
    position_ += count;
    return true;
  }
  bool Unsigned(int count, uint64_t& value) {
    std::string_view raw;
    if (!Take(static_cast<size_t>(count), raw)) return false;
    value = 0;
    for (char c : raw) value = (value << 8) | static_cast<unsigned char>(c);
    return true;
  }
  size_t position() const { return position_; }
  size_t left() const { return bytes_.size() - position_; }

 private:
  std::string_view bytes_;
  size_t position_ = 0;
};

}  // namespace

std::string SealEnvelope(const EnvelopeHeader& header, std::string_view payload,
                         std::string_view terminal_key) {
  assert(IsIdentifier(header.stall_id) && IsIdentifier(header.terminal_id));
  assert(header.first_seq >= 1 && header.last_seq >= header.first_seq);
  assert(header.last_seq - header.first_seq < kMaxEntriesPerBatch);
  assert(payload.size() <= kMaxPayloadBytes);
  std::string out;
  out.reserve(64 + payload.size());
  out += kEnvelopeMagic;
  PutBigEndian(out, kProtocolVersion, 2);
  PutBigEndian(out, static_cast<uint8_t>(header.encoding), 1);
  PutBigEndian(out, header.stall_id.size(), 1);
  out += header.stall_id;
  PutBigEndian(out, header.terminal_id.size(), 1);
  out += header.terminal_id;
  PutBigEndian(out, static_cast<uint64_t>(header.first_seq), 8);
  PutBigEndian(out, static_cast<uint64_t>(header.last_seq), 8);
  PutBigEndian(out, payload.size(), 4);
  out += payload;
  const Sha256Digest mac = HmacSha256(terminal_key, out);
  out.append(reinterpret_cast<const char*>(mac.data()), mac.size());
  return out;
}

Result<EnvelopeView> ParseEnvelope(std::string_view bytes) {
  if (bytes.size() > kMaxEnvelopeBytes) {
    return Status::InvalidArgument(fmt::format("envelope of {} bytes is over the limit of {}",
                                               bytes.size(), kMaxEnvelopeBytes));
  }
  Reader reader(bytes);
  EnvelopeView envelope;
  std::string_view magic;
  uint64_t version = 0, encoding = 0, stall_length = 0, id_length = 0, first = 0, last = 0,
           payload_length = 0;
  if (!reader.Take(kEnvelopeMagic.size(), magic) || magic != kEnvelopeMagic) {
    return Status::InvalidArgument("not a Lapak batch: the magic bytes are wrong");
  }
  if (!reader.Unsigned(2, version) || !reader.Unsigned(1, encoding)) {
    return Status::InvalidArgument("envelope ends inside its header");
  }
  if (version < kOldestProtocolVersion || version > kProtocolVersion) {
    return Status::InvalidArgument(
        fmt::format("protocol version {} is not supported (this ledger speaks {} to {})", version,
                    kOldestProtocolVersion, kProtocolVersion));
  }
  if (encoding > static_cast<uint64_t>(PayloadEncoding::kZlib)) {
    return Status::InvalidArgument(fmt::format("unknown payload encoding {}", encoding));
  }
  if (version >= 2) {
    if (!reader.Unsigned(1, stall_length) || stall_length == 0 || stall_length > kMaxTerminalIdBytes ||
        !reader.Take(stall_length, envelope.stall_id) || !IsIdentifier(envelope.stall_id)) {
      return Status::InvalidArgument("the envelope's stall id is malformed");
    }
  }
  if (!reader.Unsigned(1, id_length)) return Status::InvalidArgument("envelope ends inside its header");
  if (id_length == 0 || id_length > kMaxTerminalIdBytes ||
      !reader.Take(id_length, envelope.terminal_id) || !IsIdentifier(envelope.terminal_id)) {
    return Status::InvalidArgument("the envelope's terminal id is malformed");
  }
  if (!reader.Unsigned(8, first) || !reader.Unsigned(8, last) ||
      !reader.Unsigned(4, payload_length)) {
    return Status::InvalidArgument("envelope ends inside its header");
  }
  if (first < 1 || last < first || last > static_cast<uint64_t>(INT64_MAX) ||
      last - first >= static_cast<uint64_t>(kMaxEntriesPerBatch)) {
    return Status::InvalidArgument(fmt::format(
        "sequence range {}..{} is not a batch of 1 to {} entries", first, last,
        kMaxEntriesPerBatch));
  }
  if (payload_length > kMaxPayloadBytes) {
    return Status::InvalidArgument(fmt::format("payload of {} bytes is over the limit of {}",
                                               payload_length, kMaxPayloadBytes));
  }
  if (reader.left() != payload_length + kMacBytes) {
    return Status::InvalidArgument(
        fmt::format("envelope holds {} bytes after its header; its lengths say {}",
                    reader.left(), payload_length + kMacBytes));
  }
  const size_t signed_length = reader.position() + payload_length;
  (void)reader.Take(payload_length, envelope.payload);
  (void)reader.Take(kMacBytes, envelope.mac);
  envelope.version = static_cast<uint16_t>(version);
  envelope.encoding = static_cast<PayloadEncoding>(encoding);
  envelope.first_seq = static_cast<int64_t>(first);
  envelope.last_seq = static_cast<int64_t>(last);
  envelope.signed_bytes = bytes.substr(0, signed_length);
  return envelope;
}

bool VerifyEnvelopeMac(const EnvelopeView& envelope, std::string_view terminal_key) {
  const Sha256Digest expected = HmacSha256(terminal_key, envelope.signed_bytes);
  return ConstantTimeEquals(
      std::string_view(reinterpret_cast<const char*>(expected.data()), expected.size()),
      envelope.mac);
}

Result<std::string> InflatePayload(const EnvelopeView& envelope) {
  if (envelope.encoding == PayloadEncoding::kPlain) return std::string(envelope.payload);
  // libdeflate inflates in one call into room given before it starts: the limit and one byte
  // over it (a payload that fills that byte is over the limit). It stops where the room ends,
  // so a bomb costs at most that room and the time to fill it. Each thread that inflates
  // keeps its room, and its decompressor, from one batch to the next, never cleared: a batch
  // then costs what it inflates to, copied out, and not a fresh MiB zeroed and faulted in
  // (12 % of the ledger's processor time in a catch-up, measured, when it was so).
  constexpr size_t kCapacity = kMaxPayloadBytes + 1;
  struct Inflater {
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> decompressor{
        libdeflate_alloc_decompressor(), &libdeflate_free_decompressor};
    std::unique_ptr<char[]> room = std::make_unique_for_overwrite<char[]>(kCapacity);
  };
  thread_local const Inflater inflater;
  if (inflater.decompressor == nullptr) throw std::bad_alloc();
  size_t read = 0;
  size_t produced = 0;
  const libdeflate_result result =
      libdeflate_zlib_decompress_ex(inflater.decompressor.get(), envelope.payload.data(), envelope.payload.size(),
                                    inflater.room.get(), kCapacity, &read, &produced);
  if (result == LIBDEFLATE_INSUFFICIENT_SPACE || produced == kCapacity) {
    return Status::InvalidArgument(fmt::format("the payload inflates beyond the limit of {} bytes", kMaxPayloadBytes));
  }
  if (result != LIBDEFLATE_SUCCESS || read != envelope.payload.size()) {
    return Status::InvalidArgument("the compressed payload is not a whole zlib stream");
  }
  return std::string(inflater.room.get(), produced);
}

std::string CompressPayload(std::string_view archive) {
  constexpr int kLevel = 6;
  const std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> compressor(
      libdeflate_alloc_compressor(kLevel), &libdeflate_free_compressor);
  if (compressor == nullptr) throw std::bad_alloc();
  std::string out(libdeflate_zlib_compress_bound(compressor.get(), archive.size()), '\0');
  const size_t length =
      libdeflate_zlib_compress(compressor.get(), archive.data(), archive.size(), out.data(), out.size());
  assert(length > 0);  // the bound always has room
  out.resize(length);
  return out;
}

}  // namespace lapak::sync
