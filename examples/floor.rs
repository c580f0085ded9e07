//! The floor bloglint is measured against: `cargo run --release --example
//! floor -- SITE`. It finds the site's Markdown files as bloglint does:
//! on a Hugo site, the content and static folders of its configuration,
//! walked in parallel; on a Jekyll site (`_config.yml`), Jekyll's read plan
//! (the files Jekyll 4.3.1 reads, from its configuration), whose files are
//! then read in parallel. It reads every Markdown file and runs
//! pulldown-cmark (bloglint's options, with byte offsets) over each body, on
//! every core, and nothing else: no front matter parsing, no rules, no
//! index, no report. A linter that parses Markdown cannot be faster than
//! this on the same files.
//!
//! Prints the number of files, bytes and Markdown events (so the work is
//! not optimised away).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use bloglint::site::Generator;
use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

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

/// Read one Markdown file and parse its body; count what was done.
fn parse(path: &std::path::Path, files: &AtomicUsize, bytes: &AtomicUsize, events: &AtomicUsize) {
    if let Ok(text) = std::fs::read_to_string(path) {
        let n = Parser::new_ext(body(&text), options())
            .into_offset_iter()
            .count();
        files.fetch_add(1, Ordering::Relaxed);
        bytes.fetch_add(text.len(), Ordering::Relaxed);
        events.fetch_add(n, Ordering::Relaxed);
    }
}

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    let generator = match Generator::detect(&root) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("floor: {}: {}", e.path.display(), e.message);
            std::process::exit(2);
        }
    };
    let hugo = match generator {
        Generator::Hugo(h) => h,
        Generator::Jekyll(jk) => {
            let files = AtomicUsize::new(0);
            let bytes = AtomicUsize::new(0);
            let events = AtomicUsize::new(0);
            let markdown: Vec<PathBuf> = jk
                .read_plan()
                .into_iter()
                .filter(|e| jk.is_markdown_ext(bloglint::jekyll::url::extname(&e.path)))
                .map(|e| jk.source.join(&e.path))
                .collect();
            markdown
                .par_iter()
                .for_each(|p| parse(p, &files, &bytes, &events));
            report(files, bytes, events);
            return;
        }
        Generator::Zola(z) => {
            let files = AtomicUsize::new(0);
            let bytes = AtomicUsize::new(0);
            let events = AtomicUsize::new(0);
            let mut markdown = Vec::new();
            bloglint::zola::content::walk_site(&z, &mut |f| {
                if let bloglint::site::Found::Content(p, _) = f {
                    markdown.push(p);
                }
            });
            markdown
                .par_iter()
                .for_each(|p| parse(p, &files, &bytes, &events));
            report(files, bytes, events);
            return;
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
                if md {
                    parse(e.path(), &files, &bytes, &events);
                }
                ignore::WalkState::Continue
            })
        });
    report(files, bytes, events);
}

fn report(files: AtomicUsize, bytes: AtomicUsize, events: AtomicUsize) {
    println!(
        "floor: {} files, {} bytes, {} events",
        files.into_inner(),
        bytes.into_inner(),
        events.into_inner()
    );
}
