#include "sync/payload.h"

#include <sstream>

#include <boost/archive/text_oarchive.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>
#include <fmt/format.h>

#include "core/business_day.h"
#include "core/crypto.h"
#include "core/text.h"
#include "sync/bounded_text_iarchive.h"
#include "sync/envelope.h"

namespace lapak::sync {

class UnsupportedVersion : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace {

void RequireKnownVersion(const char* type, unsigned version, unsigned known) {
  if (version > known) {
    throw UnsupportedVersion(
        fmt::format("{} version {} is newer than this ledger knows ({})", type, version, known));
  }
}

}  // namespace

template <class Archive>
void serialize(Archive& archive, WireEntry& entry, const unsigned version) {
  RequireKnownVersion("WireEntry", version, kWireEntryVersion);
  archive & entry.seq & entry.uuid & entry.kind & entry.time_utc_ms & entry.business_day &
      entry.body & entry.prev_hash & entry.hash;
}

template <class Archive>
void serialize(Archive& archive, WireBatch& batch, const unsigned version) {
  RequireKnownVersion("WireBatch", version, kWireBatchVersion);
  archive & batch.stall_id & batch.terminal_id & batch.entries;
}

}  // namespace lapak::sync

BOOST_CLASS_VERSION(lapak::sync::WireEntry, lapak::sync::kWireEntryVersion)
BOOST_CLASS_VERSION(lapak::sync::WireBatch, lapak::sync::kWireBatchVersion)
BOOST_CLASS_TRACKING(lapak::sync::WireEntry, boost::serialization::track_never)
BOOST_CLASS_TRACKING(lapak::sync::WireBatch, boost::serialization::track_never)

namespace lapak::sync {

WireEntry ToWire(const JournalEntry& entry) {
  return WireEntry{.seq = entry.seq,
                   .uuid = entry.uuid,
                   .kind = std::string(EntryKindName(entry.kind)),
                   .time_utc_ms = entry.time.time_since_epoch().count(),
                   .business_day = entry.business_day,
                   .body = entry.body,
                   .prev_hash = HexEncode(entry.prev_hash),
                   .hash = HexEncode(entry.hash)};
}

Result<JournalEntry> FromWire(const WireEntry& wire, const std::string& terminal_id) {
  JournalEntry entry;
  entry.terminal_id = terminal_id;
  entry.seq = wire.seq;
  Result<EntryKind> kind = ParseEntryKind(wire.kind);
  if (!kind.ok()) return Status::InvalidArgument(fmt::format("entry {}: {}", wire.seq, kind.status().message()));
  entry.kind = *kind;
  if (wire.uuid.size() != 36 || !IsPrintableUtf8(wire.uuid)) {
    return Status::InvalidArgument(fmt::format("entry {}: the uuid is malformed", wire.seq));
  }
  entry.uuid = wire.uuid;
  entry.time = TimePoint(std::chrono::milliseconds(wire.time_utc_ms));
  if (!IsIsoDate(wire.business_day)) {
    return Status::InvalidArgument(fmt::format("entry {}: business day '{}' is not a date",
                                               wire.seq, wire.business_day));
  }
  entry.business_day = wire.business_day;
  entry.body = wire.body;
  if (!HexDecode(wire.prev_hash, entry.prev_hash) || !HexDecode(wire.hash, entry.hash)) {
    return Status::InvalidArgument(fmt::format("entry {}: a hash is not 64 hex digits", wire.seq));
  }
  return entry;
}

std::string EncodePayload(const WireBatch& batch) {
  std::ostringstream out;
  {
    boost::archive::text_oarchive archive(out);
    archive << batch;
  }
  return std::move(out).str();
}

Result<WireBatch> DecodePayload(std::string_view bytes) {
  if (bytes.size() > kMaxPayloadBytes) {
    return Status::InvalidArgument(fmt::format("payload of {} bytes is over the limit of {}",
                                               bytes.size(), kMaxPayloadBytes));
  }
  std::istringstream input{std::string(bytes)};
  WireBatch batch;
  try {
    BoundedTextIArchive archive(
        input, ArchiveBounds{.max_string_bytes = kMaxBodyBytes,
                             .max_collection_count = static_cast<size_t>(kMaxEntriesPerBatch)});
    archive >> batch;
  } catch (const BoundExceeded& e) {
    return Status::InvalidArgument(fmt::format("payload refused: {}", e.what()));
  } catch (const UnsupportedVersion& e) {
    return Status::InvalidArgument(fmt::format("payload refused: {}", e.what()));
  } catch (const boost::archive::archive_exception& e) {
    return Status::InvalidArgument(fmt::format("payload is not a valid archive: {}", e.what()));
  } catch (const std::exception& e) {
    return Status::InvalidArgument(fmt::format("payload could not be read: {}", e.what()));
  }
  input >> std::ws;
  if (!input.eof()) return Status::InvalidArgument("payload has bytes after the batch");
  if (!IsIdentifier(batch.stall_id) || !IsIdentifier(batch.terminal_id)) {
    return Status::InvalidArgument("the batch's stall or terminal id is malformed");
  }
  if (batch.entries.empty()) return Status::InvalidArgument("the batch holds no entries");
  return batch;
}

}  // namespace lapak::sync
