//! The statements okur sends: register a device, push a batch, pull by cursor, report
//! presence, and read the SQL views back.

use postgres::types::ToSql;
use postgres::{GenericClient, SimpleQueryMessage, Statement, ToStatement};
use serde_json::Value;

use super::TeamError;
use super::merge::{Row, TeamState};
use crate::store::Change;

/// The notification channel a push wakes pullers on.
pub const CHANNEL: &str = "okur_changes";

/// Where a puller is in the change table: the last row read, by (transaction id, row id).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PullCursor {
    xid: u64,
    id: i64,
}

/// The statements a sync session runs over and over, prepared once per connection so each
/// run is one round trip.
pub struct Prepared {
    push: Statement,
    pull: Statement,
    presence: Statement,
}

impl Prepared {
    /// Prepares them on `client`.
    pub fn new(client: &mut postgres::Client) -> Result<Prepared, postgres::Error> {
        Ok(Prepared {
            push: client.prepare(PUSH)?,
            pull: client.prepare(PULL)?,
            presence: client.prepare(PRESENCE)?,
        })
    }
}

const PUSH: &str = "WITH named AS (
        INSERT INTO okur.documents (hash) SELECT DISTINCT d FROM unnest($4::text[]) AS d
        WHERE d IS NOT NULL ON CONFLICT DO NOTHING)
    INSERT INTO okur.changes (device, seq, clock, doc, change)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::jsonb[])
    ON CONFLICT (device, seq) DO NOTHING";

// The text form of the transaction id gets a name of its own: an output column named
// `xid` would be what `ORDER BY xid` sorts by, as text ("1000" before "999").
const PULL: &str =
    "SELECT c.xid::text AS xid_text, c.id, c.device, c.seq, c.author, c.clock, c.change
    FROM okur.changes c
    WHERE (c.xid, c.id) > ($1::text::xid8, $2)
      AND c.xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY c.xid, c.id LIMIT $3";

const PRESENCE: &str = "UPDATE okur.devices SET waiting = $2, seen = now() WHERE device = $1";

/// Starts a sync session in one round trip: checks the schema version, listens for
/// pushes, claims `device` for the connected analyst (see [`register`]) and returns the
/// highest clock the device pushed with.
pub fn open_session(client: &mut postgres::Client, device: &str) -> Result<u64, TeamError> {
    if !device
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(TeamError::Server(format!("bad device id {device:?}")));
    }
    let sql = format!(
        "SELECT coalesce(max(version), 0)::text FROM okur.schema_version;
         LISTEN {CHANNEL};
         INSERT INTO okur.devices (device) VALUES ('{device}') ON CONFLICT (device) DO NOTHING;
         SELECT coalesce(max(clock), 0)::text FROM okur.changes WHERE device = '{device}';"
    );
    let answers = match client.simple_query(&sql) {
        Ok(answers) => answers,
        Err(e) if e.code() == Some(&postgres::error::SqlState::UNDEFINED_TABLE) => {
            return Err(TeamError::NoSchema);
        }
        Err(e) => return Err(e.into()),
    };
    let numbers: Vec<i64> = answers
        .iter()
        .filter_map(|m| match m {
            SimpleQueryMessage::Row(row) => row.get(0).and_then(|v| v.parse().ok()),
            _ => None,
        })
        .collect();
    let [version, clock] = numbers[..] else {
        return Err(TeamError::Server(
            "unexpected answer opening the session".into(),
        ));
    };
    let version = i32::try_from(version).unwrap_or(i32::MAX);
    if version != super::schema::SCHEMA_VERSION {
        return Err(match version {
            v if v > super::schema::SCHEMA_VERSION => TeamError::NewerSchema {
                server: v,
                ours: super::schema::SCHEMA_VERSION,
            },
            v => TeamError::OlderSchema { server: v },
        });
    }
    Ok(u64::try_from(clock).unwrap_or(0))
}

/// Claims `device` for the connected analyst (nothing when it is theirs already). A
/// device that belongs to another analyst is refused by row-level security.
pub fn register(client: &mut impl GenericClient, device: &str) -> Result<(), postgres::Error> {
    client.execute(
        "INSERT INTO okur.devices (device) VALUES ($1) ON CONFLICT (device) DO NOTHING",
        &[&device],
    )?;
    Ok(())
}

/// The highest clock `device` pushed with (0 when none).
pub fn own_clock(client: &mut impl GenericClient, device: &str) -> Result<u64, TeamError> {
    let row = client.query_one(
        "SELECT coalesce(max(clock), 0) FROM okur.changes WHERE device = $1",
        &[&device],
    )?;
    let clock: i64 = row.get(0);
    Ok(u64::try_from(clock).unwrap_or(0))
}

/// Sends `changes` (sequence number, change) of `device` in one transaction, with Lamport
/// clocks `clock + 1`, `clock + 2`, ...; rows the server has already (a batch sent again
/// after a lost reply) are skipped. Documents are keyed by their text alone: a copy's path
/// is the analyst's own business. Returns the last clock used.
pub fn push(
    client: &mut postgres::Client,
    prepared: Option<&Prepared>,
    device: &str,
    clock: u64,
    changes: &[(u64, Change)],
) -> Result<u64, postgres::Error> {
    let mut seqs = Vec::with_capacity(changes.len());
    let mut clocks = Vec::with_capacity(changes.len());
    let mut docs: Vec<Option<String>> = Vec::with_capacity(changes.len());
    let mut bodies = Vec::with_capacity(changes.len());
    let mut last = clock;
    for (seq, change) in changes {
        last += 1;
        seqs.push(to_i64(*seq));
        clocks.push(to_i64(last));
        let body = shared(change);
        docs.push(first_doc(&body));
        bodies.push(body);
    }
    let devices = vec![device; changes.len()];
    let params: [&(dyn ToSql + Sync); 5] = [&devices, &seqs, &clocks, &docs, &bodies];
    // One statement: the documents and the changes are stored together or not at all.
    match prepared {
        Some(p) => client.execute(&p.push, &params)?,
        None => client.execute(PUSH, &params)?,
    };
    Ok(last)
}

/// The change as the team sees it: its journal JSON with every document key cut to the
/// text's hash (`HASH:PATH` -> `HASH`).
fn shared(change: &Change) -> Value {
    let mut value = serde_json::to_value(change).unwrap_or(Value::Null);
    let cut = |part: &mut Value| {
        if let Some(Value::String(doc)) = part.get_mut("doc")
            && let Some((hash, _)) = doc.split_once(':')
        {
            *doc = hash.to_string();
        }
    };
    cut(&mut value);
    if let Some(Value::Array(parts)) = value.get_mut("changes") {
        parts.iter_mut().for_each(cut);
    }
    value
}

/// The document a change is about (a batch: its first part's), for the documents table.
fn first_doc(change: &Value) -> Option<String> {
    let doc = |v: &Value| v.get("doc").and_then(Value::as_str).map(str::to_string);
    doc(change).or_else(|| {
        change
            .get("changes")
            .and_then(Value::as_array)
            .and_then(|parts| parts.iter().find_map(doc))
    })
}

/// Numbers okur counts (sequence numbers, clocks) as the server's bigint; they stay far
/// below `i64::MAX`, and saturate rather than wrap if they ever did not.
fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Up to `limit` rows after `cursor`, in cursor order, and moves the cursor past them.
/// Only rows of transactions older than every one still running are read, so a row that
/// commits after a later one is never skipped.
pub fn pull(
    client: &mut impl GenericClient,
    prepared: Option<&Prepared>,
    cursor: &mut PullCursor,
    limit: i64,
) -> Result<Vec<Row>, TeamError> {
    let params: [&(dyn ToSql + Sync); 3] = [&cursor.xid.to_string(), &cursor.id, &limit];
    let rows = query(client, prepared.map(|p| &p.pull), PULL, &params)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let xid: String = row.get(0);
        let body: Value = row.get(6);
        let seq: i64 = row.get(3);
        let clock: i64 = row.get(5);
        out.push(Row {
            device: row.get(2),
            seq: u64::try_from(seq).unwrap_or(0),
            author: row.get(4),
            clock: u64::try_from(clock).unwrap_or(0),
            change: serde_json::from_value(body).map_err(|e| {
                TeamError::Server(format!("a change on the server is not okur's: {e}"))
            })?,
        });
        cursor.xid = xid.parse().unwrap_or(cursor.xid);
        cursor.id = row.get(1);
    }
    Ok(out)
}

/// The highest row id on the server: a cursor past it comes from another server (or one
/// rebuilt since), and its cache is not to be trusted.
pub fn last_id(client: &mut impl GenericClient) -> Result<i64, TeamError> {
    let row = client.query_one("SELECT coalesce(max(id), 0)::bigint FROM okur.changes", &[])?;
    Ok(row.get(0))
}

impl PullCursor {
    /// The id of the last row read (0: none).
    pub fn id(&self) -> i64 {
        self.id
    }
}

/// Tells the team what this device has waiting (for `okur team status`).
pub fn presence(
    client: &mut impl GenericClient,
    prepared: Option<&Prepared>,
    device: &str,
    waiting: usize,
) -> Result<(), TeamError> {
    let waiting = i64::try_from(waiting).unwrap_or(i64::MAX);
    let params: [&(dyn ToSql + Sync); 2] = [&device, &waiting];
    query(client, prepared.map(|p| &p.presence), PRESENCE, &params)?;
    Ok(())
}

/// Runs the prepared statement when there is one, else `sql`.
fn query(
    client: &mut impl GenericClient,
    prepared: Option<&Statement>,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<postgres::Row>, postgres::Error> {
    fn run<T: ?Sized + ToStatement>(
        client: &mut impl GenericClient,
        statement: &T,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, postgres::Error> {
        client.query(statement, params)
    }
    match prepared {
        Some(statement) => run(client, statement, params),
        None => run(client, sql, params),
    }
}

/// One device as `okur team status` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceStatus {
    /// The analyst.
    pub author: String,
    /// The device id.
    pub device: String,
    /// Changes it said were waiting, when last seen.
    pub waiting: i64,
    /// Seconds since it was last seen.
    pub idle_seconds: i64,
    /// Changes of it on the server.
    pub changes: i64,
}

/// Every device with what it last reported, most recently seen first.
pub fn devices(client: &mut impl GenericClient) -> Result<Vec<DeviceStatus>, TeamError> {
    let rows = client.query(
        "SELECT d.author, d.device, d.waiting,
                extract(epoch FROM now() - d.seen)::bigint,
                (SELECT count(*) FROM okur.changes c WHERE c.device = d.device)
         FROM okur.devices d ORDER BY d.seen DESC",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| DeviceStatus {
            author: r.get(0),
            device: r.get(1),
            waiting: r.get(2),
            idle_seconds: r.get(3),
            changes: r.get(4),
        })
        .collect())
}

/// The team state as the server's SQL views compute it.
pub fn sql_view(client: &mut impl GenericClient) -> Result<TeamState, TeamError> {
    let mut view = TeamState::default();
    for r in client.query("SELECT author, doc, field, value FROM okur.votes", &[])? {
        view.votes.insert((r.get(0), r.get(1), r.get(2)), r.get(3));
    }
    for r in client.query(
        "SELECT doc, field, value, author FROM okur.team_triage",
        &[],
    )? {
        view.team.insert((r.get(0), r.get(1)), (r.get(2), r.get(3)));
    }
    let spans = client.query(
        "SELECT doc, start_byte, end_byte, kind, text, source, author FROM okur.team_spans",
        &[],
    )?;
    for r in spans {
        let (start, end): (i64, i64) = (r.get(1), r.get(2));
        let offset = |n: i64| usize::try_from(n).unwrap_or(usize::MAX);
        let key = (
            r.get(0),
            offset(start),
            offset(end),
            r.get(3),
            r.get(4),
            r.get(5),
        );
        view.spans.insert((key, r.get(6)));
    }
    Ok(view)
}
