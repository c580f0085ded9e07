//! Jekyll's configuration, the files it reads and its front matter
//! defaults, as Jekyll 4.3.1 (Debian 12) does it: `Configuration`,
//! `EntryFilter`, `Reader` and its readers, `FrontmatterDefaults`, and the
//! options of jekyll-relative-links 0.7.0 and jekyll-optional-front-matter
//! 0.3.2.
//!
//! The YAML is read with the project's span-keeping parser, which types
//! plain scalars like Go's YAML; where Ruby's Psych (YAML 1.1) differs in a
//! way the keys here care about, the tree is retyped: `yes`/`no`/`on`/`off`
//! (any case) are booleans. Dates stay strings (Psych makes `Date`s), and
//! a key written twice is an error here while Psych keeps the last one.

mod defaults;
mod fnmatch;
mod read;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::diagnostic::ConfigError;
use crate::document::frontmatter::{Node, Quote, Table, Value};

pub use defaults::DefaultSet;
pub use fnmatch::fnmatch;
pub use read::{
    Entry, EntryFilter, Kind, date_filename_matches, dateless_filename_matches, glob_include,
    has_yaml_header, optional_page,
};

/// The configuration files Jekyll 4.3.1 looks for in the source folder,
/// in its order of preference: the first one that exists is read, the
/// others are ignored.
pub const CONFIG_FILES: [&str; 3] = ["_config.yml", "_config.yaml", "_config.toml"];

/// What Jekyll 4.3.1 appends to `exclude` (`Configuration::DEFAULT_EXCLUDES`).
pub const DEFAULT_EXCLUDES: [&str; 10] = [
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// The plugins GitHub Pages turns on without being listed: the
/// `github-pages` gem's `GitHubPages::Plugins::DEFAULT_PLUGINS`
/// (github/pages-gem, `lib/github-pages/plugins.rb`).
pub const GITHUB_PAGES_DEFAULT_PLUGINS: [&str; 9] = [
    "jekyll-coffeescript",
    "jekyll-default-layout",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-relative-links",
    "jekyll-titles-from-headings",
];

/// The nearest folder at or above `start` that holds one of
/// [`CONFIG_FILES`]: the root of a Jekyll site.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    // Relative to `start` as given (`.`, `..`), as the Hugo side does.
    crate::hugo::config::ancestors(start)
        .into_iter()
        .find(|dir| CONFIG_FILES.iter().any(|f| dir.join(f).is_file()))
}

/// The configuration file Jekyll 4.3.1 reads in `root`: the first of
/// [`CONFIG_FILES`] that exists.
pub fn config_file(root: &Path) -> Option<PathBuf> {
    CONFIG_FILES
        .iter()
        .map(|f| root.join(f))
        .find(|p| p.exists())
}

/// The pattern a permalink style stands for (`Configuration#style_to_permalink`):
/// `date`, `pretty`, `ordinal`, `weekdate`, `none`; anything else is a
/// pattern already.
pub fn permalink_pattern(style: &str) -> String {
    match style {
        "none" => "/:categories/:title:output_ext",
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        other => other,
    }
    .to_owned()
}

/// A collection as Jekyll 4.3.1 sets it up.
#[derive(Debug, Clone, PartialEq)]
pub struct Collection {
    /// The label, cleaned as `Collection#sanitize_label` does (only ASCII
    /// letters, digits, `_`, `-` and `.` kept). Its folder is `_<label>`
    /// under `collections_dir`.
    pub label: String,
    /// `output`: whether its documents and static files are written
    /// (Ruby truthiness; always true for `posts`).
    pub output: bool,
    /// Its own `permalink`; for `posts` without one, the global permalink
    /// expanded by [`permalink_pattern`]. `None`: Jekyll uses
    /// `/:collection/:path` with the global style's suffix.
    pub permalink: Option<String>,
    /// `sort_by`, when a string.
    pub sort_by: Option<String>,
    /// The whole metadata map as written (empty when none).
    pub metadata: Table,
}

/// `kramdown:` options, merged over Jekyll 4.3.1's defaults (and
/// kramdown 2.4.0's own for the keys Jekyll does not set). Non-boolean
/// values are read as kramdown does: false only for `false`, empty or null.
#[derive(Debug, Clone, PartialEq)]
pub struct Kramdown {
    /// `input`: `GFM` by default in Jekyll (kramdown's own is `kramdown`).
    pub input: String,
    pub auto_ids: bool,
    pub auto_id_prefix: String,
    pub auto_id_stripping: bool,
    pub transliterated_header_ids: bool,
}

impl Default for Kramdown {
    fn default() -> Kramdown {
        Kramdown {
            input: "GFM".into(),
            auto_ids: true,
            auto_id_prefix: String::new(),
            auto_id_stripping: false,
            transliterated_header_ids: false,
        }
    }
}

/// jekyll-relative-links 0.7.0's `relative_links:` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelativeLinks {
    /// Off only when `enabled` is exactly `false`.
    pub enabled: bool,
    /// Documents of collections are rewritten too only when `collections`
    /// is exactly `true`.
    pub collections: bool,
}

/// jekyll-optional-front-matter 0.3.2's `optional_front_matter:` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionalFrontMatter {
    /// Off when `enabled` is exactly `false` or `require_front_matter` is truthy.
    pub enabled: bool,
    /// The raw `.md` is no longer copied only when `remove_originals` is
    /// exactly `true` (or `require_front_matter` is truthy).
    pub remove_originals: bool,
}

/// A Jekyll site's configuration: the file (if any) merged over Jekyll
/// 4.3.1's `Configuration::DEFAULTS`. A `null` value keeps the default, as
/// `Utils.deep_merge_hashes` does.
#[derive(Debug, Clone, PartialEq)]
pub struct JekyllConfig {
    /// The folder the configuration was looked up in.
    pub root: PathBuf,
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    /// `source`, resolved against `root`.
    pub source: PathBuf,
    /// `destination` (default `<source>/_site`), resolved against `root`.
    pub destination: PathBuf,
    pub baseurl: Option<String>,
    pub url: Option<String>,
    /// The global `permalink` as written (default `date`).
    pub permalink: String,
    /// `collections_dir`, `""` by default.
    pub collections_dir: String,
    /// `posts` first, then the configured ones in their order.
    pub collections: Vec<Collection>,
    pub defaults: Vec<DefaultSet>,
    /// `exclude` as written, then [`DEFAULT_EXCLUDES`] (no duplicates).
    pub exclude: Vec<String>,
    /// `include` (default `[".htaccess"]`).
    pub include: Vec<String>,
    /// `keep_files` (default `[".git", ".svn"]`).
    pub keep_files: Vec<String>,
    pub timezone: Option<String>,
    pub future: bool,
    pub unpublished: bool,
    /// Drafts are read only when truthy.
    pub show_drafts: bool,
    pub strict_front_matter: bool,
    pub safe: bool,
    /// `markdown_ext` as `Converters::Markdown#extname_list`: each
    /// comma-separated item, lower-cased, with a leading dot (not trimmed).
    pub markdown_ext: Vec<String>,
    /// `markdown` (the converter, `kramdown` by default).
    pub markdown: String,
    /// `plugins`. Jekyll 4.3.1 ignores the old `gems` key.
    pub plugins: Vec<String>,
    /// `gems`, the pre-3.5 name of `plugins` (honoured on GitHub Pages).
    pub gems: Vec<String>,
    pub whitelist: Vec<String>,
    pub layouts_dir: String,
    pub data_dir: String,
    pub includes_dir: String,
    pub plugins_dir: String,
    pub kramdown: Kramdown,
    pub relative_links: RelativeLinks,
    pub optional_front_matter: OptionalFrontMatter,
    /// `lang` (jekyll-seo-tag reads it, `en_US` when unset).
    pub lang: Option<String>,
    /// Built by GitHub Pages: the `github-pages` gem's default plugins count
    /// as listed. Detected from a `Gemfile` that names the `github-pages`
    /// gem; a caller that knows better sets it.
    pub github_pages: bool,
    /// The configuration file's whole map, for other keys.
    pub table: Table,
    /// The file was read but Jekyll 4.3.1 ignores it (YAML whose top is not
    /// a map: Jekyll warns "Error reading configuration. Using defaults"
    /// and builds): why, pointing into the file. The fields hold the defaults.
    pub ignored: Option<ConfigError>,
    /// The layout and include files read so far (`jekyll::layout`): each
    /// is read once per loaded configuration, not once per page.
    pub templates: crate::jekyll::layout::Templates,
}

/// The configuration file's text, for errors.
struct Origin<'a> {
    path: &'a Path,
    source: &'a str,
}

impl Origin<'_> {
    fn error(&self, span: Range<usize>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            source: self.source.to_owned(),
            span: Some(span),
            message,
        }
    }
}

impl JekyllConfig {
    /// Read `root`'s configuration file ([`config_file`]); Jekyll's defaults
    /// alone when there is none.
    pub fn load(root: &Path) -> Result<JekyllConfig, ConfigError> {
        let Some(path) = config_file(root) else {
            let mut config = JekyllConfig::from_table(root, None, Table::default()).map_err(
                |(_, message)| ConfigError {
                    path: root.to_path_buf(),
                    source: String::new(),
                    span: None,
                    message,
                },
            )?;
            config.github_pages = gemfile_names_github_pages(root);
            return Ok(config);
        };
        let fail = |source: String, message: String| ConfigError {
            path: path.clone(),
            source,
            span: None,
            message,
        };
        let source = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(_) => {
                    let message = "cannot read the Jekyll configuration: it is not UTF-8 text";
                    return Err(fail(String::new(), message.into()));
                }
            },
            Err(e) => {
                let message = format!("cannot read the Jekyll configuration: {e}");
                return Err(fail(String::new(), message));
            }
        };
        let origin = Origin {
            path: &path,
            source: &source,
        };
        // Psych skips a byte order mark.
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        let parsed = if is_toml {
            crate::document::toml::parse(&source, start..source.len())
        } else {
            crate::document::yaml::parse(&source, start..source.len()).map(|mut t| {
                psych_booleans(&mut t);
                t
            })
        };
        let mut ignored = None;
        let table = match parsed {
            Ok(table) => table,
            // `yaml::parse` refuses a document that is not a map with this
            // message; Jekyll reads it, finds no Hash and uses its defaults.
            Err(e) if e.message.starts_with("front matter must be a map") => {
                let message = e.message.replace("front matter", "the configuration")
                    + "; Jekyll 4.3.1 ignores the file and uses its defaults";
                ignored = Some(origin.error(e.span, message));
                Table::default()
            }
            Err(e) => {
                let message = e.message.replace("front matter", "the configuration");
                return Err(origin.error(e.span, message));
            }
        };
        let mut config = JekyllConfig::from_table(root, Some(path.clone()), table).map_err(
            |(span, message)| match span {
                Some(span) => origin.error(span, message),
                None => fail(source.clone(), message),
            },
        )?;
        config.github_pages = gemfile_names_github_pages(root);
        config.ignored = ignored;
        Ok(config)
    }

    /// Build the configuration from a parsed file.
    fn from_table(
        root: &Path,
        file: Option<PathBuf>,
        table: Table,
    ) -> Result<JekyllConfig, (Option<Range<usize>>, String)> {
        let t = &table;
        let source_dir = match string(t, "source")? {
            Some(s) => root.join(s),
            None => root.to_path_buf(),
        };
        let destination = match string(t, "destination")? {
            Some(d) => root.join(d),
            None => source_dir.join("_site"),
        };
        let permalink = string(t, "permalink")?.unwrap_or_else(|| "date".into());
        let mut exclude = string_list(t, "exclude", true)?.unwrap_or_default();
        for d in DEFAULT_EXCLUDES {
            if !exclude.iter().any(|e| e == d) {
                exclude.push(d.to_owned());
            }
        }
        let mut dedup: Vec<String> = Vec::with_capacity(exclude.len());
        for e in exclude {
            if !dedup.contains(&e) {
                dedup.push(e);
            }
        }
        let include =
            string_list(t, "include", true)?.unwrap_or_else(|| vec![".htaccess".to_owned()]);
        let keep_files = string_list(t, "keep_files", false)?
            .unwrap_or_else(|| vec![".git".to_owned(), ".svn".to_owned()]);
        let markdown_ext =
            string(t, "markdown_ext")?.unwrap_or_else(|| "markdown,mkdown,mkdn,mkd,md".into());
        let markdown_ext = ruby_split_comma(&markdown_ext)
            .into_iter()
            .map(|e| format!(".{}", e.to_lowercase()))
            .collect();
        let require_front_matter = get(t, "require_front_matter").is_some_and(truthy);
        let plugin_option = |key: &str, option: &str| -> Option<bool> {
            let node = get(t, key)?.as_table().and_then(|o| get(o, option))?;
            match node.value {
                Value::Bool(b) => Some(b),
                _ => None,
            }
        };
        let defaults = defaults::sets(t, &source_dir)?;
        let config = JekyllConfig {
            root: root.to_path_buf(),
            file,
            source: source_dir,
            destination,
            baseurl: string(t, "baseurl")?,
            url: string(t, "url")?,
            collections_dir: string(t, "collections_dir")?.unwrap_or_default(),
            collections: collections(t, &permalink)?,
            permalink,
            defaults,
            exclude: dedup,
            include,
            keep_files,
            timezone: string(t, "timezone")?,
            future: get(t, "future").is_some_and(truthy),
            unpublished: get(t, "unpublished").is_some_and(truthy),
            show_drafts: get(t, "show_drafts").is_some_and(truthy),
            strict_front_matter: get(t, "strict_front_matter").is_some_and(truthy),
            safe: get(t, "safe").is_some_and(truthy),
            markdown_ext,
            markdown: string(t, "markdown")?.unwrap_or_else(|| "kramdown".into()),
            plugins: string_list(t, "plugins", true)?.unwrap_or_default(),
            gems: string_list(t, "gems", false)?.unwrap_or_default(),
            whitelist: string_list(t, "whitelist", false)?.unwrap_or_default(),
            layouts_dir: string(t, "layouts_dir")?.unwrap_or_else(|| "_layouts".into()),
            data_dir: string(t, "data_dir")?.unwrap_or_else(|| "_data".into()),
            includes_dir: string(t, "includes_dir")?.unwrap_or_else(|| "_includes".into()),
            plugins_dir: string(t, "plugins_dir")?.unwrap_or_else(|| "_plugins".into()),
            kramdown: kramdown(t)?,
            relative_links: RelativeLinks {
                enabled: plugin_option("relative_links", "enabled") != Some(false),
                collections: plugin_option("relative_links", "collections") == Some(true),
            },
            optional_front_matter: OptionalFrontMatter {
                enabled: plugin_option("optional_front_matter", "enabled") != Some(false)
                    && !require_front_matter,
                remove_originals: plugin_option("optional_front_matter", "remove_originals")
                    == Some(true)
                    || require_front_matter,
            },
            lang: string(t, "lang")?,
            github_pages: false,
            table,
            ignored: None,
            templates: Default::default(),
        };
        Ok(config)
    }

    /// Whether `name` (a gem such as `jekyll-redirect-from`) is on: listed in
    /// `plugins`, or, on GitHub Pages, listed in `gems` or one of
    /// [`GITHUB_PAGES_DEFAULT_PLUGINS`]. (Jekyll also loads the gems of a
    /// Gemfile's `:jekyll_plugins` group; that is not modelled.)
    pub fn has_plugin(&self, name: &str) -> bool {
        self.plugins.iter().any(|p| p == name)
            || (self.github_pages
                && (self.gems.iter().any(|p| p == name)
                    || GITHUB_PAGES_DEFAULT_PLUGINS.contains(&name)))
    }

    /// Whether a file extension (`.md`, any case) is Markdown for Jekyll
    /// (`Converters::Markdown#matches`).
    pub fn is_markdown_ext(&self, ext: &str) -> bool {
        let ext = ext.to_lowercase();
        self.markdown_ext.contains(&ext)
    }

    /// The collection called `label`.
    pub fn collection(&self, label: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.label == label)
    }
}

/// A `Gemfile` in `root` that names the `github-pages` gem.
fn gemfile_names_github_pages(root: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(root.join("Gemfile")) else {
        return false;
    };
    text.lines().any(|line| {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix("gem") else {
            return false;
        };
        let rest = rest.trim_start_matches([' ', '\t', '(']);
        rest.starts_with("\"github-pages\"") || rest.starts_with("'github-pages'")
    })
}

type Fallible<T> = Result<T, (Option<Range<usize>>, String)>;

/// The value of `key` (exact case, as Ruby hashes), `None` when missing or
/// null.
pub(crate) fn get<'t>(table: &'t Table, key: &str) -> Option<&'t Node> {
    table
        .entries
        .iter()
        .rev()
        .find(|(k, _)| k.name == key)
        .map(|(_, v)| v)
        .filter(|v| v.value != Value::Null)
}

/// Ruby truthiness: everything but `nil` and `false`.
pub(crate) fn truthy(node: &Node) -> bool {
    !matches!(node.value, Value::Null | Value::Bool(false))
}

/// A scalar's text as Ruby's `to_s` gives it for the simple cases.
fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::String(s) | Value::Datetime(s) => Some(s.clone()),
        Value::Integer(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Array(_) | Value::Table(_) => None,
    }
}

/// A string-valued key; other scalars as their text; a list or map is an error.
fn string(table: &Table, key: &str) -> Fallible<Option<String>> {
    let Some(node) = get(table, key) else {
        return Ok(None);
    };
    match scalar_text(node) {
        Some(s) => Ok(Some(s)),
        None => Err((
            Some(node.span.clone()),
            format!("`{key}` must be a string, not {}", node.type_name()),
        )),
    }
}

/// A list of strings (non-string items are skipped, as `EntryFilter`
/// ignores them). `strict`: Jekyll refuses anything but a list
/// (`include`, `exclude`, `plugins`); otherwise one string is a list of one.
fn string_list(table: &Table, key: &str, strict: bool) -> Fallible<Option<Vec<String>>> {
    // Jekyll validates these before merging the defaults: null is refused too.
    let raw = table.entries.iter().rev().find(|(k, _)| k.name == key);
    let node = match raw {
        Some((_, node)) if strict || node.value != Value::Null => node,
        _ => return Ok(None),
    };
    match &node.value {
        Value::Array(items) => Ok(Some(
            items
                .iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect(),
        )),
        Value::String(s) if !strict => Ok(Some(vec![s.clone()])),
        _ => Err((
            Some(node.span.clone()),
            format!(
                "'{key}' should be set as an array, but was {} (Jekyll 4.3.1 refuses to build)",
                node.type_name()
            ),
        )),
    }
}

/// Ruby's `String#split(",")`: trailing empty items dropped.
fn ruby_split_comma(s: &str) -> Vec<&str> {
    let mut items: Vec<&str> = s.split(',').collect();
    while items.last().is_some_and(|i| i.is_empty()) {
        items.pop();
    }
    items
}

/// kramdown 2.4.0's reading of a Boolean option given another type:
/// false only when its text, lower-cased and trimmed, is `false` or empty.
fn kramdown_bool(node: &Node) -> bool {
    match &node.value {
        Value::Bool(b) => *b,
        Value::Null => false,
        _ => scalar_text(node).is_some_and(|t| {
            let t = t.trim().to_lowercase();
            t != "false" && !t.is_empty()
        }),
    }
}

fn kramdown(t: &Table) -> Fallible<Kramdown> {
    let mut k = Kramdown::default();
    let Some(node) = get(t, "kramdown") else {
        return Ok(k);
    };
    let Some(options) = node.as_table() else {
        return Err((
            Some(node.span.clone()),
            format!("`kramdown` must be a map, not {}", node.type_name()),
        ));
    };
    if let Some(n) = get(options, "input") {
        k.input = scalar_text(n).unwrap_or_default();
    }
    if let Some(n) = get(options, "auto_ids") {
        k.auto_ids = kramdown_bool(n);
    }
    if let Some(n) = get(options, "auto_id_prefix") {
        k.auto_id_prefix = scalar_text(n).unwrap_or_default();
    }
    if let Some(n) = get(options, "auto_id_stripping") {
        k.auto_id_stripping = kramdown_bool(n);
    }
    if let Some(n) = get(options, "transliterated_header_ids") {
        k.transliterated_header_ids = kramdown_bool(n);
    }
    Ok(k)
}

/// `Collection#sanitize_label`.
fn sanitize_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect()
}

/// `collections` as `Configuration#add_default_collections` leaves it: a
/// list becomes a map of empty metadata; `posts` comes first, its `output`
/// forced on and its permalink defaulting to the global style's pattern.
fn collections(t: &Table, permalink: &str) -> Fallible<Vec<Collection>> {
    let mut list: Vec<(String, Table)> = vec![("posts".into(), Table::default())];
    let mut add = |label: String, metadata: Table| match list.iter_mut().find(|(l, _)| *l == label)
    {
        Some(entry) => entry.1 = metadata,
        None => list.push((label, metadata)),
    };
    if let Some(node) = get(t, "collections") {
        match &node.value {
            Value::Array(items) => {
                for item in items {
                    let Some(label) = item.as_str() else {
                        let message = format!(
                            "a collection's name must be a string, not {}",
                            item.type_name()
                        );
                        return Err((Some(item.span.clone()), message));
                    };
                    add(label.to_owned(), Table::default());
                }
            }
            Value::Table(map) => {
                for (key, value) in &map.entries {
                    let metadata = match &value.value {
                        Value::Null => Table::default(),
                        Value::Table(m) => m.clone(),
                        _ => {
                            let message = format!(
                                "the collection `{}` must be a map of options, not {}",
                                key.name,
                                value.type_name()
                            );
                            return Err((Some(value.span.clone()), message));
                        }
                    };
                    add(key.name.clone(), metadata);
                }
            }
            _ => {
                let message = format!(
                    "`collections` must be a list or a map, not {}",
                    node.type_name()
                );
                return Err((Some(node.span.clone()), message));
            }
        }
    }
    let mut out = Vec::with_capacity(list.len());
    for (label, metadata) in list {
        let is_posts = label == "posts";
        let mut permalink_of = string(&metadata, "permalink")?;
        if is_posts && permalink_of.is_none() {
            permalink_of = Some(permalink_pattern(permalink));
        }
        let sort_by = get(&metadata, "sort_by").and_then(|n| n.as_str().map(str::to_owned));
        out.push(Collection {
            label: sanitize_label(&label),
            output: is_posts || get(&metadata, "output").is_some_and(truthy),
            permalink: permalink_of,
            sort_by,
            metadata,
        });
    }
    Ok(out)
}

/// Retype plain scalars Psych (YAML 1.1) reads as booleans and Go's YAML
/// does not: `yes`, `no`, `on`, `off`, in any case, and `tRuE`-like cases.
fn psych_booleans(table: &mut Table) {
    for (_, node) in &mut table.entries {
        psych_node(node);
    }
}

fn psych_node(node: &mut Node) {
    match &mut node.value {
        Value::String(s) if node.quote == Quote::None => {
            let lower = s.to_ascii_lowercase();
            match lower.as_str() {
                "yes" | "true" | "on" => node.value = Value::Bool(true),
                "no" | "false" | "off" => node.value = Value::Bool(false),
                _ => {}
            }
        }
        Value::Array(items) => items.iter_mut().for_each(psych_node),
        Value::Table(t) => psych_booleans(t),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
