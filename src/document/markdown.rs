//! The Markdown outline of a post: headings, links, images, reference
//! definitions, `ref`/`relref` shortcodes and bloglint suppression comments.
//! Parsed once with pulldown-cmark; every span is a byte range of the whole file.

use std::ops::Range;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub refs: Vec<RefShortcode>,
    pub suppressions: Vec<Suppression>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's plain text (what Hugo feeds its id generator).
    pub text: String,
    /// The whole heading, markers included (for setext: both lines).
    pub span: Range<usize>,
    /// The `#`s of an ATX heading, or the underline of a setext one.
    pub marker_span: Range<usize>,
    pub setext: bool,
    /// An explicit `{#id}` attribute.
    pub custom_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Link,
    Image,
    /// `[label]: dest` reference definition.
    Definition,
    /// `<https://...>`.
    Autolink,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub kind: LinkKind,
    /// The destination as written (unescaped by the Markdown parser).
    pub dest: String,
    /// The bytes of the destination in the file; for a reference link, the
    /// destination in its definition.
    pub dest_span: Range<usize>,
    /// The whole link or image.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefShortcode {
    /// `ref` or `relref`.
    pub name: String,
    /// The target argument, e.g. `posts/a.md#intro`.
    pub target: String,
    /// The target argument's bytes, quotes excluded.
    pub target_span: Range<usize>,
    /// The whole shortcode, `{{<` to `>}}`.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// `<!-- bloglint-disable-next-line rule -->`
    NextLine,
    /// `<!-- bloglint-disable rule -->`
    Disable,
    /// `<!-- bloglint-enable rule -->`
    Enable,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// Rule names; empty means every rule.
    pub rules: Vec<String>,
    pub span: Range<usize>,
}

impl Outline {
    /// Parse the body of `source`, which starts at `body_start`.
    pub fn parse(source: &str, body_start: usize) -> Outline {
        let _ = (source, body_start);
        Outline::default()
    }
}
