//! Redirects the host serves besides Hugo's own: Netlify's and Cloudflare
//! Pages' `_redirects` file, and Netlify's `[[redirects]]` in `netlify.toml`.
//! A link to a path such a rule matches is not broken, though no page is
//! there.
//!
//! Read from: a `_redirects` at the root of a static directory (Hugo copies
//! it to the published root, where the host reads it), and `netlify.toml` at
//! the site root. Rules: `/from /to [status]` per line (`#` comments), query
//! conditions (`id=:id`) and Netlify's conditions after the status ignored;
//! `:name` matches one path segment, a trailing `*` (splat) any rest, so a
//! splat rule covers a prefix. A rule with status 404 (a custom error page)
//! serves no page and is left out.
//!
//! A `_redirects` the site generates (an output format whose `baseName` is
//! `_redirects`, written by a home template such as `layouts/index.redirects`)
//! is known only as far as its templates are literal: the lines of the
//! template, and of the partials it names literally, whose `from` has no
//! template action are rules; a line whose `from` is (partly) an action is a
//! rule bloglint cannot know, which may match any path that starts with its
//! literal part ([`Generated::unknown`]).
//!
//! Not read: rules whose `from` names a host (`https://old.example.org/*`),
//! and files of the host's other settings (`_headers`, Cloudflare's workers).

use std::path::{Path, PathBuf};

use crate::document::Value;
use crate::hugo::config::HugoConfig;

/// One redirect rule of the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostRedirect {
    /// As written: a host path, with `:name` segments and a trailing `*`.
    pub from: String,
    pub to: String,
    /// The status written (`301`, `200!`); `None` when left out (301).
    pub status: Option<String>,
    /// The file and the 1-based line of the rule.
    pub file: PathBuf,
    pub line: usize,
}

impl HostRedirect {
    /// Whether the rule matches a host path (`/docs/old/`, the baseURL's
    /// sub-path included). Trailing slashes and case do not matter (the
    /// hosts normalise both).
    pub fn matches(&self, path: &str) -> bool {
        from_matches(&self.from, path)
    }
}

/// Whether a rule's `from` matches a host path (see [`HostRedirect::matches`]).
pub fn from_matches(from: &str, path: &str) -> bool {
    {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let want: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
        let have: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        for (k, w) in want.iter().enumerate() {
            if *w == "*" && k + 1 == want.len() {
                return true;
            }
            let Some(h) = have.get(k) else {
                return false;
            };
            if let Some(prefix) = w.strip_suffix('*').filter(|_| k + 1 == want.len()) {
                return h.to_lowercase().starts_with(&prefix.to_lowercase());
            }
            if !w.starts_with(':') && !w.eq_ignore_ascii_case(h) {
                return false;
            }
        }
        want.len() == have.len()
    }
}

/// The host's redirect rules for a site at `root`: a published
/// `_redirects` among `static_files` (absolute path, published path), the
/// root's `netlify.toml`, and the rules the generator itself writes
/// (`generated`).
pub fn load(
    root: &Path,
    static_files: &[(PathBuf, String)],
    generated: Vec<HostRedirect>,
) -> Vec<HostRedirect> {
    let mut out = Vec::new();
    for (path, published) in static_files {
        if published == "/_redirects"
            && let Ok(text) = std::fs::read_to_string(path)
        {
            out.extend(parse_redirects_file(&text, path));
        }
    }
    let netlify = root.join("netlify.toml");
    if let Ok(text) = std::fs::read_to_string(&netlify) {
        out.extend(parse_netlify_toml(&text, &netlify));
    }
    out.extend(generated);
    out
}

/// What bloglint knows of a `_redirects` the site generates.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The home templates that write it (empty when the output format is
    /// defined but its template was not found: a module's, perhaps).
    pub templates: Vec<PathBuf>,
    /// Whether an output format writes a `_redirects` at all.
    pub defined: bool,
    /// The rules written literally.
    pub rules: Vec<HostRedirect>,
    /// Rules whose `from` a template action writes: the literal part before
    /// the action (empty: any path), the file and 1-based line.
    pub unknown: Vec<(String, PathBuf, usize)>,
}

impl Generated {
    /// A rule bloglint cannot know that may match a host path: its file and
    /// line.
    pub fn may_match(&self, path: &str) -> Option<(&Path, usize)> {
        self.unknown
            .iter()
            .find(|(prefix, _, _)| path.to_lowercase().starts_with(&prefix.to_lowercase()))
            .map(|(_, f, l)| (f.as_path(), *l))
    }
}

/// The output formats of the site's configuration whose file is
/// `_redirects`, lower-cased (template names use them so).
fn redirects_formats(hugo: &HugoConfig) -> Vec<String> {
    let mut names = Vec::new();
    for file in &hugo.files {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        // Most configurations never mention it: skip parsing them.
        if !text.contains("_redirects") {
            continue;
        }
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("toml");
        let parsed = match ext.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => crate::document::yaml::parse(&text, 0..text.len()),
            "json" => crate::document::json::parse(&text, 0..text.len()),
            _ => crate::document::toml::parse(&text, 0..text.len()),
        };
        let Ok(table) = parsed else { continue };
        // `config/_default/outputFormats.toml` holds the table itself.
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let formats = if stem.eq_ignore_ascii_case("outputformats") {
            Some(&table)
        } else {
            table.value("outputFormats").and_then(|n| n.as_table())
        };
        for (key, node) in formats.map(|t| t.entries.as_slice()).unwrap_or_default() {
            let base = node
                .as_table()
                .and_then(|t| t.value("baseName"))
                .and_then(|n| n.as_str());
            if base == Some("_redirects") {
                names.push(key.name.to_lowercase());
            }
        }
    }
    names
}

/// The `_redirects` the site generates, as far as its templates tell.
pub fn generated(hugo: &HugoConfig) -> Generated {
    let formats = redirects_formats(hugo);
    if formats.is_empty() {
        return Generated::default();
    }
    let roots: Vec<PathBuf> = std::iter::once(hugo.root.clone())
        .chain(hugo.themes.iter().map(|t| hugo.root.join("themes").join(t)))
        .collect();
    let mut templates = Vec::new();
    for root in &roots {
        for dir in ["layouts", "layouts/_default"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    let lower = name.to_lowercase();
                    ["index", "home", "list"].iter().any(|kind| {
                        formats.iter().any(|f| {
                            let stem = format!("{kind}.{f}");
                            lower == stem || lower.starts_with(&format!("{stem}."))
                        })
                    })
                })
                .collect();
            found.sort();
            templates.extend(found);
        }
    }
    let mut out = Generated {
        templates: templates.clone(),
        defined: true,
        ..Generated::default()
    };
    // The templates, then the partials they name literally.
    let mut queue = templates;
    let mut seen: Vec<PathBuf> = Vec::new();
    while let Some(file) = queue.pop() {
        if seen.contains(&file) || seen.len() > 50 {
            continue;
        }
        seen.push(file.clone());
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for name in partial_names(&text) {
            let found = roots.iter().find_map(|root| {
                ["layouts/_partials", "layouts/partials"]
                    .iter()
                    .map(|d| root.join(d).join(name))
                    .chain(
                        ["layouts/_partials", "layouts/partials"]
                            .iter()
                            .map(|d| root.join(d).join(format!("{name}.html"))),
                    )
                    .find(|p| p.is_file())
            });
            queue.extend(found);
        }
        let (rules, unknown) = parse_template(&text, &file);
        out.rules.extend(rules);
        out.unknown.extend(unknown);
    }
    out
}

/// The partials a template names literally: `partial "a/b.txt" .`.
fn partial_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("partial") {
        let rest = text[at + "partial".len()..]
            .strip_prefix("Cached")
            .unwrap_or(&text[at + "partial".len()..]);
        let Some(rest) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        if let Some((name, _)) = rest.split_once('"')
            && !name.is_empty()
            && !name.contains("..")
        {
            names.push(name);
        }
    }
    names
}

/// The rules of a template writing a `_redirects`: those written
/// literally, and those whose `from` an action writes (the literal part
/// before it, the line).
#[allow(clippy::type_complexity)]
fn parse_template(text: &str, file: &Path) -> (Vec<HostRedirect>, Vec<(String, PathBuf, usize)>) {
    let blanked = blank_actions(text);
    let mut unknown = Vec::new();
    let mut literal = String::new();
    for (n, line) in blanked.lines().enumerate() {
        let mut tokens = line.split_whitespace();
        let (Some(from), Some(_)) = (tokens.next(), tokens.next()) else {
            literal.push('\n');
            continue;
        };
        if let Some((prefix, _)) = from.split_once(ACTION) {
            if prefix.is_empty() || prefix.starts_with('/') {
                unknown.push((prefix.to_string(), file.to_path_buf(), n + 1));
            }
            literal.push('\n');
            continue;
        }
        literal.push_str(line);
        literal.push('\n');
    }
    (parse_redirects_file(&literal, file), unknown)
}

/// What an action that writes text is replaced with.
const ACTION: &str = "\u{1}";

/// A template's text with each action replaced: by [`ACTION`] when it
/// writes text, by nothing when it only controls (`if`, `range`, `end`,
/// assignments, comments, partials followed on their own); newlines kept,
/// so that lines keep their numbers.
fn blank_actions(text: &str) -> String {
    const CONTROL: &[&str] = &[
        "if ",
        "else",
        "end",
        "range ",
        "with ",
        "define ",
        "block ",
        "template ",
        "return",
        "break",
        "continue",
        "/*",
        "partial",
        "warnf",
        "errorf",
        "try ",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let (inner, next) = match after.find("}}") {
            Some(end) => (&after[..end], &after[end + 2..]),
            None => (after, ""),
        };
        let body = inner.trim_start_matches('-').trim_start();
        let body = body.trim_end_matches('-').trim_end();
        let assignment = body.starts_with('$')
            && body
                .split_whitespace()
                .nth(1)
                .is_some_and(|op| op == ":=" || op == "=");
        if !(assignment || CONTROL.iter().any(|c| body.starts_with(c)) || body == "end") {
            out.push_str(ACTION);
        }
        out.extend(inner.matches('\n').map(|_| '\n'));
        rest = next;
    }
    out.push_str(rest);
    out
}

/// The rules of a `_redirects` file.
pub fn parse_redirects_file(text: &str, file: &Path) -> Vec<HostRedirect> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut tokens = line.split_whitespace();
        let Some(from) = tokens.next() else { continue };
        // Query conditions (`id=:id`) come before the destination.
        let Some(to) = tokens.find(|t| !t.contains('=') || t.starts_with('/') || t.contains("://"))
        else {
            continue;
        };
        let status = tokens
            .next()
            .filter(|s| s.trim_end_matches('!').bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_string);
        push(&mut out, from, to, status, file, n + 1);
    }
    out
}

/// The `[[redirects]]` of a `netlify.toml`.
pub fn parse_netlify_toml(text: &str, file: &Path) -> Vec<HostRedirect> {
    let mut out = Vec::new();
    let Ok(table) = crate::document::toml::parse(text, 0..text.len()) else {
        return out;
    };
    let Some(Value::Array(rules)) = table.value("redirects").map(|n| &n.value) else {
        return out;
    };
    for rule in rules {
        let Some(t) = rule.as_table() else {
            continue;
        };
        let string = |key: &str| t.value(key).and_then(|n| n.as_str()).map(str::to_string);
        let (Some(from), Some(to)) = (string("from"), string("to")) else {
            continue;
        };
        let status = t.value("status").and_then(|n| match &n.value {
            Value::Integer(i) => Some(i.to_string()),
            Value::String(s) => Some(s.clone()),
            _ => None,
        });
        let forced = t
            .value("force")
            .is_some_and(|n| n.value == Value::Bool(true));
        let status = status.map(|s| if forced { format!("{s}!") } else { s });
        let line = text
            .get(..rule.span.start)
            .map_or(1, |t| t.matches('\n').count() + 1);
        push(&mut out, &from, &to, status, file, line);
    }
    out
}

fn push(
    out: &mut Vec<HostRedirect>,
    from: &str,
    to: &str,
    status: Option<String>,
    file: &Path,
    line: usize,
) {
    // A custom 404 page, or a rule for another host: no page served here.
    let not_found = status
        .as_deref()
        .is_some_and(|s| s.trim_end_matches('!') == "404");
    if not_found || !from.starts_with('/') {
        return;
    }
    out.push(HostRedirect {
        from: from.to_string(),
        to: to.to_string(),
        status,
        file: file.to_path_buf(),
        line,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_file() {
        let text = "# Netlify\n/old /new\n/blog/* /posts/:splat 301!\n\n\
                    /users/:id/profile /u/:id 302\n/search q=:q /find 200\n\
                    /* /404.html 404\nhttps://old.example.org/* https://example.org/:splat\n\
                    /docs/v1* /docs/v2/ 301 Country=us\n";
        let rules = parse_redirects_file(text, Path::new("static/_redirects"));
        let got: Vec<_> = rules
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str(), r.status.as_deref(), r.line))
            .collect();
        assert_eq!(
            got,
            [
                ("/old", "/new", None, 2),
                ("/blog/*", "/posts/:splat", Some("301!"), 3),
                ("/users/:id/profile", "/u/:id", Some("302"), 5),
                ("/search", "/find", Some("200"), 6),
                ("/docs/v1*", "/docs/v2/", Some("301"), 9),
            ]
        );
        let matches = |k: usize, path: &str| rules[k].matches(path);
        assert!(matches(0, "/old") && matches(0, "/old/") && matches(0, "/OLD/"));
        assert!(!matches(0, "/old/more") && !matches(0, "/older"));
        assert!(matches(1, "/blog/") && matches(1, "/blog/2024/a/") && !matches(1, "/blogs/"));
        assert!(matches(2, "/users/7/profile/") && !matches(2, "/users/profile"));
        assert!(matches(3, "/search?q=x"));
        assert!(matches(4, "/docs/v1.2/") && !matches(4, "/docs/v2/"));
    }

    #[test]
    fn generated_by_templates() {
        // Checked with Hugo 0.168: an output format with `baseName =
        // '_redirects'` on the home page writes `public/_redirects` from
        // `layouts/index.<format>`, partials expanded.
        let dir = tempfile::tempdir().expect("temporary directory");
        let root = dir.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        };
        write(
            "hugo.toml",
            "[outputFormats.REDIRECTS]\nmediaType = 'text/netlify'\nbaseName = '_redirects'\n\
             [outputs]\nhome = ['HTML', 'REDIRECTS']\n",
        );
        write(
            "layouts/index.redirects",
            "{{/* Netlify\n*/ -}}\n/old/*   /new/:splat  301\n/gone /404.html 404\n\
             {{ $r := partial \"redirects.txt\" . -}}\n{{ delimit $r \"\\n\" }}\n",
        );
        write(
            "layouts/_partials/redirects.txt",
            "{{ $latest := site.Params.latest -}}\n/docs/latest/* /docs/{{ $latest }}/:splat 302\n\
             {{ range slice \"a\" \"b\" -}}\n/docs/{{ . }}   /{{ . }}\n{{ end -}}\n\
             {{ range site.Pages }}{{ range .Aliases }}{{ . }} {{ $.RelPermalink }}\n{{ end }}{{ end }}\n",
        );
        let hugo = HugoConfig::load(root).expect("configuration");
        let g = generated(&hugo);
        assert!(g.defined);
        assert_eq!(g.templates, [root.join("layouts/index.redirects")]);
        let rules: Vec<_> = g.rules.iter().map(|r| (r.from.as_str(), r.line)).collect();
        assert_eq!(rules, [("/old/*", 3), ("/docs/latest/*", 2)]);
        let unknown: Vec<_> = g.unknown.iter().map(|(p, _, l)| (p.as_str(), *l)).collect();
        assert_eq!(unknown, [("/docs/", 4), ("", 6)]);
        assert!(g.may_match("/docs/a").is_some());
        // The rules of `load` include the literal ones.
        assert_eq!(load(&hugo.root, &[], generated(&hugo).rules).len(), 2);

        // Without such an output format, nothing is generated.
        write("hugo.toml", "title = '_redirects'\n");
        let hugo = HugoConfig::load(root).expect("configuration");
        assert_eq!(generated(&hugo), Generated::default());
    }

    #[test]
    fn template_actions() {
        let text = "{{ if .x }}\n/a {{ .to }} 301\n{{- $y := 1 }}{{ .from }} /b\n{{ end }}";
        assert_eq!(
            blank_actions(text),
            format!("\n/a {ACTION} 301\n{ACTION} /b\n")
        );
        assert_eq!(
            partial_names("{{ partial \"a.txt\" . }}{{ partialCached \"b/c\" . }}{{ partial $x }}"),
            ["a.txt", "b/c"]
        );
    }

    #[test]
    fn netlify_toml() {
        let text = "[build]\ncommand = 'hugo'\n\n[[redirects]]\nfrom = '/old/*'\nto = '/new/:splat'\n\
                    status = 301\nforce = true\n\n[[redirects]]\nfrom = '/gone'\nto = '/404.html'\n\
                    status = 404\n\n[[redirects]]\nfrom = '/x'\nto = '/y'\n";
        let rules = parse_netlify_toml(text, Path::new("netlify.toml"));
        let got: Vec<_> = rules
            .iter()
            .map(|r| (r.from.as_str(), r.to.as_str(), r.status.as_deref(), r.line))
            .collect();
        assert_eq!(
            got,
            [
                ("/old/*", "/new/:splat", Some("301!"), 4),
                ("/x", "/y", None, 15)
            ]
        );
        assert!(parse_netlify_toml("not = [toml", Path::new("n")).is_empty());
    }
}
