//! Fixes. Random edits over a random post: `apply` keeps every byte no
//! edit touches (in order), and `fix_post` hands back a post that parses
//! (when the original did) and reads back, or refuses.
//! Then the real fixes of every rule, to convergence: the result parses
//! (or the file is left as it was) and a second run changes nothing.
//!
//! Input: a control byte `n`, `n` bytes that make the random edits, then
//! the post.

#![no_main]

use arbitrary::Unstructured;
use bloglint::diagnostic::{Edit, Fix};
use bloglint::fix::{self, PostFix};
use bloglint::site;
use bloglint_fuzz::{
    CONTENT_PATHS, NOW, check_post, config, contains_in_order, edits_of, path, site_of,
    untouched_runs,
};
use libfuzzer_sys::fuzz_target;

/// Texts an edit may write: front matter and Markdown syntax, line ends,
/// quotes, multi-byte characters.
const PIECES: [&str; 16] = [
    "",
    "\n",
    "\r\n",
    "---\n",
    "+++",
    "\"",
    "'",
    ": ",
    "# ",
    "[",
    "]",
    "{",
    "}",
    "é",
    "\u{feff}",
    "2024-01-14",
];

fn random_fixes(u: &mut Unstructured, len: usize) -> arbitrary::Result<Vec<Fix>> {
    let mut fixes = Vec::new();
    for _ in 0..u.int_in_range(0..=6)? {
        let mut edits = Vec::new();
        for _ in 0..u.int_in_range(1..=3)? {
            // Positions anywhere, even inside a character or past the end.
            let start = usize::from(u.arbitrary::<u16>()?) % (len + 2);
            let end = start + usize::from(u.int_in_range(0u8..=12)?);
            let text = if u.arbitrary::<bool>()? {
                PIECES[u.choose_index(PIECES.len())?].to_string()
            } else {
                u.arbitrary::<String>()?
            };
            edits.push(Edit {
                range: start..end,
                text,
            });
        }
        fixes.push(Fix::safe("fuzz", edits));
    }
    Ok(fixes)
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let (control, text) = rest.split_at(usize::from(n).min(rest.len()));
    let cp = CONTENT_PATHS[usize::from(n) % CONTENT_PATHS.len()];
    let Ok(post) = site::post_from_bytes(path(cp), cp.to_string(), text.to_vec()) else {
        return;
    };
    let source = post.source.as_str();

    // Random edits.
    let fixes = random_fixes(&mut Unstructured::new(control), source.len()).unwrap_or_default();
    let fixes: Vec<&Fix> = fixes.iter().collect();
    let (out, applied) = fix::apply(source, &fixes);
    assert!(applied <= fixes.len());
    if applied == 0 {
        assert_eq!(out, source);
    }
    if let Err(e) = contains_in_order(&out, &untouched_runs(source, &edits_of(&fixes))) {
        panic!("apply changed bytes outside its edits: {e}\n{source:?}\n{out:?}");
    }
    match fix::fix_post(&post, &fixes) {
        PostFix::Unchanged => assert!(applied == 0 || out == source),
        PostFix::Fixed(fixed, n) => {
            assert_eq!(n, applied);
            assert_eq!(fixed.source.as_str(), out);
            check_post(&fixed);
            assert!(post.front_matter_error.is_some() || fixed.front_matter_error.is_none());
            assert!(site::post_from_bytes(path(cp), cp.to_string(), out.into_bytes()).is_ok());
        }
        PostFix::WouldBreak => {
            let reread = site::post_from_bytes(path(cp), cp.to_string(), out.into_bytes());
            assert!(
                reread.is_err()
                    || (reread.is_ok_and(|p| p.front_matter_error.is_some())
                        && post.front_matter_error.is_none())
            );
        }
    }

    // The rules' own fixes, safe or all.
    let unsafe_fixes = n & 0x80 != 0;
    let mut site = site_of(&[text]);
    let outcome = fix::fix_site(&mut site, &config(), NOW, None, unsafe_fixes);
    let failed = outcome.diagnostics.iter().any(|d| d.rule == fix::FIX_ERROR);
    for (p, before, after) in &outcome.changed {
        assert_ne!(before, after);
        let reread = site::post_from_bytes(p.clone(), cp.to_string(), after.clone().into_bytes())
            .unwrap_or_else(|d| panic!("fixed text does not read back: {}", d.message));
        check_post(&reread);
        let had_error =
            site::post_from_bytes(p.clone(), cp.to_string(), before.clone().into_bytes())
                .map_or(true, |p| p.front_matter_error.is_some());
        assert!(
            had_error || reread.front_matter_error.is_none(),
            "fixing broke the front matter:\n{before:?}\n{after:?}"
        );
        if !failed {
            let mut again = site_of(&[after.as_bytes()]);
            let second = fix::fix_site(&mut again, &config(), NOW, None, unsafe_fixes);
            assert!(
                second.changed.is_empty(),
                "a second run changed the fixed file:\n{after:?}\n{:?}",
                second.changed
            );
        }
    }
});
