//! Applying fixes: splice non-overlapping byte edits into the original text,
//! re-lint, repeat until nothing changes; never keep a fix that breaks the
//! file's front matter.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::document::Post;
use crate::site::Site;

/// Passes of lint-and-fix before giving up on convergence.
pub const MAX_PASSES: usize = 10;

/// The pseudo-rule under which failed fixes are reported.
pub const FIX_ERROR: &str = "fix-error";

/// Apply the fixes to `source`: sorted by position, a fix is applied whole or
/// skipped when one of its edits overlaps an edit already taken. Returns the
/// new text and how many fixes were applied.
pub fn apply(source: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut order: Vec<&Fix> = fixes.to_vec();
    order.sort_by_key(|f| f.edits.iter().map(|e| (e.range.start, e.range.end)).min());
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in order {
        let valid = fix.edits.iter().all(|e| {
            e.range.start <= e.range.end
                && e.range.end <= source.len()
                && source.is_char_boundary(e.range.start)
                && source.is_char_boundary(e.range.end)
        });
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| overlaps(t, e)) || fix.edits[..i].iter().any(|o| overlaps(o, e))
        });
        if valid && !clashes {
            taken.extend(fix.edits.iter());
            applied += 1;
        }
    }
    taken.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for e in taken {
        out.push_str(&source[at..e.range.start]);
        out.push_str(&e.text);
        at = e.range.end;
    }
    out.push_str(&source[at..]);
    (out, applied)
}

/// Two edits clash when their ranges overlap, or when both insert at the
/// same place (their order would be a guess).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    a.range.start < b.range.end && b.range.start < a.range.end || a.range.start == b.range.start
}

/// What applying fixes to one post gives.
#[derive(Debug)]
pub enum PostFix {
    /// No fix applied, or the text came out the same.
    Unchanged,
    /// The fixed post, and how many fixes it took.
    Fixed(Box<Post>, usize),
    /// The fixed text would not parse (or not read: a NUL byte near the
    /// top) where the original did: the post must stay as it is.
    WouldBreak,
}

/// Apply `fixes` to one post (see [`apply`]) and parse the result; a
/// result that would break a front matter that parsed, or make the file
/// one bloglint cannot read back, is refused.
pub fn fix_post(post: &Post, fixes: &[&Fix]) -> PostFix {
    let (text, n) = apply(&post.source, fixes);
    if n == 0 || text == *post.source {
        return PostFix::Unchanged;
    }
    let fixed = match crate::site::post_from_bytes(
        post.path.clone(),
        post.content_path.clone(),
        text.into_bytes(),
    ) {
        Ok(fixed) => fixed,
        Err(_) => return PostFix::WouldBreak,
    };
    if fixed.front_matter_error.is_some() && post.front_matter_error.is_none() {
        return PostFix::WouldBreak;
    }
    PostFix::Fixed(Box::new(fixed), n)
}

/// The result of fixing a site in memory.
pub struct Outcome {
    /// Files whose text changed: path, original text, fixed text.
    pub changed: Vec<(PathBuf, String, String)>,
    /// What is left to report after fixing, failures included.
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied in all.
    pub applied: usize,
}

/// Whether a diagnostic's fix may be applied.
pub fn applicable(d: &Diagnostic, unsafe_fixes: bool) -> Option<&Fix> {
    d.fix
        .as_ref()
        .filter(|f| unsafe_fixes || f.applicability == Applicability::Safe)
}

/// Fix the posts of `site` in memory: lint, apply, re-lint, until nothing
/// changes or [`MAX_PASSES`]. A file whose fixed text no longer parses keeps
/// its text, and the failure is reported.
pub fn fix_site(
    site: &mut Site,
    config: &Config,
    now: i64,
    only: Option<&HashSet<PathBuf>>,
    unsafe_fixes: bool,
) -> Outcome {
    let originals: BTreeMap<PathBuf, String> = site
        .posts
        .iter()
        .filter(|p| only.is_none_or(|o| o.contains(&p.path)))
        .map(|p| (p.path.clone(), p.source.to_string()))
        .collect();
    let mut frozen: HashSet<PathBuf> = HashSet::new();
    let mut failures: Vec<Diagnostic> = Vec::new();
    let mut applied = 0;
    let mut converged = false;
    for _ in 0..MAX_PASSES {
        let diags = crate::lint(site, config, now, only);
        let mut by_file: BTreeMap<&PathBuf, Vec<&Fix>> = BTreeMap::new();
        for d in &diags {
            if let Some(f) = applicable(d, unsafe_fixes)
                && !frozen.contains(&d.path)
            {
                by_file.entry(&d.path).or_default().push(f);
            }
        }
        if by_file.is_empty() {
            converged = true;
            break;
        }
        let mut replacements = Vec::new();
        for (path, fixes) in by_file {
            let Some(post) = site.post(path) else {
                continue;
            };
            match fix_post(post, &fixes) {
                PostFix::Unchanged => {}
                PostFix::WouldBreak => {
                    failures.push(
                        Diagnostic::new(
                            FIX_ERROR,
                            Severity::Error,
                            0..0,
                            "fixing this file would break its front matter; it was left as it is",
                        )
                        .in_file(post.path.clone()),
                    );
                    frozen.insert(post.path.clone());
                }
                PostFix::Fixed(fixed, n) => {
                    applied += n;
                    replacements.push(*fixed);
                }
            }
        }
        if replacements.is_empty() {
            converged = true;
            break;
        }
        for post in replacements {
            site.replace(post);
        }
    }
    let mut diagnostics = crate::lint(site, config, now, only);
    if !converged {
        for path in originals.keys() {
            if diagnostics
                .iter()
                .any(|d| d.path == *path && applicable(d, unsafe_fixes).is_some())
            {
                failures.push(
                    Diagnostic::new(
                        FIX_ERROR,
                        Severity::Error,
                        0..0,
                        format!("fixes did not converge after {MAX_PASSES} passes"),
                    )
                    .in_file(path.clone()),
                );
            }
        }
    }
    diagnostics.extend(failures);
    crate::sort(&mut diagnostics);
    let changed = originals
        .into_iter()
        .filter_map(|(path, original)| {
            let now_text = site.post(&path)?.source.to_string();
            (now_text != original).then_some((path, original, now_text))
        })
        .collect();
    Outcome {
        changed,
        diagnostics,
        applied,
    }
}

/// A unified diff of one file's change, as `--diff` prints it.
pub fn unified_diff(path: &std::path::Path, before: &str, after: &str) -> String {
    let name = path.display().to_string();
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&name, &name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: std::ops::Range<usize>, text: &str) -> Edit {
        Edit {
            range,
            text: text.into(),
        }
    }

    #[test]
    fn applies_sorted_and_skips_overlaps() {
        let src = "abcdefgh";
        let f1 = Fix::safe("", vec![edit(6..8, "GH")]);
        let f2 = Fix::safe("", vec![edit(0..2, "AB")]);
        let f3 = Fix::safe("", vec![edit(1..3, "xx")]); // overlaps f2
        let f4 = Fix::safe("", vec![edit(4..4, "+")]);
        let (out, n) = apply(src, &[&f1, &f2, &f3, &f4]);
        assert_eq!(out, "ABcd+efGH");
        assert_eq!(n, 3);
    }

    #[test]
    fn a_fix_is_all_or_nothing() {
        let src = "0123456789";
        let a = Fix::safe("", vec![edit(2..4, "x")]);
        let b = Fix::safe("", vec![edit(6..7, "y"), edit(3..5, "z")]);
        let (out, n) = apply(src, &[&a, &b]);
        assert_eq!((out.as_str(), n), ("01x456789", 1));
    }

    fn post(src: &str) -> Post {
        Post::parse("a.md".into(), "posts/a.md".into(), src.into())
    }

    #[test]
    fn a_fix_that_breaks_the_front_matter_or_the_file_is_refused() {
        let p = post("---\ntitle: a\n---\nbody\n");
        let ok = Fix::safe("", vec![edit(11..12, "b")]);
        let breaks = Fix::safe("", vec![edit(11..12, "[b")]);
        let nul = Fix::safe("", vec![edit(16..16, "\0")]);
        match fix_post(&p, &[&ok]) {
            PostFix::Fixed(fixed, 1) => assert_eq!(fixed.source, "---\ntitle: b\n---\nbody\n"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(fix_post(&p, &[&breaks]), PostFix::WouldBreak));
        assert!(matches!(fix_post(&p, &[&nul]), PostFix::WouldBreak));
        assert!(matches!(fix_post(&p, &[]), PostFix::Unchanged));
        // A front matter already broken may stay broken.
        let broken = post("---\ntitle: [a\n---\n");
        let fix = Fix::safe("", vec![edit(0..0, "\n")]);
        assert!(matches!(fix_post(&broken, &[&fix]), PostFix::Fixed(_, 1)));
    }

    #[test]
    fn bad_ranges_are_skipped() {
        let src = "é";
        let a = Fix::safe("", vec![edit(1..2, "x")]);
        let b = Fix::safe("", vec![edit(0..9, "x")]);
        assert_eq!(apply(src, &[&a, &b]), ("é".to_string(), 0));
    }
}
