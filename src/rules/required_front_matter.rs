//! `required-front-matter`: fields the site needs are present, and Hugo's own
//! fields have the type Hugo expects.

use super::conventions::{DateUrl, Group};
use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Node, PageKind, Post, Value, edit};
use crate::site::Generator;
use crate::site::index::SiteIndex;
use crate::site::model::Role;

pub static META: RuleMeta = RuleMeta {
    name: "required-front-matter",
    severity: Severity::Error,
    scope: Scope::PostAndSite,
    reads_bodies: false,
    summary: "Required front matter fields are missing or have the wrong type, as the generator and the site's schemas say",
    doc: include_str!("../../rules/required-front-matter.md"),
    options: &[
        OptionMeta {
            name: "fields",
            default: "[\"title\"]",
            help: "Fields every page must have (home, list and regular pages).",
        },
        OptionMeta {
            name: "section-page-fields",
            default: "[\"date\"]",
            help: "Fields every regular page inside a section must have (not _index.md, not top-level pages); `date` as the `date` option says.",
        },
        OptionMeta {
            name: "date",
            default: "\"when-the-site-uses-it\"",
            help: "When `section-page-fields` lists `date`, which pages need one: \"when-the-site-uses-it\" (the page's URL holds a date token, or most pages of its section have a date) or \"always\".",
        },
        OptionMeta {
            name: "unknown-keys",
            default: "\"off\"",
            help: "\"warn\": report front matter keys that neither a schema of the page nor the generator declares (a typo like `descripton`).",
        },
        OptionMeta {
            name: "schema",
            default: SCHEMA_EXAMPLE,
            help: "Front matter schemas: the fields pages under `paths` (globs from the site's root; default every page) must have, with a type and constraints: required, non-empty, one-of, pattern, length, count (a list's items), unique (\"site\" or \"section\"), exists (\"site-path\"), data-key (a data file's keys). None by default.",
        },
    ],
    build,
};

/// `bloglint config`'s commented example of a schema.
const SCHEMA_EXAMPLE: &str = "# [[rules.required-front-matter.schema]]
# paths = [\"content/posts/**\"]
# [rules.required-front-matter.schema.fields]
# title = { type = \"string\", required = true, length = [10, 70] }
# tags = { type = \"list\", items = \"string\", count = [1, 5] }
# status = { type = \"string\", one-of = [\"draft\", \"review\", \"live\"] }
# slug = { type = \"string\", pattern = \"^[a-z0-9-]+$\", unique = \"site\" }
# weight = { type = \"integer\", unique = \"section\" }
# image = { type = \"string\", exists = \"site-path\" }
# author = { type = \"string\", data-key = \"authors\" }";

/// Options read from the base configuration only (the schemas are checked
/// once over the whole site): an override may not set them.
pub const SITE_OPTIONS: &[&str] = &["schema", "unknown-keys"];

fn build(o: &Options) -> Result<Box<dyn Rule>, OptionError> {
    let always = o.choice("date", &["when-the-site-uses-it", "always"])? == "always";
    Ok(Box::new(RequiredFrontMatter {
        fields: o.strings("fields", &["title"])?,
        section_page_fields: o.strings("section-page-fields", &["date"])?,
        date_always: always,
        schemas: super::schema::Schemas::from_options(o)?,
    }))
}

struct RequiredFrontMatter {
    fields: Vec<String>,
    section_page_fields: Vec<String>,
    /// `date = "always"`: every regular page in a section needs a date.
    date_always: bool,
    /// The site's own schemas (`schema`), checked over the whole site.
    schemas: Option<super::schema::Schemas>,
}

/// Why a page needs a `date`.
enum Needs<'a> {
    /// `fields` lists it, or `date = "always"`.
    Configured,
    /// Its URL holds a date token.
    Url(&'a DateUrl),
    /// Most pages of its section have one.
    Section(&'a Group),
    /// Its section sorts its pages by this field, and leaves out (does not
    /// write) a page without it: Zola 0.22.1's `sort_by`.
    Sorted(&'static str),
}

fn is_empty(node: &Node) -> bool {
    match &node.value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

impl RequiredFrontMatter {
    /// The fields of `fields` and `section-page-fields` the page must have.
    fn check_fields(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // A page its section leaves out for want of the field it sorts by
        // needs that field, whatever the options say (`updated` sorts
        // pages by `updated`, else `date`: a date keeps the page).
        let sorted = cx.unsorted.get(&post.path).map(|&key| match key {
            "updated" => ("date", key),
            _ => (key, key),
        });
        if let Some((field, key)) = sorted {
            self.check_present(post, cx, field, &Needs::Sorted(key), out);
        }
        let reported = |f: &str| sorted.is_some_and(|(field, _)| field.eq_ignore_ascii_case(f));
        for f in &self.fields {
            if !reported(f) {
                self.check_present(post, cx, f, &Needs::Configured, out);
            }
        }
        let in_fields = |f: &str| self.fields.iter().any(|g| g.eq_ignore_ascii_case(f));
        for f in &self.section_page_fields {
            if in_fields(f) || reported(f) {
                continue;
            }
            if f.eq_ignore_ascii_case("date") {
                if let Some(needs) = self.needs_date(post, cx) {
                    self.check_present(post, cx, f, &needs, out);
                }
            } else if post.kind == PageKind::Page {
                self.check_present(post, cx, f, &Needs::Configured, out);
            }
        }
    }

    /// Whether and why a page needs a `date` (`section` is whether
    /// `section-page-fields` asks for it here).
    fn needs_date<'c>(&self, post: &Post, cx: &'c Context) -> Option<Needs<'c>> {
        let conventions = cx.conventions();
        if let Some(d) = conventions.date_url(&post.path) {
            return Some(Needs::Url(d));
        }
        if post.kind != PageKind::Page {
            return None;
        }
        if let Some(g) = conventions.group(&post.path).filter(|g| g.mostly(g.dated)) {
            return Some(Needs::Section(g));
        }
        self.date_always.then_some(Needs::Configured)
    }

    fn check_present(
        &self,
        post: &Post,
        cx: &Context,
        field: &str,
        needs: &Needs,
        out: &mut Vec<Diagnostic>,
    ) {
        let is_date = field.eq_ignore_ascii_case("date");
        if is_date && date_from_elsewhere(post, cx.generator.date_keys()) {
            return;
        }
        // Any of the keys Hugo's `[frontmatter] date` lists gives the page its date.
        let found = if is_date {
            first_date_key(post, cx.generator.date_keys())
        } else {
            post.field(field)
        };
        // Jekyll: front matter defaults count as front matter, and every
        // document gets a title from its file name (Jekyll 4.3.1).
        let is_title = field.eq_ignore_ascii_case("title");
        if found.is_none()
            && (cx.generator.default_field(post, field).is_some()
                || is_title && cx.generator.titles_from_file(post)
                || is_title && cx.generator.untitled_by_design(post))
        {
            return;
        }
        let why = match needs {
            Needs::Configured => String::new(),
            Needs::Url(d) => format!(
                ": the page's {} `{}` uses it",
                if d.from_url { "`url`" } else { "permalink" },
                d.pattern
            ),
            Needs::Sorted(key) => format!(
                ": its section sorts its pages by `{key}` (`sort_by`), and {} does not write a page without it",
                cx.generator.name()
            ),
            Needs::Section(g) => {
                let others = g.pages.saturating_sub(1);
                format!(
                    ": {} of the {others} {} have one",
                    g.dated,
                    g.others(cx.conventions().multilingual)
                )
            }
        };
        match found {
            Some(node) if is_empty(node) => out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Error,
                    node.span.clone(),
                    format!("`{field}` is empty{why}"),
                )
                .with_label("empty value")
                .with_help(format!(
                    "give `{field}` a value; an empty one counts as missing"
                )),
            ),
            Some(_) => {}
            None => {
                let jekyll = cx.generator.kind() == crate::site::generator::GeneratorKind::Jekyll;
                let help = match needs {
                    Needs::Sorted(_) if is_date => "add `date = 2024-01-14` to the front matter, or start the file name with the date (`2024-01-14-name.md`): until then the page is left out of its section and no page is written for it, though its `@/` links resolve".to_string(),
                    Needs::Sorted(key) => format!("add `{field}` to the front matter (the section's `sort_by` is `{key}`): until then the page is left out of its section and no page is written for it, though its `@/` links resolve"),
                    _ if !is_date => format!("add `{field}` to the front matter"),
                    // Jekyll 4.3.1 dates a document without one at the
                    // build's time (`site.time`).
                    _ if jekyll => "add `date: YYYY-MM-DD` to the front matter; without it Jekyll dates the document at the time of each build".to_string(),
                    _ if let Some(help) = cx.generator.missing_date_help() => help.to_string(),
                    Needs::Url(d) => format!(
                        "add `date: YYYY-MM-DD` to the front matter; without it Hugo dates the page 0001-01-01 and `{}` publishes it at {}",
                        d.token, d.url
                    ),
                    Needs::Section(_) => "add `date: YYYY-MM-DD` to the front matter; without it Hugo dates the page 0001-01-01 and sorts it as the oldest page".to_string(),
                    Needs::Configured => "add `date: YYYY-MM-DD` to the front matter; without it Hugo dates the page 0001-01-01 and date-based URLs publish under /1/01/".to_string(),
                };
                let where_ = if post.front_matter.is_some() {
                    "front matter"
                } else {
                    "file (it has no front matter)"
                };
                let mut d = Diagnostic::new(
                    META.name,
                    Severity::Error,
                    post.front_matter_anchor(),
                    format!("required field `{field}` is missing{why}"),
                )
                .with_label(format!("no `{field}` in this {where_}"))
                .with_help(help);
                if let Some(f) = fill_in(post, field) {
                    d = d.with_fix(f);
                }
                out.push(d);
            }
        }
    }
}

impl Rule for RequiredFrontMatter {
    fn check_site(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        if let Some(schemas) = &self.schemas {
            schemas.check(site, cx, out);
        }
    }

    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Hugo fails on it in any content file, rendered or not.
        removed_build_key(post, out);
        // Snippets Hugo never renders as pages need no page furniture.
        if !cx.is_rendered(post) {
            return;
        }
        // Front matter the generator does not read (front-matter-syntax
        // says so), and pages that only redirect, show none of it.
        if !cx.generator.reads_front_matter(post) {
            return;
        }
        // A page that redirects shows none of its fields: types only.
        let redirects = cx.generator.redirects_away(post);
        if !redirects && cx.conventions().stub_of(&post.path).is_some() {
            // A translation stub: its theme shows the translation's title,
            // date and body (Hugo alone would show an empty title), and that
            // page is checked. Its own date still makes a date URL.
            let wants_date = self
                .fields
                .iter()
                .chain(&self.section_page_fields)
                .any(|f| f.eq_ignore_ascii_case("date"));
            if let (true, Some(d)) = (wants_date, cx.conventions().date_url(&post.path)) {
                self.check_present(post, cx, "date", &Needs::Url(d), out);
            }
        } else if !redirects {
            self.check_fields(post, cx, out);
        }
        let Some(fm) = &post.front_matter else {
            return;
        };
        let g = cx.generator;
        let strings = [
            g.key(Role::Title),
            g.key(Role::Description),
            g.key(Role::Slug),
            g.key(Role::Url),
        ];
        let hugo = g.kind() == crate::site::generator::GeneratorKind::Hugo;
        for (key, node) in &fm.root.entries {
            let name = key.name.to_ascii_lowercase();
            if strings.contains(&name.as_str()) || hugo && name == "linktitle" {
                check_string(g, &key.name, node, out);
            } else if name == g.key(Role::Draft) {
                check_bool(g, &key.name, node, out);
            } else if name == g.key(Role::Aliases)
                || cx
                    .generator
                    .taxonomies()
                    .iter()
                    .any(|(_, plural)| plural.eq_ignore_ascii_case(&name))
            {
                check_string_list(g, &key.name, node, out);
            }
        }
    }
}

/// The first of the keys Hugo reads the date from that the page has.
fn first_date_key<'p>(post: &'p Post, keys: &[String]) -> Option<&'p Node> {
    keys.iter().filter_map(|k| post.field(k)).next()
}

/// Whether Hugo finds a date for the page: in the front matter (the first
/// of the keys it reads, not empty) or elsewhere (file name, git, file
/// time), as `[frontmatter] date` says.
pub(crate) fn has_date(post: &Post, generator: &Generator) -> bool {
    let keys = generator.date_keys();
    date_from_elsewhere(post, keys) || first_date_key(post, keys).is_some_and(|n| !is_empty(n))
}

/// A value for a missing field the file itself gives: `date` from a
/// `YYYY-MM-DD-` file or bundle name (safe: the name says it), `title` from
/// the one h1 of the body (unsafe: the writer may want another title).
fn fill_in(post: &Post, field: &str) -> Option<Fix> {
    if field.eq_ignore_ascii_case("date") {
        let day = &file_stem(post)[..10.min(file_stem(post).len())];
        if !is_day_prefix(file_stem(post)) || !crate::calendar::is_day(day) {
            return None;
        }
        let e = edit::insert_field(post, "date", day, true)?;
        return Some(Fix::safe(
            format!("add `date: {day}` from the file name"),
            vec![e],
        ));
    }
    if field.eq_ignore_ascii_case("title") {
        let mut h1s = post.outline.headings.iter().filter(|h| h.level == 1);
        let h1 = h1s.next()?;
        let text = h1.text.trim();
        if h1s.next().is_some() || text.is_empty() || text.contains('\n') {
            return None;
        }
        let e = edit::insert_field(post, "title", text, false)?;
        return Some(Fix::unsafe_(
            format!("add `title: {text}` from the h1"),
            vec![e],
        ));
    }
    None
}

/// The file's name without extension, or its bundle folder's name.
fn file_stem(post: &Post) -> &str {
    let mut parts = post.content_path.rsplit('/');
    let name = parts.next().unwrap_or_default();
    let name = if name.starts_with("index.") || name.starts_with("_index.") {
        parts.next().unwrap_or_default()
    } else {
        name
    };
    name.split('.').next().unwrap_or(name)
}

/// `2024-03-01-…`: ten characters shaped like a date.
fn is_day_prefix(name: &str) -> bool {
    let b = name.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Whether Hugo dates the page without front matter: from git, the file's
/// modification time, or a `YYYY-MM-DD-` file name, as `[frontmatter] date` says.
fn date_from_elsewhere(post: &Post, sources: &[String]) -> bool {
    sources.iter().any(|s| match s.as_str() {
        ":git" | ":filemodtime" => true,
        ":filename" => is_day_prefix(file_stem(post)),
        _ => false,
    })
}

fn type_error(
    key: &str,
    node: &Node,
    expected: &str,
    severity: Severity,
    help: &str,
) -> Diagnostic {
    let what = match expected.strip_prefix("an item: ") {
        Some(item) => format!(
            "each item of `{key}` should be {item}, not {}",
            node.type_name()
        ),
        None => format!("`{key}` should be {expected}, not {}", node.type_name()),
    };
    Diagnostic::new(META.name, severity, node.span.clone(), what)
        .with_label(format!("{} here", node.type_name()))
        .with_help(help.to_string())
}

fn check_string(g: &Generator, key: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    let name = g.name();
    // Jekyll 4.3.1 fails the build on a `permalink` that is not a string
    // (`undefined method 'end_with?' for 12:Integer`).
    if let Generator::Jekyll(_) = g
        && key == g.key(Role::Url)
        && !matches!(node.value, Value::String(_) | Value::Null)
    {
        out.push(type_error(
            key,
            node,
            "a string",
            Severity::Error,
            "quote the value: Jekyll fails the build on a permalink that is not a string",
        ));
        return;
    }
    match &node.value {
        Value::String(_) | Value::Null => {}
        // Hugo converts a scalar to its text: it works, but say so.
        Value::Integer(_) | Value::Float(_) | Value::Bool(_) | Value::Datetime(_) => {
            out.push(type_error(
                key,
                node,
                "a string",
                Severity::Warning,
                &format!(
                    "quote the value; {name} converts it to text, which may not read as written"
                ),
            ))
        }
        Value::Array(_) | Value::Table(_) => out.push(type_error(
            key,
            node,
            "a string",
            Severity::Error,
            &format!("{name} reads this field as one string: write a single value"),
        )),
    }
}

fn check_bool(g: &Generator, key: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    if let Generator::Jekyll(_) = g {
        // Jekyll 4.3.1 leaves a page out only for `published: false`: any
        // other value (the string "false" too) publishes it.
        if !matches!(node.value, Value::Bool(_) | Value::Null) {
            out.push(type_error(
                key,
                node,
                "a boolean",
                Severity::Error,
                "write `true` or `false` without quotes: Jekyll publishes the page for any value but `false`",
            ));
        }
        return;
    }
    match &node.value {
        Value::Bool(_) | Value::Null => {}
        // Hugo's cast accepts the strings Go's strconv.ParseBool does.
        Value::String(s)
            if matches!(
                s.as_str(),
                "1" | "t"
                    | "T"
                    | "TRUE"
                    | "true"
                    | "True"
                    | "0"
                    | "f"
                    | "F"
                    | "FALSE"
                    | "false"
                    | "False"
            ) =>
        {
            out.push(type_error(
                key,
                node,
                "a boolean",
                Severity::Warning,
                "write true or false without quotes",
            ))
        }
        _ => out.push(type_error(
            key,
            node,
            "a boolean",
            Severity::Error,
            "write `true` or `false`; Hugo cannot read this value as a boolean",
        )),
    }
}

fn check_string_list(g: &Generator, key: &str, node: &Node, out: &mut Vec<Diagnostic>) {
    let name = g.name();
    match &node.value {
        Value::String(_) | Value::Null => {}
        Value::Array(items) => {
            for item in items {
                match &item.value {
                    Value::String(_) => {}
                    Value::Integer(_) | Value::Float(_) | Value::Bool(_) => out.push(type_error(
                        key,
                        item,
                        "an item: a string",
                        Severity::Warning,
                        &format!("quote the item; {name} converts it to text"),
                    )),
                    _ => out.push(type_error(
                        key,
                        item,
                        "an item: a string",
                        Severity::Error,
                        "each item must be one string",
                    )),
                }
            }
        }
        _ => out.push(type_error(
            key,
            node,
            "a list of strings",
            Severity::Error,
            "write a list, e.g. [\"a\", \"b\"], or one string",
        )),
    }
}

/// Hugo 0.168's own words for a `_build` front matter key (or one in
/// `cascade`): it logs them as an error and the build fails.
const REMOVED_BUILD: &str = "The \"_build\" front matter key was deprecated in Hugo 0.145.0 and subsequently removed. Use \"build\" instead.";

/// `_build` (any case) at the top of the front matter or in a `cascade`
/// map (or list of maps). Its fix drops the underscore: `build` takes the
/// same options, and Hugo before 0.145 read `_build` as `build`; not offered
/// when the table already has a `build` (the two would then clash).
fn removed_build_key(post: &Post, out: &mut Vec<Diagnostic>) {
    let Some(fm) = &post.front_matter else {
        return;
    };
    let mut tables = vec![&fm.root];
    if let Some(cascade) = fm.root.value("cascade") {
        match &cascade.value {
            Value::Table(t) => tables.push(t),
            Value::Array(items) => tables.extend(items.iter().filter_map(Node::as_table)),
            _ => {}
        }
    }
    for table in tables {
        for (key, _) in &table.entries {
            if !key.name.eq_ignore_ascii_case("_build") {
                continue;
            }
            let mut d = Diagnostic::new(
                META.name,
                Severity::Error,
                key.span.clone(),
                REMOVED_BUILD,
            )
            .with_label("Hugo 0.168 fails the build on this key")
            .with_help("rename it `build` (the same options: `list`, `render`, `publishResources`); see https://gohugo.io/content-management/build-options");
            let has_build = table.value("build").is_some();
            // The underscore as written (a key spelled with escapes gets no fix).
            let underscore = post
                .source
                .get(key.span.clone())
                .and_then(|k| k.to_ascii_lowercase().find("_build"))
                .map(|i| key.span.start + i);
            if let (false, Some(at)) = (has_build, underscore) {
                d = d.with_fix(Fix::safe(
                    "rename `_build` to `build`",
                    vec![crate::diagnostic::Edit {
                        range: at..at + 1,
                        text: String::new(),
                    }],
                ));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn post(content_path: &str) -> Post {
        Post::parse(
            PathBuf::from(content_path),
            content_path.into(),
            "---\ntitle: t\n---\n".into(),
        )
    }

    #[test]
    fn dates_hugo_takes_from_elsewhere() {
        let filename = vec![":filename".to_string()];
        assert!(date_from_elsewhere(
            &post("posts/2024-03-01-x.md"),
            &filename
        ));
        assert!(date_from_elsewhere(
            &post("posts/2024-03-01-x/index.md"),
            &filename
        ));
        assert!(!date_from_elsewhere(&post("posts/x.md"), &filename));
        assert!(!date_from_elsewhere(
            &post("posts/2024-3-01-x.md"),
            &filename
        ));
        assert!(date_from_elsewhere(
            &post("posts/x.md"),
            &[":git".to_string()]
        ));
        assert!(!date_from_elsewhere(
            &post("posts/2024-03-01-x.md"),
            &["date".to_string()]
        ));
    }
}
