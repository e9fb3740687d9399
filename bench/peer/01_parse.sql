-- DuckDB peer, step 1: read the inputs, normalise profile URLs, parse and exclude messages.
-- Placeholders filled by DuckDbPeer: {{input}} (the generated input folder), {{flat}} (its exports
-- unpacked by `flatten-exports`), {{lexicon_system}} (the system-notice patterns of the lexicon in
-- use, as one alternation). Definitions: design.md "Definitions", docs/inputs.md, docs/identity.md.
SET TimeZone = 'UTC';

-- docs/identity.md "Profile URL": https, lower-case host without www., trailing dot or default port,
-- no query or fragment, percent-escapes decoded, path lower-cased in NFC, no trailing slash.
CREATE OR REPLACE MACRO url_rest(u) AS
  CASE WHEN regexp_matches(u, '^(?i)https?://') THEN regexp_replace(u, '^(?i)https?://', '')
       WHEN starts_with(u, '//') THEN substr(u, 3)
       WHEN contains(u, '://') OR regexp_matches(u, '^(?i)[a-z][a-z0-9+.-]*:[^0-9]') THEN NULL
       ELSE u END;
CREATE OR REPLACE MACRO url_host(rest) AS
  regexp_replace(regexp_replace(regexp_replace(lower(split_part(rest, '/', 1)), '^www\.', ''), ':(80|443)$', ''),
    '\.$', '');
CREATE OR REPLACE MACRO url_path(rest) AS
  regexp_replace(nfc_normalize(lower(url_decode(
    CASE WHEN contains(rest, '/') THEN substr(rest, strpos(rest, '/')) ELSE '' END))), '/+$', '');
CREATE OR REPLACE MACRO norm_url_parts(host, path) AS
  CASE WHEN host IS NULL OR NOT regexp_matches(host, '^[a-z0-9-]+(\.[a-z0-9-]+)+$') OR path IS NULL OR path = ''
       THEN NULL ELSE 'https://' || host || path END;
CREATE OR REPLACE MACRO norm_url(u) AS
  norm_url_parts(url_host(url_rest(regexp_replace(trim(u), '[?#].*$', ''))),
                 url_path(url_rest(regexp_replace(trim(u), '[?#].*$', ''))));
-- Identifiers.normaliseEmail: trimmed, lower case, one @, a dotted domain.
CREATE OR REPLACE MACRO norm_email(e) AS
  CASE WHEN regexp_matches(lower(trim(e)), '^[^@\s<>()\[\],;:"]+@[^@\s<>()\[\],;:".]+(\.[^@\s<>()\[\],;:".]+)+$')
       THEN lower(trim(e)) END;
-- Identifiers.normaliseName, for the Latin names of this profile: accents and stroke letters folded,
-- apostrophes dropped, every other run of non-letters/digits one space.
CREATE OR REPLACE MACRO norm_name(n) AS
  nullif(trim(regexp_replace(regexp_replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      strip_accents(lower(n)), 'ł', 'l'), 'ø', 'o'), 'đ', 'd'), 'ħ', 'h'), 'ı', 'i'), 'ß', 'ss'), 'æ', 'ae'),
      'œ', 'oe'), 'þ', 'th'), 'ð', 'd'),
    '[''’]', '', 'g'), '[^\p{L}\p{N}]+', ' ', 'g')), '');
-- Identifiers.normaliseCompany: periods deleted, name rules, trailing legal forms dropped.
CREATE OR REPLACE MACRO norm_company(c) AS
  nullif(coalesce(
    nullif(regexp_replace(norm_name(replace(c, '.', '')),
      '( (inc|ltd|llc|gmbh|plc|corp|co|sa|ag|bv|limited|corporation))+$', ''), ''),
    norm_name(replace(c, '.', ''))), '');
-- a member-local wall-clock time as UTC; in the hour a DST change repeats, the earlier instant
-- (java.time's choice, so the pipeline's), where DuckDB's ICU would take the later one
CREATE OR REPLACE MACRO local_to_utc(local_ts, tz) AS
  CASE WHEN CAST(timezone(tz, CAST(CAST(timezone(tz, local_ts) AS TIMESTAMP) - INTERVAL 1 HOUR AS TIMESTAMPTZ)) AS TIMESTAMP)
            = local_ts
       THEN CAST(timezone(tz, local_ts) AS TIMESTAMP) - INTERVAL 1 HOUR
       ELSE CAST(timezone(tz, local_ts) AS TIMESTAMP) END;
CREATE OR REPLACE MACRO local_date(ts, tz) AS CAST(timezone(tz, CAST(ts AS TIMESTAMPTZ)) AS DATE);
CREATE OR REPLACE MACRO local_midnight_utc(d, tz) AS CAST(timezone(tz, CAST(d AS TIMESTAMP)) AS TIMESTAMP);
CREATE OR REPLACE MACRO quarter_index(d) AS year(d) * 4 + quarter(d) - 1;
CREATE OR REPLACE MACRO quarter_label(i) AS CAST(i // 4 AS VARCHAR) || '-Q' || CAST(i % 4 + 1 AS VARCHAR);
CREATE OR REPLACE MACRO quarter_start(i) AS make_date(CAST(i // 4 AS BIGINT), CAST((i % 4) * 3 + 1 AS BIGINT), 1);

-- roster.csv: consenting members with a valid zone; the member's own URL (roster, else inferred below)
CREATE OR REPLACE TABLE roster AS
SELECT trim(member_id) AS member_id, trim(team) AS team, trim(timezone) AS timezone,
       lower(trim(consent)) IN ('yes', 'true', '1', 'y') AS consent, norm_url(profile_url) AS roster_url
FROM read_csv('{{input}}/roster.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE exports AS
SELECT member_id, CAST(export_no AS INTEGER) AS export_no, export_name, TRY_CAST(export_date AS DATE) AS export_date
FROM read_csv('{{flat}}/exports.csv', header = true, all_varchar = true);

-- messages files of every export (2023 and 2025 formats; columns by name). {{messages_csv}} is one
-- read_csv per distinct header, with the header's columns plus _extra, so that a row with more fields
-- than its header is seen (malformed) whatever DuckDB's sniffer would have guessed
CREATE OR REPLACE TABLE raw_messages AS
SELECT regexp_extract(filename, '([^/]+)/([0-9]+)/messages\.csv$', 1) AS member_id,
       CAST(regexp_extract(filename, '([^/]+)/([0-9]+)/messages\.csv$', 2) AS INTEGER) AS export_no,
       row_number() OVER (PARTITION BY filename) AS row_number, *
FROM {{messages_csv}};

-- each distinct URL cell normalised once (contacts recur in many rows)
CREATE OR REPLACE TABLE sender_urls AS
SELECT raw, norm_url(raw) AS url FROM (SELECT DISTINCT "SENDER PROFILE URL" AS raw FROM raw_messages);
CREATE OR REPLACE TABLE recipient_urls AS
SELECT raw, list_filter(list_transform(string_split(coalesce(raw, ''), ';'), lambda x: norm_url(trim(x))),
                        lambda x: x IS NOT NULL) AS urls
FROM (SELECT DISTINCT "RECIPIENT PROFILE URLS" AS raw FROM raw_messages);

CREATE OR REPLACE TABLE message_urls AS
SELECT m.*, s.url AS sender_url, r.urls AS recipient_urls
FROM raw_messages m
LEFT JOIN sender_urls s ON s.raw IS NOT DISTINCT FROM m."SENDER PROFILE URL"
LEFT JOIN recipient_urls r ON r.raw IS NOT DISTINCT FROM m."RECIPIENT PROFILE URLS";

-- the member's own URL: the roster's, else the URL present in most of their message rows
CREATE OR REPLACE TABLE members AS
WITH mentions AS (
  SELECT member_id, unnest(list_distinct(list_prepend(sender_url, coalesce(recipient_urls, [])))) AS url FROM message_urls
), inferred AS (
  SELECT member_id, arg_max(url, n) AS inferred_url
  FROM (SELECT member_id, url, count(*) AS n FROM mentions WHERE url IS NOT NULL GROUP BY ALL)
  GROUP BY member_id
)
SELECT r.*, coalesce(r.roster_url, i.inferred_url) AS member_url,
       (SELECT max(export_date) FROM exports e WHERE e.member_id = r.member_id) AS export_until
FROM roster r LEFT JOIN inferred i USING (member_id);

-- one row per message with sender, recipients, direction and the exclusion it falls under
CREATE OR REPLACE TABLE messages AS
WITH parsed AS (
  SELECT m.member_id, m.export_no, m.row_number, e.export_date, mb.timezone, mb.member_url,
         try_strptime(m."DATE", '%Y-%m-%d %H:%M:%S UTC') AS ts,
         nullif(trim(m."CONVERSATION ID"), '') AS conversation_id,
         m."CONVERSATION TITLE" AS title, m."FROM" AS sender_name, m.sender_url,
         list_filter(list_transform(string_split(coalesce(m."TO", ''), ','), lambda x: trim(x)), lambda x: x <> '') AS recipient_names,
         coalesce(m.recipient_urls, []) AS recipient_urls,
         coalesce(m."CONTENT", '') AS content, upper(trim(m."FOLDER")) AS folder,
         upper(trim(m."IS MESSAGE DRAFT")) AS is_draft, m._extra IS NOT NULL AS is_malformed
  FROM message_urls m JOIN exports e USING (member_id, export_no) JOIN members mb USING (member_id)
  WHERE mb.consent
), people AS (
  SELECT *, sender_url = member_url AS is_out,
         list_distinct(list_transform(list_prepend(sender_url, recipient_urls),
                                      lambda x: CASE WHEN x = member_url THEN '@member' ELSE x END)) AS ids
  FROM parsed
), conversations AS (
  SELECT *, coalesce(conversation_id, array_to_string(list_sort(ids), '|')) AS conversation_ref
  FROM people
), counted AS (
  SELECT *, len(list_distinct(list_append(flatten(list(ids) OVER w), '@member'))) AS participants
  FROM conversations
  WINDOW w AS (PARTITION BY member_id, conversation_ref)
)
SELECT *,
  CASE WHEN is_malformed THEN 'rejected:malformed_row'
       WHEN ts IS NULL THEN 'rejected:invalid_date'
       WHEN folder = 'SPAM' THEN 'excluded:spam'
       WHEN is_draft IN ('YES', 'TRUE') OR folder IN ('DRAFT', 'DRAFTS') THEN 'excluded:draft'
       WHEN regexp_matches(trim(regexp_replace(lower(regexp_replace(content, '<[^>]+>', ' ', 'g')), '\s+', ' ', 'g')),
                           '{{lexicon_system}}') THEN 'excluded:system'
       WHEN contains(lower(coalesce(title, '')), 'sponsored') OR contains(lower(content), 'spinmail') THEN 'excluded:sponsored'
       WHEN lower(trim(sender_name)) = 'linkedin member' THEN 'excluded:linkedin_member'
       WHEN participants >= 5 THEN 'excluded:large_group'
       WHEN sender_url IS NULL OR (is_out AND len(list_filter(recipient_urls, lambda x: x <> member_url)) = 0)
         THEN 'rejected:unidentifiable_contact'
  END AS problem,
  CASE WHEN is_out THEN list_filter(recipient_urls, lambda x: x <> member_url) ELSE [sender_url] END AS contact_urls,
  -- (url, normalised name) of each contact, names where the TO names align with the URLs
  CASE WHEN NOT is_out THEN [{'url': sender_url, 'name': norm_name(sender_name)}]
       WHEN len(recipient_names) = len(recipient_urls)
         THEN list_filter(list_transform(list_zip(recipient_urls, recipient_names), lambda z: {'url': z[1], 'name': norm_name(z[2])}),
                          lambda p: p.url <> member_url)
       ELSE list_transform(list_filter(recipient_urls, lambda x: x <> member_url), lambda x: {'url': x, 'name': NULL::VARCHAR})
  END AS contact_people,
  sha256(content) AS content_hash
FROM counted;

-- Connections.csv (header row found by flatten-exports): kept rows have a URL and a date
CREATE OR REPLACE TABLE connections_raw AS
SELECT regexp_extract(filename, '([^/]+)/([0-9]+)/connections\.csv$', 1) AS member_id,
       CAST(regexp_extract(filename, '([^/]+)/([0-9]+)/connections\.csv$', 2) AS INTEGER) AS export_no,
       row_number() OVER (PARTITION BY filename) AS row_number,
       norm_url("URL") AS url, norm_email("Email Address") AS email,
       norm_name(concat_ws(' ', "First Name", "Last Name")) AS name, norm_company("Company") AS company,
       coalesce(try_strptime("Connected On", '%d %b %Y'), try_strptime("Connected On", '%Y-%m-%d'))::DATE AS connected_on
FROM read_csv('{{flat}}/*/*/connections.csv', header = true, all_varchar = true, union_by_name = true,
              filename = true, ignore_errors = true);

-- Invitations.csv: Sent At is the member's wall clock
CREATE OR REPLACE TABLE invitations_raw AS
SELECT i.member_id, i.export_no, i.row_number, i.direction, i.is_personalised,
       CASE WHEN i.direction = 'out' THEN i.invitee_url ELSE i.inviter_url END AS url,
       CASE WHEN i.direction = 'out' THEN i.to_name ELSE i.from_name END AS name,
       local_to_utc(i.local_ts, m.timezone) AS sent_at
FROM (
  SELECT regexp_extract(filename, '([^/]+)/([0-9]+)/invitations\.csv$', 1) AS member_id,
         CAST(regexp_extract(filename, '([^/]+)/([0-9]+)/invitations\.csv$', 2) AS INTEGER) AS export_no,
         row_number() OVER (PARTITION BY filename) AS row_number,
         CASE upper(trim("Direction")) WHEN 'OUTGOING' THEN 'out' WHEN 'INCOMING' THEN 'in' END AS direction,
         length(trim(coalesce("Message", ''))) > 0 AS is_personalised,
         norm_url("inviterProfileUrl") AS inviter_url, norm_url("inviteeProfileUrl") AS invitee_url,
         norm_name("From") AS from_name, norm_name("To") AS to_name,
         coalesce(try_strptime("Sent At", '%-m/%-d/%y, %-I:%M %p'), try_strptime("Sent At", '%-m/%-d/%Y, %-I:%M %p')) AS local_ts
  FROM read_csv('{{flat}}/*/*/invitations.csv', header = true, all_varchar = true, union_by_name = true,
                filename = true, ignore_errors = true)
) i JOIN members m USING (member_id)
WHERE m.consent;

-- interactions/*.csv: generic touches (email, meeting, phone ...); {{interactions_csv}} is those files,
-- or an empty relation with their columns when there are none
CREATE OR REPLACE TABLE generic_raw AS
SELECT row_number() OVER () AS row_number, trim(g.member_id) AS member_id, norm_url(contact_profile_url) AS url,
       norm_email(contact_email) AS email, norm_name(contact_name) AS name,
       CAST(try_strptime(regexp_replace(trim("timestamp"), 'Z$', '+00:00'), '%Y-%m-%dT%H:%M:%S%z') AS TIMESTAMP) AS ts,
       CASE WHEN lower(trim(direction)) IN ('out', 'outgoing', 'outbound', 'sent') THEN 'out'
            WHEN lower(trim(direction)) IN ('in', 'incoming', 'inbound', 'received') THEN 'in' END AS direction,
       nullif(lower(trim(channel)), '') AS channel, nullif(trim(conversation_id), '') AS conversation_ref
FROM {{interactions_csv}} g
JOIN members m ON m.member_id = trim(g.member_id)
WHERE m.consent;
