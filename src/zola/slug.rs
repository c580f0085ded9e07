//! Zola's slugs (a stub: the real module comes from the zola-text branch).

/// `[slugify]` strategies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Slugify {
    #[default]
    On,
    Safe,
    Off,
}

impl Slugify {
    pub fn parse(s: &str) -> Option<Slugify> {
        match s {
            "on" => Some(Slugify::On),
            "safe" => Some(Slugify::Safe),
            "off" => Some(Slugify::Off),
            _ => None,
        }
    }
}

/// A path segment's slug (stub: ASCII only).
pub fn slugify_paths(s: &str, mode: Slugify) -> String {
    match mode {
        Slugify::On => ascii_slug(s),
        Slugify::Safe | Slugify::Off => s.to_string(),
    }
}

/// A heading's anchor slug (stub: ASCII only).
pub fn slugify_anchors(s: &str, mode: Slugify) -> String {
    match mode {
        Slugify::On => ascii_slug(s),
        Slugify::Safe | Slugify::Off => s.replace(|c: char| c.is_ascii_whitespace(), "_"),
    }
}

fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}
