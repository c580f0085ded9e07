//! What a Zola site's own templates show, read as text (Tera is not run):
//! whether a template, with those it extends, includes or imports by a
//! literal name, shows the page's title.

use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use super::config::ZolaConfig;

static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(page|section)\.title\b").expect("a valid regex"));
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*(?:extends|include|import)\s+["']([^"']+)["']"#).expect("a valid regex")
});

/// The file of a template by name: the site's `templates/`, then its
/// theme's.
fn template_file(zola: &ZolaConfig, name: &str) -> Option<PathBuf> {
    let mut dirs = vec![zola.root.join("templates")];
    if let Some(theme) = &zola.theme {
        dirs.push(zola.root.join("themes").join(theme).join("templates"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// Whether the template `name` (or one it names) writes `page.title` or
/// `section.title`; `None` when the template is not found.
pub fn shows_title(zola: &ZolaConfig, name: &str) -> Option<bool> {
    let mut queue = vec![name.to_string()];
    let mut seen = std::collections::HashSet::new();
    let mut found_any = false;
    while let Some(n) = queue.pop() {
        if !seen.insert(n.clone()) || seen.len() > 32 {
            continue;
        }
        let Some(text) = template_file(zola, &n).and_then(|p| std::fs::read_to_string(p).ok())
        else {
            continue;
        };
        found_any = true;
        if TITLE.is_match(&text) {
            return Some(true);
        }
        queue.extend(NAMED.captures_iter(&text).map(|c| c[1].to_string()));
    }
    found_any.then_some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_through_extends_or_none() {
        let dir = tempfile::tempdir().expect("a folder");
        let t = dir.path().join("templates");
        std::fs::create_dir_all(&t).expect("templates");
        std::fs::write(t.join("base.html"), "<title>{{ page.title }}</title>").expect("base");
        std::fs::write(t.join("child.html"), "{% extends \"base.html\" %}").expect("child");
        std::fs::write(t.join("redirect.html"), "<meta http-equiv=\"refresh\">").expect("r");
        let zola = ZolaConfig::parse(
            dir.path(),
            &dir.path().join("config.toml"),
            "base_url = \"https://example.org\"\n",
        )
        .expect("config");
        assert_eq!(shows_title(&zola, "child.html"), Some(true));
        assert_eq!(shows_title(&zola, "redirect.html"), Some(false));
        assert_eq!(shows_title(&zola, "missing.html"), None);
    }
}
