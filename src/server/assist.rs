//! Completion, hover and go to definition: what the site knows (its pages,
//! their URLs and titles, its taxonomy terms), kept from the index of the
//! last lint; heading ids are asked of the generator for the one page a
//! request is about.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, CompletionTextEdit,
    GotoDefinitionResponse, Hover, HoverContents, Location, MarkupContent, MarkupKind, Position,
    TextEdit,
};
use regex::Regex;

use super::text::{self, Encoding, Lines};
use super::{Doc, SiteState};
use crate::document::Post;
use crate::document::frontmatter::Value;
use crate::site::index::SiteIndex;
use crate::site::links;
use crate::site::model::Role;

/// One published page, as completion and hover show it.
struct PageInfo {
    path: PathBuf,
    /// The file's path from the site root (`content/posts/a.md`, `_posts/…`).
    rel: String,
    content_path: String,
    /// Site path without the baseURL's sub-path.
    url: String,
    title: Option<String>,
}

/// One term of a taxonomy: its spellings (most used first) and how many
/// pages carry it.
struct Term {
    spellings: Vec<(String, usize)>,
    pages: usize,
}

/// What completion, hover and definition read, kept from the site index of
/// the last lint.
#[derive(Default)]
pub struct Knowledge {
    pages: Vec<PageInfo>,
    by_url: HashMap<String, usize>,
    by_content_path: HashMap<String, usize>,
    /// By taxonomy (plural and singular keys both), the terms most used
    /// first.
    terms: HashMap<String, Vec<Term>>,
    base_path: String,
}

impl Knowledge {
    pub fn of(index: &SiteIndex) -> Knowledge {
        let generator = index.generator;
        let root = generator.root();
        let mut k = Knowledge {
            base_path: index.base_path.clone(),
            ..Knowledge::default()
        };
        for page in index.pages.iter().filter(|p| p.is_published()) {
            let post = page.post;
            let i = k.pages.len();
            k.by_url.entry(page.url.clone()).or_insert(i);
            k.by_content_path
                .entry(post.content_path.to_lowercase())
                .or_insert(i);
            k.pages.push(PageInfo {
                path: post.path.clone(),
                rel: post
                    .path
                    .strip_prefix(root)
                    .map_or_else(|_| post.path.clone(), Path::to_path_buf)
                    .to_string_lossy()
                    .replace('\\', "/"),
                content_path: post.content_path.clone(),
                url: page.url.clone(),
                title: generator
                    .field(post, Role::Title)
                    .and_then(|n| n.as_str())
                    .map(str::to_string),
            });
        }
        let key_of = generator.term_key();
        for (singular, plural) in generator.taxonomies() {
            // term key -> (spelling -> pages, pages)
            let mut by_key: HashMap<String, (HashMap<String, usize>, usize)> = HashMap::new();
            for page in &index.pages {
                let post = page.post;
                let mut seen = Vec::new();
                for (key, split) in generator.term_keys(post, singular, plural) {
                    let Some(field) = post.field(key) else {
                        continue;
                    };
                    let terms: Vec<&str> = match (&field.value, split) {
                        (Value::String(s), true) => s.split_whitespace().collect(),
                        _ => field
                            .string_list()
                            .unwrap_or_default()
                            .into_iter()
                            .map(|(t, _)| t)
                            .collect(),
                    };
                    for term in terms.into_iter().filter(|t| !t.trim().is_empty()) {
                        let key = key_of(term);
                        let entry = by_key.entry(key.clone()).or_default();
                        *entry.0.entry(term.to_string()).or_default() += 1;
                        if !seen.contains(&key) {
                            entry.1 += 1;
                            seen.push(key);
                        }
                    }
                }
            }
            let mut terms: Vec<Term> = by_key
                .into_values()
                .map(|(spellings, pages)| {
                    let mut spellings: Vec<(String, usize)> = spellings.into_iter().collect();
                    spellings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    Term { spellings, pages }
                })
                .collect();
            terms.sort_by(|a, b| {
                b.pages
                    .cmp(&a.pages)
                    .then_with(|| a.spellings[0].0.cmp(&b.spellings[0].0))
            });
            k.terms.insert(singular.to_lowercase(), Vec::new());
            k.terms.insert(plural.to_lowercase(), terms);
        }
        k
    }

    fn taxonomy(&self, key: &str) -> Option<&[Term]> {
        let key = key.to_lowercase();
        let terms = self.terms.get(&key)?;
        if terms.is_empty() {
            // A singular key (`tag`, Jekyll): the plural's terms.
            let plural = self
                .terms
                .iter()
                .filter(|(k, v)| !v.is_empty() && k.starts_with(&key))
                .map(|(_, v)| v)
                .next();
            return plural.map(Vec::as_slice).or(Some(&[]));
        }
        Some(terms)
    }

    /// The page a site path (as linked) lands on.
    fn page_at(&self, url: &str) -> Option<&PageInfo> {
        let url = url.strip_prefix(&self.base_path).unwrap_or(url);
        let url = if url.is_empty() { "/" } else { url };
        let i = self.by_url.get(url).or_else(|| {
            if url.ends_with('/') {
                self.by_url.get(&format!("{url}index.html"))
            } else {
                self.by_url.get(&format!("{url}/"))
            }
        })?;
        self.pages.get(*i)
    }

    /// The page a `ref`/`relref` target names (a content path, from the
    /// content root or the page's folder, or a file name).
    fn page_of_ref(&self, target: &str, from: &str) -> Option<&PageInfo> {
        let target = target.trim_start_matches('/').to_lowercase();
        if target.is_empty() {
            return None;
        }
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d).to_lowercase();
        let candidates = [
            target.clone(),
            format!("{dir}/{target}"),
            format!("{target}.md"),
            format!("{target}/_index.md"),
            format!("{target}/index.md"),
        ];
        if let Some(i) = candidates.iter().find_map(|c| self.by_content_path.get(c)) {
            return self.pages.get(*i);
        }
        // A file name alone, as Hugo finds it when it is unique.
        let mut found = self.pages.iter().filter(|p| {
            let cp = p.content_path.to_lowercase();
            cp.ends_with(&format!("/{target}")) || cp.ends_with(&format!("/{target}.md"))
        });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// A Jekyll `{% link path %}` target: the file from the site root.
    fn page_of_file(&self, rel: &str) -> Option<&PageInfo> {
        let rel = rel.trim_start_matches('/');
        self.pages.iter().find(|p| p.rel == rel)
    }

    /// A Jekyll `{% post_url name %}`: the post whose file name (date
    /// included, extension not) is `name`, in `_posts/` or a sub-folder.
    fn page_of_post_name(&self, name: &str) -> Option<&PageInfo> {
        self.pages
            .iter()
            .find(|p| post_name(&p.rel).is_some_and(|n| n == name))
    }
}

/// The `{% post_url %}` name of a file under `_posts/`: its path from the
/// `_posts` folder, extension dropped.
fn post_name(rel: &str) -> Option<String> {
    let after = match rel.find("_posts/") {
        Some(i) => &rel[i + "_posts/".len()..],
        None => return None,
    };
    let stem = after.rsplit_once('.').map_or(after, |(s, _)| s);
    Some(stem.to_string())
}

/// The heading ids of a page and where each heading is, from the page as
/// the site holds it (an open buffer's text for an open file).
fn headings(site: &SiteState, path: &Path) -> Vec<(String, std::ops::Range<usize>)> {
    let (Some(s), Some(post)) = (site.site(), site.post(path)) else {
        return Vec::new();
    };
    let (ids, _) = s.generator.heading_ids(post);
    if ids.len() == post.outline.headings.len() {
        ids.into_iter()
            .zip(post.outline.headings.iter().map(|h| h.span.clone()))
            .collect()
    } else {
        ids.into_iter().map(|id| (id, 0..0)).collect()
    }
}

/// What the text before the cursor is in the middle of writing.
enum Context {
    /// A term of a taxonomy (the front matter key), `typed` so far.
    Term { key: String, typed: String },
    /// A content path: a `ref`/`relref` target (`zola` false: also from
    /// the page's folder), or a Zola internal link, `](@/…` (`zola`: from
    /// `content/` only).
    Ref { typed: String, zola: bool },
    /// A site path in a Markdown link, `](/…`.
    SitePath { typed: String },
    /// A Jekyll `{% link … %}` path.
    FileLink { typed: String },
    /// A Jekyll `{% post_url … %}` name.
    PostUrl { typed: String },
}

static REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\{\{[<%]\s*(?:rel)?ref\s+"([^"]*)$"#).expect("a regex"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\((/[^)\s]*)$").expect("a regex"));
static ZOLA_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(@/([^)\s]*)$").expect("a regex"));
static LIQUID_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*link\s+([^\s%]*)$").expect("a regex"));
static POST_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*post_url\s+([^\s%]*)$").expect("a regex"));
/// A front matter key at the start of a line: YAML `key:`, TOML `key =`,
/// JSON `"key":`.
static FM_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^"?([A-Za-z_][A-Za-z0-9_-]*)"?\s*[:=]"#).expect("a regex"));

fn context(post: &Post, offset: usize) -> Option<Context> {
    let src: &str = &post.source;
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..offset];
    if offset < post.body_start {
        // The key this value belongs to: this line's, or the nearest
        // line above at the left margin (a YAML list under its key).
        let mut key = None;
        let mut at = offset;
        loop {
            let start = src[..at].rfind('\n').map_or(0, |i| i + 1);
            let line = &src[start..at];
            if let Some(c) = FM_KEY.captures(line) {
                key = Some(c[1].to_string());
                break;
            }
            if start == 0 || !(line.starts_with([' ', '\t', '-']) || line.trim().is_empty()) {
                break;
            }
            at = start - 1;
        }
        let key = key?;
        // A key being written, not a value.
        if FM_KEY.captures(before).is_none() && !before.trim_start().starts_with('-') {
            return None;
        }
        let typed_start = before
            .rfind(['[', ',', ':', '=', '"', '\'', '-', ' '])
            .map_or(0, |i| i + 1);
        return Some(Context::Term {
            key,
            typed: before[typed_start..].to_string(),
        });
    }
    if let Some(c) = REF.captures(before) {
        return Some(Context::Ref {
            typed: c[1].to_string(),
            zola: false,
        });
    }
    if let Some(c) = MD_LINK.captures(before) {
        return Some(Context::SitePath {
            typed: c[1].to_string(),
        });
    }
    if let Some(c) = ZOLA_LINK.captures(before) {
        return Some(Context::Ref {
            typed: c[1].to_string(),
            zola: true,
        });
    }
    if let Some(c) = LIQUID_LINK.captures(before) {
        return Some(Context::FileLink {
            typed: c[1].to_string(),
        });
    }
    if let Some(c) = POST_URL.captures(before) {
        return Some(Context::PostUrl {
            typed: c[1].to_string(),
        });
    }
    None
}

pub fn complete(
    doc: &Doc,
    site: Option<&SiteState>,
    pos: Position,
    encoding: Encoding,
) -> Option<CompletionResponse> {
    let site = site?;
    let k = site.knowledge();
    let lines = Lines::new(&doc.text, encoding);
    let offset = lines.offset(pos);
    let post = Post::parse(doc.path.clone(), String::new(), doc.text.clone());
    let cx = context(&post, offset)?;
    let item = |label: String, typed: &str, detail: Option<String>, kind, rank: usize| {
        let range = lines.range(&(offset - typed.len()..offset));
        CompletionItem {
            label: label.clone(),
            kind: Some(kind),
            detail,
            // Most used (or listed) first, whatever the client's own sort.
            sort_text: Some(format!("{rank:08}")),
            filter_text: Some(label.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, label))),
            ..Default::default()
        }
    };
    let items: Vec<CompletionItem> = match cx {
        Context::Term { key, typed } => {
            let terms = k.taxonomy(&key)?;
            terms
                .iter()
                .enumerate()
                .map(|(rank, t)| {
                    let others: Vec<&str> =
                        t.spellings[1..].iter().map(|(s, _)| s.as_str()).collect();
                    let detail = if others.is_empty() {
                        format!("{} ({})", plural(t.pages, "page"), key)
                    } else {
                        format!(
                            "{} ({}); also written {}",
                            plural(t.pages, "page"),
                            key,
                            others.join(", ")
                        )
                    };
                    item(
                        t.spellings[0].0.clone(),
                        &typed,
                        Some(detail),
                        CompletionItemKind::VALUE,
                        rank,
                    )
                })
                .collect()
        }
        Context::Ref { typed, zola } => match typed.split_once('#') {
            Some((target, frag)) => {
                let from = if zola {
                    String::new()
                } else {
                    page_content_path(doc, site)
                };
                let page = k.page_of_ref(target, &from)?;
                anchors(site, page, frag, &|id, f, r| {
                    item(id, f, None, CompletionItemKind::REFERENCE, r)
                })
            }
            None => pages_sorted(k, |p| p.content_path.clone())
                .map(|(rank, p, label)| {
                    item(
                        label,
                        &typed,
                        p.title.clone(),
                        CompletionItemKind::FILE,
                        rank,
                    )
                })
                .collect(),
        },
        Context::SitePath { typed } => match typed.split_once('#') {
            Some((target, frag)) => {
                let (path, _) = links::split_url(target);
                let page = k.page_at(&path)?;
                anchors(site, page, frag, &|id, f, r| {
                    item(id, f, None, CompletionItemKind::REFERENCE, r)
                })
            }
            None => pages_sorted(k, |p| format!("{}{}", k.base_path, p.url))
                .map(|(rank, p, label)| {
                    item(
                        label,
                        &typed,
                        p.title.clone(),
                        CompletionItemKind::FILE,
                        rank,
                    )
                })
                .collect(),
        },
        Context::FileLink { typed } => pages_sorted(k, |p| p.rel.clone())
            .map(|(rank, p, label)| {
                item(
                    label,
                    &typed,
                    p.title.clone(),
                    CompletionItemKind::FILE,
                    rank,
                )
            })
            .collect(),
        Context::PostUrl { typed } => k
            .pages
            .iter()
            .filter_map(|p| Some((post_name(&p.rel)?, p)))
            .enumerate()
            .map(|(rank, (name, p))| {
                item(
                    name,
                    &typed,
                    p.title.clone(),
                    CompletionItemKind::FILE,
                    rank,
                )
            })
            .collect(),
    };
    Some(CompletionResponse::Array(items))
}

fn pages_sorted(
    k: &Knowledge,
    label: impl Fn(&PageInfo) -> String,
) -> impl Iterator<Item = (usize, &PageInfo, String)> {
    let mut all: Vec<(&PageInfo, String)> = k.pages.iter().map(|p| (p, label(p))).collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    all.into_iter()
        .enumerate()
        .map(|(rank, (p, l))| (rank, p, l))
}

fn anchors(
    site: &SiteState,
    page: &PageInfo,
    typed: &str,
    item: &dyn Fn(String, &str, usize) -> CompletionItem,
) -> Vec<CompletionItem> {
    headings(site, &page.path)
        .into_iter()
        .enumerate()
        .map(|(rank, (id, _))| item(id, typed, rank))
        .collect()
}

fn page_content_path(doc: &Doc, site: &SiteState) -> String {
    site.site()
        .and_then(|s| s.generator.content_path(&doc.path))
        .unwrap_or_default()
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What is under the cursor: a link's target page (and anchor), or a term.
enum Target<'k> {
    Page(&'k PageInfo, Option<String>, std::ops::Range<usize>),
    Term(String, &'k Term, std::ops::Range<usize>),
}

fn target_at<'k>(doc: &Doc, site: &'k SiteState, offset: usize) -> Option<Target<'k>> {
    let k = site.knowledge();
    let post = Post::parse(doc.path.clone(), String::new(), doc.text.clone());
    let inside = |r: &std::ops::Range<usize>| r.start <= offset && offset <= r.end;
    for r in &post.outline.refs {
        if inside(&r.target_span) || inside(&r.span) {
            let (target, frag) = match r.target.split_once('#') {
                Some((t, f)) => (t, Some(f.to_string())),
                None => (r.target.as_str(), None),
            };
            let page = k.page_of_ref(target, &page_content_path(doc, site))?;
            return Some(Target::Page(page, frag, r.target_span.clone()));
        }
    }
    for l in &post.outline.links {
        if inside(&l.dest_span) {
            let (path, frag) = links::split_url(&l.dest);
            if path.is_empty() || path.contains("://") {
                return None;
            }
            // Zola's `@/path/to/file.md`: a content path.
            if let Some(content_path) = path.strip_prefix("@/") {
                let page = k.page_of_ref(content_path, "")?;
                return Some(Target::Page(page, frag, l.dest_span.clone()));
            }
            let path = if path.starts_with('/') {
                path
            } else {
                // Relative: from the folder of this page's URL.
                let me = k
                    .pages
                    .iter()
                    .find(|p| p.path == doc.path)
                    .map_or("/", |p| p.url.as_str());
                let dir = if me.ends_with('/') {
                    me.to_string()
                } else {
                    me.rsplit_once('/')
                        .map_or("/".into(), |(d, _)| format!("{d}/"))
                };
                links::browser_join(&dir, &path)
            };
            let page = k.page_at(&path)?;
            return Some(Target::Page(page, frag, l.dest_span.clone()));
        }
    }
    // Liquid tags on this line.
    let src = &doc.text;
    let line_start = src[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[offset..].find('\n').map_or(src.len(), |i| offset + i);
    static TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\{%-?\s*(link|post_url)\s+([^\s%]+)[^%]*-?%\}").expect("a regex")
    });
    for c in TAG.captures_iter(&src[line_start..line_end]) {
        let m = c.get(2)?;
        let span = line_start + m.start()..line_start + m.end();
        if !inside(&(line_start + c.get(0)?.start()..line_start + c.get(0)?.end())) {
            continue;
        }
        let (target, frag) = match m.as_str().split_once('#') {
            Some((t, f)) => (t, Some(f.to_string())),
            None => (m.as_str(), None),
        };
        let page = if &c[1] == "link" {
            k.page_of_file(target)
        } else {
            k.page_of_post_name(target)
        }?;
        return Some(Target::Page(page, frag, span));
    }
    // A term in the front matter.
    if offset < post.body_start {
        let fm = post.front_matter.as_ref()?;
        for (key, node) in fm.root.entries.iter().map(|(k, n)| (k.name.as_str(), n)) {
            let Some(terms) = k.taxonomy(key) else {
                continue;
            };
            let items: Vec<(&str, std::ops::Range<usize>)> = match &node.value {
                Value::Array(items) => items
                    .iter()
                    .filter_map(|n| Some((n.as_str()?, n.span.clone())))
                    .collect(),
                Value::String(s) => vec![(s.as_str(), node.span.clone())],
                _ => Vec::new(),
            };
            let key_of = site.site()?.generator.term_key();
            for (term, span) in items {
                if inside(&span) {
                    let key = key_of(term);
                    let t = terms
                        .iter()
                        .find(|t| t.spellings.iter().any(|(s, _)| key_of(s) == key))?;
                    return Some(Target::Term(term.to_string(), t, span));
                }
            }
        }
    }
    None
}

pub fn hover(
    doc: &Doc,
    site: Option<&SiteState>,
    pos: Position,
    encoding: Encoding,
) -> Option<Hover> {
    let lines = Lines::new(&doc.text, encoding);
    let offset = lines.offset(pos);
    // On a finding (or its line): its rule's page, after what the link
    // or term under the cursor is.
    let on_line = |d: &&crate::diagnostic::Diagnostic| {
        lines.line_start(d.span.start) <= offset && offset <= lines.line_end(d.span.end)
    };
    let finding = (doc.linted == doc.text)
        .then(|| {
            doc.found
                .iter()
                .find(|d| d.span.start <= offset && offset <= d.span.end)
                .or_else(|| doc.found.iter().find(on_line))
        })
        .flatten()
        .and_then(|d| Some((crate::rules::find(d.rule)?, d.span.clone())));
    let target = site.and_then(|site| Some((site, target_at(doc, site, offset)?)));
    let described = target.map(|(site, target)| match target {
        Target::Page(page, frag, span) => {
            let mut text = format!(
                "**{}**\n\n`{}{}`",
                page.title.as_deref().unwrap_or("(untitled)"),
                site.knowledge().base_path,
                page.url
            );
            if let Some(f) = &frag {
                text.push_str(&format!("#{f}"));
                if !headings(site, &page.path).iter().any(|(id, _)| id == f) {
                    text.push_str(" (no heading has this id)");
                }
            }
            text.push_str(&format!("\n\n{}", page.rel));
            (text, span)
        }
        Target::Term(term, t, span) => {
            let mut text = format!("**{term}**: {}", plural(t.pages, "page"));
            let others: Vec<String> = t
                .spellings
                .iter()
                .filter(|(s, _)| *s != term)
                .map(|(s, n)| format!("`{s}` ({n})"))
                .collect();
            if !others.is_empty() {
                text.push_str(&format!("; also written {}", others.join(", ")));
            }
            (text, span)
        }
    });
    let (text, span) = match (described, finding) {
        (Some((text, span)), Some((meta, _))) => (format!("{text}\n\n---\n\n{}", meta.doc), span),
        (Some(found), None) => found,
        (None, Some((meta, span))) => (meta.doc.to_string(), span),
        (None, None) => return None,
    };
    Some(markdown(text, Some(lines.range(&span))))
}

fn markdown(value: String, range: Option<lsp_types::Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

pub fn definition(
    doc: &Doc,
    site: Option<&SiteState>,
    pos: Position,
    encoding: Encoding,
) -> Option<GotoDefinitionResponse> {
    let site = site?;
    let lines = Lines::new(&doc.text, encoding);
    let offset = lines.offset(pos);
    let Target::Page(page, frag, _) = target_at(doc, site, offset)? else {
        return None;
    };
    let span = frag
        .and_then(|f| {
            headings(site, &page.path)
                .into_iter()
                .find(|(id, _)| *id == f)
                .map(|(_, span)| span)
        })
        .unwrap_or(0..0);
    let text = site
        .post(&page.path)
        .map(|p| p.source.to_string())
        .unwrap_or_default();
    let range = Lines::new(&text, encoding).range(&span);
    Some(GotoDefinitionResponse::Scalar(Location::new(
        text::uri_of(&page.path)?,
        range,
    )))
}
