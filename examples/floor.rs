//! The floor bloglint is measured against: `cargo run --release --example
//! floor -- SITE`. It finds the site's content and static folders (from its
//! Hugo configuration, as bloglint does), walks them in parallel, reads every
//! Markdown file and runs pulldown-cmark (bloglint's options, with byte
//! offsets) over each body, on every core, and nothing else: no front
//! matter parsing, no rules, no index, no report. A linter that parses
//! Markdown cannot be faster than this on the same files.
//!
//! Prints the number of files, bytes and Markdown events (so the work is
//! not optimised away).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use pulldown_cmark::{Options, Parser};

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
}

/// The body: after a `---`/`+++` block, when there is one.
fn body(text: &str) -> &str {
    for delim in ["---", "+++"] {
        if let Some(rest) = text.strip_prefix(delim)
            && let Some(end) = rest.find(&format!("\n{delim}"))
        {
            return &rest[end + 4..];
        }
    }
    text
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let hugo = match bloglint::hugo::config::HugoConfig::load(&root) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("floor: {}: {}", e.path.display(), e.message);
            std::process::exit(2);
        }
    };
    let dirs: Vec<PathBuf> = hugo
        .content_dirs
        .iter()
        .map(|d| d.path.clone())
        .chain(hugo.static_dirs.iter().cloned())
        .filter(|d| d.is_dir())
        .collect();
    let Some((first, rest)) = dirs.split_first() else {
        return;
    };
    let files = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let events = AtomicUsize::new(0);
    let mut walk = ignore::WalkBuilder::new(first);
    for d in rest {
        walk.add(d);
    }
    walk.standard_filters(false)
        .hidden(true)
        .follow_links(true)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let Ok(e) = entry else {
                    return ignore::WalkState::Continue;
                };
                let md = e.file_type().is_some_and(|t| t.is_file())
                    && e.path()
                        .extension()
                        .is_some_and(|x| x == "md" || x == "markdown" || x == "mdown");
                if md && let Ok(text) = std::fs::read_to_string(e.path()) {
                    let n = Parser::new_ext(body(&text), options())
                        .into_offset_iter()
                        .count();
                    files.fetch_add(1, Ordering::Relaxed);
                    bytes.fetch_add(text.len(), Ordering::Relaxed);
                    events.fetch_add(n, Ordering::Relaxed);
                }
                ignore::WalkState::Continue
            })
        });
    println!(
        "floor: {} files, {} bytes, {} events",
        files.into_inner(),
        bytes.into_inner(),
        events.into_inner()
    );
}
