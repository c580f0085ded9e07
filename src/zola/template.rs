//! What a Zola site's own templates show of a page (Zola 0.22.1 renders
//! each page with `page.html`, each section with `section.html`, unless
//! its front matter names another `template`, looked up in `templates/`,
//! then in the theme's).

use super::config::ZolaConfig;
use crate::document::Post;

/// Whether the page names a `template` of its own that never shows a
/// title: no `page.title` or `section.title` in it, and nothing it
/// extends, includes or imports (which could). blog.rust-lang.org's
/// `releases/latest.md` (`template = "latest.html"`) is a redirect page
/// whose template writes its own `<title>`. A template not found counts
/// as one that shows the title.
pub fn untitled(zola: &ZolaConfig, post: &Post) -> bool {
    let Some(name) = post.field("template").and_then(|n| n.as_str()) else {
        return false;
    };
    let mut dirs = vec![zola.root.join("templates")];
    if let Some(theme) = &zola.theme {
        dirs.push(zola.root.join("themes").join(theme).join("templates"));
    }
    let Some(text) = dirs
        .iter()
        .find_map(|d| std::fs::read_to_string(d.join(name.trim())).ok())
    else {
        return false;
    };
    ![
        "page.title",
        "section.title",
        "extends",
        "include",
        "import",
    ]
    .iter()
    .any(|w| text.contains(w))
}
