#pragma once
// Calendar arithmetic for the TIMES dimension and for dates in the other tables.
// Days are counted from 1970-01-01 so dates compare and subtract as integers.
#include <cstdint>
#include <string>

namespace orashift::sample {

inline constexpr int kFirstYear = 1998;  // TIMES covers kFirstYear-01-01 .. kLastYear-12-31
inline constexpr int kLastYear = 2001;

struct Ymd {
  int year = 1970, month = 1, day = 1;
};

int64_t day_number(int year, int month, int day);
Ymd ymd_of(int64_t day);
int days_in_month(int year, int month);
int64_t first_times_day();
int64_t times_day_count();  // 1461 for 1998..2001

// ISO 8601: Monday = 1 .. Sunday = 7, and the week number (1..53) of a day.
int iso_weekday(int64_t day);
int iso_week(int64_t day);

// "YYYY-MM-DD" and "YYYY-MM-DD HH24:MI:SS" (seconds since midnight).
void append_date(std::string& out, int64_t day);
void append_datetime(std::string& out, int64_t day, int seconds_of_day);

}  // namespace orashift::sample
