//! The server schema, created and migrated by `okur team init`, and the analyst roles of
//! `okur team add`.
//!
//! Everything lives in schema `okur`:
//! - `changes`: append-only; one row per journal entry an analyst's okur pushed: device,
//!   sequence number (unique together, so a batch sent twice is stored once), author (the
//!   database role, set by the server), Lamport clock, document (text hash), the change as
//!   okur's journal JSON, and the inserting transaction's id (`xid`), which lets pullers read
//!   by cursor without skipping rows that commit late.
//! - `documents`: every document any change names, by text hash.
//! - `devices`: which analyst owns each device id, and what it last said (waiting changes,
//!   last seen) for `okur team status`.
//! - `articles` (version 2): the corpus on the server, one row per text hash (see
//!   [`super::corpus`]): title, source, url, publication, language, tags, the text and
//!   okur's fold of it, with a `pg_trgm` index on the fold so a selection's words find
//!   what the local search finds.
//! - `schema_version`: the migrations applied.
//! - Views (`change_parts`, `votes`, `team_spans`, `team_triage`): the team state, for
//!   reporting; `okur export --team` and the client-side merge agree with them.
//!
//! Row-level security: an analyst (a member of role `okur_analyst`) reads everything and
//! inserts changes only as themself, from a device registered to themself; nobody updates
//! or deletes a change. Articles are read by every analyst and inserted only by members of
//! `okur_uploader`, in their own name; nobody updates or deletes one.

use postgres::GenericClient;

use super::TeamError;

/// The schema version this okur writes and reads.
pub const SCHEMA_VERSION: i32 = 2;

/// The group role every analyst role belongs to; it holds the grants.
pub const ANALYST_ROLE: &str = "okur_analyst";

/// Migration 1: tables, policies, notification trigger and views.
const MIGRATION_1: &str = r#"
CREATE TABLE okur.documents (
    hash text PRIMARY KEY,
    first_author text NOT NULL DEFAULT current_user,
    first_seen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE okur.devices (
    device text PRIMARY KEY,
    author text NOT NULL DEFAULT current_user,
    waiting bigint NOT NULL DEFAULT 0,
    last_error text,
    seen timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE okur.changes (
    id bigserial PRIMARY KEY,
    xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    device text NOT NULL REFERENCES okur.devices (device),
    seq bigint NOT NULL CHECK (seq > 0),
    author text NOT NULL DEFAULT current_user,
    clock bigint NOT NULL CHECK (clock > 0),
    doc text REFERENCES okur.documents (hash),
    change jsonb NOT NULL,
    received timestamptz NOT NULL DEFAULT now(),
    UNIQUE (device, seq)
);
CREATE INDEX changes_cursor ON okur.changes (xid, id);

ALTER TABLE okur.changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE okur.devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE okur.documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON okur.changes FOR SELECT USING (true);
CREATE POLICY insert_own ON okur.changes FOR INSERT WITH CHECK (
    author = current_user
    AND EXISTS (SELECT 1 FROM okur.devices d WHERE d.device = changes.device AND d.author = current_user)
);
CREATE POLICY read_all ON okur.devices FOR SELECT USING (true);
CREATE POLICY insert_own ON okur.devices FOR INSERT WITH CHECK (author = current_user);
CREATE POLICY update_own ON okur.devices FOR UPDATE
    USING (author = current_user) WITH CHECK (author = current_user);
CREATE POLICY read_all ON okur.documents FOR SELECT USING (true);
CREATE POLICY insert_own ON okur.documents FOR INSERT WITH CHECK (first_author = current_user);

CREATE FUNCTION okur.notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('okur_changes', '');
    RETURN NULL;
END $$;
CREATE TRIGGER changes_notify AFTER INSERT ON okur.changes
    FOR EACH STATEMENT EXECUTE FUNCTION okur.notify_changes();

-- One row per part of a change (a batch has several), in merge order:
-- clock, device, seq, part.
CREATE VIEW okur.change_parts AS
SELECT c.id, c.device, c.seq, c.author, c.clock, p.part, p.change
FROM okur.changes c
CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN c.change->>'op' = 'batch' THEN c.change->'changes' ELSE jsonb_build_array(c.change) END
) WITH ORDINALITY AS p(change, part);

-- Each analyst's latest value of each triage field of each document: read, star,
-- archived, note, relevance and `tag:NAME` (present or not).
CREATE VIEW okur.votes AS
SELECT DISTINCT ON (author, doc, field) author, doc, field, value, clock, device, seq, part
FROM (
    SELECT author, change->>'doc' AS doc,
        CASE change->>'op'
            WHEN 'seen' THEN 'read'
            WHEN 'archive' THEN 'archived'
            WHEN 'tag' THEN 'tag:' || (change->>'tag')
            ELSE change->>'op'
        END AS field,
        CASE change->>'op' WHEN 'seen' THEN 'true'::jsonb ELSE change->'value' END AS value,
        clock, device, seq, part
    FROM okur.change_parts
    WHERE change->>'op' IN ('seen', 'read', 'star', 'archive', 'relevance', 'tag', 'note')
) v
ORDER BY author, doc, field, clock DESC, device DESC, seq DESC, part DESC;

-- The team's relevance and tags: the last change wins (by clock, then device and seq).
CREATE VIEW okur.team_triage AS
SELECT DISTINCT ON (doc, field) doc, field, value, author
FROM okur.votes
WHERE field = 'relevance' OR field LIKE 'tag:%'
ORDER BY doc, field, clock DESC, device DESC, seq DESC, part DESC;

-- Spans per author: each analyst's own add and remove decide; the team view is the union.
CREATE VIEW okur.team_spans AS
SELECT doc, start_byte, end_byte, kind, text, source, author
FROM (
    SELECT DISTINCT ON (author, change->>'doc', change->'start', change->'end', change->>'kind',
            change->>'text', change->>'source')
        author, change->>'doc' AS doc, (change->>'start')::bigint AS start_byte,
        (change->>'end')::bigint AS end_byte, change->>'kind' AS kind, change->>'text' AS text,
        change->>'source' AS source, change->>'op' AS op
    FROM okur.change_parts
    WHERE change->>'op' IN ('add_span', 'remove_span')
    ORDER BY author, change->>'doc', change->'start', change->'end', change->>'kind',
        change->>'text', change->>'source', clock DESC, device DESC, seq DESC, part DESC
) last
WHERE op = 'add_span';

DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'okur_analyst') THEN
        CREATE ROLE okur_analyst NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA okur TO okur_analyst;
GRANT SELECT, INSERT ON okur.changes, okur.documents TO okur_analyst;
GRANT SELECT, INSERT, UPDATE ON okur.devices TO okur_analyst;
GRANT USAGE ON SEQUENCE okur.changes_id_seq TO okur_analyst;
GRANT SELECT ON okur.schema_version, okur.change_parts, okur.votes, okur.team_triage,
    okur.team_spans TO okur_analyst;
"#;

/// The group role whose members may upload articles (`okur team add NAME --uploader`).
pub const UPLOADER_ROLE: &str = "okur_uploader";

/// Migration 2: the corpus on the server. `pg_trgm` is a trusted extension (PostgreSQL 13
/// and later): a role that may create in the database may create it. Its operator class is
/// named through the schema the extension lives in, which need not be on the search path.
const MIGRATION_2: &str = r#"
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'okur_uploader') THEN
        CREATE ROLE okur_uploader NOLOGIN;
    END IF;
END $$;
CREATE TABLE okur.articles (
    hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{32}$'),
    title text NOT NULL,
    source text,
    source_key text,
    url text,
    published text,
    author text,
    day date,
    lang text NOT NULL CHECK (lang IN ('tr', 'ar', '--')),
    tags text[] NOT NULL DEFAULT '{}',
    body text NOT NULL,
    folded text NOT NULL,
    uploader text NOT NULL DEFAULT current_user,
    uploaded timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_source_day ON okur.articles (source_key text_pattern_ops, day);
CREATE INDEX articles_day ON okur.articles (day);
CREATE INDEX articles_tags ON okur.articles USING gin (tags);
DO $$ DECLARE ext text; BEGIN
    SELECT n.nspname INTO ext FROM pg_extension e
        JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    EXECUTE format(
        'CREATE INDEX articles_folded ON okur.articles USING gin (folded %I.gin_trgm_ops)', ext);
END $$;
ALTER TABLE okur.articles ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON okur.articles FOR SELECT USING (true);
CREATE POLICY insert_own ON okur.articles FOR INSERT TO okur_uploader
    WITH CHECK (uploader = current_user);
GRANT USAGE ON SCHEMA okur TO okur_uploader;
GRANT SELECT ON okur.articles TO okur_analyst;
GRANT INSERT ON okur.articles TO okur_uploader;
"#;

/// The migrations in order; entry `i` brings the schema to version `i + 1`.
const MIGRATIONS: &[&str] = &[MIGRATION_1, MIGRATION_2];

/// Creates the schema or brings it up to [`SCHEMA_VERSION`], in one transaction (a
/// concurrent `init` waits on the version table's lock). Returns the versions applied.
pub fn migrate(client: &mut postgres::Client) -> Result<Vec<i32>, TeamError> {
    migrate_to(client, SCHEMA_VERSION)
}

/// [`migrate`], stopping at version `target` (at most [`SCHEMA_VERSION`]): how the tests
/// make a server of an older okur to migrate.
pub fn migrate_to(client: &mut postgres::Client, target: i32) -> Result<Vec<i32>, TeamError> {
    let mut tx = client.transaction()?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS okur;
         CREATE TABLE IF NOT EXISTS okur.schema_version (
             version int PRIMARY KEY,
             applied timestamptz NOT NULL DEFAULT now());
         LOCK TABLE okur.schema_version IN EXCLUSIVE MODE;",
    )?;
    let current = version(&mut tx)?;
    if current > SCHEMA_VERSION {
        return Err(TeamError::NewerSchema {
            server: current,
            ours: SCHEMA_VERSION,
        });
    }
    let mut applied = Vec::new();
    for (version, sql) in (1..).zip(MIGRATIONS) {
        if version <= current || version > target {
            continue;
        }
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO okur.schema_version (version) VALUES ($1)",
            &[&version],
        )?;
        applied.push(version);
    }
    tx.commit()?;
    Ok(applied)
}

/// The schema version on the server (0 when there is none).
pub fn version(client: &mut impl GenericClient) -> Result<i32, TeamError> {
    let row = client.query_one(
        "SELECT coalesce(max(version), 0) FROM okur.schema_version",
        &[],
    )?;
    Ok(row.get(0))
}

/// Checks that the server holds the schema this okur speaks.
pub fn check(client: &mut impl GenericClient) -> Result<(), TeamError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('okur.schema_version') IS NOT NULL", &[])?
        .get(0);
    let server = if exists { version(client)? } else { 0 };
    match server {
        SCHEMA_VERSION => Ok(()),
        0 => Err(TeamError::NoSchema),
        v if v > SCHEMA_VERSION => Err(TeamError::NewerSchema {
            server: v,
            ours: SCHEMA_VERSION,
        }),
        v => Err(TeamError::OlderSchema { server: v }),
    }
}

/// Creates the login role `name` for an analyst (or gives an existing role the analyst
/// grants), with `password` when given. The name is quoted as an identifier.
pub fn add_analyst(
    client: &mut postgres::Client,
    name: &str,
    password: Option<&str>,
) -> Result<bool, TeamError> {
    check(client)?;
    if name.is_empty() || name.len() > 63 || name.contains('\0') {
        return Err(TeamError::BadName(name.to_string()));
    }
    let ident = quote_ident(name);
    let mut tx = client.transaction()?;
    let exists: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&name],
        )?
        .get(0);
    if !exists {
        tx.batch_execute(&format!("CREATE ROLE {ident} LOGIN"))?;
    }
    if let Some(password) = password {
        // A utility statement takes no parameters: the password goes in as a literal.
        tx.batch_execute(&format!(
            "ALTER ROLE {ident} PASSWORD {}",
            quote_literal(password)
        ))?;
    }
    tx.batch_execute(&format!("GRANT {ANALYST_ROLE} TO {ident}"))?;
    tx.commit()?;
    Ok(!exists)
}

/// Lets the analyst `name` (made by [`add_analyst`]) upload articles: membership in
/// [`UPLOADER_ROLE`].
pub fn grant_uploader(client: &mut postgres::Client, name: &str) -> Result<(), TeamError> {
    check(client)?;
    client.batch_execute(&format!("GRANT {UPLOADER_ROLE} TO {}", quote_ident(name)))?;
    Ok(())
}

/// `name` as a quoted SQL identifier.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `text` as a SQL string literal (standard_conforming_strings, on since PostgreSQL 9.1).
fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_doubles_the_quote_character() {
        assert_eq!(quote_ident(r#"a"b"#), r#""a""b""#);
        assert_eq!(quote_literal("it's"), "'it''s'");
    }
}
