#include "sync/payload.h"

#include <cassert>
#include <sstream>
#include <stdexcept>

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
  archive & entry.seq & entry.uuid & entry.kind & entry.time_utc_ms & entry.business_day & entry.body;
  if (version == 1) archive & entry.prev_hash & entry.hash;
}

// Written only at the current version, so `chain` is present when saving (EncodePayload).
template <class Archive>
void serialize(Archive& archive, WireBatch& batch, const unsigned version) {
  RequireKnownVersion("WireBatch", version, kWireBatchVersion);
  archive & batch.stall_id & batch.terminal_id;
  if (version >= 2) {
    if constexpr (Archive::is_loading::value) batch.chain.emplace();
    archive & batch.chain->before_first & batch.chain->last_hash;
  }
  archive & batch.entries;
}

}  // namespace lapak::sync

BOOST_CLASS_VERSION(lapak::sync::WireEntry, lapak::sync::kWireEntryVersion)
BOOST_CLASS_VERSION(lapak::sync::WireBatch, lapak::sync::kWireBatchVersion)
BOOST_CLASS_TRACKING(lapak::sync::WireEntry, boost::serialization::track_never)
BOOST_CLASS_TRACKING(lapak::sync::WireBatch, boost::serialization::track_never)

namespace lapak::sync {

namespace {

WireEntry EntryToWire(const JournalEntry& entry) {
  return WireEntry{.seq = entry.seq,
                   .uuid = entry.uuid,
                   .kind = std::string(EntryKindName(entry.kind)),
                   .time_utc_ms = entry.time.time_since_epoch().count(),
                   .business_day = entry.business_day,
                   .body = entry.body,
                   .prev_hash = {},
                   .hash = {}};
}

// Every field but the hashes, whose form depends on the batch's version.
Result<JournalEntry> EntryFromWire(const WireEntry& wire, const std::string& terminal_id) {
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
  return entry;
}

Status NotAHash(int64_t seq) {
  return Status::InvalidArgument(fmt::format("entry {}: a hash is not 64 hex digits", seq));
}

}  // namespace

WireBatch ToWire(std::string stall_id, std::string terminal_id, std::span<const JournalEntry> entries) {
  assert(!entries.empty());
  WireBatch batch{.stall_id = std::move(stall_id),
                  .terminal_id = std::move(terminal_id),
                  .chain = ChainEnds{.before_first = HexEncode(entries.front().prev_hash),
                                     .last_hash = HexEncode(entries.back().hash)},
                  .entries = {}};
  batch.entries.reserve(entries.size());
  for (const JournalEntry& entry : entries) batch.entries.push_back(EntryToWire(entry));
  return batch;
}

Result<EntriesFromWire> FromWire(const WireBatch& batch) {
  if (batch.entries.empty()) return Status::InvalidArgument("the batch holds no entries");
  EntriesFromWire read;
  read.entries.reserve(batch.entries.size());
  read.hashes_of_bytes.reserve(batch.entries.size());
  Sha256Digest before{};
  if (batch.chain && !HexDecode(batch.chain->before_first, before)) return NotAHash(batch.entries.front().seq);
  for (const WireEntry& wire : batch.entries) {
    Result<JournalEntry> entry = EntryFromWire(wire, batch.terminal_id);
    if (!entry.ok()) return entry.status();
    if (batch.chain) {
      entry->prev_hash = before;
      before = ComputeEntryHash(*entry);
      entry->hash = before;
    } else if (!HexDecode(wire.prev_hash, entry->prev_hash) || !HexDecode(wire.hash, entry->hash)) {
      return NotAHash(wire.seq);
    }
    read.hashes_of_bytes.push_back(batch.chain ? entry->hash : ComputeEntryHash(*entry));
    read.entries.push_back(std::move(entry).value());
  }
  if (batch.chain && !HexDecode(batch.chain->last_hash, read.entries.back().hash)) {
    return NotAHash(read.entries.back().seq);
  }
  return read;
}

std::string EncodePayload(const WireBatch& batch) {
  if (!batch.chain) throw std::invalid_argument("a batch without its chain's ends (version 1) is never written");
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
  if (batch.chain) {
    for (const WireEntry& entry : batch.entries) {
      if (!entry.prev_hash.empty() || !entry.hash.empty()) {
        return Status::InvalidArgument(fmt::format(
            "payload refused: entry {} carries hashes, which no entry of a version-2 batch does", entry.seq));
      }
    }
  }
  return batch;
}

}  // namespace lapak::sync
