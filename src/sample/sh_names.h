#pragma once
// Name and address pools for CUSTOMERS. `ascii` is the spelling used in e-mail addresses.
#include <cstddef>
#include <string_view>

namespace orashift::sample {

struct Name {
  std::string_view text, ascii;
};

// Mostly ASCII; a row picks from the multibyte pools when the generator wants a hard case.
// The multibyte pools are cycled in order for the hard-case rows, so their first entries
// (including the byte-length edge cases) appear even in the smallest sample.
inline constexpr Name kFirstNames[] = {
    {"Aaron", "aaron"},   {"Beth", "beth"},       {"Carlos", "carlos"}, {"Diane", "diane"},   {"Edgar", "edgar"},
    {"Fiona", "fiona"},   {"Grant", "grant"},     {"Hannah", "hannah"}, {"Ivan", "ivan"},     {"Julia", "julia"},
    {"Kevin", "kevin"},   {"Laura", "laura"},     {"Marcus", "marcus"}, {"Nadia", "nadia"},   {"Oscar", "oscar"},
    {"Priya", "priya"},   {"Quentin", "quentin"}, {"Rosa", "rosa"},     {"Samuel", "samuel"}, {"Tara", "tara"},
    {"Umar", "umar"},     {"Vera", "vera"},       {"Walter", "walter"}, {"Xenia", "xenia"},   {"Yusuf", "yusuf"},
};
inline constexpr Name kMultibyteFirstNames[] = {
    {"Zoë", "zoe"},
    {"Łukasz", "lukasz"},
    {"José", "jose"},
    {"Jean-François René", "jeanfrancois"},  // exactly 20 bytes: VARCHAR2(20) counts bytes
    {"美咲", "misaki"},
    {"Søren", "soren"},
    {"Chloé", "chloe"},
    {"Björn", "bjorn"},
    {"Jürgen", "jurgen"},
    {"Ana María", "anamaria"},
    {"Dương", "duong"},
};
inline constexpr Name kLastNames[] = {
    {"Kelley", "kelley"}, {"Forster", "forster"}, {"Nakamura", "nakamura"}, {"Okafor", "okafor"},
    {"Patel", "patel"},   {"Lindqvist", "lindqvist"}, {"Garcia", "garcia"}, {"Hughes", "hughes"},
    {"Kowalski", "kowalski"}, {"Rossi", "rossi"}, {"Schmidt", "schmidt"}, {"Dubois", "dubois"},
    {"O'Brien", "obrien"}, {"van der Berg", "vanderberg"}, {"MacLeod", "macleod"}, {"Ng", "ng"},
};
inline constexpr Name kMultibyteLastNames[] = {
    {"Müller", "muller"},
    {"Ørsted", "orsted"},
    {"Ødegård-Østergaard-Bjørnstad-Sæther", "odegard"},  // exactly 40 bytes, 35 characters
    {"山田", "yamada"},
    {"Núñez", "nunez"},
    {"Dvořák", "dvorak"},
    {"Gómez", "gomez"},
    {"Wójcik", "wojcik"},
    {"Øvergaard", "overgaard"},
};

inline constexpr std::string_view kStreets[] = {"Maple", "Harbour", "Station", "Mill", "Orchard", "Cedar",
                                                "Bridge", "Chapel", "Meadow", "Quarry"};
inline constexpr std::string_view kStreetKinds[] = {"Street", "Road", "Avenue", "Lane", "Way", "Court"};
inline constexpr std::string_view kMaritalStatus[] = {"single", "married", "divorced", "widowed", "separated"};
inline constexpr std::string_view kIncomeLevels[] = {
    "A: under 30,000",     "B: 30,000 - 49,999",   "C: 50,000 - 69,999",  "D: 70,000 - 89,999",
    "E: 90,000 - 119,999", "F: 120,000 - 159,999", "G: 160,000 - 249,999", "H: 250,000 and above"};
inline constexpr int kCreditLimits[] = {1500, 3000, 5000, 7000, 9000, 10000, 11000, 15000};

}  // namespace orashift::sample
