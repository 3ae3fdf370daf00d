// The table of refusals (core/refusal.h): every row says itself in both languages with the
// same holes, names are unique codes, and a Status carries its code through to Explain.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/refusal.h"

namespace lapak {
namespace {

// The pattern itself, holes unfilled: args that name their hole.
std::vector<std::string> HoleNames() {
  std::vector<std::string> args;
  for (int i = 0; i < 8; ++i) args.push_back("<" + std::to_string(i) + ">");
  return args;
}

TEST(RefusalTest, EveryRowSaysItselfInBothLanguagesWithTheSameHoles) {
  const std::vector<Refusal> all = AllRefusals();
  ASSERT_FALSE(all.empty());
  for (const Refusal refusal : all) {
    const std::string id = SayRefusal(refusal, HoleNames(), Language::kIndonesian);
    const std::string en = SayRefusal(refusal, HoleNames(), Language::kEnglish);
    SCOPED_TRACE(std::string(RefusalName(refusal)));
    EXPECT_FALSE(id.empty());
    EXPECT_FALSE(en.empty());
    EXPECT_NE(id, en) << "not translated";
    // Every hole was filled (a bad pattern comes back unformatted, with its braces).
    EXPECT_EQ(std::string::npos, id.find('{'));
    EXPECT_EQ(std::string::npos, en.find('{'));
    std::set<std::string> id_args, en_args;
    for (int i = 0; i < 8; ++i) {
      const std::string name = "<" + std::to_string(i) + ">";
      if (id.find(name) != std::string::npos) id_args.insert(name);
      if (en.find(name) != std::string::npos) en_args.insert(name);
    }
    EXPECT_EQ(id_args, en_args) << id << " | " << en;
  }
}

TEST(RefusalTest, NamesAreUniqueAndRoundTrip) {
  std::set<std::string_view> names;
  for (const Refusal refusal : AllRefusals()) {
    EXPECT_TRUE(names.insert(RefusalName(refusal)).second) << RefusalName(refusal);
    EXPECT_EQ(refusal, RefusalFromName(RefusalName(refusal)));
  }
  EXPECT_EQ(Refusal::kNone, RefusalFromName("NoSuchRefusal"));
  EXPECT_EQ(Refusal::kNone, RefusalFromName(""));
}

TEST(RefusalTest, StatusCarriesCodeArgumentsAndEnglishMessage) {
  const Status refused = Refuse(Refusal::kWrongPin, "kasir", 4);
  EXPECT_EQ(StatusCode::kPermissionDenied, refused.code());
  EXPECT_EQ(Refusal::kWrongPin, refused.refusal());
  EXPECT_EQ((std::vector<std::string>{"kasir", "4"}), refused.args());
  EXPECT_EQ("wrong PIN for kasir; 4 more tries before a lock", refused.message());
  EXPECT_EQ("PIN kasir salah; 4 kali coba lagi sebelum dikunci", Explain(refused, Language::kIndonesian));
  EXPECT_EQ(refused.message(), Explain(refused, Language::kEnglish));
}

TEST(RefusalTest, MissingArgumentsShowAsQuestionMarks) {
  EXPECT_EQ("wrong PIN for ?; ? more tries before a lock",
            SayRefusal(Refusal::kWrongPin, {}, Language::kEnglish));
}

TEST(RefusalTest, UncodedStatusIsPrefixedInIndonesianAndUnchangedInEnglish) {
  const Status detail = Status::IoError("disk I/O error");
  EXPECT_EQ("Gagal membaca atau menulis: disk I/O error", Explain(detail, Language::kIndonesian));
  EXPECT_EQ("disk I/O error", Explain(detail, Language::kEnglish));
  EXPECT_EQ("", Explain(Status::Ok(), Language::kIndonesian));
}

TEST(RefusalTest, LanguageCodes) {
  EXPECT_EQ(Language::kEnglish, LanguageFromCode("en"));
  EXPECT_EQ(Language::kEnglish, LanguageFromCode("EN"));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode("id"));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode(""));
  EXPECT_EQ(Language::kIndonesian, LanguageFromCode("english"));
  EXPECT_STREQ("en", LanguageCode(Language::kEnglish));
  EXPECT_STREQ("id", LanguageCode(Language::kIndonesian));
}

TEST(RefusalTest, EncodedStatusReadsBackWithItsCodeArgumentsAndCauses) {
  const Status listed = RefuseWithList({Refuse(Refusal::kNotAnAmount, "murah"), Status::IoError("disk")},
                                       Refusal::kCatalogNotImported, 2);
  const Status nested = RefuseAt(Refusal::kAtCsvField, 3, 4, Word::kPrice)(Refuse(Refusal::kNotAnAmount, "murah"));
  for (const Status& status : {Refuse(Refusal::kWrongPin, "kasir", 4), listed, nested, Status::IoError("disk full"),
                               Status::Ok()}) {
    const Status read = DecodeStatus(EncodeStatus(status));
    EXPECT_EQ(status.ToString(), read.ToString());
    EXPECT_EQ(status.refusal(), read.refusal());
    EXPECT_EQ(Explain(status, Language::kIndonesian), Explain(read, Language::kIndonesian));
  }
  EXPECT_EQ("Baris 3, kolom 4 (harga): 'murah' bukan jumlah uang", Explain(nested, Language::kIndonesian));
}

TEST(RefusalTest, DecodingNeverFailsAndStaysBounded) {
  // Text from before the format, and junk, are kept as text.
  EXPECT_EQ("FailedPrecondition: no answer from the ledger", DecodeStatus("no answer from the ledger").ToString());
  EXPECT_EQ("FailedPrecondition: [1,2]", DecodeStatus("[1,2]").ToString());
  // A refusal this build does not know says its English message.
  EXPECT_EQ("NotFound: something new",
            DecodeStatus(R"({"code":"NotFound","message":"something new","refusal":"FromTheFuture"})").ToString());
  // Causes nested deeper than kMaxEncodedCauseDepth are dropped, not followed.
  Status deep = Refuse(Refusal::kNoDayOpen);
  for (int i = 0; i < 10; ++i) deep = RefuseAt(Refusal::kAtEntry, i)(deep);
  int depth = 0;
  for (Status read = DecodeStatus(EncodeStatus(deep)); !read.causes().empty();) {
    const Status cause = read.causes().front();  // a copy: `read` owns what it refers to
    read = cause;
    ++depth;
  }
  EXPECT_EQ(kMaxEncodedCauseDepth, depth);
}

}  // namespace
}  // namespace lapak
