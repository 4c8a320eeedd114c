-- The time indexes without `id`: SQLite appends the rowid to every index
-- entry, and rowids grow, so a new response now lands at the end of each
-- index (of its hospital's range for the second one) instead of at a random
-- place among the responses of the same second. Each commit then dirties a
-- few index pages instead of one per response, which halves the log
-- written per response (BENCHMARKS.md, "Server load (SQLite)").
--
-- Export order stays `submitted_at, then id` (formats.md §3): SQLite walks
-- the index by `submitted_key` and sorts only the responses that share one
-- `submitted_key` by id ("USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"), so
-- an export still streams, holding at most one such group in memory.
DROP INDEX responses_by_time;
DROP INDEX responses_by_hospital;
CREATE INDEX responses_by_time ON responses (submitted_key);
CREATE INDEX responses_by_hospital ON responses (hospital, submitted_key);
