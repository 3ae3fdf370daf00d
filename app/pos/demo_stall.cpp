#include "app/pos/demo_stall.h"

namespace lapak::pos {

Status SetUpDemoStall(StallStore& store) {
  LAPAK_RETURN_IF_ERROR(store.Initialise(
      {kDemoStallId, "Bakso Pak Kumis", kDemoTerminalId, "Asia/Jakarta", "04:00", kDemoOwnerPin, kDemoCashierPin}));
  const auto rp = Money::Rupiah;
  return store.ImportCatalog({{"BKS-01", "Bakso Urat", "Makanan", rp(20000)},
                              {"BKS-02", "Bakso Halus", "Makanan", rp(18000)},
                              {"BKS-03", "Bakso Jumbo Isi Telur", "Makanan", rp(25000)},
                              {"BKS-04", "Mie Ayam", "Makanan", rp(17000)},
                              {"BKS-05", "Mie Ayam Bakso", "Makanan", rp(22000)},
                              {"MNM-01", "Es Teh Manis", "Minuman", rp(5000)},
                              {"MNM-02", "Es Jeruk", "Minuman", rp(7000)},
                              {"MNM-03", "Air Mineral", "Minuman", rp(4000)},
                              {"TMB-01", "Kerupuk", "Tambahan", rp(2000)}},
                             false);
}

}  // namespace lapak::pos
