-- DuckDB peer, step 6: linear attribution (docs/attribution.md "Journeys", "Models", "Conservation"),
-- team scope, 365-day lookback: every touch of an outcome's journey gets 1 / touches, summed per
-- outcome x member x contact x role; cents by largest remainder, remainders compared to a millionth
-- of a cent (ties by member, contact, role).

-- outcomes: the contact's key only when the contact has a relationship row (else unmatched)
CREATE OR REPLACE TABLE peer_outcomes AS
WITH known AS (
  SELECT contact_key FROM peer_connections UNION SELECT contact_key FROM peer_interactions
  UNION SELECT contact_key FROM peer_invitations
)
SELECT o.outcome_id, o.closed_on, o.owner_member_id, o.value_reporting,
       CASE WHEN ck.contact_key IN (SELECT contact_key FROM known)
             AND ck.contact_key NOT IN (SELECT contact_key FROM erased_keys) THEN ck.contact_key END AS contact_key,
       ik.contact_key AS introducer_key
FROM outcome_rows o
LEFT JOIN outcome_people c ON c.outcome_id = o.outcome_id AND c.role = 'contact'
LEFT JOIN contact_keys ck ON ck.identifier = c.identifier
LEFT JOIN outcome_people i ON i.outcome_id = o.outcome_id AND i.role = 'introducer'
LEFT JOIN contact_keys ik ON ik.identifier = i.identifier;

-- direct touches: counted messages and generic interactions (minus the introducer's opening message
-- of an introduction made to the member) and invitations, external, before the member's observed_end
CREATE OR REPLACE TABLE touchpoints AS
SELECT i.member_id, i.contact_key, i.ts, i.local_date
FROM observed_interactions i
WHERE NOT i.is_colleague
  AND NOT EXISTS (SELECT 1 FROM peer_introductions n
                  WHERE NOT n.made_by_member AND n.member_id = i.member_id
                    AND n.conversation_key = i.conversation_key AND n.introduced_at = i.ts)
UNION ALL
SELECT v.member_id, v.contact_key, v.sent_at, local_date(v.sent_at, w.timezone)
FROM observed_invitations v JOIN windows w USING (member_id)
WHERE NOT v.is_colleague;

CREATE OR REPLACE TABLE journeys AS
WITH matched AS (SELECT * FROM peer_outcomes WHERE contact_key IS NOT NULL),
direct AS (
  SELECT o.outcome_id, o.owner_member_id, o.closed_on, o.value_reporting, t.member_id, t.contact_key, t.ts,
         'direct' AS role
  FROM matched o JOIN touchpoints t ON t.contact_key = o.contact_key
  WHERE t.local_date BETWEEN o.closed_on - INTERVAL 365 DAY AND o.closed_on
),
detected AS (
  SELECT DISTINCT o.outcome_id, o.owner_member_id, o.closed_on, o.value_reporting, n.member_id,
         n.introducer_key AS contact_key, n.introduced_at AS ts, 'introducer' AS role
  FROM matched o JOIN peer_introductions n ON n.introduced_key = o.contact_key
  JOIN windows w ON w.member_id = n.member_id
  WHERE NOT n.made_by_member AND n.introducer_key IS NOT NULL AND n.introduced_at < w.observed_end
    AND local_date(n.introduced_at, w.timezone) <= o.closed_on
),
named AS (
  SELECT o.outcome_id, o.owner_member_id, o.closed_on, o.value_reporting, o.owner_member_id AS member_id,
         o.introducer_key AS contact_key,
         coalesce((SELECT min(d.ts) FROM direct d WHERE d.outcome_id = o.outcome_id AND d.member_id = o.owner_member_id)
                    - INTERVAL 1 MICROSECOND,
                  local_midnight_utc(o.closed_on, w.timezone)) AS ts,
         'introducer' AS role, w.observed_end
  FROM matched o JOIN windows w ON w.member_id = o.owner_member_id
  WHERE o.introducer_key IS NOT NULL AND o.outcome_id NOT IN (SELECT outcome_id FROM detected)
)
SELECT * FROM direct
UNION ALL SELECT * FROM detected
UNION ALL SELECT * EXCLUDE (observed_end) FROM named WHERE ts < observed_end;

CREATE OR REPLACE TABLE peer_attribution AS
WITH credited AS (
  SELECT outcome_id, member_id, contact_key, role, any_value(value_reporting) AS value_reporting,
         count(*) AS touch_count, sum(1.0::DOUBLE / touches) AS credit
  FROM (SELECT *, count(*) OVER (PARTITION BY outcome_id) AS touches FROM journeys)
  GROUP BY outcome_id, member_id, contact_key, role
), cents AS (
  SELECT *, CAST(coalesce(value_reporting, 0) * 100 AS BIGINT) AS total_cents,
         floor(credit * CAST(coalesce(value_reporting, 0) * 100 AS BIGINT)) AS floor_cents,
         credit * CAST(coalesce(value_reporting, 0) * 100 AS BIGINT)
           - floor(credit * CAST(coalesce(value_reporting, 0) * 100 AS BIGINT)) AS remainder
  FROM credited
), ranked AS (
  SELECT *, total_cents - sum(floor_cents) OVER (PARTITION BY outcome_id) AS leftover,
         row_number() OVER (PARTITION BY outcome_id ORDER BY round(remainder * 1e6) DESC, member_id, contact_key, role) AS rnk
  FROM cents
)
SELECT outcome_id, 'linear' AS model, member_id, contact_key, role, touch_count, credit,
       CAST(CAST(floor_cents + CASE WHEN rnk <= leftover THEN 1 ELSE 0 END AS BIGINT) * 0.01 AS DECIMAL(18, 2))
         AS credited_value
FROM ranked;
