#include <string>

#include "sample/sh_calendar.h"
#include "sample/sh_generate.h"
#include "sample/sh_geography.h"
#include "sample/sh_names.h"
#include "sample/sh_prng.h"

namespace orashift::sample {
namespace {

// Every tenth customer carries one hard case, chosen by its position, so even the 50
// customers of scale 0.001 hold each case five times; the rest are drawn at random.
enum Slot { kPlain, kMultibyteName, kQuotedAddress, kDelimiterAddress, kEdgeSpaces, kNullMarital,
            kEmptyMarital, kHugeLifetimeValue, kHugeCreditLimit, kMultibyteCity };

std::string street_address(Prng& rng, Slot slot) {
  const std::string number = std::to_string(rng.between(1, 9999));
  const std::string street(rng.pick(kStreets));
  const std::string kind(rng.pick(kStreetKinds));
  switch (slot) {
    case kQuotedAddress: return number + " \"Old\" " + street + " " + kind;
    case kDelimiterAddress: return "Unit " + std::to_string(rng.between(1, 99)) + "|" + number + " " + street + " " + kind;
    case kEdgeSpaces: return "  " + number + " " + street + " " + kind + "  ";
    default: return number + " " + street + " " + kind;
  }
}

std::string digits(Prng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng.below(10)));
  return s;
}

std::string phone(Prng& rng) {
  std::string s = "(";
  s += digits(rng, 3);
  s += ") ";
  s += digits(rng, 3);
  s += '-';
  s += digits(rng, 4);
  return s;
}

struct Place {
  size_t country, city;
};

template <class T, size_t N>
const T& cycle(const T (&items)[N], uint64_t round) {
  return items[round % N];
}

Place pick_place(Prng& rng, bool multibyte, uint64_t round) {
  const auto& countries = sh_countries();
  if (multibyte) {
    // Cities outside ASCII: 東京, 大阪, 上海, Łódź, København, İstanbul ...
    static const Place kPlaces[] = {{15, 0}, {15, 1}, {16, 0}, {12, 1}, {11, 0}, {14, 0}, {3, 0}, {6, 1}};
    return cycle(kPlaces, round);
  }
  const size_t c = rng.below(countries.size());
  return {c, rng.below(countries[c].cities.size())};
}

}  // namespace

void write_customers(DatWriter& out, uint64_t seed, uint64_t count, ShKeys& keys) {
  Prng rng(seed, kCustomersStream);
  const int64_t eff_first = day_number(1997, 1, 1);
  const int64_t eff_days = day_number(2002, 1, 1) - eff_first;
  for (uint64_t i = 0; i < count; ++i) {
    const auto slot = static_cast<Slot>(i % 10);
    const uint64_t round = i / 10;
    const bool multibyte = rng.percent(8);
    const Name& first = slot == kMultibyteName ? cycle(kMultibyteFirstNames, round)
                        : multibyte            ? rng.pick(kMultibyteFirstNames)
                                               : rng.pick(kFirstNames);
    const Name& last = slot == kMultibyteName ? cycle(kMultibyteLastNames, round)
                       : multibyte            ? rng.pick(kMultibyteLastNames)
                                              : rng.pick(kLastNames);
    const Place place = pick_place(rng, slot == kMultibyteCity, round);
    const Country& country = sh_countries()[place.country];
    const City& city = country.cities[place.city];

    out.integer(customer_id(i));
    out.text(first.text);
    out.text(last.text);
    out.text(rng.percent(50) ? "M" : "F");
    out.integer(rng.between(1913, 1990));
    if (slot == kNullMarital || (slot != kEmptyMarital && rng.percent(5)))
      out.null();
    else if (slot == kEmptyMarital)
      out.quoted("");
    else
      out.text(rng.pick(kMaritalStatus));
    out.text(street_address(rng, slot));
    out.text(digits(rng, 5));
    out.text(city.name);
    out.integer(51000 + static_cast<int64_t>(place.country * 10 + place.city));
    out.text(city.state);
    out.integer(52000 + static_cast<int64_t>(place.country * 10 + place.city));
    out.integer(country_id(place.country));
    out.text(phone(rng));
    if (rng.percent(6))
      out.null();
    else
      out.text(rng.pick(kIncomeLevels));
    // CUST_CREDIT_LIMIT is an unconstrained NUMBER: whole amounts, and a few 12-digit ones with cents.
    if (slot == kHugeCreditLimit)
      out.decimal_trim(rng.between(10'000'000'000'00, 999'999'999'999'99), 2);
    else if (rng.percent(5))
      out.null();
    else
      out.decimal_trim(int64_t{rng.pick(kCreditLimits)} * 100, 2);
    if (rng.percent(10))
      out.null();
    else
      out.text(std::string(first.ascii) + "." + std::string(last.ascii) + std::to_string(i) + "@example.com");
    out.text("Customer total");
    out.integer(52772);
    if (rng.percent(90))
      out.null();
    else
      out.integer(rng.between(1, 9));
    // Effective dates carry a time of day (never midnight), which DATE keeps and loaders lose.
    const int64_t eff_from = eff_first + static_cast<int64_t>(rng.below(static_cast<uint64_t>(eff_days)));
    out.datetime(eff_from, static_cast<int>(rng.between(1, 86399)));
    const bool expired = i % 13 == 12;
    if (expired)
      out.datetime(eff_from + rng.between(1, 700), static_cast<int>(rng.between(1, 86399)));
    else
      out.null();
    out.text(expired ? "I" : "A");
    // NUMBER(14,4) in ten-thousandths: up to 9,999,999,999.9999.
    if (slot == kHugeLifetimeValue)
      out.decimal(rng.between(1'000'000'000'0000, 9'999'999'999'9999), 4);
    else if (rng.percent(3))
      out.null();
    else
      out.decimal(rng.between(0, 50'000'0000), 4);
    out.end_row();
  }
  keys.customers = count;
}

}  // namespace orashift::sample
