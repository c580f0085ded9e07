//! The parts of a Hugo site configuration that bloglint's rules need.

use std::path::{Path, PathBuf};

/// How Hugo generates heading ids (`markup.goldmark.parser.autoIDType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AutoIdType {
    #[default]
    Github,
    GithubAscii,
    Blackfriday,
}

/// One content directory: the site's `contentDir`, a language's, or a module
/// mount whose target is `content` (or below it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentDir {
    /// Absolute, or relative to the current directory like the site root.
    pub path: PathBuf,
    /// Where it is mounted inside the content tree (`""` for the root).
    pub target: String,
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HugoConfig {
    /// The site root (the directory of the Hugo configuration).
    pub root: PathBuf,
    /// The configuration file read, if any.
    pub file: Option<PathBuf>,
    pub base_url: String,
    pub content_dirs: Vec<ContentDir>,
    pub static_dirs: Vec<PathBuf>,
    /// (singular, plural) pairs; Hugo's default is tag/tags, category/categories.
    pub taxonomies: Vec<(String, String)>,
    pub time_zone: Option<String>,
    pub auto_id_type: AutoIdType,
    pub default_content_language: String,
}

impl HugoConfig {
    /// Hugo's defaults for a site rooted at `root` with no configuration.
    pub fn default_for(root: &Path) -> HugoConfig {
        HugoConfig {
            root: root.to_path_buf(),
            file: None,
            base_url: String::new(),
            content_dirs: vec![ContentDir {
                path: root.join("content"),
                target: String::new(),
                lang: None,
            }],
            static_dirs: vec![root.join("static")],
            taxonomies: vec![
                ("tag".into(), "tags".into()),
                ("category".into(), "categories".into()),
            ],
            time_zone: None,
            auto_id_type: AutoIdType::Github,
            default_content_language: "en".into(),
        }
    }
}

/// A Hugo configuration that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HugoConfigError {
    pub path: PathBuf,
    pub source: String,
    pub span: Option<std::ops::Range<usize>>,
    pub message: String,
}

/// The site root for a path: the nearest ancestor (or itself) holding a Hugo
/// configuration; else the nearest holding a `content` folder; else `None`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let _ = start;
    None
}

impl HugoConfig {
    /// Read the Hugo configuration of the site at `root`; a site without
    /// one gets Hugo's defaults.
    pub fn load(root: &Path) -> Result<HugoConfig, HugoConfigError> {
        Ok(HugoConfig::default_for(root))
    }
}
