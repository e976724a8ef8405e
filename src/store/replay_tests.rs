use super::*;

#[test]
fn parse_reports_torn_tail_and_corrupt_middle() {
    let good = r#"{"op":"undo"}"#;
    let torn = r#"{"op":"st"#;
    let text = format!("{good}\nnot json\n{good}\n{torn}");
    let replay = parse_journal(Path::new("j"), text.as_bytes());
    assert_eq!(replay.entries.len(), 2);
    assert!(matches!(
        replay.warnings[0],
        Warning::Corrupt { line: 2, .. }
    ));
    assert!(matches!(
        replay.warnings[1],
        Warning::TornTail {
            line: 4,
            bytes: 9,
            ..
        }
    ));
    assert_eq!(
        usize::try_from(replay.clean_len),
        Ok(text.len() - torn.len())
    );
}

#[test]
fn batch_holding_a_marker_is_skipped_whole_as_corrupt() {
    let star = r#"{"op":"star","doc":"a","value":true}"#;
    let bad = format!(r#"{{"op":"batch","changes":[{star},{{"op":"undo"}}]}}"#);
    let good = format!(r#"{{"op":"batch","changes":[{star}]}}"#);
    let replay = parse_journal(Path::new("j"), format!("{bad}\n{good}\n").as_bytes());
    assert_eq!(replay.entries.len(), 1, "only the good batch");
    let [Warning::Corrupt { line, reason, .. }] = &replay.warnings[..] else {
        panic!("one corrupt line expected: {:?}", replay.warnings);
    };
    assert_eq!(*line, 1);
    assert!(
        reason.contains("part 2") && reason.contains("undo"),
        "{reason}"
    );
}

#[test]
fn valid_last_line_without_newline_is_kept() {
    let replay = parse_journal(Path::new("j"), br#"{"op":"redo"}"#);
    assert_eq!(replay.entries, [Change::Redo]);
    assert!(replay.missing_newline && replay.warnings.is_empty());
}

#[test]
fn a_byte_order_mark_does_not_cost_the_first_line() {
    let star = r#"{"op":"star","doc":"a","value":true}"#;
    let text = format!("\u{feff}{star}\n{{\"op\":\"undo\"}}\n");
    let replay = parse_journal(Path::new("j"), text.as_bytes());
    assert!(replay.warnings.is_empty(), "{:?}", replay.warnings);
    assert_eq!(replay.entries.len(), 2);
    assert_eq!(usize::try_from(replay.clean_len), Ok(text.len()));
}

#[test]
fn a_byte_order_mark_inside_joined_journals_does_not_cost_a_line() {
    // `cat a.jsonl b.jsonl` where b was saved by an editor that writes the mark.
    let joined = "{\"op\":\"undo\"}\n\u{feff}{\"op\":\"redo\"}\r\n";
    let replay = parse_journal(Path::new("j"), joined.as_bytes());
    assert_eq!(
        (replay.entries, replay.warnings),
        (vec![Change::Undo, Change::Redo], vec![])
    );
}

const OLD: &str = "{\"op\":\"undo\"}\n{\"op\":\"redo\"}\n";
const NEW: &[u8] = b"{\"op\":\"checkpoint\"}\n";

/// The file as it is at each step of a compaction: old, old + marker + new, new copied
/// over the start, cut.
fn staged() -> Vec<u8> {
    [OLD.as_bytes(), &marker_line(NEW), NEW].concat()
}

#[test]
fn a_whole_marker_starts_replay_afresh_whatever_precedes_it() {
    let mut bytes = staged();
    let replay = parse_journal(Path::new("j"), &bytes);
    assert_eq!(replay.entries, [Change::Checkpoint]);
    assert!(replay.warnings.is_empty());
    let marker = OLD.len() as u64;
    let start = (OLD.len() + marker_line(NEW).len()) as u64;
    assert_eq!(
        replay.pending,
        Some((marker, start..start + NEW.len() as u64))
    );
    // Half copied over the old lines: those are garbage now, and ignored.
    bytes[..8].copy_from_slice(&NEW[..8]);
    let replay = parse_journal(Path::new("j"), &bytes);
    assert_eq!(replay.entries, [Change::Checkpoint]);
    assert!(replay.warnings.is_empty(), "{:?}", replay.warnings);
}

#[test]
fn an_unfinished_marker_leaves_the_old_journal_standing() {
    let whole = staged();
    // Cut inside `{"op":"co` the line could be any torn change: it is reported as one.
    for cut in OLD.len() + 9..whole.len() {
        let replay = parse_journal(Path::new("j"), &whole[..cut]);
        assert_eq!(replay.entries, [Change::Undo, Change::Redo], "cut at {cut}");
        assert!(replay.warnings.is_empty(), "cut at {cut}");
        assert_eq!(
            usize::try_from(replay.clean_len),
            Ok(OLD.len()),
            "cut at {cut}"
        );
        assert!(replay.pending.is_none());
    }
    // The full length, but blocks of the new journal never written.
    let mut holed = whole.clone();
    let at = holed.len() - 3;
    holed[at] = 0;
    let replay = parse_journal(Path::new("j"), &holed);
    assert_eq!(replay.entries, [Change::Undo, Change::Redo]);
}
