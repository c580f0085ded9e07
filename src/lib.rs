//! bloglint: an editorial linter for Hugo sites.
//!
//! The library reads a site, runs the rules and returns diagnostics; it never
//! prints. `main.rs`/`cli.rs` choose what to read and how to report.

pub mod cache;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod hugo;
pub mod jekyll;
pub mod render;
pub mod rules;
pub mod server;
pub mod site;
pub mod suggest;
pub mod text;
pub mod write;
pub mod zola;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level, LineIndex, Severity};
use crate::document::Post;
use crate::document::markdown::SuppressionKind;
use crate::rules::{Context, RuleMeta};
use crate::site::Site;
use crate::site::index::SiteIndex;
use crate::site::model::Unpublished;
use rules::unused_suppression::Used;

/// The exit codes of the command line (`bloglint check`, `bloglint site`):
/// nothing to report, findings, and a run that could not be done.
pub const EXIT_OK: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_FAILURE: i32 = 2;

/// With `BLOGLINT_TIMINGS` set, print how long a phase of a run took to
/// stderr (for profiling; the output is not stable).
pub fn timing<T>(what: &str, f: impl FnOnce() -> T) -> T {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ON.get_or_init(|| std::env::var_os("BLOGLINT_TIMINGS").is_some()) {
        return f();
    }
    let start = std::time::Instant::now();
    let out = f();
    let rss = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(String::new(), |pages| {
            format!(", RSS {} MiB", (pages * 4096) >> 20)
        });
    eprintln!(
        "bloglint timing: {what}: {:.1} ms{rss}",
        start.elapsed().as_secs_f64() * 1e3
    );
    out
}

/// The severity a diagnostic ends with: a rule's configured level replaces
/// its default severity; findings a rule emits below its default (the
/// warnings of an error rule) keep their lower severity unless the
/// configured one is lower still.
fn effective(emitted: Severity, meta: &RuleMeta, level: Level) -> Option<Severity> {
    match level {
        Level::Off => None,
        Level::On(configured) if emitted >= meta.severity => Some(configured),
        Level::On(configured) => Some(emitted.min(configured)),
    }
}

/// Lint a loaded site. With `only`, report just the diagnostics located in
/// those files (the whole site is still indexed for site rules).
pub fn lint(
    site: &Site,
    config: &Config,
    now: i64,
    only: Option<&HashSet<PathBuf>>,
) -> Vec<Diagnostic> {
    lint_inspect(site, config, now, only, &mut |_| {})
}

/// [`lint`], and `inspect` shown the site index the rules read (the
/// language server keeps what completion and hover need from it). A
/// buffer stands in for its file by [`Site::replace`] before the call.
pub fn lint_inspect(
    site: &Site,
    config: &Config,
    now: i64,
    only: Option<&HashSet<PathBuf>>,
    inspect: &mut dyn FnMut(&SiteIndex),
) -> Vec<Diagnostic> {
    let analysis = analyze(site, config, now, only);
    inspect(&analysis.index);
    // Post rules and site rules at once: a site rule may keep a core busy.
    let (post_found, site_found) = rayon::join(
        || {
            conventions(&analysis);
            post_rules(site, config, &analysis.cx)
        },
        || site_rules(config, &analysis, &|_| true),
    );
    finish(site, config, &analysis.cx, post_found, site_found)
}

/// What the rules read besides each post: the site as its generator
/// publishes it, and the context built from it. The first half of a lint
/// ([`lint_inspect`]); the language server keeps it between edits.
pub struct Analysis<'a> {
    pub index: SiteIndex<'a>,
    pub cx: Context<'a>,
    /// Files outside any site ([`Site::loose`]): no site rule runs.
    pub loose: bool,
}

/// Index a loaded site and build the rules' context from it. With `only`,
/// findings are wanted only in those files.
pub fn analyze<'a>(
    site: &'a Site,
    config: &Config,
    now: i64,
    only: Option<&'a HashSet<PathBuf>>,
) -> Analysis<'a> {
    let posts = site.posts.iter().filter(|p| !config.is_excluded(&p.path));
    // The site as Hugo publishes it: site rules read it, and it tells post
    // rules which files Hugo never renders as pages.
    let parsed: Vec<&Post> = posts
        .clone()
        .filter(|p| p.front_matter_error.is_none())
        .collect();
    let index = timing("site index", || {
        site.generator
            .index(&parsed, &site.resources, &site.static_files, now)
    });
    let mut cx = Context::new(&site.generator, now);
    cx.only = only;
    cx.unparsed = posts.filter(|p| p.front_matter_error.is_some()).collect();
    cx.unrendered = index
        .pages
        .iter()
        .filter(|p| {
            matches!(
                p.unpublished,
                Some(
                    Unpublished::NotRendered
                        | Unpublished::LeafResource
                        | Unpublished::NoFrontMatter
                        // Jekyll skips it: `date-format` says so, the page
                        // rules have nothing to say of a page never built.
                        | Unpublished::UndatedPost
                )
            )
        })
        .map(|p| p.post.path.clone())
        .collect();
    cx.unsorted = index
        .pages
        .iter()
        .filter_map(|p| match p.unpublished {
            Some(Unpublished::Unsorted(key)) => Some((p.post.path.clone(), key)),
            _ => None,
        })
        .collect();
    // Made by `conventions`, alongside the site rules.
    cx.conventions = std::sync::OnceLock::new();
    Analysis {
        index,
        cx,
        loose: site.loose,
    }
}

/// Make what the site's pages do ([`Context::conventions`]), which the
/// post rules read: alongside the site rules (a site rule that asks for it
/// waits).
pub fn conventions(analysis: &Analysis) {
    let _ = analysis.cx.conventions.set(timing("site conventions", || {
        rules::conventions::Conventions::of(&analysis.index)
    }));
}

/// The post rules' findings in every post the context reports on (not
/// excluded), in parallel.
pub fn post_rules(site: &Site, config: &Config, cx: &Context) -> Vec<PostFound> {
    // A post rule that asked before [`conventions`] ran would wait for ever.
    assert!(
        cx.conventions.get().is_some(),
        "the site's conventions are made before the post rules run"
    );
    timing("post rules", || {
        site.posts
            .par_iter()
            .filter(|p| cx.reports(&p.path) && !config.is_excluded(&p.path))
            .map(|post| lint_post_used(post, config, cx))
            .collect()
    })
}

/// One post's post-rule findings, and what its comments silenced.
fn lint_post_used(post: &Post, config: &Config, cx: &Context) -> PostFound {
    let sups = Suppressions::new(post);
    let found = lint_post_with(post, config, cx, &sups);
    (found, sups.into_used().map(|u| (post.path.clone(), u)))
}

/// The findings of the site rules `which` picks, in the files the context
/// reports on, each at the level its file's configuration gives: not yet
/// silenced by the files' comments ([`finish`] does that). Site rules run
/// once over the index with the base configuration, in parallel, and are
/// reported in rule order.
pub fn site_rules(
    config: &Config,
    analysis: &Analysis,
    which: &(dyn Fn(&RuleMeta) -> bool + Sync),
) -> Vec<Diagnostic> {
    let (index, cx) = (&analysis.index, &analysis.cx);
    // Files outside any site: there is no site to check.
    if analysis.loose {
        return Vec::new();
    }
    let base = config.rules_for(&config.root);
    let rules: Vec<_> = base
        .rules
        .iter()
        .filter(|(meta, level, _)| meta.scope.on_site() && *level != Level::Off && which(meta))
        .collect();
    let found: Vec<Vec<Diagnostic>> = rules
        .par_iter()
        .map(|(meta, _, rule)| {
            let mut found = Vec::new();
            timing(meta.name, || rule.check_site(index, cx, &mut found));
            found
        })
        .collect();
    let mut out = Vec::new();
    for ((meta, _, _), found) in rules.iter().zip(found) {
        for mut d in found {
            if !cx.reports(&d.path) {
                continue;
            }
            let level = config.rules_for(&d.path).level(meta.name);
            let Some(sev) = effective(d.severity, meta, level) else {
                continue;
            };
            d.severity = sev;
            out.push(d);
        }
    }
    out
}

/// The second half of a lint: the site rules' findings silenced by their
/// files' comments, the unused comments, the files that could not be read,
/// in order.
pub fn finish(
    site: &Site,
    config: &Config,
    cx: &Context,
    post_found: Vec<PostFound>,
    site_found: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let posts = site
        .posts
        .iter()
        .filter(|p| cx.reports(&p.path) && !config.is_excluded(&p.path));
    let mut out = combine(
        config,
        site.loose,
        post_found,
        site_found,
        &|p| site.post(p),
        posts,
    );
    out.extend(site.errors.iter().filter(|d| cx.reports(&d.path)).cloned());
    let reads = document::Source::reads();
    timing(
        &format!("texts read on demand by the rules: {reads}"),
        || (),
    );
    drop_changed(site, &mut out);
    sort(&mut out);
    out
}

/// Lint one post again against an analysis made before its last edit, when
/// that edit left everything the site index reads of it as it was
/// ([`site::same_to_index`]): its post rules, the site rules that read
/// bodies (run again for the files the context reports on), and the other
/// site rules' findings in it as they were (`kept`), silenced by its
/// comments as they are now. The language server's way to answer a change
/// of body text without indexing the site again; the analysis's page for
/// the post must already point at `post`.
pub fn relint_post(
    config: &Config,
    analysis: &Analysis,
    kept: Vec<Diagnostic>,
    post: &Post,
) -> Vec<Diagnostic> {
    let post_found = vec![lint_post_used(post, config, &analysis.cx)];
    let mut site_found = kept;
    site_found.extend(
        site_rules(config, analysis, &|meta| meta.reads_bodies)
            .into_iter()
            .filter(|d| d.path == post.path),
    );
    let mut out = combine(
        config,
        analysis.loose,
        post_found,
        site_found,
        &|p| (p == post.path).then_some(post),
        std::iter::once(post),
    );
    sort(&mut out);
    out
}

/// The findings in some posts: their post rules' (`post_found`), the site
/// rules' in them that their comments do not silence, and their comments
/// that silenced nothing.
fn combine<'p>(
    config: &Config,
    loose: bool,
    post_found: Vec<PostFound>,
    site_found: Vec<Diagnostic>,
    post_of: &dyn Fn(&std::path::Path) -> Option<&'p Post>,
    posts: impl Iterator<Item = &'p Post>,
) -> Vec<Diagnostic> {
    let (site_found, mut used) = suppress(site_found, post_of);
    let mut out = Vec::new();
    for (found, post_used) in post_found {
        out.extend(found);
        if let Some((path, u)) = post_used {
            used.entry(path).or_default().extend(u);
        }
    }
    out.extend(site_found);
    out.extend(unused_suppressions(loose, config, posts, &used));
    out
}

/// Files the cache vouched for by their stamps are read only when needed;
/// read now those the findings will show. A file that no longer held the
/// text its stamp promised changed during the run: what was found in it
/// cannot be placed, so it is replaced by one error asking for a new run.
fn drop_changed(site: &Site, out: &mut Vec<Diagnostic>) {
    for d in out.iter() {
        let labelled = d.labels.iter().filter_map(|l| l.path.as_ref());
        for path in std::iter::once(&d.path).chain(labelled) {
            if let Some(post) = site.post(path) {
                let _ = post.source.len();
            }
        }
    }
    let changed: HashSet<&PathBuf> = site
        .posts
        .iter()
        .filter(|p| p.source.changed())
        .map(|p| &p.path)
        .collect();
    if changed.is_empty() {
        return;
    }
    out.retain(|d| {
        !changed.contains(&d.path)
            && !d
                .labels
                .iter()
                .any(|l| l.path.as_ref().is_some_and(|p| changed.contains(p)))
    });
    for path in changed {
        out.push(*site::read_error(
            path.clone(),
            "the file changed while bloglint was checking it: run bloglint again".into(),
        ));
    }
}

/// One post's findings, and what its suppression comments silenced.
pub type PostFound = (Vec<Diagnostic>, Option<(PathBuf, Used)>);

/// `unused-suppression`, once every other rule has run: the comments of the
/// posts reported on that silenced nothing (for the posts where it is on).
fn unused_suppressions<'p>(
    loose: bool,
    config: &Config,
    posts: impl Iterator<Item = &'p Post>,
    used: &HashMap<PathBuf, Used>,
) -> Vec<Diagnostic> {
    let meta = &rules::unused_suppression::META;
    let none = Used::new();
    let mut out = Vec::new();
    for post in posts {
        // A front matter that does not parse stopped the other rules.
        if post.outline.suppressions.is_empty() || post.front_matter_error.is_some() {
            continue;
        }
        let set = config.rules_for(&post.path);
        let Some(severity) = effective(meta.severity, meta, set.level(meta.name)) else {
            continue;
        };
        let mut found = Vec::new();
        let post_used = used.get(&post.path).unwrap_or(&none);
        rules::unused_suppression::check(post, post_used, &set, !loose, &mut found);
        // Only a comment naming this rule silences its findings.
        let sups = Suppressions::new(post);
        for mut d in found {
            d.severity = severity;
            d.path = post.path.clone();
            if !sups.silences_explicitly(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// Site rules' findings without those their files' comments silence, and
/// what each file's comments silenced. A finding in a file that is not a
/// post of the site is dropped.
fn suppress<'p>(
    found: Vec<Diagnostic>,
    post_of: &dyn Fn(&std::path::Path) -> Option<&'p Post>,
) -> (Vec<Diagnostic>, HashMap<PathBuf, Used>) {
    let mut out = Vec::new();
    // One line index per file with suppression comments, however many
    // findings it has.
    let mut suppressions: HashMap<PathBuf, Suppressions> = HashMap::new();
    for d in found {
        let Some(post) = post_of(&d.path) else {
            continue;
        };
        let sups = suppressions
            .entry(d.path.clone())
            .or_insert_with(|| Suppressions::new(post));
        if !sups.silences(&d) {
            out.push(d);
        }
    }
    let used = suppressions
        .into_iter()
        .filter_map(|(path, sups)| Some((path, sups.into_used()?)))
        .collect();
    (out, used)
}

/// Order diagnostics by path, then position, then rule: stable output
/// whatever order files were linted in.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.path, a.span.start, a.span.end, a.rule, &a.message).cmp(&(
            &b.path,
            b.span.start,
            b.span.end,
            b.rule,
            &b.message,
        ))
    });
}

/// Run every post rule that applies to one post.
pub fn lint_post(post: &Post, config: &Config, cx: &Context) -> Vec<Diagnostic> {
    lint_post_with(post, config, cx, &Suppressions::new(post))
}

fn lint_post_with(
    post: &Post,
    config: &Config,
    cx: &Context,
    sups: &Suppressions,
) -> Vec<Diagnostic> {
    let set = config.rules_for(&post.path);
    let mut out = Vec::new();
    for (meta, level, rule) in &set.rules {
        if !meta.scope.on_posts() || *level == Level::Off {
            continue;
        }
        // A front matter that does not parse leaves nothing for the other
        // rules to check: only front-matter-syntax speaks.
        if post.front_matter_error.is_some() && meta.name != rules::front_matter_syntax::META.name {
            continue;
        }
        let mut found = Vec::new();
        rule.check_post(post, cx, &mut found);
        for mut d in found {
            let Some(sev) = effective(d.severity, meta, *level) else {
                continue;
            };
            d.severity = sev;
            d.path = post.path.clone();
            if !sups.silences(&d) {
                out.push(d);
            }
        }
    }
    out
}

/// The inline `<!-- bloglint-… -->` comments of one post, indexed once per
/// post and once per rule, so that checking a finding is a lookup: a large
/// post with many findings and many comments stays linear.
struct Suppressions<'p> {
    /// `None` when the post has no suppression comment.
    index: Option<LineIndex<'p>>,
    post: &'p Post,
    /// Where the comments at the very top of the body end (the first one
    /// that is not among them starts there): they alone reach the front
    /// matter.
    leading_end: usize,
    by_rule: RefCell<HashMap<&'static str, ForRule>>,
    /// The comments (by index) that silenced a finding, and of which rule.
    used: RefCell<Used>,
}

/// The comments that name one rule (or every rule).
struct ForRule {
    /// `bloglint-disable` (true) and `bloglint-enable` (false), by start,
    /// with the comment's index.
    toggles: Vec<(usize, bool, usize)>,
    /// The lines a `bloglint-disable-next-line` silences, and by which
    /// comments.
    next_lines: HashMap<usize, Vec<usize>>,
}

impl<'p> Suppressions<'p> {
    fn new(post: &'p Post) -> Self {
        let sups = &post.outline.suppressions;
        let index = (!sups.is_empty()).then(|| LineIndex::new(&post.source));
        // The leading comments: nothing but blank space between them and
        // from the start of the body.
        let mut top = post.body_start;
        let mut leading_end = usize::MAX;
        for s in sups {
            let blank = post
                .source
                .get(top..s.span.start)
                .is_some_and(|gap| gap.trim().is_empty());
            if !blank {
                leading_end = s.span.start;
                break;
            }
            top = s.span.end;
        }
        Suppressions {
            index,
            post,
            leading_end,
            by_rule: RefCell::new(HashMap::new()),
            used: RefCell::new(Used::new()),
        }
    }

    /// What the comments silenced; `None` when the post has none.
    fn into_used(self) -> Option<Used> {
        self.index.as_ref()?;
        Some(self.used.into_inner())
    }

    /// The comments naming `rule`, and with `blanket` those naming no rule.
    fn for_rule(&self, index: &LineIndex, rule: &str, blanket: bool) -> ForRule {
        let mut toggles = Vec::new();
        let mut next_lines: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, s) in self.post.outline.suppressions.iter().enumerate() {
            if !((blanket && s.rules.is_empty()) || s.rules.iter().any(|r| r == rule)) {
                continue;
            }
            match s.kind {
                SuppressionKind::NextLine => {
                    next_lines
                        .entry(index.line(s.span.end) + 1)
                        .or_default()
                        .push(i);
                }
                SuppressionKind::Disable => toggles.push((s.span.start, true, i)),
                SuppressionKind::Enable => toggles.push((s.span.start, false, i)),
            }
        }
        toggles.sort_by_key(|&(start, _, _)| start);
        ForRule {
            toggles,
            next_lines,
        }
    }

    /// Whether an inline comment silences a diagnostic of the post.
    ///
    /// A finding in the front matter is silenced by `bloglint-disable`
    /// comments at the very top of the body (nothing but blank lines and
    /// other such comments before them): the front matter has no comments of
    /// its own that every format supports. A finding in the body is silenced
    /// by a `bloglint-disable-next-line` on the line before, or by the last
    /// `bloglint-disable`/`-enable` before it.
    fn silences(&self, d: &Diagnostic) -> bool {
        let Some(index) = &self.index else {
            return false;
        };
        let mut by_rule = self.by_rule.borrow_mut();
        let rule = by_rule
            .entry(d.rule)
            .or_insert_with(|| self.for_rule(index, d.rule, true));
        self.decide(index, rule, d)
    }

    /// Whether a comment that names the diagnostic's rule silences it
    /// (comments naming no rule do not count).
    fn silences_explicitly(&self, d: &Diagnostic) -> bool {
        let Some(index) = &self.index else {
            return false;
        };
        let rule = self.for_rule(index, d.rule, false);
        self.decide(index, &rule, d)
    }

    /// Whether the comments of `rule` silence `d`; the ones that do are
    /// recorded as used.
    fn decide(&self, index: &LineIndex, rule: &ForRule, d: &Diagnostic) -> bool {
        let in_front_matter = d.span.start < self.post.body_start;
        if !in_front_matter && let Some(comments) = rule.next_lines.get(&index.line(d.span.start)) {
            let mut used = self.used.borrow_mut();
            used.extend(comments.iter().map(|&i| (i, d.rule)));
            return true;
        }
        // Of the toggles that reach it, the last one decides.
        let applies = |start: usize| {
            if in_front_matter {
                start < self.leading_end
            } else {
                start <= d.span.start
            }
        };
        let n = rule
            .toggles
            .partition_point(|&(start, _, _)| applies(start));
        match n.checked_sub(1).map(|last| rule.toggles[last]) {
            Some((_, true, i)) => {
                self.used.borrow_mut().insert((i, d.rule));
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_behind_its_stamp_is_reported_not_misplaced() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("hugo.toml"), "baseURL = 'https://example.org/'\n").unwrap();
        let path = root.join("content/posts/a.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = "---\ntitle: A\ndate: 2024-01-14\ndescription: short\n---\n\n#### Deep\n";
        std::fs::write(&path, text).unwrap();
        // A post as the cache gives it: parsed, its text not read yet.
        let parsed = Post::parse(path.clone(), "posts/a.md".into(), text.into());
        let post = Post {
            source: document::Source::later(
                path.clone(),
                text.len(),
                document::source::hash(text.as_bytes()),
            ),
            ..parsed
        };
        // Then the file changes (same length) before its text is needed.
        std::fs::write(&path, text.replace("Deep", "Dope")).unwrap();
        let hugo = hugo::config::HugoConfig::load(root).unwrap();
        let site = Site::new(crate::site::Generator::Hugo(hugo), vec![post], Vec::new());
        let found = lint(&site, &Config::defaults(root), 0, None);
        let said: Vec<(&str, &str)> = found.iter().map(|d| (d.rule, d.message.as_str())).collect();
        assert_eq!(
            said,
            [(
                site::READ_ERROR,
                "the file changed while bloglint was checking it: run bloglint again"
            )]
        );
    }

    fn silenced(src: &str, rule: &'static str, at: &str) -> bool {
        let post = Post::parse("a.md".into(), "posts/a.md".into(), src.into());
        let start = src.find(at).unwrap();
        let d = Diagnostic::new(rule, Severity::Warning, start..start + at.len(), "m");
        Suppressions::new(&post).silences(&d)
    }

    #[test]
    fn suppression_comments() {
        let src = concat!(
            "---\ntitle: T\ndescription: short\n---\n",
            "<!-- bloglint-disable description-length -->\n\n",
            "<!-- bloglint-disable-next-line heading-hierarchy -->\n",
            "#### one\n",
            "#### two\n",
            "<!-- bloglint-disable -->\n",
            "#### three\n",
            "<!-- bloglint-enable heading-hierarchy -->\n",
            "#### four\n",
            "<!-- bloglint-enable -->\n",
            "#### five\n",
        );
        assert!(silenced(src, "description-length", "description: short"));
        assert!(!silenced(src, "required-front-matter", "title: T"));
        assert!(silenced(src, "heading-hierarchy", "#### one"));
        assert!(!silenced(src, "date-format", "#### one"));
        assert!(!silenced(src, "heading-hierarchy", "#### two"));
        assert!(silenced(src, "heading-hierarchy", "#### three"));
        assert!(silenced(src, "date-format", "#### three"));
        assert!(!silenced(src, "heading-hierarchy", "#### four"));
        assert!(silenced(src, "date-format", "#### four"));
        assert!(!silenced(src, "date-format", "#### five"));
        // A disable comment after other text does not reach the front matter.
        let late = "---\ndescription: short\n---\nText.\n<!-- bloglint-disable -->\n";
        assert!(!silenced(late, "description-length", "description: short"));
    }

    #[test]
    fn suppressions_record_the_comments_that_silenced() {
        let src = concat!(
            "---\ntitle: T\ndescription: short\n---\n",
            "<!-- bloglint-disable description-length -->\n\n",
            "<!-- bloglint-disable-next-line heading-hierarchy, date-format -->\n",
            "#### one\n",
            "<!-- bloglint-disable -->\n",
            "<!-- bloglint-disable heading-hierarchy -->\n",
            "#### two\n",
            "<!-- bloglint-disable-next-line -->\n",
        );
        let post = Post::parse("a.md".into(), "posts/a.md".into(), src.into());
        let sups = Suppressions::new(&post);
        for (rule, at) in [
            ("description-length", "description: short"),
            ("heading-hierarchy", "#### one"),
            ("heading-hierarchy", "#### two"),
            ("broken-link", "#### two"),
        ] {
            let start = src.find(at).unwrap();
            let d = Diagnostic::new(rule, Severity::Warning, start..start + at.len(), "m");
            assert!(sups.silences(&d), "{rule} at {at}");
        }
        let mut used: Vec<_> = sups.into_used().unwrap().into_iter().collect();
        used.sort();
        // The front matter's leading comment; the next-line one for its
        // rule only; of two ranges, the last one that reaches the finding.
        assert_eq!(
            used,
            [
                (0, "description-length"),
                (1, "heading-hierarchy"),
                (2, "broken-link"),
                (3, "heading-hierarchy"),
            ]
        );
        let none = Post::parse("b.md".into(), "posts/b.md".into(), "text".into());
        assert!(Suppressions::new(&none).into_used().is_none());
    }

    /// Found by `tests/hostile.rs`: 20,000 comments and 40,000 findings in
    /// one post took half a minute, each finding walking every comment.
    #[test]
    fn many_comments_and_findings_stay_linear() {
        let src = format!(
            "---\ntitle: T\n---\n{}",
            "<!-- bloglint-disable-next-line x -->\n#### h\n<!-- bloglint-disable y -->\n"
                .repeat(20_000)
        );
        let post = Post::parse("a.md".into(), "posts/a.md".into(), src.clone());
        let sups = Suppressions::new(&post);
        let started = std::time::Instant::now();
        let mut silenced = 0;
        for (i, _) in src.match_indices("####") {
            for rule in ["x", "y", "heading-hierarchy"] {
                let d = Diagnostic::new(rule, Severity::Warning, i..i + 4, "m");
                silenced += usize::from(sups.silences(&d));
            }
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // `x` on the next line each time; `y` after the first disable.
        assert_eq!(silenced, 20_000 + 19_999);
    }
}
