//! `date-format` on Jekyll sites: the dates Jekyll 4.3.1 reads (a post's or
//! a collection document's front matter `date`, and the date in its file
//! name), and what it does with them.
//!
//! What a real build does (Jekyll 4.3.1, Ruby 3.1.2; each case built with
//! `jekyll build`, under `TZ=UTC`, `TZ=Asia/Tokyo` and
//! `TZ=America/Los_Angeles` where the zone matters):
//!
//! - A front matter `date` it cannot read fails the build ("does not have a
//!   valid date in the YAML front matter"), for posts and for documents of
//!   any collection, written or not. Drafts are read only with `--drafts`
//!   (`show_drafts`). A `date` on a page is data: the build ignores it.
//! - A file name date that does not exist (`2024-13-01-x.md`) fails the
//!   build, unless the front matter has a `date`: Jekyll then never reads
//!   the file name's.
//! - A day past the end of its month rolls over: `2024-02-30` is published
//!   on 2024-03-01, in the file name as in the front matter.
//! - A file in `_posts` without the `YYYY-MM-DD-` prefix is skipped without
//!   a word.
//! - The front matter `date` wins over the file name's for the URL
//!   (`/2024/01/07/x.html` for `2024-01-05-x.md` with `date: 2024-01-07`).
//! - Without `timezone:`, Jekyll shows every date with an instant (an
//!   offset, or an unquoted YAML timestamp with seconds, read as UTC) in
//!   the build machine's zone: `2024-01-05 23:30:00` is on January 6th in
//!   Tokyo; `2024-01-05 00:30:00 +0100` is on January 4th on a UTC machine.
//!   A date alone, a quoted date-time or one without seconds is read on the
//!   machine's wall clock: its day is the same everywhere.
//! - A post dated after the build is not written unless `future: true`.
//!
//! - With front matter that does not parse, Jekyll reads no date at all,
//!   not even the file name's: the post is dated at build time.
//!
//! Forms bloglint does not model ([`DateError::NotModelled`]) are never
//! reported; neither are dates set by front matter `defaults` (they are
//! written in `_config.yml`, not in the post).

use std::ops::Range;

use super::config::JekyllConfig;
use super::date::{self, Civil, DateError, JekyllDate};
use super::index::{self, Meta, Role};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Node, Post, Quote, Value, edit};
use crate::rules::Context;

const RULE: &str = "date-format";

const EXAMPLE: &str = "write it as 2024-01-05, or 2024-01-05 10:00:00 +0100 with a time";

/// The farthest offset east of UTC in use: UTC+14:00.
const MAX_EAST: i64 = 14 * 3600;

/// What the rule's options ask of the Jekyll checks.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Warn about posts dated after now (not built without `future: true`).
    pub future: bool,
}

/// The findings of `date-format` on one content file of a Jekyll site.
pub fn check(
    post: &Post,
    jk: &JekyllConfig,
    cx: &Context,
    options: Options,
    out: &mut Vec<Diagnostic>,
) {
    let role = index::role(jk, &post.content_path);
    if role == Role::Page {
        // A page's `date` is data: Jekyll does not read it.
        return;
    }
    let meta = Meta::new(jk, post, &role);
    let draft = matches!(role, Role::Draft { .. });
    // A draft is read only with `--drafts`; its date then counts.
    let read = !draft || jk.show_drafts;
    let unpublished = meta
        .field("published")
        .is_some_and(|n| matches!(n.value, Value::Bool(false) | Value::Null))
        && !jk.unpublished;
    let file_name = post
        .content_path
        .rsplit('/')
        .next()
        .unwrap_or(&post.content_path);
    let from_name = date::filename_date(file_name);
    let start = 0..0;
    let noun = match role {
        Role::Document { .. } => "document",
        Role::Draft { .. } => "draft",
        _ => "post",
    };

    if matches!(role, Role::Post { .. }) && from_name.is_none() && !unpublished {
        out.push(
            Diagnostic::new(
                RULE,
                Severity::Warning,
                start.clone(),
                format!(
                    "`{file_name}` is in `_posts` without a `YYYY-MM-DD-` date: Jekyll skips it without a word"
                ),
            )
            .with_label("not published")
            .with_help(format!(
                "name it after its date, like `2024-01-05-{file_name}`, or move it out of `_posts`"
            )),
        );
        return;
    }

    if post.front_matter_error.is_some() {
        // Jekyll drops the front matter and never reads the file name's
        // date either: the post is dated at build time (front-matter-syntax
        // reports it).
        return;
    }
    let own = post
        .front_matter
        .as_ref()
        .and_then(|fm| fm.root.entries.iter().find(|(k, _)| k.name == "date"))
        .map(|(_, n)| n);
    if own.is_none() && meta.field("date").is_some() {
        // Dated by front matter defaults: the value is in `_config.yml`.
        return;
    }

    let dated = match own {
        Some(node) => {
            let Some(text) = text_of(node) else {
                return;
            };
            match date::parse_value(&text, node.quote != Quote::None) {
                Ok(d) => Dated::FrontMatter(node, text, d),
                Err(DateError::NotModelled) => return,
                Err(DateError::Invalid) => {
                    out.push(invalid(
                        node.span.clone(),
                        read,
                        format!("`date` is not a date Jekyll can read ({text:?})"),
                        "the front matter",
                    ));
                    return;
                }
            }
        }
        None => match &from_name {
            None => return,
            Some(f) => match &f.date {
                Ok(d) => Dated::FileName(f.text.clone(), d.clone()),
                Err(DateError::NotModelled) => return,
                Err(DateError::Invalid) => {
                    out.push(
                        invalid(
                            start,
                            read,
                            format!("the date `{}` in the file name does not exist", f.text),
                            "the file name",
                        )
                        .with_help(
                            "rename the file after a day that exists, or give it a front matter \
                             `date` (Jekyll then never reads the file name's)",
                        ),
                    );
                    return;
                }
            },
        },
    };
    if !read {
        return;
    }
    let tz = jk.timezone.as_deref();

    match &dated {
        Dated::FrontMatter(node, text, d) => {
            if d.rolled_over {
                out.push(rolled_over(post, node, text, d, noun));
            }
            if let Some(f) = &from_name
                && let Ok(fd) = &f.date
                && !fd.rolled_over
            {
                out.extend(mismatch(node, text, d, &f.text, fd, tz, noun));
            }
            if tz.is_none() {
                out.extend(zone_dependent(node, text, d, noun));
            }
        }
        Dated::FileName(text, d) if d.rolled_over => {
            let day = show(&d.civil(), false);
            out.push(
                Diagnostic::new(
                    RULE,
                    Severity::Warning,
                    start.clone(),
                    format!(
                        "the date `{text}` in the file name does not exist: Jekyll dates the {noun} {day}"
                    ),
                )
                .with_label(format!("read as {day}"))
                .with_help("rename the file after a day that exists (the URL follows the date)"),
            );
        }
        Dated::FileName(..) => {}
    }

    if options.future && matches!(role, Role::Post { .. }) && !jk.future && !unpublished {
        let (d, span) = match &dated {
            Dated::FrontMatter(node, _, d) => (d, node.span.clone()),
            Dated::FileName(_, d) => (d, start),
        };
        if earliest(d, tz) > cx.now {
            let when = show(&d.civil(), d.has_time);
            out.push(
                Diagnostic::new(
                    RULE,
                    Severity::Warning,
                    span,
                    format!(
                        "the post is dated in the future ({when}): Jekyll does not build it until then"
                    ),
                )
                .with_label("in the future")
                .with_help(
                    "it appears at the first build after its date, and nothing rebuilds the site \
                     on that day by itself (GitHub Pages builds on a push); `future: true` in \
                     `_config.yml` publishes it now",
                ),
            );
        }
    }
}

/// Where a post's date comes from.
enum Dated<'a> {
    /// Its front matter `date`: the node, its text, the date Jekyll reads.
    FrontMatter(&'a Node, String, JekyllDate),
    /// Its file name: the date as written, as Jekyll reads it.
    FileName(String, JekyllDate),
}

/// The text Jekyll hands to `Time.parse` for a scalar (lists and tables
/// are not modelled).
fn text_of(node: &Node) -> Option<String> {
    match &node.value {
        Value::String(s) | Value::Datetime(s) => Some(s.clone()),
        Value::Integer(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

/// A date Jekyll fails the build on: an error where the build reads it, a
/// warning in a draft (read only with `--drafts`).
fn invalid(span: Range<usize>, read: bool, what: String, place: &str) -> Diagnostic {
    let (severity, consequence) = if read {
        (Severity::Error, "the build fails")
    } else {
        (Severity::Warning, "`jekyll build --drafts` fails")
    };
    Diagnostic::new(RULE, severity, span, format!("{what}; {consequence}"))
        .with_label(format!("not a valid date in {place}"))
        .with_help(EXAMPLE)
}

/// A front matter date past the end of its month (or hour 24, second 60).
fn rolled_over(post: &Post, node: &Node, text: &str, d: &JekyllDate, noun: &str) -> Diagnostic {
    let published = show(&d.civil(), d.has_time);
    let report = Diagnostic::new(
        RULE,
        Severity::Warning,
        node.span.clone(),
        format!("`date` {text:?} does not exist: Jekyll dates the {noun} {published}"),
    )
    .with_label(format!("read as {published}"))
    .with_help("write the day you mean; the URL follows it");
    // Jekyll's own reading keeps the URL, but the writer may have meant
    // another day (the end of the month?): unsafe.
    if d.has_time {
        return report;
    }
    match edit::replace_scalar(&post.source, node, &published) {
        Some(e) => report.with_fix(Fix::unsafe_(
            format!("rewrite as {published}, the day Jekyll publishes"),
            vec![e],
        )),
        None => report,
    }
}

/// A front matter date on another day than the file name's.
fn mismatch(
    node: &Node,
    text: &str,
    d: &JekyllDate,
    name_text: &str,
    name_date: &JekyllDate,
    tz: Option<&str>,
    noun: &str,
) -> Option<Diagnostic> {
    let named = day_of(&name_date.civil());
    let written = d.civil();
    // The day Jekyll computes: in the site's zone, or as written when that
    // depends on the build machine; and the zone when it moved the day.
    let (day, zone) = match date::local(d, tz) {
        Some(local) if day_of(&local) != day_of(&written) => (local, tz),
        Some(local) => (local, None),
        None => (written, None),
    };
    if day_of(&day) == named {
        return None;
    }
    let shown = show(&day, false);
    let message = match zone {
        Some(zone) => format!(
            "`date` {text:?} is on {shown} in the site's zone ({zone}), not on the day of the file name ({name_text}): Jekyll dates the {noun} {shown}"
        ),
        None => format!(
            "`date` {text:?} is not the day of the file name ({name_text}): Jekyll dates the {noun} {shown}"
        ),
    };
    Some(
        Diagnostic::new(RULE, Severity::Warning, node.span.clone(), message)
            .with_label(format!("Jekyll dates the {noun} {shown}"))
            .with_help(
                "Jekyll takes the front matter `date` over the file name's for the URL and the order: make the two agree",
            ),
    )
}

/// A date whose day depends on the build machine's zone (the site sets no
/// `timezone:`).
fn zone_dependent(node: &Node, text: &str, d: &JekyllDate, noun: &str) -> Option<Diagnostic> {
    let written = d.civil();
    let help = "set `timezone:` in `_config.yml` (an IANA name, like `timezone: Europe/Paris`): \
                Jekyll then shows every date in that zone";
    if d.yaml_utc {
        return Some(
            Diagnostic::new(
                RULE,
                Severity::Warning,
                node.span.clone(),
                format!(
                    "`date` {text:?} has no offset and the site sets no `timezone:`: Jekyll reads it as UTC and dates the {noun} by the build machine's clock"
                ),
            )
            .with_label("read as UTC, shown in the machine's zone")
            .with_help(format!(
                "{help}; or quote the date, which Jekyll reads on the machine's wall clock"
            )),
        );
    }
    d.offset?;
    let utc = date::local(d, Some("UTC"))?;
    if day_of(&utc) == day_of(&written) {
        return None;
    }
    Some(
        Diagnostic::new(
            RULE,
            Severity::Warning,
            node.span.clone(),
            format!(
                "the site sets no `timezone:`: Jekyll dates this {noun} by the build machine's clock, and on a UTC machine (GitHub Pages) {text:?} is on {}",
                show(&utc, false)
            ),
        )
        .with_label(format!("{} in UTC", show(&utc, false)))
        .with_help(help),
    )
}

/// The earliest instant a date can be: exact when its offset or the site's
/// zone is known, else as early as UTC+14:00 reads it.
fn earliest(d: &JekyllDate, tz: Option<&str>) -> i64 {
    date::instant(d, tz).unwrap_or_else(|| d.unix_utc(0) - MAX_EAST)
}

fn day_of(c: &Civil) -> (i32, u8, u8) {
    (c.year, c.month, c.day)
}

/// `2024-03-01`, or `2024-03-01 10:00:00` with its time.
fn show(c: &Civil, time: bool) -> String {
    let day = format!("{:04}-{:02}-{:02}", c.year, c.month, c.day);
    if time {
        format!("{day} {:02}:{:02}:{:02}", c.hour, c.minute, c.second)
    } else {
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;
    use crate::site::Generator;
    use std::path::PathBuf;

    /// A fixed "now": 2025-01-01T00:00:00Z.
    const NOW: i64 = 1_735_689_600;

    fn config(yaml: &str) -> (tempfile::TempDir, Generator) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("_config.yml"), yaml).expect("config");
        let jk = JekyllConfig::load(dir.path()).expect("loads");
        (dir, Generator::Jekyll(jk))
    }

    /// The findings on `path` with `front` as its front matter, on a site
    /// configured by `yaml`: (severity, the text pointed at, message).
    fn run(yaml: &str, path: &str, front: &str) -> Vec<(Severity, String, String)> {
        let (_dir, g) = config(yaml);
        let src = format!("---\ntitle: t\n{front}---\nBody.\n");
        let post = Post::parse(PathBuf::from(path), path.to_string(), src.clone());
        let cx = Context::new(&g, NOW);
        let mut out = Vec::new();
        g.check_dates(&post, &cx, &OPTIONS, &mut out);
        out.into_iter()
            .map(|d| (d.severity, src[d.span].to_string(), d.message))
            .collect()
    }

    const OPTIONS: crate::rules::date_format::DateOptions =
        crate::rules::date_format::DateOptions {
            future: true,
            lastmod_before_date: true,
        };

    fn severities(yaml: &str, path: &str, front: &str) -> Vec<Severity> {
        run(yaml, path, front).into_iter().map(|f| f.0).collect()
    }

    // Each expectation was checked with `jekyll build` (Jekyll 4.3.1).

    #[test]
    fn pages_dates_are_data() {
        for front in [
            "date: 2024-13-01\n",
            "date: whenever\n",
            "date: 2024-02-30\n",
        ] {
            assert_eq!(run("", "about.md", front), [], "{front}");
            assert_eq!(run("", "blog/_notes/a.md", front), [], "{front}");
        }
    }

    #[test]
    fn hugo_sites_keep_their_own_checks() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("hugo.toml"), "").expect("config");
        let g = Generator::detect(dir.path()).expect("loads");
        // An undated file in `_posts` is Jekyll's trap, not Hugo's.
        let post = Post::parse(
            "_posts/a.md".into(),
            "_posts/a.md".into(),
            "---\ntitle: t\n---\n".into(),
        );
        let mut out = Vec::new();
        g.check_dates(&post, &Context::new(&g, NOW), &OPTIONS, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn invalid_dates_fail_the_build() {
        let f = run("", "_posts/2024-01-05-a.md", "date: 2024-13-01\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "2024-13-01");
        assert_eq!(
            f[0].2,
            "`date` is not a date Jekyll can read (\"2024-13-01\"); the build fails"
        );
        for front in [
            "date: yesterday\n",
            "date: '2024'\n",
            "date: 2024-01-05 25:00\n",
        ] {
            assert_eq!(
                severities("", "_posts/2024-01-05-a.md", front),
                [Severity::Error],
                "{front}"
            );
        }
        // The file name's date, when the front matter has none.
        let f = run("", "_posts/2024-13-01-a.md", "");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].0, f[0].1.as_str()), (Severity::Error, ""));
        // With a front matter date Jekyll never reads the name's.
        assert_eq!(run("", "_posts/2024-13-01-a.md", "date: 2024-01-05\n"), []);
        // A collection's documents are read, written or not.
        let notes = "collections:\n  notes:\n    output: false\n";
        assert_eq!(
            severities(notes, "_notes/a.md", "date: 2024-13-01\n"),
            [Severity::Error]
        );
        assert_eq!(
            severities(notes, "_notes/2024-13-01-a.md", ""),
            [Severity::Error]
        );
    }

    #[test]
    fn drafts_are_read_only_with_drafts() {
        assert_eq!(
            severities("", "_drafts/a.md", "date: 2024-13-01\n"),
            [Severity::Warning]
        );
        assert_eq!(
            severities("show_drafts: true\n", "_drafts/a.md", "date: 2024-13-01\n"),
            [Severity::Error]
        );
        // A draft needs no date in its name; unread, nothing else is said.
        assert_eq!(run("", "_drafts/a.md", "date: 2024-01-05 10:00:00\n"), []);
        assert_eq!(run("", "_drafts/a.md", ""), []);
    }

    #[test]
    fn roll_overs_say_the_day_jekyll_publishes() {
        let src = "---\ndate: '2024-02-30'\n---\n";
        let (_dir, g) = config("");
        let post = Post::parse(
            "_posts/2024-03-01-a.md".into(),
            "_posts/2024-03-01-a.md".into(),
            src.into(),
        );
        let mut out = Vec::new();
        g.check_dates(&post, &Context::new(&g, NOW), &OPTIONS, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].message,
            "`date` \"2024-02-30\" does not exist: Jekyll dates the post 2024-03-01"
        );
        let fix = out[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let (fixed, _) = crate::fix::apply(src, &[fix]);
        assert_eq!(fixed, "---\ndate: '2024-03-01'\n---\n");
        // With a time: no fix, and the other day is said.
        let f = run("", "_posts/2024-01-05-a.md", "date: \"2024-01-05 24:00\"\n");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f[0].2.ends_with("dates the post 2024-01-06 00:00:00"),
            "{f:?}"
        );
        assert!(f[1].2.contains("not the day of the file name"), "{f:?}");
        // The file name's.
        let f = run("", "_posts/2023-02-29-a.md", "");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Warning);
        assert!(f[0].2.ends_with("Jekyll dates the post 2023-03-01"));
    }

    #[test]
    fn undated_posts_are_skipped() {
        let f = run("", "_posts/hello.md", "");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Warning);
        assert!(f[0].2.contains("Jekyll skips it"));
        // Even with a front matter date: the name decides.
        assert_eq!(run("", "_posts/hello.md", "date: 2024-01-05\n").len(), 1);
        assert_eq!(run("", "_posts/x/2024-01-05-hello.md", ""), []);
        assert_eq!(run("", "_posts/hello.md", "published: false\n"), []);
        assert_eq!(run("", "_drafts/hello.md", ""), []);
    }

    #[test]
    fn front_matter_and_file_name_days() {
        let f = run("", "_posts/2024-01-05-a.md", "date: 2024-01-07\n");
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].2,
            "`date` \"2024-01-07\" is not the day of the file name (2024-01-05): Jekyll dates the post 2024-01-07"
        );
        for front in [
            "date: 2024-01-05\n",
            "date: \"2024-01-05 23:59\"\n",
            "date: 2024-01-05 12:00:00 +0100\n",
            "date: January 5, 2024\n",
        ] {
            assert_eq!(run("", "_posts/2024-1-5-a.md", front), [], "{front}");
        }
        // In the site's zone, as Jekyll computes `:day`: 03:00 UTC is the
        // evening before in Los Angeles.
        let la = "timezone: America/Los_Angeles\n";
        let f = run(la, "_posts/2024-01-05-a.md", "date: 2024-01-05 03:00:00\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].2.ends_with("Jekyll dates the post 2024-01-04"),
            "{f:?}"
        );
        let f = run(
            la,
            "_posts/2024-01-05-a.md",
            "date: 2024-01-05 03:00:00 +0000\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            run(la, "_posts/2024-01-05-a.md", "date: 2024-01-05 10:00:00\n"),
            []
        );
        assert_eq!(
            run(
                la,
                "_posts/2024-01-05-a.md",
                "date: '2024-01-05 01:00:00'\n"
            ),
            []
        );
    }

    #[test]
    fn the_build_machines_zone() {
        // Unquoted, with seconds, no offset: read as UTC.
        let f = run("", "_posts/2024-01-05-a.md", "date: 2024-01-05 10:00:00\n");
        assert_eq!(f.len(), 1);
        assert!(f[0].2.contains("reads it as UTC"), "{f:?}");
        // An offset: only when a UTC machine gives another day.
        let f = run(
            "",
            "_posts/2024-01-05-a.md",
            "date: 2024-01-05 00:30:00 +0100\n",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].2.ends_with("is on 2024-01-04"), "{f:?}");
        assert_eq!(
            run(
                "",
                "_posts/2024-01-05-a.md",
                "date: 2024-01-05 10:00:00 +0100\n"
            ),
            []
        );
        // Wall-clock forms: the same day everywhere.
        for front in [
            "date: 2024-01-05\n",
            "date: '2024-01-05 10:00:00'\n",
            "date: 2024-01-05 10:00\n",
            "date: 2024-01-05T10:00\n",
        ] {
            assert_eq!(run("", "_posts/2024-01-05-a.md", front), [], "{front}");
        }
        // A zone set: Jekyll reads every date in it.
        let utc = "timezone: UTC\n";
        assert_eq!(
            run(utc, "_posts/2024-01-05-a.md", "date: 2024-01-05 10:00:00\n"),
            []
        );
        assert_eq!(
            run(
                utc,
                "_posts/2024-01-05-a.md",
                "date: 2024-01-05 00:30:00 +0100\n"
            )
            .len(),
            1
        );
        // Collection documents are dated too.
        let notes = "collections:\n  notes:\n    output: true\n";
        assert_eq!(
            run(notes, "_notes/a.md", "date: 2024-01-05 10:00:00\n").len(),
            1
        );
    }

    #[test]
    fn broken_front_matter_leaves_the_date_to_the_build_time() {
        // Jekyll 4.3.1 dates such a post at build time; the name is all slug.
        assert_eq!(run("", "_posts/2024-13-01-a.md", "title: [oops\n"), []);
        assert_eq!(run("", "_posts/2024-02-30-a.md", "title: [oops\n"), []);
        assert_eq!(run("", "_posts/a.md", "title: [oops\n").len(), 1);
    }

    #[test]
    fn forms_not_modelled_and_defaults_are_left_alone() {
        for front in [
            "date: 2024-01-05 junk\n",
            "date: 5/1/2024\n",
            "date: 2024-01-05 10:00 CEST\n",
            "date: [2024-01-05]\n",
        ] {
            assert_eq!(run("", "_posts/2024-01-05-a.md", front), [], "{front}");
        }
        let defaults = "defaults:\n  - scope: {type: posts}\n    values: {date: 2024-13-01}\n";
        assert_eq!(run(defaults, "_posts/2024-01-05-a.md", ""), []);
    }

    #[test]
    fn future_posts() {
        let f = run("", "_posts/2025-01-05-a.md", "");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Warning);
        assert!(f[0].2.contains("in the future"));
        assert_eq!(run("future: true\n", "_posts/2025-01-05-a.md", ""), []);
        assert_eq!(run("", "_posts/2025-01-05-a.md", "published: false\n"), []);
        // Now is 2025-01-01T00:00:00Z.
        let utc = "timezone: UTC\n";
        assert_eq!(
            run(
                utc,
                "_posts/2024-12-31-a.md",
                "date: 2025-01-01 00:30:00 +0100\n"
            ),
            []
        );
        let f = run(
            utc,
            "_posts/2025-01-01-a.md",
            "date: 2025-01-01 01:30:00 +0100\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, "2025-01-01 01:30:00 +0100");
        // No zone known: only what is future everywhere.
        assert_eq!(run("", "_posts/2025-01-01-a.md", ""), []);
        assert_eq!(run("", "_posts/2025-01-02-a.md", "").len(), 1);
        let paris = "timezone: Europe/Paris\n";
        assert_eq!(
            run(
                paris,
                "_posts/2025-01-01-a.md",
                "date: '2025-01-01 00:59:00'\n"
            ),
            []
        );
        assert_eq!(
            run(
                paris,
                "_posts/2025-01-01-a.md",
                "date: '2025-01-01 01:01:00'\n"
            )
            .len(),
            1
        );
        // Documents and drafts: not reported.
        let notes = "collections:\n  notes:\n    output: true\n";
        assert_eq!(run(notes, "_notes/a.md", "date: 2099-01-01\n"), []);
        assert_eq!(
            run("show_drafts: true\n", "_drafts/a.md", "date: 2099-01-01\n"),
            []
        );
    }
}
