//! A site the server holds, and once linted, what the rules read of it:
//! the site index and the rules' context ([`crate::Analysis`]), which
//! borrow the site's posts, kept together (a self-referential pair, by
//! `self_cell`) until the site changes. An edit of body text that leaves
//! everything the index reads of the page as it was is linted against the
//! kept analysis ([`Held::relint`]); any other change lets the site go
//! ([`Held::site_mut`]) and the next lint builds the analysis again.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::Post;
use crate::site::Site;

/// How many edits the kept analysis answers before the site is indexed
/// again: each keeps its version of the page alive.
pub const SPARE: usize = 16;

/// The site, with what a lint may add to it while the analysis borrows it.
pub struct Frozen {
    pub site: Site,
    /// The files findings are wanted in (the open ones).
    pub only: HashSet<PathBuf>,
    /// Room for the versions of open pages that edits bring, each put in
    /// the index in place of the one before.
    spare: Vec<OnceLock<Post>>,
}

/// The analysis of a frozen site, and the site rules' findings in its open
/// files (before their comments silence any).
pub struct Linted<'a> {
    pub analysis: crate::Analysis<'a>,
    pub site_found: Vec<Diagnostic>,
    /// Pages whose post an edit replaced: path → index in `analysis.index.pages`.
    swapped: HashMap<PathBuf, usize>,
}

self_cell::self_cell!(
    pub struct Snapshot {
        owner: Frozen,
        #[covariant]
        dependent: Linted,
    }
);

pub enum Held {
    Site(Box<Site>),
    Linted(Snapshot),
    /// Only while a lint builds the snapshot.
    Taken,
}

impl Held {
    pub fn site(&self) -> Option<&Site> {
        match self {
            Held::Site(site) => Some(site),
            Held::Linted(snapshot) => Some(&snapshot.borrow_owner().site),
            Held::Taken => None,
        }
    }

    /// The site, to change: the analysis of it goes.
    pub fn site_mut(&mut self) -> Option<&mut Site> {
        if let Held::Linted(_) = self
            && let Held::Linted(snapshot) = std::mem::replace(self, Held::Taken)
        {
            *self = Held::Site(Box::new(snapshot.into_owner().site));
        }
        match self {
            Held::Site(site) => Some(site),
            _ => None,
        }
    }

    /// The analysis of the last lint, while the site is as it was.
    pub fn analysis(&self) -> Option<&crate::Analysis<'_>> {
        match self {
            Held::Linted(snapshot) => Some(&snapshot.borrow_dependent().analysis),
            _ => None,
        }
    }

    /// The post the rules read for a path: the version an edit put in the
    /// index, or the site's.
    pub fn post(&self, path: &Path) -> Option<&Post> {
        if let Held::Linted(snapshot) = self {
            let linted = snapshot.borrow_dependent();
            if let Some(&i) = linted.swapped.get(path) {
                return Some(linted.analysis.index.pages[i].post);
            }
        }
        self.site()?.post(path)
    }

    /// Index the site and run the site rules, for the files in `only`; the
    /// whole lint's findings in them.
    pub fn lint(&mut self, config: &Config, now: i64, only: HashSet<PathBuf>) -> Vec<Diagnostic> {
        let Held::Site(site) = std::mem::replace(self, Held::Taken) else {
            return Vec::new();
        };
        let frozen = Frozen {
            site: *site,
            only,
            spare: (0..SPARE).map(|_| OnceLock::new()).collect(),
        };
        let snapshot = Snapshot::new(frozen, |f| {
            let analysis = crate::analyze(&f.site, config, now, Some(&f.only));
            let site_found = crate::site_rules(config, &analysis, &|_| true);
            Linted {
                analysis,
                site_found,
                swapped: HashMap::new(),
            }
        });
        let found = {
            let site = &snapshot.borrow_owner().site;
            let linted = snapshot.borrow_dependent();
            let cx = &linted.analysis.cx;
            crate::finish(
                site,
                config,
                cx,
                crate::post_rules(site, config, cx),
                linted.site_found.clone(),
            )
        };
        *self = Held::Linted(snapshot);
        found
    }

    /// Lint an edited open page against the kept analysis, when the edit
    /// left everything the index reads of it as it was
    /// ([`crate::site::index::same_to_index`]) and there is room for it;
    /// `None` when it cannot be, and the site must be linted again.
    pub fn relint(&mut self, config: &Config, post: Post) -> Option<Vec<Diagnostic>> {
        let Held::Linted(snapshot) = self else {
            return None;
        };
        snapshot.with_dependent_mut(|frozen, linted| {
            if !frozen.only.contains(&post.path) {
                return None;
            }
            let pages = &linted.analysis.index.pages;
            let i = match linted.swapped.get(&post.path) {
                Some(&i) => i,
                None => pages.iter().position(|p| p.post.path == post.path)?,
            };
            let generator = &frozen.site.generator;
            if !crate::site::index::same_to_index(generator, pages[i].post, &post) {
                return None;
            }
            let slot = frozen.spare.iter().find(|s| s.get().is_none())?;
            let path = post.path.clone();
            slot.set(post).ok()?;
            let post = slot.get()?;
            linted.analysis.index.pages[i].post = post;
            linted.swapped.insert(path.clone(), i);
            let kept = linted
                .site_found
                .iter()
                .filter(|d| {
                    d.path == path && !crate::rules::find(d.rule).is_some_and(|m| m.reads_bodies)
                })
                .cloned()
                .collect();
            Some(crate::relint_post(
                config,
                &linted.analysis,
                kept,
                post,
                frozen.site.loose,
            ))
        })
    }
}
