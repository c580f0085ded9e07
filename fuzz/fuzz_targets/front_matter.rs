//! Front matter splitting and parsing (YAML, TOML, JSON): no panic, every
//! span slices the input inside the block, nesting stays bounded; each
//! parser also reads the whole input as its block.

#![no_main]

use bloglint::document::frontmatter::split;
use bloglint::document::{Format, Post, json, toml, yaml};
use bloglint_fuzz::{check_error, check_post, check_table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let source = source.as_ref();
    match split(source) {
        Ok(Some(s)) => {
            assert!(s.span.start <= s.content.start && s.content.end <= s.span.end);
            assert!(
                source.get(s.span.clone()).is_some() && source.get(s.content.clone()).is_some()
            );
            let parsed = match s.format {
                Format::Yaml => yaml::parse(source, s.content.clone()),
                Format::Toml => toml::parse(source, s.content.clone()),
                Format::Json => json::parse(source, s.content.clone()),
            };
            match parsed {
                Ok(table) => check_table(source, &table, &s.content),
                Err(e) => check_error(source, &e),
            }
        }
        Ok(None) => {}
        Err(e) => check_error(source, &e),
    }
    let whole = 0..source.len();
    for parsed in [
        yaml::parse(source, whole.clone()),
        toml::parse(source, whole.clone()),
        json::parse(source, whole.clone()),
    ] {
        match parsed {
            Ok(table) => check_table(source, &table, &whole),
            Err(e) => check_error(source, &e),
        }
    }
    let post = Post::parse("a.md".into(), "posts/a.md".into(), source.to_string());
    check_post(&post);
});
