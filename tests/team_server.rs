//! The team server's side against a real PostgreSQL: row-level security, and the `okur
//! team` commands and `okur export --team` as a user runs them. `#[ignore]`d like
//! `team_pg.rs`; `.ci/run` runs them with `cargo test --test team_server -- --ignored`.

mod team_cluster;

use okur::corpus::DocKey;
use okur::store::{Change, Label, Source, Span};
use okur::team::{schema, server};
use team_cluster::Cluster;

/// A fresh cluster with the schema and two analysts.
fn team() -> Cluster {
    Cluster::with_team(["analyst0", "analyst1"])
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_server -- --ignored"]
fn nobody_writes_as_somebody_else() {
    let cluster = team();
    let connect =
        |who: &str| postgres::Client::connect(&cluster.url(who), postgres::NoTls).expect("connect");
    let (mut ayse, mut omar) = (connect("analyst0"), connect("analyst1"));
    server::register(&mut ayse, "ayse-laptop").expect("register a device");
    let star = Change::Star {
        doc: DocKey::from_hash("d"),
        value: true,
    };
    server::push(&mut ayse, None, "ayse-laptop", 0, &[(1, star.clone())]).expect("ayse pushes");
    let refused = |result: Result<u64, postgres::Error>, what: &str| {
        let err = result.expect_err(what);
        let code = err.code().map(|c| c.code().to_string());
        assert_eq!(code.as_deref(), Some("42501"), "{what}: {err}");
    };
    // Omar cannot push from Ayse's device (his row would carry his name, and the device
    // is hers), nor claim the device...
    refused(
        server::push(&mut omar, None, "ayse-laptop", 0, &[(2, star.clone())]),
        "her device",
    );
    server::register(&mut omar, "ayse-laptop").expect("a claim is a no-op");
    refused(
        server::push(&mut omar, None, "ayse-laptop", 0, &[(3, star.clone())]),
        "claimed again",
    );
    // ...nor write a row in her name from his own device.
    server::register(&mut omar, "omar-desk").expect("register");
    let forged = omar.execute(
        "INSERT INTO okur.changes (device, seq, author, clock, change)
         VALUES ('omar-desk', 1, 'analyst0', 1, '{}')",
        &[],
    );
    refused(forged, "a row in her name");
    // Changes are append-only: no update, no delete.
    refused(
        omar.execute("UPDATE okur.changes SET clock = 99", &[]),
        "update",
    );
    refused(omar.execute("DELETE FROM okur.changes", &[]), "delete");
    let rows: i64 = cluster
        .admin()
        .query_one("SELECT count(*) FROM okur.changes", &[])
        .expect("count")
        .get(0);
    assert_eq!(rows, 1);
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_server -- --ignored"]
fn the_team_commands_set_up_report_and_export_without_printing_passwords() {
    let cluster = Cluster::start();
    let okur = || assert_cmd::Command::cargo_bin("okur").expect("the okur binary");
    let admin = cluster.url(team_cluster::ADMIN);
    let out = okur().args(["team", "init", &admin]).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        said.starts_with(&format!(
            "okur schema at version {} on",
            schema::SCHEMA_VERSION
        )),
        "{said}"
    );
    let out = okur().args(["team", "init", &admin]).assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        said.starts_with(&format!(
            "okur schema already at version {}",
            schema::SCHEMA_VERSION
        )),
        "{said}"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let pw = dir.path().join("ayse.pw");
    std::fs::write(&pw, "s3cr3t-pw\n").expect("write");
    okur()
        .args(["team", "add", "ayse", "--team", &admin, "--password-file"])
        .arg(&pw)
        .assert()
        .success()
        .stdout("analyst ayse: created, with the password from the file\n");

    // Ayse stars a document and marks a place in it.
    let text = "Ankara'da toplantı.\n";
    let file = dir.path().join("a.txt");
    std::fs::write(&file, text).expect("write");
    let doc = DocKey::of_text(text);
    let span = Span {
        start: 0,
        end: 6,
        kind: Label::from("place".to_string()),
        text: "Ankara".into(),
        source: Source::User,
    };
    let mut ayse = postgres::Client::connect(&cluster.url("ayse"), postgres::NoTls).expect("ayse");
    server::register(&mut ayse, "ayse-laptop").expect("register");
    let changes = [
        (
            1,
            Change::Star {
                doc: doc.clone(),
                value: true,
            },
        ),
        (2, Change::AddSpan { doc, span }),
    ];
    server::push(&mut ayse, None, "ayse-laptop", 0, &changes).expect("push");

    // Trust authentication ignores the password; it must not show anywhere all the same.
    let url = format!(
        "postgres://ayse:s3cr3t-pw@127.0.0.1:{}/postgres",
        cluster.port
    );
    let out = okur()
        .args(["export", "--format", "jsonl", "--team", &url])
        .arg(&file)
        .assert()
        .success();
    let lines = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(lines.contains(r#""author":"ayse","doc":"#), "{lines}");
    assert!(lines.contains(r#""vote":"star""#), "{lines}");
    assert!(
        lines.contains(r#""kind":"place","source":"user","start":0,"text":"Ankara""#),
        "{lines}"
    );
    let out = okur()
        .args(["team", "status", "--team", &url])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        said.contains("ayse:***@") && !said.contains("s3cr3t"),
        "{said}"
    );
    assert!(said.contains("ayse\tayse-lap\t"), "{said}");

    let down = "postgres://ayse:s3cr3t-pw@127.0.0.1:1/postgres";
    let out = okur()
        .args(["team", "status", "--team", down])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.starts_with("okur: team server:") && !err.contains("s3cr3t"),
        "{err}"
    );
}

#[test]
#[ignore = "starts a PostgreSQL cluster: cargo test --test team_server -- --ignored"]
fn a_pull_by_cursor_reads_every_change_once_across_transaction_ids_of_any_length() {
    let cluster = team();
    let mut ayse =
        postgres::Client::connect(&cluster.url("analyst0"), postgres::NoTls).expect("connect");
    server::register(&mut ayse, "dev").expect("register");
    let xid = |c: &mut postgres::Client| -> u64 {
        let text: String = c
            .query_one("SELECT pg_current_xact_id()::text", &[])
            .expect("xid")
            .get(0);
        text.parse().expect("a number")
    };
    // Changes in transactions whose ids have 3, then 4 digits (999 sorts after 1000 as
    // text): the cursor must follow the numbers.
    let mut seq = 0;
    for target in [990, 1010] {
        while xid(&mut ayse) < target {}
        for _ in 0..3 {
            seq += 1;
            let star = Change::Star {
                doc: DocKey::from_hash("d"),
                value: seq % 2 == 0,
            };
            server::push(&mut ayse, None, "dev", seq, &[(seq, star)]).expect("push");
        }
    }
    let mut cursor = server::PullCursor::default();
    let mut seen = Vec::new();
    loop {
        let page = server::pull(&mut ayse, None, &mut cursor, 1).expect("pull");
        if page.is_empty() {
            break;
        }
        seen.extend(page.iter().map(|r| r.seq));
    }
    assert_eq!(seen, [1, 2, 3, 4, 5, 6]);
}
