//! Zola's heading ids (a stub: the real module comes from the zola-text
//! branch).

use super::slug::Slugify;

/// The ids of a page's headings in document order, as Zola writes them
/// (stub: none).
pub fn ids(_post: &crate::document::Post, _anchors: Slugify) -> Vec<String> {
    Vec::new()
}
