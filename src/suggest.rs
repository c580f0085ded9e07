//! "Did you mean": the candidate nearest a misspelt word, when it is close
//! enough to be a typo. A broken link is compared with every URL of the
//! site, so the search must not be linear in the site for each link:
//! [`Nearest`] sorts the candidates once and shares the work of common
//! prefixes between them.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many edits a word of this many characters may be from a candidate
/// and still be a typo of it.
fn limit(wanted: &str) -> usize {
    (wanted.chars().count() / 5).max(1)
}

/// The candidate closest to `wanted`, when close enough to be a typo (the
/// first in byte order on a tie), and whether it is the only one that
/// close. The candidates compared are taken from `budget`; none are when
/// they would exceed it.
pub fn closest<'c>(
    wanted: &str,
    candidates: impl Iterator<Item = &'c str>,
    budget: &AtomicUsize,
) -> Option<(&'c str, bool)> {
    let limit = limit(wanted);
    let close: Vec<&str> = candidates
        .filter(|c| c.len().abs_diff(wanted.len()) <= limit * 4)
        .collect();
    // Take the comparisons from the run's budget (callers run in parallel),
    // or none when it would run out.
    if !take(budget, close.len()) {
        return None;
    }
    let mut best = Best::default();
    for c in close {
        best.offer(typo_distance(wanted, c), c, limit);
    }
    best.found()
}

/// Take `n` from `budget`, or empty it and say no.
fn take(budget: &AtomicUsize, n: usize) -> bool {
    let taken = budget.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
        left.checked_sub(n)
    });
    if taken.is_err() {
        budget.store(0, Ordering::Relaxed);
    }
    taken.is_ok()
}

/// The nearest candidate so far, and whether another is as near.
#[derive(Default)]
struct Best<'c> {
    best: Option<(usize, &'c str)>,
    unique: bool,
}

impl<'c> Best<'c> {
    fn offer(&mut self, d: usize, c: &'c str, limit: usize) {
        if d > limit || d == 0 {
            return;
        }
        match self.best {
            Some((bd, bc)) if d == bd => {
                self.unique &= bc == c;
                if c < bc {
                    self.best = Some((d, c));
                }
            }
            Some((bd, _)) if d > bd => {}
            _ => {
                self.best = Some((d, c));
                self.unique = true;
            }
        }
    }

    fn found(self) -> Option<(&'c str, bool)> {
        self.best.map(|(_, c)| (c, self.unique))
    }
}

/// A candidate list searched many times, with the answers of [`closest`]:
/// candidates sorted, so that the table rows of a shared prefix are
/// computed once, and a prefix already too far from the word rules out
/// every candidate that starts with it.
pub struct Nearest {
    sorted: Vec<String>,
    /// The candidates in characters, when some are not ASCII.
    chars: Option<Vec<Vec<char>>>,
    /// By last path segment: the one candidate with it, or `None` for
    /// several.
    by_last: OnceLock<HashMap<String, Option<usize>>>,
}

impl Nearest {
    pub fn new<'c>(candidates: impl Iterator<Item = &'c str>) -> Nearest {
        let mut sorted: Vec<String> = candidates.map(str::to_string).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let chars = (!sorted.iter().all(|c| c.is_ascii()))
            .then(|| sorted.iter().map(|c| c.chars().collect()).collect());
        Nearest {
            sorted,
            chars,
            by_last: OnceLock::new(),
        }
    }

    /// The only candidate whose last path segment (trailing slashes aside)
    /// is `last`, if exactly one has it.
    pub fn only_one_ending_with(&self, last: &str) -> Option<&str> {
        let by_last = self.by_last.get_or_init(|| {
            let mut by_last: HashMap<String, Option<usize>> = HashMap::new();
            for (k, c) in self.sorted.iter().enumerate() {
                by_last
                    .entry(last_segment(c).to_string())
                    .and_modify(|e| *e = None)
                    .or_insert(Some(k));
            }
            by_last
        });
        let k = (*by_last.get(last)?)?;
        Some(&self.sorted[k])
    }

    /// What [`closest`] answers for these candidates. The budget counts
    /// table cells here (a candidate ruled out by a prefix it shares with
    /// another costs nothing more).
    pub fn closest(&self, wanted: &str, budget: &AtomicUsize) -> Option<(&str, bool)> {
        let limit = limit(wanted);
        let found = match &self.chars {
            None => {
                // Against ASCII candidates a character outside ASCII is one
                // unit that matches nothing.
                let w: Vec<u8> = wanted
                    .chars()
                    .map(|c| u8::try_from(c).ok().filter(u8::is_ascii).unwrap_or(0xFF))
                    .collect();
                search(
                    &w,
                    self.sorted.len(),
                    |t| self.sorted[t].as_bytes(),
                    limit,
                    budget,
                )
            }
            Some(chars) => {
                let w: Vec<char> = wanted.chars().collect();
                search(&w, chars.len(), |t| &chars[t][..], limit, budget)
            }
        };
        found.map(|(t, unique)| (self.sorted[t].as_str(), unique))
    }
}

/// The nearest of `n` sorted candidates (`get(t)`, in units) within `limit`
/// of `w`, by index, and whether it is the only one that near.
fn search<'c, T: PartialEq + Copy + 'c>(
    w: &[T],
    n: usize,
    get: impl Fn(usize) -> &'c [T],
    limit: usize,
    budget: &AtomicUsize,
) -> Option<(usize, bool)> {
    let left = budget.load(Ordering::Relaxed);
    let m = w.len();
    let width = m + 1;
    // rows[k]: the table row after the first k units of the candidate;
    // mins[k]: its smallest cell.
    let mut rows: Vec<usize> = (0..=m).collect();
    let mut mins: Vec<usize> = vec![0];
    let mut best: Option<(usize, usize)> = None;
    let mut unique = true;
    // Looking for a distance of at most `bound`: the limit, then the best
    // found (a tie still counts: it makes the best not unique).
    let mut bound = limit;
    let mut prev: &[T] = &[];
    let mut cells = 0;
    let mut t = 0;
    'candidates: while t < n {
        let c = get(t);
        let shared = prev.iter().zip(c).take_while(|(x, y)| x == y).count();
        let valid = shared.min(mins.len() - 1);
        cells += (c.len() - valid) * width;
        if cells > left {
            budget.store(0, Ordering::Relaxed);
            return None;
        }
        rows.resize((c.len() + 1) * width, 0);
        mins.truncate(valid + 1);
        for k in valid + 1..=c.len() {
            let (done, row) = rows.split_at_mut(k * width);
            let row = &mut row[..width];
            let one = &done[(k - 1) * width..];
            row[0] = k;
            let mut row_min = k;
            for j in 1..=m {
                let cost = usize::from(c[k - 1] != w[j - 1]);
                let mut d = (one[j] + 1).min(row[j - 1] + 1).min(one[j - 1] + cost);
                if k > 1 && j > 1 && c[k - 1] == w[j - 2] && c[k - 2] == w[j - 1] {
                    d = d.min(done[(k - 2) * width + j - 2] + 1);
                }
                row[j] = d;
                row_min = row_min.min(d);
            }
            mins.push(row_min);
            // Every later cell is at least the smallest of this row, or of
            // the one before plus one (a swap): past the bound, no candidate
            // starting with these k units is near enough.
            if row_min > bound && mins[k - 1] >= bound {
                let prefix = &c[..k];
                t = first_after(t, n, |i| get(i).starts_with(prefix));

                prev = c;
                continue 'candidates;
            }
        }
        let d = rows[c.len() * width + m];
        if d > 0 && d <= bound {
            if best.is_some_and(|(bd, _)| bd == d) {
                unique = false;
            } else {
                (best, unique) = (Some((d, t)), true);
                bound = d;
            }
        }
        prev = c;
        t += 1;
    }
    take(budget, cells);
    best.map(|(_, t)| (t, unique))
}

/// The first index in `start..n` where `shares` is false, given that it
/// holds at `start` and, once false, stays false (a sorted list's prefix).
fn first_after(start: usize, n: usize, shares: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (start + 1, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if shares(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The last segment of a path, trailing slashes aside.
fn last_segment(path: &str) -> &str {
    let path = path.trim_end_matches('/');
    path.rsplit('/').next().unwrap_or(path)
}

/// Edit distance in characters where swapping two neighbours counts as one
/// edit (`intor` → `intro`).
pub fn typo_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Three rows of the table: two back, one back, current.
    let mut two: Vec<usize> = Vec::new();
    let mut one: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (one[j] + 1).min(row[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(two[j - 2] + 1);
            }
            row[j] = best;
        }
        two = std::mem::replace(&mut one, row);
    }
    one[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> AtomicUsize {
        AtomicUsize::new(usize::MAX)
    }

    #[test]
    fn distances() {
        assert_eq!(typo_distance("kitten", "sitting"), 3);
        assert_eq!(typo_distance("ab", "ba"), 1);
        assert_eq!(typo_distance("", "abc"), 3);
    }

    #[test]
    fn closest_knows_when_it_is_alone() {
        let c = ["step-1", "step-2", "intro"];
        let n = Nearest::new(c.into_iter());
        for (wanted, expected) in [
            ("step-3", Some(("step-1", false))),
            ("intor", Some(("intro", true))),
            ("intro", None),
        ] {
            assert_eq!(closest(wanted, c.into_iter(), &all()), expected);
            assert_eq!(n.closest(wanted, &all()), expected);
        }
        // The same candidate twice is one candidate.
        assert_eq!(
            closest("intor", ["intro", "intro"].into_iter(), &all()),
            Some(("intro", true))
        );
        // A nearer one after two farther ones.
        let c = ["abcdefgh", "abcdefgx", "abcdefghix"];
        assert_eq!(
            Nearest::new(c.into_iter()).closest("abcdefghij", &all()),
            Some(("abcdefghix", true))
        );
    }

    #[test]
    fn the_budget_is_shared_and_final() {
        let c = ["intro", "intra", "outro", "a far longer candidate"];
        // The long one is not compared: three candidates.
        let budget = AtomicUsize::new(3);
        assert_eq!(
            closest("intor", c.into_iter(), &budget),
            Some(("intro", true))
        );
        assert_eq!(budget.load(Ordering::Relaxed), 0);
        assert_eq!(closest("intor", c.into_iter(), &budget), None);
        let budget = AtomicUsize::new(2);
        assert_eq!(closest("intor", c.into_iter(), &budget), None);
        assert_eq!(budget.load(Ordering::Relaxed), 0);
        // The index counts table cells: 6 per unit of each candidate here,
        // the shared prefix `intr` computed once.
        let n = Nearest::new(c.into_iter());
        let budget = AtomicUsize::new(1000);
        assert_eq!(n.closest("intor", &budget), Some(("intro", true)));
        let used = 1000 - budget.load(Ordering::Relaxed);
        assert!(used > 0 && used < 6 * (5 + 5 + 5 + 22), "{used}");
        let budget = AtomicUsize::new(used - 1);
        assert_eq!(n.closest("intor", &budget), None);
        assert_eq!(budget.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn close_only() {
        let n = Nearest::new(["/posts/hello-world/", "/posts/other/"].into_iter());
        assert_eq!(
            n.closest("/posts/helo-world/", &all()),
            Some(("/posts/hello-world/", true))
        );
        assert_eq!(n.closest("/about/", &all()), None);
        let one = |c: &str, wanted| {
            let n = Nearest::new([c].into_iter());
            n.closest(wanted, &all()).map(|(c, u)| (c.to_string(), u))
        };
        assert_eq!(one("intro-1", "intro"), None);
        assert_eq!(one("intr", "intro"), Some(("intr".to_string(), true)));
    }

    #[test]
    fn one_ending_with() {
        let n = Nearest::new(["/a/x/", "/b/x/", "/a/y/", "/c/z"].into_iter());
        assert_eq!(n.only_one_ending_with("x"), None);
        assert_eq!(n.only_one_ending_with("y"), Some("/a/y/"));
        assert_eq!(n.only_one_ending_with("z"), Some("/c/z"));
        assert_eq!(n.only_one_ending_with("w"), None);
    }

    proptest::proptest! {
        #[test]
        fn closest_is_the_nearest_within_the_limit(
            wanted in "[ab/]{0,12}|[aé/]{0,6}",
            candidates in proptest::collection::vec("[ab/]{0,12}|[aé]{0,4}", 0..30),
        ) {
            // Every candidate measured with the reference distance.
            let limit = limit(&wanted);
            let mut near: Vec<(usize, &str)> = candidates
                .iter()
                .map(|c| (typo_distance(&wanted, c), c.as_str()))
                .filter(|(d, _)| *d <= limit && *d > 0)
                .collect();
            near.sort_unstable();
            near.dedup();
            let expected = near.first().map(|&(d, c)| {
                (c, near.iter().filter(|(e, _)| *e == d).count() == 1)
            });
            let c = || candidates.iter().map(String::as_str);
            proptest::prop_assert_eq!(closest(&wanted, c(), &all()), expected);
            let n = Nearest::new(c());
            proptest::prop_assert_eq!(n.closest(&wanted, &all()), expected);
        }
    }
}
