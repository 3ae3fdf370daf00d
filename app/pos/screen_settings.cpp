// Settings: language, text size, the stall's QRIS code, its receipt printer, its details (set
// with `lapak init`), and the link to the bazaar ledger.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "app/pos/screens.h"
#include "app/pos/widgets.h"
#include "app/print/printer.h"
#include "app/print/slip.h"
#include "core/refusal.h"

namespace lapak::pos {

// The enrolment code: Tempel (paste) and Daftarkan (enrol) first, then any refusal, then the
// code as typed on the keyboard or pasted — a long code wraps below, never pushing the
// buttons or the refusal out of view.
static void DrawCodeEntry(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const bool typing = ui.field == UiState::Field::kEnrolmentCode;
  if (BigButton(Tr(lang, Text::kPaste), ImVec2(0, 0))) {
    const char* clipboard = ImGui::GetClipboardText();
    if (clipboard != nullptr) ui.enrolment_code = clipboard;
  }
  SameLineIfFits(Tr(lang, Text::kEnrol));
  if (BigButton(Tr(lang, Text::kEnrol), ImVec2(0, 0), ButtonKind::kPay) &&
      model.EnrolSync(ui.enrolment_code)) {
    ui.enrolment_code.clear();
    ui.field = UiState::Field::kNone;
  }
  // While the keyboard is up this is the whole screen, so a refusal shows here.
  if (typing && !model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  if (FieldButton(Tr(lang, Text::kEnrolmentCode), ui.enrolment_code, typing)) {
    ui.field = typing ? UiState::Field::kNone : UiState::Field::kEnrolmentCode;
    ui.keyboard_case = KeyboardCase::kLower;
  }
}

static void DrawSync(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  LargeText(Tr(lang, Text::kSyncTitle));
  ImGui::TextWrapped("%s", model.SyncSummary().c_str());
  // The organiser's code file on a USB stick: one tap, nothing typed (sync/enrolment_file.h).
  if (BigButton(Tr(lang, Text::kEnrolFromUsb), ImVec2(0, 0), ButtonKind::kPay)) model.EnrolFromUsb();
  DrawCodeEntry(model, ui);
  const std::optional<SyncProgress>& progress = model.sync_progress();
  if (!progress || !progress->enrolled) return;
  ImGui::Separator();
  ImGui::TextWrapped("%s: %s", Tr(lang, Text::kLedger), progress->ledger_url.c_str());
  ImGui::TextWrapped("%s: %s", Tr(lang, Text::kLastSuccess),
                     progress->last_success_at ? model.AgeText(*progress->last_success_at).c_str()
                                               : Tr(lang, Text::kNever));
  if (!progress->last_error.ok()) {
    ImGui::TextWrapped("%s: %s", Tr(lang, Text::kLastError), Explain(progress->last_error, lang).c_str());
  }
  if (BigButton(Tr(lang, Text::kSyncNow), ImVec2(0, 0))) model.RequestSync();
}

// What the vendor changes most, first: the language and the text size.
static void DrawPreferences(PosModel& model) {
  const Language lang = model.language();
  ImGui::Text("%s", Tr(lang, Text::kLanguage));
  if (BigButton("Bahasa Indonesia##language", ImVec2(0, 0),
                lang == Language::kIndonesian ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    model.SetLanguage(Language::kIndonesian);
  }
  SameLineIfFits("English##language");
  if (BigButton("English##language", ImVec2(0, 0), lang == Language::kEnglish ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    model.SetLanguage(Language::kEnglish);
  }
  ImGui::Text("%s: %d %%", Tr(lang, Text::kTextSize), static_cast<int>(model.text_scale() * 100 + 0.5f));
  if (BigButton("A-##text", ImVec2(0, 0))) model.StepTextScale(-1);
  SameLineIfFits("A+##text");
  if (BigButton("A+##text", ImVec2(0, 0))) model.StepTextScale(+1);
  ImGui::Separator();
}

// Set with `lapak init`: shown, not changed here.
static void DrawStall(PosModel& model) {
  const Language lang = model.language();
  const StallInfo& stall = model.stall();
  ImGui::TextWrapped("%s: %s (%s)", Tr(lang, Text::kStall), stall.stall_name.c_str(), stall.stall_id.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kTerminal), stall.terminal_id.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kTimeZone), stall.time_zone.c_str());
  ImGui::Text("%s: %s", Tr(lang, Text::kDayCutoff), stall.day_cutoff.c_str());
}

// The stall's static QRIS (core/qris.h), whose code each QRIS payment shows with its amount:
// whose it is, or that none is set; pasted from the clipboard, or read from a photo of the
// sticker on a USB stick, and checked at once (the owner's).
static void DrawQris(PosModel& model) {
  const Language lang = model.language();
  const std::optional<StaticQris>& qris = model.qris();
  if (qris) {
    ImGui::TextWrapped("%s: %s, %s (NMID %s)", Tr(lang, Text::kStallQris), qris->merchant_name().c_str(),
                       qris->merchant_city().c_str(), qris->nmid().c_str());
    if (model.qris_fee()) ImGui::TextWrapped("+ %s %s", Tr(lang, Text::kQrisFee), FormatMoney(*model.qris_fee()).c_str());
  } else {
    ImGui::TextWrapped("%s: %s", Tr(lang, Text::kStallQris), Tr(lang, Text::kNotSet));
  }
  if (BigButton(Tr(lang, Text::kPasteQris), ImVec2(0, 0))) {
    const char* clipboard = ImGui::GetClipboardText();
    model.SetQris(clipboard != nullptr ? clipboard : "");
  }
  SameLineIfFits(Tr(lang, Text::kQrisFromUsb));
  if (BigButton(Tr(lang, Text::kQrisFromUsb), ImVec2(0, 0))) model.SetQrisFromUsb();
  ImGui::Separator();
}

// The network printer's address or the receipt footer, typed on the keyboard below: Simpan,
// Kembali, any refusal, then the text as typed.
static void DrawTypedSetting(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  const bool host = ui.field == UiState::Field::kPrinterHost;
  if (BigButton(Tr(lang, Text::kSave), ImVec2(0, 0), ButtonKind::kPay) &&
      (host ? model.SetPrinter(std::string(print::kNetworkPrefix) + ui.printer_host)
            : model.SetReceiptFooter(ui.receipt_footer))) {
    ui.field = UiState::Field::kNone;
  }
  SameLineIfFits(Tr(lang, Text::kBack));
  if (BigButton(Tr(lang, Text::kBack), ImVec2(0, 0))) ui.field = UiState::Field::kNone;
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  ImGui::TextUnformatted(Tr(lang, host ? Text::kPrinterHost : Text::kReceiptFooter));
  LargeText(((host ? ui.printer_host : ui.receipt_footer) + "_").c_str());
}

// The receipt printer: none, the USB one (usblp's /dev/usb/lp0), the Bluetooth one bound to
// /dev/rfcomm0, or one on the network by its IP address (app/print/printer.h); a test print;
// the owner's footer under each receipt.
static void DrawPrinter(PosModel& model, UiState& ui) {
  const Language lang = model.language();
  struct Choice {
    Text label;
    const char* address;
  };
  ImGui::TextWrapped("%s: %s", Tr(lang, Text::kPrinter),
                     model.printer().empty() ? Tr(lang, Text::kNoPrinter) : model.printer().c_str());
  bool first = true;
  for (const Choice choice : {Choice{Text::kNoPrinter, ""}, Choice{Text::kPrinterUsb, "/dev/usb/lp0"},
                              Choice{Text::kPrinterBluetooth, "/dev/rfcomm0"}}) {
    const std::string label = std::string(Tr(lang, choice.label)) + "##printer";
    if (!first) SameLineIfFits(label.c_str());
    first = false;
    const ButtonKind kind = model.printer() == choice.address ? ButtonKind::kSelected : ButtonKind::kNormal;
    if (BigButton(label.c_str(), ImVec2(0, 0), kind)) model.SetPrinter(choice.address);
  }
  const std::string network = std::string(Tr(lang, Text::kPrinterNetwork)) + "##printer";
  const bool on_network = model.printer().starts_with(print::kNetworkPrefix);
  SameLineIfFits(network.c_str());
  if (BigButton(network.c_str(), ImVec2(0, 0), on_network ? ButtonKind::kSelected : ButtonKind::kNormal)) {
    ui.printer_host = on_network ? model.printer().substr(print::kNetworkPrefix.size()) : std::string();
    ui.field = UiState::Field::kPrinterHost;
    ui.keyboard_case = KeyboardCase::kLower;
  }
  if (model.printer().empty()) return;
  if (BigButton(Tr(lang, Text::kTestPrint), ImVec2(0, 0))) model.TestPrint();
  if (!model.print_status().empty()) ImGui::TextWrapped("%s", model.print_status().c_str());
  ImGui::TextWrapped("%s: %s", Tr(lang, Text::kReceiptFooter),
                     model.receipt_footer().empty() ? "-" : model.receipt_footer().c_str());
  if (BigButton((std::string(Tr(lang, Text::kEdit)) + "##footer").c_str(), ImVec2(0, 0))) {
    ui.receipt_footer = model.receipt_footer();
    ui.field = UiState::Field::kReceiptFooter;
    ui.keyboard_case = KeyboardCase::kWords;
  }
}

// Text typed on the whole screen: what it is for above (scrolling when long), the keyboard
// below with room for its five rows of touch targets, so that a refusal never pushes its last
// row away.
static void DrawKeyboardPage(PosModel& model, UiState& ui) {
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  const float avail = ImGui::GetContentRegionAvail().y;
  const float keyboard = 5 * TouchHeight() + 4 * spacing;
  ImGui::BeginChild("text_entry", ImVec2(0, std::max(avail - keyboard - spacing, TouchHeight())), false);
  std::string* text = &ui.enrolment_code;
  size_t max_bytes = 300;
  const char* id = "code";
  switch (ui.field) {
    case UiState::Field::kPrinterHost:
      DrawTypedSetting(model, ui);
      text = &ui.printer_host;
      max_bytes = print::kMaxHostBytes;
      id = "host";
      break;
    case UiState::Field::kReceiptFooter:
      DrawTypedSetting(model, ui);
      text = &ui.receipt_footer;
      max_bytes = print::kMaxFooterBytes;
      id = "footer";
      break;
    default: DrawCodeEntry(model, ui); break;
  }
  DragToScroll();
  ImGui::EndChild();
  TextKeyboard(*text, max_bytes, ImGui::GetContentRegionAvail(), id, ui.keyboard_case);
}

void DrawSettings(PosModel& model, UiState& ui) {
  if (ui.field == UiState::Field::kEnrolmentCode || ui.field == UiState::Field::kPrinterHost ||
      ui.field == UiState::Field::kReceiptFooter) {
    DrawKeyboardPage(model, ui);
    return;
  }
  // The outcome of the last action (enrolment, QRIS, printer) across the top, then left: the
  // preferences, the stall's QRIS, its printer and its details; right: sync.
  if (!model.message().empty()) ImGui::TextWrapped("%s", model.message().c_str());
  ImGui::BeginChild("settings", ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0), false);
  DrawPreferences(model);
  DrawQris(model);
  DrawPrinter(model, ui);
  ImGui::Separator();
  DrawStall(model);
  DragToScroll();
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("sync", ImVec2(0, 0), false);
  DrawSync(model, ui);
  DragToScroll();
  ImGui::EndChild();
}

}  // namespace lapak::pos
