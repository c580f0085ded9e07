//! Ports of Hugo behaviours bloglint must match: its configuration, its date
//! layouts and time zones, its heading ids, its content formats.

pub mod config;
pub mod content;
pub mod date;
pub mod date_check;
pub mod heading_id;
pub mod index;
pub mod links;
pub mod urls;
pub mod zone;

/// The extensions of the content formats Hugo 0.168 reads (its default
/// content formats: Markdown, HTML, AsciiDoc, Pandoc, reStructuredText,
/// Org), lower-case; Hugo matches them whatever their case. A file with
/// another extension in `content/` is a resource (`.mkd` and `.mkdn` are
/// copied as files by Hugo 0.168).
pub const CONTENT_EXTENSIONS: [&str; 12] = [
    "md", "mdown", "markdown", "html", "htm", "adoc", "asciidoc", "ad", "pandoc", "pdc", "org",
    "rst",
];

/// Of [`CONTENT_EXTENSIONS`], those bloglint parses as posts: Markdown, and
/// HTML (pages published as written: Hugo >= 0.162 refuses them unless
/// `security.allowContent` lets `text/html` through).
pub const PARSED_EXTENSIONS: [&str; 5] = ["md", "mdown", "markdown", "html", "htm"];

/// Whether `ext` (no dot) is a content format's extension, whatever its case.
pub fn is_content_extension(ext: &str) -> bool {
    CONTENT_EXTENSIONS
        .iter()
        .any(|e| e.eq_ignore_ascii_case(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_extensions() {
        assert!(
            PARSED_EXTENSIONS
                .iter()
                .all(|e| CONTENT_EXTENSIONS.contains(e))
        );
        assert!(is_content_extension("md") && is_content_extension("MD"));
        assert!(is_content_extension("Adoc") && is_content_extension("org"));
        // Hugo 0.168 copies these as files.
        assert!(!is_content_extension("mkd") && !is_content_extension("mkdn"));
        assert!(!is_content_extension("png") && !is_content_extension(""));
    }
}
