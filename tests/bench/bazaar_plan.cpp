#include "tests/bench/bazaar_plan.h"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/business_day.h"

namespace lapak::bench {

namespace {

constexpr int kEvents = 50;
constexpr const char* kFirstFriday = "2026-01-09";
constexpr std::array<double, kEventDays> kDayWeights = {0.85, 1.0, 1.15};

struct Regency {
  const char* name;
  const char* code;
};

struct Province {
  const char* name;
  const char* time_zone;
  std::vector<Regency> regencies;
};

const std::vector<Province>& Provinces() {
  static const std::vector<Province> provinces = {
      {"Jawa Tengah", "Asia/Jakarta",
       {{"Kota Semarang", "SMG"}, {"Kota Surakarta", "SKA"}, {"Kabupaten Magelang", "MGL"},
        {"Kabupaten Kudus", "KDS"}}},
      {"Bali", "Asia/Makassar",
       {{"Kota Denpasar", "DPS"}, {"Kabupaten Badung", "BDG"}, {"Kabupaten Gianyar", "GNY"}}},
      {"Jawa Timur", "Asia/Jakarta",
       {{"Kota Surabaya", "SBY"}, {"Kota Malang", "MLG"}, {"Kabupaten Sidoarjo", "SDA"}}},
      {"Sulawesi Selatan", "Asia/Makassar",
       {{"Kota Makassar", "MKS"}, {"Kabupaten Gowa", "GWA"}, {"Kabupaten Maros", "MRS"}}},
      {"Jawa Barat", "Asia/Jakarta",
       {{"Kota Bandung", "BDO"}, {"Kota Bogor", "BGR"}, {"Kabupaten Garut", "GRT"}}},
      {"Papua", "Asia/Jayapura", {{"Kota Jayapura", "DJJ"}, {"Kabupaten Jayapura", "SNT"}}},
      {"DI Yogyakarta", "Asia/Jakarta",
       {{"Kota Yogyakarta", "YOG"}, {"Kabupaten Sleman", "SLM"}, {"Kabupaten Bantul", "BTL"}}},
      {"Nusa Tenggara Barat", "Asia/Makassar",
       {{"Kota Mataram", "MTR"}, {"Kabupaten Lombok Barat", "LBR"}}},
      {"Sumatera Utara", "Asia/Jakarta", {{"Kota Medan", "MDN"}, {"Kabupaten Deli Serdang", "DLS"}}},
      {"Maluku", "Asia/Jayapura", {{"Kota Ambon", "AMQ"}, {"Kabupaten Maluku Tengah", "MTG"}}},
  };
  return provinces;
}

struct Category {
  const char* name;
  double share;   // of the stalls
  double busy;    // sales weight
  int64_t low;    // price range, rupiah
  int64_t high;
  std::vector<const char*> products;
  std::vector<const char*> stall_names;
};

const std::vector<Category>& Categories() {
  static const std::vector<Category> categories = {
      {"makanan", 0.35, 1.4, 10'000, 35'000,
       {"Nasi Goreng", "Mie Ayam", "Bakso Urat", "Sate Ayam", "Soto Ayam", "Nasi Campur",
        "Gado-gado", "Ayam Bakar", "Pecel Lele", "Lontong Sayur", "Rawon", "Nasi Kuning"},
       {"Warung Bu Sri", "Dapur Pak Kumis", "Sate Cak Man", "Bakso Mas Joko", "Nasi Uduk Betawi"}},
      {"minuman", 0.20, 1.3, 4'000, 20'000,
       {"Es Teh Manis", "Es Jeruk", "Kopi Susu", "Es Cendol", "Jus Alpukat", "Wedang Jahe",
        "Es Kelapa Muda", "Teh Tarik", "Es Dawet", "Air Mineral"},
       {"Kopi Kenangan Desa", "Es Dawet Ayu", "Jus Segar Mbak Rina", "Wedang Pak Harjo"}},
      {"jajanan", 0.10, 1.2, 2'000, 15'000,
       {"Martabak Manis", "Pisang Goreng", "Cilok", "Klepon", "Serabi", "Lumpia", "Tahu Isi",
        "Kue Lapis", "Onde-onde", "Cireng"},
       {"Jajanan Pasar Bu Tini", "Martabak Bang Udin", "Gorengan Cak Di"}},
      {"kerajinan", 0.12, 0.5, 25'000, 350'000,
       {"Tas Anyaman Pandan", "Wayang Kulit Mini", "Ukiran Kayu", "Gerabah Kasongan",
        "Keranjang Rotan", "Topeng Kayu", "Tikar Mendong", "Kipas Bambu"},
       {"Kriya Nusantara", "Anyaman Bu Yati", "Sanggar Ukir Jepara"}},
      {"busana", 0.13, 0.5, 75'000, 450'000,
       {"Batik Tulis", "Batik Cap", "Kain Tenun Ikat", "Kebaya Modern", "Sarung Tenun",
        "Kemeja Batik", "Selendang Songket", "Blangkon"},
       {"Batik Sekar Jagad", "Tenun Ibu Ana", "Butik Kebaya Laras"}},
      {"aksesoris", 0.10, 0.8, 15'000, 120'000,
       {"Gelang Manik", "Kalung Mutiara Air Tawar", "Bros Batik", "Dompet Tenun", "Anting Perak",
        "Gantungan Kunci", "Ikat Rambut", "Cincin Kayu"},
       {"Aksesori Mbak Wulan", "Perak Kotagede", "Manik Kalimantan"}},
  };
  return categories;
}

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  double Real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(engine_); }
  int64_t Int(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(engine_); }

 private:
  std::mt19937_64 engine_;
};

const Category& PickCategory(Random& random) {
  double roll = random.Real(0, 1);
  for (const Category& category : Categories()) {
    if ((roll -= category.share) < 0) return category;
  }
  return Categories().front();
}

// A price between low and high, rounded to Rp500 below Rp20 000 and to Rp5 000 above.
int64_t PriceIn(Random& random, int64_t low, int64_t high) {
  const double price = std::exp(random.Real(std::log(static_cast<double>(low)),
                                            std::log(static_cast<double>(high))));
  const int64_t step = price < 20'000 ? 500 : 5'000;
  return std::max<int64_t>(step, std::llround(price / static_cast<double>(step)) * step);
}

std::vector<Product> MakeCatalog(Random& random, const Category& category, const std::string& prefix) {
  std::vector<const char*> names = category.products;
  std::shuffle(names.begin(), names.end(), std::mt19937_64(static_cast<uint64_t>(random.Int(0, 1 << 30))));
  names.resize(static_cast<size_t>(std::min<int64_t>(random.Int(6, 10), static_cast<int64_t>(names.size()))));
  std::vector<Product> catalog;
  for (size_t i = 0; i < names.size(); ++i) {
    catalog.push_back({fmt::format("{}-{:02}", prefix, i + 1), names[i], category.name,
                       Money::Rupiah(PriceIn(random, category.low, category.high)), true});
  }
  return catalog;
}

}  // namespace

BazaarPlan MakeBazaarPlan(int64_t sales, uint64_t seed) {
  Random random(seed);
  BazaarPlan plan;
  plan.sales = sales;
  std::vector<std::array<double, kEventDays>> weights;  // per stall, in plan order
  for (int e = 0; e < kEvents; ++e) {
    const Province& province = Provinces()[static_cast<size_t>(e) % Provinces().size()];
    const size_t round = static_cast<size_t>(e) / Provinces().size();
    const Regency& regency = province.regencies[round % province.regencies.size()];
    const std::string first_day = AddDays(kFirstFriday, 7 * e);
    PlannedEvent event;
    event.spec = {fmt::format("E{:02}-{}", e + 1, regency.code),
                  fmt::format("Bazar UMKM {} {}", regency.name, round + 1),
                  province.name,
                  regency.name,
                  province.time_zone,
                  first_day,
                  AddDays(first_day, kEventDays - 1)};
    const double event_weight = random.Real(0.5, 1.5);
    const int64_t stalls = random.Int(36, 44);
    for (int64_t s = 1; s <= stalls; ++s) {
      const Category& category = PickCategory(random);
      PlannedStall stall;
      const std::string stall_id = fmt::format("E{:02}-S{:02}", e + 1, s);
      const char* name = category.stall_names[static_cast<size_t>(
          random.Int(0, static_cast<int64_t>(category.stall_names.size()) - 1))];
      std::string home;
      if (random.Real(0, 1) >= 0.7) {
        home = province.regencies[static_cast<size_t>(random.Int(
                                      0, static_cast<int64_t>(province.regencies.size()) - 1))]
                   .name;
      }
      stall.spec = {stall_id, event.spec.id, fmt::format("{} {}", name, s), category.name, home};
      stall.terminal_id = fmt::format("E{:02}-T{:02}", e + 1, s);
      stall.catalog = MakeCatalog(random, category, fmt::format("P{:02}", s));
      const double stall_weight = event_weight * category.busy * random.Real(0.4, 1.6);
      std::array<double, kEventDays> days{};
      for (int d = 0; d < kEventDays; ++d) days[static_cast<size_t>(d)] = stall_weight * kDayWeights[static_cast<size_t>(d)];
      weights.push_back(days);
      event.stalls.push_back(std::move(stall));
    }
    plan.stalls += stalls;
    plan.events.push_back(std::move(event));
  }
  // Cumulative rounding: the (event, stall, day) counts add up to `sales` exactly.
  double total = 0;
  for (const auto& days : weights) {
    for (double w : days) total += w;
  }
  double cumulative = 0;
  int64_t given = 0;
  size_t index = 0;
  for (PlannedEvent& event : plan.events) {
    for (PlannedStall& stall : event.stalls) {
      for (int d = 0; d < kEventDays; ++d) {
        cumulative += weights[index][static_cast<size_t>(d)];
        const int64_t upto = std::llround(static_cast<double>(sales) * cumulative / total);
        stall.sales[static_cast<size_t>(d)] = std::max<int64_t>(0, upto - given);
        given += stall.sales[static_cast<size_t>(d)];
      }
      ++index;
    }
  }
  plan.events.back().stalls.back().sales.back() += sales - given;  // rounding at the very end
  return plan;
}

}  // namespace lapak::bench
