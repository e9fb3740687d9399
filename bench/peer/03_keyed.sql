-- DuckDB peer, step 3: keyed rows that count, de-duplicated across a member's exports (design.md
-- "Observation": several exports of one member are merged; Dedup keeps the newest copy), erased
-- people removed, colleagues flagged. Then the candidate introduction openers, whose text
-- DuckDbPeer tests against the lexicon's introduction cues in Java (intro_cues).

CREATE OR REPLACE TABLE colleague_keys AS
SELECT DISTINCT k.contact_key FROM members m JOIN contact_keys k ON k.identifier = 'url:' || m.member_url
WHERE m.consent;

CREATE OR REPLACE TABLE erased_keys AS
SELECT DISTINCT k.contact_key FROM erased_urls e JOIN contact_keys k ON k.identifier = 'url:' || e.url;

-- kept message rows: no problem, no erased person, one copy per (conversation, sender, time, text)
CREATE OR REPLACE TABLE kept_messages AS
WITH unerased AS (
  SELECT * FROM messages
  WHERE problem IS NULL AND NOT list_has_any(contact_urls, (SELECT coalesce(list(url), []) FROM erased_urls))
)
SELECT * EXCLUDE (copy) FROM (
  SELECT *, row_number() OVER (PARTITION BY member_id, conversation_ref, sender_url, ts, content_hash
                               ORDER BY export_date DESC NULLS LAST, export_no DESC, row_number) AS copy
  FROM unerased
) WHERE copy = 1;

-- one row per counted message x contact, and per generic interaction (the ingest interactions table)
CREATE OR REPLACE TABLE peer_interactions AS
SELECT m.member_id, k.contact_key, m.ts, CASE WHEN m.is_out THEN 'out' ELSE 'in' END AS direction,
       'linkedin' AS channel, m.member_id || '|' || m.conversation_ref AS conversation_key, m.participants,
       m.participants BETWEEN 3 AND 4 AS is_group, 'messages' AS source
FROM (SELECT *, unnest(contact_urls) AS contact_url FROM kept_messages) m
JOIN contact_keys k ON k.identifier = 'url:' || m.contact_url;

INSERT INTO peer_interactions
SELECT member_id, contact_key, ts, direction, channel, conversation_key, 2, false, 'interactions' FROM (
  SELECT g.member_id, k.contact_key, g.ts, g.direction, g.channel,
         CASE WHEN g.conversation_ref IS NOT NULL THEN g.member_id || '|' || g.channel || '|' || g.conversation_ref END
           AS conversation_key,
         row_number() OVER (PARTITION BY g.member_id, k.contact_key, g.ts, g.channel, g.direction ORDER BY g.row_number) AS copy
  FROM generic_raw g JOIN generic_people p USING (row_number) JOIN contact_keys k ON k.identifier = p.identifier
  WHERE g.ts IS NOT NULL AND g.direction IS NOT NULL AND g.channel IS NOT NULL
    AND k.contact_key NOT IN (SELECT contact_key FROM erased_keys)
) WHERE copy = 1;

ALTER TABLE peer_interactions ADD COLUMN is_colleague BOOLEAN;
UPDATE peer_interactions SET is_colleague = contact_key IN (SELECT contact_key FROM colleague_keys);

CREATE OR REPLACE TABLE peer_connections AS
SELECT member_id, contact_key, connected_on, contact_key IN (SELECT contact_key FROM colleague_keys) AS is_colleague
FROM (
  SELECT c.member_id, k.contact_key, c.connected_on,
         row_number() OVER (PARTITION BY c.member_id, k.contact_key
                            ORDER BY e.export_date DESC NULLS LAST, c.export_no DESC, c.row_number) AS copy
  FROM connections_raw c JOIN exports e USING (member_id, export_no) JOIN members m USING (member_id)
  JOIN contact_keys k ON k.identifier = 'url:' || c.url
  WHERE m.consent AND c.connected_on IS NOT NULL AND k.contact_key NOT IN (SELECT contact_key FROM erased_keys)
) WHERE copy = 1;

CREATE OR REPLACE TABLE peer_invitations AS
SELECT member_id, contact_key, sent_at, direction, is_personalised,
       contact_key IN (SELECT contact_key FROM colleague_keys) AS is_colleague
FROM (
  SELECT i.*, k.contact_key,
         row_number() OVER (PARTITION BY i.member_id, i.direction, k.contact_key, i.sent_at
                            ORDER BY e.export_date DESC NULLS LAST, i.export_no DESC, i.row_number) AS copy
  FROM invitations_raw i JOIN exports e USING (member_id, export_no) JOIN contact_keys k ON k.identifier = 'url:' || i.url
  WHERE i.sent_at IS NOT NULL AND i.direction IS NOT NULL AND k.contact_key NOT IN (SELECT contact_key FROM erased_keys)
) WHERE copy = 1;

-- design.md "Introduction": the opening message of each 3-person conversation is a candidate
CREATE OR REPLACE TABLE intro_candidates AS
SELECT member_id, conversation_ref, ts, is_out, content, sender_url,
       list_distinct(flatten(list(contact_urls) OVER (PARTITION BY member_id, conversation_ref))) AS everyone,
       row_number() OVER (PARTITION BY member_id, conversation_ref ORDER BY ts, export_no, row_number) AS position
FROM kept_messages WHERE participants = 3
QUALIFY position = 1;

-- the ingest contacts table's keys: every person of a connection, counted interaction or invitation
CREATE OR REPLACE TABLE peer_contacts AS
SELECT contact_key FROM peer_connections UNION SELECT contact_key FROM peer_interactions
UNION SELECT contact_key FROM peer_invitations;
