//! `okur find` through the binary: scopes on the seeds, exit codes, `--stdin`.

use assert_cmd::Command;
use predicates::prelude::*;

fn okur() -> Command {
    Command::cargo_bin("okur").expect("the okur binary is built")
}

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    vec![dir.to_string()]
}

#[test]
fn text_scope_finds_erdogan_lines_best_first() {
    let out = okur()
        .args(["find", "--scope", "text", "erdogan"])
        .args(seeds())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    let first = out.lines().next().expect("a match");
    let cols: Vec<&str> = first.split('\t').collect();
    assert_eq!(cols.len(), 4, "kind, score, doc, text: {first}");
    assert_eq!(cols[0], "text");
    assert!(cols[3].contains("Erdoğan"), "{first}");
    let scores: Vec<i64> = out
        .lines()
        .map(|l| {
            l.split('\t')
                .nth(1)
                .expect("score")
                .parse()
                .expect("number")
        })
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
}

#[test]
fn lavrov_finds_the_arabic_seed_line() {
    okur()
        .args(["find", "--scope", "text", "lavrov"])
        .args(seeds())
        .assert()
        .success()
        .stdout(
            predicate::str::is_match("(?m)^text\t\\d+\t[^\t]*003_604562b84a66c7a6.txt\t.*لافروف")
                .expect("regex"),
        );
}

#[test]
fn docs_scope_lists_documents_only() {
    okur()
        .args(["find", "--scope", "docs", "--limit", "1", "لافروف"])
        .args(seeds())
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("doc\t")
                .and(predicate::str::contains("003_604562b84a66c7a6.txt")),
        )
        .stdout(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn bundled_seeds_are_the_default_corpus() {
    okur()
        .args(["find", "--limit", "3", "cavusoglu"])
        .assert()
        .success();
}

#[test]
fn no_match_exits_1() {
    okur()
        .args(["find", "qzxqzxqzx"])
        .args(seeds())
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn missing_path_is_an_error() {
    okur()
        .args(["find", "erdogan", "/no/such/okur/path"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
}

#[test]
fn stdin_ranks_lines_like_fzf_filter() {
    okur()
        .args(["find", "--stdin", "erdogan"])
        .write_stdin("kerdeş doğan\nİstanbul\nErdoğan\nRecep Tayyip ERDOĞAN\n")
        .assert()
        .success()
        .stdout("Erdoğan\nRecep Tayyip ERDOĞAN\nkerdeş doğan\n");
}

#[test]
fn stdin_without_match_exits_1() {
    okur()
        .args(["find", "--stdin", "'ankara"])
        .write_stdin("İstanbul\nİzmir\n")
        .assert()
        .code(1);
}

#[test]
fn stdin_in_windows_1254_is_decoded_with_a_notice() {
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1254.encode("İstanbul\nDışişleri Bakanı Çavuşoğlu konuştu\n");
    okur()
        .args(["find", "--stdin", "cavusoglu"])
        .write_stdin(bytes.into_owned())
        .assert()
        .success()
        .stdout("Dışişleri Bakanı Çavuşoğlu konuştu\n")
        .stderr(predicate::str::contains(
            "standard input: not UTF-8: decoded as windows-1254",
        ));
}

#[test]
fn binary_stdin_is_a_one_line_error() {
    okur()
        .args(["find", "--stdin", "x"])
        .write_stdin(b"\x7fELF\x00\x00x\n".to_vec())
        .assert()
        .code(2)
        .stderr("okur: standard input looks like a binary file\n");
}

/// The output of `okur find ARGS seeds` (exit 0 or 1).
fn found(args: &[&str]) -> String {
    let out = okur()
        .arg("find")
        .args(args)
        .args(seeds())
        .output()
        .expect("okur runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The shown texts (fourth column).
fn shown(out: &str) -> Vec<&str> {
    out.lines().filter_map(|l| l.split('\t').nth(3)).collect()
}

#[test]
fn operators_hold_across_scripts_on_the_seeds() {
    assert_eq!(
        shown(&found(&["--scope", "places", "ankara"])),
        ["Ankara"],
        "not Dağlık Karabağ through a scattered alias"
    );
    let lines = found(&["--scope", "text", "!putin lavrov"]);
    assert!(shown(&lines).iter().any(|t| t.contains("لافروف")));
    assert!(
        shown(&lines).iter().all(|t| !t.contains("بوتين")),
        "the negation holds in Arabic too"
    );
    for line in shown(&found(&["--scope", "text", "^rusya"])) {
        assert!(
            line.starts_with("Rusya") || line.starts_with("روسيا"),
            "{line}"
        );
    }
    for line in shown(&found(&["--scope", "text", "lavrov$"])) {
        let last = line.split_whitespace().last().unwrap_or("");
        assert!(last.contains("Lavrov") || last.contains("لافروف"), "{line}");
    }
    assert!(
        shown(&found(&["--scope", "text", "ması$"]))
            .iter()
            .all(|t| t.ends_with("ması")),
        "no Arabic line through a piece of a word"
    );
}

#[test]
fn explain_names_the_key_each_term_met() {
    let out = found(&["--explain", "--scope", "text", "--limit", "40", "lavrov"]);
    let arabic = out
        .lines()
        .find(|l| l.contains("لافروف:"))
        .expect("the Arabic title line");
    let cols: Vec<&str> = arabic.split('\t').collect();
    assert_eq!(cols.len(), 5, "a fifth column: {arabic}");
    assert_eq!(cols[4], "lavrov: skeleton لافروف (lfrf)");
    let turkish = out.lines().next().expect("a match");
    assert!(turkish.ends_with("\tlavrov: text lavrov"), "{turkish}");
    let plain = found(&["--scope", "text", "--limit", "1", "lavrov"]);
    assert_eq!(plain.lines().next().map(|l| l.split('\t').count()), Some(4));
}

#[test]
fn state_words_are_named_as_reader_only() {
    okur()
        .args(["find", "--scope", "people", "!%star lavrov"])
        .args(seeds())
        .assert()
        .success()
        .stderr("okur: `!%star` is a reader filter (triage state); okur find ignores it\n");
    // A `%word` that is neither a scope nor a triage word was called a reader filter too.
    okur()
        .args(["find", "--scope", "people", "%per: lavrov"])
        .args(seeds())
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "okur: `%per:` is no filter word (scopes: %all %per",
        ));
}

/// `--scope docs` reads only the head of each file; its matches, scores and order are those
/// the full index gives its documents (`--scope all`, the `doc` lines), in both formats.
#[test]
fn docs_scope_from_titles_agrees_with_the_full_index() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for (i, doc) in okur::corpus::load_seeds().corpus.docs.iter().enumerate() {
        // A blank line first: the title is on line 2 and not at offset 0.
        std::fs::write(
            dir.path().join(format!("{i}.txt")),
            format!("\n{}", doc.text()?),
        )?;
    }
    for query in ["a", "lavrov", "2020", "003", "ترامب"] {
        for format in ["tsv", "jsonl"] {
            let run = |scope: &str| -> Result<Vec<String>, Box<dyn std::error::Error>> {
                let out = okur()
                    .env("XDG_CACHE_HOME", dir.path().join("cache"))
                    .args(["find", "--format", format, "--scope", scope, query])
                    .arg(dir.path())
                    .output()?;
                Ok(String::from_utf8(out.stdout)?
                    .lines()
                    .filter(|l| l.starts_with("doc\t") || l.starts_with(r#"{"kind":"doc""#))
                    .map(String::from)
                    .collect())
            };
            let titles = run("docs")?;
            assert_eq!(titles, run("all")?, "{query} {format}");
            // Whole titles carry their span and line (long ones are shortened: no span).
            if format == "jsonl" {
                let spans = titles.iter().filter(|t| t.contains(r#""start":"#));
                assert!(
                    spans.clone().all(|t| t.ends_with(r#""line":2}"#)),
                    "{titles:?}"
                );
            }
        }
    }
    Ok(())
}

#[test]
fn presentation_forms_are_found_in_every_scope() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("pdf.txt"),
        "ﺗﺼﺮﻳﺢ ﻻﻓﺮﻭﻑ\n\nﻗﺎﻝ ﻻﻓﺮﻭﻑ ﺇﻥ ﻣﻮﺳﻜﻮ ﺳﺘﺮﺍﻗﺐ\n",
    )?;
    let path = dir.path().to_string_lossy().to_string();
    for scope in ["text", "all", "docs"] {
        for query in ["لافروف", "lavrov", "moskova"] {
            if scope == "docs" && query == "moskova" {
                continue;
            }
            let out = okur()
                .args(["find", "--scope", scope, query, &path])
                .output()?;
            let out = String::from_utf8(out.stdout)?;
            assert!(out.contains("pdf.txt"), "{scope} {query}: {out}");
        }
    }
    let out = okur()
        .args(["find", "--scope", "text", "lavrov", &path])
        .output()?;
    assert_eq!(String::from_utf8(out.stdout)?.lines().count(), 2);
    Ok(())
}

/// `--limit 0` printed nothing and exited 0, as if the search had been done; it is refused
/// now, naming the option, as a limit that does not parse is.
#[test]
fn a_limit_of_zero_is_refused() {
    okur()
        .args(["find", "--limit", "0", "lavrov"])
        .args(seeds())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--limit"));
}

/// A query of thousands of words is refused at once with the bound named: in `--scope text`
/// each term is compiled into matchers of its own, and 60,000 words did not end in minutes.
#[test]
fn a_query_of_too_many_terms_is_refused_at_once() {
    let words = "a ".repeat(60_000);
    for scope in ["text", "all"] {
        okur()
            .args(["find", "--scope", scope, &words])
            .args(seeds())
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("okur find takes at most 256"));
    }
}
