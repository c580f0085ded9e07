//! What the site's own pages say about its conventions, for the rules whose
//! defaults follow them: which sections date or describe their pages
//! (`required-front-matter`'s `date`, `description-length`'s missing
//! description), and which pages have a URL built from their date.
//!
//! Computed once per run from the whole site index, never from the files
//! reported on: a pre-commit run (the whole site read, only staged files
//! reported) decides exactly as a full run.
//!
//! Translation stubs (`SiteIndex`'s `stub_of`: an empty page of another
//! language that its theme fills from the default-language page) are not
//! counted: their fields are their translation's, not their section's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::document::{Post, Value};
use crate::site::index::SiteIndex;
use crate::site::model::Unpublished;
pub use crate::site::model::{DateUrl, Place};

/// Fewest pages of a group that must have a field before the group's other
/// pages are expected to have it too: one page is no convention.
pub const MIN_PAGES: usize = 2;

/// The pages of one place in one language, and how many have each field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub lang: String,
    pub place: Place,
    pub pages: usize,
    pub dated: usize,
    pub described: usize,
}

impl Group {
    /// Whether `count` pages make a convention of the group: at least
    /// [`MIN_PAGES`], and more than half of its pages.
    pub fn mostly(&self, count: usize) -> bool {
        count >= MIN_PAGES && 2 * count > self.pages
    }

    /// The other pages of the group, in a message: "other pages of section
    /// `posts`", "other list pages", with the language on a multilingual
    /// site.
    pub fn others(&self, multilingual: bool) -> String {
        let place = match &self.place {
            Place::Section(p) => format!("other pages of section `{}`", p.trim_start_matches('/')),
            Place::Root => "other pages at the top of the content".to_string(),
            Place::Lists => "other list pages".to_string(),
        };
        if multilingual {
            format!("{place} ({})", self.lang)
        } else {
            place
        }
    }
}

/// The statistics of a site.
#[derive(Default)]
pub struct Conventions {
    groups: Vec<Group>,
    /// The group of each counted page.
    member: HashMap<PathBuf, usize>,
    date_urls: HashMap<PathBuf, DateUrl>,
    /// Translation stubs, and the file of the page each stands for.
    stubs: HashMap<PathBuf, PathBuf>,
    /// More than one language: groups are named with theirs.
    pub multilingual: bool,
}

/// Whether a page counts in the statistics. Drafts, future and expired
/// pages count: they are written to the section's conventions, and counting
/// them keeps the answer the same whatever the clock and `--buildDrafts`.
/// Pages Hugo never renders (headless, `build.render: never` or `link`,
/// content files inside a leaf bundle), files Hugo ignores and pages of a
/// disabled language do not: the rules do not check them either. Nor do
/// Markdown files Jekyll copies as they are for want of front matter: no
/// pages.
fn counted(status: &Option<Unpublished>) -> bool {
    !matches!(
        status,
        Some(
            Unpublished::NotRendered
                | Unpublished::LeafResource
                | Unpublished::Ignored
                | Unpublished::DisabledLanguage
                | Unpublished::NoFrontMatter
        )
    )
}

/// Whether a page has a description: the key, with a value that is not
/// empty.
pub fn has_description(post: &Post, generator: &crate::site::Generator) -> bool {
    if generator.has_excerpt_description(post) {
        return true;
    }
    generator
        .page_field(post, "description")
        .is_some_and(|n| match &n.value {
            Value::Null => false,
            Value::String(s) => !s.trim().is_empty(),
            Value::Array(a) => !a.is_empty(),
            _ => true,
        })
}

impl Conventions {
    /// The statistics of the site an index describes.
    pub fn of(index: &SiteIndex) -> Conventions {
        // Per page, in parallel: its fields.
        let facts: Vec<(bool, bool)> = index
            .pages
            .par_iter()
            .map(|page| {
                let dated = super::required_front_matter::has_date(page.post, index.generator);
                (dated, has_description(page.post, index.generator))
            })
            .collect();
        let mut out = Conventions {
            multilingual: index.generator.languages().len() > 1,
            ..Conventions::default()
        };
        let mut by_key: HashMap<(&str, Place), usize> = HashMap::new();
        for (page, (dated, described)) in index.pages.iter().zip(&facts) {
            if let Some(d) = &page.date_url {
                out.date_urls.insert(page.post.path.clone(), d.clone());
            }
            // A stub shows its translation's fields, not its own: they are
            // no convention of its section.
            if let Some(j) = page.stub_of {
                out.stubs
                    .insert(page.post.path.clone(), index.pages[j].post.path.clone());
                continue;
            }
            if !counted(&page.unpublished) {
                continue;
            }
            let place = page.place.clone();
            let n = out.groups.len();
            let g = *by_key.entry((&page.lang, place.clone())).or_insert(n);
            if g == n {
                out.groups.push(Group {
                    lang: page.lang.clone(),
                    place,
                    pages: 0,
                    dated: 0,
                    described: 0,
                });
            }
            let group = &mut out.groups[g];
            group.pages += 1;
            group.dated += usize::from(*dated);
            group.described += usize::from(*described);
            out.member.insert(page.post.path.clone(), g);
        }
        out
    }

    /// The group a page is counted in (`None` for a page not counted).
    pub fn group(&self, path: &Path) -> Option<&Group> {
        self.member.get(path).map(|&g| &self.groups[g])
    }

    /// For a translation stub (`SiteIndex`'s `stub_of`): the file of the
    /// default-language page the theme shows in its place.
    pub fn stub_of(&self, path: &Path) -> Option<&Path> {
        self.stubs.get(path).map(PathBuf::as_path)
    }

    /// Whether the page's URL is built from its date, and how.
    pub fn date_url(&self, path: &Path) -> Option<&DateUrl> {
        self.date_urls.get(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mostly_means_more_than_half_and_two() {
        let g = |pages, dated| Group {
            lang: "en".into(),
            place: Place::Root,
            pages,
            dated,
            described: 0,
        };
        assert!(g(3, 2).mostly(2));
        assert!(!g(4, 2).mostly(2));
        assert!(!g(2, 1).mostly(1));
        assert!(g(2, 2).mostly(2));
        assert!(!g(1, 1).mostly(1));
    }
}
