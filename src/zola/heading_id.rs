//! Zola's heading ids (stub until written).
use super::slug::Slugify;
pub fn ids(_post: &crate::document::Post, _anchors: Slugify) -> Vec<String> {
    Vec::new()
}
