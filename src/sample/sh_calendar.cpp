#include "sample/sh_calendar.h"

#include "common/datetime.h"

namespace orashift::sample {

int64_t day_number(int year, int month, int day) { return days_from_civil(year, month, day); }

Ymd ymd_of(int64_t day) {
  CivilDateTime c = civil_from_micros(day * kMicrosPerDay);
  return {c.year, c.month, c.day};
}

int days_in_month(int year, int month) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k[month - 1];
}

int64_t first_times_day() { return day_number(kFirstYear, 1, 1); }
int64_t times_day_count() { return day_number(kLastYear + 1, 1, 1) - first_times_day(); }

int iso_weekday(int64_t day) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (day + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

int iso_week(int64_t day) {
  // The week belongs to the year of its Thursday; count Thursdays from that year's first.
  const int64_t thursday = day - iso_weekday(day) + 4;
  const int64_t jan1 = day_number(ymd_of(thursday).year, 1, 1);
  return static_cast<int>((thursday - jan1) / 7) + 1;
}

static void append_2(std::string& out, int v) {
  out.push_back(static_cast<char>('0' + v / 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void append_date(std::string& out, int64_t day) {
  const Ymd d = ymd_of(day);
  append_2(out, d.year / 100);
  append_2(out, d.year % 100);
  out.push_back('-');
  append_2(out, d.month);
  out.push_back('-');
  append_2(out, d.day);
}

void append_datetime(std::string& out, int64_t day, int seconds_of_day) {
  append_date(out, day);
  out.push_back(' ');
  append_2(out, seconds_of_day / 3600);
  out.push_back(':');
  append_2(out, seconds_of_day / 60 % 60);
  out.push_back(':');
  append_2(out, seconds_of_day % 60);
}

}  // namespace orashift::sample
