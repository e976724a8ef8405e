use super::*;
use crate::corpus::DocKey;
use crate::store::Change;

fn rows() -> Vec<Row> {
    (1..=3)
        .map(|seq| Row {
            device: "dev-a".into(),
            seq,
            author: "ayse".into(),
            clock: seq * 2,
            change: Change::Star {
                doc: DocKey::from_hash(format!("{seq:032x}")),
                value: true,
            },
        })
        .collect()
}

fn restored(loaded: Loaded) -> Option<(PullCursor, Vec<Row>)> {
    match loaded {
        Loaded::Restored { cursor, rows } => Some((cursor, rows)),
        _ => None,
    }
}

#[test]
fn a_saved_cache_comes_back_whole_and_private() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let cache = Cache::new(dir.path().join("j.team"), "ayse@db:5432/news".into());
    assert!(matches!(cache.load(), Loaded::Missing));
    let cursor = PullCursor::default();
    cache.save(&cursor, &rows())?;
    assert_eq!(restored(cache.load()), Some((cursor, rows())));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(cache.path())?.permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    Ok(())
}

#[test]
fn a_damaged_cache_is_never_trusted() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("j.team");
    let cache = Cache::new(path.clone(), "ayse@db:5432/news".into());
    cache.save(&PullCursor::default(), &rows())?;
    let good = std::fs::read(&path)?;
    // A changed byte in the rows (the JSON still parses: only the checksum catches it).
    let text = String::from_utf8_lossy(&good).replace("\"seq\":2", "\"seq\":7");
    let cut = good.len() - 10;
    let damaged: [(&str, Vec<u8>); 5] = [
        ("changed", text.into_bytes()),
        ("cut", good[..cut].to_vec()),
        ("empty", Vec::new()),
        ("garbage", b"\xff\xfe not json\n{}".to_vec()),
        (
            "no rows line",
            good[..good.iter().position(|&b| b == b'\n').unwrap_or(0)].to_vec(),
        ),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&path, &bytes)?;
        assert!(
            matches!(cache.load(), Loaded::Damaged(_)),
            "{what}: {:?}",
            cache.load()
        );
    }
    // Another server's cache is not this one's.
    std::fs::write(&path, &good)?;
    let other = Cache::new(path, "ayse@elsewhere:5432/news".into());
    match other.load() {
        Loaded::Damaged(why) => assert!(why.contains("another server"), "{why}"),
        loaded => panic!("trusted another server's cache: {loaded:?}"),
    }
    Ok(())
}
