//! The person rules of [`Scan`]: names after title cues, given name + capitalised words,
//! known names, Arabic name words.

use super::{MAX_PERSON_WORDS, Scan};

/// Longest Arabic name in words: lineage chains run long (`حمد بن عيسى آل خليفة`).
const MAX_ARABIC_NAME_WORDS: usize = 6;
use crate::extract::Kind;
use crate::extract::token::Sep;

impl Scan<'_> {
    /// Arabic function words that fold onto names (على -> علي).
    pub(super) fn function_word(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        super::is_function_word(&self.text[t.start()..t.end()])
    }

    pub(super) fn common_word(&self, key: &str) -> bool {
        self.lx.stat(key).common()
    }

    pub(super) fn namey(&self, key: &str) -> bool {
        self.lx.given.contains(key)
            || self.lx.people_last.contains_key(key)
            || self.lx.stat(key).personish(1)
    }

    /// The name after a title cue; returns the index after it.
    pub(super) fn person_after_cue(&mut self, mut j: usize) -> Option<usize> {
        let n = self.t.len();
        if j >= n || !self.t.joined(j - 1) {
            return None;
        }
        if self.t.toks[j].arabic {
            let mut skipped = 0;
            while j < n && skipped < 2 && self.is_adjective(j) && self.t.joined(j - 1) {
                j += 1;
                skipped += 1;
            }
            if j >= n || !self.t.joined(j - 1) {
                return None;
            }
            return self.arabic_name(j, true);
        }
        if !self.t.toks[j].cap || self.lx.never_a_name(self.key(j)) {
            return None;
        }
        let end = self.latin_run(j);
        if end == j + 1 && self.place_at(j).is_some() && !self.namey(self.key(j)) {
            return None;
        }
        self.finish_person(j, end)
    }

    /// An Arabic name after a speech verb at `i - 1` (`وقال لافروف`): unlike after a title,
    /// the first word must not look like a common noun (definite, plural, a place), since
    /// `وقال مسؤولون` and `وأضافت الوكالة` are far more frequent than names.
    pub(super) fn person_after_speech(&mut self, i: usize) -> Option<usize> {
        let tok = self.t.toks.get(i)?;
        if !tok.arabic || !self.t.joined(i - 1) || self.title_at(i).is_some() {
            return None;
        }
        let k = self.key(i);
        let nounish = k.starts_with("ال") || k.ends_with("ون") || k.ends_with("ين");
        if (nounish && !self.namey(k)) || self.place_at(i).is_some() || self.function_word(i) {
            return None;
        }
        self.arabic_name(i, true)
    }

    /// Arabic nationality or office adjective (الروسي، التركية).
    pub(super) fn is_adjective(&self, j: usize) -> bool {
        let k = self.key(j);
        k.starts_with("ال")
            && (k.ends_with('ي') || k.ends_with("يه"))
            && !self.lx.stat(k).personish(1)
            && self.lx.place(k).is_none()
    }

    /// Capitalised Latin tokens from `j` that may form a name: returns the end index.
    pub(super) fn latin_run(&self, j: usize) -> usize {
        let mut end = j;
        while end < self.t.len() && end - j < MAX_PERSON_WORDS {
            let tok = &self.t.toks[end];
            if !tok.cap || tok.arabic || tok.digits || self.is_org(end) {
                break;
            }
            if end > j && (!self.t.joined(end - 1) || self.title_at(end).is_some()) {
                break;
            }
            if end > j && self.place_at(end).is_some() && !self.namey(self.key(end)) {
                break;
            }
            if self.lx.never_a_name(self.key(end)) {
                break;
            }
            end += 1;
            if tok.has_suffix() {
                break;
            }
        }
        end
    }

    pub(super) fn finish_person(&mut self, j: usize, end: usize) -> Option<usize> {
        if end <= j || self.is_org(end) && self.t.joined(end - 1) {
            return None;
        }
        let (s, e) = (self.t.toks[j].start(), self.t.toks[end - 1].stem_end());
        self.push(s, e, Kind::Person, None);
        Some(end)
    }

    /// Arabic name words from `j`; `cued` allows two unknown words.
    pub(super) fn arabic_name(&mut self, j: usize, cued: bool) -> Option<usize> {
        let n = self.t.len();
        let mut end = j;
        while end < n && end - j < MAX_ARABIC_NAME_WORDS {
            let k = self.key(end);
            let tok = &self.t.toks[end];
            if !tok.arabic || (end > j && !self.t.joined(end - 1)) {
                break;
            }
            if self.is_org(end) || self.title_at(end).is_some() || self.function_word(end) {
                break;
            }
            let pos = end - j;
            // A connector inside a name (`بن`, `آل`) belongs to it when a word follows:
            // `حمد بن عيسى آل خليفة` keeps its family name.
            if pos > 0
                && matches!(k, "بن" | "ابن" | "بنت" | "ال" | "ابو")
                && end + 1 < n
                && self.t.joined(end)
                && self.t.toks[end + 1].arabic
            {
                end += 1;
                continue;
            }
            // After a connector (بن، آل، أبو، عبد) the next word belongs to the name.
            let linked = pos > 0
                && matches!(
                    self.key(end - 1),
                    "بن" | "ابن" | "بنت" | "ال" | "ابو" | "عبد"
                );
            let known = linked || self.namey(k) || self.lx.stat(k).inside > 0;
            let unknown_ok = cued && pos < 2 && !self.common_word(k) && !k.starts_with('و');
            // `بوش وبلير`: a second name joined by و is another person.
            let coordinated = pos > 0
                && k.starts_with('و')
                && k.get('و'.len_utf8()..).is_some_and(|rest| self.namey(rest));
            if coordinated || !(known || unknown_ok) || (pos > 0 && k.starts_with('و') && !known) {
                break;
            }
            end += 1;
        }
        if end == j {
            return None;
        }
        let (s, e) = (self.t.toks[j].start(), self.t.toks[end - 1].end());
        self.push(s, e, Kind::Person, None);
        Some(end)
    }

    /// True when the word after Arabic token `i` may carry on a name that starts there: a
    /// name word or a family link, or an unknown word that is no ordinary one. Arabic has no
    /// capitals, so a given name alone is no cue (`أمين عام`, `حسن النية`): what follows
    /// must look like a name too.
    fn name_word_after(&self, i: usize) -> bool {
        let j = i + 1;
        let Some(tok) = self.t.toks.get(j) else {
            return false;
        };
        if !tok.arabic || !self.t.joined(i) || self.function_word(j) || self.is_org(j) {
            return false;
        }
        if self.title_at(j).is_some() || self.place_at(j).is_some() {
            return false;
        }
        let k = self.key(j);
        if super::AR_FAMILY_LINKS.contains(&k) || matches!(k, "ابو" | "عبد") {
            return true;
        }
        let s = self.lx.stat(k);
        // `و` opens a second clause or person far more often than a name.
        self.namey(k) || (!k.starts_with('و') && s.other < 3 && s.place == 0)
    }

    /// A person without a cue: given name + capitalised words, or a known name.
    pub(super) fn person_at(&mut self, i: usize) -> Option<usize> {
        let tok = &self.t.toks[i];
        let k = self.key(i);
        if tok.arabic {
            if self.function_word(i) {
                return None;
            }
            let s = self.lx.stat(k);
            if self.lx.people_last.contains_key(k) || (s.personish(3) && s.begin >= 2) {
                return self.arabic_name(i, false);
            }
            if self.lx.given.contains(k) && !s.common() && self.name_word_after(i) {
                return self.arabic_name(i, true);
            }
            return None;
        }
        if self.lx.never_a_name(k) {
            return None;
        }
        let text = &self.text[tok.start()..tok.stem_end()];
        let all_caps = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let starts = !all_caps && (self.lx.given.contains(k) || self.lx.stat(k).begin >= 2);
        let end = self.latin_run(i);
        if starts && end >= i + 2 {
            return self.finish_person(i, end);
        }
        let s = self.lx.stat(k);
        if self.lx.people_last.contains_key(k) || (s.personish(3) && s.begin >= 3) {
            let end = self.latin_run(i).max(i + 1);
            let start = self.name_start(i);
            if end == start + 1 && s.common() {
                return None;
            }
            return self.finish_person(start, end);
        }
        None
    }

    /// Where a name ending in a known surname at `i` starts: up to two capitalised words
    /// before it that the scan left alone (`Helmut` of `Helmut Kohl`). A word at the start
    /// of a sentence or clause must itself look like a name, since it is capitalised anyway.
    fn name_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && i - j < 2 {
            let p = j - 1;
            let tok = &self.t.toks[p];
            if !self.t.joined(p) || !tok.cap || tok.arabic || tok.digits || tok.has_suffix() {
                break;
            }
            if self.out.last().is_some_and(|m| m.end > tok.start()) {
                break;
            }
            let k = self.key(p);
            let blocked = self.lx.is_title_first(k)
                || self.is_org(p)
                || self.place_at(p).is_some()
                || self.lx.stat(k).common()
                || self.lx.never_a_name(k)
                || self.lx.weekdays.contains_key(k);
            let mid_sentence = matches!(tok.sep, Sep::Space | Sep::Line);
            if blocked || !(mid_sentence || self.namey(k)) {
                break;
            }
            j = p;
        }
        j
    }
}
