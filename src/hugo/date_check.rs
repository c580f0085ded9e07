//! `date-format` on Hugo sites: front matter dates Hugo cannot parse, and
//! dates Hugo reads otherwise than meant (a future publish date, `lastmod`
//! before `date`, a year read as Unix time, an ignored zone name). The rule
//! (`rules/date_format.rs`) reaches it through `Generator::check_dates`.

use super::date::{self, DateError, HugoDate};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Format, Key, Node, Post, Value, edit};
use crate::rules::Context;
use crate::rules::date_format::{DateOptions, META};

/// A date field Hugo reads by default (keys are case-insensitive), and the
/// fields before it in Hugo's chains: when one of those holds a date, Hugo
/// never reads this one.
struct Field {
    key: &'static str,
    shadowed_by: &'static [&'static str],
}

const FIELDS: &[Field] = &[
    Field {
        key: "date",
        shadowed_by: &[],
    },
    Field {
        key: "publishDate",
        shadowed_by: &[],
    },
    Field {
        key: "pubdate",
        shadowed_by: &["publishDate"],
    },
    Field {
        key: "published",
        shadowed_by: &["publishDate", "pubdate"],
    },
    Field {
        key: "lastmod",
        shadowed_by: &[],
    },
    Field {
        key: "modified",
        shadowed_by: &["lastmod"],
    },
    Field {
        key: "expiryDate",
        shadowed_by: &[],
    },
    Field {
        key: "unpublishdate",
        shadowed_by: &["expiryDate"],
    },
];

/// Hugo's `.PublishDate` and `.Date` chains, without the `lastmod` fallbacks.
const PUBLISH_CHAIN: &[&str] = &["publishDate", "pubdate", "published", "date"];
const DATE_CHAIN: &[&str] = &["date", "publishDate", "pubdate", "published"];
const LASTMOD_CHAIN: &[&str] = &["lastmod", "modified"];

pub(crate) const EXAMPLE: &str = "write it as 2024-01-14 or 2024-01-14T09:30:00+01:00";

/// Integers below this (2001-09-09 as Unix time) are taken for a mistake
/// (`date: 2024`, `date: 20240114`) rather than a deliberate Unix time.
const UNIX_TIME_FLOOR: i64 = 1_000_000_000;

/// The farthest offsets from UTC in use: UTC+14:00 and UTC−12:00.
const MAX_EAST: i64 = 14 * 3600;
const MAX_WEST: i64 = 12 * 3600;

/// A date field as written in the post.
struct Found<'a> {
    key: &'a Key,
    node: &'a Node,
    reading: Result<Option<HugoDate>, Problem>,
}

/// Why Hugo cannot read a value as a date.
enum Problem {
    Unparsable(DateError),
    WrongType,
}

/// What Hugo makes of a front matter value: a date, nothing (null, `""`),
/// or an error.
fn read(node: &Node, format: Format) -> Result<Option<HugoDate>, Problem> {
    match &node.value {
        Value::Null => Ok(None),
        Value::String(s) if s.is_empty() => Ok(None),
        Value::String(s) => date::parse(s).map(Some).map_err(Problem::Unparsable),
        Value::Datetime(s) => date::parse_toml(s).map(Some).map_err(Problem::Unparsable),
        // YAML and TOML integers are Unix time; JSON numbers are floats,
        // which Hugo rejects.
        Value::Integer(i) if format != Format::Json => Ok(Some(HugoDate::from_unix(*i))),
        _ => Err(Problem::WrongType),
    }
}

/// The error for a value Hugo fails the build on.
fn problem_report(post: &Post, x: &Found, problem: &Problem) -> Diagnostic {
    let key = &x.key.name;
    let d =
        |message: String| Diagnostic::new(META.name, Severity::Error, x.node.span.clone(), message);
    match problem {
        Problem::Unparsable(e) => {
            let suggestion = x.node.as_str().and_then(date::suggest);
            let help = suggestion
                .as_ref()
                .map_or_else(|| EXAMPLE.to_string(), |s| format!("write it as {s}"));
            let label = unparsable_label(e);
            let report = d(format!(
                "`{key}` is not a date Hugo can parse; the build fails"
            ))
            .with_label(label)
            .with_help(help);
            // The suggestion reads the writer's mind (day first?): unsafe.
            match suggestion
                .and_then(|s| Some((edit::replace_scalar(&post.source, x.node, &s)?, s)))
            {
                Some((e, s)) => report.with_fix(Fix::unsafe_(format!("rewrite as {s}"), vec![e])),
                None => report,
            }
        }
        Problem::WrongType => {
            let what = match x.node.value {
                Value::Integer(_) | Value::Float(_) => "a number",
                _ => x.node.type_name(),
            };
            // `"date": 20240114` in JSON: the date, quoted.
            let help = match x.node.value {
                Value::Integer(i) => yyyymmdd(i).map(|s| format!("write it as \"{s}\"")),
                _ => None,
            };
            d(format!("`{key}` is {what}, not a date; the build fails"))
                .with_label("not a date")
                .with_help(help.unwrap_or_else(|| EXAMPLE.to_string()))
        }
    }
}

fn unparsable_label(e: &DateError) -> String {
    match e {
        DateError::NoLayout => "not a date Hugo can parse".to_string(),
        e => e.to_string(),
    }
}

/// Layouts that are RFC 3339 (or its date) already.
const STANDARD: [&str; 3] = [
    "2006-01-02",
    "2006-01-02T15:04:05Z07:00",
    "2006-01-02T15:04:05",
];

/// An info for a date Hugo reads in a layout other than RFC 3339, with a
/// safe fix: the same instant (or the same wall clock, when it has no
/// zone) written as RFC 3339.
fn non_standard(post: &Post, x: &Found, d: &HugoDate) -> Option<Diagnostic> {
    let date::Form::Layout(layout) = d.form else {
        return None;
    };
    if STANDARD.contains(&layout) || d.ignored_zone.is_some() || !d.has_year {
        return None;
    }
    let rfc = d.to_string();
    let edit = edit::replace_scalar(&post.source, x.node, &rfc)?;
    Some(
        Diagnostic::new(
            META.name,
            Severity::Info,
            x.node.span.clone(),
            format!("`{}` is not written as RFC 3339", x.key.name),
        )
        .with_label(format!("Hugo reads {rfc}"))
        .with_help(
            "RFC 3339 (2024-01-14T09:30:00+01:00) is the one layout every tool reads the same way",
        )
        .with_fix(Fix::safe(format!("rewrite as {rfc}"), vec![edit])),
    )
}

/// A warning for a date Hugo reads, but not as the writer meant.
fn misreading(post: &Post, x: &Found, d: &HugoDate, site: Option<i32>) -> Option<Diagnostic> {
    let key = &x.key.name;
    let mut fix = None;
    let (message, label, help) = if let Value::Integer(i) = x.node.value {
        if i >= UNIX_TIME_FLOOR {
            return None;
        }
        // `20240114` meant a day: the rewrite changes what Hugo reads.
        fix = yyyymmdd(i).map(|iso| {
            Fix::replace(
                Applicability::Unsafe,
                format!("rewrite as {iso}"),
                x.node.span.clone(),
                iso,
            )
        });
        (
            format!("`{key}` is a number: Hugo reads it as Unix time, {d}"),
            format!("read as {d}"),
            yyyymmdd(i).map_or_else(|| EXAMPLE.to_string(), |s| format!("write it as {s}")),
        )
    } else if !d.has_year {
        (
            format!("`{key}` has no year: Hugo reads it as {d}"),
            "no year".to_string(),
            EXAMPLE.to_string(),
        )
    } else {
        let zone = d.ignored_zone.as_deref()?;
        if matches!(zone, "UTC" | "GMT") && site == Some(0) {
            return None;
        }
        let wall = HugoDate {
            offset: None,
            ..d.clone()
        };
        // Dropping the name keeps what Hugo reads, not what the writer meant.
        fix = edit::replace_scalar(&post.source, x.node, &wall.to_string()).map(|e| {
            Fix::unsafe_(
                format!("rewrite as {wall}, without the ignored zone"),
                vec![e],
            )
        });
        (
            format!(
                "Hugo ignores the zone `{zone}` of `{key}` and reads {wall} in the site's time zone"
            ),
            format!("`{zone}` is ignored"),
            format!("write the offset as a number instead, like {wall}-08:00"),
        )
    };
    let d = Diagnostic::new(META.name, Severity::Warning, x.node.span.clone(), message)
        .with_label(label)
        .with_help(help);
    Some(match fix {
        Some(f) => d.with_fix(f),
        None => d,
    })
}

/// `20240114` → `2024-01-14`, when it is a real date.
fn yyyymmdd(i: i64) -> Option<String> {
    let s = i.to_string();
    if s.len() != 8 {
        return None;
    }
    let iso = format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..]);
    date::parse(&iso).is_ok().then_some(iso)
}

/// Whether Hugo treats the page as a draft (`draft: true`, or a string Go's
/// `strconv.ParseBool` reads as true).
fn is_draft(post: &Post) -> bool {
    match post.field("draft").map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.as_str(), "1" | "t" | "T" | "true" | "TRUE" | "True"),
        Some(Value::Integer(i)) => *i != 0,
        _ => false,
    }
}

/// The earliest and latest instant a date can be: exact when its offset or
/// the site's is known, else anywhere from UTC+14:00 to UTC−12:00.
fn instants(d: &HugoDate, site: Option<i32>) -> (i64, i64) {
    match d.offset.or(site) {
        Some(o) => {
            let t = d.unix_in(o);
            (t, t)
        }
        None => (d.unix() - MAX_EAST, d.unix() + MAX_WEST),
    }
}

/// Whether `a` is surely earlier than `b`. A calendar date alone compares
/// by day: `lastmod: 2024-01-14` is not earlier than `date: 2024-01-14T10:00:00`.
fn earlier(a: &HugoDate, b: &HugoDate, site: Option<i32>) -> bool {
    if !a.has_time || !b.has_time {
        return a.day_number() < b.day_number();
    }
    if a.offset.is_none() && b.offset.is_none() {
        // Both in the site's zone, whatever it is.
        return a.unix() < b.unix();
    }
    instants(a, site).1 < instants(b, site).0
}

/// `date-format` on a Hugo site: every date field of a post's front matter
/// as Hugo 0.168 reads it.
pub fn check(post: &Post, cx: &Context, options: &DateOptions, out: &mut Vec<Diagnostic>) {
    let Some(fm) = &post.front_matter else {
        return;
    };
    // A named zone's offset depends on the date: not modelled here (each
    // date then spans every offset).
    let site = crate::hugo::zone::fixed_offset(cx.generator.time_zone());
    let found: Vec<(&Field, Found)> = FIELDS
        .iter()
        .filter_map(|f| {
            let (key, node) = fm.root.get(f.key)?;
            let reading = read(node, fm.format);
            Some((f, Found { key, node, reading }))
        })
        .collect();
    let date_in = |key: &str| {
        found.iter().find_map(|(f, x)| match &x.reading {
            Ok(Some(d)) if f.key == key => Some((x, d)),
            _ => None,
        })
    };
    let first_date = |chain: &[&str]| chain.iter().find_map(|k| date_in(k));

    for (field, x) in &found {
        let shadow = field.shadowed_by.iter().find_map(|k| date_in(k));
        match (&x.reading, shadow) {
            (Err(problem), None) => out.push(problem_report(post, x, problem)),
            (Err(_), Some((by, _))) => out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Warning,
                    x.node.span.clone(),
                    format!(
                        "`{}` is not a date; Hugo ignores it because `{}` is set",
                        x.key.name, by.key.name
                    ),
                )
                .with_label(match &x.reading {
                    Err(Problem::Unparsable(e)) => unparsable_label(e),
                    _ => "not a date".to_string(),
                })
                .with_help(format!("remove it, or {EXAMPLE}")),
            ),
            (Ok(Some(d)), None) => {
                out.extend(misreading(post, x, d, site));
                out.extend(non_standard(post, x, d));
            }
            (Ok(_), _) => {}
        }
    }

    if options.future
        && !is_draft(post)
        && let Some((x, d)) = first_date(PUBLISH_CHAIN)
        && instants(d, site).0 > cx.now
    {
        out.push(
            Diagnostic::new(
                META.name,
                Severity::Warning,
                x.node.span.clone(),
                format!(
                    "`{}` is in the future: Hugo does not publish this page until {d}",
                    x.key.name
                ),
            )
            .with_label("in the future")
            .with_help("mark the page `draft: true` until then, or build with `--buildFuture`"),
        );
    }

    if options.lastmod_before_date
        && let (Some((lm, l)), Some((dt, d))) = (first_date(LASTMOD_CHAIN), first_date(DATE_CHAIN))
        && earlier(l, d, site)
    {
        out.push(
            Diagnostic::new(
                META.name,
                Severity::Warning,
                lm.node.span.clone(),
                format!(
                    "`{}` ({l}) is earlier than `{}` ({d})",
                    lm.key.name, dt.key.name
                ),
            )
            .with_label("earlier than the publication date")
            .with_secondary(None, dt.node.span.clone(), "published here")
            .with_help(format!(
                "set `{}` to the date of the last real change, or remove it",
                lm.key.name
            )),
        );
    }
}
