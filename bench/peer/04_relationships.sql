-- DuckDB peer, step 4: observation windows, introductions, relationships and relationship_quarters
-- (docs/relationships.md "Time, observation and quarters", "relationships", "relationship_quarters").
-- Needs intro_cues (member_id, conversation_ref) from DuckDbPeer: the candidates whose text carries
-- an introduction cue.

-- each consenting member observed until their export date, capped at the as-of date (the latest one)
CREATE OR REPLACE TABLE windows AS
WITH own AS (
  SELECT member_id, team, timezone, export_until FROM members WHERE consent AND export_until IS NOT NULL
)
SELECT member_id, team, timezone, least(export_until, (SELECT max(export_until) FROM own)) AS observed_until,
       local_midnight_utc(least(export_until, (SELECT max(export_until) FROM own)) + INTERVAL 1 DAY, timezone) AS observed_end
FROM own;

-- design.md "Introduction": its sender introduced the other two of the 3-person conversation
CREATE OR REPLACE TABLE peer_introductions AS
SELECT c.member_id, c.member_id || '|' || c.conversation_ref AS conversation_key, c.ts AS introduced_at,
       c.is_out AS made_by_member,
       CASE WHEN c.is_out THEN NULL ELSE (SELECT k.contact_key FROM contact_keys k WHERE k.identifier = 'url:' || c.sender_url) END
         AS introducer_key,
       k.contact_key AS introduced_key
FROM (SELECT *, unnest(CASE WHEN is_out THEN everyone ELSE list_filter(everyone, lambda u: u <> sender_url) END) AS introduced_url
      FROM intro_candidates) c
JOIN intro_cues USING (member_id, conversation_ref)
JOIN contact_keys k ON k.identifier = 'url:' || c.introduced_url;

-- the rows each member observed (before observed_end; connections dated on or before observed_until)
CREATE OR REPLACE TABLE observed_interactions AS
SELECT i.*, w.timezone, local_date(i.ts, w.timezone) AS local_date
FROM peer_interactions i JOIN windows w USING (member_id) WHERE i.ts < w.observed_end;

CREATE OR REPLACE TABLE observed_invitations AS
SELECT i.* FROM peer_invitations i JOIN windows w USING (member_id) WHERE i.sent_at < w.observed_end;

CREATE OR REPLACE TABLE observed_connections AS
SELECT c.* FROM peer_connections c JOIN windows w USING (member_id) WHERE c.connected_on <= w.observed_until;

CREATE OR REPLACE TABLE peer_relationships AS
WITH touches AS (
  SELECT member_id, contact_key, is_colleague, NULL::DATE AS connected_on, ts, direction, source, conversation_key,
         local_date
  FROM observed_interactions
  UNION ALL
  SELECT member_id, contact_key, is_colleague, NULL, sent_at, direction, 'invitations', NULL, NULL
  FROM observed_invitations
  UNION ALL
  SELECT member_id, contact_key, is_colleague, connected_on, NULL, NULL, 'connections', NULL, NULL
  FROM observed_connections
), facts AS (
  SELECT member_id, contact_key,
         bool_or(is_colleague) AS is_colleague,
         min(connected_on) AS connected_on,
         min(ts) AS first_touch_at,
         max(ts) AS last_touch_at,
         count(*) FILTER (WHERE source = 'messages' AND direction = 'out') AS msgs_out,
         count(*) FILTER (WHERE source = 'messages' AND direction = 'in') AS msgs_in,
         count(*) FILTER (WHERE source = 'interactions' AND direction = 'out') AS other_out,
         count(*) FILTER (WHERE source = 'interactions' AND direction = 'in') AS other_in,
         count(DISTINCT conversation_key) FILTER (WHERE source = 'messages') AS conversations,
         CAST(count(DISTINCT quarter_index(local_date)) FILTER (WHERE source IN ('messages', 'interactions')) AS INTEGER)
           AS active_quarters
  FROM touches GROUP BY member_id, contact_key
), introduced AS (
  SELECT i.member_id, p.contact_key, count(DISTINCT i.conversation_key) AS introductions
  FROM peer_introductions i JOIN windows w USING (member_id),
       LATERAL (SELECT unnest([i.introducer_key, i.introduced_key]) AS contact_key) p
  WHERE i.introduced_at < w.observed_end AND p.contact_key IS NOT NULL
  GROUP BY ALL
)
SELECT f.member_id, w.team, f.contact_key, f.is_colleague, f.connected_on IS NOT NULL AS is_connected, f.connected_on,
       f.first_touch_at, f.last_touch_at,
       least(f.connected_on, local_date(f.first_touch_at, w.timezone)) AS started_on,
       quarter_label(quarter_index(least(f.connected_on, local_date(f.first_touch_at, w.timezone)))) AS first_quarter,
       f.msgs_out, f.msgs_in, f.other_out, f.other_in, f.conversations,
       f.msgs_out + f.other_out > 0 AND f.msgs_in + f.other_in > 0 AS is_two_way,
       f.active_quarters, coalesce(n.introductions, 0) AS introductions, w.observed_until
FROM facts f JOIN windows w USING (member_id) LEFT JOIN introduced n USING (member_id, contact_key);

-- one row per relationship and quarter from its first quarter to the member's last observed quarter
CREATE OR REPLACE TABLE peer_relationship_quarters AS
WITH grid AS (
  SELECT r.member_id, r.team, r.contact_key, r.is_colleague, r.connected_on, r.observed_until,
         quarter_index(r.started_on) AS first_index,
         unnest(generate_series(quarter_index(r.started_on), quarter_index(r.observed_until))) AS quarter_index
  FROM peer_relationships r
  WHERE quarter_index(r.started_on) <= quarter_index(r.observed_until)
), counts AS (
  SELECT member_id, contact_key, quarter_index(local_date) AS quarter_index,
         count(*) FILTER (WHERE source = 'messages' AND direction = 'out') AS msgs_out,
         count(*) FILTER (WHERE source = 'messages' AND direction = 'in') AS msgs_in,
         count(*) FILTER (WHERE source = 'interactions' AND direction = 'out') AS other_out,
         count(*) FILTER (WHERE source = 'interactions' AND direction = 'in') AS other_in,
         CAST(count(DISTINCT month(local_date)) AS INTEGER) AS active_months
  FROM observed_interactions WHERE contact_key IS NOT NULL
  GROUP BY ALL
), joined AS (
  SELECT g.*, quarter_start(g.quarter_index) AS quarter_start,
         CAST(quarter_start(g.quarter_index) + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE) AS quarter_end,
         coalesce(c.msgs_out, 0) AS msgs_out, coalesce(c.msgs_in, 0) AS msgs_in,
         coalesce(c.other_out, 0) AS other_out, coalesce(c.other_in, 0) AS other_in,
         coalesce(c.active_months, 0) AS active_months
  FROM grid g LEFT JOIN counts c USING (member_id, contact_key, quarter_index)
)
SELECT member_id, team, contact_key, is_colleague, quarter_label(quarter_index) AS quarter,
       CAST(quarter_index AS INTEGER) AS quarter_index, quarter_start,
       CAST(quarter_index - first_index AS INTEGER) AS quarters_since_start,
       msgs_out, msgs_in, other_out, other_in, active_months,
       CASE WHEN msgs_out + other_out = 0 AND msgs_in + other_in = 0 THEN 'dormant'
            WHEN msgs_out + other_out > 0 AND msgs_in + other_in > 0 AND active_months >= 2 THEN 'core'
            WHEN msgs_out + other_out > 0 AND msgs_in + other_in > 0 THEN 'engaged'
            ELSE 'one_way' END AS tier,
       coalesce(connected_on <= quarter_end, false) AS is_connected,
       quarter_end > observed_until AS is_partial
FROM joined;
