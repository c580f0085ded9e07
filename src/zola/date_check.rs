//! `date-format` on Zola sites: the front matter dates Zola 0.22.1 reads.
//!
//! A page's `date` and `updated` must be RFC 3339 (`2024-01-05T10:00:00Z`,
//! with an offset), the same without the offset or with a space for the
//! `T`, or a day (`2024-01-05`): anything else (`"14/01/2024"`, `"Jan 14,
//! 2024"`, a day that does not exist such as `2024-02-30`, a number, an
//! empty YAML value) fails `zola build` ("Error when parsing front matter"),
//! drafts included. Each case checked with a build of Zola 0.22.1. A date
//! in the future is not a finding: Zola publishes the page all the same.

use crate::calendar;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Post, Value};

/// The findings of `date-format` on one content file of a Zola site.
pub fn check(post: &Post, out: &mut Vec<Diagnostic>) {
    if post
        .content_path
        .rsplit('/')
        .next()
        .is_some_and(|n| n.starts_with("_index."))
    {
        // A section has no date: a `date` key fails the build as an
        // unknown key (front-matter-syntax).
        return;
    }
    for key in ["date", "updated"] {
        let Some(node) = post.field(key) else {
            continue;
        };
        let ok = match &node.value {
            Value::String(s) | Value::Datetime(s) => zola_reads(s),
            _ => false,
        };
        if !ok {
            out.push(
                Diagnostic::new(
                    "date-format",
                    Severity::Error,
                    node.span.clone(),
                    format!("Zola cannot read this `{key}`: it fails the build"),
                )
                .with_label("not a date Zola reads")
                .with_help("write it as 2024-01-05, or 2024-01-05T10:00:00+01:00 with a time"),
            );
        }
    }
}

/// Whether Zola 0.22.1 reads a front matter date string (`utils::de::
/// from_unknown_datetime`): a TOML date-time (TOML 1.1, `toml_datetime`
/// 0.7: seconds optional, `T`, `t` or a space), else the YAML timestamp
/// form (one-digit months and days, blanks before the offset). The day
/// must exist in both. A time alone (`07:32:00`) is read, then refused
/// ("`date` could not be parsed").
pub fn zola_reads(s: &str) -> bool {
    toml_datetime(s) || yaml_datetime(s)
}

/// The digits at the start of `s`, between `min` and `max` of them: their
/// value and the rest.
fn digits(s: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take(max).take_while(u8::is_ascii_digit).count();
    (n >= min).then(|| s[..n].parse().ok().map(|v| (v, &s[n..])))?
}

/// `YYYY-MM-DD` (`M`/`D` one or two digits when `loose`): whether the day
/// exists, and the rest.
fn day(s: &str, loose: bool) -> Option<&str> {
    let min = if loose { 1 } else { 2 };
    let (y, r) = digits(s, 4, 4)?;
    let (m, r) = digits(r.strip_prefix('-')?, min, 2)?;
    let (d, r) = digits(r.strip_prefix('-')?, min, 2)?;
    let m = u8::try_from(m).ok().filter(|m| (1..=12).contains(m))?;
    let y = i32::try_from(y).ok()?;
    (d >= 1 && d <= u32::from(calendar::days_in_month(y, m))).then_some(r)
}

/// `HH:MM[:SS[.frac]]` (seconds required unless `seconds_optional`;
/// one-digit hour when `loose`): the rest.
fn time(s: &str, seconds_optional: bool, loose: bool) -> Option<&str> {
    let (h, r) = digits(s, if loose { 1 } else { 2 }, 2)?;
    let (mi, r) = digits(r.strip_prefix(':')?, 2, 2)?;
    if h > 23 || mi > 59 {
        return None;
    }
    let r = match r.strip_prefix(':') {
        Some(r) => {
            let (sec, r) = digits(r, 2, 2)?;
            if sec > 60 {
                return None;
            }
            match r.strip_prefix('.') {
                Some(f) => f.trim_start_matches(|c: char| c.is_ascii_digit()),
                None => r,
            }
        }
        None if seconds_optional => r,
        None => return None,
    };
    Some(r)
}

fn toml_datetime(s: &str) -> bool {
    let Some(r) = day(s, false) else {
        return false;
    };
    if r.is_empty() {
        return true;
    }
    let Some(r) = r
        .strip_prefix(['T', 't', ' '])
        .and_then(|r| time(r, true, false))
    else {
        return false;
    };
    match r {
        "" | "Z" | "z" => true,
        _ => r
            .strip_prefix(['+', '-'])
            .and_then(|o| digits(o, 2, 2))
            .and_then(|(h, o)| Some((h, digits(o.strip_prefix(':')?, 2, 2)?)))
            .is_some_and(|(h, (m, rest))| h <= 23 && m <= 59 && rest.is_empty()),
    }
}

fn yaml_datetime(s: &str) -> bool {
    let s = s.strip_prefix('"').unwrap_or(s);
    let s = s.strip_suffix('"').unwrap_or(s);
    let Some(r) = day(s, true) else {
        return false;
    };
    if r.is_empty() {
        return true;
    }
    let r = match r.strip_prefix(['T', 't']) {
        Some(r) => r,
        None if r.starts_with([' ', '\t']) => r.trim_start_matches([' ', '\t']),
        None => return false,
    };
    let Some(r) = time(r, false, true) else {
        return false;
    };
    let r = r.trim_start_matches([' ', '\t']);
    match r {
        "" | "Z" => true,
        _ => r
            .strip_prefix(['+', '-'])
            .and_then(|o| digits(o, 1, 2))
            .is_some_and(|(_, o)| {
                o.is_empty()
                    || o.strip_prefix(':')
                        .and_then(|m| digits(m, 2, 2))
                        .is_some_and(|(_, m)| m.is_empty())
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(front: &str) -> usize {
        let post = Post::parse(
            "/site/content/a.md".into(),
            "a.md".into(),
            format!("{front}\nbody\n"),
        );
        let mut out = Vec::new();
        check(&post, &mut out);
        out.len()
    }

    /// What Zola 0.22.1 builds and what it fails on (each built).
    #[test]
    fn dates_zola_reads() {
        for ok in [
            "+++\ndate = 2024-01-14\n+++",
            "+++\ndate = \"2024-01-14T10:00:00+01:00\"\n+++",
            "+++\ndate = \"2024-01-14 10:00:00\"\n+++",
            "+++\nupdated = 2024-02-01\n+++",
            "---\ndate: 2024-01-14\n---",
            "---\ndate: 2024-01-14 10:00\n---",
            "+++\ndate = \"2024-01-14 10:00\"\n+++",
            "---\ndate: 2024-1-5 9:30:00 +1\n---",
            "+++\ndate = 2099-01-05\n+++",
        ] {
            assert_eq!(findings(ok), 0, "{ok}");
        }
        for bad in [
            "+++\ndate = \"14/01/2024\"\n+++",
            "+++\nupdated = \"14/01/2024\"\n+++",
            "+++\ndate = 2024\n+++",
            "+++\ndate = \"2024-02-30\"\n+++",
            "+++\ndate = \"Jan 14, 2024\"\n+++",
            "+++\ndate = \"\"\n+++",
            "---\ndate:\n---",
            "---\ndate: \"2024-02-30\"\n---",
            "---\nupdated: nope\n---",
            "---\ndate: \"07:32:00\"\n---",
            "---\ndate: 2024-01-05T25:00:00\n---",
            "+++\ndraft = true\ndate = \"x\"\n+++",
        ] {
            assert_eq!(findings(bad), 1, "{bad}");
        }
    }
}
