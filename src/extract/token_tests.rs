//! Tests of the tokeniser ([`super::Tokens`]).

use super::*;

#[test]
fn fast_fold_agrees() {
    for c in "aAzZ09çÇşŞğĞöÖüÜûÛâÂıİIîÎéكةءآأؤإئابتثغـفويىًٰ".chars()
    {
        let (mut a, mut b) = (String::new(), String::new());
        fold_fast(c, &mut a);
        fold_char(c, &mut b);
        assert_eq!(a, b, "{c}");
    }
}

#[test]
fn keys_are_the_folded_stems_and_words_end_where_letters_do() {
    // Runs of ASCII letters, Turkish and Arabic letters, digits, apostrophes with and
    // without a suffix after them, punctuation and a Latin word after an Arabic one.
    let text = "İSTANBUL'da 2020'de Kırıkkale-\nÇorum O'Neil rock' n roll \
                الأمم المتحدةَ وإلى مصطفى عربيabc x’y 12a ’ ' ok";
    let t = Tokens::new(text);
    for (i, tok) in t.toks.iter().enumerate() {
        let stem = &text[tok.start()..tok.stem_end()];
        assert_eq!(t.key(i), crate::text::fold_str(stem), "{stem}");
        let word = &text[tok.start()..tok.end()];
        assert!(!word.ends_with(is_apostrophe), "{word}");
    }
    let words: Vec<&str> = t.toks.iter().map(|x| &text[x.start()..x.end()]).collect();
    assert_eq!(words[..3], ["İSTANBUL'da", "2020'de", "Kırıkkale"]);
    assert!(words.contains(&"rock") && words.contains(&"x’y") && words.contains(&"12a"));
    assert!(t.toks[1].digits && !t.toks[0].digits);
}

#[test]
fn a_token_is_24_bytes() {
    // A token per word of the text is held while it is read: at 40 bytes they took
    // four times a 200 MB document.
    assert!(std::mem::size_of::<Token>() <= 24);
}

#[test]
fn apostrophe_suffix_is_part_of_token_but_not_stem() {
    let text = "Rusya'dan Türkiye’ye, El-\nNusra";
    let t = Tokens::new(text);
    assert_eq!(t.len(), 4);
    assert_eq!(&text[t.toks[0].start()..t.toks[0].stem_end()], "Rusya");
    assert_eq!(t.key(1), "turkiye");
    assert_eq!(t.toks[3].sep, Sep::Hyphen);
    assert!(t.toks[1].cap);
}

#[test]
fn names_do_not_run_across_sentence_or_paragraph_breaks() {
    let long = "Görüşmeye Dışişleri Bakanı ve heyeti de katıldı, açıklama yapan";
    let text = format!("Ankara.\nErdoğan dedi\n\nYeni Başlık\nKısa satır\n{long}\nAli Veli");
    let t = Tokens::new(&text);
    let sep_of = |w: &str| {
        t.toks
            .iter()
            .find(|x| &text[x.start()..x.end()] == w)
            .map(|x| x.sep)
    };
    // A full stop then a break was `Dot`, which joins `St. Petersburg`.
    assert_eq!(sep_of("Erdoğan"), Some(Sep::Punct));
    assert_eq!(sep_of("Yeni"), Some(Sep::Punct));
    // A short line (a heading) ends at its break; a long one is wrapped.
    assert_eq!(sep_of("Kısa"), Some(Sep::Punct));
    assert_eq!(sep_of("Ali"), Some(Sep::Line));
}
