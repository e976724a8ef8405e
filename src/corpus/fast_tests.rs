//! Tests of the first-frame path ([`super`]).

use super::*;

#[test]
fn titles_and_dates_without_a_full_parse() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("a.txt"),
        "\n  Başlık burada  \n\n03.11.2020\n\nmetin",
    )?;
    std::fs::write(dir.path().join("b.md"), "İkinci")?;
    let got = read_titles(&[dir.path().to_path_buf()])?;
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].title, "Başlık burada");
    assert_eq!(got[0].title_offset, 3);
    assert_eq!(got[0].title_line, 2);
    assert_eq!(got[0].date.as_deref(), Some("2020-11-03"));
    assert_eq!(got[1].title, "İkinci");
    Ok(())
}

#[test]
fn a_head_cut_inside_a_character_is_still_utf8() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut text = "x".repeat(HEAD - 1);
    text.insert_str(0, "ş\n");
    std::fs::write(dir.path().join("a.txt"), &text)?;
    let got = read_titles(&[dir.path().to_path_buf()])?;
    assert_eq!(got[0].title, "ş");
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_broken_link_in_a_folder_is_left_out_a_named_one_is_an_error()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(dir.path().join("a.txt"), "Başlık")?;
    let link = dir.path().join("b.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &link)?;
    let got = read_titles(&[dir.path().to_path_buf()])?;
    assert_eq!(got.len(), 1);
    assert!(matches!(read_titles(&[link]), Err(LoadError::Missing(_))));
    Ok(())
}

/// The byte path (validate up to the title, search the date in bytes) agrees with
/// decoding the whole head first, wherever the head is cut.
#[test]
fn the_byte_path_agrees_with_decoding_the_head() -> Result<(), Box<dyn std::error::Error>> {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut texts = vec![
        "\u{feff}  \n\n  ترامب يلتقي بوتين  \n03.11.2020"
            .as_bytes()
            .to_vec(),
        b"\n\n".to_vec(),
    ];
    for file in std::fs::read_dir(seeds)? {
        texts.push(std::fs::read(file?.path())?);
    }
    for text in &texts {
        for len in (0..text.len().min(HEAD)).step_by(7) {
            let head = &text[..len];
            let valid = match std::str::from_utf8(head) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&head[..e.valid_up_to()])?,
            };
            let fast = title_entry(Path::new("a.txt"), head);
            assert_eq!(fast, Some(entry("a.txt".into(), valid)), "cut at {len}");
        }
    }
    Ok(())
}

/// A folder of feeds, pages and dumps opens titles first too: each article is listed
/// under the id the full load gives it, in the full load's order.
#[cfg(feature = "formats")]
#[test]
fn news_formats_give_their_articles_titles() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let feed = "<rss version=\"2.0\"><channel><title>T</title>\
        <item><title>Birinci haber</title><pubDate>Tue, 05 Mar 2024 23:30:00 +0300</pubDate></item>\
        <item><title>ثاني خبر</title></item></channel></rss>";
    std::fs::write(dir.path().join("a.xml"), feed)?;
    std::fs::write(dir.path().join("b.txt"), "Düz metin\n\nGövde.")?;
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"title\":\"Kayıt\",\"text\":\"x\"}\n",
    )?;
    std::fs::write(dir.path().join("d.json"), "{\"title\": ")?;
    let files = list_text_files(&[dir.path().to_path_buf()])?;
    assert_eq!(files.len(), 4);
    let (titles, notices) = titles_of_files(&files);
    let got: Vec<(String, &str)> = titles
        .iter()
        .map(|t| {
            (
                t.path.replace(&*dir.path().to_string_lossy(), ""),
                t.title.as_str(),
            )
        })
        .collect();
    let want = [
        ("/a.xml#1", "Birinci haber"),
        ("/a.xml#2", "ثاني خبر"),
        ("/b.txt", "Düz metin"),
        ("/c.jsonl#1", "Kayıt"),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|(p, t)| (p.to_string(), *t)).collect();
    assert_eq!(got, want);
    assert_eq!(titles[0].date.as_deref(), Some("2024-03-05"));
    assert!(notices.is_empty(), "{notices:?}");
    let full = crate::corpus::load_paths(&[dir.path().to_path_buf()])?;
    let paths: Vec<&str> = full.corpus.docs.iter().map(|d| d.path.as_str()).collect();
    let listed: Vec<&str> = titles.iter().map(|t| t.path.as_str()).collect();
    assert_eq!(paths, listed);
    Ok(())
}

#[test]
fn a_legacy_head_is_decoded_for_its_title() {
    let (bytes, _, _) = encoding_rs::WINDOWS_1254.encode("Dışişleri Bakanı konuştu\n\n03.11.2020");
    let got = title_entry(Path::new("tr.txt"), &bytes);
    assert_eq!(
        got.as_ref().map(|e| e.title.as_str()),
        Some("Dışişleri Bakanı konuştu")
    );
    assert_eq!(got.and_then(|e| e.date).as_deref(), Some("2020-11-03"));
}
