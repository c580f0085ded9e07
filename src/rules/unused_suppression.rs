//! `unused-suppression` (off by default): a `bloglint-disable` comment that
//! silenced nothing. Computed by the engine once every other rule has run,
//! post and site rules alike (see `lint` in `lib.rs`); the rule itself
//! checks nothing on its own.

use std::collections::HashSet;
use std::ops::Range;

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::config::RuleSet;
use crate::diagnostic::{Diagnostic, Edit, Fix, Level, Severity};
use crate::document::Post;
use crate::document::markdown::SuppressionKind;

pub static META: RuleMeta = RuleMeta {
    name: "unused-suppression",
    severity: Severity::Warning,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "A bloglint-disable comment silences nothing (off by default)",
    doc: include_str!("../../rules/unused-suppression.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(UnusedSuppression))
}

struct UnusedSuppression;

impl Rule for UnusedSuppression {
    fn check_post(&self, _: &Post, _: &Context, _: &mut Vec<Diagnostic>) {}
}

/// What the run silenced in one post: (comment index, rule) pairs.
pub type Used = HashSet<(usize, &'static str)>;

/// Why one name of a comment silences nothing.
fn reason(name: &str, rules: &RuleSet, kind: SuppressionKind) -> String {
    if rules.level(name) == Level::Off {
        return format!("`{name}` is off for this file");
    }
    match kind {
        SuppressionKind::NextLine => format!("no finding of `{name}` on the next line"),
        _ => format!("no finding of `{name}` in its range"),
    }
}

/// The comments of a post that silenced nothing. `site_rules_ran`: when
/// site rules were skipped, comments that may be meant for them are left
/// alone.
pub fn check(
    post: &Post,
    used: &Used,
    rules: &RuleSet,
    site_rules_ran: bool,
    out: &mut Vec<Diagnostic>,
) {
    let comments_used: HashSet<usize> = used.iter().map(|&(i, _)| i).collect();
    for (i, s) in post.outline.suppressions.iter().enumerate() {
        if s.kind == SuppressionKind::Enable {
            continue;
        }
        let names = s.rule_spans(&post.source);
        if names.is_empty() {
            if !site_rules_ran || comments_used.contains(&i) {
                continue;
            }
            let what = match s.kind {
                SuppressionKind::NextLine => "no finding of any rule on the next line",
                _ => "no finding of any rule in its range",
            };
            out.push(whole(post, &s.span, what.to_string()));
            continue;
        }
        // The names that count: known rules (`unknown-suppression` reports
        // the others), this rule aside, rules that ran.
        let counted: Vec<(Range<usize>, &str, bool)> = names
            .iter()
            .filter_map(|(span, name)| {
                let meta = super::find(name)?;
                let skipped = meta.scope == Scope::Site && !site_rules_ran;
                if meta.name == META.name || skipped {
                    return None;
                }
                Some((span.clone(), *name, used.contains(&(i, meta.name))))
            })
            .collect();
        let unused: Vec<&(Range<usize>, &str, bool)> =
            counted.iter().filter(|(_, _, u)| !u).collect();
        if unused.is_empty() {
            continue;
        }
        if unused.len() == names.len() {
            let why: Vec<String> = unused
                .iter()
                .map(|(_, n, _)| reason(n, rules, s.kind))
                .collect();
            out.push(whole(post, &s.span, why.join("; ")));
            continue;
        }
        for (span, name, _) in unused {
            let d = Diagnostic::new(
                META.name,
                Severity::Warning,
                span.clone(),
                format!("`{name}` in this suppression comment silences nothing"),
            )
            .with_label(reason(name, rules, s.kind))
            .with_help("remove it: left in place, it would hide a new finding later")
            .with_fix(Fix::safe(
                format!("remove `{name}` from the comment"),
                vec![Edit {
                    range: name_with_separator(&names, span),
                    text: String::new(),
                }],
            ));
            out.push(d);
        }
    }
}

fn whole(post: &Post, span: &Range<usize>, why: String) -> Diagnostic {
    let mut d = Diagnostic::new(
        META.name,
        Severity::Warning,
        span.clone(),
        "suppression comment silences nothing",
    )
    .with_label(why)
    .with_help("remove it: left in place, it would hide a new finding later");
    if let Some(line) = own_line(post, span) {
        d = d.with_fix(Fix::safe(
            "remove the comment",
            vec![Edit {
                range: line,
                text: String::new(),
            }],
        ));
    }
    d
}

/// A name and the separator before it (or after it, for the first name),
/// so that the list reads as it did without it.
fn name_with_separator(names: &[(Range<usize>, &str)], span: &Range<usize>) -> Range<usize> {
    let at = names.iter().position(|(s, _)| s == span).unwrap_or(0);
    match (at.checked_sub(1).map(|p| &names[p]), names.get(at + 1)) {
        (Some((prev, _)), _) => prev.end..span.end,
        (None, Some((next, _))) => span.start..next.start,
        (None, None) => span.clone(),
    }
}

/// The comment's whole line(s), line ending included, when the comment is
/// alone on them and a blank line (or the start of the body) comes before:
/// taking the lines away then leaves every block as it was. `None` when the
/// comment shares a line, or follows text it could separate from what comes
/// after (a paragraph, a list).
fn own_line(post: &Post, span: &Range<usize>) -> Option<Range<usize>> {
    let src: &str = &post.source;
    let start = src.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
    let rest = src.get(span.end..)?;
    let end = rest.find('\n').map_or(src.len(), |i| span.end + i + 1);
    let before = src.get(start..span.start)?;
    let after = src.get(span.end..end)?;
    if !before.trim().is_empty() || !after.trim().is_empty() || start < post.body_start {
        return None;
    }
    let previous = src.get(post.body_start..start)?;
    let previous_line = previous
        .strip_suffix('\n')
        .map(|p| p.strip_suffix('\r').unwrap_or(p))
        .map(|p| p.rsplit('\n').next().unwrap_or(p));
    match previous_line {
        None if previous.is_empty() => Some(start..end),
        Some(line) if line.trim().is_empty() => Some(start..end),
        _ => None,
    }
}
