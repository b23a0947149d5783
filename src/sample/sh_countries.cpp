#include "sample/sh_generate.h"
#include "sample/sh_geography.h"

namespace orashift::sample {

// English names as SH uses them; native spellings live in cities and in COUNTRY_NAME_HIST,
// so multibyte text reaches a NOT NULL column and a nullable one.
const std::vector<Country>& sh_countries() {
  static const std::vector<Country> countries = {
      {"US", "United States of America", "Northern America", 52797, "Americas", 52801, "", {{"Springfield", "IL"}, {"San Mateo", "CA"}, {"Albuquerque", "NM"}}},
      {"CA", "Canada", "Northern America", 52797, "Americas", 52801, "", {{"Montréal", "Québec"}, {"Toronto", "Ontario"}}},
      {"MX", "Mexico", "Central America", 52796, "Americas", 52801, "", {{"Mérida", "Yucatán"}, {"Guadalajara", "Jalisco"}}},
      {"BR", "Brazil", "Southern America", 52798, "Americas", 52801, "", {{"São Paulo", "SP"}, {"Florianópolis", "SC"}}},
      {"AR", "Argentina", "Southern America", 52798, "Americas", 52801, "", {{"Córdoba", "Córdoba"}, {"Rosario", "Santa Fe"}}},
      {"GB", "United Kingdom", "Western Europe", 52799, "Europe", 52803, "Great Britain", {{"Bristol", "England"}, {"Aberdeen", "Scotland"}}},
      {"DE", "Germany", "Western Europe", 52799, "Europe", 52803, "", {{"München", "Bayern"}, {"Düsseldorf", "Nordrhein-Westfalen"}}},
      {"FR", "France", "Western Europe", 52799, "Europe", 52803, "", {{"Besançon", "Bourgogne-Franche-Comté"}, {"Lyon", "Rhône"}}},
      {"IT", "Italy", "Western Europe", 52799, "Europe", 52803, "", {{"Forlì", "Emilia-Romagna"}, {"Torino", "Piemonte"}}},
      {"ES", "Spain", "Western Europe", 52799, "Europe", 52803, "", {{"A Coruña", "Galicia"}, {"Málaga", "Andalucía"}}},
      {"NL", "Netherlands", "Western Europe", 52799, "Europe", 52803, "Holland", {{"Groningen", "Groningen"}, {"Utrecht", "Utrecht"}}},
      {"DK", "Denmark", "Northern Europe", 52800, "Europe", 52803, "Danmark", {{"København", "Hovedstaden"}, {"Århus", "Midtjylland"}}},
      {"PL", "Poland", "Eastern Europe", 52802, "Europe", 52803, "Polska", {{"Kraków", "Małopolskie"}, {"Łódź", "Łódzkie"}}},
      {"AT", "Austria", "Western Europe", 52799, "Europe", 52803, "Österreich", {{"Wien", "Wien"}, {"Graz", "Steiermark"}}},
      {"TR", "Türkiye", "Western Asia", 52794, "Asia", 52802, "Turkey", {{"İstanbul", "İstanbul"}, {"İzmir", "İzmir"}}},
      {"JP", "Japan", "Eastern Asia", 52793, "Asia", 52802, "日本", {{"東京", "東京都"}, {"大阪", "大阪府"}}},
      {"CN", "China", "Eastern Asia", 52793, "Asia", 52802, "", {{"上海", "上海市"}, {"Shenzhen", "Guangdong"}}},
      {"SG", "Singapore", "South-Eastern Asia", 52795, "Asia", 52802, "", {{"Singapore", "Singapore"}}},
      {"IN", "India", "Southern Asia", 52792, "Asia", 52802, "", {{"Bengaluru", "Karnataka"}, {"Pune", "Maharashtra"}}},
      {"AU", "Australia", "Australia and New Zealand", 52791, "Oceania", 52804, "", {{"Brisbane", "Queensland"}, {"Hobart", "Tasmania"}}},
      {"NZ", "New Zealand", "Australia and New Zealand", 52791, "Oceania", 52804, "Aotearoa", {{"Wellington", "Wellington"}, {"Dunedin", "Otago"}}},
      {"ZA", "South Africa", "Southern Africa", 52790, "Africa", 52805, "", {{"Cape Town", "Western Cape"}, {"Durban", "KwaZulu-Natal"}}},
      {"CI", "Côte d'Ivoire", "Western Africa", 52789, "Africa", 52805, "Ivory Coast", {{"Abidjan", "Abidjan"}, {"Yamoussoukro", "Lacs"}}},
  };
  return countries;
}

void write_countries(DatWriter& out, ShKeys& keys) {
  const auto& countries = sh_countries();
  for (size_t i = 0; i < countries.size(); ++i) {
    const Country& c = countries[i];
    out.integer(country_id(i));
    out.text(c.iso);
    out.text(c.name);
    out.text(c.subregion);
    out.integer(c.subregion_id);
    out.text(c.region);
    out.integer(c.region_id);
    out.text("World total");
    out.integer(52806);
    if (c.name_hist.empty())
      out.null();
    else
      out.text(c.name_hist);
    out.end_row();
    keys.country_ids.push_back(country_id(i));
  }
}

}  // namespace orashift::sample
