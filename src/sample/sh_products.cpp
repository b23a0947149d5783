#include <string>

#include "sample/sh_generate.h"
#include "sample/sh_calendar.h"
#include "sample/sh_prng.h"

namespace orashift::sample {
namespace {

constexpr int kProducts = 72;

struct Subcategory {
  std::string_view name, item, desc;
};
struct Category {
  std::string_view name, desc;
  Subcategory subs[3];
};

const Category kCategories[] = {
    {"Computers", "Laptops, desktops and the screens that go with them",
     {{"Laptops", "Notebook", "Portable computers"}, {"Desktops", "Tower PC", "Desktop computers"},
      {"Monitors", "Monitor", "Flat-panel displays"}}},
    {"Photo & Video", "Cameras, camcorders and lenses",
     {{"Cameras", "Camera", "Digital still cameras"}, {"Camcorders", "Camcorder", "Video cameras"},
      {"Lenses", "Zoom Lens", "Interchangeable lenses"}}},
    {"Audio", "Listening at home and on the move",
     {{"Headphones", "Headphones", "Over-ear and in-ear headphones"}, {"Speakers", "Speaker", "Powered speakers"},
      {"Hi-Fi", "Amplifier", "Home stereo components"}}},
    {"Accessories", "Cables, cases and memory",
     {{"Cables", "Cable", "Cables and adapters"}, {"Bags & Cases", "Sleeve", "Bags, sleeves and cases"},
      {"Memory", "Memory Card", "Memory cards and USB sticks"}}},
    {"Software & Games", "Boxed software and games",
     {{"Games", "Game", "Console and PC games"}, {"Productivity", "Office Suite", "Office and tax software"},
      {"Operating Systems", "OS Upgrade", "Operating system upgrades"}}},
};

constexpr std::string_view kBrands[] = {"Nimbus", "Aurora", "Vertex", "Kestrel", "Solace", "Zephyr", "Brio", "Tamarind"};
constexpr std::string_view kPackSizes[] = {"P", "Box of 1", "Pack of 3", "Pack of 10", "Retail box"};

// Sparse like SH's, so a loader that assumes ids 1..n is caught.
int64_t product_id(int index) { return 13 + 2 * index; }

}  // namespace

void write_products(DatWriter& out, uint64_t seed, ShKeys& keys) {
  Prng rng(seed, kProductsStream);
  const int64_t eff_from = day_number(kFirstYear, 1, 1);
  for (int i = 0; i < kProducts; ++i) {
    const int sub_index = i * 15 / kProducts;
    const Category& cat = kCategories[sub_index / 3];
    const Subcategory& sub = cat.subs[sub_index % 3];
    const std::string model = std::to_string(100 + i * 7);
    // Hard cases by position: a quote in a name, a multibyte name, the delimiter in a description.
    std::string name;
    std::string desc = std::string(sub.desc) + ", model " + model;
    switch (i % 12) {
      case 2: name = std::string(kBrands[i % 8]) + " 17\" " + std::string(sub.item) + " " + model; break;
      case 5: name = "Café Crème " + std::string(sub.item) + " " + model; break;
      case 8: name = "Bläckfisk " + std::string(sub.item) + " Ø" + model; break;
      default: name = std::string(rng.pick(kBrands)) + " " + std::string(sub.item) + " " + model;
    }
    if (i % 12 == 9) desc += " | bundle: 2 m cable, \"quick start\" guide";
    const int64_t list_cents = rng.between(999, 199999);

    out.integer(product_id(i));
    out.text(name);
    out.text(desc);
    out.text(sub.name);
    out.integer(2000 + sub_index + 1);
    out.text(sub.desc);
    out.text(cat.name);
    out.integer(200 + sub_index / 3 + 1);
    out.text(cat.desc);
    out.integer(rng.between(1, 5));
    if (i % 12 == 3)
      out.quoted("");  // an enclosed empty string in a nullable column: loads as NULL
    else if (i % 12 == 4)
      out.null();
    else
      out.text(rng.percent(80) ? "U" : "KG");
    out.text(rng.pick(kPackSizes));
    out.integer(rng.between(1, 999));
    out.text(i % 9 == 4 ? "discontinued" : "available");
    out.decimal(list_cents, 2);
    out.decimal(list_cents * rng.between(75, 95) / 100, 2);
    out.text("Product total");
    out.integer(1);
    out.null();
    out.datetime(eff_from, 0);
    out.null();
    out.text("A");
    out.end_row();
    keys.product_ids.push_back(product_id(i));
    keys.product_price_cents.push_back(list_cents);
  }
}

}  // namespace orashift::sample
