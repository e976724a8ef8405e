use super::*;
use crate::corpus::formats::documents;

fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

#[test]
fn an_mbox_gives_one_document_per_message_decoded() -> Result<(), String> {
    let out = documents("bulten.mbox", &fixture("mail/bulten.mbox")).ok_or("not read")?;
    let titles: Vec<&str> = out.docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Dışişleri Bakanı Ankara'da görüştü",
            "قمة إقليمية في الدوحة",
            "Merkez Bankası faiz kararını açıkladı",
        ]
    );
    let tr = &out.docs[0];
    assert_eq!(tr.path, "bulten.mbox#1");
    assert_eq!(tr.source(), Some("Anadolu Bülten"));
    let meta = tr.meta.as_deref().ok_or("no meta")?;
    assert_eq!(
        meta.author.as_deref(),
        Some("Anadolu Bülten <bulten@haber.example.com.tr>")
    );
    assert_eq!(meta.published.as_deref(), Some("2024-03-05T23:30:00+03:00"));
    assert!(
        tr.text()
            .expect("reads")
            .contains("Azerbaycanlı mevkidaşıyla görüştü."),
        "{}",
        tr.text().expect("reads")
    );
    // `>From` quoting is undone.
    assert!(
        tr.text()
            .expect("reads")
            .contains("\n\nFrom the archive: geçen yılın"),
        "{}",
        tr.text().expect("reads")
    );
    let ar = &out.docs[1];
    assert_eq!(ar.source(), Some("نشرة الأخبار"));
    assert_eq!(ar.date(), Some("2024-03-06"));
    assert!(
        ar.text()
            .expect("reads")
            .contains("انطلقت في الدوحة اليوم أعمال القمة"),
        "{}",
        ar.text().expect("reads")
    );
    // The HTML part went through the main-text path: the unsubscribe table is left out.
    assert!(
        !ar.text().expect("reads").contains("إلغاء الاشتراك"),
        "{}",
        ar.text().expect("reads")
    );
    Ok(())
}

#[test]
fn a_message_cut_short_is_read_with_a_notice() -> Result<(), String> {
    let out = documents("bulten.mbox", &fixture("mail/bulten.mbox")).ok_or("not read")?;
    let cut = &out.docs[2];
    assert!(
        cut.text()
            .expect("reads")
            .contains("politika faizini sabit tuttu."),
        "{}",
        cut.text().expect("reads")
    );
    let notices = out.notices.join("\n");
    assert!(
        notices.contains("bulten.mbox: message 3: cut short (its MIME parts do not end)"),
        "{notices}"
    );
    assert_eq!(out.notices.len(), 1, "{notices}");
    Ok(())
}

#[test]
fn a_file_named_mbox_that_is_no_mail_is_skipped_with_a_reason() -> Result<(), String> {
    let out =
        documents("notlar.mbox", "Bu bir posta kutusu değil.\n".as_bytes()).ok_or("not read")?;
    assert!(out.docs.is_empty());
    assert_eq!(
        out.notices,
        ["notlar.mbox: skipped, not an mbox file: it does not start with a `From ` line"]
    );
    let out = documents("bos.eml", b"\n\n\n").ok_or("not read")?;
    assert_eq!(
        out.notices,
        ["bos.eml: skipped, not a mail message: no headers"]
    );
    Ok(())
}

#[test]
fn maildir_messages_are_chosen_by_content() -> Result<(), String> {
    let name = "mail/maildir/new/1709702100.M2P7.okur";
    let bytes = fixture(name);
    assert_eq!(super::super::sniff(name, &bytes), Some(Format::Mail));
    let out = documents(name, &bytes).ok_or("not read")?;
    assert_eq!(out.docs.len(), 1);
    let doc = &out.docs[0];
    assert_eq!(doc.path, name);
    assert_eq!(doc.title, "İstanbul'da kar yağışı");
    assert!(
        doc.text().expect("reads").contains("başlayan kar yağışı"),
        "{}",
        doc.text().expect("reads")
    );
    let name = "mail/maildir/cur/1709671500.M1P7.okur:2,S";
    let out = documents(name, &fixture(name)).ok_or("not read")?;
    let doc = &out.docs[0];
    assert_eq!(doc.title, "البنك المركزي يبقي سعر الفائدة");
    assert_eq!(doc.date(), Some("2024-03-05"));
    assert_eq!(doc.source(), Some("نشرة الاقتصاد"));
    assert_eq!(doc.lang, crate::corpus::Lang::Ar);
    Ok(())
}

#[test]
fn plain_text_that_mentions_from_is_not_mail() {
    assert_eq!(
        sniff_mail(b"From Ankara with news\nBugun toplanti var.\n"),
        None
    );
    assert_eq!(sniff_mail(b"Subject: x\nDate: y\n\nmetin"), None);
    assert_eq!(
        sniff_mail(b"Subject: x\nFrom: a@b.example\n\nmetin"),
        Some(Format::Mail)
    );
}
