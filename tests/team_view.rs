//! What a team member sees, against a real PostgreSQL: the local cache of pulled changes
//! (the last known team state at once when offline, pulling resumed from the cached cursor,
//! a damaged or stale cache rebuilt from the server) and TLS (`sslmode`). `#[ignore]`d like
//! `team_pg.rs`; `.ci/run` runs them with `cargo test --test team_view -- --ignored`.

mod team_cluster;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use okur::corpus::DocKey;
use okur::store::{Change, Label, Relevance, Source, Span, Store};
use okur::team::{Cache, Loaded, Sync, SyncOptions, TeamUrl, TeamView, server};
use team_cluster::Cluster;

fn options() -> SyncOptions {
    SyncOptions {
        poll: Duration::from_millis(200),
        max_pause: Duration::from_millis(300),
        ..SyncOptions::default()
    }
}

/// A fresh cluster with the schema and two analysts.
fn team() -> Cluster {
    Cluster::with_team(["analyst0", "analyst1"])
}

/// `n` changes by analyst1 from their own journal in `dir`, pushed and settled.
fn omar_works(cluster: &Cluster, dir: &Path, from: usize, n: usize) {
    let mut store = Store::open(&dir.join("journal.jsonl")).expect("open");
    let outbox = store.track_pushes().expect("track");
    for i in from..from + n {
        let doc = DocKey::from_hash(format!("{:032x}", i % 7));
        // Every change changes something (one row each): a relevance on a document of its
        // own, a tag and a span of their own.
        let change = match i % 3 {
            0 => Change::Relevance {
                doc: DocKey::from_hash(format!("{:032x}", 1000 + i)),
                value: Relevance::Relevant,
            },
            1 => Change::Tag {
                doc,
                tag: format!("t{i}"),
                value: true,
            },
            _ => Change::AddSpan {
                doc,
                span: Span {
                    start: i,
                    end: i + 3,
                    kind: Label::from("place".to_string()),
                    text: format!("p{i}"),
                    source: Source::User,
                },
            },
        };
        store.apply(change).expect("apply");
    }
    let url = TeamUrl::parse(&cluster.url("analyst1")).expect("url");
    let sync = Sync::start(url, outbox, options());
    assert!(sync.settle(Duration::from_secs(60)), "{:?}", sync.status());
}

/// analyst0's sync thread over the journal in `dir`.
fn ayse(cluster: &Cluster, dir: &Path) -> Sync {
    let mut store = Store::open(&dir.join("journal.jsonl")).expect("open");
    let outbox = store.track_pushes().expect("track");
    let url = TeamUrl::parse(&cluster.url("analyst0")).expect("url");
    Sync::start(url, outbox, options())
}

fn cache_of(cluster: &Cluster, dir: &Path) -> Cache {
    let url = TeamUrl::parse(&cluster.url("analyst0")).expect("url");
    Cache::new(dir.join("journal.jsonl.team"), url.identity())
}

/// Waits until the cache holds `rows` rows (it is written by the sync thread).
fn cached_rows(cache: &Cache, rows: usize) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if let Loaded::Restored { rows: got, .. } = cache.load()
            && got.len() == rows
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// Waits until `f` holds.
fn eventually(f: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    f()
}

fn server_view(cluster: &Cluster) -> okur::team::TeamState {
    server::sql_view(&mut cluster.admin()).expect("the SQL views")
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_view -- --ignored"]
fn offline_the_cache_shows_the_team_and_pulling_resumes_from_it() {
    let mut cluster = team();
    let (omar, mine) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    omar_works(&cluster, omar.path(), 0, 30);
    let sync = ayse(&cluster, mine.path());
    assert!(sync.settle(Duration::from_secs(60)), "{:?}", sync.status());
    let before: TeamView = sync.view();
    assert_eq!(before.state, server_view(&cluster));
    assert!(cached_rows(&cache_of(&cluster, mine.path()), 30));
    drop(sync);

    // The server is gone: the team state is there at once all the same.
    cluster.kill();
    let sync = ayse(&cluster, mine.path());
    assert!(
        eventually(|| sync.status().restored == 30),
        "{:?}",
        sync.status()
    );
    assert_eq!(sync.view().state, before.state);
    assert!(!sync.status().connected);
    drop(sync);

    // Back online: only the new changes are pulled.
    cluster.restart();
    omar_works(&cluster, omar.path(), 30, 12);
    let sync = ayse(&cluster, mine.path());
    assert!(sync.settle(Duration::from_secs(60)), "{:?}", sync.status());
    assert_eq!(sync.status().pulled, 12, "{:?}", sync.status());
    assert_eq!(sync.view().state, server_view(&cluster));
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_view -- --ignored"]
fn a_damaged_or_stale_cache_is_rebuilt_from_the_server() {
    let cluster = team();
    let (omar, mine) = (
        tempfile::tempdir().expect("dir"),
        tempfile::tempdir().expect("dir"),
    );
    omar_works(&cluster, omar.path(), 0, 20);
    let cache = cache_of(&cluster, mine.path());

    // Damaged: not trusted (offline, nothing is shown), said on the status line.
    std::fs::write(cache.path(), b"{\"okur_team_cache\":1}\nnot rows").expect("damage");
    let nowhere = format!(
        "postgres://analyst0@127.0.0.1:{}/postgres",
        team_cluster::free_port()
    );
    let mut store = Store::open(&mine.path().join("journal.jsonl")).expect("open");
    let offline = Sync::start(
        TeamUrl::parse(&nowhere).expect("url"),
        store.track_pushes().expect("track"),
        options(),
    );
    assert!(
        eventually(|| offline.status().line().contains("cache not used")),
        "{}",
        offline.status().line()
    );
    assert_eq!(offline.view().rows(), 0);
    drop((offline, store));
    // Online: everything pulled again, the file written anew.
    let sync = ayse(&cluster, mine.path());
    assert!(sync.settle(Duration::from_secs(60)), "{:?}", sync.status());
    assert_eq!(sync.view().state, server_view(&cluster));
    assert!(cached_rows(&cache, 20));
    assert_eq!(sync.status().cache_problem, None);
    drop(sync);

    // Stale: the server was rebuilt since (fewer changes than the cached cursor).
    cluster
        .admin()
        .batch_execute("TRUNCATE okur.changes RESTART IDENTITY")
        .expect("rebuild the server's changes");
    let fresh = tempfile::tempdir().expect("dir");
    omar_works(&cluster, fresh.path(), 100, 3);
    let sync = ayse(&cluster, mine.path());
    assert!(sync.settle(Duration::from_secs(60)), "{:?}", sync.status());
    assert_eq!(sync.view().state, server_view(&cluster));
    assert_eq!(sync.view().rows(), 3);
}

/// A CA and a server certificate it signed for 127.0.0.1 (not for `localhost`): (CA PEM,
/// server certificate PEM, server key PEM).
fn certificates() -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca =
        CertifiedIssuer::self_signed(ca_params, KeyPair::generate().expect("key")).expect("CA");
    let key = KeyPair::generate().expect("key");
    let params = CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("server params");
    let cert = params.signed_by(&key, &ca).expect("server certificate");
    (ca.pem(), cert.pem(), key.serialize_pem())
}

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).expect("write");
    path
}

/// Whether the session `url` opens is encrypted, or why it failed.
fn encrypted(url: &str) -> Result<bool, String> {
    let url = TeamUrl::parse(url).map_err(|e| e.to_string())?;
    let mut client = url.connect().map_err(|e| e.to_string())?;
    let row = client
        .query_one(
            "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
            &[],
        )
        .map_err(|e| e.to_string())?;
    Ok(row.get(0))
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_view -- --ignored"]
fn tls_as_sslmode_asks() {
    let mut cluster = team();
    let dir = tempfile::tempdir().expect("dir");
    let (ca, cert, key) = certificates();
    let (wrong_ca, _, _) = certificates();
    cluster.enable_tls(&cert, &key);
    let base = cluster
        .url("analyst0")
        .replace("analyst0@", "analyst0:s3cr3t-pw@");
    let with = |query: &str| format!("{base}?{query}");
    assert!(
        eventually(|| encrypted(&with("sslmode=require")) == Ok(true)),
        "require: {:?}\n{}",
        encrypted(&with("sslmode=require")),
        cluster.log()
    );
    assert_eq!(encrypted(&with("sslmode=prefer")), Ok(true));
    assert_eq!(encrypted(&with("sslmode=disable")), Ok(false));
    let right = write(dir.path(), "ca.pem", &ca);
    let wrong = write(dir.path(), "wrong.pem", &wrong_ca);
    let root = |path: &Path| format!("sslrootcert={}", path.display());
    for mode in ["verify-ca", "verify-full"] {
        let url = with(&format!("sslmode={mode}&{}", root(&right)));
        assert_eq!(encrypted(&url), Ok(true), "{mode}");
        let url = with(&format!("sslmode={mode}&{}", root(&wrong)));
        let err = encrypted(&url).expect_err("a certificate from another CA");
        assert!(
            err.contains("certificate was not accepted") && err.contains(mode),
            "{err}"
        );
        assert!(!err.contains("s3cr3t-pw"), "{err}");
    }
    // verify-full checks the name: the certificate is not for `localhost` (the same server
    // reached by that name); verify-ca does not look at names.
    let by_name = |mode: &str| {
        with(&format!(
            "sslmode={mode}&hostaddr=127.0.0.1&{}",
            root(&right)
        ))
        .replace("@127.0.0.1:", "@localhost:")
    };
    assert_eq!(encrypted(&by_name("verify-ca")), Ok(true));
    let err = encrypted(&by_name("verify-full")).expect_err("not the certificate's name");
    assert!(err.contains("certificate was not accepted"), "{err}");
}
