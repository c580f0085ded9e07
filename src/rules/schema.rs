//! Front matter schemas: the fields a site's theme needs, per path glob,
//! declared in `bloglint.toml` under `required-front-matter` (its `schema`
//! and `unknown-keys` options). Read once from the configuration (every
//! bad setting is an error pointing into `bloglint.toml`), checked once
//! over the whole site: `unique` compares pages, `exists` looks paths up
//! among the site's URLs, `data-key` reads the site's data files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::Regex;

use super::{Context, OptionError, OptionTree, Options, TreeValue};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::frontmatter::scalar_string;
use crate::document::{Node, Post, Table, Value};
use crate::site::Generator;
use crate::site::index::{Page, SiteIndex};
use crate::site::links::{is_site_path, rooted_join, split_url};
use crate::site::model::Place;

/// The rule's name, for diagnostics.
const RULE: &str = "required-front-matter";

/// Every schema of the configuration, and whether keys none declares are
/// reported.
#[derive(Debug)]
pub struct Schemas {
    schemas: Vec<Schema>,
    unknown_keys: bool,
    /// The rule's own `fields` (every page must have them, reported by
    /// the rule already).
    base_fields: Vec<String>,
}

#[derive(Debug)]
struct Schema {
    /// `None`: every page.
    paths: Option<GlobSet>,
    /// The globs as written, for messages.
    written: String,
    fields: Vec<Field>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    String,
    Boolean,
    Integer,
    Number,
    Date,
    List,
    Map,
}

const TYPES: &[(&str, Type)] = &[
    ("string", Type::String),
    ("boolean", Type::Boolean),
    ("integer", Type::Integer),
    ("number", Type::Number),
    ("date", Type::Date),
    ("list", Type::List),
    ("map", Type::Map),
];

impl Type {
    fn noun(self) -> &'static str {
        match self {
            Type::String => "a string",
            Type::Boolean => "a boolean",
            Type::Integer => "an integer",
            Type::Number => "a number",
            Type::Date => "a date",
            Type::List => "a list",
            Type::Map => "a map",
        }
    }

    fn accepts(self, node: &Node, generator: &Generator) -> bool {
        match (self, &node.value) {
            (Type::String, Value::String(_))
            | (Type::Boolean, Value::Bool(_))
            | (Type::Integer, Value::Integer(_))
            | (Type::Number, Value::Integer(_) | Value::Float(_))
            | (Type::List, Value::Array(_))
            | (Type::Map, Value::Table(_)) => true,
            (Type::Date, _) => generator.reads_as_date(node),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unique {
    Site,
    Section,
}

#[derive(Debug)]
struct Field {
    name: String,
    ty: Option<Type>,
    /// For a list: the type of each item.
    items: Option<Type>,
    required: bool,
    non_empty: bool,
    one_of: Option<Vec<String>>,
    pattern: Option<Regex>,
    length: Option<(usize, usize)>,
    count: Option<(usize, usize)>,
    unique: Option<Unique>,
    exists: bool,
    data_key: Option<String>,
}

/// The constraints a field may have.
const CONSTRAINTS: &[&str] = &[
    "type",
    "items",
    "required",
    "non-empty",
    "one-of",
    "pattern",
    "length",
    "count",
    "unique",
    "exists",
    "data-key",
];

/// The keys a schema may have.
const SCHEMA_KEYS: &[&str] = &["paths", "fields"];

fn err(span: &Range<usize>, message: impl Into<String>) -> OptionError {
    OptionError {
        span: span.clone(),
        message: message.into(),
    }
}

fn choices(list: &[&str]) -> String {
    list.iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unknown(span: &Range<usize>, what: &str, name: &str, known: &[&str]) -> OptionError {
    let hint = known
        .iter()
        .min_by_key(|k| crate::text::edit_distance(k, name))
        .filter(|k| crate::text::edit_distance(k, name) <= 3)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    err(
        span,
        format!(
            "unknown {what} `{name}` (known: {}){hint}",
            known.join(", ")
        ),
    )
}

fn string<'t>(t: &'t OptionTree, what: &str) -> Result<&'t str, OptionError> {
    t.as_str().ok_or_else(|| {
        err(
            &t.span,
            format!("{what} must be a string, not {}", t.type_name()),
        )
    })
}

fn choice<T: Copy>(t: &OptionTree, what: &str, list: &[(&str, T)]) -> Result<T, OptionError> {
    let s = string(t, what)?;
    list.iter()
        .find(|(n, _)| *n == s)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = list.iter().map(|(n, _)| *n).collect();
            err(
                &t.span,
                format!("{what} must be one of {}, not \"{s}\"", choices(&names)),
            )
        })
}

fn boolean(t: &OptionTree, what: &str) -> Result<bool, OptionError> {
    match &t.value {
        TreeValue::Scalar(toml::Value::Boolean(b)) => Ok(*b),
        _ => Err(err(&t.span, format!("{what} must be true or false"))),
    }
}

/// `[min, max]`: two non-negative integers, the first not above the second.
fn range(t: &OptionTree, what: &str) -> Result<(usize, usize), OptionError> {
    let bad = || {
        err(
            &t.span,
            format!("{what} must be a range `[min, max]` of two non-negative integers"),
        )
    };
    let TreeValue::Array(items) = &t.value else {
        return Err(bad());
    };
    let ints: Vec<usize> = items
        .iter()
        .map(|i| match &i.value {
            TreeValue::Scalar(toml::Value::Integer(n)) => usize::try_from(*n).ok(),
            _ => None,
        })
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    match ints[..] {
        [min, max] if min <= max => Ok((min, max)),
        [min, max] => Err(err(
            &t.span,
            format!("{what} `[{min}, {max}]` is inverted: the minimum comes first"),
        )),
        _ => Err(bad()),
    }
}

/// A scalar of the configuration as the text it is compared with.
fn scalar_text(t: &OptionTree) -> Option<String> {
    match &t.value {
        TreeValue::Scalar(toml::Value::String(s)) => Some(s.clone()),
        TreeValue::Scalar(toml::Value::Integer(i)) => Some(i.to_string()),
        TreeValue::Scalar(toml::Value::Float(f)) => Some(f.to_string()),
        TreeValue::Scalar(toml::Value::Boolean(b)) => Some(b.to_string()),
        _ => None,
    }
}

impl Schemas {
    /// The schemas of the options, `None` when there are none (then nothing
    /// of this module runs).
    pub fn from_options(o: &Options) -> Result<Option<Schemas>, OptionError> {
        let unknown_keys = o.choice("unknown-keys", &["off", "warn"])? == "warn";
        let Some(tree) = o.tree("schema") else {
            if unknown_keys && let Some(v) = o.values.get("unknown-keys") {
                return Err(err(
                    &v.span(),
                    "`unknown-keys` needs a `schema`: it reports the keys no schema declares",
                ));
            }
            return Ok(None);
        };
        let items: Vec<&OptionTree> = match &tree.value {
            TreeValue::Array(items) => items.iter().collect(),
            TreeValue::Table(_) => vec![tree],
            _ => {
                return Err(err(
                    &tree.span,
                    "option `schema` must be a list of tables (`[[rules.required-front-matter.schema]]`)",
                ));
            }
        };
        let schemas = items
            .into_iter()
            .map(Schema::parse)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(Schemas {
            schemas,
            unknown_keys,
            base_fields: o.strings("fields", &["title"])?,
        }))
    }
}

impl Schema {
    fn parse(t: &OptionTree) -> Result<Schema, OptionError> {
        let TreeValue::Table(entries) = &t.value else {
            return Err(err(&t.span, "each schema must be a table"));
        };
        let mut paths = None;
        let mut written = "every page".to_string();
        let mut fields = None;
        for (key, key_span, v) in entries {
            match key.as_str() {
                "paths" => {
                    let TreeValue::Array(globs) = &v.value else {
                        return Err(err(&v.span, "`paths` must be a list of globs"));
                    };
                    let mut b = GlobSetBuilder::new();
                    let mut shown = Vec::new();
                    for g in globs {
                        let s = string(g, "a glob")?;
                        b.add(Glob::new(s).map_err(|e| err(&g.span, e.to_string()))?);
                        shown.push(format!("`{s}`"));
                    }
                    paths = Some(b.build().map_err(|e| err(&v.span, e.to_string()))?);
                    written = shown.join(", ");
                }
                "fields" => {
                    let TreeValue::Table(list) = &v.value else {
                        return Err(err(&v.span, "`fields` must be a table of field names"));
                    };
                    fields = Some(
                        list.iter()
                            .map(|(name, _, f)| Field::parse(name, f))
                            .collect::<Result<Vec<_>, _>>()?,
                    );
                }
                other => return Err(unknown(key_span, "schema key", other, SCHEMA_KEYS)),
            }
        }
        let fields = fields.ok_or_else(|| {
            err(
                &t.span,
                "a schema needs `fields` (`[rules.required-front-matter.schema.fields]`)",
            )
        })?;
        Ok(Schema {
            paths,
            written,
            fields,
        })
    }
}

impl Field {
    fn parse(name: &str, t: &OptionTree) -> Result<Field, OptionError> {
        let TreeValue::Table(entries) = &t.value else {
            return Err(err(
                &t.span,
                format!(
                    "field `{name}` must be a table of constraints, e.g. `{{ type = \"string\", required = true }}`"
                ),
            ));
        };
        let mut f = Field {
            name: name.to_string(),
            ty: None,
            items: None,
            required: false,
            non_empty: false,
            one_of: None,
            pattern: None,
            length: None,
            count: None,
            unique: None,
            exists: false,
            data_key: None,
        };
        let mut spans: HashMap<&str, Range<usize>> = HashMap::new();
        for (key, key_span, v) in entries {
            match key.as_str() {
                "type" => f.ty = Some(choice(v, "`type`", TYPES)?),
                "items" => f.items = Some(choice(v, "`items`", TYPES)?),
                "required" => f.required = boolean(v, "`required`")?,
                "non-empty" => f.non_empty = boolean(v, "`non-empty`")?,
                "one-of" => {
                    let TreeValue::Array(list) = &v.value else {
                        return Err(err(&v.span, "`one-of` must be a list of values"));
                    };
                    let values = list
                        .iter()
                        .map(|i| {
                            scalar_text(i).ok_or_else(|| {
                                err(
                                    &i.span,
                                    "each value of `one-of` must be a string, number or boolean",
                                )
                            })
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    if values.is_empty() {
                        return Err(err(&v.span, "`one-of` lists no value"));
                    }
                    f.one_of = Some(values);
                }
                "pattern" => {
                    let s = string(v, "`pattern`")?;
                    let re = Regex::new(s).map_err(|e| {
                        let e = e.to_string();
                        let last = e.lines().last().unwrap_or_default().trim().to_string();
                        err(
                            &v.span,
                            format!("`pattern` is not a valid regular expression: {last}"),
                        )
                    })?;
                    f.pattern = Some(re);
                }
                "length" => f.length = Some(range(v, "`length`")?),
                "count" => f.count = Some(range(v, "`count`")?),
                "unique" => {
                    f.unique = Some(choice(
                        v,
                        "`unique`",
                        &[("site", Unique::Site), ("section", Unique::Section)],
                    )?)
                }
                "exists" => {
                    choice(v, "`exists`", &[("site-path", ())])?;
                    f.exists = true;
                }
                "data-key" => {
                    let s = string(v, "`data-key`")?;
                    if s.is_empty() || s.contains(['/', '\\', '.']) {
                        return Err(err(
                            &v.span,
                            "`data-key` names a data file without folder or extension: \"authors\" for data/authors.yaml",
                        ));
                    }
                    f.data_key = Some(s.to_string());
                }
                other => return Err(unknown(key_span, "constraint", other, CONSTRAINTS)),
            }
            spans.insert(key.as_str(), v.span.clone());
        }
        // Constraints that cannot hold together.
        let at = |k: &str| spans.get(k).cloned().unwrap_or(t.span.clone());
        if f.items.is_some() && f.ty.is_some_and(|t| t != Type::List) {
            return Err(err(&at("items"), "`items` is for `type = \"list\"`"));
        }
        if f.items == Some(Type::List) {
            return Err(err(&at("items"), "`items` of a list may not be lists"));
        }
        if f.count.is_some() && f.ty.is_some_and(|t| t != Type::List) {
            return Err(err(
                &at("count"),
                "`count` is a list's number of items: it needs `type = \"list\"`",
            ));
        }
        // The type each value (or item) has, for the checks on text.
        let each = if f.ty == Some(Type::List) {
            f.items
        } else {
            f.ty
        };
        for k in ["pattern", "length", "exists", "data-key"] {
            if spans.contains_key(k)
                && let Some(ty) = each.filter(|t| *t != Type::String)
            {
                return Err(err(
                    &at(k),
                    format!("`{k}` checks text: it does not apply to {}", ty.noun()),
                ));
            }
        }
        if f.unique.is_some() && matches!(f.ty, Some(Type::List | Type::Map)) {
            return Err(err(
                &at("unique"),
                "`unique` compares one value per page: it does not apply to a list or map",
            ));
        }
        Ok(f)
    }
}

/// One page's value of a field, as the generator reads it.
fn lookup<'p>(generator: &Generator, table: &'p Table, name: &str) -> Option<&'p Node> {
    if generator.keys_ignore_case() {
        table.value(name)
    } else {
        table
            .entries
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
    }
}

/// A field's value on a page: in the front matter, or (Hugo) under its
/// `params`, which Hugo reads as the same `.Params`.
fn value<'p>(generator: &Generator, post: &'p Post, name: &str) -> Option<&'p Node> {
    let root = &post.front_matter.as_ref()?.root;
    lookup(generator, root, name).or_else(|| {
        if !generator.keys_ignore_case() {
            return None;
        }
        lookup(generator, root.value("params")?.as_table()?, name)
    })
}

/// Whether the rule checks the key's type as the generator reads it
/// (strings, `draft`/`published`, `aliases`/`redirect_from`, taxonomies).
fn typed_by_generator(generator: &Generator, name: &str) -> bool {
    use crate::site::model::Role;
    let same = |k: &str| {
        if generator.keys_ignore_case() {
            k.eq_ignore_ascii_case(name)
        } else {
            k == name
        }
    };
    [
        Role::Title,
        Role::Description,
        Role::Slug,
        Role::Url,
        Role::Draft,
        Role::Aliases,
    ]
    .iter()
    .any(|r| same(generator.key(*r)))
        || generator.keys_ignore_case() && same("linktitle")
        || generator
            .taxonomies()
            .iter()
            .any(|(_, plural)| same(plural))
}

/// A key of the front matter spelt as `name` in another case (read as
/// another key where keys are case-sensitive).
fn other_case<'p>(post: &'p Post, name: &str) -> Option<&'p str> {
    post.front_matter
        .as_ref()?
        .root
        .entries
        .iter()
        .map(|(k, _)| k.name.as_str())
        .find(|k| *k != name && k.eq_ignore_ascii_case(name))
}

fn is_null(node: &Node) -> bool {
    matches!(node.value, Value::Null)
}

fn is_empty(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Table(t) => t.entries.is_empty(),
        _ => false,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn range_text((min, max): (usize, usize)) -> String {
    if min == max {
        format!("exactly {min}")
    } else {
        format!("{min} to {max}")
    }
}

fn violation(node: &Node, message: String, label: String, help: String) -> Diagnostic {
    Diagnostic::new(RULE, Severity::Error, node.span.clone(), message)
        .with_label(label)
        .with_help(help)
}

/// The nearest of `candidates` to `wanted`, when close enough to be a typo.
fn did_you_mean<'c>(wanted: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let budget = AtomicUsize::new(100_000);
    crate::suggest::closest(wanted, candidates, &budget).map(|(c, _)| c)
}

/// A data file's top-level keys, or why there are none.
enum Data {
    Keys(PathBuf, HashSet<String>),
    Missing(Vec<PathBuf>),
    Bad(PathBuf, String),
}

fn read_data(generator: &Generator, name: &str) -> Data {
    let mut tried = Vec::new();
    let mut found: Option<PathBuf> = None;
    let mut keys = HashSet::new();
    // The site's data folder, then its themes' (Hugo merges them): the
    // file `<name>.<ext>` (the first extension found), and the folder
    // `<name>/`, whose files and folders are keys by name (Hugo 0.168 and
    // Jekyll 4.3.1 both read `data/authors/jane.yaml` as `authors.jane`).
    for dir in generator.data_dirs() {
        for ext in generator.data_extensions() {
            let path = dir.join(format!("{name}.{ext}"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                tried.push(path);
                continue;
            };
            let parsed = match *ext {
                "toml" => crate::document::toml::parse(&text, 0..text.len()),
                "json" => crate::document::json::parse(&text, 0..text.len()),
                _ => crate::document::yaml::parse(&text, 0..text.len()),
            };
            match parsed {
                Ok(t) => keys.extend(t.entries.into_iter().map(|(k, _)| k.name)),
                Err(e) => return Data::Bad(path, e.message),
            }
            found.get_or_insert(path);
            break;
        }
        // With a trailing slash, shown as a folder.
        let folder = dir.join(format!("{name}/"));
        let Ok(entries) = std::fs::read_dir(&folder) else {
            tried.push(folder);
            continue;
        };
        for e in entries.flatten() {
            let file_name = e.file_name();
            let Some(entry) = file_name.to_str() else {
                continue;
            };
            if e.path().is_dir() {
                keys.insert(entry.to_string());
            } else if let Some((stem, ext)) = entry.rsplit_once('.')
                && generator.data_extensions().contains(&ext)
            {
                keys.insert(stem.to_string());
            }
        }
        found.get_or_insert(folder);
    }
    match found {
        Some(path) => Data::Keys(path, keys),
        None => Data::Missing(tried),
    }
}

/// A path relative to the site's root, `/`-separated, for messages.
fn shown(generator: &Generator, path: &Path) -> String {
    let rel = path.strip_prefix(generator.root()).unwrap_or(path);
    let mut shown = crate::text::slashed(rel);
    if path.as_os_str().to_string_lossy().ends_with('/') && !shown.ends_with('/') {
        shown.push('/');
    }
    shown
}

/// A page checked against the schemas, with the fields that apply to it.
struct Checked<'s, 'a> {
    page: &'s Page<'a>,
    fields: Vec<(&'s Schema, &'s Field)>,
}

impl Schemas {
    /// Check every page of the site.
    pub fn check(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        let generator = site.generator;
        let root = generator.root();
        let mut seen = HashSet::new();
        let mut pages: Vec<Checked> = Vec::new();
        for page in &site.pages {
            let post = page.post;
            if !seen.insert(&post.path)
                || !cx.is_rendered(post)
                || !generator.reads_front_matter(post)
                || generator.redirects_away(post)
            {
                continue;
            }
            let rel = post.path.strip_prefix(root).unwrap_or(&post.path);
            let fields: Vec<(&Schema, &Field)> = self
                .schemas
                .iter()
                .filter(|s| s.paths.as_ref().is_none_or(|g| g.is_match(rel)))
                .flat_map(|s| s.fields.iter().map(move |f| (s, f)))
                .collect();
            if !fields.is_empty() {
                pages.push(Checked { page, fields });
            }
        }
        // In file order: a missing data file is reported at its first use.
        pages.sort_by(|a, b| a.page.post.path.cmp(&b.page.post.path));
        let mut data: BTreeMap<&str, Data> = BTreeMap::new();
        let mut data_reported: HashSet<&str> = HashSet::new();
        for c in &pages {
            let post = c.page.post;
            if !cx.reports(&post.path) {
                continue;
            }
            let mut found = Vec::new();
            for (schema, field) in &c.fields {
                self.check_field(c.page, schema, field, generator, &mut found);
                if let Some(name) = &field.data_key {
                    let d = data
                        .entry(name.as_str())
                        .or_insert_with(|| read_data(generator, name));
                    check_data_key(post, field, d, generator, &mut data_reported, &mut found);
                }
                if field.exists {
                    check_exists(c.page, field, site, generator, &mut found);
                }
            }
            if self.unknown_keys {
                unknown_keys(post, &c.fields, generator, &mut found);
            }
            out.extend(found.into_iter().map(|d| d.in_file(post.path.clone())));
        }
        check_unique(&pages, site, cx, out);
    }

    /// Presence, type and the constraints on the value of one field.
    fn check_field(
        &self,
        page: &Page,
        schema: &Schema,
        field: &Field,
        generator: &Generator,
        out: &mut Vec<Diagnostic>,
    ) {
        let post = page.post;
        let name = &field.name;
        let node = value(generator, post, name).filter(|n| !is_null(n));
        let Some(node) = node else {
            // A translation stub shows its translation's fields; the rule's
            // `fields` already report theirs.
            let base = self
                .base_fields
                .iter()
                .any(|f| f.eq_ignore_ascii_case(name));
            if !field.required || page.stub_of.is_some() || base {
                return;
            }
            // Jekyll: front matter defaults give it; every document a title.
            if generator.default_field(post, name).is_some()
                || name == "title"
                    && (generator.titles_from_file(post) || generator.untitled_by_design(post))
            {
                return;
            }
            let (span, label) = match value(generator, post, name) {
                Some(null) => (null.span.clone(), "no value".to_string()),
                None if post.front_matter.is_some() => (
                    post.front_matter_anchor(),
                    format!("no `{name}` in this front matter"),
                ),
                None => (
                    post.front_matter_anchor(),
                    format!("no `{name}` in this file (it has no front matter)"),
                ),
            };
            out.push(
                Diagnostic::new(
                    RULE,
                    Severity::Error,
                    span,
                    format!("required field `{name}` is missing"),
                )
                .with_label(label)
                .with_help(format!(
                    "add `{name}` to the front matter: the schema for {} in bloglint.toml requires it{}",
                    schema.written,
                    other_case(post, name)
                        .map(|k| format!(" (`{k}` is another key: {} keys are case-sensitive)", generator.name()))
                        .unwrap_or_default()
                )),
            );
            return;
        };
        // The generator's own typed keys (`title`, `draft`, `tags`…) have
        // their type checked as the generator reads them (above the
        // schemas): not twice.
        if let Some(ty) = field.ty
            && !typed_by_generator(generator, name)
            && !ty.accepts(node, generator)
        {
            let date_help = if ty == Type::Date {
                format!(
                    "; {} reads `2024-01-02` or `2024-01-02T15:04:05Z` as a date",
                    generator.name()
                )
            } else {
                String::new()
            };
            out.push(violation(
                node,
                format!("`{name}` should be {}, not {}", ty.noun(), node.type_name()),
                format!("{} here", node.type_name()),
                format!(
                    "the schema for {} in bloglint.toml declares `{name}` {}{date_help}",
                    schema.written,
                    ty.noun()
                ),
            ));
            return;
        }
        let base = self
            .base_fields
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name));
        if field.non_empty && !base && is_empty(node) {
            out.push(violation(
                node,
                format!("`{name}` is empty"),
                "empty value".into(),
                format!(
                    "give `{name}` a value: the schema for {} in bloglint.toml says it may not be empty",
                    schema.written
                ),
            ));
            return;
        }
        if let (Some((min, max)), Value::Array(items)) = (field.count, &node.value)
            && !(min..=max).contains(&items.len())
        {
            out.push(violation(
                node,
                format!(
                    "`{name}` has {}; the schema asks for {}",
                    plural(items.len(), "item", "items"),
                    range_text((min, max))
                ),
                plural(items.len(), "item", "items"),
                format!(
                    "the schema for {} in bloglint.toml sets `count = [{min}, {max}]`",
                    schema.written
                ),
            ));
        }
        // The constraints on each value: the items of a list, or the value.
        let each: Vec<&Node> = match &node.value {
            Value::Array(items) => items.iter().collect(),
            _ => vec![node],
        };
        let is_list = matches!(node.value, Value::Array(_));
        let what = if is_list {
            format!("an item of `{name}`")
        } else {
            format!("`{name}`")
        };
        for item in each {
            if is_list
                && let Some(ty) = field.items
                && !typed_by_generator(generator, name)
                && !ty.accepts(item, generator)
            {
                out.push(violation(
                    item,
                    format!(
                        "each item of `{name}` should be {}, not {}",
                        ty.noun(),
                        item.type_name()
                    ),
                    format!("{} here", item.type_name()),
                    format!(
                        "the schema for {} in bloglint.toml declares `items = \"{}\"`",
                        schema.written,
                        TYPES.iter().find(|(_, t)| *t == ty).map_or("", |(n, _)| *n)
                    ),
                ));
                continue;
            }
            let Some(text) = scalar_string(item) else {
                continue;
            };
            if let Some(allowed) = &field.one_of
                && !allowed.iter().any(|a| *a == text)
            {
                let listed: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                let help = match did_you_mean(&text, allowed.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("write one of {}", listed.join(", ")),
                };
                out.push(violation(
                    item,
                    format!("{what} is `{text}`, not one of {}", listed.join(", ")),
                    "not an allowed value".into(),
                    help,
                ));
            }
            if let Some(re) = &field.pattern
                && matches!(item.value, Value::String(_))
                && !re.is_match(&text)
            {
                out.push(violation(
                    item,
                    format!(
                        "{what} `{text}` does not match the pattern `{}`",
                        re.as_str()
                    ),
                    "does not match".into(),
                    format!(
                        "the schema for {} in bloglint.toml sets `pattern = \"{}\"`",
                        schema.written,
                        re.as_str()
                    ),
                ));
            }
            if let Some((min, max)) = field.length
                && matches!(item.value, Value::String(_))
            {
                let n = text.chars().count();
                if !(min..=max).contains(&n) {
                    out.push(violation(
                        item,
                        format!(
                            "{what} is {} long; the schema asks for {}",
                            plural(n, "character", "characters"),
                            range_text((min, max))
                        ),
                        plural(n, "character", "characters"),
                        format!(
                            "the schema for {} in bloglint.toml sets `length = [{min}, {max}]`",
                            schema.written
                        ),
                    ));
                }
            }
        }
    }
}

/// The string values of a field a reference check looks at: the value, or
/// the items of a list.
fn texts(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::String(_) => vec![node],
        Value::Array(items) => items
            .iter()
            .filter(|i| matches!(i.value, Value::String(_)))
            .collect(),
        _ => Vec::new(),
    }
}

fn check_data_key<'f>(
    post: &Post,
    field: &'f Field,
    data: &Data,
    generator: &Generator,
    reported: &mut HashSet<&'f str>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(node) = value(generator, post, &field.name) else {
        return;
    };
    let name = field.name.as_str();
    let file = field.data_key.as_deref().unwrap_or_default();
    for item in texts(node) {
        let Some(text) = item.as_str() else {
            continue;
        };
        match data {
            Data::Keys(path, keys) => {
                if keys.contains(text) {
                    continue;
                }
                let path = shown(generator, path);
                let help = match did_you_mean(text, keys.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("add `{text}` to {path}, or use one of its keys"),
                };
                out.push(violation(
                    item,
                    format!("`{name}` is `{text}`, which is not a key of {path}"),
                    format!("not in {path}"),
                    help,
                ));
            }
            // Once per data file and run, at the first value that needs it.
            Data::Missing(tried) => {
                if !reported.insert(file) {
                    return;
                }
                let tried: Vec<String> = tried.iter().map(|p| shown(generator, p)).collect();
                out.push(violation(
                    item,
                    format!("the data file `{file}` that `{name}` refers to does not exist"),
                    format!("{} has no data file `{file}`", generator.name()),
                    format!(
                        "bloglint.toml's `data-key = \"{file}\"` looks for {}; create it, or fix `data-key`",
                        tried.join(", ")
                    ),
                ));
                return;
            }
            Data::Bad(path, why) => {
                if !reported.insert(file) {
                    return;
                }
                let path = shown(generator, path);
                out.push(violation(
                    item,
                    format!("the data file {path} that `{name}` refers to has no keys to look `{text}` up in"),
                    format!("{path} is not read"),
                    format!("{path} must be a map at its top (`jane: {{…}}`): {why}"),
                ));
                return;
            }
        }
    }
}

/// `exists = "site-path"`: the value is a path the site publishes, looked
/// up as a link to it is: an absolute path among the site's URLs (pages,
/// static files, bundle resources; with or without the baseURL's path); a
/// relative one first as a file of the page's bundle (the page's folder
/// URL), then from the site's root, as `relURL`/`absURL` read it; on Hugo
/// also a file of `assets/` (`resources.Get`). URLs (`https://…`) are not
/// checked.
fn check_exists(
    page: &Page,
    field: &Field,
    site: &SiteIndex,
    generator: &Generator,
    out: &mut Vec<Diagnostic>,
) {
    let Some(node) = value(generator, page.post, &field.name) else {
        return;
    };
    for item in texts(node) {
        let Some(text) = item.as_str() else {
            continue;
        };
        if !is_site_path(text) {
            continue;
        }
        let (path, _) = split_url(text);
        if path.is_empty() {
            continue;
        }
        let mut candidates = Vec::new();
        if path.starts_with('/') {
            candidates.push(path.clone());
            if let Some(rest) = path.strip_prefix(&site.base_path)
                && rest.starts_with('/')
            {
                candidates.push(rest.to_string());
            }
        } else {
            let dir = page.url.rsplit_once('/').map_or("", |(d, _)| d);
            candidates.push(rooted_join(dir, &path));
            candidates.push(rooted_join("/", &path));
        }
        let served = |url: &str| {
            site.lookup(url).is_some()
                || !url.ends_with('/') && site.lookup(&format!("{url}/")).is_some()
        };
        if candidates.iter().any(|c| served(c)) || generator.is_asset(&path) {
            continue;
        }
        let name = &field.name;
        let looked = if path.starts_with('/') {
            format!("`{path}`")
        } else {
            candidates
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        out.push(violation(
            item,
            format!("`{name}` is `{text}`, which the site does not publish"),
            format!("nothing is published at {looked}"),
            format!(
                "bloglint.toml's schema says `{name}` is a path of the site (`exists = \"site-path\"`): fix the path, or add the file to the site"
            ),
        ));
    }
}

/// Keys of the front matter no schema of the page declares and the
/// generator does not read itself (a warning).
fn unknown_keys(
    post: &Post,
    fields: &[(&Schema, &Field)],
    generator: &Generator,
    out: &mut Vec<Diagnostic>,
) {
    let Some(fm) = &post.front_matter else {
        return;
    };
    let fold = generator.keys_ignore_case();
    let norm = |k: &str| {
        if fold {
            k.to_ascii_lowercase()
        } else {
            k.to_string()
        }
    };
    let mut known: Vec<String> = generator.own_front_matter_keys();
    known.extend(fields.iter().map(|(_, f)| norm(&f.name)));
    known.sort();
    known.dedup();
    for (key, _) in &fm.root.entries {
        let k = norm(&key.name);
        if known.binary_search(&k).is_ok() {
            continue;
        }
        let near = did_you_mean(&k, known.iter().map(String::as_str));
        let help = match near {
            Some(n) => format!("did you mean `{n}`?"),
            None => "declare it in a schema's `fields` in bloglint.toml, or remove it".into(),
        };
        out.push(
            Diagnostic::new(
                RULE,
                Severity::Warning,
                key.span.clone(),
                format!(
                    "front matter key `{}` is not declared by any schema",
                    key.name
                ),
            )
            .with_label(format!(
                "no schema declares it, and {} gives it no meaning",
                generator.name()
            ))
            .with_help(help),
        );
    }
}

/// `unique`: no two published pages (of one language; with `"section"`, of
/// one section) share the value.
fn check_unique(pages: &[Checked], site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
    let generator = site.generator;
    // (field, scope, language, section, value) → pages.
    type Group<'k> = (&'k str, Unique, &'k str, String, String);
    let mut groups: HashMap<Group, Vec<(usize, &Node)>> = HashMap::new();
    let mut order: Vec<Group> = Vec::new();
    for (i, c) in pages.iter().enumerate() {
        let page = c.page;
        if !page.is_published() || page.stub_of.is_some() {
            continue;
        }
        let mut done: HashSet<(&str, Unique)> = HashSet::new();
        for (_, field) in &c.fields {
            let Some(scope) = field.unique else {
                continue;
            };
            if !done.insert((field.name.as_str(), scope)) {
                continue;
            }
            let Some(node) = value(generator, page.post, &field.name) else {
                continue;
            };
            let Some(text) = scalar_string(node) else {
                continue;
            };
            let text = text.trim().to_string();
            if text.is_empty() {
                continue;
            }
            let section = match (scope, &page.place) {
                (Unique::Site, _) => String::new(),
                (Unique::Section, Place::Section(s)) => s.clone(),
                (Unique::Section, Place::Root) => "/".into(),
                (Unique::Section, Place::Lists) => continue,
            };
            let key = (
                field.name.as_str(),
                scope,
                page.lang.as_str(),
                section,
                text,
            );
            let members = groups.entry(key.clone()).or_default();
            if members.is_empty() {
                order.push(key);
            }
            members.push((i, node));
        }
    }
    let multilingual = generator.languages().len() > 1;
    for key in order {
        let members = &groups[&key];
        if members.len() < 2 {
            continue;
        }
        let (name, scope, lang, section, text) = &key;
        let within = match scope {
            Unique::Site => "site".to_string(),
            Unique::Section if section == "/" => "top-level pages".to_string(),
            Unique::Section => format!("section `{section}`"),
        };
        let lang = if multilingual {
            format!(" in `{lang}`")
        } else {
            String::new()
        };
        for &(i, node) in members {
            let page = pages[i].page;
            if !cx.reports(&page.post.path) {
                continue;
            }
            let others = members.len() - 1;
            let mut d = violation(
                node,
                format!(
                    "the `{name}` `{text}` is also the `{name}` of {} of the {within}{lang}",
                    plural(others, "other published page", "other published pages")
                ),
                format!("the same `{name}` as {}", plural(others, "other page", "other pages")),
                format!("the schema in bloglint.toml says `{name}` is unique in its {}: give each page its own", match scope {
                    Unique::Site => "site",
                    Unique::Section => "section",
                }),
            )
            .in_file(page.post.path.clone());
            for &(o, other) in members.iter().filter(|(o, _)| *o != i) {
                d = d.with_secondary(
                    Some(pages[o].page.post.path.clone()),
                    other.span.clone(),
                    format!("the same `{name}`, at `{}`", pages[o].page.url),
                );
            }
            out.push(d);
        }
    }
}
