//! Zola's slugs (`components/utils/src/slugs.rs` of Zola 0.22.1): what
//! `[slugify] paths`, `taxonomies` and `anchors` make of a file name, a
//! term or a heading's text.
//!
//! - `on` (the default): the `slug` crate 0.1.6, which transliterates each
//!   character with deunicode 1.6.2 (`日本` → `ri-ben`, `é` → `e`, an emoji
//!   to its name, a character deunicode does not know to a separator),
//!   keeps ASCII letters (lower-cased) and digits, and turns every other run
//!   into one `-`, none at either end.
//! - `safe`: paths lose the characters Windows forbids in file names
//!   (`<>:"/\|?*`) after trailing spaces and dots are trimmed; anchors get
//!   each ASCII white-space character turned into `_`, nothing else.
//! - `off`: paths as written; anchors like `safe`.

/// A `[slugify]` strategy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Slugify {
    #[default]
    On,
    Safe,
    Off,
}

impl Slugify {
    /// The strategy a `config.toml` value names (`on`, `safe`, `off`, as
    /// Zola spells them: lower case only).
    pub fn parse(s: &str) -> Option<Slugify> {
        match s {
            "on" => Some(Slugify::On),
            "safe" => Some(Slugify::Safe),
            "off" => Some(Slugify::Off),
            _ => None,
        }
    }
}

/// A file name, `slug` or `path` segment as Zola makes it part of a URL.
pub fn slugify_paths(s: &str, mode: Slugify) -> String {
    match mode {
        Slugify::On => slug(s),
        Slugify::Safe => s
            .trim_end_matches([' ', '.'])
            .chars()
            .filter(|c| !r#"<>:"/\|?*"#.contains(*c))
            .collect(),
        Slugify::Off => s.to_string(),
    }
}

/// A heading's text as Zola makes it an id.
pub fn slugify_anchors(s: &str, mode: Slugify) -> String {
    match mode {
        Slugify::On => slug(s),
        Slugify::Safe | Slugify::Off => s
            .chars()
            .map(|c| if c.is_ascii_whitespace() { '_' } else { c })
            .collect(),
    }
}

/// The `slug` crate's `slugify`: each character transliterated to ASCII
/// (deunicode; `-` for one it does not know), ASCII letters lower-cased and
/// digits kept, every other run one `-`, none leading or trailing.
fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // True at the start: no leading `-`.
    let mut after_dash = true;
    let mut push = |b: u8| {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
            after_dash = false;
        } else if !after_dash {
            out.push('-');
            after_dash = true;
        }
    };
    let mut buf = [0; 4];
    for c in s.chars() {
        let ascii: &str = if c.is_ascii() {
            c.encode_utf8(&mut buf)
        } else {
            deunicode::deunicode_char(c).unwrap_or("-")
        };
        for &b in ascii.as_bytes() {
            push(b);
        }
    }
    if out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_takes_zolas_lower_case_names_only() {
        assert_eq!(Slugify::parse("on"), Some(Slugify::On));
        assert_eq!(Slugify::parse("safe"), Some(Slugify::Safe));
        assert_eq!(Slugify::parse("off"), Some(Slugify::Off));
        assert_eq!(Slugify::parse("On"), None);
        assert_eq!(Slugify::parse("true"), None);
        assert_eq!(Slugify::default(), Slugify::On);
    }

    #[test]
    fn the_slug_crate_runs_transliterates_and_trims() {
        // The `slug` crate 0.1.6's own examples.
        for (input, want) in [
            ("My Test String!!!1!1", "my-test-string-1-1"),
            ("test\nit   now!", "test-it-now"),
            ("  --test_-_cool", "test-cool"),
            ("Æúű--cool?", "aeuu-cool"),
            ("You & Me", "you-me"),
            ("user@example.com", "user-example-com"),
            ("", ""),
            ("!!!", ""),
        ] {
            assert_eq!(slug(input), want, "{input:?}");
        }
    }

    #[test]
    fn modes_differ_as_zola_documents_them() {
        // input, (paths: on, safe, off), (anchors: on, safe/off)
        for (input, paths, anchors) in [
            ("tes t", ("tes-t", "tes t", "tes t"), ("tes-t", "tes_t")),
            ("dot. ", ("dot", "dot", "dot. "), ("dot", "dot._")),
            ("日本", ("ri-ben", "日本", "日本"), ("ri-ben", "日本")),
            (
                "a<b>:c|d?*",
                ("a-b-c-d", "abcd", "a<b>:c|d?*"),
                ("a-b-c-d", "a<b>:c|d?*"),
            ),
            (
                "tab\there",
                ("tab-here", "tab\there", "tab\there"),
                ("tab-here", "tab_here"),
            ),
        ] {
            assert_eq!(slugify_paths(input, Slugify::On), paths.0, "{input:?}");
            assert_eq!(slugify_paths(input, Slugify::Safe), paths.1, "{input:?}");
            assert_eq!(slugify_paths(input, Slugify::Off), paths.2, "{input:?}");
            assert_eq!(slugify_anchors(input, Slugify::On), anchors.0, "{input:?}");
            assert_eq!(
                slugify_anchors(input, Slugify::Safe),
                anchors.1,
                "{input:?}"
            );
            assert_eq!(slugify_anchors(input, Slugify::Off), anchors.1, "{input:?}");
        }
    }
}
