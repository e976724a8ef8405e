//! Team mode against a real PostgreSQL: ten analysts (threads, each with its own journal,
//! store and sync thread, the code the reader runs) triage one corpus together while the
//! server is killed, replies are lost or the network is gone.
//!
//! These start a private cluster each (see `team_cluster`), so they are `#[ignore]`d from
//! the plain `cargo test`; `.ci/run` runs them with `cargo test --test team_pg -- --ignored`.

mod team_cluster;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use okur::corpus::DocKey;
use okur::store::{Applied, Change, Label, Relevance, Source, Span, State, Store};
use okur::team::{Fault, Sync, SyncOptions, TeamUrl, TeamView, server};
use team_cluster::Cluster;
use team_cluster::proxy::Proxy;

const ANALYSTS: usize = 10;
const CHANGES: usize = 300;

/// One analyst after the run: their store, their sync thread, and how many changes they
/// made (each is one row on the server).
struct Analyst {
    name: String,
    store: Store,
    sync: Sync,
    made: usize,
    _dir: tempfile::TempDir,
}

/// A small deterministic generator (xorshift), one stream per analyst.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
    }
}

fn options(fault: Fault) -> SyncOptions {
    SyncOptions {
        batch: 40,
        poll: Duration::from_millis(200),
        max_pause: Duration::from_millis(300),
        fault,
        ..SyncOptions::default()
    }
}

/// The next change an analyst makes, on twelve shared documents.
fn next_change(rng: &mut Rng, who: usize, i: usize, state: &State) -> Option<Change> {
    let doc = DocKey::from_hash(format!("{:032x}", rng.below(12)));
    let yes = rng.below(2) == 0;
    let span = |rng: &mut Rng| {
        let start = rng.below(40);
        Span {
            start,
            end: start + 1 + rng.below(8),
            kind: [
                Label::from("person".to_string()),
                Label::Custom("org".into()),
            ][rng.below(2)]
            .clone(),
            text: format!("t{}", rng.below(3)),
            source: Source::User,
        }
    };
    let tag = |rng: &mut Rng| format!("tag{}", rng.below(4));
    Some(match rng.below(12) {
        0 => Change::Star { doc, value: yes },
        1 => Change::Read { doc, value: yes },
        2 => Change::Seen { doc },
        3 => Change::Relevance {
            doc,
            value: [
                Relevance::Relevant,
                Relevance::Irrelevant,
                Relevance::Unsure,
            ][rng.below(3)],
        },
        4 | 5 => Change::Tag {
            tag: tag(rng),
            doc,
            value: yes,
        },
        6 => Change::Note {
            doc,
            value: format!("note {who}/{i}"),
        },
        7 => Change::AddSpan {
            span: span(rng),
            doc,
        },
        8 => {
            let span = state.doc(&doc).spans.iter().next()?.clone();
            Change::RemoveSpan { doc, span }
        }
        9 => Change::Batch {
            changes: vec![
                Change::Star {
                    doc: doc.clone(),
                    value: yes,
                },
                Change::Tag {
                    tag: tag(rng),
                    doc: doc.clone(),
                    value: !yes,
                },
                Change::AddSpan {
                    span: span(rng),
                    doc,
                },
            ],
        },
        10 => Change::Undo,
        _ => Change::Redo,
    })
}

/// Makes `CHANGES` changes as analyst `who`, syncing through `url`; `progress` counts
/// changes made by everyone.
fn work(who: usize, url: &str, fault: Fault, progress: &AtomicUsize) -> Analyst {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("journal.jsonl")).expect("open the store");
    let outbox = store.track_pushes().expect("track pushes");
    let sync = Sync::start(TeamUrl::parse(url).expect("url"), outbox, options(fault));
    let mut rng =
        Rng(0x2545_F491_4F6C_DD1D ^ ((u64::try_from(who).unwrap_or(0) + 1) * 0x9E37_79B9));
    let mut made = 0;
    for i in 0..CHANGES {
        let Some(change) = next_change(&mut rng, who, i, store.state()) else {
            continue;
        };
        let saved = match change {
            Change::Undo => store.undo().expect("undo").is_some(),
            Change::Redo => store.redo().expect("redo").is_some(),
            change => store.apply(change).expect("apply") == Applied::Saved,
        };
        if saved {
            made += 1;
            progress.fetch_add(1, Ordering::SeqCst);
            sync.wake();
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Analyst {
        name: format!("analyst{who}"),
        store,
        sync,
        made,
        _dir: dir,
    }
}

/// A fresh cluster with the schema and ten analyst roles.
fn team() -> Cluster {
    Cluster::with_team((0..ANALYSTS).map(|who| format!("analyst{who}")))
}

/// Runs the ten analysts against `port` (the server's or a proxy's); `during` is called
/// once a third of the changes are made.
fn run_team(port: u16, fault: Fault, during: impl FnOnce()) -> Vec<Analyst> {
    let progress = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..ANALYSTS)
        .map(|who| {
            let url = format!("postgres://analyst{who}@127.0.0.1:{port}/postgres");
            let (progress, finished) = (Arc::clone(&progress), Arc::clone(&finished));
            std::thread::spawn(move || {
                let analyst = work(who, &url, fault, &progress);
                finished.fetch_add(1, Ordering::SeqCst);
                analyst
            })
        })
        .collect();
    while progress.load(Ordering::SeqCst) < ANALYSTS * CHANGES / 4 {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        finished.load(Ordering::SeqCst) < ANALYSTS,
        "the fault must land mid-run"
    );
    during();
    threads
        .into_iter()
        .map(|t| t.join().expect("an analyst panicked"))
        .collect()
}

/// The checks of every scenario: nothing lost or duplicated, everyone converged to the
/// server, and the SQL views equal the client-side merge. An error says what differs.
fn check(cluster: &Cluster, analysts: &[Analyst]) -> Result<(), String> {
    // Twice: once everyone has pushed, everyone pulls to the end once more.
    for _ in 0..2 {
        for a in analysts {
            if !a.sync.settle(Duration::from_secs(120)) {
                return Err(format!("{} did not settle: {:?}", a.name, a.sync.status()));
            }
        }
    }
    let mut admin = cluster.admin();
    let mut cursor = server::PullCursor::default();
    let mut rows = Vec::new();
    loop {
        let more =
            server::pull(&mut admin, None, &mut cursor, 10_000).map_err(|e| e.to_string())?;
        if more.is_empty() {
            break;
        }
        rows.extend(more);
    }
    let mut merged = TeamView::default();
    for a in analysts {
        let device = a.store.outbox().ok_or("no outbox")?.device();
        let mut mine: Vec<_> = rows.iter().filter(|r| r.device == device).collect();
        mine.sort_by_key(|r| r.seq);
        if mine.len() != a.made {
            let seqs: std::collections::BTreeSet<u64> = mine.iter().map(|r| r.seq).collect();
            let journal = std::fs::read_to_string(a.store.path()).unwrap_or_default();
            return Err(format!(
                "{}: made {} changes, the server has {} ({} distinct seqs, last {:?}); journal lines {}",
                a.name,
                a.made,
                mine.len(),
                seqs.len(),
                seqs.last(),
                journal.lines().count()
            ));
        }
        let mut rebuilt = State::default();
        mine.iter().for_each(|r| rebuilt.apply(&r.change));
        if rebuilt != *a.store.state() {
            return Err(format!(
                "{}: the server's changes do not rebuild the journal's state",
                a.name
            ));
        }
        if mine.iter().any(|r| r.author != a.name) {
            return Err(format!(
                "{}: a row of this device has another author",
                a.name
            ));
        }
    }
    rows.iter().for_each(|r| merged.merge(r));
    if merged.rows() != rows.len() {
        return Err("a pull by cursor gave a change twice".into());
    }
    let stored: i64 = admin
        .query_one("SELECT count(*) FROM okur.changes", &[])
        .map_err(|e| e.to_string())?
        .get(0);
    if usize::try_from(stored).ok() != Some(rows.len()) {
        return Err(format!(
            "the server holds {stored} changes, a pull gave {}",
            rows.len()
        ));
    }
    let sql = server::sql_view(&mut admin).map_err(|e| e.to_string())?;
    if sql != merged.state {
        return Err("the SQL views differ from the client-side merge".into());
    }
    for a in analysts {
        if a.sync.view().state != sql {
            return Err(format!(
                "{} has not converged to the server's state",
                a.name
            ));
        }
    }
    Ok(())
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_pg -- --ignored"]
fn ten_analysts_lose_nothing_when_the_server_is_killed() {
    let mut cluster = team();
    let analysts = run_team(cluster.port, Fault::None, || {
        for _ in 0..3 {
            cluster.kill();
            std::thread::sleep(Duration::from_millis(300));
            cluster.restart();
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    let total: usize = analysts.iter().map(|a| a.made).sum();
    assert!(total > ANALYSTS * CHANGES / 2, "only {total} changes made");
    if let Err(why) = check(&cluster, &analysts) {
        panic!(
            "the team state did not survive the crash: {why}\n{}",
            cluster.log()
        );
    }
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_pg -- --ignored"]
fn ten_analysts_lose_nothing_when_one_reply_in_five_is_dropped() {
    let cluster = team();
    let proxy = Proxy::start(cluster.port, true, 5, false);
    let analysts = run_team(proxy.port, Fault::None, || {});
    assert!(
        proxy.dropped() > 10,
        "only {} replies dropped",
        proxy.dropped()
    );
    check(&cluster, &analysts).expect("the team state survives lost replies");
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_pg -- --ignored"]
fn a_client_that_drops_failed_batches_is_caught() {
    let cluster = team();
    // Requests lost too: a push that never reached the server fails, and this client
    // forgets it.
    let proxy = Proxy::start(cluster.port, true, 5, true);
    let analysts = run_team(proxy.port, Fault::DropFailedBatches, || {});
    let verdict = check(&cluster, &analysts);
    assert!(
        verdict.is_err(),
        "the checks missed batches the client dropped"
    );
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_pg -- --ignored"]
fn analysts_offline_all_session_catch_up_later() {
    let cluster = team();
    let proxy = Proxy::start(cluster.port, false, 0, false);
    let analysts = run_team(proxy.port, Fault::None, || {});
    for a in &analysts {
        let status = a.sync.status();
        assert!(!status.connected, "{}: {status:?}", a.name);
        assert_eq!(status.waiting, a.made, "{}", a.name);
        assert!(
            status.line().starts_with("team: offline ("),
            "{}",
            status.line()
        );
    }
    proxy.set_up(true);
    check(&cluster, &analysts).expect("the offline work reaches the team");
}

/// Not a check but a measurement (printed, never asserted): pushing 10,000 changes made
/// offline, from the sync thread's start until the server has them all.
#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_pg -- --ignored --nocapture"]
fn pushing_ten_thousand_changes() {
    let cluster = team();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("journal.jsonl")).expect("open");
    let outbox = store.track_pushes().expect("track");
    let changes: Vec<Change> = (0..10_000)
        .map(|i| Change::Tag {
            doc: DocKey::from_hash(format!("{:032x}", i % 500)),
            tag: format!("t{}", i / 500),
            value: true,
        })
        .collect();
    for change in changes {
        store.apply(change).expect("apply");
    }
    let started = std::time::Instant::now();
    let url = TeamUrl::parse(&cluster.url("analyst0")).expect("url");
    let sync = Sync::start(url, outbox, SyncOptions::default());
    assert!(sync.settle(Duration::from_secs(120)), "{:?}", sync.status());
    let took = started.elapsed();
    let rows: i64 = cluster
        .admin()
        .query_one("SELECT count(*) FROM okur.changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(rows, 10_000);
    eprintln!("pushed 10,000 changes in {took:?} (and pulled them back)");
}
