//! The Markdown outline of a post: headings, links, images, reference
//! definitions, `ref`/`relref` shortcodes and bloglint suppression comments;
//! and what other pages' links need from its text (see [`super::scan`]).
//! Parsed once with pulldown-cmark; every span is a byte range of the whole file.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, RefDefs, Tag, TagEnd};

pub use super::scan::MarkdownShortcode;
use super::scan::{attribute_ids, definition_terms, html_ids, markdown_shortcodes, named_arg};

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub refs: Vec<RefShortcode>,
    pub suppressions: Vec<Suppression>,
    /// The Markdown-notation shortcodes (`{{% name "x" %}}`), in order: the
    /// pages the post includes, and what may write ids bloglint cannot see.
    pub includes: Vec<MarkdownShortcode>,
    /// The ids of `{#x}` attribute blocks ending a line.
    pub attribute_ids: Vec<String>,
    /// The `id="x"` and `name="x"` attributes of the raw HTML.
    pub html_ids: Vec<String>,
    /// The definition list terms: where each starts in the file and its
    /// plain text, in order (ids with `autoDefinitionTermID`, generated
    /// with the headings' as configured).
    pub definition_terms: Vec<(usize, String)>,
    /// Images in every form the reader sees (`image-alt`): Markdown images,
    /// `<img>` tags, `figure` shortcodes, in order.
    #[serde(default)]
    pub images: Vec<Image>,
}

/// How an image is written.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageForm {
    /// `![alt](x.png)`, `![alt][ref]`.
    Markdown,
    /// An `<img>` tag.
    Html,
    /// Hugo's `{{< figure >}}` shortcode.
    Figure,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Image {
    pub form: ImageForm,
    /// The whole image: `![…](…)`, the `<img …>` tag, the shortcode.
    pub span: Range<usize>,
    /// The alternative text as written: a Markdown image's plain text (may
    /// be empty), an `<img>`'s `alt` attribute (`None` without one), a
    /// figure's `alt` or else its `caption` (`None` when both are missing
    /// or empty: Hugo's figure then writes no `alt`).
    pub alt: Option<String>,
    /// An `<img>` that names itself decorative or labels itself otherwise
    /// (`role="presentation"`/`"none"`, `aria-hidden="true"`,
    /// `aria-label`, `aria-labelledby`), or one written with template code
    /// in the tag. For a Markdown image: a kramdown span attribute list
    /// right after it sets `alt` (`![](x.png){: alt="…"}`).
    pub labelled: bool,
    /// In raw HTML of a Markdown file (an `<img>` tag, or a `{{< >}}`
    /// figure inside an HTML block): Hugo keeps it only with
    /// `markup.goldmark.renderer.unsafe`.
    pub in_raw_html: bool,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The heading's plain text, as Hugo feeds its id generator: text and
    /// inline code with the markup dropped, lines joined by `\n`, `--` and
    /// `---` turned into dashes by the typographer, numeric character
    /// references left as written.
    pub text: String,
    /// The whole heading, markers included (for setext: both lines).
    pub span: Range<usize>,
    /// The `#`s of an ATX heading, or the underline of a setext one.
    pub marker_span: Range<usize>,
    pub setext: bool,
    /// An explicit `{#id}` (or `{id="…"}`) attribute; `{#}` gives `""`.
    pub custom_id: Option<String>,
    /// When the typographer replaced something in the heading: `text` with
    /// [`EN_DASH`], [`EM_DASH`] and [`ELLIPSIS`] where it did, for sites
    /// that configure other replacements (`text` has Hugo's defaults).
    pub typographic: Option<String>,
}

/// Where the typographer replaced `--` in [`Heading::typographic`].
pub const EN_DASH: char = '\u{E000}';
/// Where it replaced `---`.
pub const EM_DASH: char = '\u{E001}';
/// Where it replaced `...`.
pub const ELLIPSIS: char = '\u{E002}';

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Link,
    Image,
    /// `[label]: dest` reference definition.
    Definition,
    /// `<https://...>`.
    Autolink,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
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

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct RefShortcode {
    /// `ref` or `relref`.
    pub name: String,
    /// The target argument, e.g. `posts/a.md#intro`.
    pub target: String,
    /// The target argument's bytes, quotes excluded.
    pub target_span: Range<usize>,
    /// The whole shortcode, `{{<` to `>}}`.
    pub span: Range<usize>,
    /// Its `lang=` named argument, if any.
    pub lang: Option<String>,
    /// Written `{{< >}}` inside raw HTML of the Markdown (an HTML comment or
    /// block): Hugo only runs it when it keeps raw HTML
    /// (`markup.goldmark.renderer.unsafe`).
    pub in_raw_html: bool,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// `<!-- bloglint-disable-next-line rule -->`
    NextLine,
    /// `<!-- bloglint-disable rule -->`
    Disable,
    /// `<!-- bloglint-enable rule -->`
    Enable,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// Rule names; empty means every rule.
    pub rules: Vec<String>,
    pub span: Range<usize>,
}

impl Outline {
    /// The outline of an HTML content file (`content/x.html`), whose body
    /// Hugo publishes as it is, shortcodes run: its `ref`s, the `id`s of
    /// its HTML and suppression comments; no Markdown.
    pub fn html(source: &str, body_start: usize) -> Outline {
        let (refs, mut images) = shortcodes(source, body_start);
        images.extend(html_images(
            source.get(body_start..).unwrap_or_default(),
            body_start,
            false,
        ));
        images.sort_by_key(|i| i.span.start);
        drop_commented(&mut images, source, body_start);
        let mut out = Outline {
            refs,
            images,
            html_ids: html_ids(source.get(body_start..).unwrap_or_default()),
            ..Outline::default()
        };
        let mut builder = Builder::new(source, body_start);
        builder.comments(body_start.min(source.len())..source.len());
        out.suppressions = builder.out.suppressions;
        out.headings = html_headings(source, body_start);
        out
    }

    /// Parse the body of `source`, which starts at `body_start`.
    pub fn parse(source: &str, body_start: usize) -> Outline {
        let Some(body) = source.get(body_start..) else {
            return Outline::default();
        };
        let mut builder = Builder::new(source, body_start);
        let mut events = Parser::new_ext(body, options()).into_offset_iter();
        builder.definitions(events.reference_definitions());
        while let Some((event, range)) = events.next() {
            let range = range.start + body_start..range.end + body_start;
            builder.event(event, range, events.reference_definitions());
        }
        builder.finish()
    }
}

/// Goldmark as Hugo configures it by default.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

struct Builder<'s> {
    source: &'s str,
    /// Where the body starts: pulldown's ranges are shifted by it.
    offset: usize,
    out: Outline,
    heading: Option<OpenHeading>,
    /// Links and images being read, innermost last.
    links: Vec<OpenLink>,
    /// Code blocks and code spans, in order.
    code: Vec<Range<usize>>,
    /// HTML blocks and inline HTML (comments included), in order.
    html: Vec<Range<usize>>,
}

struct OpenHeading {
    heading: Heading,
    /// Where the heading's content ends so far (its last inline event).
    content_end: usize,
    /// Whether goldmark would accept the `{…}` attributes pulldown found:
    /// it wants a value for every key.
    attributes_valid: bool,
}

struct OpenLink {
    kind: LinkKind,
    dest: String,
    span: Range<usize>,
    /// Known from the start for autolinks and reference links.
    dest_span: Option<Range<usize>>,
    /// Where the link text ends so far; the destination comes after it.
    text_end: usize,
    /// An image's alternative text so far: its plain text.
    alt: String,
}

impl<'s> Builder<'s> {
    /// A builder for the body of `source` that starts at `offset`.
    fn new(source: &'s str, offset: usize) -> Self {
        Builder {
            source,
            offset,
            out: Outline::default(),
            heading: None,
            links: Vec::new(),
            code: Vec::new(),
            html: Vec::new(),
        }
    }

    fn event(&mut self, event: Event, range: Range<usize>, defs: &RefDefs) {
        if !matches!(event, Event::End(TagEnd::Link | TagEnd::Image))
            && let Some(link) = self.links.last_mut()
        {
            link.text_end = link.text_end.max(range.end);
        }
        if !matches!(event, Event::End(TagEnd::Heading(_)))
            && let Some(open) = &mut self.heading
        {
            open.content_end = open.content_end.max(range.end);
        }
        match event {
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }) => {
                let custom_id = id.map(|id| id.to_string()).or_else(|| {
                    attrs
                        .iter()
                        .find(|(key, _)| key.as_ref() == "id")
                        .and_then(|(_, value)| value.as_deref())
                        .map(|v| unquote(v).to_string())
                });
                self.open_heading(level as u8, range, custom_id);
                if let Some(open) = &mut self.heading {
                    open.attributes_valid = attrs.iter().all(|(_, value)| value.is_some());
                }
            }
            Event::End(TagEnd::Heading(_)) => self.close_heading(),
            Event::Text(text) => {
                if let Some(image) = self
                    .links
                    .iter_mut()
                    .rev()
                    .find(|l| l.kind == LinkKind::Image)
                {
                    image.alt.push_str(&text);
                }
                let autolink = self
                    .links
                    .last()
                    .is_some_and(|l| l.kind == LinkKind::Autolink);
                if let Some(open) = &mut self.heading {
                    let raw = self.source.get(range).unwrap_or_default();
                    if autolink {
                        // Goldmark's autolinks have no text child.
                    } else if raw.starts_with("&#") && raw != text.as_ref() {
                        open.heading.text.push_str(raw);
                    } else {
                        push_typographic(&mut open.heading.text, &text);
                    }
                }
            }
            Event::Code(code) => {
                if let Some(image) = self
                    .links
                    .iter_mut()
                    .rev()
                    .find(|l| l.kind == LinkKind::Image)
                {
                    image.alt.push_str(&code);
                }
                if let Some(open) = &mut self.heading {
                    open.heading.text.push_str(&code);
                }
                self.code.push(range);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(open) = &mut self.heading {
                    open.heading.text.push('\n');
                }
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                id,
                ..
            }) => {
                let def = self.definition(defs, &id);
                self.open_link(LinkKind::Link, link_type, dest_url.to_string(), range, def);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                id,
                ..
            }) => {
                let def = self.definition(defs, &id);
                self.open_link(LinkKind::Image, link_type, dest_url.to_string(), range, def);
            }
            Event::End(TagEnd::Link | TagEnd::Image) => self.close_link(),
            Event::Start(Tag::CodeBlock(_)) => self.code.push(range),
            Event::InlineHtml(html) => {
                // Goldmark's typographer reads `<<tag>>` as quotes, not HTML.
                let quoted =
                    range.start > 0 && self.source.as_bytes().get(range.start - 1) == Some(&b'<');
                if let Some(open) = self.heading.as_mut().filter(|_| quoted) {
                    open.heading.text.push_str(&html);
                }
                self.html.push(range.clone());
                self.comments(range);
            }
            Event::Start(Tag::HtmlBlock) => {
                self.html.push(range.clone());
                self.comments(range);
            }
            _ => {}
        }
    }

    fn open_heading(&mut self, level: u8, range: Range<usize>, custom_id: Option<String>) {
        let bytes = self.source.as_bytes();
        let trimmed = self
            .source
            .get(range.clone())
            .unwrap_or_default()
            .trim_end();
        let span = range.start..range.start + trimmed.len();
        let (marker_span, content_start, setext) = match atx_marker(bytes, span.start) {
            Some(marker) => {
                let mut start = marker.end;
                while matches!(bytes.get(start), Some(b' ' | b'\t')) {
                    start += 1;
                }
                (marker, start.min(span.end), false)
            }
            None => {
                // The underline: the trailing run of `=` or `-`.
                let mut start = span.end;
                while start > span.start && matches!(bytes.get(start - 1), Some(b'=' | b'-')) {
                    start -= 1;
                }
                (start..span.end, span.start, true)
            }
        };
        self.heading = Some(OpenHeading {
            heading: Heading {
                level,
                text: String::new(),
                setext,
                span,
                marker_span,
                custom_id,
                typographic: None,
            },
            content_end: content_start,
            attributes_valid: true,
        });
    }

    /// Pulldown drops the trailing `{…}` attributes of a heading; goldmark
    /// keeps them as text when it does not accept them, and reads `{#}` as
    /// an empty id.
    fn close_heading(&mut self) {
        let Some(mut open) = self.heading.take() else {
            return;
        };
        let h = &mut open.heading;
        let content_end = if h.setext {
            let before_underline = self
                .source
                .get(h.span.start..h.marker_span.start)
                .unwrap_or_default();
            let line = before_underline.rfind('\n').unwrap_or(0);
            h.span.start + before_underline[..line].trim_end().len()
        } else {
            h.span.end
        };
        let rest = self
            .source
            .get(open.content_end..content_end)
            .unwrap_or_default();
        if let Some(block) = attribute_block(rest) {
            if !open.attributes_valid {
                h.text.push_str(rest);
                h.custom_id = None;
            } else if h.custom_id.is_none() && block.split_whitespace().any(|word| word == "#") {
                h.custom_id = Some(String::new());
            }
        }
        if h.text.contains([EN_DASH, EM_DASH, ELLIPSIS]) {
            let text = h
                .text
                .replace(EN_DASH, "–")
                .replace(EM_DASH, "—")
                .replace(ELLIPSIS, "...");
            h.typographic = Some(std::mem::replace(&mut h.text, text));
        }
        self.out.headings.push(open.heading);
    }

    /// The span of the reference definition labelled `label`, if any.
    fn definition(&self, defs: &RefDefs, label: &str) -> Option<Range<usize>> {
        if label.is_empty() {
            return None;
        }
        let def = defs.get(label)?;
        Some(def.span.start + self.offset..def.span.end + self.offset)
    }

    /// `definition`: for a reference link, the span of its definition.
    fn open_link(
        &mut self,
        kind: LinkKind,
        link_type: LinkType,
        dest: String,
        span: Range<usize>,
        definition: Option<Range<usize>>,
    ) {
        // `<user@host>` is a `mailto:` link: goldmark writes it so.
        let dest = if link_type == LinkType::Email && !dest.starts_with("mailto:") {
            format!("mailto:{dest}")
        } else {
            dest
        };
        let (kind, dest_span) = match link_type {
            LinkType::Autolink | LinkType::Email => {
                let end = span.end.saturating_sub(1).max(span.start);
                (LinkKind::Autolink, Some((span.start + 1).min(end)..end))
            }
            LinkType::Reference
            | LinkType::ReferenceUnknown
            | LinkType::Collapsed
            | LinkType::CollapsedUnknown
            | LinkType::Shortcut
            | LinkType::ShortcutUnknown => (
                kind,
                definition.and_then(|def| definition_dest(self.source, def)),
            ),
            _ => (kind, None),
        };
        // Pulldown leaves the `[]` of a collapsed reference out of its span.
        let mut span = span;
        if matches!(link_type, LinkType::Collapsed)
            && self
                .source
                .get(span.end..)
                .is_some_and(|r| r.starts_with("[]"))
        {
            span.end += 2;
        }
        let text_end = span.start + if kind == LinkKind::Image { 2 } else { 1 };
        self.links.push(OpenLink {
            kind,
            dest,
            span,
            dest_span,
            text_end,
            alt: String::new(),
        });
    }

    fn close_link(&mut self) {
        let Some(link) = self.links.pop() else {
            return;
        };
        if let Some(parent) = self.links.last_mut() {
            parent.text_end = parent.text_end.max(link.span.end);
        }
        if link.kind == LinkKind::Image {
            self.out.images.push(Image {
                form: ImageForm::Markdown,
                span: link.span.clone(),
                alt: Some(link.alt.clone()),
                labelled: ial_sets_alt(self.source, link.span.end),
                in_raw_html: false,
            });
            // An image inside an image is alt text of the outer one.
            if let Some(outer) = self
                .links
                .iter_mut()
                .rev()
                .find(|l| l.kind == LinkKind::Image)
            {
                outer.alt.push_str(&link.alt);
            }
        }
        // The shortcode is recorded by itself.
        if has_shortcode(&link.dest) {
            return;
        }
        let dest_span = link
            .dest_span
            .or_else(|| inline_dest(self.source, link.text_end, link.span.end))
            .unwrap_or_else(|| link.span.clone());
        self.out.links.push(Link {
            kind: link.kind,
            dest: link.dest,
            dest_span,
            span: link.span,
        });
    }

    fn definitions(&mut self, defs: &RefDefs) {
        for (_, def) in defs.iter() {
            if has_shortcode(&def.dest) {
                continue;
            }
            let span = def.span.start + self.offset..def.span.end + self.offset;
            self.out.links.push(Link {
                kind: LinkKind::Definition,
                dest: def.dest.to_string(),
                dest_span: definition_dest(self.source, span.clone())
                    .unwrap_or_else(|| span.clone()),
                span,
            });
        }
    }

    /// Suppression comments in an HTML block or inline HTML.
    fn comments(&mut self, range: Range<usize>) {
        let Some(html) = self.source.get(range.clone()) else {
            return;
        };
        let mut pos = 0;
        while let Some(open) = html[pos..].find("<!--") {
            let body = pos + open + 4;
            let Some(close) = html[body..].find("-->") else {
                break;
            };
            pos = body + close + 3;
            let span = range.start + body - 4..range.start + pos;
            if let Some(suppression) = suppression(&html[body..body + close], span) {
                self.out.suppressions.push(suppression);
            }
        }
    }

    fn finish(mut self) -> Outline {
        self.out.links.sort_by_key(|l| l.span.start);
        // Hugo expands shortcodes before Markdown, so a `ref` in a code block
        // runs (and fails the build) like any other: no code ranges here.
        let (refs, figures) = shortcodes(self.source, self.offset);
        self.out.refs = refs;
        // Hugo puts a placeholder where a `{{< >}}` shortcode is and runs it
        // when the placeholder is in the output: not in raw HTML that
        // goldmark drops (checked with Hugo 0.168). `{{% %}}` runs before.
        for r in &mut self.out.refs {
            let angle = self.source.as_bytes().get(r.span.start + 2) == Some(&b'<');
            // HTML that starts inside the shortcode is the shortcode read as
            // a tag (`{{<relref x>}}`), not HTML around it.
            r.in_raw_html = angle
                && self
                    .html
                    .iter()
                    .any(|h| h.start < r.span.start && r.span.end <= h.end);
        }
        // Figures, but not those in code (shown as text); the
        // `<img>` tags of the raw HTML, which may hold `{{< >}}` figures.
        for mut f in figures {
            if self
                .code
                .iter()
                .any(|c| c.start <= f.span.start && f.span.start < c.end)
            {
                continue;
            }
            let angle = self.source.as_bytes().get(f.span.start + 2) == Some(&b'<');
            f.in_raw_html = angle
                && self
                    .html
                    .iter()
                    .any(|h| h.start < f.span.start && f.span.end <= h.end);
            self.out.images.push(f);
        }
        for h in &self.html {
            let html = self.source.get(h.clone()).unwrap_or_default();
            // A figure read as the start of a tag (`{{<figure x>}}`) is no `<img>`.
            self.out.images.extend(html_images(html, h.start, true));
        }
        self.out.images.sort_by_key(|i| i.span.start);
        self.out.images.dedup_by_key(|i| i.span.clone());
        drop_commented(&mut self.out.images, self.source, self.offset);
        // Read by the links of other pages: scanned here, once, so that
        // checking them needs only this outline, not the text.
        let body = self.source.get(self.offset..).unwrap_or_default();
        self.out.includes = markdown_shortcodes(body);
        self.out.attribute_ids = attribute_ids(body);
        self.out.html_ids = html_ids(body);
        self.out.definition_terms = definition_terms(body);
        for (at, _) in &mut self.out.definition_terms {
            *at += self.offset;
        }
        // A site's outlines are all held at once: no spare capacity.
        self.out.headings.shrink_to_fit();
        self.out.links.shrink_to_fit();
        self.out.suppressions.shrink_to_fit();
        self.out
    }
}

/// The `#`s opening an ATX heading at `start`, if it is one.
fn atx_marker(bytes: &[u8], start: usize) -> Option<Range<usize>> {
    let mut i = start;
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    let hashes = bytes.get(i..)?.iter().take_while(|&&b| b == b'#').count();
    let after = bytes.get(i + hashes);
    ((1..=6).contains(&hashes) && matches!(after, None | Some(b' ' | b'\t' | b'\r' | b'\n')))
        .then(|| i..i + hashes)
}

/// The inside of the `{…}` that ends what follows a heading's text, if any.
fn attribute_block(rest: &str) -> Option<&str> {
    let rest = rest.trim_end().strip_suffix('}')?;
    Some(&rest[rest.find('{')? + 1..])
}

fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

/// The `<h1>`…`<h6>` tags of an HTML body starting at `body_start`: a
/// heading has the id written in its tag, or none (Hugo generates none for
/// HTML content); no text.
fn html_headings(source: &str, body_start: usize) -> Vec<Heading> {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)<h([1-6])(\s[^>]*)?>").expect("constant pattern")
    });
    static ID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?i)(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
            .expect("constant pattern")
    });
    let Some(body) = source.get(body_start..) else {
        return Vec::new();
    };
    TAG.captures_iter(body)
        .filter_map(|c| {
            let all = c.get(0)?;
            let level = c.get(1)?.as_str().parse().ok()?;
            let custom_id = c.get(2).and_then(|attrs| {
                let id = ID.captures(attrs.as_str())?;
                let value = id.get(1).or_else(|| id.get(2)).or_else(|| id.get(3))?;
                Some(value.as_str().to_string())
            });
            let span = all.start() + body_start..all.end() + body_start;
            Some(Heading {
                level,
                text: String::new(),
                span: span.clone(),
                marker_span: span,
                setext: false,
                custom_id,
                typographic: None,
            })
        })
        .collect()
}

/// Goldmark's typographer, as far as it changes ids: `---` is an em dash,
/// `--` an en dash, `...` an ellipsis; marked here (the heading's text gets
/// Hugo's default replacements when it is closed).
fn push_typographic(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(i) = rest.find(['-', '.']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let (marker, len) = if tail.starts_with("---") {
            (Some(EM_DASH), 3)
        } else if tail.starts_with("--") {
            (Some(EN_DASH), 2)
        } else if tail.starts_with("...") {
            (Some(ELLIPSIS), 3)
        } else {
            (None, 1)
        };
        match marker {
            Some(m) => out.push(m),
            None => out.push_str(&tail[..1]),
        }
        rest = &tail[len..];
    }
    out.push_str(rest);
}

fn has_shortcode(dest: &str) -> bool {
    dest.contains("{{<") || dest.contains("{{%")
}

/// The destination of an inline link or image whose text ends at or after
/// `text_end`: after `](`, up to the title or `)`.
fn inline_dest(source: &str, text_end: usize, end: usize) -> Option<Range<usize>> {
    let close = text_end + source.get(text_end..end)?.find("](")?;
    dest_at(source.as_bytes(), close + 2, true)
}

/// The destination of the reference definition spanning `span`.
fn definition_dest(source: &str, span: Range<usize>) -> Option<Range<usize>> {
    let bytes = source.as_bytes();
    let mut i = span.start + source.get(span)?.find('[')? + 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b']' => break,
            _ => i += 1,
        }
    }
    (bytes.get(i + 1) == Some(&b':')).then_some(())?;
    dest_at(bytes, i + 2, false)
}

/// A link destination starting after blanks at `start`, brackets excluded.
/// In an inline link (`in_parens`), an unbalanced `)` ends it.
fn dest_at(bytes: &[u8], start: usize, in_parens: bool) -> Option<Range<usize>> {
    let mut i = start;
    let mut newline = false;
    loop {
        match bytes.get(i) {
            Some(b' ' | b'\t' | b'\r') => {}
            Some(b'\n') => newline = true,
            // A block quote's marker on the next line.
            Some(b'>') if newline => {}
            _ => break,
        }
        i += 1;
    }
    if bytes.get(i) == Some(&b'<') {
        let start = i + 1;
        let mut j = start;
        loop {
            match bytes.get(j)? {
                b'\\' if bytes.get(j + 1).is_some_and(u8::is_ascii_punctuation) => j += 2,
                b'>' => return Some(start..j),
                b'\n' | b'<' => return None,
                _ => j += 1,
            }
        }
    }
    let mut j = i;
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(j) {
        match b {
            b'\\' if bytes.get(j + 1).is_some_and(u8::is_ascii_punctuation) => j += 1,
            b'(' if in_parens => depth += 1,
            b')' if in_parens && depth == 0 => break,
            b')' if in_parens => depth -= 1,
            _ if b.is_ascii_whitespace() || b.is_ascii_control() => break,
            _ => {}
        }
        j += 1;
    }
    Some(i..j.min(bytes.len()))
}

/// The words of a comment's text, with their offsets in it: split at
/// white space and commas, blockquote markers (`>` on a continuation line)
/// left out.
fn comment_words(comment: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = comment.as_ptr() as usize;
    comment
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.bytes().all(|b| b == b'>'))
        .map(move |w| (w.as_ptr() as usize - base, w))
}

fn suppression(comment: &str, span: Range<usize>) -> Option<Suppression> {
    let mut words = comment_words(comment).map(|(_, w)| w);
    let kind = match words.next()? {
        "bloglint-disable-next-line" => SuppressionKind::NextLine,
        "bloglint-disable" => SuppressionKind::Disable,
        "bloglint-enable" => SuppressionKind::Enable,
        _ => return None,
    };
    Some(Suppression {
        kind,
        rules: words.map(String::from).collect(),
        span,
    })
}

impl Suppression {
    /// The rule names of the comment with their spans in `source` (the text
    /// it was parsed from), in order.
    pub fn rule_spans<'s>(&self, source: &'s str) -> Vec<(Range<usize>, &'s str)> {
        let inner = self.span.start + 4..self.span.end.saturating_sub(3);
        let Some(comment) = source.get(inner.clone()) else {
            return Vec::new();
        };
        comment_words(comment)
            .skip(1)
            .map(|(at, w)| (inner.start + at..inner.start + at + w.len(), w))
            .collect()
    }
}

/// The `ref` and `relref` shortcodes of the body, code blocks included.
///
/// Linear in the size of the body, whatever it holds: a shortcode that
/// does not read to its end is skipped up to where reading it failed (Hugo
/// fails the build on it anyway), and comment ends are found once.
/// The `ref`/`relref` shortcodes and the `figure` shortcodes of the body.
fn shortcodes(source: &str, body_start: usize) -> (Vec<RefShortcode>, Vec<Image>) {
    let (mut refs, mut figures) = (Vec::new(), Vec::new());
    let Some(body) = source.get(body_start..) else {
        return (refs, figures);
    };
    let comment_ends = CommentEnds::new(body, body_start);
    let mut pos = body_start;
    while let Some(found) = source.get(pos..).and_then(|rest| rest.find('{')) {
        let start = pos + found;
        pos = start + 1;
        if source.as_bytes().get(start + 1) != Some(&b'{') {
            continue;
        }
        match shortcode(source, start, &comment_ends) {
            Ok(Shortcode::Ref(r)) => {
                pos = r.span.end;
                refs.push(r);
            }
            Ok(Shortcode::Figure(f)) => {
                pos = f.span.end;
                figures.push(f);
            }
            Ok(Shortcode::Comment(end)) => pos = end,
            Err(stopped) => pos = pos.max(stopped),
        }
    }
    (refs, figures)
}

/// Where `*/>}}` and `*/%}}` are, in order: the ends of shortcode comments.
struct CommentEnds {
    angle: Vec<usize>,
    percent: Vec<usize>,
}

impl CommentEnds {
    fn new(body: &str, offset: usize) -> Self {
        let find = |pattern: &str| {
            body.match_indices(pattern)
                .map(|(i, _)| offset + i)
                .collect()
        };
        CommentEnds {
            angle: find("*/>}}"),
            percent: find("*/%}}"),
        }
    }

    /// The first end at or after `from` of a comment opened by `{{<`
    /// (`angle`) or `{{%`.
    fn first_from(&self, from: usize, angle: bool) -> Option<usize> {
        let ends = if angle { &self.angle } else { &self.percent };
        ends.get(ends.partition_point(|&e| e < from)).copied()
    }
}

enum Shortcode {
    Ref(RefShortcode),
    /// `{{< figure src="x" >}}`: an image.
    Figure(Image),
    /// `{{</* … */>}}`, ending there.
    Comment(usize),
}

/// A shortcode argument: its value and where it is written, quotes excluded.
struct Arg {
    value: String,
    span: Range<usize>,
    quoted: bool,
}

/// The shortcode opening at `start` (`{{<` or `{{%`), when it is a
/// `ref`/`relref` with a target or a comment; else where reading it stopped.
fn shortcode(source: &str, start: usize, comment_ends: &CommentEnds) -> Result<Shortcode, usize> {
    let bytes = source.as_bytes();
    let (close, angle): (&[u8], bool) = match bytes.get(start + 2) {
        Some(b'<') => (b">}}", true),
        Some(b'%') => (b"%}}", false),
        _ => return Err(start + 1),
    };
    let at = |i: usize, s: &[u8]| bytes.get(i..).is_some_and(|b| b.starts_with(s));
    let mut i = skip_blanks(bytes, start + 3);
    if at(i, b"/*") {
        return match comment_ends.first_from(i, angle) {
            Some(end) => Ok(Shortcode::Comment(end + 5)),
            None => Err(i),
        };
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
    {
        i += 1;
    }
    let name = source.get(name_start..i).ok_or(i)?;
    if name == "figure" {
        return figure(source, start, i, close);
    }
    if name != "ref" && name != "relref" {
        return Err(i);
    }
    let (mut positional, mut path) = (None, None);
    loop {
        i = skip_blanks(bytes, i);
        if at(i, close) {
            break;
        }
        let (arg, next) = shortcode_arg(source, i, close, true)?;
        i = next;
        if !arg.quoted && bytes.get(i) == Some(&b'=') {
            let (value, next) = shortcode_arg(source, skip_blanks(bytes, i + 1), close, false)?;
            i = next;
            if arg.value == "path" {
                path = Some(value);
            }
        } else if positional.is_none() {
            positional = Some(arg);
        }
    }
    let target = positional.or(path).ok_or(i)?;
    let span = start..i + close.len();
    Ok(Shortcode::Ref(RefShortcode {
        name: name.to_string(),
        target: target.value,
        target_span: target.span,
        lang: source.get(span.clone()).and_then(|s| named_arg(s, "lang")),
        span,
        in_raw_html: false,
    }))
}

/// A `figure` shortcode from `start`, its arguments from `i`: its `alt`,
/// or else its `caption`, as Hugo 0.168's figure writes `alt` (none when
/// both are empty or missing).
fn figure(source: &str, start: usize, mut i: usize, close: &[u8]) -> Result<Shortcode, usize> {
    let bytes = source.as_bytes();
    let (mut alt, mut caption) = (None, None);
    loop {
        i = skip_blanks(bytes, i);
        if bytes.get(i..).is_some_and(|b| b.starts_with(close)) {
            break;
        }
        let (arg, next) = shortcode_arg(source, i, close, true)?;
        i = next;
        if !arg.quoted && bytes.get(i) == Some(&b'=') {
            let (value, next) = shortcode_arg(source, skip_blanks(bytes, i + 1), close, false)?;
            i = next;
            match arg.value.as_str() {
                "alt" => alt = Some(value.value),
                "caption" => caption = Some(value.value),
                _ => {}
            }
        }
    }
    let alt = [alt, caption]
        .into_iter()
        .flatten()
        .find(|text| !text.is_empty());
    Ok(Shortcode::Figure(Image {
        form: ImageForm::Figure,
        span: start..i + close.len(),
        alt,
        labelled: false,
        in_raw_html: false,
    }))
}

/// Images Hugo's `comment` shortcode keeps out of the page:
/// `{{< comment >}}…{{< /comment >}}` (or `{{% %}}`) writes nothing.
fn drop_commented(images: &mut Vec<Image>, source: &str, body_start: usize) {
    static OPEN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\{\{[<%]\s*comment\s*[>%]\}\}").expect("constant pattern")
    });
    static CLOSE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\{\{[<%]\s*/comment\s*[>%]\}\}").expect("constant pattern")
    });
    let Some(body) = source.get(body_start..) else {
        return;
    };
    images.retain(|i| !is_shortcode_tag(i, source));
    if images.is_empty() || !body.contains("comment") {
        return;
    }
    let mut ranges = Vec::new();
    let mut pos = 0;
    while let Some(open) = OPEN.find_at(body, pos) {
        let end = CLOSE
            .find_at(body, open.end())
            .map_or(body.len(), |c| c.end());
        ranges.push(body_start + open.start()..body_start + end);
        pos = end;
    }
    images.retain(|i| !ranges.iter().any(|r| r.contains(&i.span.start)));
}

/// Whether an `<img …>` read as HTML is a shortcode named `img` written
/// `{{<img …>}}`.
fn is_shortcode_tag(image: &Image, source: &str) -> bool {
    image.form == ImageForm::Html
        && source
            .get(..image.span.start)
            .is_some_and(|before| before.ends_with("{{"))
}

/// Whether a kramdown span attribute list at `at` (`{: alt="…"}`) sets
/// `alt`.
fn ial_sets_alt(source: &str, at: usize) -> bool {
    let Some(rest) = source.get(at..).and_then(|r| r.strip_prefix("{:")) else {
        return false;
    };
    let Some(end) = rest.find('}') else {
        return false;
    };
    let list = &rest[..end];
    !list.contains('\n')
        && list
            .match_indices("alt=")
            .any(|(i, _)| i == 0 || list.as_bytes()[i - 1].is_ascii_whitespace())
}

/// The `<img>` tags of `html`, which starts at `offset` in the file,
/// outside HTML comments, scripts and styles.
pub(crate) fn html_images(html: &str, offset: usize, in_raw_html: bool) -> Vec<Image> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(found) = lower.get(pos..).and_then(|rest| rest.find('<')) {
        let start = pos + found;
        pos = start + 1;
        let rest = &lower[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            match comment.find("-->") {
                Some(end) => pos = start + 4 + end + 3,
                None => break,
            }
            continue;
        }
        // Text of a script or a style is no markup.
        if let Some(tag) = ["<script", "<style"]
            .into_iter()
            .find(|t| rest.starts_with(t))
        {
            match rest.find(&format!("</{}", &tag[1..])) {
                Some(end) => pos = start + end,
                None => break,
            }
            continue;
        }
        if !rest.starts_with("<img")
            || !rest
                .as_bytes()
                .get(4)
                .is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            continue;
        }
        let Some((attrs, end)) = tag_attributes(html, start + 4) else {
            break;
        };
        pos = end;
        // Template code between attributes may write any of them.
        let template = attrs.iter().any(|(name, _)| name.contains(['{', '}', '%']));
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let labelled = template
            || matches!(get("role").map(str::trim), Some("presentation" | "none"))
            || get("aria-hidden").is_some_and(|v| v.trim() == "true")
            || get("aria-label").is_some_and(|v| !v.trim().is_empty())
            || get("aria-labelledby").is_some_and(|v| !v.trim().is_empty());
        out.push(Image {
            form: ImageForm::Html,
            span: offset + start..offset + end,
            alt: get("alt").map(str::to_string),
            labelled,
            in_raw_html,
        });
    }
    out
}

/// The attributes of the tag whose name ends at `i`, and where the tag
/// ends (after its `>`); `None` when it never closes.
fn tag_attributes(html: &str, mut i: usize) -> Option<(Vec<(String, String)>, usize)> {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        if *bytes.get(i)? == b'>' {
            return Some((attrs, i + 1));
        }
        let name_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let name = html.get(name_start..i)?.to_string();
        let mut j = i;
        while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        let mut value = String::new();
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            match bytes.get(j)? {
                &q @ (b'"' | b'\'') => {
                    let end = j + 1 + html.get(j + 1..)?.find(q as char)?;
                    value = html.get(j + 1..end)?.to_string();
                    j = end + 1;
                }
                _ => {
                    let start = j;
                    while bytes
                        .get(j)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        j += 1;
                    }
                    value = html.get(start..j)?.to_string();
                }
            }
            i = j;
        }
        if name.is_empty() {
            i += 1;
        } else {
            attrs.push((name, value));
        }
    }
}

/// One argument at `i`: quoted with `"` (escapes `\"`), `` ` `` or `'`, or
/// bare up to a blank, the closing delimiter or (for a name) `=`. `Err`:
/// where reading it stopped.
fn shortcode_arg(source: &str, i: usize, close: &[u8], name: bool) -> Result<(Arg, usize), usize> {
    let bytes = source.as_bytes();
    let quote = *bytes.get(i).ok_or(i)?;
    if matches!(quote, b'"' | b'`' | b'\'') {
        let start = i + 1;
        let mut j = start;
        loop {
            match bytes.get(j).ok_or(j)? {
                b'\\' if quote == b'"' && bytes.get(j + 1) == Some(&b'"') => j += 2,
                b'\n' if quote == b'"' => return Err(j),
                &b if b == quote => break,
                _ => j += 1,
            }
        }
        let raw = source.get(start..j).ok_or(j)?;
        let value = if quote == b'"' {
            raw.replace("\\\"", "\"")
        } else {
            raw.to_string()
        };
        let arg = Arg {
            value,
            span: start..j,
            quoted: true,
        };
        return Ok((arg, j + 1));
    }
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_whitespace() || (name && b == b'=') || bytes[j..].starts_with(close) {
            break;
        }
        j += 1;
    }
    let arg = Arg {
        value: source.get(i..j).ok_or(j)?.to_string(),
        span: i..j,
        quoted: false,
    };
    if j > i { Ok((arg, j)) } else { Err(j) }
}

fn skip_blanks(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "---\ntitle: Ünïcode\n---\n";

    /// Parse `body` after a front matter, so spans are checked against a
    /// non-zero body start.
    fn parse(body: &str) -> (String, Outline) {
        let source = format!("{FRONT}{body}");
        let outline = Outline::parse(&source, FRONT.len());
        (source, outline)
    }

    fn dests<'a>(src: &'a str, outline: &Outline) -> Vec<(LinkKind, &'a str, &'a str)> {
        outline
            .links
            .iter()
            .map(|l| (l.kind, &src[l.dest_span.clone()], &src[l.span.clone()]))
            .collect()
    }

    #[test]
    fn atx_headings() {
        let (src, o) = parse("# Café *au* `lait`\n\nText\n\n  ### Closed ###  \n#5 is not\n");
        assert_eq!(o.headings.len(), 2);
        let h = &o.headings[0];
        assert_eq!(
            (h.level, h.text.as_str(), h.setext),
            (1, "Café au lait", false)
        );
        assert_eq!(&src[h.span.clone()], "# Café *au* `lait`");
        assert_eq!(&src[h.marker_span.clone()], "#");
        let h = &o.headings[1];
        assert_eq!((h.level, h.text.as_str()), (3, "Closed"));
        assert_eq!(&src[h.span.clone()], "### Closed ###");
        assert_eq!(&src[h.marker_span.clone()], "###");
        assert_eq!(h.marker_span.start, src.find("###").unwrap());
    }

    #[test]
    fn no_heading_inside_an_html_block() {
        // Issue 12, M1 (vitess): an HTML block of type 6 or 7 runs to the
        // next blank line, so a `#` line right after `</table>` is raw
        // HTML to Goldmark; types 2 and 4 end on their closing line.
        // Hugo 0.168: tests/sites/html-block-headings.
        let (_, o) = parse(
            "<table><tr><td>x</td></tr>\n</table>\n### Foo\n\n<div>\n## In div\n\n\
             ## Out\n\n<custom-tag>\n## Type 7\n\n<!-- c -->\n## After comment\n",
        );
        let texts: Vec<&str> = o.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Out", "After comment"]);
    }

    #[test]
    fn setext_headings_with_crlf() {
        let (src, o) =
            parse("Title *one*\r\n===\r\n\r\nTwo\r\nlines  \r\n---  \r\n\r\n#hashtag\r\n==\r\n");
        let [one, two, hashtag] = &o.headings[..] else {
            panic!("{:?}", o.headings)
        };
        assert_eq!(
            (one.level, one.text.as_str(), one.setext),
            (1, "Title one", true)
        );
        assert_eq!(&src[one.span.clone()], "Title *one*\r\n===");
        assert_eq!(&src[one.marker_span.clone()], "===");
        assert_eq!((two.level, two.text.as_str()), (2, "Two\nlines"));
        assert_eq!(&src[two.span.clone()], "Two\r\nlines  \r\n---");
        assert_eq!(&src[two.marker_span.clone()], "---");
        assert_eq!((hashtag.text.as_str(), hashtag.setext), ("#hashtag", true));
        assert_eq!(&src[hashtag.marker_span.clone()], "==");
    }

    #[test]
    fn heading_text_as_hugo_sees_it() {
        let (_, o) = parse(concat!(
            "## a -- b --- c `x--y`\n",
            "## Amp &amp; &#233; &copy;\n",
            "## <span>Tag</span> [link](/x) ![alt](/i.png) <https://a.b>\n",
            "## Note[^1]\n",
            "## ...dots <<quotes>>\n\n",
            "[^1]: Footnote.\n",
        ));
        let texts: Vec<_> = o.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "a – b — c x--y",
                "Amp & &#233; ©",
                "Tag link alt ",
                "Note",
                "...dots <<quotes>>",
            ]
        );
    }

    #[test]
    fn heading_attributes() {
        let (_, o) = parse(concat!(
            "## Custom {#custom}\n",
            "## Class {#id .cls}\n",
            "## Quoted {id=\"q1\" class=\"c\"}\n",
            "## Empty {#}\n",
            "## Use {braces}\n",
            "## Weird {#wid key}\n",
            "## Close ## {#cid}\n",
            "## Plain {.cls}\n",
            "## Code `{#no}`\n",
            "Setext {#set}\n---\n",
        ));
        let got: Vec<_> = o
            .headings
            .iter()
            .map(|h| (h.text.as_str(), h.custom_id.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Custom", Some("custom")),
                ("Class", Some("id")),
                ("Quoted", Some("q1")),
                ("Empty", Some("")),
                ("Use {braces}", None),
                ("Weird {#wid key}", None),
                ("Close", Some("cid")),
                ("Plain", None),
                ("Code {#no}", None),
                ("Setext", Some("set")),
            ]
        );
    }

    #[test]
    fn inline_links_and_images() {
        let body = concat!(
            "See [a](/posts/a/) and [b](<with space.md> \"T\"), [c]( /c(1).md 'x' ).\n",
            "![Ünï](/img/ü.png) [![inner](/i.png)](/outer/) [`]`](/code/) [a\\]b](/esc/)\n",
            "[empty]() [x](/a\\)b)\n\n",
            "> [quoted](\n> /q/)\n",
        );
        let (src, o) = parse(body);
        assert_eq!(
            dests(&src, &o),
            [
                (LinkKind::Link, "/posts/a/", "[a](/posts/a/)"),
                (
                    LinkKind::Link,
                    "with space.md",
                    "[b](<with space.md> \"T\")"
                ),
                (LinkKind::Link, "/c(1).md", "[c]( /c(1).md 'x' )"),
                (LinkKind::Image, "/img/ü.png", "![Ünï](/img/ü.png)"),
                (LinkKind::Link, "/outer/", "[![inner](/i.png)](/outer/)"),
                (LinkKind::Image, "/i.png", "![inner](/i.png)"),
                (LinkKind::Link, "/code/", "[`]`](/code/)"),
                (LinkKind::Link, "/esc/", "[a\\]b](/esc/)"),
                (LinkKind::Link, "", "[empty]()"),
                (LinkKind::Link, "/a\\)b", "[x](/a\\)b)"),
                (LinkKind::Link, "/q/", "[quoted](\n> /q/)"),
            ]
        );
        assert_eq!(o.links[1].dest, "with space.md");
        assert_eq!(o.links[9].dest, "/a)b");
    }

    #[test]
    fn reference_links_point_at_their_definition() {
        let body = concat!(
            "[full][Lab  El], [collapsed][], [shortcut] and ![img][pic].\n\n",
            "[lab el]: /full/ \"Title\"\n",
            "[collapsed]:\n  </coll apsed/>\n",
            "[shortcut]: https://example.com/ü\n",
            "[pic]: /p.png\n",
            "[unused]: /unused/\n",
        );
        let (src, o) = parse(body);
        assert_eq!(
            dests(&src, &o),
            [
                (LinkKind::Link, "/full/", "[full][Lab  El]"),
                (LinkKind::Link, "/coll apsed/", "[collapsed][]"),
                (LinkKind::Link, "https://example.com/ü", "[shortcut]"),
                (LinkKind::Image, "/p.png", "![img][pic]"),
                (LinkKind::Definition, "/full/", "[lab el]: /full/ \"Title\""),
                (
                    LinkKind::Definition,
                    "/coll apsed/",
                    "[collapsed]:\n  </coll apsed/>"
                ),
                (
                    LinkKind::Definition,
                    "https://example.com/ü",
                    "[shortcut]: https://example.com/ü"
                ),
                (LinkKind::Definition, "/p.png", "[pic]: /p.png"),
                (LinkKind::Definition, "/unused/", "[unused]: /unused/"),
            ]
        );
        assert_eq!(o.links[0].dest_span, o.links[4].dest_span);
    }

    #[test]
    fn html_content_is_not_markdown() {
        let src = "---\ntitle: t\n---\n<h2 id=\"give\">Give</h2>\n<H3 class=x>No id</H3>\n\
                   ## not a heading\n[not](/a/link/)\n<a name='n'></a>\n\
                   {{< ref \"a.md\" >}}\n<!-- bloglint-disable broken-link -->\n";
        let o = Outline::html(src, src.find("<h2").unwrap_or(0));
        let ids: Vec<_> = o
            .headings
            .iter()
            .map(|h| (h.level, h.custom_id.clone()))
            .collect();
        assert_eq!(ids, [(2, Some("give".to_string())), (3, None)]);
        assert_eq!(&src[o.headings[0].span.clone()], "<h2 id=\"give\">");
        assert!(o.links.is_empty());
        assert_eq!(o.html_ids, ["give", "n"]);
        // Hugo runs shortcodes in HTML content, in comments too.
        assert_eq!(o.refs.len(), 1);
        assert!(!o.refs[0].in_raw_html);
        assert_eq!(o.suppressions.len(), 1);
    }

    #[test]
    fn refs_in_raw_html() {
        let (_, o) = parse(
            "<!-- {{< ref \"a.md\" >}} -->\n\ntext <!-- {{< ref \"b.md\" >}} --> text\n\n\
             <div>{{< ref \"c.md\" >}}</div>\n\n<!-- {{% ref \"d.md\" %}} -->\n\n\
             a <span>{{< ref \"e.md\" >}}</span> {{<relref f>}}\n",
        );
        let found: Vec<_> = o
            .refs
            .iter()
            .map(|r| (r.target.as_str(), r.in_raw_html))
            .collect();
        assert_eq!(
            found,
            [
                ("a.md", true),
                ("b.md", true),
                ("c.md", true),
                ("d.md", false),
                ("e.md", false),
                ("f", false)
            ]
        );
    }

    #[test]
    fn autolinks() {
        let (src, o) = parse("Go <https://example.com/a?b> or <me@example.com>.\r\n");
        assert_eq!(
            dests(&src, &o),
            [
                (
                    LinkKind::Autolink,
                    "https://example.com/a?b",
                    "<https://example.com/a?b>"
                ),
                (LinkKind::Autolink, "me@example.com", "<me@example.com>"),
            ]
        );
        // Goldmark writes `href="mailto:me@example.com"`: not a path.
        assert_eq!(o.links[1].dest, "mailto:me@example.com");
        assert_eq!(o.links[0].dest, "https://example.com/a?b");
    }

    #[test]
    fn code_is_ignored() {
        let body = concat!(
            "```md\n# Not a heading\n[a](/a/) {{< ref \"a\" >}}\n<!-- bloglint-disable -->\n```\n\n",
            "    ## indented\n    [b](/b/) {{< ref \"b\" >}}\n\n",
            "Inline `[c](/c/) {{< ref \"c\" >}} <!-- bloglint-disable -->` only.\n\n",
            "~~~\n[d]: /d/\n~~~\n\n",
            "# Real\n",
        );
        let (_, o) = parse(body);
        assert_eq!(o.headings.len(), 1);
        assert!(o.links.is_empty(), "{:?}", o.links);
        // Hugo 0.168 expands shortcodes inside code too: a broken `ref` in a
        // fence fails its build (REF_NOT_FOUND), so they count.
        let targets: Vec<&str> = o.refs.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["a", "b", "c"]);
        assert!(o.suppressions.is_empty(), "{:?}", o.suppressions);
    }

    #[test]
    fn ref_shortcodes_of_every_form() {
        let body = concat!(
            "{{< ref \"posts/a.md\" >}}\n",
            "{{% relref \"b.md#intro\" %}}\n",
            "{{< ref path=\"c.md\" >}}\n",
            "{{< relref path=\"d.md\" lang=\"fr\" outputFormat=\"amp\" >}}\n",
            "{{< ref lang=\"fr\" path=`e.md` >}}\n",
            "{{< ref about >}} {{< ref 'f.md' >}} {{< ref `g.md` \"amp\" >}}\n",
            "{{<ref \"h.md\">}} {{< ref path=i.md >}} {{< ref \"Ünï \\\"q\\\".md\" >}}\n",
            "{{< relref\n  \"j.md\"\n>}}\n",
        );
        let (src, o) = parse(body);
        let got: Vec<_> = o
            .refs
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.target.as_str(),
                    &src[r.target_span.clone()],
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("ref", "posts/a.md", "posts/a.md"),
                ("relref", "b.md#intro", "b.md#intro"),
                ("ref", "c.md", "c.md"),
                ("relref", "d.md", "d.md"),
                ("ref", "e.md", "e.md"),
                ("ref", "about", "about"),
                ("ref", "f.md", "f.md"),
                ("ref", "g.md", "g.md"),
                ("ref", "h.md", "h.md"),
                ("ref", "i.md", "i.md"),
                ("ref", "Ünï \"q\".md", "Ünï \\\"q\\\".md"),
                ("relref", "j.md", "j.md"),
            ]
        );
        assert_eq!(&src[o.refs[0].span.clone()], "{{< ref \"posts/a.md\" >}}");
        assert_eq!(
            &src[o.refs[1].span.clone()],
            "{{% relref \"b.md#intro\" %}}"
        );
        assert_eq!(&src[o.refs[11].span.clone()], "{{< relref\n  \"j.md\"\n>}}");
    }

    #[test]
    fn ref_languages() {
        let body = "{{< ref \"a.md\" >}} {{< relref path=\"d.md\" lang=\"fr\" >}} {{% ref lang=de \"b.md\" %}} {{< ref \"lang=fr.md\" >}}\n";
        let (_, o) = parse(body);
        let langs: Vec<_> = o.refs.iter().map(|r| r.lang.as_deref()).collect();
        assert_eq!(langs, [None, Some("fr"), Some("de"), None]);
    }

    #[test]
    fn what_other_pages_links_need_is_scanned_from_the_body() {
        // The front matter is not scanned: `id="fm"` and `{#fm}` are not ids.
        let source = "---\ntitle: x id=\"fm\" {#fm}\n---\n<a id=\"one\"></a>\n## H {#two}\n\nTerm\n: Def.\n\n{{% include \"/a.md\" %}}\n";
        let o = Outline::parse(source, source.find("<a").unwrap_or_default());
        assert_eq!(o.html_ids, ["one"]);
        assert_eq!(o.attribute_ids, ["two"]);
        let term = source.find("Term").unwrap_or_default();
        assert_eq!(o.definition_terms, [(term, "Term".to_string())]);
        let includes: Vec<_> = o
            .includes
            .iter()
            .map(|c| (c.arg.as_deref(), c.alone))
            .collect();
        assert_eq!(includes, [(Some("/a.md"), true)]);
        // Nothing found: nothing allocated.
        let (_, o) = parse("Just text.\n");
        assert_eq!(o.includes.capacity() + o.html_ids.capacity(), 0);
        assert_eq!(
            o.attribute_ids.capacity() + o.definition_terms.capacity(),
            0
        );
    }

    #[test]
    fn other_shortcodes_and_comments_are_not_refs() {
        let body = concat!(
            "{{</* ref \"commented\" */>}} {{%/* relref \"too\" */%}}\n",
            "{{< figure src=\"x.png\" >}} {{< /ref >}} {{< refs \"no\" >}} {{ ref }}\n",
            "{{< ref lang=\"fr\" >}} {{< ref \"unclosed\" %}} {{< ref \"unterminated >}}\n",
            "{{< ref \"last\" >}}",
        );
        let (_, o) = parse(body);
        let targets: Vec<_> = o.refs.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["last"]);
    }

    #[test]
    fn shortcodes_after_braces_and_broken_ones_are_found() {
        let body = concat!(
            "{{{< ref \"a.md\" >}} {{</* never closed\n",
            "{{< ref 'b.md' >}} {{< ref \"c.md >}}\n",
            "{{< ref \"d.md\" >}}",
        );
        let (_, o) = parse(body);
        let targets: Vec<_> = o.refs.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["a.md", "b.md", "d.md"]);
    }

    /// Found by `tests/hostile.rs`: each of these, repeated over 200 KB,
    /// took minutes, every `{{<` reading to the end of the file again.
    #[test]
    fn broken_shortcodes_stay_linear() {
        for pattern in [
            "{{</* ",
            "{{< ref 'a ",
            "{{< ref \"a",
            "{{< ref a ",
            "{{% ref `",
        ] {
            let body = pattern.repeat(1_000_000 / pattern.len());
            let started = std::time::Instant::now();
            let (_, o) = parse(&body);
            assert!(
                started.elapsed() < std::time::Duration::from_secs(5),
                "{pattern}: {:?}",
                started.elapsed()
            );
            assert!(o.refs.len() <= 1, "{pattern}");
        }
    }

    #[test]
    fn links_to_shortcodes_are_shortcodes() {
        let body = concat!(
            "[a]({{< ref \"a.md\" >}}) [b]({{% relref \"b.md\" %}} \"T\") [c](<{{< ref \"c\" >}}>) [d][d]\n\n",
            "[d]: {{<ref \"d\">}}\n",
            "[e]: {{<ref`e`>}}\n",
        );
        let (src, o) = parse(body);
        assert!(o.links.is_empty(), "{:?}", dests(&src, &o));
        let targets: Vec<_> = o.refs.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(targets, ["a.md", "b.md", "c", "d", "e"]);
    }

    #[test]
    fn suppressions() {
        let body = concat!(
            "<!-- bloglint-disable-next-line rule-a rule-b -->\n",
            "Text <!-- bloglint-disable rule-c, rule-d --> more.\n\n",
            "<!-- bloglint-enable -->\n<!-- unrelated --><!-- bloglint-disable -->\n\n",
            "> <!-- bloglint-enable\n> rule-e -->\n\n",
            "<!-- bloglint-disable-line x --> <!--bloglint-enable rule-f-->\n",
        );
        let (src, o) = parse(body);
        let spans: Vec<Vec<&str>> = o
            .suppressions
            .iter()
            .map(|s| {
                s.rule_spans(&src)
                    .into_iter()
                    .map(|(span, w)| {
                        assert_eq!(&src[span], w);
                        w
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            spans,
            [
                vec!["rule-a", "rule-b"],
                vec!["rule-c", "rule-d"],
                vec![],
                vec![],
                vec!["rule-e"],
                vec!["rule-f"],
            ]
        );
        let got: Vec<_> = o
            .suppressions
            .iter()
            .map(|s| (s.kind, s.rules.join(" "), &src[s.span.clone()]))
            .collect();
        use SuppressionKind::*;
        assert_eq!(
            got,
            [
                (
                    NextLine,
                    "rule-a rule-b".into(),
                    "<!-- bloglint-disable-next-line rule-a rule-b -->"
                ),
                (
                    Disable,
                    "rule-c rule-d".into(),
                    "<!-- bloglint-disable rule-c, rule-d -->"
                ),
                (Enable, String::new(), "<!-- bloglint-enable -->"),
                (Disable, String::new(), "<!-- bloglint-disable -->"),
                (
                    Enable,
                    "rule-e".into(),
                    "<!-- bloglint-enable\n> rule-e -->"
                ),
                (Enable, "rule-f".into(), "<!--bloglint-enable rule-f-->"),
            ]
        );
    }

    fn images(
        outline: &Outline,
        src: &str,
    ) -> Vec<(ImageForm, String, Option<String>, bool, bool)> {
        outline
            .images
            .iter()
            .map(|i| {
                (
                    i.form,
                    src[i.span.clone()].to_string(),
                    i.alt.clone(),
                    i.labelled,
                    i.in_raw_html,
                )
            })
            .collect()
    }

    #[test]
    fn images_and_their_alternative_text() {
        use ImageForm::*;
        let body = concat!(
            "![](a.png) ![ *Em* `c` ](b.png) [![](c.png)](/) ![][r] ![r]\n\n",
            "![](d.png){: alt=\"D\"} ![](e.png){: .x}\n\n",
            "x <img src=\"f.png\"> <IMG ALT='G' src=g.png/> <img alt src=h.png>\n\n",
            "<div>\n<img src=\"i.png\"\n  role=\"presentation\">\n<!-- <img src=\"j.png\"> -->\n",
            "<img src=\"k.png\" {% if x %}alt=\"K\"{% endif %}>\n</div>\n\n",
            "{{< figure src=\"l.png\" >}} {{< figure src=\"m.png\" alt=\"\" caption=\"M\" >}}\n",
            "{{</* figure src=\"n.png\" */>}} `![](o.png) <img src=p.png>`\n\n",
            "```\n{{< figure src=\"q.png\" >}}\n```\n\n",
            "{{<img src=\"u.png\">}}\n\n{{< comment >}}\n![](s.png)\n{{< /comment >}} {{%comment%}}<img src=t.png>{{% /comment %}}\n\n",
            "[r]: r.png\n",
        );
        let (src, o) = parse(body);
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            images(&o, &src),
            [
                (Markdown, "![](a.png)".into(), some(""), false, false),
                (
                    Markdown,
                    "![ *Em* `c` ](b.png)".into(),
                    some(" Em c "),
                    false,
                    false
                ),
                (Markdown, "![](c.png)".into(), some(""), false, false),
                (Markdown, "![][r]".into(), some(""), false, false),
                (Markdown, "![r]".into(), some("r"), false, false),
                (Markdown, "![](d.png)".into(), some(""), true, false),
                (Markdown, "![](e.png)".into(), some(""), false, false),
                (Html, "<img src=\"f.png\">".into(), None, false, true),
                (
                    Html,
                    "<IMG ALT='G' src=g.png/>".into(),
                    some("G"),
                    false,
                    true
                ),
                (Html, "<img alt src=h.png>".into(), some(""), false, true),
                (
                    Html,
                    "<img src=\"i.png\"\n  role=\"presentation\">".into(),
                    None,
                    true,
                    true
                ),
                (
                    Html,
                    "<img src=\"k.png\" {% if x %}alt=\"K\"{% endif %}>".into(),
                    None,
                    true,
                    true
                ),
                (
                    Figure,
                    "{{< figure src=\"l.png\" >}}".into(),
                    None,
                    false,
                    false
                ),
                (
                    Figure,
                    "{{< figure src=\"m.png\" alt=\"\" caption=\"M\" >}}".into(),
                    some("M"),
                    false,
                    false
                ),
            ]
        );
        // An HTML content file: its tags and figures, comments left out.
        let html = "<p><img src=a.png></p><!-- <img> -->{{< figure src=b.png >}}\n\
                    <script>let s = '<img src=' + x + '>';</script><img src=x alt";
        let o = Outline::html(html, 0);
        assert_eq!(
            images(&o, html),
            [
                (Html, "<img src=a.png>".into(), None, false, false),
                (
                    Figure,
                    "{{< figure src=b.png >}}".into(),
                    None,
                    false,
                    false
                ),
            ]
        );
    }

    #[test]
    fn body_start_out_of_range() {
        assert_eq!(Outline::parse("ü", 1), Outline::default());
        assert_eq!(Outline::parse("", 5), Outline::default());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(body in "[-#=*_`~<>!\\[\\](){}%\"'/\\\\: \n\r\tü a1{{<>}}]{0,200}", front in "[a-z\n]{0,10}") {
            let source = format!("{front}{body}");
            let outline = Outline::parse(&source, front.len());
            let spans = outline.headings.iter().flat_map(|h| [&h.span, &h.marker_span])
                .chain(outline.links.iter().flat_map(|l| [&l.span, &l.dest_span]))
                .chain(outline.refs.iter().flat_map(|r| [&r.span, &r.target_span]))
                .chain(outline.suppressions.iter().map(|s| &s.span))
                .chain(outline.images.iter().map(|i| &i.span));
            let html = Outline::html(&source, front.len());
            let spans = spans.chain(html.images.iter().map(|i| &i.span));
            for span in spans {
                proptest::prop_assert!(span.start >= front.len());
                proptest::prop_assert!(source.get(span.clone()).is_some(), "{span:?}");
            }
        }
    }
}
