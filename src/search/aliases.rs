//! The name-alias table (`assets/aliases.tsv`): spellings of one place in Latin and Arabic
//! script that no consonant skeleton links (Moskova / موسكو, Mısır / مصر).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold_str;

/// The table, embedded: one group per line, names separated by TABs, `#` comments.
const TABLE: &str = include_str!("../../assets/aliases.tsv");

/// Shortest folded name (in bytes) that is looked up; shorter terms are still being typed.
const MIN_LEN: usize = 3;

/// Folded names and, for each, the groups it belongs to.
struct Table {
    groups: Vec<Vec<String>>,
    by_name: HashMap<String, Vec<u32>>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| parse(TABLE))
}

fn parse(text: &str) -> Table {
    let mut groups = Vec::new();
    let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        // Group ids are u32; the bundled table has a few hundred lines.
        let Ok(id) = u32::try_from(groups.len()) else {
            break;
        };
        let mut names: Vec<String> = Vec::new();
        for name in line.split('\t').map(fold_str) {
            if !name.is_empty() && !names.contains(&name) {
                by_name.entry(name.clone()).or_default().push(id);
                names.push(name);
            }
        }
        groups.push(names);
    }
    Table { groups, by_name }
}

/// The other folded spellings of a folded name, from every group that lists it; empty when
/// the name is not in the table.
pub fn expand(folded: &str) -> Vec<String> {
    if folded.len() < MIN_LEN {
        return Vec::new();
    }
    let table = table();
    let Some(ids) = table.by_name.get(folded) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for &id in ids {
        for name in &table.groups[id as usize] {
            if name != folded && !out.contains(name) {
                out.push(name.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::expand;
    use crate::text::fold_str;

    #[test]
    fn places_meet_across_scripts() {
        assert!(expand("moskova").contains(&fold_str("موسكو")));
        assert!(expand(&fold_str("موسكو")).contains(&"moskova".to_string()));
        assert!(expand("ankara").contains(&fold_str("أنقرة")));
    }

    #[test]
    fn unknown_and_short_names_expand_to_nothing() {
        assert!(expand("qqqzz").is_empty());
        assert!(expand("an").is_empty());
    }
}
