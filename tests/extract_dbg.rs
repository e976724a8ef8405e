//! Debug dump of seed mentions (ignored by default).
#[test]
#[ignore]
fn dump() {
    let c = okur::corpus::load_seeds().corpus;
    let ex = okur::extract::Extractor::new();
    let out = okur::extract::extract_corpus(&ex, &c);
    for (d, ms) in out.mentions.iter().enumerate() {
        for m in ms {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                &c.docs[d].path[..3],
                m.kind.as_str(),
                m.start,
                m.text,
                out.entities[m.entity].canonical
            );
        }
    }
}
