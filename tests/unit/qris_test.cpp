// core/qris.h: the stall's static QRIS, checked on entry, and the dynamic code for a payment.
// The static codes are real ones that merchants published; the CRC is checked against
// Python's binascii.crc_hqx(data, 0xFFFF), run by the test.
#include "core/qris.h"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/refusal.h"
#include "tests/support/process.h"

namespace lapak {
namespace {

const std::vector<std::string> kPublishedStaticCodes = {
    "00020101021126570011ID.DANA.WWW011893600915303471271802090347127180303UMI51440014ID.CO.QRIS.WWW0215"
    "ID10265837741240303UMI5204739453033605802ID5916Semilir Semarang6013Kota Semarang6105501166304285A",
    "00020101021126610014COM.GO-JEK.WWW01189360091435733160090210G5733160090303UMI51440014ID.CO.QRIS.WWW0215"
    "ID10243445564680303UMI5204581253033605802ID5911FAMILY FARM6005Medan61052011162070703A016304485F",
    "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215"
    "ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7",
    "00020101021126590013ID.CO.BNI.WWW011893600009150464484202096095449950303UMI51440014ID.CO.QRIS.WWW0215"
    "ID10265223592760303UMI5204591253033605802ID5914APOTEK ALMAIRA6010BANJARBARU61057071462070703A01630490BA",
    "00020101021126670016COM.NOBUBANK.WWW01189360050300000879140214849295851316970303UMI51440014ID.CO.QRIS.WWW"
    "0215ID20253718844250303UMI5204481253033605802ID5920LX DIGITAL OK21273266008BANYUMAS61055311162070703A016304AF77",
};

// Python's CRC of each of `texts`, as 4 upper-case hex digits.
std::vector<std::string> PythonCrcs(const std::vector<std::string>& texts) {
  std::string script = "import binascii, sys\nfor line in sys.stdin.read().split('\\n')[:-1]:\n"
                       "    print('%04X' % binascii.crc_hqx(line.encode(), 0xFFFF))\n";
  std::string input;
  for (const std::string& text : texts) input += text + "\n";
  testing::RunResult run = testing::RunWithInput({"/usr/bin/python3", "-c", script}, input);
  EXPECT_EQ(0, run.exit_code) << run.err;
  std::vector<std::string> crcs;
  for (size_t at = 0; at + 5 <= run.out.size(); at += 5) crcs.push_back(run.out.substr(at, 4));
  return crcs;
}

// `payload` (without its CRC) with its CRC appended.
std::string Sealed(const std::string& payload) { return payload + fmt::format("{:04X}", QrisCrc(payload)); }

// The fields of a payload, top level, as "id=value" in order.
std::vector<std::string> Fields(const std::string& payload) {
  std::vector<std::string> fields;
  for (size_t at = 0; at + 4 <= payload.size();) {
    const size_t length = std::stoul(payload.substr(at + 2, 2));
    fields.push_back(payload.substr(at, 2) + "=" + payload.substr(at + 4, length));
    at += 4 + length;
  }
  return fields;
}

TEST(QrisCrc, IsPythonsCrcHqxWithLeadingZerosKept) {
  std::vector<std::string> texts = {"", "123456789", "6304"};
  for (const std::string& code : kPublishedStaticCodes) texts.push_back(code.substr(0, code.size() - 4));
  // A text whose CRC is below 0x1000, found by search, so that its leading zero is printed.
  for (int i = 0;; ++i) {
    const std::string text = "000201010212" + std::to_string(i) + "6304";
    if (QrisCrc(text) < 0x1000) {
      texts.push_back(text);
      break;
    }
  }
  const std::vector<std::string> python = PythonCrcs(texts);
  ASSERT_EQ(texts.size(), python.size());
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(python[i], fmt::format("{:04X}", QrisCrc(texts[i]))) << texts[i];
  EXPECT_EQ(0x29B1, QrisCrc("123456789"));  // CRC-16/CCITT-FALSE's check value
  EXPECT_EQ('0', python.back()[0]);
}

TEST(StaticQris, PublishedStickersAreReadWithTheirMerchantCityAndNmid) {
  for (const std::string& code : kPublishedStaticCodes) {
    Result<StaticQris> parsed = StaticQris::Parse("  " + code + "\n");
    ASSERT_TRUE(parsed.ok()) << code << "\n" << parsed.status().ToString();
    EXPECT_EQ(code, parsed->payload());
  }
  Result<StaticQris> demak = StaticQris::Parse(kPublishedStaticCodes[2]);
  EXPECT_EQ("Warung Sayur Bu Sugeng", demak->merchant_name());
  EXPECT_EQ("Kab. Demak", demak->merchant_city());
  EXPECT_EQ("ID1020017611473", demak->nmid());
}

TEST(StaticQris, TheDynamicCodeCarriesTheAmountInWholeRupiahAndANewCrc) {
  const StaticQris semarang = StaticQris::Parse(kPublishedStaticCodes[0]).value();
  Result<std::string> dynamic = semarang.ForPayment(Money::Rupiah(20000));
  ASSERT_TRUE(dynamic.ok()) << dynamic.status().ToString();
  EXPECT_EQ(
      Sealed("00020101021226570011ID.DANA.WWW011893600915303471271802090347127180303UMI51440014ID.CO.QRIS.WWW"
             "0215ID10265837741240303UMI5204739453033605405200005802ID5916Semilir Semarang6013Kota Semarang"
             "610550116"
             "6304"),
      *dynamic);
  // Its CRC as Python computes it.
  EXPECT_EQ(PythonCrcs({dynamic->substr(0, dynamic->size() - 4)}).at(0), dynamic->substr(dynamic->size() - 4));
  // It reads back as a code of the same merchant, dynamic, with the amount in 54.
  const std::vector<std::string> fields = Fields(*dynamic);
  EXPECT_EQ("01=12", fields.at(1));
  EXPECT_NE(fields.end(), std::find(fields.begin(), fields.end(), "54=20000"));
  EXPECT_EQ(Refusal::kQrisNotStatic, StaticQris::Parse(*dynamic).status().refusal());
  // Every published code, any amount: ids in order, one 63 last, a CRC that checks.
  for (const std::string& code : kPublishedStaticCodes) {
    for (const int64_t rupiah : {1, 5000, 123456, 10'000'000}) {
      const std::string payload = StaticQris::Parse(code)->ForPayment(Money::Rupiah(rupiah)).value();
      const std::vector<std::string> ids = [&payload] {
        std::vector<std::string> out;
        for (const std::string& field : Fields(payload)) out.push_back(field.substr(0, 2));
        return out;
      }();
      EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << payload;
      EXPECT_EQ("63", ids.back());
      EXPECT_EQ(fmt::format("{:04X}", QrisCrc(payload.substr(0, payload.size() - 4))), payload.substr(payload.size() - 4));
      EXPECT_NE(std::string::npos, payload.find(fmt::format("54{:02}{}", std::to_string(rupiah).size(), rupiah)));
    }
  }
}

TEST(StaticQris, AFeeOrTipInTheStickerIsDroppedUnlessTheOwnerSetsAFixedFee) {
  // A sticker that asks the customer for a tip (55 = 01) and carries a percentage fee (57).
  std::string code = kPublishedStaticCodes[1];
  code = code.substr(0, code.size() - 8);  // without 6304 and the CRC
  const size_t country = code.find("5802ID");
  code.insert(country, "550203570210");
  const StaticQris sticker = StaticQris::Parse(Sealed(code + "6304")).value();
  const std::vector<std::string> plain = Fields(sticker.ForPayment(Money::Rupiah(15000)).value());
  for (const std::string& field : plain) EXPECT_FALSE(field.starts_with("55") || field.starts_with("57")) << field;
  const std::vector<std::string> with_fee = Fields(sticker.ForPayment(Money::Rupiah(15000), Money::Rupiah(1000)).value());
  EXPECT_NE(with_fee.end(), std::find(with_fee.begin(), with_fee.end(), "55=02"));
  EXPECT_NE(with_fee.end(), std::find(with_fee.begin(), with_fee.end(), "56=1000"));
}

TEST(StaticQris, AmountsOutsideBankIndonesiasLimitAreRefused) {
  const StaticQris sticker = StaticQris::Parse(kPublishedStaticCodes[0]).value();
  for (const Money amount : {Money(), Money::Rupiah(-5), Money::Rupiah(kMaxQrisPayment.rupiah() + 1)}) {
    const Status refused = sticker.ForPayment(amount).status();
    EXPECT_EQ(Refusal::kQrisAmountOutOfRange, refused.refusal()) << amount.rupiah();
  }
  EXPECT_EQ("Pembayaran QRIS Rp10.000.001 di luar batas Rp1 sampai Rp10.000.000 per transaksi",
            Explain(sticker.ForPayment(Money::Rupiah(kMaxQrisPayment.rupiah() + 1)).status(), Language::kIndonesian));
  // The owner's fee: Rp1 to Rp10.000, said in words when outside.
  EXPECT_EQ(Refusal::kQrisFeeOutOfRange, sticker.ForPayment(Money::Rupiah(5000), Money()).status().refusal());
  EXPECT_TRUE(CheckQrisFee(kMaxQrisFee).ok());
  EXPECT_EQ("Biaya layanan QRIS Rp10.001 di luar batas Rp1 sampai Rp10.000",
            Explain(CheckQrisFee(Money::Rupiah(10001)), Language::kIndonesian));
}

// `code` (a published sticker without its CRC) with `from` replaced by `to`, sealed again.
std::string Altered(const std::string& from, const std::string& to) {
  std::string code = kPublishedStaticCodes[0].substr(0, kPublishedStaticCodes[0].size() - 4);
  const size_t at = code.find(from);
  EXPECT_NE(std::string::npos, at) << from;
  code.replace(at, from.size(), to);
  return Sealed(code);
}

TEST(StaticQris, EveryMalformedKindIsRefusedWithWhatIsWrong) {
  struct Case {
    std::string payload;
    Refusal refusal;
    std::string said;  // in Bahasa Indonesia; "" when the refusal alone is checked
  };
  const std::string good = kPublishedStaticCodes[0];
  std::string wrong_crc = good;
  wrong_crc.back() = 'B';
  std::string lower_crc = good.substr(0, good.size() - 1) + "a";
  const std::vector<Case> cases = {
      {"", Refusal::kQrisFieldMissing, "Kode QRIS tidak memuat kolom 00 (format kode)"},
      {std::string(kMaxQrisBytes + 1, '0'), Refusal::kQrisTooLong, ""},
      {"https://qris.example/bayar", Refusal::kQrisUnreadableAt, "Kode QRIS tidak terbaca mulai karakter ke-1; salin ulang seluruh kode dari stiker"},
      {good.substr(0, 100), Refusal::kQrisUnreadableAt, ""},  // cut short
      {good.substr(0, good.size() - 1), Refusal::kQrisUnreadableAt, ""},
      {wrong_crc, Refusal::kQrisCrcMismatch, "Kode QRIS tidak utuh: CRC-nya 285B, seharusnya 285A; salin ulang seluruh kode dari stiker"},
      {lower_crc, Refusal::kQrisFieldValue, "Kolom 63 kode QRIS harus empat digit hex huruf besar, bukan '285a'"},
      {good.substr(0, good.size() - 8), Refusal::kQrisFieldMissing, "Kode QRIS tidak memuat kolom 63 (CRC, di akhir kode)"},
      {Altered("000201", "000202"), Refusal::kQrisFieldValue, "Kolom 00 kode QRIS harus 01, bukan '02'"},
      {Altered("000201010211", "010211000201"), Refusal::kQrisFieldOrder, "Kolom 00 kode QRIS harus paling awal"},
      {good.substr(0, good.size() - 8) + "6304" + good.substr(good.size() - 4) + "5802ID", Refusal::kQrisFieldOrder, ""},
      {Altered("010211", "010212"), Refusal::kQrisNotStatic, "Ini QRIS dinamis, untuk satu pembayaran saja; masukkan QRIS statis dari stiker lapak"},
      {Altered("010211", "010213"), Refusal::kQrisFieldValue, ""},
      {Altered("010211", ""), Refusal::kQrisFieldMissing, ""},
      {Altered("ID.CO.QRIS.WWW", "ID.CO.QRIZ.WWW"), Refusal::kQrisNoMerchantBlock, "Ini bukan kode QRIS: tidak ada blok ID.CO.QRIS.WWW dengan NMID lapak"},
      {Altered("0215ID1026583774124", "0215XX1026583774124"), Refusal::kQrisNoMerchantBlock, ""},
      {Altered("52047394", "520373X"), Refusal::kQrisFieldValue, ""},
      {Altered("5303360", "5303840"), Refusal::kQrisFieldValue, "Kolom 53 kode QRIS harus 360, bukan '840'"},
      {Altered("5802ID", "5802SG"), Refusal::kQrisFieldValue, ""},
      {Altered("5916Semilir Semarang", ""), Refusal::kQrisFieldMissing, "Kode QRIS tidak memuat kolom 59 (nama usaha)"},
      {Altered("5916Semilir Semarang", "5901 "), Refusal::kQrisFieldValue, ""},
      {Altered("6013Kota Semarang", ""), Refusal::kQrisFieldMissing, ""},
      {Altered("5802ID", "5802ID5802ID"), Refusal::kQrisFieldTwice, "Kode QRIS memuat kolom 58 dua kali"},
      {Altered("Semilir", "Semil\tr"), Refusal::kQrisUnreadableAt, ""},
      {Altered("Semilir", "Semil\xc3\xadr"), Refusal::kQrisUnreadableAt, ""},
      {Altered("5802ID", "5800"), Refusal::kQrisUnreadableAt, ""},  // a length of 00
  };
  for (const Case& c : cases) {
    Result<StaticQris> parsed = StaticQris::Parse(c.payload);
    EXPECT_EQ(c.refusal, parsed.status().refusal()) << c.payload << "\n" << parsed.status().ToString();
    if (!c.said.empty()) {
      EXPECT_EQ(c.said, Explain(parsed.status(), Language::kIndonesian)) << c.payload;
    }
  }
}

}  // namespace
}  // namespace lapak
