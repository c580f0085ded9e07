//! Placeholder for zola-core's `ZolaConfig`: only the fields the links
//! check reads.

use std::path::PathBuf;

use super::slug::Slugify;

/// A Zola site's configuration (placeholder).
#[derive(Debug, Clone, Default)]
pub struct ZolaConfig {
    pub root: PathBuf,
    pub base_url: String,
    pub default_language: String,
    pub languages: Vec<String>,
    pub slugify: SlugifyConfig,
}

/// `[slugify]` (placeholder).
#[derive(Debug, Clone, Copy, Default)]
pub struct SlugifyConfig {
    pub paths: Slugify,
    pub taxonomies: Slugify,
    pub anchors: Slugify,
}
