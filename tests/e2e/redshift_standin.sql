-- The Redshift stand-in's shim (tests/e2e/redshift_standin.h): the Redshift-only built-ins that
-- orashift's Redshift output calls, written for PostgreSQL so that output can run on the test
-- server. Each follows the Redshift Database Developer Guide page named beside it. Only what the
-- behaviour programs use is here; the stand-in cannot show Redshift's transaction and handler
-- semantics (see README, "What the Redshift stand-in cannot show").
CREATE SCHEMA IF NOT EXISTS redshift_shim;

-- GETDATE_function: the current date and time of the statement, without time zone.
CREATE OR REPLACE FUNCTION redshift_shim.getdate() RETURNS timestamp
LANGUAGE sql STABLE AS $$ SELECT date_trunc('second', localtimestamp) $$;

-- DATEDIFF_function: whole boundaries of `part` crossed between two timestamps.
CREATE OR REPLACE FUNCTION redshift_shim.datediff(part text, a timestamp, b timestamp) RETURNS bigint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE lower(part)
    WHEN 'second' THEN (extract(epoch FROM date_trunc('second', b)) - extract(epoch FROM date_trunc('second', a)))::bigint
    WHEN 'minute' THEN ((extract(epoch FROM date_trunc('minute', b)) - extract(epoch FROM date_trunc('minute', a))) / 60)::bigint
    WHEN 'hour' THEN ((extract(epoch FROM date_trunc('hour', b)) - extract(epoch FROM date_trunc('hour', a))) / 3600)::bigint
    WHEN 'day' THEN (b::date - a::date)::bigint
    WHEN 'month' THEN ((extract(year FROM b) - extract(year FROM a)) * 12 + extract(month FROM b) - extract(month FROM a))::bigint
    WHEN 'year' THEN (extract(year FROM b) - extract(year FROM a))::bigint
  END
$$;

-- DATEADD_function: `n` units of `part` added to a timestamp.
CREATE OR REPLACE FUNCTION redshift_shim.dateadd(part text, n numeric, t timestamp) RETURNS timestamp
LANGUAGE sql IMMUTABLE AS $$ SELECT t + make_interval(
  years => CASE WHEN lower(part) = 'year' THEN n::int ELSE 0 END,
  months => CASE WHEN lower(part) = 'month' THEN n::int ELSE 0 END,
  days => CASE WHEN lower(part) = 'day' THEN n::int ELSE 0 END,
  hours => CASE WHEN lower(part) = 'hour' THEN n::int ELSE 0 END,
  mins => CASE WHEN lower(part) = 'minute' THEN n::int ELSE 0 END,
  secs => CASE WHEN lower(part) = 'second' THEN n::double precision ELSE 0 END) $$;
