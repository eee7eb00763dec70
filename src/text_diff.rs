//! The difference between two versions of a text as one splice, and where a cursor goes when
//! someone else's edit lands: pure, so the text field's rules are tested natively.

/// The difference between two texts as one splice: (char position, chars removed, inserted).
pub fn splice_between(old: &str, new: &str) -> Option<(usize, usize, String)> {
    if old == new {
        return None;
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars.iter().zip(&new_chars).take_while(|(a, b)| a == b).count();
    let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars.iter().rev().zip(new_chars.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count();
    let removed = old_chars.len() - prefix - suffix;
    let inserted: String = new_chars[prefix..new_chars.len() - suffix].iter().collect();
    Some((prefix, removed, inserted))
}

/// Where a cursor at `cursor` (chars) should be after `old` became `new` by someone else.
pub fn moved_cursor(old: &str, new: &str, cursor: usize) -> usize {
    match splice_between(old, new) {
        Some((pos, removed, inserted)) if pos < cursor => {
            let inserted = inserted.chars().count();
            if cursor <= pos + removed {
                pos + inserted
            } else {
                cursor + inserted - removed
            }
        }
        _ => cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_is_one_splice() {
        assert_eq!(splice_between("Dagordning", "Dagordningen"), Some((10, 0, "en".into())));
        assert_eq!(splice_between("abc", "ac"), Some((1, 1, String::new())));
        assert_eq!(splice_between("åäö", "åXö"), Some((1, 1, "X".into())));
        assert_eq!(splice_between("aaa", "aaaa"), Some((3, 0, "a".into())));
        assert_eq!(splice_between("same", "same"), None);
    }

    #[test]
    fn the_cursor_follows_a_remote_insert_before_it() {
        assert_eq!(moved_cursor("hello", "XXhello", 3), 5);
        assert_eq!(moved_cursor("hello", "helloXX", 3), 3);
        assert_eq!(moved_cursor("hello", "hlo", 4), 2);
    }
}
