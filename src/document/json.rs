//! JSON front matter, with byte spans (jsonc-parser AST).
//!
//! jsonc-parser accepts JSONC and JSON5 extensions by default; every one is
//! turned off so that only what Go's `encoding/json` (used by Hugo) reads is
//! accepted.

use std::ops::Range;

use jsonc_parser::ast::{self, ObjectPropName};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::frontmatter::{Key, Node, Quote, SyntaxError, Table, Value};
use super::yaml::{MAX_DEPTH, too_deep};

const STRICT: ParseOptions = ParseOptions {
    allow_comments: false,
    allow_loose_object_property_names: false,
    allow_trailing_commas: false,
    allow_missing_commas: false,
    allow_single_quoted_strings: false,
    allow_hexadecimal_numbers: false,
    allow_unary_plus_numbers: false,
    allow_bare_decimal_point_numbers: false,
    allow_non_finite_numbers: false,
    allow_extended_string_escapes: false,
};

/// Parse the JSON object `source[content]` into a table whose spans index `source`.
pub fn parse(source: &str, content: Range<usize>) -> Result<Table, SyntaxError> {
    let offset = content.start;
    let Some(text) = source.get(content) else {
        return Err(SyntaxError::new(
            offset..offset,
            "front matter is not valid text",
        ));
    };
    let parsed = parse_to_ast(text, &CollectOptions::default(), &STRICT).map_err(|e| {
        let message = format!("invalid JSON: {}", e.kind());
        SyntaxError::new(shift(e.range(), offset), &message)
    })?;
    match parsed.value {
        None => Ok(Table::default()),
        Some(ast::Value::Object(object)) => table(object, offset, 1),
        Some(other) => Err(SyntaxError::new(
            shift(other.range(), offset),
            "front matter must be a map of keys",
        )),
    }
}

/// An object nested in `depth` collections (itself included).
fn table(object: ast::Object, offset: usize, depth: usize) -> Result<Table, SyntaxError> {
    let mut entries = Vec::with_capacity(object.properties.len());
    for property in object.properties {
        let range = match &property.name {
            ObjectPropName::String(lit) => lit.range,
            ObjectPropName::Word(lit) => lit.range,
        };
        let key = Key {
            name: property.name.into_string(),
            span: shift(range, offset),
        };
        entries.push((key, node(property.value, offset, depth)?));
    }
    Ok(Table { entries })
}

/// A value inside `depth` collections.
fn node(value: ast::Value, offset: usize, depth: usize) -> Result<Node, SyntaxError> {
    let span = shift(value.range(), offset);
    let is_collection = matches!(value, ast::Value::Array(_) | ast::Value::Object(_));
    if is_collection && depth >= MAX_DEPTH {
        return Err(too_deep(span));
    }
    let mut quote = Quote::None;
    let value = match value {
        ast::Value::StringLit(s) => {
            quote = Quote::Double;
            Value::String(s.value.into_owned())
        }
        ast::Value::NumberLit(n) => number(n.value),
        ast::Value::BooleanLit(b) => Value::Bool(b.value),
        ast::Value::NullKeyword(_) => Value::Null,
        ast::Value::Array(array) => Value::Array(
            array
                .elements
                .into_iter()
                .map(|item| node(item, offset, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        ast::Value::Object(object) => Value::Table(table(object, offset, depth + 1)?),
    };
    Ok(Node { value, span, quote })
}

/// An integer when written without fraction or exponent (and in range).
fn number(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(i) => Value::Integer(i),
        Err(_) => Value::Float(text.parse().unwrap_or(f64::NAN)),
    }
}

fn shift(range: jsonc_parser::common::Range, offset: usize) -> Range<usize> {
    range.start + offset..range.end + offset
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
    fn non_ascii_spans_are_exact_bytes() {
        let src = "\n{\"title\": \"Café — naïve\", \"Author\": \"José\"}\nbody";
        let t = table(src);
        let (key, title) = t.get("title").unwrap();
        assert_eq!(text(src, &key.span), "\"title\"");
        assert_eq!(text(src, &title.span), "\"Café — naïve\"");
        assert_eq!(
            (title.as_str(), title.quote),
            (Some("Café — naïve"), Quote::Double)
        );
        let (key, author) = t.get("author").unwrap();
        assert_eq!(key.name, "Author");
        assert_eq!(text(src, &author.span), "\"José\"");
    }

    #[test]
    fn crlf_spans_exclude_line_breaks() {
        let src = "{\r\n  \"date\": \"14/01/2024\",\r\n  \"draft\": true\r\n}\r\nbody";
        let t = table(src);
        assert_eq!(text(src, &t.value("date").unwrap().span), "\"14/01/2024\"");
        let draft = t.value("draft").unwrap();
        assert_eq!(
            (text(src, &draft.span), &draft.value),
            ("true", &Value::Bool(true))
        );
    }

    #[test]
    fn values_map_naturally() {
        let src = "{\"n\": -3, \"f\": 1.5, \"e\": 1e3, \"z\": null, \"big\": 99999999999999999999,\n\
                    \"tags\": [\"a\", \"b\"], \"params\": {\"toc\": {\"show\": false}}}";
        let t = table(src);
        let value = |key: &str| t.value(key).unwrap().value.clone();
        assert_eq!(value("n"), Value::Integer(-3));
        assert_eq!(value("f"), Value::Float(1.5));
        assert_eq!(value("e"), Value::Float(1000.0));
        assert_eq!(value("z"), Value::Null);
        assert_eq!(value("big"), Value::Float(1e20));

        let tags = t.value("tags").unwrap().string_list().unwrap();
        let written: Vec<_> = tags.iter().map(|(_, n)| text(src, &n.span)).collect();
        assert_eq!(written, ["\"a\"", "\"b\""]);

        let toc = t
            .value("params")
            .unwrap()
            .as_table()
            .unwrap()
            .value("toc")
            .unwrap();
        assert_eq!(text(src, &toc.span), "{\"show\": false}");
        let show = toc.as_table().unwrap().value("show").unwrap();
        assert_eq!((text(src, &show.span), show.quote), ("false", Quote::None));
    }

    #[test]
    fn json_extensions_are_rejected() {
        let src = "{\"title\": \"a\",}\n";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.message, "invalid JSON: Trailing commas are not allowed");
        assert_eq!(text(src, &e.span), ",");

        for bad in [
            "{title: \"a\"}",
            "{\"title\": 'a'}",
            "{\"title\": \"a\" // note\n}",
            "{\"a\": 1 \"b\": 2}",
            "{\"n\": 0x10}",
            "{\"n\": +1}",
            "{\"n\": .5}",
            "{\"n\": NaN}",
        ] {
            let e = parse_file(bad).unwrap_err();
            assert!(
                e.message.starts_with("invalid JSON: "),
                "{bad}: {}",
                e.message
            );
        }
    }

    #[test]
    fn error_spans_are_in_the_whole_file() {
        let src = "\n\n{\"a\": 1, \"b\": }";
        let e = parse_file(src).unwrap_err();
        assert_eq!(e.message, "invalid JSON: Unexpected close brace");
        assert_eq!(e.span, 16..17);
        assert_eq!(text(src, &e.span), "}");
    }

    #[test]
    fn root_must_be_an_object() {
        let src = "[1, 2]";
        let e = parse(src, 0..src.len()).unwrap_err();
        assert_eq!(e.message, "front matter must be a map of keys");
        assert_eq!(e.span, 0..6);
    }

    #[test]
    fn deep_nesting_is_an_error_on_a_small_stack() {
        let handle = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(|| {
                let parser_limit = format!("{{\"a\": {}}}", "[".repeat(10_000));
                let our_limit = format!("{{\"a\": {}1{}}}", "[".repeat(300), "]".repeat(300));
                (parse_file(&parser_limit), parse_file(&our_limit))
            })
            .unwrap();
        let (parser_limit, our_limit) = handle.join().unwrap();
        assert!(
            parser_limit
                .unwrap_err()
                .message
                .starts_with("invalid JSON: ")
        );
        let e = our_limit.unwrap_err();
        assert_eq!(
            e.message,
            "front matter is nested more than 200 levels deep"
        );
        // The root object is level 1: the 200th `[` is one too many.
        assert_eq!(e.span.start, 6 + 199);
    }
}
