//! Small text helpers shared by rules.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("/posts/a/", "/posts/a/"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("/post/a/", "/posts/a/"), 1);
        assert_eq!(edit_distance("/tags/café/", "/tags/cafe/"), 1);
    }
}
