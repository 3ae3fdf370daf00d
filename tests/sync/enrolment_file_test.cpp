// The enrolment code as a file on a USB stick (sync/enrolment_file.h): written by the ledger,
// found by the terminal where Debian mounts sticks, read with a bound.
#include "sync/enrolment_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/refusal.h"
#include "core/removable_media.h"
#include "tests/support/process.h"

namespace lapak::sync {
namespace {

namespace fs = std::filesystem;

const EnrolmentCode kCode{"T1", std::string(32, '\x5a'), "http://10.0.0.2:8080",
                          EventCalendarText{"Asia/Jakarta", "04:00"}};

// A folder standing for /media: sticks are mounted two levels below it (/media/USER/LABEL).
class EnrolmentFileTest : public ::testing::Test {
 protected:
  std::string Stick(const std::string& label) {
    const fs::path stick = fs::path(media_) / "penjual" / label;
    fs::create_directories(stick);
    return stick.string();
  }

  testing::TempDir dir_;
  std::string media_ = dir_.File("media");
};

TEST_F(EnrolmentFileTest, TheFileTheLedgerWritesIsFoundOnAMountedStickAndGivesBackTheCode) {
  Result<std::string> written = WriteEnrolmentFile(Stick("PANITIA"), "BKS-07", kCode);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(media_ + "/penjual/PANITIA/lapak-enrol-BKS-07-T1.txt", *written);
  struct stat info {};
  ASSERT_EQ(0, ::stat(written->c_str(), &info));
  EXPECT_EQ(0600u, info.st_mode & 0777u);  // a secret: its owner's only
  EXPECT_FALSE(fs::exists(*written + ".tmp"));
  // The notes say what the file is, in Bahasa, for whoever opens the stick.
  EXPECT_NE(std::string::npos, testing::ReadFile(*written).find("# Kode pendaftaran Lapak untuk terminal T1 lapak BKS-07"));

  Result<std::string> found = FindEnrolmentFile({dir_.File("elsewhere"), media_}, "BKS-07", "T1");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*written, *found);
  Result<std::string> line = ReadEnrolmentFile(*found);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(kCode, ParseEnrolmentCode(*line).value());
}

TEST_F(EnrolmentFileTest, OnlyThisStallsTerminalsFileCountsAndTheRefusalSaysWhatWasLookedFor) {
  ASSERT_TRUE(WriteEnrolmentFile(Stick("PANITIA"), "MIE-02", kCode).ok());  // T1 of another stall
  ASSERT_TRUE(WriteEnrolmentFile(Stick("PANITIA"), "BKS-07", EnrolmentCode{"T2", kCode.terminal_key,
                                                                          kCode.ledger_url, kCode.calendar})
                  .ok());
  Result<std::string> found = FindEnrolmentFile({media_, "/tidak/ada"}, "BKS-07", "T1");
  EXPECT_EQ(Refusal::kNoEnrolmentFile, found.status().refusal());
  EXPECT_EQ("Tidak ada berkas lapak-enrol-BKS-07-T1.txt di USB (dicari di " + media_ +
                ", /tidak/ada). Colokkan USB dari panitia, tunggu sebentar, lalu coba lagi",
            Explain(found.status(), Language::kIndonesian));
}

TEST_F(EnrolmentFileTest, TheSearchStopsTwoFoldersBelowARoot) {
  for (const fs::path& folder : {fs::path(media_), fs::path(media_) / "a", fs::path(media_) / "a" / "b"}) {
    fs::create_directories(folder);
    ASSERT_TRUE(WriteEnrolmentFile(folder.string(), "BKS-07", kCode).ok());
    ASSERT_TRUE(FindEnrolmentFile({media_}, "BKS-07", "T1").ok()) << folder;
    fs::remove(folder / EnrolmentFileName("BKS-07", "T1"));
  }
  const fs::path deep = fs::path(media_) / "a" / "b" / "c";
  fs::create_directories(deep);
  ASSERT_TRUE(WriteEnrolmentFile(deep.string(), "BKS-07", kCode).ok());
  EXPECT_EQ(Refusal::kNoEnrolmentFile, FindEnrolmentFile({media_}, "BKS-07", "T1").status().refusal());
}

TEST_F(EnrolmentFileTest, OfTwoSticksTheNewerFileWins) {
  Result<std::string> older = WriteEnrolmentFile(Stick("LAMA"), "BKS-07", kCode);
  Result<std::string> newer = WriteEnrolmentFile(Stick("BARU"), "BKS-07", kCode);
  ASSERT_TRUE(older.ok() && newer.ok());
  const fs::file_time_type now = fs::last_write_time(*newer);
  fs::last_write_time(*older, now - std::chrono::hours(1));
  EXPECT_EQ(*newer, FindEnrolmentFile({media_}, "BKS-07", "T1").value());
  fs::last_write_time(*older, now + std::chrono::hours(1));
  EXPECT_EQ(*older, FindEnrolmentFile({media_}, "BKS-07", "T1").value());
}

TEST_F(EnrolmentFileTest, NotesBlankLinesABomAndWindowsLineEndsAreRead) {
  const std::string path = dir_.File("code.txt");
  testing::WriteFile(path, "\xEF\xBB\xBF# catatan\r\n\r\n  " + FormatEnrolmentCode(kCode) + "\r\n# akhir\r\n");
  Result<std::string> line = ReadEnrolmentFile(path);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(kCode, ParseEnrolmentCode(*line).value());
}

TEST_F(EnrolmentFileTest, AFileWithNoneOrTwoCodesOrTooLargeIsRefusedNamingIt) {
  const std::string none = dir_.File("none.txt");
  testing::WriteFile(none, "# hanya catatan\n\n");
  Result<std::string> empty = ReadEnrolmentFile(none);
  EXPECT_EQ(Refusal::kAtEnrolmentFile, empty.status().refusal());
  EXPECT_EQ("Berkas " + none + ": berisi 0 baris kode, seharusnya tepat satu (baris yang diawali # hanya catatan)",
            Explain(empty.status(), Language::kIndonesian));
  const std::string two = dir_.File("two.txt");
  testing::WriteFile(two, FormatEnrolmentCode(kCode) + "\n" + FormatEnrolmentCode(kCode) + "\n");
  EXPECT_NE(std::string::npos, Explain(ReadEnrolmentFile(two).status(), Language::kEnglish).find("holds 2 code lines"));
  const std::string huge = dir_.File("huge.txt");
  testing::WriteFile(huge, std::string(kMaxEnrolmentFileBytes + 1, '#'));
  EXPECT_EQ(Refusal::kFileTooLarge, ReadEnrolmentFile(huge).status().refusal());
  EXPECT_EQ(Refusal::kCannotReadFile, ReadEnrolmentFile(dir_.File("missing.txt")).status().refusal());
}

TEST_F(EnrolmentFileTest, AFolderThatIsNotThereIsRefusedAndNothingIsWritten) {
  Result<std::string> written = WriteEnrolmentFile(dir_.File("USB"), "BKS-07", kCode);
  EXPECT_EQ(Refusal::kEnrolmentOutNotAFolder, written.status().refusal());
  EXPECT_FALSE(fs::exists(dir_.File("USB")));
  testing::WriteFile(dir_.File("a-file"), "x");
  EXPECT_EQ(Refusal::kEnrolmentOutNotAFolder, CheckEnrolmentFolder(dir_.File("a-file")).refusal());
}

TEST_F(EnrolmentFileTest, MediaRootsComeFromTheEnvironmentOrDebiansMountPoints) {
  ASSERT_EQ(0, ::unsetenv("LAPAK_MEDIA_ROOTS"));
  EXPECT_EQ((std::vector<std::string>{"/media", "/run/media", "/mnt"}), MediaRoots());
  ASSERT_EQ(0, ::setenv("LAPAK_MEDIA_ROOTS", "/srv/usb::/opt/sticks:", 1));
  EXPECT_EQ((std::vector<std::string>{"/srv/usb", "/opt/sticks"}), MediaRoots());
  ASSERT_EQ(0, ::setenv("LAPAK_MEDIA_ROOTS", "", 1));
  EXPECT_EQ((std::vector<std::string>{"/media", "/run/media", "/mnt"}), MediaRoots());
  ASSERT_EQ(0, ::unsetenv("LAPAK_MEDIA_ROOTS"));
}

}  // namespace
}  // namespace lapak::sync
