//! The words of the bundled seeds in file order: the material the memory tests build large
//! generated documents from (included with `#[path]`).

/// Every whitespace-separated word of the seeds, files in name order.
pub fn seed_words() -> Vec<String> {
    let seeds = format!("{}/seeds", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(seeds)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let mut words = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("seed text");
        words.extend(text.split_whitespace().map(str::to_string));
    }
    words
}
