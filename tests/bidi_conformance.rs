//! Runs every case of the Unicode conformance file BidiCharacterTest.txt through okur's own
//! level and reordering functions (the ones the reading pane uses), with code points as units.

use std::path::PathBuf;

use okur::layout::{Direction, line_visual_order, paragraph_levels};
use unicode_bidi::{BidiClass, bidi_class};

fn test_file() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/unicode/BidiCharacterTest.txt");
    path.exists().then_some(path)
}

struct Case {
    text: String,
    dir: Option<Direction>,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

fn parse_case(line: &str) -> Option<Case> {
    let fields: Vec<&str> = line.split(';').collect();
    if fields.len() < 5 {
        return None;
    }
    let text = fields[0]
        .split_whitespace()
        .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
        .collect::<Option<String>>()?;
    let dir = match fields[1].trim() {
        "0" => Some(Direction::Ltr),
        "1" => Some(Direction::Rtl),
        _ => None,
    };
    let levels = fields[3]
        .split_whitespace()
        .map(|l| l.parse().ok())
        .collect();
    let order = fields[4]
        .split_whitespace()
        .map(|i| i.parse())
        .collect::<Result<_, _>>()
        .ok()?;
    Some(Case {
        text,
        dir,
        levels,
        order,
    })
}

/// Characters removed by rule X9: they get no unit (the pane gives them no cell).
fn removed_by_x9(c: char) -> bool {
    use BidiClass::*;
    matches!(bidi_class(c), RLE | LRE | RLO | LRO | PDF | BN)
}

fn run_case(case: &Case) -> Result<(), String> {
    let info = paragraph_levels(&case.text, case.dir);
    let chars: Vec<(usize, char)> = case.text.char_indices().collect();
    let kept: Vec<usize> = (0..chars.len())
        .filter(|&i| !removed_by_x9(chars[i].1))
        .collect();
    let starts: Vec<usize> = kept.iter().map(|&i| chars[i].0).collect();
    let visual = line_visual_order(&info, 0..case.text.len(), &starts);
    for (&(unit, level), _) in visual.iter().zip(0..) {
        let expected = case.levels[kept[unit]];
        if expected != Some(level.number()) {
            return Err(format!(
                "level of char {} is {}, expected {expected:?}",
                kept[unit],
                level.number()
            ));
        }
    }
    let order: Vec<usize> = visual.iter().map(|&(unit, _)| kept[unit]).collect();
    if order != case.order {
        return Err(format!("order {order:?}, expected {:?}", case.order));
    }
    Ok(())
}

#[test]
fn bidi_character_test_passes_in_full() {
    let Some(path) = test_file() else {
        println!("skipped: ../shared/unicode/BidiCharacterTest.txt is not beside the project");
        return;
    };
    let content = std::fs::read_to_string(path).expect("readable test file");
    let (mut passed, mut failures) = (0usize, Vec::new());
    for (n, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some(case) = parse_case(line) else {
            failures.push(format!("line {}: unparsable", n + 1));
            continue;
        };
        match run_case(&case) {
            Ok(()) => passed += 1,
            Err(e) => failures.push(format!("line {}: {e}", n + 1)),
        }
    }
    println!(
        "BidiCharacterTest: {passed} passed, {} failed",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures, first: {:?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
    assert_eq!(passed, 91_707);
}
