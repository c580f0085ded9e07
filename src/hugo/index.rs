//! The site as Hugo publishes it: the Hugo builder of the neutral
//! [`SiteIndex`], every URL and what serves it.
//!
//! What Hugo 0.168 publishes, as `tests/hugo_oracle.rs` checks it against a
//! real build:
//!
//! - every built page (not a draft, not future, not expired, not of a
//!   disabled kind) with `build.render: always`, at the URL of
//!   `urls::page_target`; front matter cascaded from the `_index.md`
//!   files above a page counts (`cascade`, with `_target`/`target`);
//! - a section list for every top-level folder holding a content file of
//!   the language (even a draft), unless the folder's `_index.md` of that
//!   language decides otherwise (a draft `_index.md` hides the section but
//!   not the pages in it), or a page of the folder's name is there
//!   (`about.md` next to `about/`, even a draft); nested folders are
//!   sections only with an `_index.md`; a home page per language;
//! - one page per page path and language: of several content files of one
//!   path (`x.md` and `x/index.md` or `x/_index.md`, `x.md` and
//!   `x.markdown`), Hugo keeps one, and none when one of them is a draft,
//!   future or expired (see `same_path`);
//! - a taxonomy list per taxonomy and language, used or not; a term page per
//!   distinct term path (`Go` and `go` share `/tags/go/`) among the built
//!   pages not `render: never`, and per term `_index.md`;
//! - aliases of rendered pages; Hugo's own redirect between `/` and the
//!   default language's home ([`SiteIndex::redirects`]);
//! - page resources: every other file under the content folders goes inside
//!   the URL of the nearest bundle above it (a leaf bundle, a section, the
//!   home, or a page of the folder's name: `gallery.md` owns `gallery/*`),
//!   with its relative path as written, when that bundle has a built page
//!   in the file's language and `build.publishResources` is not false;
//!   content files inside a leaf bundle are resources, not pages;
//! - static files.
//!
//! A slug on a section (taxonomy, term) renames its folder and everything
//! below it. When several things claim one URL, `urls` lists them all: Hugo
//! writes one of them, depending on the order it renders in (a page always
//! wins over its own aliases; an alias often wins over a section page; a
//! page nearly always over a static file).
//!
//! HTML content files (`.html`, `.htm`) are pages like Markdown ones, their
//! HTML published as written (`tests/sites/html-content`).
//!
//! A translation stub (a page of another language than the default with an
//! empty body, whose theme shows its default-language translation) is
//! published like any page; `Page::stub_of` names the translation it stands
//! for (see `translation_stubs`).
//!
//! Not modelled (documented limits): content adapters (`_content.gotmpl`)
//! and content formats other than Markdown and HTML (`.adoc`, `.org`…);
//! the site configuration's `[[cascade]]`; `outputs` (a kind without HTML
//! output); pagination (`/page/2/`, and the `/page/1/` alias); multihost
//! sites, versions and roles; `removePathAccents`; static mounts with a
//! target below `static/` and per-language static directories; themes and
//! modules; the `:git` and `:fileModTime` date handlers; named time zones
//! with daylight saving time (read as UTC for future/expired); a `url` or
//! permalink with a token Hugo does not know (Hugo fails the build, bloglint
//! keeps it as written); heading ids of sites with
//! `markup.goldmark.parser.autoDefinitionTermID` (definition terms take ids
//! first).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use globset::{GlobBuilder, GlobMatcher};
use rayon::prelude::*;

use crate::document::{Post, Table, Value};
use crate::hugo::config::HugoConfig;
use crate::hugo::urls::{self, Bundle, Meta, PathInfo, Permalinks, Render, Target};
use crate::site::Generator;
use crate::site::index::{Alias, Page, Served, SiteIndex};
use crate::site::model::{DateUrl, Kind, Place, Unpublished};

/// A `cascade` entry of an `_index.md`, compiled.
struct Cascade<'a> {
    table: &'a Table,
    kind: Option<GlobMatcher>,
    path: Option<GlobMatcher>,
    /// Its environment and language conditions hold (or are absent).
    applies: bool,
    /// A target glob that does not compile: applies nowhere.
    broken: bool,
}

impl Cascade<'_> {
    fn matches(&self, kind: Kind, path: &str) -> bool {
        self.applies
            && !self.broken
            && self.kind.as_ref().is_none_or(|g| g.is_match(kind.name()))
            && self.path.as_ref().is_none_or(|g| g.is_match(path))
    }
}

fn glob(pattern: &str) -> Result<GlobMatcher, globset::Error> {
    Ok(GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()?
        .compile_matcher())
}

/// The cascade entries of a branch page's front matter.
fn cascades<'a>(post: &'a Post, lang: &str) -> Vec<Cascade<'a>> {
    let Some(node) = post.field("cascade") else {
        return Vec::new();
    };
    let tables: Vec<&Table> = match &node.value {
        Value::Table(t) => vec![t],
        Value::Array(items) => items.iter().filter_map(|i| i.as_table()).collect(),
        _ => Vec::new(),
    };
    tables
        .into_iter()
        .map(|table| {
            let target = table
                .value("_target")
                .or_else(|| table.value("target"))
                .and_then(|t| t.as_table());
            let get = |key: &str| {
                target
                    .and_then(|t| t.value(key))
                    .and_then(|n| n.as_str())
                    .filter(|s| !s.is_empty())
            };
            let mut broken = false;
            let mut compile = |key: &str, lower: bool| {
                get(key).and_then(|p| {
                    let p = if lower {
                        p.to_lowercase()
                    } else {
                        p.to_string()
                    };
                    glob(&p).map_err(|_| broken = true).ok()
                })
            };
            let kind = compile("kind", false);
            let path = compile("path", true);
            // `hugo` builds the production environment.
            let environment = compile("environment", false);
            let language = compile("lang", false);
            let applies = environment.is_none_or(|g| g.is_match("production"))
                && language.is_none_or(|g| g.is_match(lang));
            Cascade {
                table,
                kind,
                path,
                applies,
                broken,
            }
        })
        .collect()
}

/// `/posts/a/b` → `/posts/a`, `/posts`, `/`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let mut cur = Some(path);
    std::iter::from_fn(move || {
        let p = cur?;
        if p == "/" {
            cur = None;
            return None;
        }
        let parent = match p.rfind('/') {
            Some(0) | None => "/",
            Some(i) => &p[..i],
        };
        cur = Some(parent);
        Some(parent)
    })
}

/// The content folder of a resource as Hugo keys it: `posts/Sub Dir` →
/// `/posts/sub-dir`.
fn node_path(dir: &str) -> String {
    urls::normalize_basic(&format!("/{dir}"))
}

/// A file name Hugo ignores in content: `#…`, `…~`.
fn ignored(name: &str) -> bool {
    name.starts_with('#') || name.ends_with('~')
}

/// The language of a resource: a configured language before its extension
/// (`r.fr.png`), else its content directory's, else the default.
fn resource_language(disk: &std::path::Path, content_path: &str, hugo: &HugoConfig) -> String {
    let file = content_path.rsplit('/').next().unwrap_or(content_path);
    if hugo.languages.len() == 1
        && hugo.disabled_languages.is_empty()
        && hugo.content_dirs.iter().all(|d| d.lang.is_none())
    {
        return hugo.default_content_language.clone();
    }
    let mut parts = file.rsplitn(3, '.');
    let _ext = parts.next();
    if let (Some(lang), Some(_)) = (parts.next(), parts.next())
        && let Some(l) = hugo
            .languages
            .iter()
            .chain(&hugo.disabled_languages)
            .find(|l| l.eq_ignore_ascii_case(lang))
    {
        return l.clone();
    }
    hugo.content_dirs
        .iter()
        .filter(|d| disk.starts_with(&d.path))
        .find_map(|d| d.lang.clone())
        .unwrap_or_else(|| hugo.default_content_language.clone())
}

/// A list page with no content file of its own.
struct Virtual {
    lang: String,
    served: Served,
    target: Target,
}

/// Hugo's bundles, by language and page path: leaf bundles (`index.md`)
/// and branch bundles (`_index.md`, list pages), and the folders of the
/// leaf bundles (what is below them is a resource).
struct Bundles<'i> {
    leaves: HashMap<(&'i str, &'i str), usize>,
    branches: HashMap<(&'i str, &'i str), usize>,
    leaf_dirs: HashSet<&'i str>,
}

impl<'i> Bundles<'i> {
    fn of(infos: &'i [PathInfo]) -> Bundles<'i> {
        let mut tree = Bundles {
            leaves: HashMap::new(),
            branches: HashMap::new(),
            leaf_dirs: HashSet::new(),
        };
        for (i, info) in infos.iter().enumerate() {
            let key = (info.lang.as_str(), info.path.as_str());
            match info.bundle {
                Bundle::Leaf => {
                    tree.leaf_dirs.insert(info.path.as_str());
                    tree.leaves.entry(key).or_insert(i);
                }
                Bundle::Branch => {
                    tree.branches.entry(key).or_insert(i);
                }
                Bundle::None => {}
            }
        }
        tree
    }

    /// Whether a content file sits inside a leaf bundle.
    fn in_leaf(&self, info: &PathInfo) -> bool {
        ancestors(&info.path).any(|d| self.leaf_dirs.contains(d))
    }
}

/// The `cascade` entries that apply to each page, nearest first, and the
/// post each is written in.
#[allow(clippy::type_complexity)]
fn cascade_chains<'p>(
    posts: &[&'p Post],
    infos: &[PathInfo],
    branches: &HashMap<(&str, &str), usize>,
) -> (Vec<Vec<&'p Table>>, Vec<Vec<usize>>) {
    let compiled: HashMap<usize, Vec<Cascade>> = branches
        .values()
        .map(|&i| (i, cascades(posts[i], &infos[i].lang)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    infos
        .iter()
        .enumerate()
        .map(|(i, info)| {
            if compiled.is_empty() {
                return (Vec::new(), Vec::new());
            }
            let own = (info.bundle == Bundle::Branch).then_some(i);
            let above = ancestors(&info.path)
                .filter_map(|p| branches.get(&(info.lang.as_str(), p)).copied());
            let path = urls::go_lower(&info.path);
            own.into_iter()
                .chain(above)
                .filter_map(|j| compiled.get(&j).map(|c| (j, c)))
                .flat_map(|(j, c)| c.iter().map(move |c| (j, c)))
                .filter(|(_, c)| c.matches(info.kind, &path))
                .map(|(j, c)| (c.table, j))
                .unzip()
        })
        .unzip()
}

/// Whether and how each page is built: its render mode and why it is not
/// published (ignored file, bundle resource, disabled language or kind,
/// draft, future, expired, not rendered, or another file of its path).
fn publication(
    posts: &[&Post],
    infos: &[PathInfo],
    metas: &[Meta],
    tree: &Bundles,
    hugo: &HugoConfig,
    now: i64,
) -> (Vec<Render>, Vec<Option<Unpublished>>) {
    let disabled = |k: Kind| hugo.disable_kinds.iter().any(|d| d == k.name());
    let (render, mut status): (Vec<Render>, Vec<Option<Unpublished>>) = infos
        .par_iter()
        .zip(metas)
        .map(|(info, meta)| {
            let mode = urls::render_mode(meta);
            let name = meta
                .post
                .content_path
                .rsplit('/')
                .next()
                .unwrap_or_default();
            let status = if ignored(name) {
                Some(Unpublished::Ignored)
            } else if tree.in_leaf(info) {
                Some(Unpublished::LeafResource)
            } else if hugo.disabled_languages.contains(&info.lang) {
                Some(Unpublished::DisabledLanguage)
            } else if disabled(info.kind) {
                Some(Unpublished::DisabledKind)
            } else if let Some(u) = urls::unbuilt(meta, &urls::content_base_name(info), hugo, now) {
                Some(u)
            } else {
                (mode != Render::Always).then_some(Unpublished::NotRendered)
            };
            (mode, status)
        })
        .unzip();
    same_path(infos, posts, &mut status);
    (render, status)
}

/// The terms of the built pages that are not `render: never`, per
/// language and term path (`Go` and `go` share `/tags/go/`): the taxonomy
/// and the first spelling.
#[allow(clippy::type_complexity)]
fn used_terms(
    infos: &[PathInfo],
    metas: &[Meta],
    status: &[Option<Unpublished>],
    render: &[Render],
    hugo: &HugoConfig,
) -> BTreeMap<(String, String), (String, String)> {
    let mut terms = BTreeMap::new();
    // A term's path, computed once per spelling (pages share terms).
    let mut term_paths: HashMap<(&str, String), String> = HashMap::new();
    for (i, info) in infos.iter().enumerate() {
        let built = matches!(status[i], None | Some(Unpublished::NotRendered));
        if !built || render[i] == Render::Never {
            continue;
        }
        for (_, plural) in &hugo.taxonomies {
            let Some(node) = metas[i].field(plural) else {
                continue;
            };
            for (term, _) in urls::string_items(node) {
                if term.is_empty() {
                    continue;
                }
                let key = term_paths
                    .entry((plural.as_str(), term.to_string()))
                    .or_insert_with(|| urls::term_path_cased(plural, &term, false));
                terms
                    .entry((info.lang.clone(), key.clone()))
                    .or_insert_with(|| (plural.clone(), term.into_owned()));
            }
        }
    }
    terms
}

/// Index the posts of a Hugo site. `resources` are the non-content files
/// under the content directories, as (path on disk, content path);
/// `static_files` the files of the static directories, as (path on disk,
/// URL path).
pub fn build<'a>(
    generator: &'a Generator,
    hugo: &'a HugoConfig,
    posts: &[&'a Post],
    resources: &[(PathBuf, String)],
    static_files: &[(PathBuf, String)],
    now: i64,
) -> SiteIndex<'a> {
    let permalinks = Permalinks::new(hugo);
    let infos: Vec<PathInfo> = posts.par_iter().map(|p| urls::path_info(p, hugo)).collect();

    let disabled = |k: Kind| hugo.disable_kinds.iter().any(|d| d == k.name());
    let tree = Bundles::of(&infos);
    let (leaves, branches, leaf_dirs) = (&tree.leaves, &tree.branches, &tree.leaf_dirs);
    let (chains, sources) = cascade_chains(posts, &infos, branches);
    let metas: Vec<Meta> = posts
        .iter()
        .zip(&chains)
        .map(|(post, chain)| Meta {
            post,
            cascade: chain,
        })
        .collect();
    let (render, status) = publication(posts, &infos, &metas, &tree, hugo, now);
    // Built: in the site, with a URL (maybe not rendered).
    let built = |i: usize| matches!(status[i], None | Some(Unpublished::NotRendered));
    let in_tree = |i: usize| {
        !matches!(
            status[i],
            Some(Unpublished::Ignored | Unpublished::LeafResource | Unpublished::DisabledLanguage)
        )
    };

    // Pages that are not lists (`posts/a.md`, `posts/b/index.md`), by
    // language and path: Hugo makes no section list where one is (a
    // top-level `about.md` next to a folder `about/`), and a plain
    // page owns the files of the folder of its name as resources.
    let mut plains: HashMap<(&str, &str), usize> = HashMap::new();
    let mut page_nodes: HashSet<(&str, &str)> = HashSet::new();
    for (i, info) in infos.iter().enumerate() {
        if info.bundle == Bundle::Branch
            || !in_tree(i)
            || status[i] == Some(Unpublished::DisabledKind)
        {
            continue;
        }
        let key = (info.lang.as_str(), info.path.as_str());
        page_nodes.insert(key);
        if info.bundle == Bundle::None && !matches!(status[i], Some(Unpublished::SamePath(_))) {
            plains.insert(key, i);
        }
    }
    let page_dirs: HashSet<&str> = plains.keys().map(|(_, p)| *p).collect();

    // Sections: top-level folders with a content file, per language.
    let mut sections: BTreeMap<(String, String), String> = BTreeMap::new();
    for (i, info) in infos.iter().enumerate() {
        if !in_tree(i) || info.kind == Kind::Home {
            continue;
        }
        let first = info.path[1..].split('/').next().unwrap_or_default();
        let nested = info.path[1..].contains('/');
        if (nested || info.kind != Kind::Page)
            && urls::taxonomy_of(first, hugo).is_none()
            && !page_nodes.contains(&(info.lang.as_str(), &info.path[..first.len() + 1]))
        {
            let unnormalized = info.unnormalized[1..].split('/').next().unwrap_or_default();
            sections
                .entry((info.lang.clone(), format!("/{first}")))
                .or_insert_with(|| unnormalized.to_string());
        }
    }

    // URLs of the content pages.
    let section_slug = |lang: &str, path: &str| -> String {
        match branches.get(&(lang, path)) {
            Some(&j) => {
                let m = &metas[j];
                let s = m.string("slug").filter(|s| !s.is_empty());
                let s = s.or_else(|| m.string("title")).unwrap_or_default();
                urls::sanitize_path(&s, hugo)
            }
            None => path.rsplit('/').next().unwrap_or_default().to_string(),
        }
    };
    // Hugo 0.168 renames a list page's folder, and everything below it,
    // to its `slug`.
    let slugs: HashMap<(&str, &str), String> = branches
        .iter()
        .filter(|&(_, &i)| built(i) && infos[i].kind != Kind::Home)
        .filter_map(|(&key, &i)| {
            let slug = metas[i].string("slug").filter(|s| !s.is_empty())?;
            Some((key, slug.into_owned()))
        })
        .collect();
    let slugged = |lang: &str, path: &str, url_path: &str, own: bool| -> String {
        if slugs.is_empty() || path == "/" {
            return url_path.to_string();
        }
        let mut segments: Vec<&str> = url_path[1..].split('/').collect();
        let n = segments.len();
        let mut renamed = false;
        for (k, (end, _)) in path
            .match_indices('/')
            .skip(1)
            .chain([(path.len(), "")])
            .enumerate()
        {
            if k + 1 == n && !own {
                break;
            }
            if let (Some(slug), Some(seg)) = (slugs.get(&(lang, &path[..end])), segments.get_mut(k))
            {
                *seg = slug;
                renamed = true;
            }
        }
        if renamed {
            format!("/{}", segments.join("/"))
        } else {
            url_path.to_string()
        }
    };
    let is_section = |lang: &str, path: &str| {
        path != "/"
            && (!path[1..].contains('/')
                || branches
                    .get(&(lang, path))
                    .is_some_and(|&j| infos[j].kind == Kind::Section))
    };
    let targets: Vec<Target> = infos
        .par_iter()
        .enumerate()
        .map(|(i, info)| {
            let tokens = || {
                let mut tokens = urls::own_tokens(&metas[i], info, hugo);
                let current = if info.kind != Kind::Page {
                    Some(info.path.as_str())
                } else {
                    ancestors(&info.path).find(|p| is_section(&info.lang, p))
                };
                let mut chain: Vec<&str> = current
                    .into_iter()
                    .chain(current.into_iter().flat_map(ancestors))
                    .filter(|p| is_section(&info.lang, p))
                    .collect();
                chain.reverse();
                tokens.sections = current
                    .map(|c| {
                        c.split('/')
                            .filter(|s| !s.is_empty())
                            .map(str::to_string)
                            .collect()
                    })
                    .unwrap_or_default();
                tokens.section_slugs = chain.iter().map(|p| section_slug(&info.lang, p)).collect();
                tokens
            };
            let url_path = slugged(
                &info.lang,
                &info.path,
                info.url_path(hugo),
                info.kind != Kind::Page,
            );
            urls::page_target(&metas[i], info, &url_path, &tokens, &permalinks, hugo)
        })
        .collect();

    let stubs = translation_stubs(hugo, posts, &infos, &metas, &status);

    let mut index = SiteIndex::new(
        generator,
        posts.len(),
        base_path(&hugo.base_url),
        crate::site::redirects::load(
            &hugo.root,
            static_files,
            crate::site::redirects::generated(hugo).rules,
        ),
    );
    for (i, post) in posts.iter().enumerate() {
        let info = &infos[i];
        let ugly = hugo.ugly_urls.for_section(info.section());
        let lang_dir = urls::language_prefix(&info.lang, hugo);
        let resolve = |a: &str| {
            urls::alias_target(
                a,
                &targets[i].resource_base,
                lang_dir.trim_start_matches('/'),
                ugly,
            )
        };
        let mut aliases = aliases(post, &resolve);
        if post.field("aliases").is_none() {
            // Cascaded from the nearest `_index.md` that sets them.
            let from = chains[i]
                .iter()
                .zip(&sources[i])
                .find(|(t, _)| t.value("aliases").is_some_and(|n| n.value != Value::Null));
            if let Some((table, &j)) = from {
                let anchor = post.front_matter_anchor();
                aliases = alias_items(table.value("aliases"))
                    .into_iter()
                    .map(|(written, span)| Alias {
                        url: resolve(&written),
                        relative: !written.starts_with('/'),
                        written,
                        span: anchor.clone(),
                        cascaded_from: Some((posts[j].path.clone(), span)),
                    })
                    .collect();
            }
        }
        index.pages.push(Page {
            post,
            lang: info.lang.clone(),
            url: targets[i].url.clone(),
            unpublished: status[i].clone(),
            aliases,
            kind: info.kind,
            stub_of: stubs[i],
            place: Place::Root,
            date_url: None,
            redirect_to: None,
            ids: OnceLock::new(),
        });
        index
            .by_content_path
            .entry(post.content_path.to_lowercase())
            .or_default()
            .push(i);
    }
    places(&mut index.pages, &infos, &permalinks);
    index.publish_pages(!hugo.disable_aliases);

    // List pages without a content file: sections, homes, taxonomies, terms.
    let mut virtuals: Vec<Virtual> = Vec::new();
    let mut list =
        |kind: Kind, lang: &str, path: &str, url_path: &str, title: &str, served: Served| {
            if disabled(kind) || branches.contains_key(&(lang, path)) {
                return;
            }
            let url_path = slugged(lang, path, url_path, true);
            let target = urls::list_target(kind, path, &url_path, title, lang, &permalinks, hugo);
            virtuals.push(Virtual {
                lang: lang.to_string(),
                served,
                target,
            });
        };
    for ((lang, path), name) in &sections {
        let url_path = if hugo.disable_path_to_lower {
            format!("/{name}")
        } else {
            path.clone()
        };
        let served = Served::Section(path[1..].to_string());
        list(Kind::Section, lang, path, &url_path, name, served);
    }
    for lang in &hugo.languages {
        list(
            Kind::Home,
            lang,
            "/",
            "/",
            "",
            Served::Section(String::new()),
        );
        for (_, plural) in &hugo.taxonomies {
            let path = format!("/{}", urls::taxonomy_key(plural));
            list(
                Kind::Taxonomy,
                lang,
                &path,
                &path,
                plural,
                Served::Taxonomy(plural.clone()),
            );
        }
    }
    let terms = used_terms(&infos, &metas, &status, &render, hugo);
    for ((lang, path), (plural, term)) in &terms {
        let url_path = urls::term_path(plural, term, hugo);
        let served = Served::Term(plural.clone(), urls::urlize(term));
        list(Kind::Term, lang, path, &url_path, term, served);
    }
    for v in &virtuals {
        index
            .urls
            .entry(v.target.url.clone())
            .or_default()
            .push(v.served.clone());
    }

    // Hugo's redirect between `/` and the default language's home.
    if !hugo.disable_default_language_redirect {
        let default = hugo.default_content_language.as_str();
        let home = urls::language_prefix(default, hugo) + "/";
        let from = if hugo.default_content_language_in_subdir {
            Some("/".to_string())
        } else if hugo.languages.len() > 1 {
            Some(format!("/{default}/"))
        } else {
            None
        };
        if let Some(from) = from {
            let server = branches
                .get(&(default, "/"))
                .filter(|&&i| status[i].is_none())
                .map(|&i| Served::Page(i))
                .or_else(|| {
                    virtuals
                        .iter()
                        .find(|v| v.lang == default && v.served == Served::Section(String::new()))
                        .map(|v| v.served.clone())
                });
            if let Some(server) = server {
                index.urls.entry(from.clone()).or_default().push(server);
                index.redirects.insert(from, home);
            }
        }
    }

    // Resources: inside the nearest bundle above them.
    let mut virtual_bases: HashMap<(&str, String), &str> = HashMap::new();
    for v in &virtuals {
        let path = match &v.served {
            Served::Section(s) => format!("/{s}"),
            Served::Taxonomy(plural) => format!("/{}", urls::taxonomy_key(plural)),
            _ => continue,
        };
        virtual_bases.insert(
            (v.lang.as_str(), urls::normalize_basic(&path)),
            &v.target.resource_base,
        );
    }
    let structural: HashSet<&str> = branches
        .keys()
        .map(|(_, p)| *p)
        .chain(sections.keys().map(|(_, p)| p.as_str()))
        .chain(["/"])
        .collect();
    let taxonomy_paths: Vec<String> = hugo
        .taxonomies
        .iter()
        .map(|(_, p)| format!("/{}", urls::taxonomy_key(p)))
        .collect();
    let any_home = infos.iter().any(|i| i.kind == Kind::Home);
    let auto_ok = |lang: &str| !any_home || branches.contains_key(&(lang, "/"));
    for (disk, content_path) in resources {
        let (dir, name) = content_path.rsplit_once('/').unwrap_or(("", content_path));
        let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
        // Content files Hugo reads in formats bloglint does not parse:
        // pages it does not index, not resources.
        if ignored(name) || name == "_content.gotmpl" || crate::hugo::is_content_extension(ext) {
            continue;
        }
        let lang = resource_language(disk, content_path, hugo);
        let start = node_path(dir);
        let owner = std::iter::once(start.as_str())
            .chain(ancestors(&start))
            .find(|p| {
                leaf_dirs.contains(p)
                    || page_dirs.contains(p)
                    || structural.contains(p)
                    || taxonomy_paths.iter().any(|t| t == p)
            });
        let Some(owner) = owner else { continue };
        // The page of that path (the one Hugo keeps, when several
        // files have it), else the list page Hugo makes there.
        let key = (lang.as_str(), owner);
        let page = [leaves, &plains, branches]
            .into_iter()
            .filter_map(|m| m.get(&key).copied())
            .find(|&i| !matches!(status[i], Some(Unpublished::SamePath(_))));
        let base = match page {
            Some(i) => Some(Ok(i)),
            None if leaf_dirs.contains(owner) || page_dirs.contains(owner) => None,
            None => virtual_bases
                .get(&(lang.as_str(), owner.to_string()))
                .map(|b| Err(*b)),
        };
        let base: &str = match base {
            Some(Ok(i)) if built(i) && urls::publishes_resources(&metas[i]) => {
                &targets[i].resource_base
            }
            // Hugo 0.168 leaves the resources of a section (or home)
            // without `_index.md` unpublished in a language without a
            // home `_index.md` when another language has one.
            Some(Err(b)) if auto_ok(&lang) => b,
            _ => continue,
        };
        // The path below the owner's folder, as written.
        let depth = owner.matches('/').count() - usize::from(owner == "/");
        let rel = content_path
            .splitn(depth + 1, '/')
            .last()
            .unwrap_or(content_path);
        index
            .urls
            .entry(format!("{base}/{rel}"))
            .or_default()
            .push(Served::Resource(disk.clone()));
    }
    for (path, url) in static_files {
        index
            .urls
            .entry(urls::file_url(url))
            .or_default()
            .push(Served::Static(path.clone()));
    }
    index
}

/// Where each page belongs for the conventions of its section (Hugo's
/// current section), and the date token of each regular page's URL.
fn places(pages: &mut [Page], infos: &[PathInfo], permalinks: &Permalinks) {
    // Nested sections: folders with an `_index.md`, per language.
    let sections: HashSet<(String, String)> = pages
        .iter()
        .zip(infos)
        .filter(|(p, _)| p.kind == Kind::Section)
        .map(|(p, info)| (p.lang.clone(), info.path.clone()))
        .collect();
    let sections: HashSet<(&str, &str)> = sections
        .iter()
        .map(|(l, p)| (l.as_str(), p.as_str()))
        .collect();
    let found: Vec<(Place, Option<DateUrl>)> = pages
        .par_iter()
        .zip(infos)
        .map(|(page, info)| {
            if page.kind != Kind::Page {
                return (Place::Lists, None);
            }
            let place = current_section(&page.lang, &info.path, &sections)
                .map_or(Place::Root, |s| Place::Section(s.to_string()));
            (place, date_url(page.post, info, &page.url, permalinks))
        })
        .collect();
    for (page, (place, date_url)) in pages.iter_mut().zip(found) {
        page.place = place;
        page.date_url = date_url;
    }
}

/// The nearest section above a regular page at `path` (Hugo's page path):
/// the top-level folder, or a nested folder with an `_index.md`.
fn current_section<'p>(
    lang: &str,
    path: &'p str,
    sections: &HashSet<(&str, &str)>,
) -> Option<&'p str> {
    let mut end = path.len();
    while let Some(i) = path[..end].rfind('/') {
        if i == 0 {
            return None;
        }
        let dir = &path[..i];
        if !dir[1..].contains('/') || sections.contains(&(lang, dir)) {
            return Some(dir);
        }
        end = i;
    }
    None
}

/// The date token of a regular page's URL: its own `url` when it has one
/// (Hugo then ignores the permalink), else its permalink.
fn date_url(post: &Post, info: &PathInfo, url: &str, p: &Permalinks) -> Option<DateUrl> {
    let own = post
        .field("url")
        .and_then(urls::scalar_string)
        .filter(|u| !u.is_empty());
    let (pattern, from_url) = match &own {
        Some(u) => (u.as_ref(), true),
        None => (p.find(Kind::Page, &info.path)?, false),
    };
    let token = urls::date_token(pattern)?;
    Some(DateUrl {
        token: token.to_string(),
        pattern: pattern.to_string(),
        from_url,
        url: url.to_string(),
    })
}

/// Several content files of one page path and language (`posts/x.md` and
/// `posts/x/index.md` or `posts/x/_index.md`, `x.md` and `x.markdown`,
/// `X.md` and `x.md`) are one node of Hugo's content tree, and Hugo 0.168
/// says nothing about it:
///
/// - when one of them is not built (a draft, future, expired) and is not a
///   home, section or taxonomy list, Hugo drops the whole path: the other
///   files of the path are [`Unpublished::PathDropped`], and the resources
///   below the path go with them;
/// - otherwise Hugo keeps the file it reads last. Its readers race, but
///   they are handed a folder's files before its sub-folders, in name
///   order: the file deepest in the folders, then the last by name, is
///   nearly always the one kept (the bundle over `x.md`); the others are
///   [`Unpublished::SamePath`].
fn same_path(infos: &[PathInfo], posts: &[&Post], status: &mut [Option<Unpublished>]) {
    let unbuilt = |s: &Option<Unpublished>| {
        matches!(
            s,
            Some(Unpublished::Draft | Unpublished::Future | Unpublished::Expired)
        )
    };
    let mut groups: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, info) in infos.iter().enumerate() {
        if status[i].is_none() || status[i] == Some(Unpublished::NotRendered) || unbuilt(&status[i])
        {
            groups
                .entry((info.lang.as_str(), info.path.as_str()))
                .or_default()
                .push(i);
        }
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let dropper = members.iter().copied().find(|&i| {
            unbuilt(&status[i])
                && !matches!(infos[i].kind, Kind::Home | Kind::Section | Kind::Taxonomy)
        });
        if let Some(d) = dropper {
            for &i in members {
                if !unbuilt(&status[i]) {
                    status[i] = Some(Unpublished::PathDropped(d));
                }
            }
            continue;
        }
        let read_order = |i: usize| {
            let path = posts[i].content_path.as_str();
            let name = path.rsplit('/').next().unwrap_or(path);
            (path.matches('/').count(), name, i)
        };
        let Some(kept) = members.iter().copied().max_by_key(|&i| read_order(i)) else {
            continue;
        };
        for &i in members {
            if i != kept {
                status[i] = Some(Unpublished::SamePath(kept));
            }
        }
    }
}

/// Translation stubs: regular pages of a language other than the default
/// whose body is empty (whitespace and HTML comments) and that have one
/// published translation in the default language, as Hugo 0.168's
/// `.Translations` finds it: the page of the stub's `translationKey` when it
/// has one (own or cascaded, compared as written), else the page of the
/// same page path (whatever that page's key). For each page, that
/// translation.
///
/// Hugo itself renders a stub as it is: an empty title, the date
/// 0001-01-01, no content (`tests/sites/translation-stubs`). Themes that
/// keep such placeholders (letsencrypt.org's `{{ if .Params.untranslated }}`)
/// render the translation's title, date and body at the stub's URL: the
/// stub stands for its translation.
fn translation_stubs(
    hugo: &HugoConfig,
    posts: &[&Post],
    infos: &[PathInfo],
    metas: &[Meta],
    status: &[Option<Unpublished>],
) -> Vec<Option<usize>> {
    let mut out = vec![None; posts.len()];
    if hugo.languages.len() < 2 {
        return out;
    }
    let default = hugo.default_content_language.as_str();
    let key = |i: usize| metas[i].string("translationKey").filter(|k| !k.is_empty());
    // The pages of the default language Hugo builds, by path and by key.
    let built = |i: usize| matches!(status[i], None | Some(Unpublished::NotRendered));
    let mut by_path: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_key: HashMap<std::borrow::Cow<str>, Vec<usize>> = HashMap::new();
    for (i, info) in infos.iter().enumerate() {
        if info.lang != default || !built(i) {
            continue;
        }
        by_path.entry(info.path.as_str()).or_default().push(i);
        if let Some(k) = key(i) {
            by_key.entry(k).or_default().push(i);
        }
    }
    for (i, info) in infos.iter().enumerate() {
        let candidate = info.kind == Kind::Page
            && info.lang != default
            && !matches!(
                status[i],
                Some(
                    Unpublished::Ignored
                        | Unpublished::LeafResource
                        | Unpublished::DisabledLanguage
                )
            )
            && posts[i].front_matter_error.is_none();
        if !candidate || !has_empty_body(posts[i]) {
            continue;
        }
        let found = match key(i) {
            Some(k) => by_key.get(&k),
            None => by_path.get(info.path.as_str()),
        };
        // One translation, published (several: which one a theme picks is
        // anyone's guess).
        if let Some(&[j]) = found.map(Vec::as_slice)
            && status[j].is_none()
        {
            out[i] = Some(j);
        }
    }
    out
}

/// Whether a page's body is empty: nothing but whitespace and HTML
/// comments (`<!-- not translated yet -->`), which no browser shows.
pub(crate) fn has_empty_body(post: &Post) -> bool {
    let o = &post.outline;
    // Cheap first: anything the outline holds is content (a text read from
    // the cache is read again only for pages that pass).
    if !(o.headings.is_empty()
        && o.links.is_empty()
        && o.refs.is_empty()
        && o.includes.is_empty()
        && o.attribute_ids.is_empty()
        && o.html_ids.is_empty()
        && o.definition_terms.is_empty())
    {
        return false;
    }
    let mut rest = post.source.get(post.body_start..).unwrap_or_default();
    loop {
        rest = rest.trim_start();
        let Some(comment) = rest.strip_prefix("<!--") else {
            return rest.is_empty();
        };
        let Some(end) = comment.find("-->") else {
            return false;
        };
        rest = &comment[end + 3..];
    }
}

/// The path part of a baseURL, without a trailing slash.
fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.trim_end_matches('/').to_string()
}

/// The `aliases` of a page (its own front matter), resolved.
fn aliases(post: &Post, resolve: &dyn Fn(&str) -> Result<String, String>) -> Vec<Alias> {
    alias_items(post.field("aliases"))
        .into_iter()
        .map(|(written, span)| Alias {
            url: resolve(&written),
            relative: !written.starts_with('/'),
            written,
            span,
            cascaded_from: None,
        })
        .collect()
}

/// The aliases of an `aliases` value, and the span of each.
fn alias_items(node: Option<&crate::document::Node>) -> Vec<(String, Range<usize>)> {
    let Some(node) = node else {
        return Vec::new();
    };
    match &node.value {
        // One string is a list of space-separated aliases (Go's
        // `cast.ToStringSlice`).
        Value::String(s) => s
            .split_whitespace()
            .map(|a| (a.to_string(), node.span.clone()))
            .collect(),
        _ => urls::string_items(node)
            .into_iter()
            .map(|(a, n)| (a.into_owned(), n.span.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_sections() {
        let sections: HashSet<(&str, &str)> = [("en", "/docs/guides")].into_iter().collect();
        let at = |path| current_section("en", path, &sections);
        assert_eq!(at("/about"), None);
        assert_eq!(at("/posts/a"), Some("/posts"));
        assert_eq!(at("/posts/2024/a"), Some("/posts"));
        assert_eq!(at("/docs/guides/a"), Some("/docs/guides"));
        assert_eq!(at("/docs/guides/deep/a"), Some("/docs/guides"));
        assert_eq!(
            current_section("fr", "/docs/guides/a", &sections),
            Some("/docs")
        );
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.org/"), "");
        assert_eq!(base_path("https://example.org"), "");
        assert_eq!(base_path("https://example.org/docs/"), "/docs");
        assert_eq!(base_path(""), "");
    }

    fn post(path: &str, front: &str) -> Post {
        Post::parse(
            PathBuf::from("/site/content").join(path),
            path.into(),
            format!("---\n{front}---\n"),
        )
    }

    /// A small site; expectations checked with Hugo 0.168.0 (the same
    /// cases are among the fixtures of `tests/hugo_oracle.rs`).
    #[test]
    fn a_small_site() {
        let mut hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        hugo.languages = vec!["en".into(), "fr".into()];
        let posts = [
            post("_index.md", "title: Home\n"),
            post(
                "posts/a.md",
                "title: A\naliases: [old, /Abs/]\ntags: [Café, Go]\n",
            ),
            post("posts/a.fr.md", "title: A\ntags: [Go]\n"),
            post("posts/b/index.md", "title: B\nslug: Bee Ü\n"),
            post("posts/b/other.md", "title: not a page\n"),
            post(
                "posts/draft.md",
                "title: D\ndraft: true\naliases: [/gone/]\n",
            ),
            post("docs/_index.md", "title: Docs\nslug: manual\n"),
            post("docs/c.md", "title: C\n"),
        ];
        let refs: Vec<&Post> = posts.iter().collect();
        let resources = vec![
            (
                PathBuf::from("/site/content/posts/b/pic.png"),
                "posts/b/pic.png".to_string(),
            ),
            (
                PathBuf::from("/site/content/docs/guide.pdf"),
                "docs/guide.pdf".to_string(),
            ),
        ];
        let statics = vec![(
            PathBuf::from("/site/static/x/index.html"),
            "/x/index.html".to_string(),
        )];
        let hugo = crate::site::Generator::Hugo(hugo);
        let index = hugo.index(&refs, &resources, &statics, 0);
        let mut urls: Vec<&str> = index.urls.keys().map(String::as_str).collect();
        urls.sort();
        assert_eq!(
            urls,
            [
                "/",
                "/Abs/",
                "/categories/",
                "/en/",
                "/fr/",
                "/fr/categories/",
                "/fr/posts/",
                "/fr/posts/a/",
                "/fr/tags/",
                "/fr/tags/go/",
                "/manual/",
                "/manual/c/",
                "/manual/guide.pdf",
                "/posts/",
                "/posts/a/",
                "/posts/bee-ü/",
                "/posts/bee-ü/pic.png",
                "/posts/old/",
                "/tags/",
                "/tags/café/",
                "/tags/go/",
                "/x/",
            ]
        );
        let by = |p: &str| index.pages.iter().position(|x| x.post.content_path == p);
        let a = by("posts/a.md").expect("a");
        assert_eq!(index.lookup("/posts/a"), Some(&[Served::Page(a)][..]));
        assert_eq!(
            index.lookup("/posts/old/"),
            Some(&[Served::Alias(a, 0)][..])
        );
        assert_eq!(
            index.lookup("/tags/caf%C3%A9/"),
            Some(&[Served::Term("tags".into(), "café".into())][..])
        );
        assert_eq!(index.lookup("/en/"), Some(&[Served::Page(0)][..]));
        assert_eq!(index.redirects.get("/en/").map(String::as_str), Some("/"));
        assert_eq!(index.lookup("/gone/"), None);
        let other = by("posts/b/other.md").expect("other");
        assert_eq!(
            index.pages[other].unpublished,
            Some(Unpublished::LeafResource)
        );
        assert_eq!(
            index.pages[by("docs/_index.md").expect("docs")].kind,
            Kind::Section
        );
    }

    /// Content files of one page path, and a page next to a folder of its
    /// name; checked with Hugo 0.168.0 (`tests/sites/url-collision*`).
    #[test]
    fn one_page_path_and_page_folders() {
        let hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        let posts = [
            post("posts/leaf.md", "title: L\naliases: [/leaf-alias/]\n"),
            post("posts/leaf/index.md", "title: B\n"),
            post("posts/hidden.md", "title: H\ndraft: true\n"),
            post("posts/hidden/index.md", "title: HB\n"),
            post("gallery.md", "title: G\nslug: photos\n"),
            post("gallery/one.md", "title: One\n"),
        ];
        let refs: Vec<&Post> = posts.iter().collect();
        let file = |p: &str| (PathBuf::from("/site/content").join(p), p.to_string());
        let resources = vec![
            file("posts/hidden/r.txt"),
            file("posts/leaf/r.txt"),
            file("gallery/r.txt"),
        ];
        let hugo = crate::site::Generator::Hugo(hugo);
        let index = hugo.index(&refs, &resources, &[], 0);
        let by = |p: &str| {
            index
                .pages
                .iter()
                .position(|x| x.post.content_path == p)
                .expect(p)
        };
        let (leaf, bundle) = (by("posts/leaf.md"), by("posts/leaf/index.md"));
        assert_eq!(
            index.pages[leaf].unpublished,
            Some(Unpublished::SamePath(bundle))
        );
        assert!(index.pages[bundle].is_published());
        assert_eq!(
            index.pages[by("posts/hidden/index.md")].unpublished,
            Some(Unpublished::PathDropped(by("posts/hidden.md")))
        );
        let mut urls: Vec<&str> = index.urls.keys().map(String::as_str).collect();
        urls.sort();
        // No alias of the page Hugo drops, no section list `/gallery/`, the
        // folder's file follows the page's slug, nothing of `hidden`.
        assert_eq!(
            urls,
            [
                "/",
                "/categories/",
                "/gallery/one/",
                "/photos/",
                "/photos/r.txt",
                "/posts/",
                "/posts/leaf/",
                "/posts/leaf/r.txt",
                "/tags/",
            ]
        );
    }

    /// Which empty pages stand for which translation; checked with Hugo
    /// 0.168.0 (`tests/sites/translation-stubs`, whose layouts print each
    /// page's `.Translations`).
    #[test]
    fn translation_stubs_and_their_translations() {
        let mut hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        hugo.languages = vec!["en".into(), "fr".into()];
        let with_body = |path: &str, front: &str, body: &str| {
            Post::parse(
                PathBuf::from("/site/content").join(path),
                path.into(),
                format!("---\n{front}---\n{body}"),
            )
        };
        let posts = [
            post("docs/faq.md", "title: FAQ\n"),
            with_body("docs/faq.fr.md", "slug: faq\n", "\n  \n"),
            post("docs/note.md", "title: Note\ntranslationKey: n\n"),
            with_body("docs/note.fr.md", "", "<!-- à traduire -->\n<!---->\n"),
            post("docs/partial.md", "title: Partial\n"),
            with_body("docs/partial.fr.md", "", "Texte.\n"),
            with_body("docs/open.fr.md", "", "<!-- unclosed\n"),
            post("docs/guide.md", "title: Guide\ntranslationKey: g\n"),
            post("docs/guide-fr.fr.md", "translationKey: g\n"),
            post("docs/autre.fr.md", "translationKey: G\n"),
            post("docs/lonely.fr.md", ""),
            post("docs/draft.md", "title: D\ndraft: true\n"),
            post("docs/draft.fr.md", ""),
            post("_index.fr.md", ""),
        ];
        let refs: Vec<&Post> = posts.iter().collect();
        let hugo = crate::site::Generator::Hugo(hugo);
        let index = hugo.index(&refs, &[], &[], 0);
        let stub_of = |p: &str| {
            let page = index.pages.iter().find(|x| x.post.content_path == p);
            page.expect(p)
                .stub_of
                .map(|j| index.pages[j].post.content_path.as_str())
        };
        assert_eq!(stub_of("docs/faq.fr.md"), Some("docs/faq.md"));
        // By path, whatever the English page's key.
        assert_eq!(stub_of("docs/note.fr.md"), Some("docs/note.md"));
        assert_eq!(stub_of("docs/guide-fr.fr.md"), Some("docs/guide.md"));
        // Keys are compared as written.
        assert_eq!(stub_of("docs/autre.fr.md"), None);
        assert_eq!(stub_of("docs/partial.fr.md"), None);
        assert_eq!(stub_of("docs/open.fr.md"), None);
        assert_eq!(stub_of("docs/lonely.fr.md"), None);
        // A draft is no translation.
        assert_eq!(stub_of("docs/draft.fr.md"), None);
        // Only regular pages; the default language's are never stubs.
        assert_eq!(stub_of("_index.fr.md"), None);
        assert_eq!(stub_of("docs/faq.md"), None);
    }

    #[test]
    fn ancestor_paths() {
        let a: Vec<&str> = ancestors("/posts/a/b").collect();
        assert_eq!(a, ["/posts/a", "/posts", "/"]);
        assert_eq!(ancestors("/").count(), 0);
        assert_eq!(ancestors("/x").collect::<Vec<_>>(), ["/"]);
    }
}
