//! Newsletters as mail, as a user opens them: an mbox file and a Maildir folder (Turkish
//! and Arabic, windows-1254/1256 and iso-8859-9, quoted-printable and base64, a message cut
//! short) through `okur list` and `okur render --text`; a file named `.mbox` that holds no
//! mail is skipped with a notice and the rest still loads. Fixtures in tests/fixtures/mail.

use assert_cmd::Command;
use serde_json::Value;

const DIR: &str = "tests/fixtures/mail";

fn okur() -> Command {
    Command::cargo_bin("okur").expect("binary built")
}

/// `okur list` of the paths: each document's row, and what okur said on standard error.
fn list(paths: &[&str]) -> Result<(Vec<Value>, String), Box<dyn std::error::Error>> {
    let out = okur().arg("list").args(paths).output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = String::from_utf8(out.stdout)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    Ok((rows, String::from_utf8(out.stderr)?))
}

#[test]
fn list_shows_each_message_of_an_mbox_and_a_maildir() -> Result<(), Box<dyn std::error::Error>> {
    let (rows, stderr) = list(&[DIR])?;
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("");
            (s("doc"), s("title"), s("date"), s("source"))
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "tests/fixtures/mail/bulten.mbox#1",
                "Dışişleri Bakanı Ankara'da görüştü",
                "2024-03-05",
                "Anadolu Bülten"
            ),
            (
                "tests/fixtures/mail/bulten.mbox#2",
                "قمة إقليمية في الدوحة",
                "2024-03-06",
                "نشرة الأخبار"
            ),
            (
                "tests/fixtures/mail/bulten.mbox#3",
                "Merkez Bankası faiz kararını açıkladı",
                "2024-03-07",
                "Anadolu Bulten"
            ),
            (
                "tests/fixtures/mail/maildir/cur/1709671500.M1P7.okur:2,S",
                "البنك المركزي يبقي سعر الفائدة",
                "2024-03-05",
                "نشرة الاقتصاد"
            ),
            (
                "tests/fixtures/mail/maildir/new/1709702100.M2P7.okur",
                "İstanbul'da kar yağışı",
                "2024-03-06",
                "Gazete Bulteni"
            ),
        ]
    );
    assert!(
        stderr.contains("bulten.mbox: message 3: cut short (its MIME parts do not end)"),
        "{stderr}"
    );
    Ok(())
}

#[test]
fn render_text_shows_the_decoded_message() -> Result<(), Box<dyn std::error::Error>> {
    let out = okur()
        .args(["render", "--text", &format!("{DIR}/bulten.mbox#1")])
        .output()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout)?,
        "Dışişleri Bakanı Ankara'da görüştü\n\n\
         Dışişleri Bakanı bugün Ankara'da Azerbaycanlı mevkidaşıyla görüştü.\n\n\
         Görüşmede enerji işbirliği ve bölgesel gelişmeler ele alındı.\n\n\
         From the archive: geçen yılın görüşmesi de Ankara'daydı.\n"
    );
    Ok(())
}

#[test]
fn a_non_mail_mbox_gets_a_notice_and_the_rest_loads() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("notlar.mbox"),
        "Toplantı notları, posta değil.\n",
    )?;
    std::fs::copy(format!("{DIR}/bulten.mbox"), dir.path().join("bulten.mbox"))?;
    let path = dir.path().to_string_lossy().into_owned();
    let (rows, stderr) = list(&[&path])?;
    assert_eq!(rows.len(), 3);
    assert!(
        stderr.contains(
            "notlar.mbox: skipped, not an mbox file: it does not start with a `From ` line"
        ),
        "{stderr}"
    );
    Ok(())
}
