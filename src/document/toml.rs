//! TOML front matter, with byte spans (toml::de::DeTable).
//!
//! `DeTable::parse` gives a spanned tree; we copy it into our value tree,
//! shifting spans to the whole file. The parser refuses nesting deeper than
//! its own recursion limit, so the plain recursion here is bounded.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::frontmatter::{Key, Node, Quote, SyntaxError, Table, Value};

/// Parse the TOML in `source[content]` into a table whose spans index `source`.
pub fn parse(source: &str, content: Range<usize>) -> Result<Table, SyntaxError> {
    let offset = content.start;
    let Some(text) = source.get(content) else {
        return Err(SyntaxError::new(
            offset..offset,
            "front matter is not valid text",
        ));
    };
    let root = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        // The message's first line, without the snippet `Display` renders.
        let message = e.message().lines().next().unwrap_or_default();
        SyntaxError::new(
            span.start + offset..span.end + offset,
            &format!("invalid TOML: {message}"),
        )
    })?;
    let converter = Converter { source, offset };
    converter.table(root.into_inner())
}

struct Converter<'s> {
    source: &'s str,
    /// Where the parsed text starts in `source`.
    offset: usize,
}

impl Converter<'_> {
    fn table(&self, table: DeTable) -> Result<Table, SyntaxError> {
        let mut entries = Vec::with_capacity(table.len());
        for (key, value) in table {
            let key = Key {
                span: self.span(key.span()),
                name: key.into_inner().into_owned(),
            };
            entries.push((key, self.node(value)?));
        }
        // toml orders keys by name: restore the order they are written in.
        entries.sort_by_key(|(key, _)| key.span.start);
        Ok(Table { entries })
    }

    fn node(&self, value: Spanned<DeValue>) -> Result<Node, SyntaxError> {
        let span = self.span(value.span());
        let written = self.source.get(span.clone()).unwrap_or_default();
        let mut quote = Quote::None;
        let value = match value.into_inner() {
            DeValue::String(s) => {
                quote = quote_of(written);
                Value::String(s.into_owned())
            }
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(i) => Value::Integer(i),
                Err(_) => return Err(SyntaxError::new(span, "invalid TOML: integer out of range")),
            },
            // `as_str` is in Rust's float syntax (`inf`, `nan` included).
            DeValue::Float(f) => Value::Float(f.as_str().parse().unwrap_or(f64::NAN)),
            DeValue::Boolean(b) => Value::Bool(b),
            DeValue::Datetime(_) => Value::Datetime(written.to_owned()),
            DeValue::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|item| self.node(item))
                    .collect::<Result<_, _>>()?,
            ),
            DeValue::Table(table) => Value::Table(self.table(table)?),
        };
        Ok(Node { value, span, quote })
    }

    fn span(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }
}

fn quote_of(written: &str) -> Quote {
    if written.starts_with("\"\"\"") || written.starts_with("'''") {
        Quote::Block
    } else if written.starts_with('\'') {
        Quote::Single
    } else {
        Quote::Double
    }
}

#[cfg(test)]
mod tests {
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
    fn non_ascii_spans_are_exact_bytes_and_keys_keep_source_order() {
        let src = "+++\ntitle = \"Café — naïve\"\nauthor = \"José\"\n+++\nbody";
        let t = table(src);
        let names: Vec<_> = t.entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["title", "author"]);
        let (key, title) = t.get("TITLE").unwrap();
        assert_eq!(text(src, &key.span), "title");
        assert_eq!(text(src, &title.span), "\"Café — naïve\"");
        assert_eq!(title.as_str(), Some("Café — naïve"));
        let (key, author) = t.get("author").unwrap();
        assert_eq!(text(src, &key.span), "author");
        assert_eq!(text(src, &author.span), "\"José\"");
    }

    #[test]
    fn crlf_spans_exclude_line_breaks() {
        let src = "+++\r\ndate = \"14/01/2024\"\r\ndraft = true\r\n+++\r\n";
        let t = table(src);
        assert_eq!(text(src, &t.value("date").unwrap().span), "\"14/01/2024\"");
        let draft = t.value("draft").unwrap();
        assert_eq!(
            (text(src, &draft.span), &draft.value),
            ("true", &Value::Bool(true))
        );
    }

    #[test]
    fn list_items_keep_their_spans() {
        let src = "+++\ntags = ['one', \"two\", 3]\n+++\n";
        let tags = table(src).value("tags").unwrap().clone();
        assert_eq!(text(src, &tags.span), "['one', \"two\", 3]");
        let Value::Array(items) = &tags.value else {
            panic!("not a list")
        };
        let written: Vec<_> = items.iter().map(|n| text(src, &n.span)).collect();
        assert_eq!(written, ["'one'", "\"two\"", "3"]);
        assert_eq!(items[2].value, Value::Integer(3));
    }

    #[test]
    fn nested_tables() {
        let src = "+++\n\
            title = 'x'\n\
            menu.main.weight = 2\n\
            cover = { image = 'a.png', alt = 'A' }\n\
            [params]\n\
            author = 'Ann'\n\
            [params.toc]\n\
            show = false\n\
            [[resources]]\n\
            src = 'one.jpg'\n\
            [[resources]]\n\
            src = 'two.jpg'\n\
            +++\n";
        let t = table(src);
        let names: Vec<_> = t.entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["title", "menu", "cover", "params", "resources"]);

        let weight = t
            .value("menu")
            .unwrap()
            .as_table()
            .unwrap()
            .value("main")
            .unwrap();
        let weight = weight.as_table().unwrap().value("weight").unwrap();
        assert_eq!(
            (text(src, &weight.span), &weight.value),
            ("2", &Value::Integer(2))
        );

        let alt = t
            .value("cover")
            .unwrap()
            .as_table()
            .unwrap()
            .value("alt")
            .unwrap();
        assert_eq!(text(src, &alt.span), "'A'");

        let params = t.value("params").unwrap();
        assert_eq!(text(src, &params.span), "[params]");
        let params = params.as_table().unwrap();
        assert_eq!(params.value("author").unwrap().as_str(), Some("Ann"));
        let show = params
            .value("toc")
            .unwrap()
            .as_table()
            .unwrap()
            .value("show")
            .unwrap();
        assert_eq!(text(src, &show.span), "false");

        let Value::Array(resources) = &t.value("resources").unwrap().value else {
            panic!("not a list")
        };
        let srcs: Vec<_> = resources
            .iter()
            .map(|r| text(src, &r.as_table().unwrap().value("src").unwrap().span))
            .collect();
        assert_eq!(srcs, ["'one.jpg'", "'two.jpg'"]);
    }

    #[test]
    fn quote_styles() {
        let src = "+++\na = \"basic\"\nb = 'literal'\nc = \"\"\"\nmulti\"\"\"\nd = '''raw\nlines'''\ne = 1.5\n+++\n";
        let t = table(src);
        let check = |key: &str, quote: Quote, written: &str| {
            let node = t.value(key).unwrap();
            assert_eq!(node.quote, quote, "{key}");
            assert_eq!(text(src, &node.span), written, "{key}");
        };
        check("a", Quote::Double, "\"basic\"");
        check("b", Quote::Single, "'literal'");
        check("c", Quote::Block, "\"\"\"\nmulti\"\"\"");
        check("d", Quote::Block, "'''raw\nlines'''");
        check("e", Quote::None, "1.5");
        assert_eq!(t.value("c").unwrap().as_str(), Some("multi"));
        assert_eq!(t.value("e").unwrap().value, Value::Float(1.5));
    }

    #[test]
    fn datetimes_keep_their_text() {
        let src = "+++\ndate = 2024-01-14T10:30:00+01:00\nday = 2024-01-14\nat = 10:30:00\nquoted = \"2024-01-14\"\n+++\n";
        let t = table(src);
        let date = t.value("date").unwrap();
        assert_eq!(
            date.value,
            Value::Datetime("2024-01-14T10:30:00+01:00".into())
        );
        assert_eq!(text(src, &date.span), "2024-01-14T10:30:00+01:00");
        assert_eq!(
            t.value("day").unwrap().value,
            Value::Datetime("2024-01-14".into())
        );
        assert_eq!(
            t.value("at").unwrap().value,
            Value::Datetime("10:30:00".into())
        );
        assert_eq!(
            t.value("quoted").unwrap().value,
            Value::String("2024-01-14".into())
        );
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let src = "+++\ntitle = 'a'\ndate = \n+++\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.span.start, src.find("\n+++").unwrap());
        assert_eq!(
            e.message,
            "invalid TOML: string values must be quoted, expected literal string"
        );

        let src = "+++\ntitle = 'a'\ntitle = 'b'\n+++\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(
            e.span,
            src.rfind("title").unwrap()..src.rfind(" = 'b'").unwrap()
        );
        assert_eq!(e.message, "invalid TOML: duplicate key");
    }

    #[test]
    fn integer_out_of_range_is_an_error() {
        let src = "+++\nn = 99999999999999999999\n+++\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.message, "invalid TOML: integer out of range");
        assert_eq!(text(src, &e.span), "99999999999999999999");
    }

    #[test]
    fn deep_nesting_is_an_error_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                [
                    format!("+++\na = {}\n+++\n", "[".repeat(10_000)),
                    format!("+++\na = {}\n+++\n", "{b = ".repeat(10_000)),
                    format!("+++\n[{}]\n+++\n", vec!["a"; 10_000].join(".")),
                ]
                .iter()
                .map(|src| parse_file(src).unwrap_err().message)
                .collect::<Vec<_>>()
            })
            .unwrap();
        for message in handle.join().unwrap() {
            assert!(message.starts_with("invalid TOML: "), "{message}");
        }
    }

    #[test]
    fn empty_front_matter_is_an_empty_table() {
        assert_eq!(table("+++\n+++\n"), Table::default());
        assert_eq!(table("+++\n# comment\n+++\n"), Table::default());
    }
}
