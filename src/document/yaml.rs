//! YAML front matter, with byte spans (granit-parser events).
//!
//! The parser emits a flat stream of events (`MappingStart`, `Scalar`,
//! `MappingEnd`, …). We build the tree with an explicit stack of open
//! collections, so deeply nested input cannot overflow the call stack, and we
//! bound both the nesting depth and the number of nodes aliases may produce.
//! Plain scalars are typed the way Go's YAML library (used by Hugo) types them.

use std::collections::HashMap;
use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle, ScanError, StructureStyle, Tag};

use super::frontmatter::{Key, Node, Quote, SyntaxError, Table, Value};

/// Most collections one value may be nested in (the root map counts as one).
pub(super) const MAX_DEPTH: usize = 200;
/// Most nodes a document may produce once aliases are expanded: bounds
/// "billion laughs" inputs, where each alias repeats an ever larger node.
const MAX_NODES: usize = 100_000;
/// Most bytes of text aliases may copy: bounds a few nodes that each
/// repeat a long string (20,000 aliases of a 1 MB string would be 20 GB).
const MAX_ALIAS_BYTES: usize = 10_000_000;

/// Parse the YAML in `source[content]` into a table whose spans index `source`.
pub fn parse(source: &str, content: Range<usize>) -> Result<Table, SyntaxError> {
    let offset = content.start;
    let Some(text) = source.get(content) else {
        return Err(SyntaxError::new(
            offset..offset,
            "front matter is not valid text",
        ));
    };
    let mut builder = Builder {
        source,
        stack: Vec::new(),
        anchors: HashMap::new(),
        nodes: 0,
        bytes: 0,
        alias_bytes: 0,
        last_end: offset,
        root: None,
        duplicate: None,
    };
    let options = granit_parser::options! { emit_comments: false };
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|e| scan_error(text, offset, &e))?;
        // Hugo reads only the first document.
        if matches!(event, Event::DocumentEnd) {
            break;
        }
        let span = span.byte_range().unwrap_or(0..0);
        builder.event(event, span.start + offset..span.end + offset)?;
        if let Some(e) = builder.duplicate.take() {
            return Err(e);
        }
    }
    root_table(builder.root)
}

/// The document's root must be a map, or nothing at all (empty or `null`).
fn root_table(root: Option<Node>) -> Result<Table, SyntaxError> {
    let Some(root) = root else {
        return Ok(Table::default());
    };
    match root.value {
        Value::Table(table) => Ok(table),
        Value::Null => Ok(Table::default()),
        _ => {
            let message = format!(
                "front matter must be a map of keys, not {}",
                root.type_name()
            );
            Err(SyntaxError::new(root.span, &message))
        }
    }
}

/// The tree under construction.
struct Builder<'s> {
    source: &'s str,
    /// The collections opened and not yet closed, innermost last.
    stack: Vec<Frame>,
    /// Anchored nodes by the parser's anchor id, for aliases to copy.
    anchors: HashMap<usize, Anchored>,
    /// Nodes produced so far, alias copies included.
    nodes: usize,
    /// Bytes of scalar text produced so far, alias copies included.
    bytes: usize,
    /// Bytes of scalar text copied by aliases.
    alias_bytes: usize,
    /// End of the previous event's span.
    last_end: usize,
    root: Option<Node>,
    /// A key repeated in one map: Hugo (0.168, goccy/go-yaml) refuses it.
    duplicate: Option<SyntaxError>,
}

struct Frame {
    kind: Kind,
    start: usize,
    /// End of the last child so far: where a block collection ends.
    end: usize,
    flow: bool,
    anchor: usize,
    /// `Builder::nodes` before this collection opened.
    nodes_before: usize,
    /// `Builder::bytes` before this collection opened.
    bytes_before: usize,
    /// Collection levels in this node, itself included.
    height: usize,
}

enum Kind {
    Seq(Vec<Node>),
    /// A map and the key waiting for its value.
    Map(Table, Option<Key>),
}

struct Anchored {
    node: Node,
    size: usize,
    /// Bytes of scalar text in the node.
    bytes: usize,
    height: usize,
}

impl Builder<'_> {
    fn event(&mut self, event: Event, span: Range<usize>) -> Result<(), SyntaxError> {
        let end = span.end;
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let node = self.scalar(&value, style, tag.as_deref(), span);
                self.nodes += 1;
                self.bytes += value.len();
                self.complete(node, (1, value.len()), 0, anchor);
            }
            Event::SequenceStart(style, anchor, _) => {
                self.open(Kind::Seq(Vec::new()), style, anchor, span)?;
            }
            Event::MappingStart(style, anchor, _) => {
                self.open(Kind::Map(Table::default(), None), style, anchor, span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Alias(id) => self.alias(id, span)?,
            _ => {}
        }
        self.last_end = end;
        Ok(())
    }

    fn scalar(
        &self,
        text: &str,
        style: ScalarStyle,
        tag: Option<&Tag>,
        span: Range<usize>,
    ) -> Node {
        let quote = match style {
            ScalarStyle::Plain => Quote::None,
            ScalarStyle::SingleQuoted => Quote::Single,
            ScalarStyle::DoubleQuoted => Quote::Double,
            ScalarStyle::Literal | ScalarStyle::Folded => Quote::Block,
        };
        let is_str_tag = tag.is_some_and(|t| t.is_yaml_core_schema_tag("str"));
        let value = if quote == Quote::None && !is_str_tag {
            resolve_plain(text)
        } else {
            Value::String(text.to_owned())
        };
        let span = if quote == Quote::Block {
            self.block_span(span)
        } else if span.is_empty() && self.source.as_bytes().get(span.start) == Some(&b':') {
            // An omitted value is placed on its key's `:`: move it just
            // after, where a value would be written.
            span.start + 1..span.start + 1
        } else {
            span
        };
        Node { value, span, quote }
    }

    /// A block scalar's event span covers only its content lines: extend it
    /// back to the `|` or `>` indicator (the first one after the previous
    /// event that starts a token) and drop the trailing line breaks.
    fn block_span(&self, content: Range<usize>) -> Range<usize> {
        let bytes = self.source.as_bytes();
        let after_blank = |i: usize| {
            i.checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(u8::is_ascii_whitespace)
        };
        let start = (self.last_end..content.start)
            .find(|&i| matches!(bytes.get(i), Some(b'|' | b'>')) && after_blank(i))
            .unwrap_or(content.start);
        let written = self.source.get(start..content.end).unwrap_or("");
        start..start + written.trim_end().len()
    }

    fn open(
        &mut self,
        kind: Kind,
        style: StructureStyle,
        anchor: usize,
        span: Range<usize>,
    ) -> Result<(), SyntaxError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(too_deep(span));
        }
        let flow = style == StructureStyle::Flow;
        let start = match kind {
            Kind::Seq(_) if !flow => self.dash_before(span.start),
            _ => span.start,
        };
        self.stack.push(Frame {
            kind,
            start,
            end: span.end,
            flow,
            anchor,
            nodes_before: self.nodes,
            bytes_before: self.bytes,
            height: 1,
        });
        self.nodes += 1;
        Ok(())
    }

    /// A block sequence not indented under its key (`tags:\n- a`) starts, for
    /// the parser, at its first item: step back to the item's `-`.
    fn dash_before(&self, at: usize) -> usize {
        if self.source.as_bytes().get(at) == Some(&b'-') {
            return at;
        }
        let before = self.source.get(..at).unwrap_or_default();
        let blank = before.trim_end_matches([' ', '\t']);
        match blank.strip_suffix('-') {
            Some(rest) => rest.len(),
            None => at,
        }
    }

    fn close(&mut self, span: Range<usize>) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let value = match frame.kind {
            Kind::Seq(items) => Value::Array(items),
            Kind::Map(table, _) => Value::Table(table),
        };
        let end = if frame.flow { span.end } else { frame.end };
        let node = Node {
            value,
            span: frame.start..end,
            quote: Quote::None,
        };
        let size = (
            self.nodes - frame.nodes_before,
            self.bytes - frame.bytes_before,
        );
        self.complete(node, size, frame.height, frame.anchor);
    }

    /// An alias is a copy of its anchored node, spanning the `*name` token.
    fn alias(&mut self, id: usize, span: Range<usize>) -> Result<(), SyntaxError> {
        let Some(target) = self.anchors.get(&id) else {
            // Its anchor is on a collection still open: the alias is inside it.
            return Err(SyntaxError::new(
                span,
                "invalid YAML: an alias refers to a node that contains it",
            ));
        };
        self.nodes += target.size;
        if self.nodes > MAX_NODES {
            let message = format!("too many alias expansions: more than {MAX_NODES} values");
            return Err(SyntaxError::new(span, &message));
        }
        self.bytes += target.bytes;
        self.alias_bytes += target.bytes;
        if self.alias_bytes > MAX_ALIAS_BYTES {
            let message = format!(
                "too many alias expansions: more than {} MB of text",
                MAX_ALIAS_BYTES / 1_000_000
            );
            return Err(SyntaxError::new(span, &message));
        }
        if self.stack.len() + target.height > MAX_DEPTH {
            return Err(too_deep(span));
        }
        let (size, height) = ((target.size, target.bytes), target.height);
        let mut node = target.node.clone();
        node.span = span;
        node.quote = Quote::None;
        self.complete(node, size, height, 0);
        Ok(())
    }

    /// Attach a finished node to the open collection (or make it the root);
    /// `size`: its nodes and bytes of text.
    fn complete(&mut self, node: Node, size: (usize, usize), height: usize, anchor: usize) {
        if anchor != 0 {
            let anchored = Anchored {
                node: node.clone(),
                size: size.0,
                bytes: size.1,
                height,
            };
            self.anchors.insert(anchor, anchored);
        }
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        parent.end = node.span.end;
        parent.height = parent.height.max(height + 1);
        match &mut parent.kind {
            Kind::Seq(items) => items.push(node),
            Kind::Map(table, pending) => match pending.take() {
                Some(key) => table.entries.push((key, node)),
                None => {
                    let key = key_of(self.source, node);
                    if let Some((first, _)) = table.entries.iter().find(|(k, _)| k.name == key.name)
                    {
                        let message = format!(
                            "invalid YAML: key `{}` is already defined on line {}",
                            key.name,
                            self.source[..first.span.start].matches('\n').count() + 1
                        );
                        self.duplicate = Some(SyntaxError::new(key.span.clone(), &message));
                    }
                    *pending = Some(key);
                }
            },
        }
    }
}

/// A mapping key: a string's value, or any other node's source text.
fn key_of(source: &str, node: Node) -> Key {
    let name = match node.value {
        Value::String(s) => s,
        _ => source.get(node.span.clone()).unwrap_or_default().to_owned(),
    };
    Key {
        name,
        span: node.span,
    }
}

/// Type a plain scalar as Go's YAML (v3) does when decoding into an
/// `interface{}`; dates stay strings.
fn resolve_plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Value::Float(f64::NAN),
        _ => {
            let plain = text.replace('_', "");
            if let Some(i) = parse_int(&plain) {
                Value::Integer(i)
            } else if let Some(f) = parse_float(&plain) {
                Value::Float(f)
            } else {
                Value::String(text.to_owned())
            }
        }
    }
}

/// A signed decimal, `0x` hexadecimal, `0o` octal or `0b` binary integer.
fn parse_int(text: &str) -> Option<i64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = [(16, "0x"), (8, "0o"), (2, "0b")]
        .into_iter()
        .find_map(|(radix, prefix)| unsigned.strip_prefix(prefix).map(|d| (radix, d)))
        .unwrap_or((10, unsigned));
    // `from_str_radix` would accept a second sign.
    if !digits.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let magnitude = i128::from_str_radix(digits, radix).ok()?;
    i64::try_from(if negative { -magnitude } else { magnitude }).ok()
}

/// A decimal float such as `1.5`, `-.5`, `1e3` (no `inf`/`nan` words).
fn parse_float(text: &str) -> Option<f64> {
    let number_chars = text
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    if number_chars {
        text.parse().ok()
    } else {
        None
    }
}

pub(super) fn too_deep(span: Range<usize>) -> SyntaxError {
    let message = format!("front matter is nested more than {MAX_DEPTH} levels deep");
    SyntaxError::new(span, &message)
}

/// A parser error, at the character it points to in `text` (which starts at
/// `offset` in the whole file).
fn scan_error(text: &str, offset: usize, e: &ScanError) -> SyntaxError {
    let at = e.marker().byte_offset().unwrap_or(0).min(text.len());
    let len = text
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    let start = offset + at;
    SyntaxError::new(start..start + len, &format!("invalid YAML: {}", e.info()))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::document::frontmatter::split;

    /// Parse the front matter of a whole file.
    fn parse_file(src: &str) -> Result<Table, SyntaxError> {
        let content = split(src).unwrap().unwrap().content;
        parse(src, content)
    }

    fn table(src: &str) -> Table {
        parse_file(src).unwrap()
    }

    fn text<'a>(src: &'a str, span: &Range<usize>) -> &'a str {
        &src[span.clone()]
    }

    #[test]
    fn non_ascii_spans_are_exact_bytes() {
        let src = "---\ntitle: \"Café — naïve\"\nauthor: José\n---\nbody";
        let t = table(src);
        let (key, title) = t.get("title").unwrap();
        assert_eq!(text(src, &key.span), "title");
        assert_eq!(text(src, &title.span), "\"Café — naïve\"");
        assert_eq!(title.as_str(), Some("Café — naïve"));
        let (key, author) = t.get("AUTHOR").unwrap();
        assert_eq!(key.name, "author");
        assert_eq!(text(src, &key.span), "author");
        assert_eq!(text(src, &author.span), "José");
    }

    #[test]
    fn crlf_spans_exclude_line_breaks() {
        let src =
            "---\r\ndate: \"14/01/2024\"\r\ndraft: true\r\ntags:\r\n  - a\r\n  - b\r\n---\r\n";
        let t = table(src);
        assert_eq!(text(src, &t.value("date").unwrap().span), "\"14/01/2024\"");
        assert_eq!(text(src, &t.value("draft").unwrap().span), "true");
        let tags = t.value("tags").unwrap();
        assert_eq!(text(src, &tags.span), "- a\r\n  - b");
    }

    #[test]
    fn list_items_keep_their_spans() {
        let src = "---\ntags:\n  - one\n  - 'two'\ncats: [x, \"y z\"]\nids:\n- 1\n- 2\n---\n";
        let t = table(src);
        let ids = t.value("ids").unwrap();
        assert_eq!(text(src, &ids.span), "- 1\n- 2");
        let items: Vec<_> = t
            .value("tags")
            .unwrap()
            .string_list()
            .unwrap()
            .into_iter()
            .map(|(s, n)| (s, text(src, &n.span)))
            .collect();
        assert_eq!(items, [("one", "one"), ("two", "'two'")]);
        let cats = t.value("cats").unwrap();
        assert_eq!(text(src, &cats.span), "[x, \"y z\"]");
        let Value::Array(items) = &cats.value else {
            panic!("not a list")
        };
        assert_eq!(text(src, &items[1].span), "\"y z\"");
    }

    #[test]
    fn nested_maps() {
        let src = "---\nparams:\n  author:\n    name: Ann\n  toc: {show: false}\nlast: 1\n---\n";
        let t = table(src);
        let params = t.value("params").unwrap().as_table().unwrap();
        let author = params.value("author").unwrap().as_table().unwrap();
        let name = author.value("name").unwrap();
        assert_eq!(name.as_str(), Some("Ann"));
        assert_eq!(text(src, &name.span), "Ann");
        let toc = params.value("toc").unwrap();
        assert_eq!(text(src, &toc.span), "{show: false}");
        assert_eq!(
            toc.as_table().unwrap().value("show").unwrap().value,
            Value::Bool(false)
        );
        let block = t.value("params").unwrap();
        assert_eq!(
            text(src, &block.span),
            "author:\n    name: Ann\n  toc: {show: false}"
        );
        assert_eq!(t.value("last").unwrap().value, Value::Integer(1));
    }

    #[test]
    fn quote_styles() {
        let src = "---\na: plain\nb: 'single'\nc: \"double\"\nd: |\n  line one\n  line two\n\ne: >-\n  folded\n  text\n---\n";
        let t = table(src);
        let check = |key: &str, quote: Quote, value: &str, written: &str| {
            let node = t.value(key).unwrap();
            assert_eq!(node.quote, quote, "{key}");
            assert_eq!(node.as_str(), Some(value), "{key}");
            assert_eq!(text(src, &node.span), written, "{key}");
        };
        check("a", Quote::None, "plain", "plain");
        check("b", Quote::Single, "single", "'single'");
        check("c", Quote::Double, "double", "\"double\"");
        check(
            "d",
            Quote::Block,
            "line one\nline two\n",
            "|\n  line one\n  line two",
        );
        check("e", Quote::Block, "folded text", ">-\n  folded\n  text");
    }

    #[test]
    fn plain_scalars_are_typed_like_go_yaml() {
        let src = "---\n\
            t: True\nf: FALSE\nn: null\ntilde: ~\nempty:\n\
            dec: -42\nhex: 0x1F\noct: 0o17\nsep: 1_000\n\
            float: 1.5\nexp: 1e3\ninf: -.inf\n\
            date: 2024-01-14\nyes: yes\nquoted: \"true\"\nstr: !!str 12\nbig: 99999999999999999999\n---\n";
        let t = table(src);
        let value = |key: &str| t.value(key).unwrap().value.clone();
        assert_eq!(value("t"), Value::Bool(true));
        assert_eq!(value("f"), Value::Bool(false));
        assert_eq!(value("n"), Value::Null);
        assert_eq!(value("tilde"), Value::Null);
        assert_eq!(value("empty"), Value::Null);
        assert_eq!(value("dec"), Value::Integer(-42));
        assert_eq!(value("hex"), Value::Integer(31));
        assert_eq!(value("oct"), Value::Integer(15));
        assert_eq!(value("sep"), Value::Integer(1000));
        assert_eq!(value("float"), Value::Float(1.5));
        assert_eq!(value("exp"), Value::Float(1000.0));
        assert_eq!(value("inf"), Value::Float(f64::NEG_INFINITY));
        assert_eq!(value("date"), Value::String("2024-01-14".into()));
        assert_eq!(value("yes"), Value::String("yes".into()));
        assert_eq!(value("quoted"), Value::String("true".into()));
        assert_eq!(value("str"), Value::String("12".into()));
        assert_eq!(value("big"), Value::Float(1e20));
        assert!(matches!(resolve_plain(".nan"), Value::Float(f) if f.is_nan()));
        assert_eq!(resolve_plain("1.2.3"), Value::String("1.2.3".into()));
        assert_eq!(resolve_plain("inf"), Value::String("inf".into()));
        assert_eq!(resolve_plain("+-1"), Value::String("+-1".into()));
    }

    #[test]
    fn omitted_values_sit_after_their_indicator() {
        let src = "---\na:\nb: {c: , d: 1}\nl:\n  -\n---\n";
        let t = table(src);
        let a = t.value("a").unwrap();
        assert_eq!((a.span.clone(), &a.value), (6..6, &Value::Null));
        let c = t
            .value("b")
            .unwrap()
            .as_table()
            .unwrap()
            .value("c")
            .unwrap();
        assert_eq!(&src[..c.span.start], "---\na:\nb: {c:");
        assert!(c.span.is_empty());
        let Value::Array(items) = &t.value("l").unwrap().value else {
            panic!("not a list")
        };
        assert_eq!(
            &src[..items[0].span.start],
            "---\na:\nb: {c: , d: 1}\nl:\n  -"
        );
    }

    #[test]
    fn non_string_keys_use_their_source_text() {
        let src = "---\n2024: a\ntrue: b\n? [1, 2]\n: c\n---\n";
        let names: Vec<_> = table(src)
            .entries
            .into_iter()
            .map(|(k, _)| k.name)
            .collect();
        assert_eq!(names, ["2024", "true", "[1, 2]"]);
    }

    #[test]
    fn alias_copies_the_anchored_node_with_its_own_span() {
        let src = "---\nbase: &b {draft: true}\nother: *b\n---\n";
        let t = table(src);
        let other = t.value("other").unwrap();
        assert_eq!(text(src, &other.span), "*b");
        assert_eq!(other.value, t.value("base").unwrap().value);
    }

    #[test]
    fn recursive_alias_is_an_error() {
        let src = "---\na: &x [1, *x]\n---\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(text(src, &e.span), "*x");
    }

    fn billion_laughs() -> String {
        let mut src =
            String::from("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            src.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        src.push_str("---\n");
        src
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let src = billion_laughs();
        let started = Instant::now();
        let e = parse_file(&src).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(
            e.message.starts_with("too many alias expansions"),
            "{}",
            e.message
        );
        assert!(text(&src, &e.span).starts_with("*a"));
    }

    /// Found by `tests/hostile.rs`: few nodes, each a copy of a 1 MB
    /// string, aborted the process asking for 20 GB.
    #[test]
    fn aliases_of_long_strings_are_refused_before_memory_runs_out() {
        let src = format!(
            "---\na: &a \"{}\"\nb: [{}*a]\n---\n",
            "x".repeat(1_000_000),
            "*a, ".repeat(20_000)
        );
        let e = parse_file(&src).unwrap_err();
        assert_eq!(
            e.message,
            "too many alias expansions: more than 10 MB of text"
        );
        assert_eq!(text(&src, &e.span), "*a");
        // Nine copies are fine.
        let src = format!(
            "---\na: &a \"{}\"\nb: [{}*a]\n---\n",
            "x".repeat(1_000_000),
            "*a, ".repeat(8)
        );
        let t = table(&src);
        let Value::Array(items) = &t.value("b").unwrap().value else {
            panic!("not a list")
        };
        assert_eq!(items.len(), 9);
    }

    #[test]
    fn aliases_cannot_exceed_the_depth_limit() {
        // Each is 150 levels deep: `b` would be 300.
        let deep = |inner: &str| format!("{}{inner}{}", "[".repeat(150), "]".repeat(150));
        let src = format!("---\na: &a {}\nb: {}\n---\n", deep("1"), deep("*a"));
        let e = parse_file(&src).unwrap_err();
        assert!(e.message.contains("nested more than 200"), "{}", e.message);
        assert_eq!(text(&src, &e.span), "*a");
    }

    fn deep_nesting() -> String {
        format!("---\na: {}\n---\n", "[".repeat(10_000))
    }

    #[test]
    fn deep_nesting_is_an_error() {
        // The parser's own limit (255 levels) stops this one.
        let src = deep_nesting();
        let e = parse_file(&src).unwrap_err();
        assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
        assert_eq!(text(&src, &e.span), "[");

        // Ours stops at 200: the root map is level 1, so the 200th `[` is one too many.
        let src = format!("---\na: {}1{}\n---\n", "[".repeat(230), "]".repeat(230));
        let e = parse_file(&src).unwrap_err();
        assert_eq!(
            e.message,
            "front matter is nested more than 200 levels deep"
        );
        assert_eq!(e.span, 7 + 199..7 + 200);
    }

    #[test]
    fn deep_nesting_is_an_error_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                parse_file(&deep_nesting()).is_err()
                    && parse_file(&format!("---\n{}\n---\n", "{a: ".repeat(10_000))).is_err()
                    && parse_file(&billion_laughs()).is_err()
            })
            .unwrap();
        assert!(handle.join().unwrap());
    }

    #[test]
    fn duplicate_keys_are_errors_as_in_hugo() {
        // Hugo 0.168: `mapping key "title" already defined at [1:1]`.
        let src = "---\ntitle: a\ntitle: b\n---\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(&src[e.span.clone()], "title");
        assert_eq!(e.span.start, 13);
        assert!(
            e.message.contains("already defined on line 2"),
            "{}",
            e.message
        );
        // Keys are case-sensitive in YAML itself.
        assert!(parse_file("---\ntitle: a\nTitle: b\n---\n").is_ok());
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let src = "---\ntitle: [a, b\n---\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.span, 11..12);
        assert_eq!(e.message, "invalid YAML: unclosed bracket '['");

        let src = "---\ntitle: a\n bad: b\n---\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.span.start, src.find(": b").unwrap());
        assert!(e.message.starts_with("invalid YAML: "));
        assert!(!e.message.contains("line"), "{}", e.message);
    }

    #[test]
    fn root_must_be_a_map() {
        let src = "---\n- a\n- b\n---\n";
        let e = parse_file(src).unwrap_err();
        assert!(e.message.starts_with("front matter must be a map of keys"));
        assert_eq!(text(src, &e.span), "- a\n- b");
        assert!(parse_file("---\njust text\n---\n").is_err());
    }

    #[test]
    fn empty_front_matter_is_an_empty_table() {
        assert_eq!(table("---\n---\n"), Table::default());
        assert_eq!(table("---\n# only a comment\n---\n"), Table::default());
        assert_eq!(table("---\n~\n---\n"), Table::default());
    }

    /// Every key and value span slices `src` (in bounds, on char boundaries).
    fn assert_spans_slice(src: &str, table: &Table) {
        let mut tables = vec![table];
        while let Some(table) = tables.pop() {
            let mut nodes: Vec<&Node> = Vec::new();
            for (key, value) in &table.entries {
                assert!(src.get(key.span.clone()).is_some(), "{key:?}");
                nodes.push(value);
            }
            while let Some(node) = nodes.pop() {
                assert!(src.get(node.span.clone()).is_some(), "{node:?}");
                match &node.value {
                    Value::Array(items) => nodes.extend(items),
                    Value::Table(table) => tables.push(table),
                    _ => {}
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_slice(body in "[ab: \\-\\[\\]{},&*!?|>'\"#\n\r\té~.0-9]{0,80}") {
            let src = format!("---\n{body}\n---\n");
            if let Ok(Some(s)) = split(&src)
                && let Ok(table) = parse(&src, s.content)
            {
                assert_spans_slice(&src, &table);
            }
        }
    }

    #[test]
    fn only_the_first_document_counts() {
        let src = "a: 1 # comment\n---\nb: [\n";
        let t = parse(src, 0..src.len()).unwrap();
        assert_eq!(t.entries.len(), 1);
        assert_eq!(t.value("a").unwrap().value, Value::Integer(1));
    }
}
