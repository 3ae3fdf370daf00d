// The wire format: envelope framing and signing, payload encoding and its bounded decoding,
// the ledger's answers.
#include <gtest/gtest.h>

#include <fmt/core.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/journal.h"
#include "core/refusal.h"
#include "sync/protocol.h"
#include "tests/sync/sealed_batch.h"

namespace lapak::sync {
namespace {

const std::string kKey(32, 'k');

WireBatch SampleBatch(int entries) {
  WireBatch batch{.stall_id = "bakso-01",
                  .terminal_id = "T01",
                  .chain = ChainEnds{.before_first = std::string(64, '0'), .last_hash = std::string(64, 'a')},
                  .entries = {}};
  for (int i = 1; i <= entries; ++i) {
    batch.entries.push_back(WireEntry{.seq = i,
                                      .uuid = "123e4567-e89b-42d3-a456-426614174000",
                                      .kind = "day_open",
                                      .time_utc_ms = 1795000000000 + i,
                                      .business_day = "2026-11-22",
                                      .body = R"({"day":1,"float":50000})",
                                      .prev_hash = {},  // version 2: the batch holds the ends
                                      .hash = {}});
  }
  return batch;
}

// `count` entries of T01 chained from the journal's start, each hashed: their bodies are not
// judged here (Books does that), only carried.
std::vector<JournalEntry> ChainedEntries(int count) {
  std::vector<JournalEntry> entries;
  for (int i = 1; i <= count; ++i) {
    JournalEntry entry{.terminal_id = "T01",
                       .seq = i,
                       .uuid = fmt::format("123e4567-e89b-42d3-a456-42661417400{}", i % 10),
                       .kind = i == 1 ? EntryKind::kDayOpen : EntryKind::kSale,
                       .time = TimePoint(std::chrono::milliseconds(1795000000000 + i)),
                       .business_day = "2026-11-22",
                       .body = fmt::format(R"({{"day":1,"n":{}}})", i)};
    if (i > 1) entry.prev_hash = entries.back().hash;
    entry.hash = ComputeEntryHash(entry);
    entries.push_back(std::move(entry));
  }
  return entries;
}

EntriesFromWire Read(std::string_view payload) {
  Result<WireBatch> batch = DecodePayload(payload);
  EXPECT_TRUE(batch.ok()) << batch.status().ToString();
  if (!batch.ok()) return {};
  Result<EntriesFromWire> read = FromWire(*batch);
  EXPECT_TRUE(read.ok()) << read.status().ToString();
  return read.ok() ? std::move(read).value() : EntriesFromWire{};
}

std::vector<Sha256Digest> HashesOf(const std::vector<JournalEntry>& entries) {
  std::vector<Sha256Digest> hashes;
  for (const JournalEntry& entry : entries) hashes.push_back(entry.hash);
  return hashes;
}

std::string Seal(const std::string& payload, int64_t first, int64_t last,
                 PayloadEncoding encoding = PayloadEncoding::kPlain) {
  return SealEnvelope({.stall_id = "S01", .terminal_id = "T01", .first_seq = first, .last_seq = last,
                       .encoding = encoding},
                      payload, kKey);
}

// What a test compares of an answer: every member, the reason by its English text and code.
std::string Summary(const BatchAnswer& answer) {
  return fmt::format("{} hwm={} conflict={} mac={} terminal={} reason={} refusal={}", answer.http_status,
                     answer.hwm ? std::to_string(*answer.hwm) : "-", answer.conflict, answer.mac, answer.terminal_id,
                     answer.reason.ToString(), RefusalName(answer.reason.refusal()));
}

TEST(Answer, EachStatusWritesItsOwnMembersInNameOrderAndReadsBack) {
  const BatchAnswer ack{.http_status = 200, .hwm = 42, .mac = "ab12", .terminal_id = "T01"};
  EXPECT_EQ(R"({"hwm":42,"mac":"ab12","terminal":"T01"})", EncodeBatchAnswer(ack));
  const BatchAnswer conflict{
      .http_status = 409, .hwm = 7, .conflict = true, .mac = "cd", .reason = Refuse(Refusal::kEntryDiffersFromHeld, 8)};
  EXPECT_EQ(R"({"conflict":true,"error":"entry 8 differs from the one the ledger holds","hwm":7,"mac":"cd",)"
            R"("reason":{"args":["8"],"code":"FailedPrecondition","message":"entry 8 differs from the one the )"
            R"(ledger holds","refusal":"EntryDiffersFromHeld"}})",
            EncodeBatchAnswer(conflict));
  const BatchAnswer refused{.http_status = 422, .hwm = 3,
                            .reason = RefuseAt(Refusal::kAtEntry, 4)(Refuse(Refusal::kNoDayOpen))};
  EXPECT_EQ(R"({"error":"entry 4: no day is open","hwm":3,"reason":{"args":["4"],"causes":[{"args":[],)"
            R"("code":"FailedPrecondition","message":"no day is open","refusal":"NoDayOpen"}],)"
            R"("code":"FailedPrecondition","listed":false,"message":"entry 4: no day is open","refusal":"AtEntry"}})",
            EncodeBatchAnswer(refused));
  const BatchAnswer unauthorised{.http_status = 401, .reason = Refuse(Refusal::kBatchNotSigned)};
  const BatchAnswer uncoded{.http_status = 503, .reason = Status::IoError("disk full")};
  EXPECT_EQ(R"({"error":"disk full","reason":{"code":"IoError","message":"disk full"}})", EncodeBatchAnswer(uncoded));
  for (const BatchAnswer& answer : {ack, conflict, refused, unauthorised, uncoded}) {
    EXPECT_EQ(Summary(answer), Summary(ParseBatchAnswer(answer.http_status, EncodeBatchAnswer(answer))));
  }
  // The terminal says the ledger's reason in its vendor's language.
  EXPECT_EQ("Entri 4: belum ada hari yang dibuka",
            Explain(ParseBatchAnswer(422, EncodeBatchAnswer(refused)).reason, Language::kIndonesian));
  // A reason quoting invalid UTF-8 a terminal sent is replaced, not thrown on.
  EXPECT_EQ("{\"error\":\"bad \xEF\xBF\xBD\",\"reason\":{\"code\":\"InvalidArgument\",\"message\":\"bad \xEF\xBF\xBD\"}}",
            EncodeBatchAnswer({.http_status = 400, .reason = Status::InvalidArgument("bad \xff")}));
}

TEST(Answer, AnOlderLedgersTextIsKeptUncoded) {
  const BatchAnswer answer = ParseBatchAnswer(422, R"({"error":"entry 4: no day is open","hwm":3})");
  EXPECT_EQ(Refusal::kNone, answer.reason.refusal());
  EXPECT_EQ("entry 4: no day is open", answer.reason.message());
}

TEST(Answer, AnythingElseCarriesNoMark) {
  for (const char* body : {"", "<html>502 Bad Gateway</html>", "[1,2]", R"({"hwm":"12"})", R"({"hwm":1.5})"}) {
    const BatchAnswer answer = ParseBatchAnswer(502, body);
    EXPECT_FALSE(answer.hwm.has_value()) << body;
    EXPECT_EQ(Refusal::kUnexpectedAnswer, answer.reason.refusal()) << body;
    EXPECT_EQ(502, answer.http_status);
  }
  EXPECT_FALSE(ParseBatchAnswer(200, R"({"mac":"ab","terminal":"T01"})").hwm.has_value());
  EXPECT_FALSE(ParseBatchAnswer(409, R"({"hwm":3,"conflict":"yes"})").conflict);
}

TEST(Payload, RoundTripsEveryField) {
  const WireBatch batch = SampleBatch(3);
  Result<WireBatch> decoded = DecodePayload(EncodePayload(batch));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(batch, *decoded);
}

TEST(Payload, StartsWithBoostTextArchiveHeaderAndClassVersions) {
  const std::string archive = EncodePayload(SampleBatch(1));
  EXPECT_EQ(0u, archive.find("22 serialization::archive ")) << archive;
  // WireBatch: tracking 0, version 2, its ids and its chain's ends; the vector: tracking 0,
  // version 0, count 1, item version 2; the first WireEntry: tracking 0, version 2, then seq
  // 1 and its uuid.
  EXPECT_NE(std::string::npos, archive.find(fmt::format(" 0 2 8 bakso-01 3 T01 64 {} 64 {} 0 0 1 2 0 2 1 36 123e4567",
                                                        std::string(64, '0'), std::string(64, 'a'))))
      << archive;
}

// Version 2 carries two hashes a batch, not two an entry, and the ledger works out the
// rest: every entry comes back as the terminal made it, hashes and all.
TEST(Payload, Version2CarriesTheChainsEndsAndTheEntriesComeBackWithTheirHashes) {
  const std::vector<JournalEntry> entries = ChainedEntries(5);
  const std::string archive = EncodePayload(ToWire("bakso-01", "T01", entries));
  size_t hashes = 0;
  for (size_t at = archive.find(" 64 "); at != std::string::npos; at = archive.find(" 64 ", at + 1)) ++hashes;
  EXPECT_EQ(2u, hashes) << archive;
  const EntriesFromWire read = Read(archive);
  EXPECT_EQ(entries, read.entries);
  EXPECT_EQ(HashesOf(entries), read.hashes_of_bytes);
}

// A terminal not yet upgraded sends version 1, each entry with its own hashes: still read.
TEST(Payload, AVersion1PayloadOfATerminalNotYetUpgradedIsStillRead) {
  std::vector<JournalEntry> entries = ChainedEntries(3);
  const std::string old_payload = testing::PayloadVersion1(entries, "bakso-01", "T01");
  const EntriesFromWire read = Read(old_payload);
  EXPECT_EQ(entries, read.entries);
  EXPECT_EQ(HashesOf(entries), read.hashes_of_bytes);
  // Read, but never written: this build writes version 2 only.
  Result<WireBatch> old_batch = DecodePayload(old_payload);
  ASSERT_TRUE(old_batch.ok());
  EXPECT_FALSE(old_batch->chain.has_value());
  EXPECT_THROW((void)EncodePayload(*old_batch), std::invalid_argument);
  // Each entry's hash is the one it carries: a changed one shows at its own entry.
  entries[1].hash[0] ^= 1;
  const EntriesFromWire changed = Read(testing::PayloadVersion1(entries, "bakso-01", "T01"));
  EXPECT_EQ(entries, changed.entries);
  EXPECT_NE(changed.entries[1].hash, changed.hashes_of_bytes[1]);
}

// An entry that is not the one the terminal hashed changes the hash of every entry after
// it: the ledger's chain then ends on another hash than the terminal's, and the last entry
// shows it (Books refuses it: its hash does not match its contents).
TEST(Payload, AnEntryChangedAfterHashingShowsAtTheLastEntryOfAVersion2Batch) {
  std::vector<JournalEntry> entries = ChainedEntries(4);
  entries[1].uuid.back() = 'f';
  const EntriesFromWire read = Read(EncodePayload(ToWire("bakso-01", "T01", entries)));
  ASSERT_EQ(4u, read.entries.size());
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(read.entries[i].hash, read.hashes_of_bytes[i]) << i;
  EXPECT_EQ(entries[1].uuid, read.entries[1].uuid);
  EXPECT_EQ(entries[3].hash, read.entries[3].hash);  // the terminal's
  EXPECT_NE(read.entries[3].hash, read.hashes_of_bytes[3]);
  EXPECT_EQ(entries[0].prev_hash, read.entries[0].prev_hash);
}

TEST(Payload, HashesOfTheWrongFormOrPlaceAreRefused) {
  const std::vector<JournalEntry> entries = ChainedEntries(2);
  const auto refusal = [](std::string_view payload) {
    Result<WireBatch> batch = DecodePayload(payload);
    if (!batch.ok()) return batch.status().ToString();
    return FromWire(*batch).status().ToString();
  };
  WireBatch batch = ToWire("bakso-01", "T01", entries);
  batch.chain->last_hash = std::string(63, 'a');
  EXPECT_EQ("InvalidArgument: entry 2: a hash is not 64 hex digits", refusal(EncodePayload(batch)));
  batch = ToWire("bakso-01", "T01", entries);
  batch.chain->before_first = std::string(64, 'g');
  EXPECT_EQ("InvalidArgument: entry 1: a hash is not 64 hex digits", refusal(EncodePayload(batch)));
  // A batch of version 2 around entries of version 1: each entry may carry no hashes.
  std::string mixed = testing::PayloadVersion1(entries, "bakso-01", "T01");
  const std::string ids = " 0 1 8 bakso-01 3 T01";
  const size_t at = mixed.find(ids);
  ASSERT_NE(std::string::npos, at) << mixed;
  mixed.replace(at, ids.size(), fmt::format(" 0 2 8 bakso-01 3 T01 64 {} 64 {}", HexEncode(entries[0].prev_hash),
                                            HexEncode(entries[1].hash)));
  EXPECT_EQ("InvalidArgument: payload refused: entry 1 carries hashes, which no entry of a version-2 batch does",
            refusal(mixed));
  // A batch of version 1 around entries of version 2: each entry must carry its hashes.
  std::string bare = EncodePayload(ToWire("bakso-01", "T01", entries));
  const size_t ends = bare.find(" 64 ");
  bare.erase(ends, 2 * (4 + 64));
  bare.replace(bare.find(" 0 2 8 bakso-01"), 4, " 0 1");
  EXPECT_EQ("InvalidArgument: entry 1: a hash is not 64 hex digits", refusal(bare));
}

TEST(Payload, RefusesCollectionCountOf2Pow28WithoutAllocating) {
  const std::string archive = "22 serialization::archive 18 0 1 8 bakso-01 3 T01 0 0 268435456 1 0 1 1";
  Result<WireBatch> decoded = DecodePayload(archive);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(std::string::npos, decoded.status().message().find("268435456 items")) << decoded.status().message();
}

TEST(Payload, RefusesStringLengthOf2Pow31WithoutAllocating) {
  const std::string archive = "22 serialization::archive 18 0 1 2147483648 bakso-01";
  Result<WireBatch> decoded = DecodePayload(archive);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(std::string::npos, decoded.status().message().find("2147483648 bytes")) << decoded.status().message();
}

TEST(Payload, RefusesClassVersionFromTheFuture) {
  std::string archive = EncodePayload(SampleBatch(1));
  const size_t at = archive.find(" 0 2 8 bakso-01");
  ASSERT_NE(std::string::npos, at);
  archive.replace(at, 4, " 0 3");
  Result<WireBatch> decoded = DecodePayload(archive);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(std::string::npos, decoded.status().message().find("version")) << decoded.status().message();
}

TEST(Payload, RefusesTruncationAndTrailingBytes) {
  const std::string archive = EncodePayload(SampleBatch(2));
  for (size_t cut : {archive.size() / 2, archive.size() - 3}) {
    EXPECT_FALSE(DecodePayload(archive.substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(DecodePayload(archive + " 7").ok());
}

TEST(Envelope, SealsParsesAndVerifies) {
  const std::string payload = EncodePayload(SampleBatch(2));
  const std::string bytes = Seal(payload, 1, 2);
  Result<EnvelopeView> envelope = ParseEnvelope(bytes);
  ASSERT_TRUE(envelope.ok()) << envelope.status().ToString();
  EXPECT_EQ(2, envelope->version);
  EXPECT_EQ("S01", envelope->stall_id);
  EXPECT_EQ("T01", envelope->terminal_id);
  EXPECT_EQ(1, envelope->first_seq);
  EXPECT_EQ(2, envelope->last_seq);
  EXPECT_EQ(payload, envelope->payload);
  EXPECT_TRUE(VerifyEnvelopeMac(*envelope, kKey));
  EXPECT_FALSE(VerifyEnvelopeMac(*envelope, std::string(32, 'x')));
}

TEST(Envelope, EveryFlippedByteFailsTheMacOrTheFraming) {
  const std::string bytes = Seal(EncodePayload(SampleBatch(1)), 1, 1);
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string tampered = bytes;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    Result<EnvelopeView> envelope = ParseEnvelope(tampered);
    EXPECT_TRUE(!envelope.ok() || !VerifyEnvelopeMac(*envelope, kKey)) << "byte " << i;
  }
}

TEST(Envelope, RefusesBadFraming) {
  const std::string bytes = Seal("x", 5, 9);
  EXPECT_FALSE(ParseEnvelope(bytes.substr(0, bytes.size() - 1)).ok());
  EXPECT_FALSE(ParseEnvelope(bytes + "x").ok());
  EXPECT_FALSE(ParseEnvelope("LPKX" + bytes.substr(4)).ok());
  std::string future = bytes;
  future[5] = 3;  // protocol version 3
  Result<EnvelopeView> refused = ParseEnvelope(future);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string::npos, refused.status().message().find("protocol version 3"));
  std::string no_stall = bytes;
  no_stall[7] = 0;  // stall_length 0
  EXPECT_FALSE(ParseEnvelope(no_stall).ok());
}

// A terminal built before stall-named terminals sends version 1: no stall id.
TEST(Envelope, VersionOneWithoutTheStallIdIsStillRead) {
  const std::string payload = EncodePayload(SampleBatch(1));
  std::string bytes = std::string(kEnvelopeMagic) + std::string("\x00\x01\x00\x03T01", 7);
  bytes += std::string("\0\0\0\0\0\0\0\x01\0\0\0\0\0\0\0\x01", 16);
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>((payload.size() >> shift) & 0xff));
  bytes += payload;
  const Sha256Digest mac = HmacSha256(kKey, bytes);
  bytes.append(reinterpret_cast<const char*>(mac.data()), mac.size());
  Result<EnvelopeView> envelope = ParseEnvelope(bytes);
  ASSERT_TRUE(envelope.ok()) << envelope.status().ToString();
  EXPECT_EQ(1, envelope->version);
  EXPECT_EQ("", envelope->stall_id);
  EXPECT_EQ("T01", envelope->terminal_id);
  EXPECT_EQ(payload, envelope->payload);
  EXPECT_TRUE(VerifyEnvelopeMac(*envelope, kKey));
}

TEST(Envelope, CompressedPayloadInflatesBackAndABombIsRefused) {
  const std::string payload = EncodePayload(SampleBatch(40));
  const std::string compressed = CompressPayload(payload);
  EXPECT_LT(compressed.size(), payload.size() / 3);
  const std::string bytes = Seal(compressed, 1, 40, PayloadEncoding::kZlib);
  Result<EnvelopeView> envelope = ParseEnvelope(bytes);
  ASSERT_TRUE(envelope.ok());
  Result<std::string> inflated = InflatePayload(*envelope);
  ASSERT_TRUE(inflated.ok()) << inflated.status().ToString();
  EXPECT_EQ(payload, *inflated);

  const std::string bomb = CompressPayload(std::string(kMaxPayloadBytes + 1, ' '));
  const std::string bomb_bytes = Seal(bomb, 1, 1, PayloadEncoding::kZlib);  // the view's bytes
  Result<EnvelopeView> bomb_envelope = ParseEnvelope(bomb_bytes);
  ASSERT_TRUE(bomb_envelope.ok());
  Result<std::string> refused = InflatePayload(*bomb_envelope);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(std::string::npos, refused.status().message().find("beyond the limit"));
}

// The output grows from a guess to one byte over the limit: every size on the way inflates.
TEST(Envelope, PayloadsOfEverySizeUpToTheLimitInflateAndATruncatedStreamIsRefused) {
  for (const size_t size : {size_t{1}, size_t{64 * 1024}, size_t{64 * 1024 + 1}, size_t{700'001},
                            kMaxPayloadBytes - 1, kMaxPayloadBytes}) {
    std::string payload(size, ' ');
    for (size_t i = 0; i < size; i += 97) payload[i] = static_cast<char>('a' + i % 26);
    const std::string bytes = Seal(CompressPayload(payload), 1, 1, PayloadEncoding::kZlib);
    Result<EnvelopeView> envelope = ParseEnvelope(bytes);
    ASSERT_TRUE(envelope.ok());
    Result<std::string> inflated = InflatePayload(*envelope);
    ASSERT_TRUE(inflated.ok()) << size << ": " << inflated.status().ToString();
    EXPECT_EQ(payload, *inflated) << size;
  }
  const std::string whole = CompressPayload(std::string(200'000, 'x'));
  const std::string bytes = Seal(whole.substr(0, whole.size() - 5), 1, 1, PayloadEncoding::kZlib);
  Result<EnvelopeView> envelope = ParseEnvelope(bytes);
  ASSERT_TRUE(envelope.ok());
  Result<std::string> refused = InflatePayload(*envelope);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ("InvalidArgument: the compressed payload is not a whole zlib stream", refused.status().ToString());
}

// A zlib stream (RFC 1950) of one stored deflate block (RFC 1951 3.2.4), as zlib writes at
// level 0: the inflater takes any compressor's stream, not only libdeflate's.
std::string StoredZlibStream(const std::string& data, uint32_t adler32) {
  std::string stream = "\x78\x01";  // deflate, 32 KiB window; no dictionary, check bits
  stream += '\x01';  // the final block, stored
  const auto length = static_cast<uint16_t>(data.size());
  for (const uint16_t half : {length, static_cast<uint16_t>(~length)}) {
    stream += static_cast<char>(half & 0xFF);
    stream += static_cast<char>(half >> 8);
  }
  stream += data;
  for (int shift = 24; shift >= 0; shift -= 8) stream += static_cast<char>((adler32 >> shift) & 0xFF);
  return stream;
}

TEST(Envelope, AnyCompressorsStreamInflatesAndAWrongChecksumOrBytesAfterTheEndAreRefused) {
  const auto inflate = [](const std::string& compressed) {
    const std::string bytes = Seal(compressed, 1, 1, PayloadEncoding::kZlib);
    Result<EnvelopeView> envelope = ParseEnvelope(bytes);
    EXPECT_TRUE(envelope.ok());
    return InflatePayload(*envelope);
  };
  // Adler-32 of "Wikipedia" is 0x11E60398 (RFC 1950's sum, a known value).
  Result<std::string> stored = inflate(StoredZlibStream("Wikipedia", 0x11E60398));
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ("Wikipedia", *stored);

  const std::string kNotWhole = "InvalidArgument: the compressed payload is not a whole zlib stream";
  EXPECT_EQ(kNotWhole, inflate(StoredZlibStream("Wikipedia", 0x11E60399)).status().ToString());
  EXPECT_EQ(kNotWhole, inflate(StoredZlibStream("Wikipedia", 0x11E60398) + "x").status().ToString());
  EXPECT_EQ(kNotWhole, inflate(CompressPayload(EncodePayload(SampleBatch(3))) + '\0').status().ToString());
}

TEST(EnrolmentCode, RoundTripsAndToleratesPastedWhitespaceAndUppercaseHex) {
  const EnrolmentCode code{"T01", std::string(32, '\x9c'), "https://ledger.bazar.id:8443", std::nullopt};  // lapak1
  const std::string text = FormatEnrolmentCode(code);
  EXPECT_EQ("lapak1,T01,9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c9c,"
            "https://ledger.bazar.id:8443",
            text);
  Result<EnrolmentCode> parsed = ParseEnrolmentCode(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(code, *parsed);
  std::string shouted = text;
  for (size_t i = 11; i < 11 + 64; ++i) shouted[i] = static_cast<char>(std::toupper(shouted[i]));
  Result<EnrolmentCode> pasted = ParseEnrolmentCode("  " + shouted + "\r\n");
  ASSERT_TRUE(pasted.ok()) << pasted.status().ToString();
  EXPECT_EQ(code, *pasted);
}

TEST(EnrolmentCode, CarriesTheEventsCalendar) {
  const EnrolmentCode code{"T01", std::string(32, '\x01'), "http://192.168.1.10:8080",
                           EventCalendarText{"Asia/Makassar", "05:30"}};
  const std::string text = FormatEnrolmentCode(code);
  EXPECT_EQ("lapak2,T01,0101010101010101010101010101010101010101010101010101010101010101,"
            "http://192.168.1.10:8080,Asia/Makassar,05:30",
            text);
  Result<EnrolmentCode> parsed = ParseEnrolmentCode(" " + text + "\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(code, *parsed);
}

TEST(EnrolmentCode, RefusesWhatIsNotACodeSayingWhy) {
  const std::string key(64, 'a');
  const struct {
    std::string text;
    std::string says;
  } cases[] = {
      {"", "not an enrolment code"},
      {"lapak3,T01," + key + ",http://x", "not an enrolment code"},
      {"lapak2,T01," + key + ",http://x", "event calendar is malformed"},
      {"lapak2,T01," + key + ",http://x,Asia/Jakarta", "event calendar is malformed"},
      {"lapak2,T01," + key + ",http://x,Mars/Olympus,04:00", "not a time zone"},
      {"lapak2,T01," + key + ",http://x,Asia/Jakarta,25:00", "must be a time HH:MM"},
      {"lapak2,T 01," + key + ",http://x,Asia/Jakarta,04:00", "terminal id"},
      {"lapak2,T01," + key + ",http://a b,Asia/Jakarta,04:00", "not an http:// or https:// URL"},
      {"lapak1,T01", "not an enrolment code"},
      {"lapak1,T 01," + key + ",http://x", "terminal id"},
      {"lapak1,T01," + key.substr(1) + ",http://x", "64 hex digits"},
      {"lapak1,T01," + std::string(64, 'g') + ",http://x", "64 hex digits"},
      {"lapak1,T01," + key + ",ftp://x", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://a b", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://ledger:8080/", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://ledger/api", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://ledger:99999", "not an http:// or https:// URL"},
      {"lapak1,T01," + key + ",http://ledger:", "not an http:// or https:// URL"},
  };
  for (const auto& c : cases) {
    Result<EnrolmentCode> parsed = ParseEnrolmentCode(c.text);
    ASSERT_FALSE(parsed.ok()) << c.text;
    EXPECT_NE(std::string::npos, parsed.status().message().find(c.says))
        << c.text << " → " << parsed.status().message();
  }
}

}  // namespace
}  // namespace lapak::sync
