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
                    out.push(invalid(
                        start,
                        read,
                        format!("the date `{}` in the file name does not exist", f.text),
                        "the file name",
                    ));
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
                out.push(rolled_over(post, node, text, d));
            }
            if let Some(f) = &from_name
                && let Ok(fd) = &f.date
                && !fd.rolled_over
            {
                out.extend(mismatch(node, text, d, &f.text, fd, tz));
            }
            if tz.is_none() {
                out.extend(zone_dependent(node, text, d));
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
                        "the date `{text}` in the file name does not exist: Jekyll publishes the post on {day}"
                    ),
                )
                .with_label(format!("published on {day}"))
                .with_help("rename the file after a day that exists (the URL follows the date)"),
            );
        }
        Dated::FileName(..) => {}
    }

    if options.future
        && matches!(role, Role::Post { .. })
        && !jk.future
        && !unpublished
    {
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
                    "it appears at the first build after its date (GitHub Pages builds on a push); \
                     set `published: false` until then, or `future: true` in `_config.yml` to publish it now",
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
fn rolled_over(post: &Post, node: &Node, text: &str, d: &JekyllDate) -> Diagnostic {
    let published = show(&d.civil(), d.has_time);
    let report = Diagnostic::new(
        RULE,
        Severity::Warning,
        node.span.clone(),
        format!("`date` {text:?} does not exist: Jekyll publishes the post on {published}"),
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
) -> Option<Diagnostic> {
    let named = day_of(&name_date.civil());
    let written = d.civil();
    let (day, label) = match date::local(d, tz) {
        Some(local) if day_of(&local) != day_of(&written) => {
            let zone = tz.unwrap_or("the site's zone");
            (
                local,
                format!("{} in {zone}", show(&local, false)),
            )
        }
        Some(local) => (local, show(&local, false)),
        // The day depends on the build machine: compare what is written.
        None => (written, show(&written, false)),
    };
    if day_of(&day) == named {
        return None;
    }
    Some(
        Diagnostic::new(
            RULE,
            Severity::Warning,
            node.span.clone(),
            format!(
                "`date` {text:?} falls on {}, but the file name says {name_text}",
                show(&day, false)
            ),
        )
        .with_label(format!("Jekyll dates the post {label}"))
        .with_help(
            "Jekyll takes the front matter `date` for the URL and the order of posts: make the file name and the date agree",
        ),
    )
}

/// A date whose day depends on the build machine's zone (the site sets no
/// `timezone:`).
fn zone_dependent(node: &Node, text: &str, d: &JekyllDate) -> Option<Diagnostic> {
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
                    "`date` {text:?} has no offset and the site sets no `timezone:`: Jekyll reads it as UTC and dates the post by the build machine's clock"
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
                "the site sets no `timezone:`: Jekyll dates this post by the build machine's clock, and on a UTC machine (GitHub Pages) {text:?} is on {}",
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
