//! The parts of a Hugo site configuration that bloglint's rules need, read the
//! way Hugo reads them (checked against Hugo v0.168.0):
//!
//! - the first of `hugo.{toml,yaml,yml,json}`, else `config.{…}`, in the root;
//! - then every file under `config/_default/`, then `config/production/` (the
//!   environment `hugo` builds with), recursively, in lexical order. A file
//!   other than `hugo.*`/`config.*` holds one root key: `params.toml` is
//!   `params`, `params.fr.toml` is `languages.fr.params`;
//! - merged map by map, key by key, case-insensitively, the later file
//!   winning: the configuration directory overrides the root file.
//!
//! Values are decoded as loosely as Hugo decodes them (`buildDrafts = "true"`
//! and `contentDir = 5` are accepted); a value of the wrong shape for a
//! setting bloglint reads (a list where a string belongs…) is an error.
//! Themes and modules other than the project are not read.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::ConfigError;
use crate::document::{Format, Node, SyntaxError, Table, Value};

/// How Hugo generates heading ids (`markup.goldmark.parser.autoIDType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AutoIdType {
    #[default]
    Github,
    GithubAscii,
    Blackfriday,
}

/// One content directory: the site's `contentDir`, a language's, or a module
/// mount whose target is `content` (or below it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentDir {
    /// Absolute, or relative to the current directory like the site root.
    pub path: PathBuf,
    /// Where it is mounted inside the content tree (`""` for the root).
    pub target: String,
    pub lang: Option<String>,
    /// A mount's `files` patterns (Hugo's syntax: globs matched against the
    /// path below `path`, `! ` before an exclusion). Empty: every file.
    pub files: Vec<String>,
}

impl ContentDir {
    /// The mount's `files` patterns, compiled.
    pub fn filter(&self) -> FileFilter {
        FileFilter::new(&self.files).unwrap_or(FileFilter {
            entries: Vec::new(),
            broken: true,
        })
    }
}

/// A mount's `files` patterns, as Hugo (0.153+, `hglob.FilenameFilter`)
/// applies them while walking the mount: to each folder and file, by its
/// path below the mount's source with a leading `/`, ignoring case. The
/// first pattern that matches decides (`! ` excludes); a path no pattern
/// matches is included unless some pattern is an inclusion. The folders
/// above an inclusion's folder are walked.
#[derive(Debug, Clone)]
pub struct FileFilter {
    entries: Vec<(FilterEntry, globset::GlobMatcher)>,
    /// A pattern that does not compile (Hugo stops): nothing is included.
    broken: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FilterEntry {
    Include,
    /// A folder leading to an inclusion.
    IncludeDir,
    Exclude,
}

impl FileFilter {
    fn new(patterns: &[String]) -> Result<FileFilter, globset::Error> {
        let glob = |p: &str| -> Result<globset::GlobMatcher, globset::Error> {
            Ok(globset::GlobBuilder::new(p)
                .literal_separator(true)
                .case_insensitive(true)
                .build()?
                .compile_matcher())
        };
        // On Unix a backslash escapes, as in Hugo's globs.
        let rooted = |p: &str| {
            if p.starts_with('/') {
                p.to_string()
            } else {
                format!("/{p}")
            }
        };
        let mut entries = Vec::new();
        for pattern in patterns {
            if let Some(excluded) = pattern.strip_prefix("! ") {
                entries.push((FilterEntry::Exclude, glob(&rooted(excluded))?));
                continue;
            }
            let p = rooted(pattern);
            entries.push((FilterEntry::Include, glob(&p)?));
            let dir = p.rsplit_once('/').map_or("", |(d, _)| d);
            let mut prefix = String::new();
            entries.push((FilterEntry::IncludeDir, glob("/")?));
            for part in dir.split('/').filter(|s| !s.is_empty()) {
                prefix.push('/');
                prefix.push_str(part);
                entries.push((FilterEntry::IncludeDir, glob(&prefix)?));
            }
        }
        Ok(FileFilter {
            entries,
            broken: false,
        })
    }

    /// Whether the file or folder at `rel` (`/`-separated, below the
    /// mount's source) is mounted.
    pub fn includes(&self, rel: &str, is_dir: bool) -> bool {
        if self.broken {
            return false;
        }
        let rel = format!("/{}", rel.trim_start_matches('/'));
        let mut has_include = false;
        for (kind, glob) in &self.entries {
            match kind {
                FilterEntry::Exclude if glob.is_match(&rel) => return false,
                FilterEntry::Include if glob.is_match(&rel) => return true,
                FilterEntry::Include => has_include = true,
                FilterEntry::IncludeDir if is_dir && glob.is_match(&rel) => return true,
                _ => {}
            }
        }
        !has_include
    }
}

/// One `permalinks` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permalink {
    /// The page kind it applies to (`page`, `section`, `taxonomy`, `term`,
    /// `home`). `None` for the flat form `[permalinks] posts = '…'`, which Hugo
    /// applies to pages and terms, and for array entries without a kind.
    pub kind: Option<String>,
    /// The map forms: the section (or taxonomy) name, lower-cased. The array
    /// form (`[[permalinks]]`, Hugo 0.161+): the target's path glob, `""` for
    /// all pages.
    pub key: String,
    pub pattern: String,
    /// Set for array-form entries, whose `key` is a path glob.
    pub glob: bool,
}

/// `uglyURLs`: one setting for the whole site, or one per section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UglyUrls {
    All(bool),
    /// Section names (lower-cased) and their setting; other sections: false.
    Sections(Vec<(String, bool)>),
}

impl Default for UglyUrls {
    fn default() -> UglyUrls {
        UglyUrls::All(false)
    }
}

impl UglyUrls {
    pub fn for_section(&self, section: &str) -> bool {
        match self {
            UglyUrls::All(ugly) => *ugly,
            UglyUrls::Sections(sections) => sections
                .iter()
                .any(|(s, ugly)| *ugly && s.eq_ignore_ascii_case(section)),
        }
    }
}

/// `frontmatter`: the front matter keys (lower-cased) or `:git`,
/// `:filename`, `:fileModTime` handlers each page date is taken from, first
/// found wins. As Hugo uses them: `:default` expanded and the aliases of each
/// key added (`lastmod` → `modified`, `publishdate` → `pubdate`,
/// `published`, `expirydate` → `unpublishdate`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterDates {
    pub date: Vec<String>,
    pub lastmod: Vec<String>,
    pub publish_date: Vec<String>,
    pub expiry_date: Vec<String>,
}

const DEFAULT_DATE: [&str; 3] = ["date", "publishdate", "lastmod"];
const DEFAULT_LASTMOD: [&str; 4] = [":git", "lastmod", "date", "publishdate"];
const DEFAULT_PUBLISH_DATE: [&str; 2] = ["publishdate", "date"];
const DEFAULT_EXPIRY_DATE: [&str; 1] = ["expirydate"];

impl Default for FrontMatterDates {
    fn default() -> FrontMatterDates {
        let list = |d: &[&str]| expand_dates(d, d);
        FrontMatterDates {
            date: list(&DEFAULT_DATE),
            lastmod: list(&DEFAULT_LASTMOD),
            publish_date: list(&DEFAULT_PUBLISH_DATE),
            expiry_date: list(&DEFAULT_EXPIRY_DATE),
        }
    }
}

/// A configured list of date keys as Hugo uses it: lower-cased, `:default`
/// replaced by `defaults`, aliases added after their key, duplicates dropped.
fn expand_dates<S: AsRef<str>>(configured: &[S], defaults: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |key: &str| {
        if !out.iter().any(|k| k == key) {
            out.push(key.to_string());
        }
    };
    for key in configured {
        let key = key.as_ref().to_lowercase();
        let keys: Vec<&str> = if key == ":default" {
            defaults.to_vec()
        } else {
            vec![key.as_str()]
        };
        for key in keys {
            add(key);
            let aliases: &[&str] = match key {
                "lastmod" => &["modified"],
                "publishdate" => &["pubdate", "published"],
                "expirydate" => &["unpublishdate"],
                _ => &[],
            };
            aliases.iter().for_each(|a| add(a));
        }
    }
    out
}

/// When Hugo renders Markdown links (or images) with its embedded render
/// hook: `markup.goldmark.renderHooks.{link,image}.useEmbedded`, or the
/// older `enableDefault` (`true` is `fallback`, `false` is `never`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UseEmbedded {
    /// Even when the site has its own hook.
    Always,
    /// Only in a multilingual single-host site, when the site has no hook.
    #[default]
    Auto,
    /// When the site has no hook of its own.
    Fallback,
    Never,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HugoConfig {
    /// The site root (the directory of the Hugo configuration).
    pub root: PathBuf,
    /// The configuration file read, if any (the first of `files`).
    pub file: Option<PathBuf>,
    /// Every configuration file read, in merge order.
    pub files: Vec<PathBuf>,
    pub base_url: String,
    pub title: String,
    pub content_dirs: Vec<ContentDir>,
    pub static_dirs: Vec<PathBuf>,
    /// (singular, plural) pairs; Hugo's default is tag/tags, category/categories.
    pub taxonomies: Vec<(String, String)>,
    pub time_zone: Option<String>,
    pub auto_id_type: AutoIdType,
    /// The enabled languages (lower-cased), in Hugo's order: by weight, then
    /// by name. Never empty.
    pub languages: Vec<String>,
    pub default_content_language: String,
    pub default_content_language_in_subdir: bool,
    pub permalinks: Vec<Permalink>,
    pub disable_aliases: bool,
    pub ugly_urls: UglyUrls,
    pub disable_path_to_lower: bool,
    /// `disableKinds`, lower-cased (`taxonomyterm` read as `taxonomy`).
    pub disable_kinds: Vec<String>,
    /// `disableDefaultLanguageRedirect`: no redirect between `/` and the
    /// default language's home.
    pub disable_default_language_redirect: bool,
    /// Configured languages that are disabled (lower-cased): Hugo drops
    /// their content files (`about.de.md`).
    pub disabled_languages: Vec<String>,
    pub build_drafts: bool,
    pub build_future: bool,
    pub build_expired: bool,
    pub front_matter: FrontMatterDates,
    pub link_hook: UseEmbedded,
    pub image_hook: UseEmbedded,
    pub canonify_urls: bool,
    pub relative_urls: bool,
    /// `markup.goldmark.parser.autoDefinitionTermID`: ids on the terms of
    /// definition lists, as on headings.
    pub auto_definition_term_id: bool,
    /// `markup.goldmark.renderer.unsafe`: raw HTML in Markdown is kept
    /// (by default Hugo drops it).
    pub goldmark_unsafe: bool,
    /// `theme`: the theme folders under `themes/`, first wins.
    pub themes: Vec<String>,
    /// `markup.goldmark.extensions.typographer`, as far as it changes ids.
    pub typographer: Typographer,
    /// Whether `security.allowContent` lets `text/html` content files
    /// through (Hugo >= 0.162 denies them by default: the build fails).
    pub allow_html_content: bool,
}

/// The replacements of Goldmark's typographer that can show in heading
/// ids (HTML, as configured): `--`, `---` and `...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typographer {
    pub disable: bool,
    pub en_dash: String,
    pub em_dash: String,
    pub ellipsis: String,
}

impl Default for Typographer {
    fn default() -> Self {
        Typographer {
            disable: false,
            en_dash: "&ndash;".into(),
            em_dash: "&mdash;".into(),
            ellipsis: "&hellip;".into(),
        }
    }
}

/// Whether Hugo's allow list (`security.*`: regular expressions, `! re`
/// to deny, `none` or an empty list for nothing) accepts `name`, as Hugo
/// 0.168 does: a denying pattern that matches wins, then any accepting
/// pattern must match when there is one.
pub fn allow_list_accepts(patterns: &[String], name: &str) -> bool {
    let mut accepting = 0;
    let mut accepted = false;
    for p in patterns {
        let p = p.trim();
        if p.is_empty() || p == "none" {
            continue;
        }
        let (deny, re) = match p.strip_prefix('!') {
            Some(re) => (true, re.trim_start()),
            None => (false, p),
        };
        // A pattern Go accepts and Rust does not matches nothing here.
        let hit = regex::Regex::new(re).is_ok_and(|r| r.is_match(name));
        if deny && hit {
            return false;
        }
        if !deny {
            accepting += 1;
            accepted |= hit;
        }
    }
    if accepting == 0 {
        // Only denials: anything else passes; nothing at all: nothing does.
        return patterns.iter().any(|p| p.trim().starts_with('!'));
    }
    accepted
}

impl HugoConfig {
    /// Hugo's defaults for a site rooted at `root` with no configuration.
    pub fn default_for(root: &Path) -> HugoConfig {
        HugoConfig {
            root: root.to_path_buf(),
            file: None,
            files: Vec::new(),
            base_url: String::new(),
            title: String::new(),
            content_dirs: vec![ContentDir {
                path: root.join("content"),
                target: String::new(),
                lang: None,
                files: Vec::new(),
            }],
            static_dirs: vec![root.join("static")],
            taxonomies: vec![
                ("tag".into(), "tags".into()),
                ("category".into(), "categories".into()),
            ],
            time_zone: None,
            auto_id_type: AutoIdType::Github,
            languages: vec!["en".into()],
            default_content_language: "en".into(),
            default_content_language_in_subdir: false,
            permalinks: Vec::new(),
            disable_aliases: false,
            ugly_urls: UglyUrls::default(),
            disable_path_to_lower: false,
            disable_kinds: Vec::new(),
            disable_default_language_redirect: false,
            disabled_languages: Vec::new(),
            build_drafts: false,
            build_future: false,
            build_expired: false,
            front_matter: FrontMatterDates::default(),
            link_hook: UseEmbedded::default(),
            image_hook: UseEmbedded::default(),
            canonify_urls: false,
            relative_urls: false,
            auto_definition_term_id: false,
            goldmark_unsafe: false,
            themes: Vec::new(),
            typographer: Typographer::default(),
            allow_html_content: false,
        }
    }
}

/// The configuration files Hugo looks for in the site root; it reads the first found.
const ROOT_FILES: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// The configuration directories read, in merge order.
const CONFIG_DIRS: [&str; 2] = ["config/_default", "config/production"];

/// The site root for a path: the nearest ancestor (or itself) holding a Hugo
/// configuration; else the nearest holding a `content` folder; else `None`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let dirs = ancestors(start);
    let has_config = |dir: &&PathBuf| {
        ROOT_FILES.iter().any(|f| dir.join(f).is_file()) || dir.join(CONFIG_DIRS[0]).is_dir()
    };
    dirs.iter()
        .find(has_config)
        .or_else(|| dirs.iter().find(|d| d.join("content").is_dir()))
        .cloned()
}

/// `start` and its ancestors up to the filesystem root, relative when
/// `start` is (`posts` → `posts`, `.`, `..`, `../..`…). Empty when `start`
/// does not exist.
pub(crate) fn ancestors(start: &Path) -> Vec<PathBuf> {
    let Ok(absolute) = start.canonicalize() else {
        return Vec::new();
    };
    let mut dir = if start.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        start.to_path_buf()
    };
    let mut out = Vec::new();
    for _ in absolute.ancestors() {
        let parent = parent_of(&dir);
        out.push(std::mem::replace(&mut dir, parent));
    }
    out
}

/// The parent directory of `dir`, written lexically.
fn parent_of(dir: &Path) -> PathBuf {
    match dir.components().next_back() {
        Some(Component::Normal(_)) => match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
        Some(Component::CurDir) | None => PathBuf::from(".."),
        _ => dir.join(".."),
    }
}

impl HugoConfig {
    /// Read the Hugo configuration of the site at `root`; a site without
    /// one gets Hugo's defaults.
    pub fn load(root: &Path) -> Result<HugoConfig, ConfigError> {
        load_with(root)
    }
}

fn parse(format: Format, source: &str, content: Range<usize>) -> Result<Table, SyntaxError> {
    match format {
        Format::Toml => crate::document::toml::parse(source, content),
        Format::Yaml => crate::document::yaml::parse(source, content),
        Format::Json => crate::document::json::parse(source, content),
    }
}

/// A configuration file, read and parsed.
struct ConfigFile {
    path: PathBuf,
    source: String,
    table: Table,
    /// For a file of a configuration directory: its name without the
    /// extension, which tells the keys its content goes under.
    stem: Option<String>,
}

fn load_with(root: &Path) -> Fallible<HugoConfig> {
    let mut paths: Vec<(PathBuf, bool)> = Vec::new();
    if let Some(file) = ROOT_FILES
        .iter()
        .map(|f| root.join(f))
        .find(|p| p.is_file())
    {
        paths.push((file, false));
    }
    for dir in CONFIG_DIRS {
        let mut found = Vec::new();
        config_dir_files(&root.join(dir), &mut found);
        paths.extend(found.into_iter().map(|p| (p, true)));
    }
    let files = paths
        .into_iter()
        .map(|(path, in_dir)| read_file(path, in_dir))
        .collect::<Fallible<Vec<_>>>()?;
    from_files(root, &files)
}

/// The configuration files under `dir`, recursively, in lexical order
/// (directories are not followed through symbolic links).
fn config_dir_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            config_dir_files(&path, out);
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
}

fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "toml" => Some(Format::Toml),
        "yaml" | "yml" => Some(Format::Yaml),
        "json" => Some(Format::Json),
        _ => None,
    }
}

fn read_file(path: PathBuf, in_dir: bool) -> Fallible<ConfigFile> {
    let fail = |path: PathBuf, source: String, span, message| ConfigError {
        path,
        source,
        span,
        message,
    };
    let format = format_of(&path).unwrap_or(Format::Toml);
    let source = match std::fs::read(&path).map(String::from_utf8) {
        Ok(Ok(s)) => s,
        Ok(Err(_)) => {
            let message = "cannot read the Hugo configuration: it is not UTF-8 text".into();
            return Err(fail(path, String::new(), None, message));
        }
        Err(e) => {
            let message = format!("cannot read the Hugo configuration: {e}");
            return Err(fail(path, String::new(), None, message));
        }
    };
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let text = &source[start..];
    // A JSON document is given as the object itself, as in front matter.
    let content = if format == Format::Json {
        let lead = text.len() - text.trim_start().len();
        start + lead..start + text.trim_end().len()
    } else {
        start..source.len()
    };
    let table = if text.trim().is_empty() {
        Table::default()
    } else {
        match parse(format, &source, content) {
            Ok(t) => t,
            Err(e) => {
                let message = format!(
                    "invalid {} in the Hugo configuration: {}",
                    format.name(),
                    e.message
                );
                return Err(fail(path, source, Some(e.span), message));
            }
        }
    };
    let stem = match in_dir {
        true => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        false => None,
    };
    Ok(ConfigFile {
        path,
        source,
        table,
        stem,
    })
}

/// The configuration from files already parsed, in merge order.
fn from_files(root: &Path, files: &[ConfigFile]) -> Fallible<HugoConfig> {
    let mut config = Reader { files }.read(root, &merge_files(files))?;
    config.files = files.iter().map(|f| f.path.clone()).collect();
    config.file = config.files.first().cloned();
    Ok(config)
}

fn merge_files(files: &[ConfigFile]) -> Merged<'_> {
    let mut merged = Merged::Map(Origin::file(0), Vec::new());
    for (i, f) in files.iter().enumerate() {
        let content = Merged::from_table(&f.table, Origin::file(i));
        merged.merge(match &f.stem {
            Some(stem) => place(stem, i, content),
            None => content,
        });
    }
    merged
}

/// Put the content of `config/<env>/<stem>.<ext>` under the keys Hugo puts
/// it: none for `hugo`/`config`, `params` for `params`, `languages.fr.params`
/// for `params.fr`. Content made of the one root key is unwrapped first.
fn place<'a>(stem: &str, file: usize, content: Merged<'a>) -> Merged<'a> {
    if stem == "hugo" || stem == "config" {
        return content;
    }
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, lang)) => (name, Some(lang)),
        None => (stem, None),
    };
    let content = match content {
        Merged::Map(at, mut entries) => {
            if entries.len() == 1 && entries[0].0 == name {
                entries.swap_remove(0).1
            } else {
                Merged::Map(at, entries)
            }
        }
        leaf => leaf,
    };
    let keys = match lang {
        None => vec![name],
        Some(lang) => match name {
            "menu" | "menus" => vec!["languages", lang, "menus"],
            "params" => vec!["languages", lang, "params"],
            _ => vec!["languages", lang],
        },
    };
    keys.iter().rev().fold(content, |inner, key| {
        Merged::Map(Origin::file(file), vec![(key.to_string(), inner)])
    })
}

/// Where a merged value was written: a file and, when known, a span in it.
#[derive(Debug, Clone)]
struct Origin {
    file: usize,
    span: Option<Range<usize>>,
}

impl Origin {
    fn file(file: usize) -> Origin {
        Origin { file, span: None }
    }
}

/// The configuration files merged as Hugo merges them: maps key by key
/// (case-insensitively), anything else replaced by the later file's value.
#[derive(Debug)]
enum Merged<'a> {
    Map(Origin, Vec<(String, Merged<'a>)>),
    /// A value that is not a map, and the index of its file.
    Leaf(usize, &'a Node),
}

impl<'a> Merged<'a> {
    fn from_table(table: &'a Table, at: Origin) -> Merged<'a> {
        let file = at.file;
        let mut map = Merged::Map(at, Vec::new());
        if let Merged::Map(_, entries) = &mut map {
            for (key, node) in &table.entries {
                insert(entries, key.name.clone(), Merged::from_node(node, file));
            }
        }
        map
    }

    fn from_node(node: &'a Node, file: usize) -> Merged<'a> {
        match &node.value {
            Value::Table(t) => Merged::from_table(
                t,
                Origin {
                    file,
                    span: Some(node.span.clone()),
                },
            ),
            _ => Merged::Leaf(file, node),
        }
    }

    fn merge(&mut self, other: Merged<'a>) {
        match (self, other) {
            (Merged::Map(at, entries), Merged::Map(other_at, other_entries)) => {
                *at = other_at;
                for (key, value) in other_entries {
                    insert(entries, key, value);
                }
            }
            (this, other) => *this = other,
        }
    }

    /// The entries of a map, without null values (which Hugo treats as unset).
    fn entries(&self) -> impl Iterator<Item = (&str, &Merged<'a>)> {
        let entries = match self {
            Merged::Map(_, entries) => entries.as_slice(),
            Merged::Leaf(..) => &[],
        };
        entries
            .iter()
            .filter(|(_, v)| v.value() != Some(&Value::Null))
            .map(|(k, v)| (k.as_str(), v))
    }

    fn get(&self, key: &str) -> Option<&Merged<'a>> {
        self.entries()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    }

    fn at(&self, keys: &[&str]) -> Option<&Merged<'a>> {
        keys.iter().try_fold(self, |m, k| m.get(k))
    }

    /// The value, when it is not a map.
    fn value(&self) -> Option<&'a Value> {
        match self {
            Merged::Leaf(_, node) => Some(&node.value),
            Merged::Map(..) => None,
        }
    }

    /// The items, when it is a list.
    fn items(&self) -> Option<Vec<Merged<'a>>> {
        match self {
            Merged::Leaf(file, node) => match &node.value {
                Value::Array(items) => {
                    Some(items.iter().map(|n| Merged::from_node(n, *file)).collect())
                }
                _ => None,
            },
            Merged::Map(..) => None,
        }
    }

    fn origin(&self) -> Origin {
        match self {
            Merged::Map(at, _) => at.clone(),
            Merged::Leaf(file, node) => Origin {
                file: *file,
                span: Some(node.span.clone()),
            },
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Merged::Map(..) => "a map",
            Merged::Leaf(_, node) => node.type_name(),
        }
    }
}

fn insert<'a>(entries: &mut Vec<(String, Merged<'a>)>, key: String, value: Merged<'a>) {
    match entries
        .iter_mut()
        .find(|(k, _)| k.eq_ignore_ascii_case(&key))
    {
        Some((_, old)) => old.merge(value),
        None => entries.push((key, value)),
    }
}

/// An enabled language and its own settings.
struct Language<'m, 'a> {
    name: String,
    weight: i64,
    config: Option<&'m Merged<'a>>,
}

/// A module mount of the project.
struct Mount {
    source: String,
    target: String,
    lang: Option<String>,
    files: Vec<String>,
}

impl Mount {
    /// The component mounted to (`content`, `static`…) and the path below it.
    fn target(&self) -> (&str, &str) {
        let target = self.target.trim_matches('/');
        target.split_once('/').unwrap_or((target, ""))
    }
}

type Fallible<T> = Result<T, ConfigError>;

/// Reads typed settings from the merged configuration, with errors that
/// point into the file a value came from.
struct Reader<'f> {
    files: &'f [ConfigFile],
}

impl<'a> Reader<'a> {
    fn error(&self, at: Origin, message: String) -> ConfigError {
        let (path, source) = match self.files.get(at.file) {
            Some(f) => (f.path.clone(), f.source.clone()),
            None => (PathBuf::new(), String::new()),
        };
        ConfigError {
            path,
            source,
            span: at.span,
            message,
        }
    }

    fn wrong_type(&self, value: &Merged, name: &str, expected: &str) -> ConfigError {
        let message = format!("`{name}` must be {expected}, not {}", value.type_name());
        self.error(value.origin(), message)
    }

    /// A string; other scalars are converted, as Hugo does.
    fn string(&self, value: &Merged, name: &str) -> Fallible<String> {
        match value {
            Merged::Leaf(_, node) => match &node.value {
                Value::String(s) | Value::Datetime(s) => Ok(s.clone()),
                Value::Integer(i) => Ok(i.to_string()),
                Value::Float(f) => Ok(f.to_string()),
                Value::Bool(b) => Ok(b.to_string()),
                Value::Null => Ok(String::new()),
                Value::Array(_) | Value::Table(_) => Err(self.wrong_type(value, name, "a string")),
            },
            Merged::Map(..) => Err(self.wrong_type(value, name, "a string")),
        }
    }

    /// A boolean; numbers and the strings Go's `ParseBool` knows are converted.
    fn boolean(&self, value: &Merged, name: &str) -> Fallible<bool> {
        let Merged::Leaf(_, node) = value else {
            return Err(self.wrong_type(value, name, "a boolean"));
        };
        match &node.value {
            Value::Bool(b) => Ok(*b),
            Value::Integer(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Null => Ok(false),
            Value::String(s) => match s.as_str() {
                "1" | "t" | "T" | "true" | "TRUE" | "True" => Ok(true),
                "" | "0" | "f" | "F" | "false" | "FALSE" | "False" => Ok(false),
                _ => {
                    let message = format!("`{name}` must be true or false, not {s:?}");
                    Err(self.error(value.origin(), message))
                }
            },
            _ => Err(self.wrong_type(value, name, "a boolean")),
        }
    }

    fn integer(&self, value: &Merged, name: &str) -> Fallible<i64> {
        match value.value() {
            Some(Value::Integer(i)) => Ok(*i),
            // Go decodes JSON numbers as floats.
            Some(Value::Float(f)) if f.fract() == 0.0 => Ok(*f as i64),
            _ => Err(self.wrong_type(value, name, "an integer")),
        }
    }

    /// A list of strings, or one string.
    fn strings(&self, value: &Merged, name: &str) -> Fallible<Vec<String>> {
        match value.items() {
            Some(items) => items.iter().map(|item| self.string(item, name)).collect(),
            None => Ok(vec![self.string(value, name)?]),
        }
    }

    fn map(&self, value: &Merged, name: &str) -> Fallible<()> {
        match value {
            Merged::Map(..) => Ok(()),
            Merged::Leaf(..) => Err(self.wrong_type(value, name, "a map")),
        }
    }

    fn opt_string(&self, c: &Merged, key: &str) -> Fallible<Option<String>> {
        c.get(key).map(|v| self.string(v, key)).transpose()
    }

    fn flag(&self, c: &Merged, key: &str) -> Fallible<bool> {
        c.get(key).map_or(Ok(false), |v| self.boolean(v, key))
    }

    fn read(&self, root: &Path, c: &Merged<'a>) -> Fallible<HugoConfig> {
        let defaults = HugoConfig::default_for(root);
        let languages = self.languages(c)?;
        let default_content_language = match self.opt_string(c, "defaultContentLanguage")? {
            Some(l) if !l.is_empty() => l.to_lowercase(),
            // Hugo prefers `en`, else the first language.
            _ => match languages
                .iter()
                .find(|l| l.name == "en")
                .or(languages.first())
            {
                Some(l) => l.name.clone(),
                None => defaults.default_content_language,
            },
        };
        let disabled_languages: Vec<String> = c.get("languages").map_or_else(Vec::new, |l| {
            l.entries()
                .map(|(k, _)| k.to_lowercase())
                .filter(|k| !languages.iter().any(|l| &l.name == k))
                .collect()
        });
        let mut languages = languages;
        if languages.is_empty() {
            languages.push(Language {
                name: default_content_language.clone(),
                weight: 0,
                config: None,
            });
        }
        let mounts = self.mounts(c)?;
        Ok(HugoConfig {
            base_url: self.opt_string(c, "baseURL")?.unwrap_or_default(),
            title: self.opt_string(c, "title")?.unwrap_or_default(),
            content_dirs: self.content_dirs(root, c, &languages, &mounts)?,
            static_dirs: self.static_dirs(root, c, &languages, &mounts)?,
            taxonomies: match c.get("indexes").or_else(|| c.get("taxonomies")) {
                Some(t) => self.taxonomies(t)?,
                None => defaults.taxonomies,
            },
            time_zone: self.opt_string(c, "timeZone")?.filter(|s| !s.is_empty()),
            auto_id_type: self.auto_id_type(c)?,
            languages: languages.into_iter().map(|l| l.name).collect(),
            default_content_language,
            default_content_language_in_subdir: self.flag(c, "defaultContentLanguageInSubdir")?,
            permalinks: match c.get("permalinks") {
                Some(p) => self.permalinks(p)?,
                None => Vec::new(),
            },
            disable_aliases: self.flag(c, "disableAliases")?,
            ugly_urls: match c.get("uglyURLs") {
                Some(u) => self.ugly_urls(u)?,
                None => UglyUrls::default(),
            },
            disable_path_to_lower: self.flag(c, "disablePathToLower")?,
            disable_kinds: match c.get("disableKinds") {
                Some(v) => self
                    .strings(v, "disableKinds")?
                    .into_iter()
                    .map(|k| match k.to_lowercase().as_str() {
                        "taxonomyterm" => "taxonomy".to_string(),
                        k => k.to_string(),
                    })
                    .collect(),
                None => Vec::new(),
            },
            disable_default_language_redirect: self.flag(c, "disableDefaultLanguageRedirect")?,
            disabled_languages,
            build_drafts: self.flag(c, "buildDrafts")?,
            build_future: self.flag(c, "buildFuture")?,
            build_expired: self.flag(c, "buildExpired")?,
            front_matter: match c.get("frontmatter") {
                Some(f) => self.front_matter(f)?,
                None => FrontMatterDates::default(),
            },
            link_hook: self.use_embedded(c, "link")?,
            image_hook: self.use_embedded(c, "image")?,
            canonify_urls: self.flag(c, "canonifyURLs")?,
            relative_urls: self.flag(c, "relativeURLs")?,
            auto_definition_term_id: match c.at(&["markup", "goldmark", "parser"]) {
                Some(p) => self.flag(p, "autoDefinitionTermID")?,
                None => false,
            },
            goldmark_unsafe: match c.at(&["markup", "goldmark", "renderer"]) {
                Some(r) => self.flag(r, "unsafe")?,
                None => false,
            },
            themes: match c.get("theme") {
                Some(t) => self.strings(t, "theme")?,
                None => Vec::new(),
            },
            typographer: match c.at(&["markup", "goldmark", "extensions", "typographer"]) {
                Some(t) => self.typographer(t)?,
                None => Typographer::default(),
            },
            allow_html_content: match c.at(&["security", "allowContent"]) {
                Some(v) => {
                    allow_list_accepts(&self.strings(v, "security.allowContent")?, "text/html")
                }
                None => false,
            },
            ..defaults
        })
    }

    /// `markup.goldmark.extensions.typographer` (`false` turns it off).
    fn typographer(&self, t: &Merged) -> Fallible<Typographer> {
        let mut out = Typographer::default();
        if t.value().is_some() {
            out.disable = !self.boolean(t, "markup.goldmark.extensions.typographer")?;
            return Ok(out);
        }
        out.disable = self.flag(t, "disable")?;
        for (key, field) in [
            ("enDash", &mut out.en_dash),
            ("emDash", &mut out.em_dash),
            ("ellipsis", &mut out.ellipsis),
        ] {
            if let Some(v) = self.opt_string(t, key)? {
                *field = v;
            }
        }
        Ok(out)
    }

    /// `markup.goldmark.renderHooks.<hook>.useEmbedded`, or `enableDefault`
    /// before Hugo 0.148 (which still reads it).
    fn use_embedded(&self, c: &Merged, hook: &str) -> Fallible<UseEmbedded> {
        let Some(h) = c.at(&["markup", "goldmark", "renderHooks", hook]) else {
            return Ok(UseEmbedded::default());
        };
        if let Some(v) = h.get("enableDefault") {
            let name = format!("markup.goldmark.renderHooks.{hook}.enableDefault");
            return Ok(match self.boolean(v, &name)? {
                true => UseEmbedded::Fallback,
                false => UseEmbedded::Never,
            });
        }
        let name = format!("markup.goldmark.renderHooks.{hook}.useEmbedded");
        Ok(match h.get("useEmbedded") {
            None => UseEmbedded::default(),
            Some(v) => match self.string(v, &name)?.as_str() {
                "always" => UseEmbedded::Always,
                "fallback" => UseEmbedded::Fallback,
                "never" => UseEmbedded::Never,
                _ => UseEmbedded::Auto,
            },
        })
    }

    /// The enabled languages, sorted as Hugo sorts them: by weight (0 last),
    /// then by name.
    fn languages<'m>(&self, c: &'m Merged<'a>) -> Fallible<Vec<Language<'m, 'a>>> {
        let disabled: Vec<String> = match c.get("disableLanguages") {
            Some(v) => self.strings(v, "disableLanguages")?,
            None => Vec::new(),
        };
        let Some(configured) = c.get("languages") else {
            return Ok(Vec::new());
        };
        self.map(configured, "languages")?;
        let mut languages = Vec::new();
        for (key, config) in configured.entries() {
            let name = key.to_lowercase();
            self.map(config, &format!("languages.{key}"))?;
            let weight = match config.get("weight") {
                Some(w) => self.integer(w, &format!("languages.{key}.weight"))?,
                None => 0,
            };
            let off = match config.get("disabled") {
                Some(d) => self.boolean(d, &format!("languages.{key}.disabled"))?,
                None => false,
            };
            if !off && !disabled.iter().any(|d| d.eq_ignore_ascii_case(&name)) {
                languages.push(Language {
                    name,
                    weight,
                    config: Some(config),
                });
            }
        }
        languages.sort_by(|a, b| {
            (a.weight == 0, a.weight, &a.name).cmp(&(b.weight == 0, b.weight, &b.name))
        });
        Ok(languages)
    }

    /// The project's `module.mounts`.
    fn mounts(&self, c: &Merged) -> Fallible<Vec<Mount>> {
        const NAME: &str = "module.mounts";
        let Some(value) = c.at(&["module", "mounts"]) else {
            return Ok(Vec::new());
        };
        let Some(items) = value.items() else {
            return Err(self.wrong_type(value, NAME, "a list of mounts"));
        };
        let mut mounts = Vec::new();
        for item in &items {
            self.map(item, NAME)?;
            let source = item
                .get("source")
                .map(|v| self.string(v, "module.mounts.source"))
                .transpose()?;
            let target = item
                .get("target")
                .map(|v| self.string(v, "module.mounts.target"))
                .transpose()?;
            let (Some(source), Some(target)) = (source, target) else {
                continue;
            };
            let lang = match item.get("lang") {
                Some(l) => Some(self.string(l, "module.mounts.lang")?),
                None => match item.at(&["sites", "matrix", "languages"]) {
                    Some(l) => match self
                        .strings(l, "module.mounts.sites.matrix.languages")?
                        .as_slice()
                    {
                        [one] if !one.contains(['*', '?', '[', '{', '!']) => Some(one.clone()),
                        _ => None,
                    },
                    None => None,
                },
            };
            // `files`; before Hugo 0.153, `includeFiles` and `excludeFiles`
            // (0.168 stops on those: `hugo` says so).
            let mut files = Vec::new();
            for (key, prefix) in [("files", ""), ("includeFiles", ""), ("excludeFiles", "! ")] {
                let Some(v) = item.get(key) else { continue };
                let name = format!("module.mounts.{key}");
                let patterns = self.strings(v, &name)?;
                if let Err(e) = FileFilter::new(&patterns) {
                    let message =
                        format!("`{name}` has a pattern that is not a glob: {}", e.kind());
                    return Err(self.error(v.origin(), message));
                }
                files.extend(
                    patterns
                        .into_iter()
                        .filter(|p| !p.is_empty())
                        .map(|p| format!("{prefix}{p}")),
                );
            }
            mounts.push(Mount {
                source,
                target,
                lang: lang.map(|l| l.to_lowercase()).filter(|l| !l.is_empty()),
                files,
            });
        }
        Ok(mounts)
    }

    /// Content mounts replace Hugo's default content directories: the site's
    /// `contentDir` and each language's own.
    fn content_dirs(
        &self,
        root: &Path,
        c: &Merged,
        languages: &[Language],
        mounts: &[Mount],
    ) -> Fallible<Vec<ContentDir>> {
        let mut dirs: Vec<ContentDir> = mounts
            .iter()
            .filter(|m| m.target().0 == "content")
            .map(|m| ContentDir {
                path: root.join(&m.source),
                target: m.target().1.to_string(),
                lang: m.lang.clone(),
                files: m.files.clone(),
            })
            .collect();
        if !dirs.is_empty() {
            return Ok(dirs);
        }
        let base = self
            .opt_string(c, "contentDir")?
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| "content".into());
        for lang in languages {
            let own = match lang.config.and_then(|l| l.get("contentDir")) {
                Some(v) => Some(self.string(v, &format!("languages.{}.contentDir", lang.name))?),
                None => None,
            };
            let dir = own.filter(|d| !d.is_empty() && *d != base);
            let content_dir = ContentDir {
                path: root.join(dir.as_ref().unwrap_or(&base)),
                target: String::new(),
                lang: dir.map(|_| lang.name.clone()),
                files: Vec::new(),
            };
            if !dirs.contains(&content_dir) {
                dirs.push(content_dir);
            }
        }
        Ok(dirs)
    }

    /// Static mounts replace the `staticDir`, `staticDir0`…`staticDir10`
    /// settings of the site and of each language.
    fn static_dirs(
        &self,
        root: &Path,
        c: &Merged,
        languages: &[Language],
        mounts: &[Mount],
    ) -> Fallible<Vec<PathBuf>> {
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut add = |dir: PathBuf| {
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        };
        let static_mounts: Vec<&Mount> =
            mounts.iter().filter(|m| m.target().0 == "static").collect();
        if !static_mounts.is_empty() {
            static_mounts.iter().for_each(|m| add(root.join(&m.source)));
            return Ok(dirs);
        }
        let keys: Vec<String> = std::iter::once("staticDir".to_string())
            .chain((0..=10).map(|i| format!("staticDir{i}")))
            .collect();
        for lang in languages {
            for key in &keys {
                let value = lang.config.and_then(|l| l.get(key)).or_else(|| c.get(key));
                let list = match value {
                    Some(v) => self.strings(v, key)?,
                    None if key == "staticDir" => vec!["static".to_string()],
                    None => Vec::new(),
                };
                list.iter()
                    .filter(|d| !d.is_empty())
                    .for_each(|d| add(root.join(d)));
            }
        }
        Ok(dirs)
    }

    /// An explicit map replaces the defaults; an empty one disables taxonomies.
    fn taxonomies(&self, value: &Merged) -> Fallible<Vec<(String, String)>> {
        self.map(value, "taxonomies")?;
        let mut out = Vec::new();
        for (singular, plural) in value.entries() {
            let plural = self.string(plural, &format!("taxonomies.{singular}"))?;
            if !singular.is_empty() && !plural.is_empty() {
                out.push((singular.to_lowercase(), plural));
            }
        }
        Ok(out)
    }

    /// Hugo compares the value exactly: anything else is `github`.
    fn auto_id_type(&self, c: &Merged) -> Fallible<AutoIdType> {
        let parser = c.at(&["markup", "goldmark", "parser"]);
        let value = |key: &str| -> Fallible<String> {
            match parser.and_then(|p| p.get(key)) {
                Some(v) => self.string(v, &format!("markup.goldmark.parser.{key}")),
                None => Ok(String::new()),
            }
        };
        // `autoHeadingIDType`, its name before Hugo 0.144, still wins when set.
        let legacy = value("autoHeadingIDType")?;
        let id_type = if legacy.is_empty() {
            value("autoIDType")?
        } else {
            legacy
        };
        Ok(match id_type.as_str() {
            "github-ascii" => AutoIdType::GithubAscii,
            "blackfriday" => AutoIdType::Blackfriday,
            _ => AutoIdType::Github,
        })
    }

    fn permalinks(&self, value: &Merged) -> Fallible<Vec<Permalink>> {
        match (value, value.items()) {
            (Merged::Map(..), _) => self.permalinks_map(value),
            (_, Some(entries)) => self.permalinks_list(&entries),
            _ => Err(self.wrong_type(value, "permalinks", "a map or a list")),
        }
    }

    fn pattern(&self, value: &Merged, name: &str) -> Fallible<String> {
        match value.value() {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(self.wrong_type(value, name, "a string")),
        }
    }

    /// `[permalinks] posts = '…'` and `[permalinks.page] posts = '…'`.
    fn permalinks_map(&self, value: &Merged) -> Fallible<Vec<Permalink>> {
        const KINDS: [&str; 5] = ["page", "home", "section", "taxonomy", "term"];
        let mut out = Vec::new();
        for (key, v) in value.entries() {
            let name = format!("permalinks.{key}");
            let Merged::Map(..) = v else {
                out.push(Permalink {
                    kind: None,
                    key: key.to_lowercase(),
                    pattern: self.pattern(v, &name)?,
                    glob: false,
                });
                continue;
            };
            let kind = key.to_lowercase();
            if !KINDS.contains(&kind.as_str()) {
                let kinds = KINDS.join(", ");
                let message =
                    format!("`{name}`: permalinks are set per page kind ({kinds}), not {key:?}");
                return Err(self.error(v.origin(), message));
            }
            for (section, p) in v.entries() {
                out.push(Permalink {
                    kind: Some(kind.clone()),
                    key: section.to_lowercase(),
                    pattern: self.pattern(p, &format!("{name}.{section}"))?,
                    glob: false,
                });
            }
        }
        Ok(out)
    }

    /// `[[permalinks]] pattern = '…'` with an optional `target` page matcher.
    fn permalinks_list(&self, entries: &[Merged]) -> Fallible<Vec<Permalink>> {
        let mut out = Vec::new();
        for entry in entries {
            self.map(entry, "permalinks")?;
            let Some(pattern) = entry.get("pattern") else {
                let message = "each `permalinks` entry needs a `pattern`".to_string();
                return Err(self.error(entry.origin(), message));
            };
            let target = |key: &str| -> Fallible<String> {
                match entry.at(&["target", key]) {
                    Some(v) => Ok(self
                        .string(v, &format!("permalinks.target.{key}"))?
                        .to_lowercase()),
                    None => Ok(String::new()),
                }
            };
            let kind = target("kind")?;
            out.push(Permalink {
                kind: (!kind.is_empty()).then_some(kind),
                key: target("path")?,
                pattern: self.pattern(pattern, "permalinks.pattern")?,
                glob: true,
            });
        }
        Ok(out)
    }

    fn ugly_urls(&self, value: &Merged) -> Fallible<UglyUrls> {
        match value {
            Merged::Map(..) => value
                .entries()
                .map(|(section, v)| {
                    Ok((
                        section.to_lowercase(),
                        self.boolean(v, &format!("uglyURLs.{section}"))?,
                    ))
                })
                .collect::<Fallible<_>>()
                .map(UglyUrls::Sections),
            Merged::Leaf(_, node) => match &node.value {
                // Hugo reads the string "true" as true, any other as false.
                Value::String(s) => Ok(UglyUrls::All(s == "true")),
                Value::Bool(b) => Ok(UglyUrls::All(*b)),
                _ => Err(self.wrong_type(value, "uglyURLs", "a boolean or a map of sections")),
            },
        }
    }

    fn front_matter(&self, value: &Merged) -> Fallible<FrontMatterDates> {
        self.map(value, "frontmatter")?;
        let list = |key: &str, defaults: &[&str]| -> Fallible<Vec<String>> {
            let configured = match value.get(key) {
                None => return Ok(expand_dates(defaults, defaults)),
                // One string is a space-separated list (Go's `cast.ToStringSlice`).
                Some(Merged::Leaf(
                    _,
                    Node {
                        value: Value::String(s),
                        ..
                    },
                )) => s.split_whitespace().map(str::to_string).collect(),
                Some(v) => self.strings(v, &format!("frontmatter.{key}"))?,
            };
            Ok(expand_dates(&configured, defaults))
        };
        Ok(FrontMatterDates {
            date: list("date", &DEFAULT_DATE)?,
            lastmod: list("lastmod", &DEFAULT_LASTMOD)?,
            publish_date: list("publishDate", &DEFAULT_PUBLISH_DATE)?,
            expiry_date: list("expiryDate", &DEFAULT_EXPIRY_DATE)?,
        })
    }
}

#[cfg(test)]
mod tests {
    //! Behaviours checked against Hugo v0.168.0 (`hugo config`, `hugo config
    //! mounts` on sites built under /tmp).

    use super::*;
    use crate::document::{Key, Quote};
    use std::fs;
    use tempfile::TempDir;

    fn site(files: &[(&str, &str)]) -> TempDir {
        let dir = tempfile::tempdir().expect("temporary directory");
        for (path, text) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().expect("a parent")).expect("create dirs");
            fs::write(path, text).expect("write");
        }
        dir
    }

    fn load(files: &[(&str, &str)]) -> (TempDir, HugoConfig) {
        let dir = site(files);
        let config = HugoConfig::load(dir.path()).expect("configuration loads");
        (dir, config)
    }

    fn load_err(files: &[(&str, &str)]) -> ConfigError {
        let dir = site(files);
        HugoConfig::load(dir.path()).expect_err("configuration fails")
    }

    fn toml(text: &str) -> (TempDir, HugoConfig) {
        load(&[("hugo.toml", text)])
    }

    fn rel(config: &HugoConfig, path: &Path) -> String {
        let rel = path.strip_prefix(&config.root).unwrap_or(path);
        rel.to_string_lossy().into_owned()
    }

    /// Content directories as (path relative to the root, target, lang).
    fn content(config: &HugoConfig) -> Vec<(String, String, Option<String>)> {
        let dirs = config.content_dirs.iter();
        dirs.map(|d| (rel(config, &d.path), d.target.clone(), d.lang.clone()))
            .collect()
    }

    fn statics(config: &HugoConfig) -> Vec<String> {
        config.static_dirs.iter().map(|d| rel(config, d)).collect()
    }

    fn dir(path: &str, target: &str, lang: Option<&str>) -> (String, String, Option<String>) {
        (path.into(), target.into(), lang.map(String::from))
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn fixture(case: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hugo-config")
            .join(case)
    }

    // find_root

    #[test]
    fn find_root_takes_the_nearest_configuration_then_content() {
        let d = site(&[
            ("a/hugo.toml", ""),
            ("a/b/config/_default/params.toml", ""),
            ("a/b/c/content/x.md", ""),
            ("a/b/c/d/e.md", ""),
            ("s/content/posts/p.md", ""),
            ("j/config.json", "{}"),
            ("j/k/l.md", ""),
            ("h/hugo.toml/not-a-file", ""),
            ("h/content/p.md", ""),
        ]);
        let p = |s: &str| d.path().join(s);
        // A configuration further up wins over a nearer `content/`.
        assert_eq!(find_root(&p("a/b/c/d")), Some(p("a/b")));
        assert_eq!(find_root(&p("a/b/c")), Some(p("a/b")));
        assert_eq!(find_root(&p("a")), Some(p("a")));
        assert_eq!(find_root(&p("s/content/posts")), Some(p("s")));
        assert_eq!(find_root(&p("j/k")), Some(p("j")));
        // A directory named like a configuration file is not one.
        assert_eq!(find_root(&p("h/content")), Some(p("h")));
        assert_eq!(find_root(&p("missing")), None);
    }

    #[test]
    fn ancestors_of_relative_paths_stay_relative() {
        assert_eq!(parent_of(Path::new("posts")), PathBuf::from("."));
        assert_eq!(parent_of(Path::new("a/b")), PathBuf::from("a"));
        assert_eq!(parent_of(Path::new(".")), PathBuf::from(".."));
        assert_eq!(parent_of(Path::new("..")), PathBuf::from("../.."));
        assert_eq!(parent_of(Path::new("/a")), PathBuf::from("/"));
        let up = ancestors(Path::new("."));
        assert_eq!(up.first(), Some(&PathBuf::from(".")));
        assert_eq!(up.get(1), Some(&PathBuf::from("..")));
        let depth = std::env::current_dir()
            .expect("cwd")
            .canonicalize()
            .expect("cwd")
            .ancestors()
            .count();
        assert_eq!(up.len(), depth);
    }

    // Files and merging

    #[test]
    fn no_configuration_gives_hugo_defaults() {
        let d = site(&[("content/a.md", "")]);
        let config = HugoConfig::load(d.path()).expect("loads");
        assert_eq!(config, HugoConfig::default_for(d.path()));
        assert_eq!(content(&config), vec![dir("content", "", None)]);
        assert_eq!(statics(&config), vec!["static"]);
        let f = &config.front_matter;
        // `hugo config` on an empty site, Hugo v0.168.0.
        assert_eq!(
            f.date,
            strings(&[
                "date",
                "publishdate",
                "pubdate",
                "published",
                "lastmod",
                "modified"
            ])
        );
        assert_eq!(
            f.lastmod,
            strings(&[
                ":git",
                "lastmod",
                "modified",
                "date",
                "publishdate",
                "pubdate",
                "published"
            ])
        );
        assert_eq!(
            f.publish_date,
            strings(&["publishdate", "pubdate", "published", "date"])
        );
        assert_eq!(f.expiry_date, strings(&["expirydate", "unpublishdate"]));
    }

    #[test]
    fn hugo_reads_the_first_root_file_only() {
        let (d, c) = load(&[
            ("hugo.toml", "title = 'hugo.toml'"),
            ("hugo.json", r#"{"title": "hugo.json", "timeZone": "UTC"}"#),
            ("config.toml", "title = 'config.toml'\nbuildDrafts = true"),
        ]);
        assert_eq!(c.title, "hugo.toml");
        assert_eq!((c.time_zone, c.build_drafts), (None, false));
        assert_eq!(c.file, Some(d.path().join("hugo.toml")));
        assert_eq!(c.files, vec![d.path().join("hugo.toml")]);
        let (_, c) = load(&[
            ("hugo.json", r#"{"title": "json"}"#),
            ("config.toml", "title = 'legacy'"),
        ]);
        assert_eq!(c.title, "json");
        let (_, c) = load(&[("config.toml", "title = 'legacy'")]);
        assert_eq!(c.title, "legacy");
    }

    #[test]
    fn configuration_directory_overrides_the_root_file() {
        // Checked with `hugo config` and `hugo config mounts` on this fixture.
        let root = fixture("configdir");
        let files = |dir: &str| {
            let mut found = Vec::new();
            config_dir_files(&root.join(dir), &mut found);
            found
        };
        let c = HugoConfig::load(&root).expect("loads");
        let mut expected = vec![root.join("hugo.toml")];
        expected.extend(files("config/_default"));
        expected.extend(files("config/production"));
        assert_eq!(c.files, expected);
        let names: Vec<String> = c.files.iter().map(|f| rel(&c, f)).collect();
        assert_eq!(
            names,
            [
                "hugo.toml",
                "config/_default/hugo.toml",
                "config/_default/languages.toml",
                "config/_default/more/taxonomies.yaml",
                "config/_default/params.fr.toml",
                "config/production/hugo.toml",
                "config/production/markup.json",
            ]
        );
        // The YAML file needs the real parser; here it parses to nothing.
        assert_eq!(c.title, "Production");
        assert_eq!(c.base_url, "https://example.org/");
        assert!(!c.build_drafts);
        assert_eq!(c.time_zone.as_deref(), Some("Europe/Oslo"));
        assert_eq!(c.auto_id_type, AutoIdType::GithubAscii);
        assert_eq!(c.languages, strings(&["en", "fr"]));
        assert_eq!(
            content(&c),
            vec![dir("content", "", None), dir("content/fr", "", Some("fr"))]
        );
    }

    #[test]
    fn configuration_directory_with_real_parsers() {
        let c = HugoConfig::load(&fixture("configdir")).expect("loads");
        assert_eq!(c.title, "Production");
        assert_eq!(
            c.taxonomies,
            pairs(&[("tag", "tags"), ("series", "series")])
        );
        assert_eq!(c.auto_id_type, AutoIdType::GithubAscii);
        assert_eq!(
            content(&c),
            vec![dir("content", "", None), dir("content/fr", "", Some("fr"))]
        );
    }

    /// A node and a table written by hand, as the parsers would give them.
    fn node(value: Value) -> Node {
        Node {
            value,
            span: 0..0,
            quote: Quote::None,
        }
    }

    fn table(entries: Vec<(&str, Value)>) -> Table {
        let key = |name: &str| Key {
            name: name.into(),
            span: 0..0,
        };
        Table {
            entries: entries
                .into_iter()
                .map(|(k, v)| (key(k), node(v)))
                .collect(),
        }
    }

    fn file(stem: Option<&str>, table: Table) -> ConfigFile {
        ConfigFile {
            path: PathBuf::from("x"),
            source: String::new(),
            table,
            stem: stem.map(String::from),
        }
    }

    #[test]
    fn directory_files_go_under_their_keys() {
        let s = |v: &str| Value::String(v.into());
        let files = [
            file(
                None,
                table(vec![("contentdir", s("root")), ("TITLE", s("t"))]),
            ),
            // `params.fr.toml`: languages.fr.params.
            file(Some("params.fr"), table(vec![("greeting", s("Bonjour"))])),
            // `languages.toml` whose only key is `languages`: unwrapped.
            file(
                Some("languages"),
                table(vec![(
                    "languages",
                    Value::Table(table(vec![(
                        "fr",
                        Value::Table(table(vec![("contentDir", s("fr"))])),
                    )])),
                )]),
            ),
            // `taxonomies.toml`, holding the map itself.
            file(Some("taxonomies"), table(vec![("series", s("series"))])),
            // `markup.toml` with another root key: not unwrapped.
            file(Some("markup"), table(vec![("blackfriday", s("x"))])),
            file(Some("hugo"), table(vec![("ContentDir", s("site"))])),
        ];
        let c = from_files(Path::new("r"), &files).expect("loads");
        assert_eq!(c.title, "t");
        assert_eq!(c.taxonomies, pairs(&[("series", "series")]));
        assert_eq!(c.languages, strings(&["fr"]));
        assert_eq!(content(&c), vec![dir("fr", "", Some("fr"))]);

        let merged = merge_files(&files);
        let text = |keys: &[&str]| match merged.at(keys) {
            Some(Merged::Leaf(_, n)) => n.as_str().map(String::from),
            _ => None,
        };
        assert_eq!(
            text(&["languages", "fr", "params", "greeting"]).as_deref(),
            Some("Bonjour")
        );
        assert_eq!(text(&["markup", "blackfriday"]).as_deref(), Some("x"));
        // Keys match case-insensitively; the later file wins.
        assert_eq!(text(&["contentDir"]).as_deref(), Some("site"));
    }

    #[test]
    fn keys_are_case_insensitive() {
        let (_, c) = toml(
            "CONTENTDIR = 'posts'\nBaseUrl = 'https://x.org/'\nbuilddrafts = true\n\
             [Markup.Goldmark.Parser]\nAutoIdType = 'blackfriday'",
        );
        assert_eq!(content(&c), vec![dir("posts", "", None)]);
        assert_eq!(c.base_url, "https://x.org/");
        assert!(c.build_drafts);
        assert_eq!(c.auto_id_type, AutoIdType::Blackfriday);
    }

    // Content and static directories

    #[test]
    fn content_mounts_replace_content_dir() {
        // Hugo v0.168.0 `hugo config mounts`: `contentDir` is no longer mounted.
        let (_, c) = toml(
            "contentDir = 'mycontent'\nstaticDir = 'ignored'\n\
             [[module.mounts]]\nsource = 'docs'\ntarget = 'content/docs'\n\
             [[module.mounts]]\nsource = 'blog'\ntarget = 'content'\nlang = 'FR'\n\
             [[module.mounts]]\nsource = 'src/assets'\ntarget = 'assets'\n\
             [[module.mounts]]\nsource = 'public-files'\ntarget = 'static'\n",
        );
        assert_eq!(
            content(&c),
            vec![dir("docs", "docs", None), dir("blog", "", Some("fr"))]
        );
        assert_eq!(statics(&c), vec!["public-files"]);
    }

    #[test]
    fn mounts_without_content_keep_the_defaults() {
        let (_, c) = toml(
            "[[module.mounts]]\nsource = 'a'\ntarget = 'assets'\n[[module.mounts]]\nsource = 'x'",
        );
        assert_eq!(content(&c), vec![dir("content", "", None)]);
        assert_eq!(statics(&c), vec!["static"]);
    }

    #[test]
    fn mount_files_patterns() {
        // `files` is a string or a list; the pre-0.153 `includeFiles` and
        // `excludeFiles` become its patterns (Hugo 0.168 stops on them).
        let (_, c) = toml(
            "[[module.mounts]]\nsource = 'content'\ntarget = 'content'\nfiles = '! docs/v?'\n\
             [[module.mounts]]\nsource = 'v2'\ntarget = 'content/docs'\nfiles = ['a/**', '! b']\n\
             [[module.mounts]]\nsource = 'old'\ntarget = 'content'\n\
             includeFiles = 'x/**'\nexcludeFiles = ['_*']\n",
        );
        let files: Vec<&[String]> = c.content_dirs.iter().map(|d| d.files.as_slice()).collect();
        assert_eq!(
            files,
            [
                &strings(&["! docs/v?"])[..],
                &strings(&["a/**", "! b"]),
                &strings(&["x/**", "! _*"])
            ]
        );
        let e = load_err(&[(
            "hugo.toml",
            "[[module.mounts]]\nsource = 'c'\ntarget = 'content'\nfiles = ['a[']\n",
        )]);
        assert!(
            e.message
                .contains("`module.mounts.files` has a pattern that is not a glob")
        );
    }

    #[test]
    fn file_filter_as_hugo_applies_it() {
        // Hugo 0.168 `hglob.FilenameFilter`: the first matching pattern
        // decides, case does not matter, `?` and `*` stop at `/`.
        let filter = |p: &[&str]| FileFilter::new(&strings(p)).expect("globs");
        let f = filter(&["! docs/v?", "! _*"]);
        assert!(!f.includes("docs/v2", true));
        assert!(!f.includes("DOCS/V1", true));
        // A folder's exclusion does not name the files below it.
        assert!(f.includes("docs/v2/a.md", false));
        assert!(f.includes("docs/v10", true));
        assert!(!f.includes("_index.md", false));
        assert!(f.includes("docs/_index.md", false));
        let f = filter(&["guides/in/*.md", "! guides/in/x.md"]);
        assert!(f.includes("guides/in/a.md", false));
        assert!(
            f.includes("guides/in/x.md", false),
            "the inclusion came first"
        );
        // The folders leading to an inclusion are walked, no others.
        assert!(f.includes("guides", true) && f.includes("guides/in", true));
        assert!(!f.includes("guides/out", true));
        assert!(!f.includes("top.md", false));
        assert!(filter(&[]).includes("anything.md", false));
        assert!(filter(&["a/**"]).includes("a/b/c.md", false));
    }

    #[test]
    fn mount_language_from_sites_matrix() {
        let (_, c) = toml(
            "[[module.mounts]]\nsource = 'content/en'\ntarget = 'content'\n\
             [module.mounts.sites.matrix]\nlanguages = ['en']\n\
             [[module.mounts]]\nsource = 'shared'\ntarget = 'content/shared'\n\
             [module.mounts.sites.matrix]\nlanguages = ['en', 'fr']\n\
             [[module.mounts]]\nsource = 'any'\ntarget = 'content'\n\
             [module.mounts.sites.matrix]\nlanguages = ['**']\n",
        );
        assert_eq!(
            content(&c),
            vec![
                dir("content/en", "", Some("en")),
                dir("shared", "shared", None),
                dir("any", "", None)
            ]
        );
    }

    #[test]
    fn languages_content_dirs() {
        // Hugo v0.168.0 `hugo config mounts`: content/en for en, `content`
        // for es (which has no directory of its own), nothing for disabled
        // languages.
        let (_, c) = toml(
            "disableLanguages = ['de']\n\
             [languages.en]\ncontentDir = 'content/en'\n\
             [languages.fr]\ndisabled = true\ncontentDir = 'content/fr'\n\
             [languages.de]\ncontentDir = 'content/de'\n\
             [languages.es]\n",
        );
        assert_eq!(
            content(&c),
            vec![dir("content/en", "", Some("en")), dir("content", "", None)]
        );
        assert_eq!(c.languages, strings(&["en", "es"]));
        assert_eq!(c.default_content_language, "en");
        // When every language has its own directory, `contentDir` is not read.
        let (_, c) = toml("[languages.en]\ncontentDir = 'en'\n[languages.fr]\ncontentDir = 'fr'");
        assert_eq!(
            content(&c),
            vec![dir("en", "", Some("en")), dir("fr", "", Some("fr"))]
        );
    }

    #[test]
    fn languages_order_and_default_language() {
        // Hugo v0.168.0: by weight, weight 0 last, then by name; without
        // `defaultContentLanguage` and without `en`, the first language.
        let (_, c) = toml(
            "[languages.it]\n[languages.fr]\nweight = 2\n[languages.DE]\nweight = 1\n[languages.es]",
        );
        assert_eq!(c.languages, strings(&["de", "fr", "es", "it"]));
        assert_eq!(c.default_content_language, "de");
        let (_, c) = toml("[languages.fr]\nweight = 1.0\n[languages.en]\nweight = 2");
        assert_eq!(c.default_content_language, "en");
        let (_, c) = toml(
            "defaultContentLanguage = 'FR'\ndefaultContentLanguageInSubdir = true\n[languages.fr]\n[languages.en]",
        );
        assert_eq!(c.default_content_language, "fr");
        assert!(c.default_content_language_in_subdir);
        let (_, c) = toml("defaultContentLanguage = 'nn'");
        assert_eq!(c.languages, strings(&["nn"]));
    }

    #[test]
    fn static_dirs() {
        // Hugo v0.168.0: staticDir = ['s1', 's2'] and staticDir2 = 's3' give
        // ['s1', 's2', 's3']; `static` is the default only of `staticDir`.
        let (_, c) = toml("staticDir = ['s1', 's2']\nstaticDir2 = 's3'");
        assert_eq!(statics(&c), vec!["s1", "s2", "s3"]);
        let (_, c) = toml(
            "staticDir1 = 'more'\n[languages.en]\n[languages.fr]\nstaticDir = ['static', 'static-fr']",
        );
        assert_eq!(statics(&c), vec!["static", "more", "static-fr"]);
    }

    // Other settings

    #[test]
    fn settings_and_their_defaults() {
        let (_, c) = toml(
            "baseURL = 'https://example.org/'\ntitle = 'T'\ntimeZone = 'Europe/Oslo'\n\
             disableAliases = true\ndisablePathToLower = true\nbuildDrafts = true\n\
             buildFuture = true\nbuildExpired = true\n",
        );
        assert_eq!(
            (c.base_url.as_str(), c.title.as_str()),
            ("https://example.org/", "T")
        );
        assert_eq!(c.time_zone.as_deref(), Some("Europe/Oslo"));
        assert!(c.disable_aliases && c.disable_path_to_lower);
        assert!(c.build_drafts && c.build_future && c.build_expired);
        let (d, c) = toml("title = 'only'");
        let expected = HugoConfig {
            title: "only".into(),
            file: Some(d.path().join("hugo.toml")),
            files: vec![d.path().join("hugo.toml")],
            ..HugoConfig::default_for(d.path())
        };
        assert_eq!(c, expected);
    }

    #[test]
    fn render_hooks_and_url_settings() {
        let (_, c) = toml(
            "canonifyURLs = true\ntheme = 'ananke'\n\
             [markup.goldmark.renderHooks.link]\nenableDefault = true\n\
             [markup.goldmark.renderHooks.image]\nuseEmbedded = 'always'",
        );
        assert_eq!(c.link_hook, UseEmbedded::Fallback);
        assert_eq!(c.image_hook, UseEmbedded::Always);
        assert!(c.canonify_urls && !c.relative_urls && !c.auto_definition_term_id);
        assert_eq!(c.themes, vec!["ananke"]);
        let (_, c) = toml(
            "theme = ['a', 'b']\n[markup.goldmark.parser]\nautoDefinitionTermID = true\n\
             [markup.goldmark.renderHooks.link]\nenableDefault = false",
        );
        assert!(c.auto_definition_term_id && !c.goldmark_unsafe);
        assert_eq!(c.link_hook, UseEmbedded::Never);
        assert_eq!(c.image_hook, UseEmbedded::Auto);
        assert_eq!(c.themes, vec!["a", "b"]);
        let (_, c) = toml("[markup.goldmark.renderer]\nunsafe = true");
        assert!(c.goldmark_unsafe);
    }

    #[test]
    fn typographer_and_allowed_content() {
        let (_, c) = toml("title = 't'");
        assert_eq!(c.typographer, Typographer::default());
        // Hugo 0.168's default `security.allowContent` denies `text/html`.
        assert!(!c.allow_html_content);
        let (_, c) = toml(
            "[markup.goldmark.extensions.typographer]\nenDash = '--'\nEllipsis = '...'\n\
             [security]\nallowContent = ['! ^text/org$']",
        );
        assert_eq!(
            (
                c.typographer.en_dash.as_str(),
                c.typographer.em_dash.as_str()
            ),
            ("--", "&mdash;")
        );
        assert_eq!(c.typographer.ellipsis, "...");
        assert!(!c.typographer.disable && c.allow_html_content);
        let (_, c) = toml("[markup.goldmark.extensions.typographer]\ndisable = true");
        assert!(c.typographer.disable);
        // As Hugo 0.168 builds (or refuses) a site with `content/x.html`
        // and `content/y.md`.
        for (list, html) in [
            (&[".*"][..], true),
            (&["! ^text/org$"], true),
            (&["^text/html$", "^text/markdown$"], true),
            (&["^text/markdown$"], false),
            (&["^text/markdown$", "! ^text/html$", "text/html"], false),
            (&["! ^text/html$", "! ^text/org$"], false),
            (&["none"], false),
            (&[], false),
        ] {
            let list: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            assert_eq!(allow_list_accepts(&list, "text/html"), html, "{list:?}");
        }
    }

    #[test]
    fn values_are_converted_as_hugo_does() {
        // Hugo v0.168.0 accepts all of these (`hugo config`).
        let (_, c) = toml(
            "buildDrafts = 'true'\nbuildFuture = 1\ncontentDir = 5\ntitle = 2024\nstaticDir = 7",
        );
        assert!(c.build_drafts && c.build_future);
        assert_eq!(content(&c), vec![dir("5", "", None)]);
        assert_eq!(c.title, "2024");
        assert_eq!(statics(&c), vec!["7"]);
    }

    #[test]
    fn taxonomies() {
        let (_, c) = toml("[taxonomies]\nTag = 'Tags'\nseries = 'series'\nempty = ''");
        assert_eq!(
            c.taxonomies,
            pairs(&[("tag", "Tags"), ("series", "series")])
        );
        // An explicit empty map disables them (Hugo v0.168.0: `taxonomies = {}`).
        let (_, c) = toml("taxonomies = {}");
        assert!(c.taxonomies.is_empty());
        // `indexes`, their legacy name.
        let (_, c) = toml("[indexes]\nauthor = 'authors'");
        assert_eq!(c.taxonomies, pairs(&[("author", "authors")]));
        let e = load_err(&[("hugo.toml", "taxonomies = 'tags'")]);
        assert_eq!(e.message, "`taxonomies` must be a map, not a string");
    }

    #[test]
    fn permalinks_all_forms() {
        let (_, c) = toml(
            "[permalinks]\nPosts = '/:year/:slug/'\n\
             [permalinks.section]\nposts = '/blog/'\n",
        );
        let p = |kind: Option<&str>, key: &str, pattern: &str, glob: bool| Permalink {
            kind: kind.map(String::from),
            key: key.into(),
            pattern: pattern.into(),
            glob,
        };
        assert_eq!(
            c.permalinks,
            vec![
                p(None, "posts", "/:year/:slug/", false),
                p(Some("section"), "posts", "/blog/", false)
            ]
        );
        let (_, c) = toml(
            "[[permalinks]]\npattern = '/blog/'\n[permalinks.target]\nkind = 'Section'\npath = '{/articles}'\n\
             [[permalinks]]\npattern = '/:section/:slug/'\n",
        );
        assert_eq!(
            c.permalinks,
            vec![
                p(Some("section"), "{/articles}", "/blog/", true),
                p(None, "", "/:section/:slug/", true)
            ]
        );
    }

    #[test]
    fn permalinks_errors() {
        // Hugo v0.168.0 fails on each of these.
        let e = load_err(&[("hugo.toml", "[permalinks.foo]\nposts = 'x'")]);
        assert!(e.message.contains("not \"foo\""), "{}", e.message);
        let e = load_err(&[("hugo.toml", "[permalinks]\nposts = 5")]);
        assert_eq!(
            e.message,
            "`permalinks.posts` must be a string, not an integer"
        );
        let e = load_err(&[("hugo.toml", "permalinks = 'x'")]);
        assert_eq!(
            e.message,
            "`permalinks` must be a map or a list, not a string"
        );
        let e = load_err(&[(
            "hugo.toml",
            "[[permalinks]]\n[permalinks.target]\nkind = 'page'",
        )]);
        assert_eq!(e.message, "each `permalinks` entry needs a `pattern`");
    }

    #[test]
    fn ugly_urls() {
        let (_, c) = toml("uglyURLs = true");
        assert_eq!(c.ugly_urls, UglyUrls::All(true));
        // Hugo v0.168.0: the string "true" is true, any other string false.
        let (_, c) = toml("uglyurls = 'true'");
        assert_eq!(c.ugly_urls, UglyUrls::All(true));
        let (_, c) = toml("uglyURLs = 'yes'");
        assert_eq!(c.ugly_urls, UglyUrls::All(false));
        let (_, c) = toml("[uglyURLs]\nPosts = true\npages = false");
        assert_eq!(
            c.ugly_urls,
            UglyUrls::Sections(vec![("posts".into(), true), ("pages".into(), false)])
        );
        assert!(c.ugly_urls.for_section("posts") && !c.ugly_urls.for_section("pages"));
        assert!(!c.ugly_urls.for_section("other"));
    }

    #[test]
    fn front_matter_dates() {
        // Hugo v0.168.0 `hugo config`: date = [':default', 'foo'] and
        // lastmod = 'lastmod  Modified' give these lists.
        let (_, c) = toml(
            "[frontmatter]\ndate = [':default', 'foo']\nlastmod = 'lastmod  Modified'\nexpiryDate = ['EXPIRES']",
        );
        let f = &c.front_matter;
        assert_eq!(
            f.date,
            strings(&[
                "date",
                "publishdate",
                "pubdate",
                "published",
                "lastmod",
                "modified",
                "foo"
            ])
        );
        assert_eq!(f.lastmod, strings(&["lastmod", "modified"]));
        assert_eq!(f.publish_date, FrontMatterDates::default().publish_date);
        assert_eq!(f.expiry_date, strings(&["expires"]));
    }

    #[test]
    fn auto_id_type() {
        let id = |text: &str| toml(text).1.auto_id_type;
        assert_eq!(
            id("[markup.goldmark.parser]\nautoIDType = 'github-ascii'"),
            AutoIdType::GithubAscii
        );
        assert_eq!(
            id("[markup.goldmark.parser]\nautoIDType = 'blackfriday'"),
            AutoIdType::Blackfriday
        );
        // Hugo compares the value exactly: anything else is `github`.
        assert_eq!(
            id("[markup.goldmark.parser]\nautoIDType = 'GitHub-ASCII'"),
            AutoIdType::Github
        );
        assert_eq!(
            id("[markup.goldmark.parser]\nautoIDType = 'foo'"),
            AutoIdType::Github
        );
        // The name before Hugo 0.144 wins when set.
        assert_eq!(
            id(
                "[markup.goldmark.parser]\nautoHeadingIDType = 'blackfriday'\nautoIDType = 'github-ascii'"
            ),
            AutoIdType::Blackfriday
        );
        // Settings bloglint does not read may have any shape.
        assert_eq!(
            id("markup = 'x'\n[params]\nx = [1, {a = 2}]"),
            AutoIdType::Github
        );
    }

    // Errors

    #[test]
    fn wrong_types_point_at_the_value() {
        let text = "title = 'x'\ncontentDir = ['a', 'b']\n";
        let e = load_err(&[("hugo.toml", text)]);
        assert!(e.path.ends_with("hugo.toml"));
        assert_eq!(e.source, text);
        assert_eq!(e.span.map(|s| &text[s]), Some("['a', 'b']"));
        assert_eq!(e.message, "`contentDir` must be a string, not a list");

        let text = "buildDrafts = 'yes'";
        let e = load_err(&[("hugo.toml", text)]);
        assert_eq!(
            e.message,
            "`buildDrafts` must be true or false, not \"yes\""
        );
        assert_eq!(e.span.map(|s| &text[s]), Some("'yes'"));

        let e = load_err(&[("hugo.toml", "[languages]\nfr = 'x'")]);
        assert_eq!(e.message, "`languages.fr` must be a map, not a string");
        let e = load_err(&[("hugo.toml", "[languages.fr]\nweight = 'first'")]);
        assert_eq!(
            e.message,
            "`languages.fr.weight` must be an integer, not a string"
        );
        let e = load_err(&[("hugo.toml", "[module]\nmounts = 'content'")]);
        assert_eq!(
            e.message,
            "`module.mounts` must be a list of mounts, not a string"
        );
        let e = load_err(&[("hugo.toml", "[frontmatter]\ndate = [{a = 1}]")]);
        assert_eq!(e.message, "`frontmatter.date` must be a string, not a map");
    }

    #[test]
    fn errors_name_the_file_the_value_came_from() {
        let params = "contentDir = {a = 1}\n";
        let e = load_err(&[
            ("hugo.toml", "contentDir = 'x'"),
            ("config/_default/hugo.toml", params),
        ]);
        assert!(
            e.path.ends_with("config/_default/hugo.toml"),
            "{:?}",
            e.path
        );
        assert_eq!(e.span.map(|s| &params[s]), Some("{a = 1}"));
    }

    #[test]
    fn unreadable_configurations() {
        let e = load_err(&[("hugo.toml", "title = ")]);
        assert!(e.path.ends_with("hugo.toml"));
        assert!(
            e.message
                .starts_with("invalid TOML in the Hugo configuration: "),
            "{}",
            e.message
        );
        assert!(e.span.is_some());
        let d = site(&[]);
        fs::write(d.path().join("hugo.toml"), b"title = '\xff'").expect("write");
        let e = HugoConfig::load(d.path()).expect_err("not UTF-8");
        assert_eq!(
            e.message,
            "cannot read the Hugo configuration: it is not UTF-8 text"
        );
        // Empty files are empty configurations, whatever the format.
        let (_, c) = load(&[("hugo.json", " \n"), ("config/_default/params.yaml", "")]);
        assert_eq!(c.title, "");
    }

    // The same configuration in the three formats

    fn check_formats_fixture(c: &HugoConfig) {
        // Hugo v0.168.0 prints the same configuration for the three files.
        assert_eq!(c.base_url, "https://example.org/blog/");
        assert_eq!(c.title, "Formats");
        assert_eq!(
            content(c),
            vec![dir("posts", "", None), dir("posts-en", "", Some("en"))]
        );
        assert_eq!(c.languages, strings(&["fr", "en"]));
        assert_eq!(c.default_content_language, "fr");
        assert!(c.disable_aliases && c.build_future && !c.build_drafts);
        assert_eq!(c.ugly_urls, UglyUrls::All(true));
        assert_eq!(c.time_zone.as_deref(), Some("Europe/Paris"));
        let mut taxonomies = c.taxonomies.clone();
        taxonomies.sort();
        assert_eq!(taxonomies, pairs(&[("series", "series"), ("tag", "tags")]));
        assert_eq!(c.auto_id_type, AutoIdType::Blackfriday);
        let permalink = Permalink {
            kind: Some("page".into()),
            key: "posts".into(),
            pattern: "/:year/:slug/".into(),
            glob: false,
        };
        assert_eq!(c.permalinks, vec![permalink]);
        assert_eq!(
            c.front_matter.lastmod,
            strings(&["lastmod", "modified", ":filemodtime"])
        );
    }

    #[test]
    fn formats() {
        for case in ["formats/toml", "formats/yaml", "formats/json"] {
            let c = HugoConfig::load(&fixture(case)).expect("loads");
            check_formats_fixture(&c);
        }
        let text = "title = 'x'\ncontentDir = ['a', 'b']\n";
        let d = site(&[("hugo.yaml", "title: x\ncontentDir: [a, b]\n")]);
        let e = HugoConfig::load(d.path()).expect_err("wrong type");
        assert_eq!(e.message, "`contentDir` must be a string, not a list");
        assert_eq!(e.span.map(|s| &e.source[s]), Some("[a, b]"));
        let d = site(&[("hugo.toml", text)]);
        let e = HugoConfig::load(d.path()).expect_err("wrong type");
        assert_eq!(e.span.map(|s| &text[s]), Some("['a', 'b']"));
        let d = site(&[(
            "hugo.json",
            "{\"title\": \"x\", \"contentDir\": 5.5, \"buildDrafts\": [] }\n",
        )]);
        let e = HugoConfig::load(d.path()).expect_err("wrong type");
        assert_eq!(e.span.map(|s| &e.source[s]), Some("[]"));
    }

    // The real corpus

    #[test]
    fn hugo_docs_corpus() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/hugodocs");
        if !root.join("hugo.toml").is_file() {
            println!("skipped: no corpus at {}", root.display());
            return;
        }
        let check = |c: &HugoConfig| {
            // `hugo config mounts` (v0.168.0): content/en is mounted as content.
            assert_eq!(content(c), vec![dir("content/en", "", Some("en"))]);
            assert!(c.disable_aliases);
            assert_eq!(c.base_url, "https://gohugo.io/");
            assert_eq!(c.time_zone.as_deref(), Some("Europe/Oslo"));
            assert_eq!(c.languages, strings(&["en"]));
            assert_eq!(c.front_matter.date, strings(&["date"]));
        };
        check(&HugoConfig::load(&root).expect("loads"));
    }
}

#[cfg(test)]
mod robustness {
    //! Any table, any shape of value under the keys bloglint reads: an
    //! answer, never a panic.

    use super::*;
    use crate::document::{Key, Quote};
    use proptest::prelude::*;

    const KEYS: [&str; 24] = [
        "contentDir",
        "staticDir",
        "staticDir3",
        "languages",
        "en",
        "fr",
        "weight",
        "disabled",
        "module",
        "mounts",
        "source",
        "target",
        "sites",
        "matrix",
        "taxonomies",
        "permalinks",
        "page",
        "pattern",
        "uglyURLs",
        "frontmatter",
        "date",
        "markup",
        "baseURL",
        "lang",
    ];

    fn node(value: Value) -> Node {
        Node {
            value,
            span: 0..0,
            quote: Quote::None,
        }
    }

    fn value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::Integer),
            any::<f64>().prop_map(Value::Float),
            "[a-z/*.: ]{0,8}".prop_map(Value::String),
            Just(Value::Null),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|items| Value::Array(items.into_iter().map(node).collect())),
                prop::collection::vec((0..KEYS.len(), inner), 0..6).prop_map(|entries| {
                    let entries = entries.into_iter().map(|(k, v)| {
                        (
                            Key {
                                name: KEYS[k].into(),
                                span: 0..0,
                            },
                            node(v),
                        )
                    });
                    Value::Table(Table {
                        entries: entries.collect(),
                    })
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn never_panics(values in prop::collection::vec(value(), 1..4), stem in 0..4usize) {
            let stems = [None, Some("hugo"), Some("params.fr"), Some("languages")];
            let files: Vec<ConfigFile> = values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let table = match v {
                        Value::Table(t) => t,
                        other => Table { entries: vec![(Key { name: KEYS[i].into(), span: 0..0 }, node(other))] },
                    };
                    let stem = if i == 0 { None } else { stems[stem].map(String::from) };
                    ConfigFile { path: PathBuf::from("hugo.toml"), source: String::new(), table, stem }
                })
                .collect();
            let _ = from_files(Path::new("root"), &files);
        }
    }
}
