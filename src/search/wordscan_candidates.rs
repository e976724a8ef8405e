//! Which items a search looks at, from the marks of [`LineFilter`]: every item before the
//! lines, and the lines some term of each group reaches.

use super::LineFilter;

impl LineFilter {
    /// The ids to look at when no earlier results narrow the search, of `items` in all:
    /// every item before the lines, then the lines that can match ([`LineFilter::may_match`]).
    pub fn candidates(&self, items: usize) -> Vec<u32> {
        let first = self.first.min(items);
        // The index keeps fewer than u32::MAX items (it stops adding at that point).
        let all = u32::try_from(items).unwrap_or(u32::MAX);
        if self.every_line_may_match() {
            // A short term read from each line's words (`a`): no line is passed over, and
            // half a million ids are laid out without asking each.
            return (0..all).collect();
        }
        let mut ids: Vec<u32> = (0..first).filter_map(|id| u32::try_from(id).ok()).collect();
        let lines = items - first;
        match self.only_marks() {
            // One term, its lines all marked: the marks alone say which may match (a pass
            // over a byte a line, not the test of every group and term of 4 million lines).
            Some(marks) => {
                let marked = marks
                    .iter()
                    .take(lines)
                    .enumerate()
                    .filter(|&(_, &m)| m != 0);
                ids.extend(marked.filter_map(|(line, _)| u32::try_from(first + line).ok()));
            }
            None => {
                let may = (0..lines).filter(|&line| self.line_may_match(line));
                ids.extend(may.filter_map(|line| u32::try_from(first + line).ok()));
            }
        }
        ids
    }

    /// The marks of the query's one term, when it is the only one covering lines, is not
    /// negated and is not read from each line's words: a line may match when it is marked.
    fn only_marks(&self) -> Option<&[u8]> {
        let [terms] = self.groups.as_slice() else {
            return None;
        };
        let [t] = terms.as_slice() else {
            return None;
        };
        (!t.negated && t.scan.is_none()).then_some(t.marks.as_slice())
    }

    /// True when line `id` can match: some term of each group covering lines reaches it
    /// (or does not have to, being negated). Lines that cannot are not worth a look.
    pub fn may_match(&self, id: u32) -> bool {
        match (id as usize).checked_sub(self.first) {
            Some(line) => self.line_may_match(line),
            None => true,
        }
    }

    /// True when [`LineFilter::line_may_match`] says yes to every line whatever its
    /// marks: each group has a term read from each line's words, or negated.
    fn every_line_may_match(&self) -> bool {
        !self.groups.is_empty()
            && self
                .groups
                .iter()
                .all(|terms| terms.iter().any(|t| t.negated || t.scan.is_some()))
    }

    fn line_may_match(&self, line: usize) -> bool {
        !self.groups.is_empty()
            && self.groups.iter().all(|terms| {
                terms.iter().any(|t| {
                    t.negated || t.scan.is_some() || t.marks.get(line).is_some_and(|&m| m != 0)
                })
            })
    }
}
