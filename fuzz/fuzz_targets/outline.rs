//! The Markdown outline: headings, links, reference definitions, ref
//! shortcodes, suppression comments and heading ids. No panic, every span
//! slices the body, ids come one per heading.

#![no_main]

use bloglint::document::markdown::Outline;
use bloglint::hugo::config::AutoIdType;
use bloglint::hugo::heading_id;
use bloglint_fuzz::check_outline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first two bytes choose where the body starts (anywhere, even
    // inside a character: the parser must cope).
    let (start, text) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), rest),
        _ => (0, data),
    };
    let source = String::from_utf8_lossy(text);
    let body_start = start % (source.len() + 1);
    let outline = Outline::parse(&source, body_start);
    if source.is_char_boundary(body_start) {
        check_outline(&source, body_start, &outline);
    } else {
        assert_eq!(outline, Outline::default());
    }
    for kind in [
        AutoIdType::Github,
        AutoIdType::GithubAscii,
        AutoIdType::Blackfriday,
    ] {
        let (ids, terms) = heading_id::page_ids(&outline.headings, &outline.definition_terms, kind);
        assert_eq!(ids.len(), outline.headings.len());
        assert!(terms.len() <= outline.definition_terms.len());
        for (h, id) in outline.headings.iter().zip(&ids) {
            if h.custom_id.is_none() && !id.is_empty() {
                assert!(!id.contains(char::is_whitespace), "{id:?}");
            }
        }
    }
});
