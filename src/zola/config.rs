//! A Zola site's `config.toml`, read as Zola 0.22.1 reads it
//! (`components/config`): the keys that decide which files are content,
//! where pages go, and what else the build writes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::slug::{Slugify, slugify_paths};
use crate::diagnostic::ConfigError;
use crate::document::{Node, Table, Value};

/// The configuration file Zola 0.22.1 reads (without `--config`).
pub const CONFIG_FILE: &str = "config.toml";

/// `[slugify]`: how Zola makes paths, term slugs and heading ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlugifyConfig {
    pub paths: Slugify,
    /// `paths_keep_dates`: keep a file name's date prefix in its slug.
    pub paths_keep_dates: bool,
    pub taxonomies: Slugify,
    pub anchors: Slugify,
}

/// One taxonomy of one language (`taxonomies = [{name = "tags"}]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZolaTaxonomy {
    /// As configured: the key pages list terms under (`[taxonomies] tags`).
    pub name: String,
    /// Its URL segment: the name slugified by `slugify.taxonomies`.
    pub slug: String,
    /// The language it belongs to.
    pub lang: String,
    pub paginate_by: Option<usize>,
    pub paginate_path: String,
    /// `render = false`: no list or term pages.
    pub render: bool,
    /// `feed = true`: a feed per term.
    pub feed: bool,
}

/// What a language writes besides its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageOptions {
    pub code: String,
    pub generate_feeds: bool,
    pub feed_filenames: Vec<String>,
    pub build_search_index: bool,
}

/// A Zola site's configuration.
#[derive(Debug, Clone)]
pub struct ZolaConfig {
    pub root: PathBuf,
    /// The configuration file.
    pub file: PathBuf,
    pub base_url: String,
    pub title: Option<String>,
    pub default_language: String,
    /// Every language, the default first, then the others by code.
    pub languages: Vec<String>,
    /// Per language (same order as `languages`).
    pub language_options: Vec<LanguageOptions>,
    pub slugify: SlugifyConfig,
    /// Every language's taxonomies.
    pub taxonomies: Vec<ZolaTaxonomy>,
    /// The default language's taxonomies as (singular, plural) keys, for
    /// the rules: Zola has one name for both.
    pub taxonomy_pairs: Vec<(String, String)>,
    /// `taxonomy_root`: a folder the taxonomy pages go under.
    pub taxonomy_root: Option<String>,
    /// `ignored_content`, matched against a content file's full path.
    pub ignored_content: GlobSet,
    /// `ignored_static`, matched against a path inside `static/`.
    pub ignored_static: GlobSet,
    pub compile_sass: bool,
    pub build_search_index: bool,
    /// `search.index_format`'s file extension: `js` or `json`.
    pub search_index_extension: &'static str,
    /// Whether the search index format is elasticlunr's (which writes
    /// `elasticlunr.min.js` too).
    pub search_elasticlunr: bool,
    pub generate_sitemap: bool,
    pub generate_robots_txt: bool,
    /// `theme`: a theme under `themes/`.
    pub theme: Option<String>,
}

type Fallible<T> = Result<T, ConfigError>;

/// Strings of a list, with their spans.
type Spanned = Vec<(String, Range<usize>)>;

/// The nearest folder at or above `start` holding a `config.toml` with a
/// `base_url` (Hugo's is `baseURL`).
pub fn find_root(start: &Path) -> Option<PathBuf> {
    crate::hugo::config::ancestors(start)
        .into_iter()
        .find(|dir| is_zola_config(&dir.join(CONFIG_FILE)))
}

/// Whether a file is a Zola configuration: TOML with a top-level
/// `base_url` key.
pub fn is_zola_config(path: &Path) -> bool {
    let Ok(source) = std::fs::read_to_string(path) else {
        return false;
    };
    match crate::document::toml::parse(&source, 0..source.len()) {
        Ok(table) => get(&table, "base_url").is_some(),
        // A file that does not parse: a line `base_url = …` still says
        // whose it is (the error is reported when it is loaded).
        Err(_) => source
            .lines()
            .any(|l| l.trim_start().starts_with("base_url")),
    }
}

/// A key, compared as serde does: exactly.
fn get<'t>(table: &'t Table, key: &str) -> Option<&'t Node> {
    table
        .entries
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(_, v)| v)
}

struct Reader<'a> {
    path: &'a Path,
    source: &'a str,
}

impl Reader<'_> {
    fn error(&self, span: Option<Range<usize>>, message: String) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            source: self.source.to_string(),
            span,
            message,
        }
    }

    fn wrong_type(&self, key: &str, node: &Node, expected: &str) -> ConfigError {
        self.error(
            Some(node.span.clone()),
            format!(
                "`{key}` must be {expected}, not {}: Zola fails the build",
                node.type_name()
            ),
        )
    }

    fn string(&self, table: &Table, key: &str) -> Fallible<Option<String>> {
        match get(table, key) {
            None => Ok(None),
            Some(n) => match &n.value {
                Value::String(s) => Ok(Some(s.clone())),
                _ => Err(self.wrong_type(key, n, "a string")),
            },
        }
    }

    fn bool(&self, table: &Table, key: &str, default: bool) -> Fallible<bool> {
        match get(table, key) {
            None => Ok(default),
            Some(n) => match n.value {
                Value::Bool(b) => Ok(b),
                _ => Err(self.wrong_type(key, n, "a boolean")),
            },
        }
    }

    fn usize(&self, table: &Table, key: &str) -> Fallible<Option<usize>> {
        match get(table, key) {
            None => Ok(None),
            Some(n) => match n.value {
                Value::Integer(i) => usize::try_from(i)
                    .map(Some)
                    .map_err(|_| self.wrong_type(key, n, "a positive integer")),
                _ => Err(self.wrong_type(key, n, "a positive integer")),
            },
        }
    }

    fn strings(&self, table: &Table, key: &str) -> Fallible<Option<Spanned>> {
        let Some(n) = get(table, key) else {
            return Ok(None);
        };
        let Value::Array(items) = &n.value else {
            return Err(self.wrong_type(key, n, "a list of strings"));
        };
        items
            .iter()
            .map(|i| match &i.value {
                Value::String(s) => Ok((s.clone(), i.span.clone())),
                _ => Err(self.wrong_type(key, i, "a string")),
            })
            .collect::<Fallible<Vec<_>>>()
            .map(Some)
    }

    fn table<'t>(&self, table: &'t Table, key: &str) -> Fallible<Option<&'t Table>> {
        match get(table, key) {
            None => Ok(None),
            Some(n) => match &n.value {
                Value::Table(t) => Ok(Some(t)),
                _ => Err(self.wrong_type(key, n, "a table")),
            },
        }
    }

    fn slugify(&self, table: &Table, key: &str) -> Fallible<Slugify> {
        match get(table, key) {
            None => Ok(Slugify::default()),
            Some(n) => n.as_str().and_then(Slugify::parse).ok_or_else(|| {
                self.error(
                    Some(n.span.clone()),
                    format!(
                        "`slugify.{key}` must be \"on\", \"safe\" or \"off\": Zola fails the build"
                    ),
                )
            }),
        }
    }

    fn globs(&self, table: &Table, key: &str) -> Fallible<GlobSet> {
        let mut builder = GlobSetBuilder::new();
        for (pattern, span) in self.strings(table, key)?.unwrap_or_default() {
            let glob = Glob::new(&pattern).map_err(|e| {
                self.error(
                    Some(span),
                    format!("invalid `{key}` glob pattern `{pattern}`: {e}"),
                )
            })?;
            builder.add(glob);
        }
        builder
            .build()
            .map_err(|e| self.error(None, format!("invalid `{key}` glob patterns: {e}")))
    }

    fn taxonomies(
        &self,
        table: &Table,
        lang: &str,
        slugify: Slugify,
        out: &mut Vec<ZolaTaxonomy>,
    ) -> Fallible<()> {
        let Some(n) = get(table, "taxonomies") else {
            return Ok(());
        };
        let Value::Array(items) = &n.value else {
            return Err(self.wrong_type("taxonomies", n, "a list of tables"));
        };
        for item in items {
            let Value::Table(t) = &item.value else {
                return Err(self.wrong_type("taxonomies", item, "a table"));
            };
            let name = self.string(t, "name")?.unwrap_or_default();
            out.push(ZolaTaxonomy {
                slug: slugify_paths(&name, slugify),
                name,
                lang: lang.to_string(),
                paginate_by: self.usize(t, "paginate_by")?,
                paginate_path: self
                    .string(t, "paginate_path")?
                    .unwrap_or_else(|| "page".to_string()),
                render: self.bool(t, "render", true)?,
                feed: self.bool(t, "feed", false)?,
            });
        }
        Ok(())
    }

    fn language(
        &self,
        table: &Table,
        code: &str,
        defaults: &LanguageOptions,
    ) -> Fallible<LanguageOptions> {
        Ok(LanguageOptions {
            code: code.to_string(),
            generate_feeds: self.bool(table, "generate_feeds", defaults.generate_feeds)?,
            feed_filenames: match self.strings(table, "feed_filenames")? {
                Some(f) => f.into_iter().map(|(s, _)| s).collect(),
                None => defaults.feed_filenames.clone(),
            },
            build_search_index: self.bool(
                table,
                "build_search_index",
                defaults.build_search_index,
            )?,
        })
    }
}

/// Whether a language code is one Zola 0.22.1 accepts (`unic_langid`
/// parses it): letters, digits and `-`/`_` separated subtags.
fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code
            .split(['-', '_'])
            .all(|s| !s.is_empty() && s.len() <= 8 && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl ZolaConfig {
    /// Read the `config.toml` of the site at `root`.
    pub fn load(root: &Path) -> Fallible<ZolaConfig> {
        let path = root.join(CONFIG_FILE);
        let source = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(s)) => s,
            Ok(Err(_)) => {
                return Err(ConfigError {
                    path,
                    source: String::new(),
                    span: None,
                    message: "cannot read the Zola configuration: it is not UTF-8 text".into(),
                });
            }
            Err(e) => {
                return Err(ConfigError {
                    path,
                    source: String::new(),
                    span: None,
                    message: format!("cannot read the Zola configuration: {e}"),
                });
            }
        };
        ZolaConfig::parse(root, &path, &source)
    }

    /// The configuration from the text of `config.toml` (at `path`).
    pub fn parse(root: &Path, path: &Path, source: &str) -> Fallible<ZolaConfig> {
        let r = Reader { path, source };
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let table = crate::document::toml::parse(source, start..source.len()).map_err(|e| {
            r.error(
                Some(e.span),
                format!("invalid TOML in the Zola configuration: {}", e.message),
            )
        })?;
        let base_url = r.string(&table, "base_url")?.unwrap_or_default();
        // Zola 0.22.1: "A base URL is required in config.toml with key
        // `base_url`" (its default, `http://a-website.com`, counts as none).
        if base_url.is_empty() || base_url == "http://a-website.com" {
            return Err(r.error(
                get(&table, "base_url").map(|n| n.span.clone()),
                "Zola requires a `base_url` in config.toml: it fails the build without one".into(),
            ));
        }
        let default_language = r
            .string(&table, "default_language")?
            .unwrap_or_else(|| "en".to_string());
        if !valid_code(&default_language) {
            return Err(r.error(
                get(&table, "default_language").map(|n| n.span.clone()),
                format!("`{default_language}` is not a language code Zola accepts"),
            ));
        }
        let slugify = match r.table(&table, "slugify")? {
            Some(t) => SlugifyConfig {
                paths: r.slugify(t, "paths")?,
                paths_keep_dates: r.bool(t, "paths_keep_dates", false)?,
                taxonomies: r.slugify(t, "taxonomies")?,
                anchors: r.slugify(t, "anchors")?,
            },
            None => SlugifyConfig::default(),
        };
        let base = LanguageOptions {
            code: default_language.clone(),
            generate_feeds: false,
            feed_filenames: vec!["atom.xml".to_string()],
            build_search_index: false,
        };
        let top = r.language(&table, &default_language, &base)?;
        let mut taxonomies = Vec::new();
        r.taxonomies(
            &table,
            &default_language,
            slugify.taxonomies,
            &mut taxonomies,
        )?;
        let mut languages = vec![default_language.clone()];
        let mut language_options = vec![top.clone()];
        if let Some(langs) = r.table(&table, "languages")? {
            let mut others: Vec<(&str, &Node)> = langs
                .entries
                .iter()
                .map(|(k, v)| (k.name.as_str(), v))
                .collect();
            others.sort_by_key(|(code, _)| *code);
            for (code, node) in others {
                let Value::Table(t) = &node.value else {
                    return Err(r.wrong_type(&format!("languages.{code}"), node, "a table"));
                };
                if !valid_code(code) {
                    return Err(r.error(
                        Some(node.span.clone()),
                        format!("`{code}` is not a language code Zola accepts"),
                    ));
                }
                if code == default_language {
                    // Zola merges `[languages.<default>]` into the top level
                    // settings.
                    language_options[0] = r.language(t, code, &top)?;
                    if taxonomies.is_empty() {
                        r.taxonomies(t, code, slugify.taxonomies, &mut taxonomies)?;
                    }
                    continue;
                }
                languages.push(code.to_string());
                language_options.push(r.language(t, code, &base)?);
                r.taxonomies(t, code, slugify.taxonomies, &mut taxonomies)?;
            }
        }
        let build_search_index = language_options[0].build_search_index;
        let (search_index_extension, search_elasticlunr) = match r
            .table(&table, "search")?
            .and_then(|t| get(t, "index_format"))
            .and_then(Node::as_str)
        {
            Some("elasticlunr_json") => ("json", true),
            Some("fuse_json") => ("json", false),
            Some("fuse_javascript") => ("js", false),
            _ => ("js", true),
        };
        let taxonomy_pairs = taxonomies
            .iter()
            .filter(|t| t.lang == default_language)
            .map(|t| (t.name.clone(), t.name.clone()))
            .collect();
        Ok(ZolaConfig {
            root: root.to_path_buf(),
            taxonomy_pairs,
            file: path.to_path_buf(),
            title: r.string(&table, "title")?,
            base_url,
            default_language,
            languages,
            language_options,
            slugify,
            taxonomies,
            taxonomy_root: r.string(&table, "taxonomy_root")?,
            ignored_content: r.globs(&table, "ignored_content")?,
            ignored_static: r.globs(&table, "ignored_static")?,
            compile_sass: r.bool(&table, "compile_sass", false)?,
            build_search_index,
            search_index_extension,
            search_elasticlunr,
            generate_sitemap: r.bool(&table, "generate_sitemap", true)?,
            generate_robots_txt: r.bool(&table, "generate_robots_txt", true)?,
            theme: r.string(&table, "theme")?,
        })
    }

    /// The options of a language.
    pub fn language(&self, code: &str) -> Option<&LanguageOptions> {
        self.language_options.iter().find(|l| l.code == code)
    }

    /// Whether the site has languages besides the default.
    pub fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// The taxonomy of a language by name, if declared.
    pub fn taxonomy(&self, name: &str, lang: &str) -> Option<&ZolaTaxonomy> {
        self.taxonomies
            .iter()
            .find(|t| t.name == name && t.lang == lang)
    }

    /// The language of a site path: the language whose folder it is
    /// in, else the default.
    pub fn language_of_url(&self, url: &str) -> String {
        self.languages[1..]
            .iter()
            .find(|l| {
                url.strip_prefix('/')
                    .and_then(|u| u.strip_prefix(l.as_str()))
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
            .unwrap_or(&self.default_language)
            .clone()
    }

    /// The URL of a term's page (`/tags/rust/`): the language's folder,
    /// `taxonomy_root`, the taxonomy's slug and the term's
    /// (`slugify.taxonomies`).
    pub fn term_url(&self, taxonomy: &str, term: &str, lang: &str) -> String {
        let lang = if lang.is_empty() {
            self.default_language.as_str()
        } else {
            lang
        };
        let slug = self.taxonomy(taxonomy, lang).map_or_else(
            || slugify_paths(taxonomy, self.slugify.taxonomies),
            |t| t.slug.clone(),
        );
        let mut url = self.lang_prefix(lang);
        if let Some(root) = &self.taxonomy_root {
            url = format!("{url}/{root}");
        }
        format!(
            "{url}/{slug}/{}/",
            slugify_paths(term, self.slugify.taxonomies)
        )
    }

    /// The content folder.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// The URL path prefix of a language: `""` for the default, `/fr`.
    pub fn lang_prefix(&self, lang: &str) -> String {
        if lang == self.default_language || lang.is_empty() {
            String::new()
        } else {
            format!("/{lang}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Fallible<ZolaConfig> {
        ZolaConfig::parse(Path::new("/site"), Path::new("/site/config.toml"), text)
    }

    #[test]
    fn defaults_of_zola_0_22() {
        let c = parse("base_url = \"https://example.org\"\n").expect("config");
        assert_eq!(c.default_language, "en");
        assert_eq!(c.languages, ["en"]);
        assert_eq!(c.slugify, SlugifyConfig::default());
        assert_eq!(c.language_options[0].feed_filenames, ["atom.xml"]);
        assert!(!c.language_options[0].generate_feeds);
        assert!(c.generate_sitemap && c.generate_robots_txt);
        assert!(c.taxonomies.is_empty());
    }

    #[test]
    fn base_url_is_required() {
        let e = parse("title = \"x\"\n").expect_err("no base_url");
        assert!(e.message.contains("base_url"), "{}", e.message);
        let e = parse("base_url = 3\n").expect_err("not a string");
        assert_eq!(e.span, Some(11..12));
    }

    #[test]
    fn languages_taxonomies_and_slugify() {
        let c = parse(
            "base_url = \"https://example.org\"\ndefault_language = \"en\"\n\
             taxonomies = [{name = \"tags\", paginate_by = 2, feed = true}]\n\
             [slugify]\npaths = \"safe\"\ntaxonomies = \"off\"\n\
             [languages.fr]\ngenerate_feeds = true\ntaxonomies = [{name = \"Étiquettes\"}]\n",
        )
        .expect("config");
        assert_eq!(c.languages, ["en", "fr"]);
        assert_eq!(c.slugify.paths, Slugify::Safe);
        assert_eq!(c.slugify.taxonomies, Slugify::Off);
        assert_eq!(c.slugify.anchors, Slugify::On);
        assert_eq!(c.taxonomies.len(), 2);
        assert_eq!(c.taxonomies[0].paginate_by, Some(2));
        assert!(c.taxonomies[0].feed);
        assert_eq!(c.taxonomies[1].lang, "fr");
        assert_eq!(c.taxonomies[1].slug, "Étiquettes");
        assert!(c.language("fr").expect("fr").generate_feeds);
    }

    #[test]
    fn bad_values_point_into_the_file() {
        let text = "base_url = \"https://example.org\"\n[slugify]\npaths = \"maybe\"\n";
        let e = parse(text).expect_err("bad strategy");
        let span = e.span.expect("a span");
        assert_eq!(&text[span], "\"maybe\"");
        let e = parse("base_url = \"https://e.org\"\nignored_content = [\"a[\"]\n")
            .expect_err("bad glob");
        assert!(e.message.contains("ignored_content"), "{}", e.message);
    }
}
