//! What every fuzz target checks: bloglint never panics, and everything it
//! hands back points at real bytes of the input (spans in bounds, on
//! character boundaries), so that reporters and fixes can slice with them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use bloglint::config::Config;
use bloglint::diagnostic::{Diagnostic, Edit, Fix};
use bloglint::document::markdown::Outline;
use bloglint::document::{FrontMatter, Node, Post, SyntaxError, Table, Value};
use bloglint::hugo::config::HugoConfig;
use bloglint::site::{self, Site};

/// A fixed "now" (2025-01-01), so runs are reproducible.
pub const NOW: i64 = 1_735_689_600;

/// Content paths a fuzzed post may take: each kind of page, dated names.
pub const CONTENT_PATHS: [&str; 8] = [
    "posts/a.md",
    "posts/2024-03-01-launch.md",
    "posts/2024-03-01-bundle/index.md",
    "posts/_index.md",
    "_index.md",
    "about.md",
    "posts/leaf/index.fr.md",
    "docs/b.markdown",
];

/// `span` slices `source`: in bounds, on character boundaries.
#[track_caller]
pub fn assert_slices(source: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && source.get(span.clone()).is_some(),
        "{what}: span {span:?} does not slice a text of {} bytes",
        source.len()
    );
}

/// `inner` lies within `outer`.
#[track_caller]
pub fn assert_within(inner: &Range<usize>, outer: &Range<usize>, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: span {inner:?} outside {outer:?}"
    );
}

/// Every key and value of a parsed front matter slices `source` inside
/// `content`, and nesting stays under the documented limit.
pub fn check_table(source: &str, table: &Table, content: &Range<usize>) {
    // (table, depth): no recursion, whatever the nesting.
    let mut tables = vec![(table, 1usize)];
    while let Some((table, depth)) = tables.pop() {
        assert!(depth <= 201, "nested {depth} deep");
        let mut nodes: Vec<(&Node, usize)> = Vec::new();
        for (key, value) in &table.entries {
            assert_slices(source, &key.span, "key");
            assert_within(&key.span, content, "key");
            nodes.push((value, depth));
        }
        while let Some((node, depth)) = nodes.pop() {
            assert_slices(source, &node.span, "value");
            assert_within(&node.span, content, "value");
            match &node.value {
                Value::Array(items) => nodes.extend(items.iter().map(|n| (n, depth + 1))),
                Value::Table(t) => tables.push((t, depth + 1)),
                _ => {}
            }
        }
    }
}

pub fn check_error(source: &str, e: &SyntaxError) {
    assert_slices(source, &e.span, "syntax error");
    assert!(!e.message.is_empty());
}

pub fn check_front_matter(source: &str, fm: &FrontMatter) {
    assert_slices(source, &fm.span, "front matter");
    assert_within(&fm.content, &fm.span, "front matter content");
    assert_slices(source, &fm.content, "front matter content");
    check_table(source, &fm.root, &fm.content);
}

/// The outline of the body starting at `body_start`.
pub fn check_outline(source: &str, body_start: usize, outline: &Outline) {
    let body = body_start..source.len();
    for h in &outline.headings {
        assert!((1..=6).contains(&h.level), "heading level {}", h.level);
        assert_slices(source, &h.span, "heading");
        assert_within(&h.span, &body, "heading");
        assert_slices(source, &h.marker_span, "heading marker");
        assert_within(&h.marker_span, &h.span, "heading marker");
    }
    for l in &outline.links {
        assert_slices(source, &l.span, "link");
        assert_within(&l.span, &body, "link");
        assert_slices(source, &l.dest_span, "link destination");
        assert_within(&l.dest_span, &body, "link destination");
    }
    for r in &outline.refs {
        assert_slices(source, &r.span, "ref shortcode");
        assert_within(&r.span, &body, "ref shortcode");
        assert_slices(source, &r.target_span, "ref target");
        assert_within(&r.target_span, &r.span, "ref target");
    }
    for s in &outline.suppressions {
        assert_slices(source, &s.span, "suppression");
        assert!(source[s.span.clone()].starts_with("<!--"));
    }
    for (at, _) in &outline.definition_terms {
        assert_slices(source, &(*at..*at), "definition term");
        assert_within(&(*at..*at), &body, "definition term");
    }
}

/// A parsed post: front matter, error and outline all point into it.
pub fn check_post(post: &Post) {
    let source = post.source.as_str();
    assert!(post.body_start <= source.len() && source.is_char_boundary(post.body_start));
    if let Some(fm) = &post.front_matter {
        check_front_matter(source, fm);
        assert!(fm.span.end <= post.body_start || post.body_start == source.len());
        assert!(post.front_matter_error.is_none());
    }
    if let Some(e) = &post.front_matter_error {
        check_error(source, e);
    }
    check_outline(source, post.body_start, &post.outline);
}

/// A site in memory ("site/"), with `texts` as its posts: each text gets
/// the next of [`CONTENT_PATHS`]. Texts that do not read (NUL bytes,
/// invalid UTF-8) become read errors, as on disk.
pub fn site_of(texts: &[&[u8]]) -> Site {
    let root = Path::new("site");
    let mut posts = Vec::new();
    let mut errors = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let cp = CONTENT_PATHS[i % CONTENT_PATHS.len()];
        let path = root.join("content").join(cp);
        match site::post_from_bytes(path, cp.to_string(), text.to_vec()) {
            Ok(post) => {
                check_post(&post);
                posts.push(post);
            }
            Err(d) => errors.push(*d),
        }
    }
    // Two texts on one path (more than CONTENT_PATHS): keep the first.
    let mut seen = std::collections::HashSet::new();
    posts.retain(|p| seen.insert(p.path.clone()));
    Site::new(HugoConfig::default_for(root), posts, errors)
}

pub fn config() -> Config {
    Config::defaults(Path::new("site"))
}

/// An edit is one `apply` can take: in bounds, on character boundaries.
pub fn edit_is_valid(source: &str, e: &Edit) -> bool {
    e.range.start <= e.range.end && source.get(e.range.clone()).is_some()
}

/// Every diagnostic points into its file (or at nothing, for a file that
/// could not be read), and every fix a rule offers is one that can apply.
pub fn check_diagnostics(site: &Site, diags: &[Diagnostic]) {
    for d in diags {
        let Some(post) = site.post(&d.path) else {
            assert_eq!(d.span, 0..0, "{d:?}");
            continue;
        };
        let source = post.source.as_str();
        assert_slices(source, &d.span, d.rule);
        for l in &d.labels {
            let text = match &l.path {
                Some(p) => match site.post(p) {
                    Some(other) => other.source.as_str(),
                    None => continue,
                },
                None => source,
            };
            assert_slices(text, &l.span, "label");
        }
        if let Some(fix) = &d.fix {
            assert!(!fix.edits.is_empty(), "{}: a fix with no edit", d.rule);
            for e in &fix.edits {
                assert!(edit_is_valid(source, e), "{}: bad edit {e:?}", d.rule);
            }
        }
    }
}

/// Render into memory: no reporter may panic. The CI formats, slower (SARIF
/// carries every rule's documentation) and built on the same positions,
/// only with `all`.
pub fn render_all(site: &Site, diags: &[Diagnostic], all: bool) {
    use bloglint::render;
    let mut sink = Vec::new();
    render::concise::render(diags, site, &mut sink).expect("concise");
    render::json::render(diags, site, &mut sink).expect("json");
    render::human::render(diags, site, false, &mut sink).expect("human");
    if all {
        render::github::render(diags, site, &mut sink).expect("github");
        render::sarif::render(diags, site, &mut sink).expect("sarif");
        render::gitlab::render(diags, site, &mut sink).expect("gitlab");
        render::junit::render(diags, site, &mut sink).expect("junit");
    }
}

/// The byte runs of `source` that no valid edit touches (an insertion
/// touches nothing): `apply` must keep each of them, in order.
pub fn untouched_runs<'a>(source: &'a str, edits: &[&Edit]) -> Vec<&'a str> {
    let mut cuts: Vec<Range<usize>> = edits
        .iter()
        .filter(|e| edit_is_valid(source, e))
        .map(|e| e.range.clone())
        .collect();
    cuts.sort_by_key(|r| (r.start, r.end));
    let mut runs = Vec::new();
    let mut at = 0;
    for r in cuts {
        if r.start > at {
            runs.push(&source[at..r.start]);
        }
        at = at.max(r.end);
    }
    if at < source.len() {
        runs.push(&source[at..]);
    }
    runs
}

/// `runs` appear in `text` in order, without overlapping. (Taking each at
/// its first place after the previous one is never wrong.)
pub fn contains_in_order(text: &str, runs: &[&str]) -> Result<(), String> {
    let mut rest = text;
    for run in runs {
        match rest.find(run) {
            Some(i) => rest = &rest[i + run.len()..],
            None => return Err(format!("{run:?} lost")),
        }
    }
    Ok(())
}

/// All of a fix's edits, as references.
pub fn edits_of<'a>(fixes: &[&'a Fix]) -> Vec<&'a Edit> {
    fixes.iter().flat_map(|f| f.edits.iter()).collect()
}

pub fn path(cp: &str) -> PathBuf {
    Path::new("site").join("content").join(cp)
}
