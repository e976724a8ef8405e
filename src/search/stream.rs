//! Filtering a stream of lines without building an index (`okur find --stdin`): each line is
//! folded once, as it is scanned, on two threads.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::text::fold_into;

use super::engine::{Hit, rank_by};
use super::item::ItemKind;
use super::matcher::Fields;
use super::plan::{ItemFields, Plan};
use super::query::Query;
use super::skeleton::push_skeletons_of;

/// How many lines are scanned between two looks at the cancel flag.
const CANCEL_EVERY: usize = 4096;

/// Most lines one call looks at: line ids are u32.
const MAX_LINES: usize = u32::MAX as usize;

/// Ranks `lines` against `query` like `fzf --filter`: fuzzy terms as subsequences, the same
/// syntax and cross-script names as the index. Hits name lines by position, best first (an
/// empty query keeps every line in order). `None` when `cancel` was set.
pub fn filter_lines(lines: &[&str], query: &Query, cancel: &AtomicBool) -> Option<Vec<Hit>> {
    // Hits name lines by u32: lines past u32::MAX (a 4G-line text) are not searched rather
    // than named by a wrapped number.
    let lines = lines.get(..MAX_LINES).unwrap_or(lines);
    let (a, b) = lines.split_at(lines.len() / 2);
    let first_of_b = u32::try_from(a.len()).unwrap_or(u32::MAX);
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| scan(b, first_of_b, query, cancel));
        (scan(a, 0, query, cancel), other.join())
    });
    let mut hits = first?;
    hits.extend(second.ok()??);
    // Only a tie-break (shorter line first): a line past 4 GiB ranks as 4 GiB long.
    let len = |id: u32| {
        let line = usize::try_from(id).ok().and_then(|i| lines.get(i));
        line.map_or(0, |l| u32::try_from(l.len()).unwrap_or(u32::MAX))
    };
    rank_by(&mut hits, usize::MAX, len);
    Some(hits)
}

fn scan(lines: &[&str], first_id: u32, query: &Query, cancel: &AtomicBool) -> Option<Vec<Hit>> {
    let mut plan = Plan::new(query);
    let skeletons = plan.skeleton_script();
    let (mut key, mut skel) = (String::new(), String::new());
    let mut hits = Vec::new();
    for ((n, line), id) in lines.iter().enumerate().zip(first_id..) {
        if n % CANCEL_EVERY == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        key.clear();
        fold_into(line, &mut key);
        skel.clear();
        // Arabic letters are U+0621..U+064A: UTF-8 lead bytes D8 and D9.
        if let Some(script) = skeletons
            && (script != Some(true) || memchr::memchr2(0xD8, 0xD9, line.as_bytes()).is_some())
        {
            push_skeletons_of(line, script, &mut skel);
        }
        let own = Fields {
            key: &key,
            extra: "",
            skel: &skel,
            iso: "",
            fuzzy: true,
        };
        let fields = ItemFields {
            own,
            tags: None,
            source: None,
        };
        if let Some(score) = plan.score_fields(ItemKind::Line, &fields) {
            hits.push(Hit { item: id, score });
        }
    }
    Some(hits)
}
