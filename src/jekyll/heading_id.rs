//! The ids kramdown 2.4.0 writes on `<hN id=…>` in a Jekyll 4.3.1 site, what
//! `#anchor` links must match.
//!
//! Jekyll's defaults (`Configuration::DEFAULTS["kramdown"]`): `input: GFM`,
//! `auto_ids: true`, no `auto_id_prefix`. Two generators:
//!
//! - GFM input (kramdown-parser-gfm 1.1.0): the heading's text with its
//!   markup parsed away (text, code spans, math, entities as characters;
//!   link destinations, images, HTML tags and comments, footnote markers
//!   dropped), downcased, every character that is not a word character,
//!   `-`, space or tab removed, spaces and tabs turned into `-`. No
//!   trimming and no fallback: a heading of punctuation gets no id (an empty
//!   `id` is not written), the next one `-1`. A repeated id gets `-1`, `-2`…
//!   counted per generated id; explicit ids are not counted.
//! - kramdown input: the heading's source text as written (markup
//!   included), leading characters up to the first ASCII letter removed, then
//!   everything but ASCII letters, digits, spaces and `-` removed, spaces to
//!   `-`, downcased; `section` when nothing is left; repeats get `-1`, `-2`….
//!   With `auto_id_stripping: true`, only the heading's text nodes feed it.
//!
//! Explicit ids: `# Title {#id}` (a space before `{`, an XML name), a block
//! IAL (`{: #id}`, `{:#id}`, `{: .c #id}`, `{: id="id"}`) on the lines
//! right after the heading, which wins, or standing alone above it (after a
//! blank line), which beats `{#id}`.
//!
//! Where kramdown and the outline ([`Heading`], parsed by pulldown-cmark)
//! disagree on what is a heading, the id is `""`:
//! - a setext heading over several lines (CommonMark joins the paragraph
//!   lines into the heading; kramdown needs the text on one line right after
//!   a blank line, so it is a paragraph), or whose underline is indented;
//! - an ATX (kramdown input) or setext heading right after a non-blank line
//!   (kramdown needs a block boundary: `# A\n# B` is one heading and a
//!   paragraph in kramdown input);
//! - a heading whose text is empty once `{#id}` and closing `#`s are gone.
//!
//! Headings kramdown sees but the outline does not are not listed here:
//! `#Title` without a space (a heading in kramdown input, not in GFM input),
//! a `# line` after a blank line inside a backtick fence in kramdown input
//! (backtick fences are not kramdown code blocks), headings inside
//! `<div markdown="1">`. Not modelled (the
//! heading is given the id computed without it): Liquid, which Jekyll runs
//! before kramdown; span extensions (`{::comment}`) and span IALs; abbreviations;
//! headings indented by 1–3 spaces, which kramdown does not read as headings
//! at the top level but does inside list items; the nesting rules of
//! emphasis (`_a _b_ c_`). With `transliterated_header_ids` (kramdown input),
//! a heading with non-ASCII text gets `""`: kramdown 2.4.0 needs the
//! `stringex` gem for it.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::document::markdown::Heading;

/// kramdown's `input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Input {
    /// `GFM` (kramdown-parser-gfm), Jekyll's default.
    #[default]
    Gfm,
    /// `kramdown`.
    Kramdown,
}

/// The site's `kramdown:` settings that decide heading ids; `Default` is
/// Jekyll 4.3.1's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdOptions {
    pub input: Input,
    pub auto_ids: bool,
    pub auto_id_prefix: String,
    /// Only read with kramdown input: GFM input always strips.
    pub auto_id_stripping: bool,
    /// kramdown input only; see the module documentation.
    pub transliterated_header_ids: bool,
}

impl Default for IdOptions {
    fn default() -> Self {
        IdOptions {
            input: Input::Gfm,
            auto_ids: true,
            auto_id_prefix: String::new(),
            auto_id_stripping: false,
            transliterated_header_ids: false,
        }
    }
}

/// The id kramdown writes for each heading of the outline, in order; `""`
/// when it writes none (see the module documentation). `source` is the
/// whole file, front matter included, as the headings' spans count it.
pub fn page_ids(source: &str, headings: &[Heading], options: &IdOptions) -> Vec<String> {
    let body = body_start(source);
    let defs = Definitions::scan(&source[body..]);
    let mut gfm_counts: HashMap<String, usize> = HashMap::new();
    let mut kramdown_used: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(headings.len());
    for h in headings {
        let Some(read) = read_heading(source, body, h, options.input) else {
            ids.push(String::new());
            continue;
        };
        if let Some(id) = read.explicit {
            ids.push(id);
            continue;
        }
        if !options.auto_ids {
            ids.push(String::new());
            continue;
        }
        let id = match options.input {
            Input::Gfm => {
                let base = gfm_id(&plain_text(&read.text, &defs, Input::Gfm, true));
                let n = gfm_counts.entry(base.clone()).or_insert(0);
                let id = if *n == 0 { base } else { format!("{base}-{n}") };
                *n += 1;
                format!("{}{id}", options.auto_id_prefix)
            }
            Input::Kramdown => {
                let raw = if options.auto_id_stripping {
                    plain_text(&read.text, &defs, Input::Kramdown, false)
                } else {
                    read.text.clone()
                };
                if options.transliterated_header_ids && !raw.is_ascii() {
                    ids.push(String::new());
                    continue;
                }
                let mut id = kramdown_id(&raw);
                if id.is_empty() {
                    id = "section".into();
                }
                match kramdown_used.get_mut(&id) {
                    Some(n) => {
                        *n += 1;
                        id = format!("{id}-{n}");
                    }
                    None => {
                        kramdown_used.insert(id.clone(), 0);
                    }
                }
                format!("{}{id}", options.auto_id_prefix)
            }
        };
        ids.push(id);
    }
    ids
}

/// kramdown-parser-gfm's id for a heading's plain text, before numbering
/// and prefix: downcased character by character (`Σ` is `σ` everywhere),
/// everything but word characters, `-`, space and tab removed, spaces and
/// tabs turned into `-`.
pub fn gfm_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            ' ' | '\t' => id.push('-'),
            '-' => id.push('-'),
            c if is_word(c) => id.push(c),
            _ => {}
        }
    }
    id
}

/// kramdown's `basic_generate_id` (kramdown input): leading characters
/// that are not ASCII letters removed, then all but ASCII letters, digits,
/// spaces and `-`, spaces to `-`, downcased. Empty when nothing is left
/// (kramdown then writes `section`).
pub fn kramdown_id(text: &str) -> String {
    let start = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    text[start..]
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' => Some('-'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Ruby's `\p{Word}`: letters and other alphabetic characters, marks,
/// decimal digits, connector punctuation, joiners.
fn is_word(c: char) -> bool {
    use std::sync::LazyLock;
    static WORD: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^\w$").expect("constant pattern"));
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let mut buf = [0; 4];
    WORD.is_match(c.encode_utf8(&mut buf))
}

/// A heading as kramdown reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderText {
    /// The text kramdown parses (and, with kramdown input, ids are made of).
    pub text: String,
    /// The id given by `{#id}` or an IAL, the one kramdown keeps.
    pub explicit: Option<String>,
}

/// Where the body starts: after a front matter block (`---` line to `---`
/// or `...` line), which Jekyll removes before kramdown sees the page.
fn body_start(source: &str) -> usize {
    let mut lines = line_ranges(source);
    let Some(first) = lines.next() else {
        return 0;
    };
    if source[first.clone()].trim_end() != "---" {
        return 0;
    }
    for line in lines {
        let t = source[line.clone()].trim_end();
        if t == "---" || t == "..." {
            return line.end;
        }
    }
    0
}

/// The byte ranges of the lines of `s`, newline included.
fn line_ranges(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= s.len() {
            return None;
        }
        let end = s[at..].find('\n').map_or(s.len(), |i| at + i + 1);
        let r = at..end;
        at = end;
        Some(r)
    })
}

fn line_start(source: &str, at: usize) -> usize {
    source[..at].rfind('\n').map_or(0, |i| i + 1)
}

fn line_end(source: &str, at: usize) -> usize {
    source[at..].find('\n').map_or(source.len(), |i| at + i)
}

/// The line before the one starting at `start`, newline excluded.
fn previous_line(source: &str, start: usize) -> Option<(usize, &str)> {
    if start == 0 {
        return None;
    }
    let s = line_start(source, start - 1);
    Some((s, source[s..start - 1].trim_end_matches('\r')))
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Reads one outline heading as kramdown does; `None` when kramdown does
/// not see a heading there.
fn read_heading(source: &str, body: usize, h: &Heading, input: Input) -> Option<HeaderText> {
    let span = h.span.start.min(source.len())..h.span.end.min(source.len());
    let marker = h.marker_span.start.min(source.len())..h.marker_span.end.min(source.len());
    if !source.is_char_boundary(span.start)
        || !source.is_char_boundary(span.end)
        || !source.is_char_boundary(marker.start)
        || !source.is_char_boundary(marker.end)
    {
        return None;
    }
    let first_line_start = line_start(source, span.start);
    let (contents, last_line_end) = if h.setext {
        // One line of text, then the underline, unindented.
        let text_end = line_end(source, span.start);
        let underline_start = line_start(source, marker.start);
        if underline_start != text_end + 1 {
            return None;
        }
        let before = source
            .get(underline_start..marker.start)
            .unwrap_or_default();
        if !before.is_empty() && before.trim().is_empty() {
            return None;
        }
        let text = source[span.start..text_end].trim_end_matches('\r');
        let text = text.trim_start_matches(' ');
        (text.to_string(), line_end(source, marker.start))
    } else {
        let end = line_end(source, marker.end);
        let after = source.get(marker.end..end).unwrap_or_default();
        let after = after.trim_end_matches('\r');
        (after.trim_start_matches([' ', '\t']).to_string(), end)
    };
    let prefix = source
        .get(first_line_start..if h.setext { span.start } else { marker.start })
        .unwrap_or_default();
    let top_level = prefix.trim().is_empty();
    let needs_boundary = h.setext || input == Input::Kramdown;
    if needs_boundary
        && top_level
        && first_line_start > body
        && let Some((_, prev)) = previous_line(source, first_line_start)
        && !is_blank(prev)
        && ial_line(prev).is_none()
    {
        return None;
    }
    let (mut text, mut explicit) = header_contents(&contents);
    if !h.setext {
        strip_closing_hashes(&mut text, input);
    }
    if text.is_empty() {
        return None;
    }
    // A block IAL standing alone above (after a blank line), then blank
    // lines, applies to the heading and beats `{#id}`.
    if top_level {
        let mut at = first_line_start;
        let mut above = Vec::new();
        while at > body {
            let Some((s, line)) = previous_line(source, at) else {
                break;
            };
            if is_blank(line) && above.is_empty() {
                at = s;
                continue;
            }
            match ial_line(line) {
                Some(ial) => above.push(ial),
                None => {
                    if !is_blank(line) {
                        above.clear();
                    }
                    break;
                }
            }
            at = s;
        }
        for ial in above.iter().rev() {
            if let Some(id) = ial_id(ial) {
                explicit = Some(id);
            }
        }
    }
    // IALs on the lines right after win.
    let mut at = last_line_end + 1;
    while at < source.len() {
        let end = line_end(source, at);
        let Some(ial) = ial_line(source[at..end].trim_end_matches('\r')) else {
            break;
        };
        if let Some(id) = ial_id(ial) {
            explicit = Some(id);
        }
        at = end + 1;
    }
    Some(HeaderText { text, explicit })
}

/// kramdown's `parse_header_contents`: the text without trailing
/// whitespace, and a `{#id}` ending it (after a space or tab, an XML name).
pub fn header_contents(contents: &str) -> (String, Option<String>) {
    let text = rstrip(contents);
    if let Some(open) = text.rfind("{#")
        && text.ends_with('}')
        && open > 0
        && matches!(text.as_bytes()[open - 1], b' ' | b'\t')
    {
        let name = &text[open + 2..text.len() - 1];
        let mut chars = name.chars();
        if chars.next().is_some_and(xml_name_start) && chars.all(xml_name_char) {
            return (
                rstrip(&text[..open - 1]).to_string(),
                Some(name.to_string()),
            );
        }
    }
    (text.to_string(), None)
}

/// Ruby's `rstrip`: whitespace and NUL.
fn rstrip(s: &str) -> &str {
    s.trim_end_matches([' ', '\t', '\n', '\u{b}', '\u{c}', '\r', '\0'])
}

/// The closing `#`s: GFM input (its `paragraph_end` quirk, on by default)
/// removes them after a space or tab; kramdown input removes any run not
/// after a backslash.
fn strip_closing_hashes(text: &mut String, input: Input) {
    let trimmed = text.trim_end_matches('#');
    if trimmed.len() == text.len() {
        return;
    }
    let cut = match input {
        Input::Gfm => trimmed.ends_with([' ', '\t']).then(|| trimmed.len() - 1),
        Input::Kramdown => {
            // The run may not start after a backslash: then it starts one
            // `#` later.
            if trimmed.ends_with('\\') {
                (trimmed.len() + 1 < text.len()).then_some(trimmed.len() + 1)
            } else {
                Some(trimmed.len())
            }
        }
    };
    if let Some(cut) = cut {
        text.truncate(cut);
        let len = rstrip(text).len();
        text.truncate(len);
    }
}

/// XML's NameStartChar.
fn xml_name_start(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML's NameChar.
fn xml_name_char(c: char) -> bool {
    xml_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// The inside of a block IAL line (`{: …}` alone on its line, up to three
/// spaces before it).
fn ial_line(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line[indent..].trim_end();
    let inner = rest.strip_prefix("{:")?.strip_suffix('}')?;
    if inner.is_empty() || inner.starts_with([':', '/']) {
        return None;
    }
    // `}` only escaped inside.
    let bytes = inner.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'}' && (i == 0 || bytes[i - 1] != b'\\') {
            return None;
        }
    }
    Some(inner)
}

/// The id an IAL sets (the last `#id` or `id="…"`), if any.
fn ial_id(ial: &str) -> Option<String> {
    let mut id = None;
    let mut rest = ial;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        // key="value" / key='value' (the value may hold spaces).
        let name_len = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.')))
            .unwrap_or(rest.len());
        let after_name = &rest[name_len..];
        if name_len > 0
            && let Some(q) = after_name.strip_prefix('=')
            && let Some(quote) = q.chars().next().filter(|c| *c == '"' || *c == '\'')
            && let Some(close) = q[1..].find(quote)
        {
            if &rest[..name_len] == "id" {
                id = Some(q[1..1 + close].replace("\\}", "}"));
            }
            rest = &q[1 + close + 1..];
            continue;
        }
        let token_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..token_len];
        rest = &rest[token_len..];
        if !token.starts_with(['#', '.']) {
            continue;
        }
        // `.class#id` and `#id.class`: id characters are word characters and `-`.
        let mut parts = token;
        while let Some(i) = parts.find(['#', '.']) {
            let kind = parts.as_bytes()[i];
            let value = &parts[i + 1..];
            let len = value
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(value.len());
            if kind == b'#' && len > 0 {
                id = Some(value[..len].to_string());
            }
            parts = &value[len..];
        }
    }
    id
}

/// Link and footnote definitions of a page, which decide whether
/// `[text][ref]` and `[^n]` are links and footnotes or text.
#[derive(Debug, Default)]
struct Definitions {
    links: HashSet<String>,
    footnotes: HashSet<String>,
}

impl Definitions {
    fn scan(body: &str) -> Definitions {
        let mut defs = Definitions::default();
        for line in body.lines() {
            let indent = line.len() - line.trim_start_matches(' ').len();
            if indent > 3 {
                continue;
            }
            let Some(rest) = line[indent..].strip_prefix('[') else {
                continue;
            };
            let Some(close) = rest.find(']') else {
                continue;
            };
            let Some(after) = rest[close + 1..].strip_prefix(':') else {
                continue;
            };
            let label = &rest[..close];
            if let Some(name) = label.strip_prefix('^') {
                defs.footnotes.insert(name.to_string());
            } else if !label.is_empty() && !after.trim().is_empty() {
                defs.links.insert(normalize_ref(label));
            }
        }
        defs
    }
}

/// kramdown's link reference key: whitespace runs to one space, downcased.
fn normalize_ref(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The characters GFM input's `\` escapes.
fn escapable(c: char, input: Input) -> bool {
    matches!(
        c,
        '\\' | '.'
            | '*'
            | '_'
            | '+'
            | '`'
            | '<'
            | '>'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '!'
            | ':'
            | '|'
            | '"'
            | '\''
            | '$'
            | '='
            | '-'
    ) || (c == '~' && input == Input::Gfm)
}

/// The text kramdown makes of a heading's markup for its id (`raw_text`
/// with `auto_id_stripping`): with `all` (GFM input), text, code spans,
/// math and entities; else (kramdown input) the text nodes only.
pub fn plain_text_of(text: &str, input: Input) -> String {
    plain_text(text, &Definitions::default(), input, input == Input::Gfm)
}

fn plain_text(text: &str, defs: &Definitions, input: Input, all: bool) -> String {
    let mut out = String::new();
    let scanner = Scanner {
        defs,
        input,
        all,
        budget: Cell::new(SCAN_BUDGET + 16 * text.len()),
        depth: Cell::new(0),
    };
    scanner.spans(text, &mut out);
    out
}

/// Characters the searches for closing delimiters may look at per heading,
/// beyond 16 per byte: past it (hostile input), openers are read as text.
const SCAN_BUDGET: usize = 1 << 20;
/// How deep links and emphasis may nest before the rest is read as text.
const MAX_DEPTH: usize = 64;

struct Scanner<'d> {
    defs: &'d Definitions,
    input: Input,
    /// Code, math and entities count too (GFM).
    all: bool,
    budget: Cell<usize>,
    depth: Cell<usize>,
}

impl Scanner<'_> {
    /// Takes `n` from the budget; false when it is spent.
    fn spend(&self, n: usize) -> bool {
        let left = self.budget.get();
        self.budget.set(left.saturating_sub(n));
        left >= n
    }

    /// `search` on at most what is left of the budget, which pays for the
    /// bytes looked at.
    fn limited(&self, s: &str, search: fn(&str, usize) -> Option<usize>) -> Option<usize> {
        let left = self.budget.get();
        let found = search(s, left);
        self.spend(found.map_or(s.len().min(left), |n| n + 1));
        found
    }

    /// The first `]` in `s`, within the budget.
    fn first_bracket(&self, s: &str) -> Option<usize> {
        self.limited(s, |s, limit| {
            s.char_indices()
                .take_while(|(i, _)| *i < limit)
                .find(|(_, c)| *c == ']')
                .map(|(i, _)| i)
        })
    }

    fn spans(&self, s: &str, out: &mut String) {
        if self.depth.get() >= MAX_DEPTH {
            out.push_str(s);
            return;
        }
        self.depth.set(self.depth.get() + 1);
        self.spans_inner(s, out);
        self.depth.set(self.depth.get() - 1);
    }

    fn spans_inner(&self, s: &str, out: &mut String) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < s.len() {
            let c = match s[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            let rest = &s[i..];
            match c {
                '\\' => {
                    if let Some(n) = rest[1..].chars().next()
                        && escapable(n, self.input)
                    {
                        out.push(n);
                        i += 1 + n.len_utf8();
                        continue;
                    }
                    out.push('\\');
                    i += 1;
                }
                '`' => i = self.codespan(s, i, out),
                '$' if rest.starts_with("$$") => match rest[2..].find("$$") {
                    Some(end) => {
                        if self.all {
                            out.push_str(&rest[2..2 + end]);
                        }
                        i += 2 + end + 2;
                    }
                    None => {
                        out.push('$');
                        i += 1;
                    }
                },
                '&' => i += self.entity(rest, out),
                '<' => i += self.angle(rest, out),
                ' ' if rest.starts_with(" >>") => i += 3,
                '>' if rest.starts_with(">>") => i += 2,
                '-' if rest.starts_with("---") => i += 3,
                '-' if rest.starts_with("--") => i += 2,
                '.' if rest.starts_with("...") => i += 3,
                '_' => i = self.emphasis(s, i, out),
                '!' if rest.starts_with("![") => i = self.link(s, i + 1, true, out),
                '[' => i = self.link(s, i, false, out),
                _ => {
                    out.push(c);
                    i += c.len_utf8();
                }
            }
            debug_assert!(i <= b.len());
        }
    }

    /// A code span at `i` (kramdown's rules); returns where to go on.
    fn codespan(&self, s: &str, i: usize, out: &mut String) -> usize {
        let run = s[i..].len() - s[i..].trim_start_matches('`').len();
        let after = i + run;
        let simple = run == 1;
        let prev_space = s[..i].chars().next_back().is_none_or(char::is_whitespace);
        let next_space = s[after..].chars().next().is_some_and(char::is_whitespace);
        if simple && prev_space && next_space {
            out.push('`');
            return after;
        }
        let delim = &s[i..after];
        match s[after..].find(delim) {
            Some(end) => {
                let mut code = &s[after..after + end];
                if !simple {
                    code = code.strip_prefix(' ').unwrap_or(code);
                    code = code.strip_suffix(' ').unwrap_or(code);
                }
                if self.all {
                    out.push_str(code);
                }
                after + end + run
            }
            None => {
                out.push_str(delim);
                after
            }
        }
    }

    /// `&…;`: a known entity's character (GFM), else `&` as text.
    fn entity(&self, rest: &str, out: &mut String) -> usize {
        let body = &rest[1..];
        let semi = body.find(';');
        let code = semi.and_then(|semi| {
            let name = &body[..semi];
            if let Some(num) = name.strip_prefix('#') {
                if let Some(hex) = num.strip_prefix(['x']) {
                    (!hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
                        .then(|| u32::from_str_radix(hex, 16).ok())
                        .flatten()
                } else {
                    (!num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| num.parse().ok())
                        .flatten()
                }
            } else {
                ENTITIES
                    .binary_search_by(|(n, _)| (*n).cmp(name))
                    .ok()
                    .map(|at| ENTITIES[at].1)
            }
        });
        match (code, semi) {
            (Some(code), Some(semi)) => {
                if self.all
                    && let Some(c) = char::from_u32(code)
                {
                    out.push(c);
                }
                semi + 2
            }
            _ => 1,
        }
    }

    /// At `<`: an autolink (its text), an HTML tag or comment (dropped,
    /// the content goes on as text), `<< ` or `<<` (dropped), or `<`.
    fn angle(&self, rest: &str, out: &mut String) -> usize {
        if let Some(n) = autolink(rest) {
            let url = &rest[1..n - 1];
            out.push_str(url.strip_prefix("mailto:").unwrap_or(url));
            return n;
        }
        if let Some(n) = html_tag(rest) {
            return n;
        }
        if rest.starts_with("<< ") {
            return 3;
        }
        if rest.starts_with("<<") {
            return 2;
        }
        out.push('<');
        1
    }

    /// `_` / `__` emphasis, kramdown's rules for `_`; the markers drop out.
    fn emphasis(&self, s: &str, i: usize, out: &mut String) -> usize {
        let run = if s[i..].starts_with("__") { 2 } else { 1 };
        if let Some(end) = self.emphasis_end(s, i, run) {
            self.spans(&s[i + run..end], out);
            return end + run;
        }
        if run == 2 {
            // `__` not closed: the first `_` is text, the second may open `_`.
            out.push('_');
            if let Some(end) = self.emphasis_end(s, i + 1, 1) {
                self.spans(&s[i + 2..end], out);
                return end + 1;
            }
            out.push('_');
            return i + 2;
        }
        out.push('_');
        i + 1
    }

    /// Where the emphasis opened by `run` underscores at `i` closes.
    fn emphasis_end(&self, s: &str, i: usize, run: usize) -> Option<usize> {
        let before = &s[..i];
        let mut back = before.chars().rev();
        let alpha_before = match back.next() {
            Some(c) if c.is_alphabetic() => true,
            Some('-') => back.next().is_some_and(char::is_alphabetic),
            _ => false,
        };
        let open_end = i + run;
        if alpha_before || s[open_end..].chars().next().is_none_or(char::is_whitespace) {
            return None;
        }
        let delim = &s[i..open_end];
        let mut j = open_end;
        while j < s.len() {
            if !self.spend(1) {
                return None;
            }
            let rest = &s[j..];
            let c = rest.chars().next()?;
            if c == '\\' {
                j += 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                continue;
            }
            if c == '`' {
                let mut sink = String::new();
                j = self.codespan(s, j, &mut sink);
                continue;
            }
            if rest.starts_with(delim) && j > open_end {
                let prev_space = s[..j].chars().next_back().is_some_and(char::is_whitespace);
                let after = &rest[run..];
                let strong_opens = run == 1 && after.starts_with('_') && !after.starts_with("__");
                let alnum_after = after.chars().next().is_some_and(char::is_alphanumeric);
                if !prev_space && !strong_opens && !alnum_after {
                    return Some(j);
                }
            }
            j += c.len_utf8();
        }
        None
    }

    /// `[text](url)`, `[text][ref]`, `[text]`, images (`image`, `!` at
    /// `i - 1`), footnote markers at `i` (the `[`).
    fn link(&self, s: &str, i: usize, image: bool, out: &mut String) -> usize {
        let rest = &s[i..];
        if !image
            && let Some(name) = rest.strip_prefix("[^")
            && let Some(close) = self.first_bracket(name)
            && self.defs.footnotes.contains(&name[..close])
        {
            return i + 2 + close + 1;
        }
        let Some(close) = self.limited(rest, matching_bracket) else {
            if image {
                out.push('!');
            }
            out.push('[');
            return i + 1;
        };
        let inner = &rest[1..close];
        let after = &rest[close + 1..];
        let end = if let Some(dest) = after.strip_prefix('(') {
            self.limited(dest, matching_paren)
                .map(|n| close + 1 + 1 + n + 1)
        } else if let Some(r) = after.strip_prefix('[') {
            self.first_bracket(r).and_then(|n| {
                let label = &r[..n];
                let key = if label.is_empty() { inner } else { label };
                self.defs
                    .links
                    .contains(&normalize_ref(key))
                    .then_some(close + 1 + 1 + n + 1)
            })
        } else {
            self.defs
                .links
                .contains(&normalize_ref(inner))
                .then_some(close + 1)
        };
        match end {
            Some(end) => {
                if !image {
                    self.spans(inner, out);
                }
                i + end
            }
            None => {
                if image {
                    out.push('!');
                }
                out.push('[');
                i + 1
            }
        }
    }
}

/// The `]` closing the `[` that starts `s`, brackets nested.
fn matching_bracket(s: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in s.char_indices().take_while(|(i, _)| *i < limit) {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The `)` closing an inline link destination (parentheses nested).
fn matching_paren(s: &str, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices().take_while(|(i, _)| *i < limit) {
        match c {
            '(' => depth += 1,
            ')' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// kramdown's autolink at the start of `s`: `<http://…>`, `<https…>`,
/// `<ftp…>`, `<ftps…>`, `<mailto:…>`, `<user@host.tld>`; its length.
fn autolink(s: &str) -> Option<usize> {
    let close = s.find('>')?;
    let inner = &s[1..close];
    let scheme = ["mailto:", "http:", "https:", "ftp:", "ftps:"]
        .iter()
        .find(|p| inner.starts_with(**p));
    if let Some(p) = scheme {
        return (inner.len() > p.len()).then_some(close + 1);
    }
    let (user, host) = inner.split_once('@')?;
    let user_ok = !user.is_empty()
        && user
            .chars()
            .all(|c| c == '-' || c == '.' || c.is_alphanumeric() || c == '_');
    let parts: Vec<&str> = host.split('.').collect();
    let host_ok = parts.len() >= 2
        && parts[..parts.len() - 1].iter().all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c == '-' || c == '_' || c.is_alphanumeric())
        })
        && parts
            .last()
            .is_some_and(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()));
    (user_ok && host_ok).then_some(close + 1)
}

/// An HTML comment, opening or closing tag at the start of `s`; its length.
fn html_tag(s: &str) -> Option<usize> {
    if let Some(body) = s.strip_prefix("<!--") {
        return body.find("-->").map(|n| 4 + n + 3);
    }
    let (closing, rest) = match s.strip_prefix("</") {
        Some(r) => (true, r),
        None => (false, &s[1..]),
    };
    let name = xml_uname(rest)?;
    let mut at = name;
    if closing {
        let r = &rest[at..];
        let ws = r.len() - r.trim_start().len();
        return r[ws..].starts_with('>').then_some(2 + at + ws + 1);
    }
    loop {
        let r = &rest[at..];
        let ws = r.len() - r.trim_start().len();
        let r2 = &r[ws..];
        if r2.starts_with('>') {
            return Some(1 + at + ws + 1);
        }
        if r2.starts_with("/>") {
            return Some(1 + at + ws + 2);
        }
        if ws == 0 {
            return None;
        }
        let n = xml_uname(r2)?;
        at += ws + n;
        let r3 = &rest[at..];
        let ws2 = r3.len() - r3.trim_start().len();
        if let Some(v) = r3[ws2..].strip_prefix('=') {
            let ws3 = v.len() - v.trim_start().len();
            let v = &v[ws3..];
            let q = v.chars().next()?;
            let len = if q == '"' || q == '\'' {
                v[1..].find(q)? + 2
            } else {
                let n = v.len()
                    - v.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_')
                        .len();
                if n == 0 {
                    return None;
                }
                n
            };
            at += ws2 + 1 + ws3 + len;
        }
    }
}

/// REXML's `UNAME_STR` at the start of `s` (`prefix:name`); its length.
fn xml_uname(s: &str) -> Option<usize> {
    let ncname = |s: &str| -> Option<usize> {
        let first = s.chars().next()?;
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        Some(
            s.len()
                - s.trim_start_matches(|c: char| {
                    c.is_alphanumeric() || matches!(c, '-' | '.' | '_')
                })
                .len(),
        )
    };
    let n = ncname(s)?;
    if let Some(r) = s[n..].strip_prefix(':')
        && let Some(m) = ncname(r)
    {
        return Some(n + 1 + m);
    }
    Some(n)
}

/// kramdown 2.4.0's named entities (`Kramdown::Utils::Entities`), sorted.
static ENTITIES: &[(&str, u32)] = &[
    ("AElig", 198),
    ("Aacute", 193),
    ("Acirc", 194),
    ("Agrave", 192),
    ("Alpha", 913),
    ("Aring", 197),
    ("Atilde", 195),
    ("Auml", 196),
    ("Beta", 914),
    ("Ccedil", 199),
    ("Chi", 935),
    ("Dagger", 8225),
    ("Delta", 916),
    ("ETH", 208),
    ("Eacute", 201),
    ("Ecirc", 202),
    ("Egrave", 200),
    ("Epsilon", 917),
    ("Eta", 919),
    ("Euml", 203),
    ("Gamma", 915),
    ("Iacute", 205),
    ("Icirc", 206),
    ("Igrave", 204),
    ("Iota", 921),
    ("Iuml", 207),
    ("Kappa", 922),
    ("Lambda", 923),
    ("Mu", 924),
    ("Ntilde", 209),
    ("Nu", 925),
    ("OElig", 338),
    ("Oacute", 211),
    ("Ocirc", 212),
    ("Ograve", 210),
    ("Omega", 937),
    ("Omicron", 927),
    ("Oslash", 216),
    ("Otilde", 213),
    ("Ouml", 214),
    ("Phi", 934),
    ("Pi", 928),
    ("Prime", 8243),
    ("Psi", 936),
    ("Rho", 929),
    ("Scaron", 352),
    ("Sigma", 931),
    ("THORN", 222),
    ("Tau", 932),
    ("Theta", 920),
    ("Uacute", 218),
    ("Ucirc", 219),
    ("Ugrave", 217),
    ("Upsilon", 933),
    ("Uuml", 220),
    ("Xi", 926),
    ("Yacute", 221),
    ("Yuml", 376),
    ("Zeta", 918),
    ("aacute", 225),
    ("acirc", 226),
    ("acute", 180),
    ("aelig", 230),
    ("agrave", 224),
    ("alefsym", 8501),
    ("alpha", 945),
    ("amp", 38),
    ("and", 8743),
    ("ang", 8736),
    ("apos", 39),
    ("aring", 229),
    ("asymp", 8776),
    ("atilde", 227),
    ("auml", 228),
    ("bdquo", 8222),
    ("beta", 946),
    ("brvbar", 166),
    ("bull", 8226),
    ("cap", 8745),
    ("ccedil", 231),
    ("cedil", 184),
    ("cent", 162),
    ("chi", 967),
    ("circ", 710),
    ("clubs", 9827),
    ("cong", 8773),
    ("copy", 169),
    ("crarr", 8629),
    ("cup", 8746),
    ("curren", 164),
    ("dArr", 8659),
    ("dagger", 8224),
    ("darr", 8595),
    ("deg", 176),
    ("delta", 948),
    ("diams", 9830),
    ("divide", 247),
    ("eacute", 233),
    ("ecirc", 234),
    ("egrave", 232),
    ("empty", 8709),
    ("emsp", 8195),
    ("ensp", 8194),
    ("epsilon", 949),
    ("equiv", 8801),
    ("eta", 951),
    ("eth", 240),
    ("euml", 235),
    ("euro", 8364),
    ("exist", 8707),
    ("fnof", 402),
    ("forall", 8704),
    ("frac12", 189),
    ("frac14", 188),
    ("frac34", 190),
    ("frasl", 8260),
    ("gamma", 947),
    ("ge", 8805),
    ("gt", 62),
    ("hArr", 8660),
    ("harr", 8596),
    ("hearts", 9829),
    ("hellip", 8230),
    ("iacute", 237),
    ("icirc", 238),
    ("iexcl", 161),
    ("igrave", 236),
    ("image", 8465),
    ("infin", 8734),
    ("int", 8747),
    ("iota", 953),
    ("iquest", 191),
    ("isin", 8712),
    ("iuml", 239),
    ("kappa", 954),
    ("lArr", 8656),
    ("lambda", 955),
    ("lang", 9002),
    ("laquo", 171),
    ("larr", 8592),
    ("lceil", 8969),
    ("ldquo", 8220),
    ("le", 8804),
    ("lfloor", 8970),
    ("lowast", 8727),
    ("loz", 9674),
    ("lrm", 8206),
    ("lsaquo", 8249),
    ("lsquo", 8216),
    ("lt", 60),
    ("macr", 175),
    ("mdash", 8212),
    ("micro", 181),
    ("middot", 183),
    ("minus", 8722),
    ("mu", 956),
    ("nabla", 8711),
    ("nbsp", 160),
    ("ndash", 8211),
    ("ne", 8800),
    ("ni", 8715),
    ("not", 172),
    ("notin", 8713),
    ("nsub", 8836),
    ("ntilde", 241),
    ("nu", 957),
    ("oacute", 243),
    ("ocirc", 244),
    ("oelig", 339),
    ("ograve", 242),
    ("oline", 8254),
    ("omega", 969),
    ("omicron", 959),
    ("oplus", 8853),
    ("or", 8744),
    ("ordf", 170),
    ("ordm", 186),
    ("oslash", 248),
    ("otilde", 245),
    ("otimes", 8855),
    ("ouml", 246),
    ("para", 182),
    ("part", 8706),
    ("permil", 8240),
    ("perp", 8869),
    ("phi", 966),
    ("pi", 960),
    ("piv", 982),
    ("plusmn", 177),
    ("pound", 163),
    ("prime", 8242),
    ("prod", 8719),
    ("prop", 8733),
    ("psi", 968),
    ("quot", 34),
    ("rArr", 8658),
    ("radic", 8730),
    ("rang", 9001),
    ("raquo", 187),
    ("rarr", 8594),
    ("rceil", 8968),
    ("rdquo", 8221),
    ("real", 8476),
    ("reg", 174),
    ("rfloor", 8971),
    ("rho", 961),
    ("rlm", 8207),
    ("rsaquo", 8250),
    ("rsquo", 8217),
    ("sbquo", 8218),
    ("scaron", 353),
    ("sdot", 8901),
    ("sect", 167),
    ("shy", 173),
    ("sigma", 963),
    ("sigmaf", 962),
    ("sim", 8764),
    ("spades", 9824),
    ("sub", 8834),
    ("sube", 8838),
    ("sum", 8721),
    ("sup", 8835),
    ("sup1", 185),
    ("sup2", 178),
    ("sup3", 179),
    ("supe", 8839),
    ("szlig", 223),
    ("tau", 964),
    ("there4", 8756),
    ("theta", 952),
    ("thetasym", 977),
    ("thinsp", 8201),
    ("thorn", 254),
    ("tilde", 732),
    ("times", 215),
    ("trade", 8482),
    ("uArr", 8657),
    ("uacute", 250),
    ("uarr", 8593),
    ("ucirc", 251),
    ("ugrave", 249),
    ("uml", 168),
    ("upsih", 978),
    ("upsilon", 965),
    ("uuml", 252),
    ("vellip", 8942),
    ("weierp", 8472),
    ("xi", 958),
    ("yacute", 253),
    ("yen", 165),
    ("yuml", 255),
    ("zeta", 950),
    ("zwj", 8205),
    ("zwnj", 8204),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::markdown::Outline;

    fn ids(doc: &str, options: &IdOptions) -> Vec<String> {
        page_ids(doc, &Outline::parse(doc, 0).headings, options)
    }

    fn gfm(doc: &str) -> Vec<String> {
        ids(doc, &IdOptions::default())
    }

    fn kramdown(doc: &str) -> Vec<String> {
        let options = IdOptions {
            input: Input::Kramdown,
            ..IdOptions::default()
        };
        ids(doc, &options)
    }

    // Each expectation below is what kramdown 2.4.0 with
    // kramdown-parser-gfm 1.1.0 writes, as Jekyll 4.3.1 configures it.

    #[test]
    fn gfm_keeps_unicode_underscores_and_numbers() {
        assert_eq!(
            gfm("# 123 Go snake_case Ünï 日本\n"),
            ["123-go-snake_case-ünï-日本"]
        );
        assert_eq!(gfm("# ΣΑΣ İ ß ǅ\n"), ["σασ-i̇-ß-ǆ"]);
        assert_eq!(gfm("# tab\there\n"), ["tab-here"]);
    }

    #[test]
    fn gfm_reads_the_markup_away() {
        assert_eq!(
            gfm("# `co_de` [link](http://x.y) ![alt](i.png) <span>in</span> &amp; &eacute;\n"),
            ["co_de-link--in--é"]
        );
        // Typographic symbols and smart quotes are not word characters; `<< `
        // and ` >>` take their space with them.
        assert_eq!(
            gfm("# a -- b ... << c >> \"q\" don't\n"),
            ["a--b--c-q-dont"]
        );
        // An unknown entity is `&` and text; an undefined footnote is text.
        assert_eq!(gfm("# &foo; x[^9]\n"), ["foo-x9"]);
        assert_eq!(gfm("# x[^1]\n\n[^1]: note\n"), ["x"]);
        assert_eq!(gfm("# <me@x.org> <mailto:me@x.org>\n"), ["mexorg-mexorg"]);
    }

    #[test]
    fn gfm_numbers_repeats_and_gives_punctuation_no_id() {
        assert_eq!(gfm("# A\n\n# A\n\n# A\n"), ["a", "a-1", "a-2"]);
        assert_eq!(gfm("# ***\n\n# ***\n"), ["", "-1"]);
        assert_eq!(gfm("# A {#a}\n\n# A\n"), ["a", "a"]);
    }

    #[test]
    fn kramdown_input_uses_the_source_text() {
        assert_eq!(
            kramdown("# 123 Go _em_ `co_de` &amp; [l](http://x.y)\n"),
            ["go-em-code-amp-lhttpxy"]
        );
        assert_eq!(kramdown("# ***\n\n# ***\n"), ["section", "section-1"]);
        assert_eq!(kramdown("# Ünï\n"), ["n"]);
    }

    #[test]
    fn explicit_ids_and_which_wins() {
        assert_eq!(gfm("# Title {#custom}\n"), ["custom"]);
        assert_eq!(gfm("# Title{#nospace}\n"), ["titlenospace"]);
        assert_eq!(gfm("# F {#1bad}\n"), ["f-1bad"]);
        assert_eq!(gfm("# T {#hid}\n{: #ial}\n"), ["ial"]);
        assert_eq!(gfm("{: #before}\n# T {#hid}\n"), ["before"]);
        assert_eq!(gfm("{: #b}\n# T\n{: #a}\n"), ["a"]);
        assert_eq!(gfm("# T\n{: .c #x}\n"), ["x"]);
        assert_eq!(gfm("# T\n{: id=\"q\"}\n"), ["q"]);
        assert_eq!(gfm("# T\n{: #one #two}\n"), ["two"]);
        assert_eq!(gfm("{: #lone}\n\n# T\n"), ["lone"]);
        assert_eq!(gfm("# T\n\n{: #not-mine}\n"), ["t"]);
    }

    #[test]
    fn crlf_lines() {
        assert_eq!(gfm("# A\r\n\r\n# B c\r\n"), ["a", "b-c"]);
        assert_eq!(kramdown("# A\r\n\r\n# B c\r\n"), ["a", "b-c"]);
    }

    #[test]
    fn closing_hashes() {
        assert_eq!(gfm("# Title ##\n"), ["title"]);
        assert_eq!(gfm("# Title#\n"), ["title"]);
        assert_eq!(gfm("# Title#\n\n# Title ##\n"), ["title", "title-1"]);
        assert_eq!(kramdown("# Z \\##\n"), ["z-"]);
    }

    #[test]
    fn what_kramdown_does_not_read_as_a_heading() {
        // Setext over two lines: a paragraph for kramdown.
        assert_eq!(gfm("para\nSetext\n===\n"), [""]);
        assert_eq!(gfm("Setext\n===\n"), ["setext"]);
        // kramdown input needs a blank line before an ATX heading; GFM not.
        assert_eq!(kramdown("# A\n# B\n"), ["a", ""]);
        assert_eq!(gfm("# A\n# B\n"), ["a", "b"]);
        // After front matter is the start of the body.
        let doc = "---\nt: 1\n---\n# A\n";
        let options = IdOptions {
            input: Input::Kramdown,
            ..IdOptions::default()
        };
        assert_eq!(
            page_ids(doc, &Outline::parse(doc, 12).headings, &options),
            ["a"]
        );
    }

    #[test]
    fn options() {
        let prefixed = IdOptions {
            auto_id_prefix: "p-".into(),
            ..IdOptions::default()
        };
        assert_eq!(ids("# A\n\n# A\n", &prefixed), ["p-a", "p-a-1"]);
        let off = IdOptions {
            auto_ids: false,
            ..IdOptions::default()
        };
        assert_eq!(ids("# A\n\n# B {#b}\n", &off), ["", "b"]);
        let stripping = IdOptions {
            input: Input::Kramdown,
            auto_id_stripping: true,
            ..IdOptions::default()
        };
        // Only text nodes: code and entities are left out.
        assert_eq!(ids("# a `code` &amp; _em_\n", &stripping), ["a---em"]);
    }

    #[test]
    fn hostile_headings_do_not_hang_or_overflow() {
        for line in [
            "[".repeat(100_000),
            format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)),
            "1_".repeat(50_000),
            "[a](".repeat(20_000),
            "_a ".repeat(30_000),
            "`".repeat(10_000) + "x",
            "&#99999999999;&#xFFFFFFFFF;&#xD800;".into(),
        ] {
            let doc = format!("# {line}\n");
            assert_eq!(gfm(&doc).len(), 1);
            assert_eq!(kramdown(&doc).len(), 1);
        }
    }

    #[test]
    fn id_functions() {
        assert_eq!(gfm_id("A b\tc-d_e!"), "a-b-c-d_e");
        assert_eq!(kramdown_id("123 A b-c_d é"), "a-b-cd-");
        assert_eq!(plain_text_of("x `c` &amp; y", Input::Gfm), "x c & y");
        assert_eq!(plain_text_of("x `c` &amp; y", Input::Kramdown), "x   y");
        assert_eq!(
            header_contents("Title {#id}  "),
            ("Title".to_string(), Some("id".to_string()))
        );
    }
}
