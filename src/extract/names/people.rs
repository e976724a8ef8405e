//! The person rules of [`Scan`]: names after title cues, given name + capitalised words,
//! known names, Arabic name words.

use super::{MAX_PERSON_WORDS, Scan};
use crate::extract::Kind;

impl Scan<'_> {
    /// Arabic function words that fold onto names (على -> علي).
    pub(super) fn function_word(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        super::is_function_word(&self.text[t.start..t.end])
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
        if !self.t.toks[j].cap {
            return None;
        }
        let end = self.latin_run(j);
        if end == j + 1 && self.place_at(j).is_some() && !self.namey(self.key(j)) {
            return None;
        }
        self.finish_person(j, end)
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
        let (s, e) = (self.t.toks[j].start, self.t.toks[end - 1].stem_end);
        self.push(s, e, Kind::Person, None);
        Some(end)
    }

    /// Arabic name words from `j`; `cued` allows two unknown words.
    pub(super) fn arabic_name(&mut self, j: usize, cued: bool) -> Option<usize> {
        let n = self.t.len();
        let mut end = j;
        while end < n && end - j < MAX_PERSON_WORDS {
            let k = self.key(end);
            let tok = &self.t.toks[end];
            if !tok.arabic || (end > j && !self.t.joined(end - 1)) {
                break;
            }
            if self.lx.org_heads.contains(k)
                || self.title_at(end).is_some()
                || self.function_word(end)
            {
                break;
            }
            let known = self.namey(k) || self.lx.stat(k).inside > 0;
            let pos = end - j;
            let unknown_ok = cued && pos < 2 && !self.common_word(k) && !k.starts_with('و');
            if !(known || unknown_ok) || (pos > 0 && k.starts_with('و') && !known) {
                break;
            }
            end += 1;
        }
        if end == j {
            return None;
        }
        let (s, e) = (self.t.toks[j].start, self.t.toks[end - 1].end);
        self.push(s, e, Kind::Person, None);
        Some(end)
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
            return None;
        }
        let text = &self.text[tok.start..tok.stem_end];
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
            return self.finish_person(i, end);
        }
        None
    }
}
