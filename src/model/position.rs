//! Order keys (ordningsnycklar) for lists people reorder: agenda items, later deliverables and notes.
//!
//! An item's place is a string key compared lexicographically, so a move writes one field of one
//! item. Concurrent moves of different items, and a move concurrent with an edit of the moved
//! item's text, therefore both survive a merge (a list delete+insert would lose the edit).
//! Keys are base-26 fractions written with 'a'..='z' ('a' = 0) that never end in 'a', so there is
//! always room between two distinct keys.

const DIGITS: u8 = 26;

fn digit(key: &[u8], i: usize) -> u8 {
    key.get(i).map_or(0, |c| c.saturating_sub(b'a').min(DIGITS - 1))
}

/// A key strictly between `before` and `after` (`None` = the start or end of the list).
///
/// Returns `None` when there is no room, i.e. `before >= after` — that happens only when two
/// people concurrently gave items the same key; the caller then renumbers with [`spread`].
pub fn between(before: Option<&str>, after: Option<&str>) -> Option<String> {
    let a = before.unwrap_or("").as_bytes();
    if let Some(b) = after {
        if a >= b.as_bytes() || !is_valid(b) {
            return None;
        }
    }
    if !is_valid_or_empty(a) {
        return None;
    }
    let mut out = Vec::new();
    let mut upper = after.map(str::as_bytes);
    let mut i = 0;
    loop {
        let da = digit(a, i);
        let db = match upper {
            Some(b) => digit(b, i),
            None => DIGITS,
        };
        if da == db {
            out.push(b'a' + da);
        } else if db - da >= 2 {
            out.push(b'a' + (da + db) / 2);
            break;
        } else {
            // Adjacent digits: keep `da` and find room above the rest of `a`.
            out.push(b'a' + da);
            upper = None;
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// `n` evenly spaced keys in ascending order, for a new list or to renumber one.
pub fn spread(n: usize) -> Vec<String> {
    let mut width = 1u32;
    while (DIGITS as u128).pow(width) <= n as u128 + 1 {
        width += 1;
    }
    let space = (DIGITS as u128).pow(width);
    (1..=n as u128)
        .map(|i| {
            let mut value = i * space / (n as u128 + 1);
            let mut digits = vec![b'a'; width as usize];
            for d in digits.iter_mut().rev() {
                *d = b'a' + (value % DIGITS as u128) as u8;
                value /= DIGITS as u128;
            }
            while digits.last() == Some(&b'a') {
                digits.pop();
            }
            String::from_utf8(digits).unwrap_or_default()
        })
        .collect()
}

fn is_valid_or_empty(key: &[u8]) -> bool {
    key.iter().all(u8::is_ascii_lowercase) && key.last() != Some(&b'a')
}

fn is_valid(key: &str) -> bool {
    !key.is_empty() && is_valid_or_empty(key.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(before: Option<&str>, after: Option<&str>) {
        let key = between(before, after).expect("room");
        assert!(is_valid(&key), "{key:?}");
        if let Some(b) = before {
            assert!(b < key.as_str(), "{b:?} < {key:?}");
        }
        if let Some(a) = after {
            assert!(key.as_str() < a, "{key:?} < {a:?}");
        }
    }

    #[test]
    fn between_table() {
        check(None, None);
        check(Some("n"), None);
        check(None, Some("n"));
        check(None, Some("b"));
        check(Some("m"), Some("n"));
        check(Some("mz"), Some("n"));
        check(Some("z"), None);
        check(Some("zzz"), None);
        check(Some("b"), Some("bb"));
        check(Some("ab"), Some("b"));
    }

    #[test]
    fn no_room_between_equal_keys() {
        assert_eq!(between(Some("n"), Some("n")), None);
        assert_eq!(between(Some("t"), Some("n")), None);
    }

    #[test]
    fn repeated_inserts_at_the_front_and_middle_stay_ordered() {
        let mut keys = vec![between(None, None).unwrap()];
        for _ in 0..200 {
            let k = between(None, Some(&keys[0])).unwrap();
            keys.insert(0, k);
            let k = between(Some(&keys[0]), Some(&keys[1])).unwrap();
            keys.insert(1, k);
        }
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn spread_is_ordered_and_valid() {
        for n in [0, 1, 2, 25, 26, 700, 1000] {
            let keys = spread(n);
            assert_eq!(keys.len(), n);
            assert!(keys.iter().all(|k| is_valid(k)), "n={n}");
            assert!(keys.windows(2).all(|w| w[0] < w[1]), "n={n}");
        }
    }
}
