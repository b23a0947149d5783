#include "convert/query/format_model.h"

#include <array>
#include <cctype>

namespace orashift::rewrite {

namespace {

struct Element {
  const char* oracle;  // upper case; matched case-insensitively, longest first
  const char* pg;      // PostgreSQL/Redshift spelling, nullptr when unsupported; "=" keeps the source's case
  const char* duck;    // strftime code, nullptr when unsupported
  const char* duck_fm; // the code without padding (FM), nullptr when the same
};

// Longest elements first so HH24 wins over HH and YYYY over YY.
constexpr std::array kElements = {
    // SYYYY: a blank where Oracle puts a BC year's minus (PostgreSQL has no signed year; see
    // convert_date_format for what differs).
    Element{"SYYYY", "\" \"YYYY", nullptr, nullptr},
    Element{"SSSSS", "SSSS", nullptr, nullptr},
    Element{"MONTH", "=", "%B", nullptr},
    Element{"RRRR", "YYYY", "%Y", nullptr},
    Element{"YYYY", "YYYY", "%Y", nullptr},
    Element{"IYYY", "IYYY", "%G", nullptr},
    Element{"HH24", "HH24", "%H", "%-H"},
    Element{"HH12", "HH12", "%I", "%-I"},
    Element{"A.M.", "=", nullptr, nullptr},
    Element{"P.M.", "=", nullptr, nullptr},
    Element{"YYY", "YYY", nullptr, nullptr},
    Element{"DDD", "DDD", "%j", "%-j"},
    Element{"DAY", "=", "%A", nullptr},
    Element{"MON", "=", "%b", nullptr},
    Element{"FF1", "FF1", nullptr, nullptr},
    Element{"FF2", "FF2", nullptr, nullptr},
    Element{"FF3", "FF3", "%g", nullptr},
    Element{"FF4", "FF4", nullptr, nullptr},
    Element{"FF5", "FF5", nullptr, nullptr},
    Element{"FF6", "FF6", "%f", nullptr},
    Element{"FF9", nullptr, "%n", nullptr},
    Element{"TZH", "TZH", nullptr, nullptr},
    Element{"TZD", "TZ", nullptr, nullptr},  // the zone's abbreviation with daylight saving (PDT), printing only
    Element{"TZR", "TZ", nullptr, nullptr},  // approximate: see convert_date_format
    Element{"TZM", "TZM", nullptr, nullptr},
    Element{"YY", "YY", "%y", nullptr},
    Element{"RR", "YY", "%y", nullptr},
    Element{"MM", "MM", "%m", "%-m"},
    Element{"DD", "DD", "%d", "%-d"},
    Element{"DY", "=", "%a", nullptr},
    Element{"HH", "HH12", "%I", "%-I"},
    Element{"MI", "MI", "%M", "%-M"},
    Element{"SS", "SS", "%S", "%-S"},
    Element{"FF", "US", "%f", nullptr},
    Element{"AM", "=", "%p", nullptr},
    Element{"PM", "=", "%p", nullptr},
    Element{"IW", "IW", "%V", nullptr},
    Element{"WW", "WW", nullptr, nullptr},
    Element{"CC", "CC", nullptr, nullptr},
    Element{"Q", "Q", nullptr, nullptr},
    Element{"J", "J", nullptr, nullptr},
    Element{"W", "W", nullptr, nullptr},
    Element{"D", "D", nullptr, nullptr},
    Element{"Y", "Y", nullptr, nullptr},
    Element{"X", ".", nullptr, nullptr},  // the radix character: '.' under NLS_NUMERIC_CHARACTERS '.,'
};

bool match_ci(std::string_view s, size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::toupper(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
  return true;
}

}  // namespace

std::string format_model_function_sql() {
  std::string oracle, pg;
  for (const auto& e : kElements) {
    oracle += std::string(oracle.empty() ? "" : ", ") + "'" + e.oracle + "'";
    pg += std::string(pg.empty() ? "" : ", ") + (e.pg ? "'" + std::string(e.pg) + "'" : "NULL");
  }
  return R"SQL((fmt text, parsing boolean)
RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $orashift$
DECLARE
  elements text[] := ARRAY[)SQL" + oracle + R"SQL(];
  targets text[] := ARRAY[)SQL" + pg + R"SQL(];
  out text := '';
  i integer := 1;
  j integer;
  hit boolean;
BEGIN
  IF fmt IS NULL THEN
    RETURN NULL;
  END IF;
  WHILE i <= length(fmt) LOOP
    IF substr(fmt, i, 1) = '"' THEN  -- quoted text, kept
      j := strpos(substr(fmt, i + 1), '"');
      j := CASE WHEN j = 0 THEN length(fmt) - i + 1 ELSE j + 1 END;
      out := out || substr(fmt, i, j);
      i := i + j;
      CONTINUE;
    END IF;
    IF strpos(' -/,.;:', substr(fmt, i, 1)) > 0 THEN
      out := out || substr(fmt, i, 1);
      i := i + 1;
      CONTINUE;
    END IF;
    IF upper(substr(fmt, i, 2)) IN ('FM', 'FX') THEN
      out := out || substr(fmt, i, 2);
      i := i + 2;
      CONTINUE;
    END IF;
    hit := false;
    FOR k IN 1 .. array_length(elements, 1) LOOP
      IF upper(substr(fmt, i, length(elements[k]))) = elements[k] THEN
        IF targets[k] IS NULL OR (parsing AND elements[k] IN ('TZD', 'TZR')) THEN
          RAISE EXCEPTION USING ERRCODE = '22007', MESSAGE = format('format element %s of %L has no PostgreSQL equivalent', elements[k], fmt);
        END IF;
        out := out || CASE WHEN targets[k] = '=' THEN substr(fmt, i, length(elements[k])) ELSE targets[k] END;
        i := i + length(elements[k]);
        hit := true;
        EXIT;
      END IF;
    END LOOP;
    IF NOT hit THEN
      RAISE EXCEPTION USING ERRCODE = '22007', MESSAGE = 'date format not recognized: ' || fmt;
    END IF;
  END LOOP;
  RETURN out;
END
$orashift$;
)SQL";
}

FormatModel convert_date_format(std::string_view m, Dialect dialect, bool parsing) {
  FormatModel out;
  bool duck = dialect == Dialect::DuckDb;
  bool fm = false;
  size_t i = 0;
  while (i < m.size()) {
    char c = m[i];
    if (c == '"') {  // quoted literal text
      size_t j = m.find('"', i + 1);
      if (j == std::string_view::npos) j = m.size() - 1;
      std::string_view lit = m.substr(i + 1, j - i - 1);
      if (duck) {
        for (char x : lit) out.mask += x == '%' ? std::string("%%") : std::string(1, x);
      } else {
        out.mask += "\"" + std::string(lit) + "\"";
      }
      i = j + 1;
      continue;
    }
    if (std::string_view(" -/,.;:").find(c) != std::string_view::npos) {
      out.mask.push_back(c);
      ++i;
      continue;
    }
    if (match_ci(m, i, "FM")) {
      fm = !fm;
      if (!duck) out.mask += m.substr(i, 2);
      i += 2;
      continue;
    }
    if (match_ci(m, i, "FX")) {
      if (!duck) out.mask += m.substr(i, 2);
      i += 2;
      continue;
    }
    const Element* hit = nullptr;
    for (const auto& e : kElements)
      if (match_ci(m, i, e.oracle)) {
        hit = &e;
        break;
      }
    if (!hit) {
      if (out.unsupported.empty()) out.unsupported = std::string(1, c);
      out.mask.push_back(c);
      ++i;
      continue;
    }
    std::string_view src = m.substr(i, std::string_view(hit->oracle).size());
    i += src.size();
    const char* code = duck ? (fm && hit->duck_fm && !parsing ? hit->duck_fm : hit->duck) : hit->pg;
    bool zone_name = hit->oracle == std::string_view("TZD") || hit->oracle == std::string_view("TZR");
    if (zone_name && parsing) code = nullptr;  // to_timestamp reads no zone names
    // A TIMESTAMP WITH TIME ZONE holds a region in Oracle (TZR prints US/Pacific, or +00:00 for
    // an offset); PostgreSQL's timestamptz holds none: TZ prints the session zone's abbreviation.
    if (code && hit->oracle == std::string_view("SYYYY") && out.approximate.empty())
      out.approximate = "SYYYY → a blank and YYYY: a BC year has no minus sign (and FM keeps the blank)";
    if (code && hit->oracle == std::string_view("TZR") && out.approximate.empty())
      out.approximate = "TZR → TZ: the session time zone's abbreviation (PST, UTC), not the value's region name or offset";
    if (!code) {
      if (out.unsupported.empty()) out.unsupported = std::string(src);
      out.mask += src;
      continue;
    }
    if (std::string_view(code) == "=") {
      out.mask += src;  // names keep the case pattern Oracle uses for the output (MON/Mon/mon)
    } else {
      out.mask += code;
    }
    // Element names print in the case they are written: all upper means upper-case names.
    if (duck && (hit->oracle == std::string_view("MON") || hit->oracle == std::string_view("MONTH") ||
                 hit->oracle == std::string_view("DY") || hit->oracle == std::string_view("DAY") ||
                 hit->oracle == std::string_view("AM") || hit->oracle == std::string_view("PM"))) {
      bool all_upper = src.size() > 1 && std::isupper(static_cast<unsigned char>(src[1]));
      if (all_upper && hit->oracle != std::string_view("AM") && hit->oracle != std::string_view("PM")) out.upper_case = true;
    }
  }
  return out;
}

}  // namespace orashift::rewrite
