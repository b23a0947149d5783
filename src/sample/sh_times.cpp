#include <string>

#include "sample/sh_calendar.h"
#include "sample/sh_generate.h"

namespace orashift::sample {
namespace {

constexpr std::string_view kDayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::string_view kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

std::string two(int v) {
  std::string s(1, static_cast<char>('0' + v / 10));
  s.push_back(static_cast<char>('0' + v % 10));
  return s;
}

// A span of days [first, last] and its length.
struct Span {
  int64_t first, last;
  int64_t days() const { return last - first + 1; }
};

Span month_span(int y, int m) { return {day_number(y, m, 1), day_number(y, m, days_in_month(y, m))}; }
Span quarter_span(int y, int q) {
  return {day_number(y, q * 3 - 2, 1), day_number(y, q * 3, days_in_month(y, q * 3))};
}

}  // namespace

// Fiscal rule (ours, documented in docs/sample.md): fiscal years run July 1st to June 30th and
// are named by the calendar year they end in; fiscal months and quarters are calendar months
// and quarters renumbered from July; fiscal weeks count 7-day blocks from July 1st (1..53).
// IDs are readable numbers: YYYYMMDD, YYYYMM, YYYYQ and YYYY.
void write_times(DatWriter& out) {
  const int64_t first = first_times_day();
  const int64_t count = times_day_count();
  for (int64_t day = first; day < first + count; ++day) {
    const Ymd d = ymd_of(day);
    const int weekday = iso_weekday(day);
    const int64_t week_end = day + (7 - weekday);
    const Ymd we = ymd_of(week_end);
    const int cal_q = (d.month - 1) / 3 + 1;
    const int fis_year = d.month >= 7 ? d.year + 1 : d.year;
    const int fis_month = d.month >= 7 ? d.month - 6 : d.month + 6;
    const int fis_q = (fis_month - 1) / 3 + 1;
    const Span cal_month = month_span(d.year, d.month);
    const Span cal_quarter = quarter_span(d.year, cal_q);
    const Span cal_year{day_number(d.year, 1, 1), day_number(d.year, 12, 31)};
    const Span fis_quarter = quarter_span(d.year, cal_q);  // fiscal quarters are calendar quarters
    const Span fis_year_span{day_number(fis_year - 1, 7, 1), day_number(fis_year, 6, 30)};

    out.datetime(day, 0);
    out.text(kDayNames[weekday - 1]);
    out.integer(weekday);
    out.integer(d.day);
    out.integer(iso_week(day));
    out.integer((day - fis_year_span.first) / 7 + 1);
    out.datetime(week_end, 0);
    out.integer(int64_t{we.year} * 10000 + we.month * 100 + we.day);
    out.integer(d.month);
    out.integer(fis_month);
    out.text(std::to_string(d.year) + "-" + two(d.month));
    out.integer(int64_t{d.year} * 100 + d.month);
    out.text(std::to_string(fis_year) + "-" + two(fis_month));
    out.integer(int64_t{fis_year} * 100 + fis_month);
    out.integer(cal_month.days());
    out.integer(cal_month.days());
    out.datetime(cal_month.last, 0);
    out.datetime(cal_month.last, 0);
    out.text(kMonthNames[d.month - 1]);
    out.text(kMonthNames[d.month - 1]);
    out.text(std::to_string(d.year) + "-Q" + std::to_string(cal_q));
    out.integer(int64_t{d.year} * 10 + cal_q);
    out.text(std::to_string(fis_year) + "-Q" + std::to_string(fis_q));
    out.integer(int64_t{fis_year} * 10 + fis_q);
    out.integer(cal_quarter.days());
    out.integer(fis_quarter.days());
    out.datetime(cal_quarter.last, 0);
    out.datetime(fis_quarter.last, 0);
    out.integer(cal_q);
    out.integer(fis_q);
    out.integer(d.year);
    out.integer(d.year);
    out.integer(fis_year);
    out.integer(fis_year);
    out.integer(cal_year.days());
    out.integer(fis_year_span.days());
    out.datetime(cal_year.last, 0);
    out.datetime(fis_year_span.last, 0);
    out.end_row();
  }
}

}  // namespace orashift::sample
