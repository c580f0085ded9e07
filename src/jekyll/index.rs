//! The site as Jekyll 4.3.1 publishes it: the Jekyll builder of the neutral
//! [`SiteIndex`].
//!
//! What Jekyll publishes, as `tests/jekyll_oracle.rs` checks it against a
//! real build:
//!
//! - pages: files outside underscore folders with front matter, at
//!   `/:path/:basename:output_ext` (or the site's permalink style, or their
//!   own `permalink`), `index.*` at its folder;
//! - posts: `_posts/YYYY-MM-DD-title.ext` (at any depth: the folders above
//!   `_posts` are categories), at the posts' permalink, dated by their front
//!   matter `date` or their name; not built when `published: false` or
//!   dated after now (unless `future: true`); `_drafts` only with
//!   `show_drafts`;
//! - documents of collections with `output: true`, at the collection's
//!   permalink (`/:collection/:path:output_ext` by default);
//! - front matter `defaults` by scope (path and type) count as front
//!   matter;
//! - `redirect_from` entries (jekyll-redirect-from) as aliases;
//! - static files (no front matter) as they are.
//!
//! Not modelled: pagination, jekyll-archives' term pages, plugins beyond
//! jekyll-redirect-from, jekyll-relative-links and
//! jekyll-optional-front-matter, Liquid in front matter values, dates of
//! collection documents without one (Jekyll uses the build time).

use std::sync::OnceLock;

use super::config::JekyllConfig;
use super::date::{self, JekyllDate};
use super::heading_id::{self, IdOptions, Input};
use super::url::{self, Civil, DocumentPlaceholders};
use crate::document::frontmatter::{scalar_string, string_items};
use crate::document::{Node, Post, Quote, Table, Value};
use crate::site::Generator;
use crate::site::index::{Alias, Page, Served, SiteIndex};
use crate::site::model::{Kind, Place, Unpublished, file_url};

/// What kind of file a content file of a Jekyll site is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Page,
    /// A post (`_posts`); `dir`: the folder above `_posts`.
    Post {
        dir: String,
    },
    /// A draft (`_drafts`); `dir`: the folder above `_drafts`.
    Draft {
        dir: String,
    },
    /// A document of a collection.
    Document {
        label: String,
    },
}

/// The role of a content path (relative to the source folder).
pub fn role(jk: &JekyllConfig, content_path: &str) -> Role {
    let segments: Vec<&str> = content_path.split('/').collect();
    let dirs = &segments[..segments.len().saturating_sub(1)];
    if let Some(k) = dirs.iter().position(|s| *s == "_posts") {
        return Role::Post {
            dir: dirs[..k].join("/"),
        };
    }
    if let Some(k) = dirs.iter().position(|s| *s == "_drafts") {
        return Role::Draft {
            dir: dirs[..k].join("/"),
        };
    }
    let below = match jk.collections_dir.trim_matches('/') {
        "" => Some(content_path),
        d => content_path
            .strip_prefix(d)
            .and_then(|r| r.strip_prefix('/')),
    };
    if let Some(first) = below.and_then(|b| b.split_once('/')).map(|(f, _)| f)
        && let Some(label) = first.strip_prefix('_')
        && jk.collections.iter().any(|c| c.label == label)
    {
        return Role::Document {
            label: label.to_string(),
        };
    }
    Role::Page
}

/// The type name front matter defaults scope by (`pages`, `posts`,
/// `drafts`, a collection label).
fn scope_type(role: &Role) -> &str {
    match role {
        Role::Page => "pages",
        Role::Post { .. } => "posts",
        Role::Draft { .. } => "drafts",
        Role::Document { label } => label,
    }
}

/// A page's front matter with the defaults that apply to it: its own value
/// first, then the defaults (the last matching set wins).
pub struct Meta<'a> {
    pub post: &'a Post,
    defaults: Vec<&'a Table>,
}

impl<'a> Meta<'a> {
    pub fn new(jk: &'a JekyllConfig, post: &'a Post, role: &Role) -> Meta<'a> {
        Meta {
            post,
            defaults: jk.defaults_for(&post.content_path, scope_type(role)),
        }
    }

    pub fn field(&self, key: &str) -> Option<&'a Node> {
        self.post
            .front_matter
            .as_ref()
            .and_then(|fm| fm.root.entries.iter().find(|(k, _)| k.name == key))
            .map(|(_, v)| v)
            .or_else(|| self.defaults.iter().rev().find_map(|t| t.value(key)))
    }

    pub fn string(&self, key: &str) -> Option<std::borrow::Cow<'a, str>> {
        self.field(key).and_then(scalar_string)
    }

    /// Ruby truthiness: only `false` and `nil` are false.
    fn truthy(&self, key: &str) -> Option<bool> {
        self.field(key)
            .map(|n| !matches!(n.value, Value::Bool(false) | Value::Null))
    }
}

/// The date of a post: its front matter `date`, else its file name's.
/// `Err` when Jekyll fails the build on it (or bloglint does not model it).
pub fn post_date(meta: &Meta) -> Option<Result<JekyllDate, date::DateError>> {
    if let Some(n) = meta.field("date") {
        let text = scalar_string(n).unwrap_or_default();
        return Some(date::parse_value(&text, n.quote != Quote::None));
    }
    let name = meta
        .post
        .content_path
        .rsplit('/')
        .next()
        .unwrap_or_default();
    date::filename_date(name).map(|f| f.date)
}

/// The zone Jekyll reads dates in: `timezone:`, else the build machine's
/// (UTC here: GitHub Pages builds in UTC).
fn site_zone(jk: &JekyllConfig) -> &str {
    jk.timezone.as_deref().unwrap_or("UTC")
}

/// A date's instant, in seconds since the epoch.
fn site_instant(d: &JekyllDate, jk: &JekyllConfig) -> i64 {
    date::instant(d, Some(site_zone(jk))).unwrap_or_else(|| d.unix_utc(0))
}

/// A date's civil fields on the site's clock, for permalinks.
fn site_civil(d: &JekyllDate, jk: &JekyllConfig) -> Civil {
    date::local(d, Some(site_zone(jk))).unwrap_or_default()
}

/// A post's categories: the folders above `_posts`, then front matter
/// `category` and `categories` (a list, or a space-separated string).
pub fn categories(meta: &Meta, dir: &str) -> Vec<String> {
    let mut out: Vec<String> = dir
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    for key in ["category", "categories"] {
        let Some(n) = meta.field(key) else { continue };
        match &n.value {
            Value::String(s) if key == "categories" => {
                out.extend(s.split_whitespace().map(str::to_string));
            }
            _ => out.extend(string_items(n).into_iter().map(|(s, _)| s.into_owned())),
        }
    }
    out
}

/// The `markdown_ext` list as Jekyll's URL code reads it.
pub(crate) fn markdown_ext(jk: &JekyllConfig) -> String {
    jk.markdown_ext
        .iter()
        .map(|e| e.trim_start_matches('.'))
        .collect::<Vec<_>>()
        .join(",")
}

/// A page's URL and why it is not published.
fn target(
    jk: &JekyllConfig,
    meta: &Meta,
    role: &Role,
    now: i64,
) -> (Result<String, String>, Option<Unpublished>) {
    let post = meta.post;
    let rel = post.content_path.as_str();
    let permalink = meta.string("permalink").filter(|p| !p.is_empty());
    let md_ext = markdown_ext(jk);
    let mut why = None;
    // Jekyll 4.3.1 reads `published` of a page from its own front matter
    // only; defaults unpublish posts and documents.
    let published = match role {
        Role::Page => meta
            .post
            .field("published")
            .map(|n| !matches!(n.value, Value::Bool(false) | Value::Null)),
        _ => meta.truthy("published"),
    };
    if published == Some(false) && !jk.unpublished {
        why = Some(Unpublished::PublishedFalse);
    }
    let url = match role {
        Role::Page => url::page_url(rel, &jk.permalink, permalink.as_deref(), &md_ext)
            .map_err(|e| format!("{e:?}")),
        Role::Post { dir } | Role::Draft { dir } => {
            if matches!(role, Role::Draft { .. }) && !jk.show_drafts {
                why = why.or(Some(Unpublished::Draft));
            }
            let name = rel.rsplit('/').next().unwrap_or(rel);
            if matches!(role, Role::Post { .. }) && date::filename_date(name).is_none() {
                why = Some(Unpublished::UndatedPost);
            }
            let mut date = post_date(meta);
            if let Some(Err(date::DateError::NotModelled)) = date {
                // A form Jekyll reads and bloglint does not: the file
                // name's date is the best guess for the URL.
                date = date::filename_date(name).map(|f| f.date);
            }
            let civil = match &date {
                Some(Ok(d)) => {
                    if !jk.future && site_instant(d, jk) > now {
                        why = why.or(Some(Unpublished::Future));
                    }
                    site_civil(d, jk)
                }
                _ => Civil::default(),
            };
            if let Some(Err(date::DateError::Invalid)) = date {
                why = why.or(Some(Unpublished::InvalidDate));
            }
            let cats = categories(meta, dir);
            let label = "posts";
            let template =
                url::collection_template(label, collection_permalink(jk, label), &jk.permalink);
            document_url(
                jk,
                rel,
                label,
                &template,
                permalink.as_deref(),
                meta,
                &cats,
                civil,
            )
        }
        Role::Document { label } => {
            if !jk.collection(label).is_some_and(|c| c.output) {
                why = why.or(Some(Unpublished::NoOutput));
            }
            // Jekyll 4.3.1 leaves out documents dated after now, as posts.
            let civil = match post_date(meta) {
                Some(Ok(d)) => {
                    if !jk.future && site_instant(&d, jk) > now {
                        why = why.or(Some(Unpublished::Future));
                    }
                    site_civil(&d, jk)
                }
                _ => Civil::default(),
            };
            let template =
                url::collection_template(label, collection_permalink(jk, label), &jk.permalink);
            let cats = categories(meta, "");
            document_url(
                jk,
                rel,
                label,
                &template,
                permalink.as_deref(),
                meta,
                &cats,
                civil,
            )
        }
    };
    // The URL the server answers for: the file Jekyll writes.
    let writer = match role {
        Role::Page => url::Writer::Page,
        _ => url::Writer::Document,
    };
    let out_ext = url::output_ext(url::extname(rel), permalink.as_deref(), &md_ext);
    let url = url.map(|u| file_url(&format!("/{}", url::destination(&u, &out_ext, writer))));
    (url, why)
}

fn collection_permalink<'j>(jk: &'j JekyllConfig, label: &str) -> Option<&'j str> {
    jk.collection(label).and_then(|c| c.permalink.as_deref())
}

#[allow(clippy::too_many_arguments)]
fn document_url(
    jk: &JekyllConfig,
    rel: &str,
    label: &str,
    template: &str,
    permalink: Option<&str>,
    meta: &Meta,
    categories: &[String],
    date: Civil,
) -> Result<String, String> {
    // Relative to `collections_dir`, as Jekyll's `relative_path` is.
    let in_collections = match jk.collections_dir.trim_matches('/') {
        "" => rel,
        d => rel
            .strip_prefix(d)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(rel),
    };
    let collection_dir = format!("_{label}");
    let path = url::cleaned_relative_path(in_collections, &collection_dir);
    let basename = url::document_basename_without_ext(in_collections);
    let (_, derived) = url::document_slug(in_collections);
    let own = meta.string("slug").filter(|s| !s.is_empty());
    let slug = own.as_deref().unwrap_or(&derived);
    let ext = url::extname(in_collections);
    let output_ext = url::output_ext(ext, permalink, &markdown_ext(jk));
    let p = DocumentPlaceholders {
        collection: label,
        path: &path,
        basename_without_ext: basename,
        slug: Some(slug),
        categories,
        date,
        output_ext: &output_ext,
    };
    url::document_url(template, permalink, &p).map_err(|e| format!("{e:?}"))
}

/// The `redirect_from` entries of a page, resolved (jekyll-redirect-from).
fn redirects(meta: &Meta) -> Vec<Alias> {
    let Some(node) = meta.field("redirect_from") else {
        return Vec::new();
    };
    let own = meta.post.front_matter.as_ref().is_some_and(|fm| {
        fm.root
            .entries
            .iter()
            .any(|(k, _)| k.name == "redirect_from")
    });
    let anchor = meta.post.front_matter_anchor();
    string_items(node)
        .into_iter()
        .map(|(written, n)| Alias {
            url: url::redirect_from_destination(&written)
                .map(|f| file_url(&format!("/{f}")))
                .map_err(|e| format!("jekyll-redirect-from cannot write it: {e:?}")),
            relative: false,
            written: written.into_owned(),
            span: if own { n.span.clone() } else { anchor.clone() },
            cascaded_from: None,
        })
        .collect()
}

/// The ids kramdown gives a page's headings, as the site's `kramdown:`
/// settings say; none for an HTML page (published as written).
pub fn heading_ids(post: &Post, jk: &JekyllConfig) -> Vec<String> {
    if crate::document::is_html_content(&post.content_path) {
        // Published as written: the ids its headings carry.
        return post
            .outline
            .headings
            .iter()
            .map(|h| h.custom_id.clone().unwrap_or_default())
            .collect();
    }
    let k = &jk.kramdown;
    if k.input != "GFM" && k.input != "kramdown" || jk.markdown != "kramdown" {
        // Another parser or converter: its ids are not modelled.
        return Vec::new();
    }
    let options = IdOptions {
        input: if k.input == "GFM" {
            Input::Gfm
        } else {
            Input::Kramdown
        },
        auto_ids: k.auto_ids,
        auto_id_prefix: k.auto_id_prefix.clone(),
        auto_id_stripping: k.auto_id_stripping,
        transliterated_header_ids: k.transliterated_header_ids,
    };
    heading_id::page_ids(&post.source, &post.outline.headings, &options)
}

/// Index the posts of a Jekyll site.
pub fn build<'a>(
    generator: &'a Generator,
    jk: &'a JekyllConfig,
    posts: &[&'a Post],
    _resources: &[(std::path::PathBuf, String)],
    static_files: &[(std::path::PathBuf, String)],
    now: i64,
) -> SiteIndex<'a> {
    let redirects_on = jk.has_plugin("jekyll-redirect-from");
    let optional_front_matter =
        jk.has_plugin("jekyll-optional-front-matter") && jk.optional_front_matter.enabled;
    let mut index = SiteIndex::new(
        generator,
        posts.len(),
        jk.baseurl
            .as_deref()
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string(),
        // Netlify's rules: a `_redirects` Jekyll publishes (it skips
        // `_` files unless `include`d) and `netlify.toml`.
        crate::site::redirects::load(&jk.root, static_files, Vec::new()),
    );
    for (i, post) in posts.iter().enumerate() {
        let role = role(jk, &post.content_path);
        let meta = Meta::new(jk, post, &role);
        let (url, mut why) = target(jk, &meta, &role, now);
        let url = match url {
            Ok(u) => u,
            Err(_) => {
                why = why.or(Some(Unpublished::BadUrl));
                String::new()
            }
        };
        if role == Role::Page
            && post.front_matter.is_none()
            && post.front_matter_error.is_none()
            && !(optional_front_matter && super::config::optional_page(jk, &post.content_path))
        {
            why = Some(Unpublished::NoFrontMatter);
        }
        let place = match &role {
            Role::Page => Place::Root,
            Role::Post { .. } | Role::Draft { .. } => Place::Section("/posts".into()),
            Role::Document { label } => Place::Section(format!("/{label}")),
        };
        let kind = if url == "/" { Kind::Home } else { Kind::Page };
        let aliases = if redirects_on {
            redirects(&meta)
        } else {
            Vec::new()
        };
        index.pages.push(Page {
            post,
            lang: String::new(),
            url,
            unpublished: why,
            aliases,
            kind,
            stub_of: None,
            place,
            date_url: None,
            redirect_to: redirects_on
                .then(|| meta.field("redirect_to"))
                .flatten()
                .and_then(|n| string_items(n).into_iter().next())
                .map(|(s, _)| s.into_owned()),
            ids: OnceLock::new(),
        });
        index
            .by_content_path
            .entry(post.content_path.to_lowercase())
            .or_default()
            .push(i);
    }
    index.publish_pages(true);
    for (path, url) in static_files {
        index
            .urls
            .entry(file_url(url))
            .or_default()
            .push(Served::Static(path.clone()));
    }
    // What plugins write where nothing else is.
    for (plugin, url) in plugin_files(jk) {
        index
            .urls
            .entry(url)
            .or_insert_with(|| vec![Served::Generated(plugin)]);
    }
    index
}

/// The files plugins write: jekyll-feed's feeds (`feed.path`, and one per
/// `feed.categories` entry), jekyll-sitemap's `sitemap.xml` and
/// `robots.txt`, jekyll-redirect-from's `redirects.json`.
fn plugin_files(jk: &JekyllConfig) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if jk.has_plugin("jekyll-feed") {
        let feed = jk.table.value("feed").and_then(|n| match &n.value {
            Value::Table(t) => Some(t),
            _ => None,
        });
        let path = feed
            .and_then(|t| t.value("path"))
            .and_then(scalar_string)
            .map_or_else(
                || "feed.xml".to_string(),
                |p| p.trim_start_matches('/').to_string(),
            );
        out.push(("jekyll-feed", format!("/{path}")));
        if let Some(categories) = feed.and_then(|t| t.value("categories")) {
            for (c, _) in string_items(categories) {
                out.push(("jekyll-feed", format!("/feed/{c}.xml")));
            }
        }
    }
    if jk.has_plugin("jekyll-sitemap") {
        out.push(("jekyll-sitemap", "/sitemap.xml".to_string()));
        out.push(("jekyll-sitemap", "/robots.txt".to_string()));
    }
    if jk.has_plugin("jekyll-redirect-from") {
        out.push(("jekyll-redirect-from", "/redirects.json".to_string()));
    }
    out
}
