//! A site the server holds, and once linted, what the rules read of it:
//! the site index and the rules' context ([`crate::Analysis`]), which
//! borrow the site's posts, kept together (a self-referential pair, by
//! `self_cell`) until the site changes. An edit of body text that leaves
//! everything the index reads of the page as it was is linted against the
//! kept analysis ([`Held::relint`]); any other change lets the analysis go
//! and the next lint builds it again. When only open buffers changed, the
//! findings of the site rules whose digest of those pages is the same
//! ([`crate::rules::Rule::digest`]) are kept, moved with the edits, instead
//! of running the rules again ([`Previous`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, TextChange};
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
    /// [`crate::site::index::pages_digest`] of the index.
    pages_digest: u64,
}

/// What the last lint found, kept when its analysis goes for edits of open
/// buffers (and dropped for any other change of the site).
pub struct Previous {
    site_found: Vec<Diagnostic>,
    only: HashSet<PathBuf>,
    pages_digest: u64,
}

/// What changed in the open buffers since the last lint, for [`Held::lint`]
/// to keep what it can of that lint's findings.
#[derive(Default)]
pub struct Edits {
    /// Each changed file's text change.
    pub changes: Vec<TextChange>,
    /// The site rules whose digest of every changed page is what it was.
    pub same_digest: HashSet<&'static str>,
}

self_cell::self_cell!(
    pub struct Snapshot {
        owner: Frozen,
        #[covariant]
        dependent: Linted,
    }
);

pub struct Held {
    state: State,
    previous: Option<Previous>,
}

enum State {
    Site(Box<Site>),
    Linted(Snapshot),
    /// Only while a lint builds the snapshot.
    Taken,
}

impl Held {
    pub fn new(site: Site) -> Held {
        Held {
            state: State::Site(Box::new(site)),
            previous: None,
        }
    }

    pub fn site(&self) -> Option<&Site> {
        match &self.state {
            State::Site(site) => Some(site),
            State::Linted(snapshot) => Some(&snapshot.borrow_owner().site),
            State::Taken => None,
        }
    }

    /// The site, to change on disk's word: the analysis of it goes, and
    /// what the last lint found with it.
    pub fn site_mut(&mut self) -> Option<&mut Site> {
        self.previous = None;
        self.thaw()
    }

    /// The site, to put the open buffers' texts in: the analysis of it
    /// goes, what the last lint found is kept for the next.
    pub fn site_for_edits(&mut self) -> Option<&mut Site> {
        self.thaw()
    }

    fn thaw(&mut self) -> Option<&mut Site> {
        if let State::Linted(_) = self.state
            && let State::Linted(mut snapshot) = std::mem::replace(&mut self.state, State::Taken)
        {
            let (site_found, pages_digest, owned) = snapshot.with_dependent_mut(|_, linted| {
                (
                    std::mem::take(&mut linted.site_found),
                    linted.pages_digest,
                    linted.analysis.index.take_owned(),
                )
            });
            // What the index owns is freed on another thread, while this
            // one indexes the site again (at 10,000 pages, a few
            // milliseconds of the next lint's path).
            // (A thread that cannot be started drops it here.)
            let _ = std::thread::Builder::new()
                .name("bloglint-free".into())
                .spawn(move || drop(owned));
            let Frozen { site, only, .. } =
                crate::timing("the last analysis dropped", || snapshot.into_owner());
            self.previous = Some(Previous {
                site_found,
                only,
                pages_digest,
            });
            self.state = State::Site(Box::new(site));
        }
        match &mut self.state {
            State::Site(site) => Some(site),
            _ => None,
        }
    }

    /// The analysis of the last lint, while the site is as it was.
    pub fn analysis(&self) -> Option<&crate::Analysis<'_>> {
        match &self.state {
            State::Linted(snapshot) => Some(&snapshot.borrow_dependent().analysis),
            _ => None,
        }
    }

    /// The post the rules read for a path: the version an edit put in the
    /// index, or the site's.
    pub fn post(&self, path: &Path) -> Option<&Post> {
        if let State::Linted(snapshot) = &self.state {
            let linted = snapshot.borrow_dependent();
            if let Some(&i) = linted.swapped.get(path) {
                return Some(linted.analysis.index.pages[i].post);
            }
        }
        self.site()?.post(path)
    }

    /// Index the site and run the site rules, for the files in `only`; the
    /// whole lint's findings in them. With only `edits` since the last
    /// lint, the findings of the rules they leave alone are kept, moved.
    pub fn lint(
        &mut self,
        config: &Config,
        now: i64,
        only: HashSet<PathBuf>,
        edits: &Edits,
    ) -> (Vec<Diagnostic>, Vec<&'static str>) {
        let previous = self.previous.take();
        let State::Site(site) = std::mem::replace(&mut self.state, State::Taken) else {
            return (Vec::new(), Vec::new());
        };
        let frozen = Frozen {
            site: *site,
            only,
            spare: (0..SPARE).map(|_| OnceLock::new()).collect(),
        };
        let mut kept_rules = Vec::new();
        let snapshot = Snapshot::new(frozen, |f| {
            let analysis = crate::analyze(&f.site, config, now, Some(&f.only));
            let pages_digest = crate::timing("pages digest", || {
                crate::site::index::pages_digest(&analysis.index)
            });
            let mut site_found = previous
                .filter(|p| p.pages_digest == pages_digest && p.only == f.only)
                .map(|p| keep(p.site_found, edits, &mut kept_rules))
                .unwrap_or_default();
            let ((), found) = rayon::join(
                || crate::conventions(&analysis),
                || crate::site_rules(config, &analysis, &|meta| !kept_rules.contains(&meta.name)),
            );
            site_found.extend(found);
            Linted {
                analysis,
                site_found,
                swapped: HashMap::new(),
                pages_digest,
            }
        });
        let found = {
            let site = &snapshot.borrow_owner().site;
            let linted = snapshot.borrow_dependent();
            let cx = &linted.analysis.cx;
            let post_found = crate::post_rules(site, config, cx);
            crate::timing("finish", || {
                crate::finish(site, config, cx, post_found, linted.site_found.clone())
            })
        };
        self.state = State::Linted(snapshot);
        (found, kept_rules)
    }

    /// Lint an edited open page against the kept analysis, when the edit
    /// left everything the index reads of it as it was
    /// ([`crate::site::index::same_to_index`]) and there is room for it;
    /// `None` when it cannot be, and the site must be linted again.
    pub fn relint(&mut self, config: &Config, post: Post) -> Option<Vec<Diagnostic>> {
        let State::Linted(snapshot) = &mut self.state else {
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
            Some(crate::relint_post(config, &linted.analysis, kept, post))
        })
    }
}

/// The last lint's findings of the site rules whose digest the edits left
/// as it was, each moved with the edits; a rule with a finding an edit
/// touched runs again. The rules kept are added to `kept`.
fn keep(found: Vec<Diagnostic>, edits: &Edits, kept: &mut Vec<&'static str>) -> Vec<Diagnostic> {
    let mut by_rule: HashMap<&'static str, Vec<Diagnostic>> = HashMap::new();
    for d in found {
        by_rule.entry(d.rule).or_default().push(d);
    }
    let mut out = Vec::new();
    for rule in &edits.same_digest {
        let found = by_rule.remove(rule).unwrap_or_default();
        let moved: Option<Vec<Diagnostic>> = found
            .into_iter()
            .map(|d| {
                edits
                    .changes
                    .iter()
                    .try_fold(d, |d, change| d.rebased(change))
            })
            .collect();
        if let Some(moved) = moved {
            out.extend(moved);
            kept.push(rule);
        }
    }
    out
}
