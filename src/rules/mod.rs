//! The rule engine's vocabulary: what a rule is, and the table of all rules.
//!
//! A rule lives in one file of this folder: a `META` static (name, default
//! severity, options, its documentation page from `rules/<name>.md` at the top
//! of the repository) and a type implementing [`Rule`]. Add it to [`RULES`].

pub mod alias_collision;
pub mod broken_link;
pub mod conventions;
pub mod date_format;
pub mod description_length;
pub mod duplicates;
pub mod front_matter_syntax;
pub mod heading_hierarchy;
pub mod image_alt;
pub mod required_front_matter;
pub mod schema;
pub mod taxonomy_spelling;
pub mod unknown_suppression;
pub mod unused_suppression;
pub mod url_collision;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;
use crate::site::Generator;
use crate::site::index::SiteIndex;

/// Every rule, in the order `bloglint rules` lists them.
pub static RULES: &[&RuleMeta] = &[
    &front_matter_syntax::META,
    &required_front_matter::META,
    &date_format::META,
    &heading_hierarchy::META,
    &description_length::META,
    &alias_collision::META,
    &url_collision::META,
    &taxonomy_spelling::META,
    &broken_link::META,
    &duplicates::TITLE,
    &duplicates::DESCRIPTION,
    &image_alt::META,
    &unknown_suppression::META,
    &unused_suppression::META,
];

/// Rules a configuration must turn on (`severity = "warning"`).
pub static OFF_BY_DEFAULT: &[&str] = &[unused_suppression::META.name];

/// A rule's level when the configuration does not set it.
pub fn default_level(meta: &RuleMeta) -> crate::diagnostic::Level {
    if OFF_BY_DEFAULT.contains(&meta.name) {
        crate::diagnostic::Level::Off
    } else {
        crate::diagnostic::Level::On(meta.severity)
    }
}

/// Options a site-wide check reads from the base configuration only:
/// overrides may not set them.
pub fn is_site_option(meta: &RuleMeta, option: &str) -> bool {
    meta.name == required_front_matter::META.name
        && required_front_matter::SITE_OPTIONS.contains(&option)
}

pub fn find(name: &str) -> Option<&'static RuleMeta> {
    RULES.iter().copied().find(|m| m.name == name)
}

/// Whether a rule looks at one post or at the whole site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Post,
    Site,
    /// Both: `check_post` on each post (with the post's configuration) and
    /// `check_site` once over the site (with the base configuration).
    PostAndSite,
}

impl Scope {
    /// Whether the rule's `check_post` runs.
    pub fn on_posts(self) -> bool {
        self != Scope::Site
    }

    /// Whether the rule's `check_site` runs.
    pub fn on_site(self) -> bool {
        self != Scope::Post
    }
}

/// One option a rule accepts in `bloglint.toml`.
pub struct OptionMeta {
    pub name: &'static str,
    /// The default, as a TOML literal (printed by `bloglint config`); or,
    /// for an option whose default is to be absent, a commented example
    /// (lines starting with `#`) printed as it is.
    pub default: &'static str,
    pub help: &'static str,
}

/// What a rule is: everything but its code.
pub struct RuleMeta {
    pub name: &'static str,
    pub severity: Severity,
    pub scope: Scope,
    /// A site rule whose findings in a file depend on that file's body
    /// beyond its heading ids (`broken-link`: its links). The language
    /// server keeps the other site rules' findings while an edit leaves
    /// the front matter and the heading ids as they were, and reruns these
    /// (`lib::relint_post`).
    pub reads_bodies: bool,
    /// One line: what the rule reports.
    pub summary: &'static str,
    /// The rule's page, `rules/<name>.md`, compiled in.
    pub doc: &'static str,
    pub options: &'static [OptionMeta],
    /// Build the rule from its (already key-checked) options.
    pub build: fn(&Options) -> Result<Box<dyn Rule>, OptionError>,
}

/// What every rule may read besides the post itself.
pub struct Context<'a> {
    /// The generator that publishes the site, with its configuration.
    pub generator: &'a Generator,
    /// "Now", in seconds since the Unix epoch (UTC): injectable for tests.
    pub now: i64,
    /// Posts Hugo never renders as pages of their own (headless,
    /// `build.render: never`, cascaded, content files inside a leaf bundle):
    /// page-level rules skip them.
    pub unrendered: std::collections::HashSet<std::path::PathBuf>,
    /// Pages a section leaves out for want of the field it sorts its pages
    /// by (Zola: `sort_by = "date"` and no date), with that field.
    pub unsorted: std::collections::HashMap<std::path::PathBuf, &'static str>,
    /// When only some files are reported on (a pre-commit run): those. A
    /// site rule may skip the work of findings located elsewhere.
    pub only: Option<&'a std::collections::HashSet<std::path::PathBuf>>,
    /// What the whole site's pages do (which sections date or describe
    /// their pages, which URLs hold a date): rule defaults follow it. Read
    /// it through [`Context::conventions`]: a lint makes it while the site
    /// rules run ([`crate::conventions`]).
    pub conventions: std::sync::OnceLock<conventions::Conventions>,
    /// Posts whose front matter does not parse (Hugo stops on them): no
    /// index has them, but links into them reach a file that exists.
    pub unparsed: Vec<&'a Post>,
}

impl<'a> Context<'a> {
    /// A context where every post is rendered (tests, single posts).
    pub fn new(generator: &'a Generator, now: i64) -> Self {
        Context {
            generator,
            now,
            unrendered: Default::default(),
            unsorted: Default::default(),
            only: None,
            conventions: std::sync::OnceLock::from(conventions::Conventions::default()),
            unparsed: Vec::new(),
        }
    }

    /// What the whole site's pages do; made alongside the site rules, so
    /// that one of them that asks waits for it.
    pub fn conventions(&self) -> &conventions::Conventions {
        self.conventions.wait()
    }

    /// Whether findings located in this file are reported.
    pub fn reports(&self, path: &std::path::Path) -> bool {
        self.only.is_none_or(|only| only.contains(path))
    }

    /// Whether Hugo renders this post as a page of its own.
    pub fn is_rendered(&self, post: &Post) -> bool {
        !self.unrendered.contains(&post.path)
    }
}

/// A rule's checks. A post rule implements `check_post`, a site rule
/// `check_site`; the other keeps its empty default.
pub trait Rule: Send + Sync {
    fn check_post(&self, _post: &Post, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
    fn check_site(&self, _site: &SiteIndex, _cx: &Context, _out: &mut Vec<Diagnostic>) {}

    /// A site rule's digest of what it reads of one post. While it is the
    /// same for every post an edit changed, and the site's pages are what
    /// they were ([`crate::site::index::pages_digest`]), the rule finds
    /// what it found before, moved with the edit: the language server keeps
    /// those findings instead of running the rule again. `None` (the
    /// default): not known, the rule runs again.
    fn digest(&self, _generator: &Generator, _post: &Post) -> Option<u64> {
        None
    }
}

/// The text a front matter value is written as, hashed into `h` (for
/// [`Rule::digest`]); a missing value hashes apart from any written one.
pub fn hash_written(
    h: &mut impl std::hash::Hasher,
    post: &Post,
    node: Option<&crate::document::Node>,
) {
    use std::hash::Hash;
    node.and_then(|n| post.source.get(n.span.clone())).hash(h);
}

/// A rule option's value as written in `bloglint.toml`, with its span there.
pub type OptionValue = toml::Spanned<toml::Value>;

/// A rule's options from the configuration: keys already checked against the
/// rule's [`OptionMeta`] list.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub values: BTreeMap<String, OptionValue>,
    /// The same values with the span of every nested key and value, for
    /// options that are tables or lists of tables (a rule's own errors
    /// then point inside them).
    pub trees: BTreeMap<String, OptionTree>,
}

/// An option value as written in `bloglint.toml`, every part with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionTree {
    pub span: Range<usize>,
    pub value: TreeValue,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TreeValue {
    /// A string, number, boolean or date.
    Scalar(toml::Value),
    Array(Vec<OptionTree>),
    /// Keys in the order written, each with its own span.
    Table(Vec<(String, Range<usize>, OptionTree)>),
}

impl OptionTree {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            TreeValue::Scalar(toml::Value::String(s)) => Some(s),
            _ => None,
        }
    }

    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            TreeValue::Scalar(v) => v.type_str(),
            TreeValue::Array(_) => "array",
            TreeValue::Table(_) => "table",
        }
    }
}

/// A bad option value, pointing into the configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    pub span: Range<usize>,
    pub message: String,
}

impl Options {
    fn get(&self, name: &str) -> Option<&OptionValue> {
        self.values.get(name)
    }

    /// An option with the spans of its parts (see [`Options::trees`]).
    pub fn tree(&self, name: &str) -> Option<&OptionTree> {
        self.trees.get(name)
    }

    fn error(v: &OptionValue, name: &str, expected: &str) -> OptionError {
        OptionError {
            span: v.span(),
            message: format!("option `{name}` must be {expected}"),
        }
    }

    pub fn usize(&self, name: &str, default: usize) -> Result<usize, OptionError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.get_ref() {
                toml::Value::Integer(i) if *i >= 0 => Ok(*i as usize),
                _ => Err(Self::error(v, name, "a non-negative integer")),
            },
        }
    }

    pub fn bool(&self, name: &str, default: bool) -> Result<bool, OptionError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => match v.get_ref() {
                toml::Value::Boolean(b) => Ok(*b),
                _ => Err(Self::error(v, name, "true or false")),
            },
        }
    }

    pub fn strings(&self, name: &str, default: &[&str]) -> Result<Vec<String>, OptionError> {
        match self.get(name) {
            None => Ok(default.iter().map(|s| s.to_string()).collect()),
            Some(v) => match v.get_ref() {
                toml::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| Self::error(v, name, "a list of strings")),
                _ => Err(Self::error(v, name, "a list of strings")),
            },
        }
    }

    /// One of `choices` (the first by default).
    pub fn choice(
        &self,
        name: &str,
        choices: &[&'static str],
    ) -> Result<&'static str, OptionError> {
        let Some(v) = self.get(name) else {
            return Ok(choices.first().copied().unwrap_or_default());
        };
        v.get_ref()
            .as_str()
            .and_then(|s| choices.iter().copied().find(|c| *c == s))
            .ok_or_else(|| {
                let list: Vec<String> = choices.iter().map(|c| format!("\"{c}\"")).collect();
                Self::error(v, name, &format!("one of {}", list.join(", ")))
            })
    }

    /// A table (empty by default) whose values `item` reads: `None` for a
    /// value it rejects, reported as `expected`.
    pub fn table<T>(
        &self,
        name: &str,
        expected: &str,
        item: impl Fn(&toml::Value) -> Option<T>,
    ) -> Result<BTreeMap<String, T>, OptionError> {
        let Some(v) = self.get(name) else {
            return Ok(BTreeMap::new());
        };
        v.get_ref()
            .as_table()
            .and_then(|t| {
                t.iter()
                    .map(|(k, x)| item(x).map(|x| (k.clone(), x)))
                    .collect()
            })
            .ok_or_else(|| Self::error(v, name, expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for m in RULES {
            assert!(seen.insert(m.name), "duplicate rule {}", m.name);
            assert!(
                m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                m.name
            );
        }
    }

    #[test]
    fn every_rule_has_its_page_with_the_sections() {
        for m in RULES {
            assert!(
                m.doc.starts_with(&format!("# {}\n", m.name)),
                "rules/{}.md must start with `# {}`",
                m.name,
                m.name
            );
            for section in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Options",
                "## Fix",
            ] {
                assert!(
                    m.doc.contains(section),
                    "rules/{}.md lacks `{section}`",
                    m.name
                );
            }
            for o in m.options {
                assert!(
                    m.doc.contains(&format!("`{}`", o.name)),
                    "rules/{}.md does not document option `{}`",
                    m.name,
                    o.name
                );
            }
        }
    }

    #[test]
    fn every_page_in_rules_dir_is_a_rule() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.extension().is_some_and(|e| e == "md") && stem != "README" {
                assert!(find(&stem).is_some(), "rules/{stem}.md has no rule");
            }
        }
    }

    /// The README's rule table lists every rule, with its default, and
    /// nothing else: it cannot drift from `RULES`.
    #[test]
    fn the_readme_table_lists_every_rule() {
        let readme = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
        )
        .unwrap();
        let rows: Vec<(String, String)> = readme
            .lines()
            .filter_map(|l| l.strip_prefix("| [`"))
            .filter_map(|l| {
                let (name, rest) = l.split_once('`')?;
                let default = rest.split('|').nth(1)?.trim().to_string();
                Some((name.to_string(), default))
            })
            .collect();
        let expected: Vec<(String, String)> = RULES
            .iter()
            .map(|m| {
                let default = match default_level(m) {
                    crate::diagnostic::Level::Off => "off".to_string(),
                    crate::diagnostic::Level::On(s) => s.to_string(),
                };
                (m.name.to_string(), default)
            })
            .collect();
        assert_eq!(rows, expected, "README.md's rule table and RULES differ");
    }

    #[test]
    fn default_options_build_every_rule() {
        for m in RULES {
            let mut opts = Options::default();
            for o in m.options.iter().filter(|o| !o.default.starts_with('#')) {
                let v: toml::Table = toml::from_str(&format!("v = {}", o.default)).unwrap();
                opts.values
                    .insert(o.name.to_string(), toml::Spanned::new(0..0, v["v"].clone()));
            }
            assert!((m.build)(&opts).is_ok(), "{} defaults do not build", m.name);
        }
    }
}
