-- DuckDB peer, step 2: CRM outcomes, and who every row is about (docs/identity.md, for the URL-only
-- profile: every export and interaction row carries the contact's profile URL, so a contact is its
-- normalised URL). A CRM row without a URL reaches a URL through an email, name + company, or a name
-- within the CRM that only one URL carries (ambiguous identifiers link nothing); otherwise it keeps
-- its own strongest identifier. Afterwards DuckDbPeer computes contact_keys (identifier ->
-- HMAC-SHA256) in Java for every row of peer_identifiers.

-- outcomes.csv (canonical) and outcomes/*.csv in HubSpot's deal export (closed-won stages only);
-- {{hubspot_csv}} is those files, or an empty relation with their columns when there are none (so are
-- {{fx_csv}}, {{outcomes_csv}} and {{erasures_csv}} when the file is missing)
CREATE OR REPLACE TABLE roster_names AS
SELECT trim(member_id) AS member_id, display_name FROM read_csv('{{input}}/roster.csv', header = true, all_varchar = true);

CREATE OR REPLACE TABLE fx AS
SELECT upper(trim(currency)) AS currency, CAST(rate AS DECIMAL(38, 10)) AS rate, nullif(trim(quarter), '') AS quarter
FROM {{fx_csv}};

CREATE OR REPLACE TABLE outcome_rows AS
WITH canonical AS (
  SELECT 'outcomes.csv#' || row_number() OVER () AS record, trim(outcome_id) AS outcome_id, trim(type) AS type,
         CAST(value AS DECIMAL(18, 2)) AS value, upper(trim(currency)) AS currency,
         coalesce(try_strptime(closed_on, '%Y-%m-%d'), try_strptime(closed_on, '%-d/%-m/%Y'))::DATE AS closed_on,
         trim(owner_member_id) AS owner_member_id,
         norm_url(contact_profile_url) AS url, norm_email(contact_email) AS email, norm_name(contact_name) AS name,
         norm_company(contact_company) AS company,
         norm_url(introduced_by_profile_url) AS intro_url, norm_email(introduced_by_email) AS intro_email,
         norm_name(introduced_by_name) AS intro_name
  FROM {{outcomes_csv}}
), hubspot AS (
  SELECT 'hubspot#' || row_number() OVER () AS record, trim("Record ID") AS outcome_id, 'deal' AS type,
         CAST("Amount" AS DECIMAL(18, 2)) AS value, upper(trim("Deal Currency Code")) AS currency,
         coalesce(try_strptime("Close Date", '%Y-%m-%d %H:%M'), try_strptime("Close Date", '%Y-%m-%d'))::DATE AS closed_on,
         (SELECT min(r.member_id) FROM roster_names r
           WHERE norm_name(r.display_name) = norm_name(h."Deal owner")) AS owner_member_id,
         norm_url("LinkedIn URL") AS url,
         -- "Name (email)", an email, or a name; the first of a ';' list (OutcomeReader)
         norm_email(coalesce(regexp_extract(split_part("Associated Contact", ';', 1),
                                            '^\s*(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$', 2),
                             CASE WHEN contains(split_part("Associated Contact", ';', 1), '@')
                                  THEN trim(split_part("Associated Contact", ';', 1)) END)) AS email,
         CASE WHEN regexp_matches(split_part("Associated Contact", ';', 1), '^\s*(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$')
              THEN norm_name(regexp_extract(split_part("Associated Contact", ';', 1),
                                            '^\s*(.*?)\s*\(([^()\s]+@[^()\s]+)\)\s*$', 1))
              WHEN NOT contains(split_part("Associated Contact", ';', 1), '@')
              THEN norm_name(split_part("Associated Contact", ';', 1)) END AS name,
         norm_company("Associated Company") AS company,
         CASE WHEN contains(lower("Introduced By"), 'linkedin.com/') THEN norm_url("Introduced By") END AS intro_url,
         CASE WHEN NOT contains(lower("Introduced By"), 'linkedin.com/') AND contains("Introduced By", '@')
              THEN norm_email("Introduced By") END AS intro_email,
         CASE WHEN NOT contains(lower("Introduced By"), 'linkedin.com/') AND NOT contains("Introduced By", '@')
              THEN norm_name("Introduced By") END AS intro_name
  FROM {{hubspot_csv}} h
  WHERE lower(trim("Deal Stage")) = 'closedwon'
)
SELECT o.*, round_even(o.value * coalesce(q.rate, f.rate), 2)::DECIMAL(18, 2) AS value_reporting
FROM (SELECT * FROM canonical UNION ALL SELECT * FROM hubspot) o
LEFT JOIN fx f ON f.currency = o.currency AND f.quarter IS NULL
LEFT JOIN fx q ON q.currency = o.currency AND q.quarter = quarter_label(quarter_index(o.closed_on))
WHERE o.outcome_id IS NOT NULL AND o.closed_on IS NOT NULL AND o.value IS NOT NULL
  AND coalesce(q.rate, f.rate) IS NOT NULL;

-- every counted row's person (scope = the member, or the CRM row's owner) with the identifiers it shows
CREATE OR REPLACE TABLE evidence AS
SELECT m.member_id AS scope, p.url, NULL::VARCHAR AS email, p.name, NULL::VARCHAR AS company
FROM (SELECT member_id, unnest(contact_people) AS p FROM messages WHERE problem IS NULL) m
UNION ALL SELECT member_id, url, email, name, company FROM connections_raw
UNION ALL SELECT member_id, url, NULL, name, NULL FROM invitations_raw
UNION ALL SELECT member_id, url, email, name, NULL FROM generic_raw
UNION ALL SELECT owner_member_id, url, email, name, company FROM outcome_rows
UNION ALL SELECT owner_member_id, intro_url, intro_email, intro_name, NULL FROM outcome_rows;

-- an identifier links a row without URL to the one URL that carries it; ambiguous ones link nothing
-- (an email or name + company with 2+ URLs; a name within a scope with 2+ URLs or 2+ emails)
CREATE OR REPLACE TABLE linking AS
SELECT 'email:' || email AS identifier, min(url) AS url FROM evidence WHERE email IS NOT NULL
GROUP BY email HAVING count(DISTINCT url) = 1
UNION ALL
SELECT 'name_company:' || name || '|' || company, min(url) FROM evidence
WHERE name IS NOT NULL AND company IS NOT NULL GROUP BY name, company HAVING count(DISTINCT url) = 1
UNION ALL
SELECT 'scoped_name:' || scope || '|' || name, min(url) FROM evidence
WHERE name IS NOT NULL AND scope IS NOT NULL GROUP BY scope, name
HAVING count(DISTINCT url) = 1 AND count(DISTINCT email) <= 1;

-- the identifier a person is keyed by: the URL (its own or the one reached), else its strongest own one
CREATE OR REPLACE MACRO person_identifier(scope, url, email, name, company) AS
  coalesce('url:' || url,
           'url:' || (SELECT l.url FROM linking l WHERE l.identifier = 'email:' || email),
           'url:' || (SELECT l.url FROM linking l WHERE l.identifier = 'name_company:' || name || '|' || company),
           'url:' || (SELECT l.url FROM linking l WHERE l.identifier = 'scoped_name:' || scope || '|' || name),
           'email:' || email, 'name_company:' || name || '|' || company, 'scoped_name:' || scope || '|' || name);

CREATE OR REPLACE TABLE outcome_people AS
SELECT outcome_id, 'contact' AS role, person_identifier(owner_member_id, url, email, name, company) AS identifier
FROM outcome_rows
UNION ALL
SELECT outcome_id, 'introducer', person_identifier(owner_member_id, intro_url, intro_email, intro_name, NULL)
FROM outcome_rows;

CREATE OR REPLACE TABLE generic_people AS
SELECT row_number, person_identifier(member_id, url, email, name, NULL) AS identifier FROM generic_raw;

-- erasures.csv: a URL, or an email and every URL that carries it
CREATE OR REPLACE TABLE erased_urls AS
WITH listed AS (
  SELECT norm_url(identifier) AS url, CASE WHEN norm_url(identifier) IS NULL THEN norm_email(identifier) END AS email
  FROM {{erasures_csv}}
)
SELECT url FROM listed WHERE url IS NOT NULL
UNION SELECT e.url FROM listed l JOIN evidence e ON e.email = l.email WHERE e.url IS NOT NULL;

CREATE OR REPLACE TABLE peer_identifiers AS
SELECT DISTINCT identifier FROM (
  SELECT 'url:' || unnest(contact_urls) AS identifier FROM messages WHERE problem IS NULL
  UNION ALL SELECT 'url:' || url FROM connections_raw WHERE url IS NOT NULL
  UNION ALL SELECT 'url:' || url FROM invitations_raw WHERE url IS NOT NULL
  UNION ALL SELECT identifier FROM generic_people
  UNION ALL SELECT identifier FROM outcome_people WHERE identifier IS NOT NULL
  UNION ALL SELECT 'url:' || member_url FROM members WHERE member_url IS NOT NULL
) WHERE identifier IS NOT NULL;
