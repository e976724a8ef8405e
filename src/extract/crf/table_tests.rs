//! Tests of the attribute table ([`super::AttrTable`]).
use super::*;

#[test]
fn holds_what_was_put_and_nothing_else() {
    let mut t = AttrTable::with_capacity(2, 7);
    let hashes: Vec<u64> = (0..1000u64)
        .map(|i| i.wrapping_mul(0x2545_f491_4f6c_dd1d))
        .collect();
    for (i, &h) in hashes.iter().enumerate() {
        let l = u8::try_from(i % 7).expect("a label");
        let w = f32::from(u8::try_from(i % 200).expect("small"));
        let ws: Vec<(u8, f32)> = (0..=i % 3).map(|k| ((l + 1) % 7, w + k as f32)).collect();
        t.insert(h, &ws).expect("room");
    }
    assert_eq!(t.len(), 1000);
    // Replacing keeps one entry.
    t.insert(hashes[5], &[(2, 1.5)]).expect("room");
    assert_eq!(t.len(), 1000);
    let scores = |h: u64| {
        let mut s = [0f32; 7];
        t.add(h, &mut s);
        s
    };
    assert_eq!(scores(hashes[5]), [0.0, 0.0, 1.5, 0.0, 0.0, 0.0, 0.0]);
    // Attribute 4: label 5, weights 4 and 5.
    let mut want = [0f32; 7];
    want[5] = 4.0 + 5.0;
    assert_eq!(scores(hashes[4]), want);
    assert_eq!(scores(12345), [0.0; 7]);
    assert_eq!(scores(0), [0.0; 7]);
    let mut empty = [0f32; 3];
    AttrTable::default().add(7, &mut empty);
    assert_eq!(empty, [0.0; 3]);
}

#[test]
fn the_filter_answers_for_most_absent_hashes() {
    // As many attributes as the Turkish model has, so the table is as full as its.
    let spread = |i: u64| i.wrapping_mul(0x2545_f491_4f6c_dd1d).rotate_left(17);
    let mut t = AttrTable::with_capacity(100_000, 1);
    for i in 0..100_000u64 {
        t.insert(spread(i), &[(0, 1.0)]).expect("room");
    }
    assert!(t.filter.bytes() * 32 <= t.slots.len() * std::mem::size_of::<Slot>());
    let through = (100_000..200_000u64)
        .filter(|&i| t.filter.may_contain(spread(i)))
        .count();
    assert!(
        through < 5_000,
        "{through} of 100000 absent hashes pass the filter"
    );
    // Every attribute held is still found, through the filter.
    for i in (0..100_000u64).step_by(7) {
        let mut s = [0f32; 1];
        t.add(spread(i), &mut s);
        assert_eq!(s, [1.0]);
    }
}

#[test]
fn dense_rows_add_the_same_floats_as_pairs() {
    // Label counts about a block's width; weights for several labels in a shuffled
    // order, some -0.0, some for one label twice (kept as pairs); scores that are not
    // round numbers, so that a different order of additions would show.
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let float = |r: u64| f32::from(u16::try_from(r % 60_000).unwrap_or(0)) / 7.0 - 4000.0;
    for labels in [1usize, 3, 7, 8, 9, 17] {
        let (mut dense, mut pairs) = (
            AttrTable::with_capacity(8, labels),
            AttrTable::with_capacity(8, 0),
        );
        let mut attrs = Vec::new();
        for a in 0..200u64 {
            let k = usize::try_from(next() % 20).unwrap_or(0);
            let mut ws: Vec<(u8, f32)> = (0..k)
                .map(|_| {
                    let l = u8::try_from(next() % labels as u64).unwrap_or(0);
                    (l, if next() % 9 == 0 { -0.0 } else { float(next()) })
                })
                .collect();
            if a % 2 == 0 {
                ws.sort_by_key(|w| w.0);
                ws.dedup_by_key(|w| w.0);
            }
            dense.insert(a + 1, &ws).expect("room");
            pairs.insert(a + 1, &ws).expect("room");
            attrs.push(a + 1);
        }
        assert!(labels < DENSE_FROM || !dense.dense.is_empty(), "{labels}");
        for _ in 0..50 {
            let mut a = vec![0f32; labels];
            for s in &mut a {
                *s = float(next());
            }
            let mut b = a.clone();
            for _ in 0..8 {
                let h = attrs[usize::try_from(next() % 200).unwrap_or(0)];
                dense.add(h, &mut a);
                pairs.add(h, &mut b);
            }
            let bits = |v: &[f32]| v.iter().map(|f| f.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b), "{labels} labels");
        }
    }
}

#[test]
fn an_attribute_without_weights_is_kept() {
    let mut t = AttrTable::with_capacity(1, 2);
    t.insert(9, &[]).expect("room");
    assert_eq!(t.len(), 1);
    let mut s = [0f32; 2];
    t.add(9, &mut s);
    assert_eq!(s, [0.0; 2]);
}
