-- DuckDB peer, step 5: the engagement cohort matrix (docs/relationships.md "cohort_retention"):
-- connected external relationships by the quarter of connected_on; cell (cohort, k) counts those
-- whose member observed quarter cohort + k completely, and the engaged (tier engaged or core) among
-- them; per org ('org'), team and member.

CREATE OR REPLACE TABLE cohort_members AS
SELECT r.member_id, r.contact_key, quarter_index(r.connected_on) AS cohort_index, t.team
FROM peer_relationships r
JOIN (SELECT DISTINCT member_id, team, contact_key FROM peer_relationship_quarters) t USING (member_id, contact_key)
WHERE r.connected_on IS NOT NULL AND NOT r.is_colleague;

CREATE OR REPLACE MACRO in_scopes(member_id, team) AS
  [{'scope': 'org', 'scope_id': 'org'}, {'scope': 'team', 'scope_id': team}, {'scope': 'member', 'scope_id': member_id}];

CREATE OR REPLACE TABLE peer_cohort_retention AS
WITH cells AS (
  SELECT s.scope, s.scope_id, c.cohort_index, CAST(q.quarter_index - c.cohort_index AS INTEGER) AS quarters_since,
         count(*) AS relationships, count(*) FILTER (WHERE q.tier IN ('engaged', 'core')) AS engaged
  FROM cohort_members c
  JOIN peer_relationship_quarters q USING (member_id, contact_key),
       LATERAL (SELECT unnest(in_scopes(c.member_id, c.team), recursive := true)) s
  WHERE NOT q.is_partial AND q.quarter_index >= c.cohort_index
  GROUP BY ALL
), sizes AS (
  SELECT s.scope, s.scope_id, c.cohort_index, count(*) AS cohort_size
  FROM cohort_members c, LATERAL (SELECT unnest(in_scopes(c.member_id, c.team), recursive := true)) s
  GROUP BY ALL
)
SELECT scope, scope_id, quarter_label(cohort_index) AS cohort_quarter, quarters_since,
       quarter_label(cohort_index + quarters_since) AS quarter, cohort_size, relationships, engaged,
       CAST(engaged AS DOUBLE) / relationships AS engaged_share
FROM cells JOIN sizes USING (scope, scope_id, cohort_index);
