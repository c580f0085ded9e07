//! `unknown-suppression`: a suppression comment names a rule that does not
//! exist (a typo silences nothing, silently).

use std::sync::atomic::AtomicUsize;

use super::{Context, OptionError, Options, RULES, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::Post;
use crate::document::markdown::SuppressionKind;

pub static META: RuleMeta = RuleMeta {
    name: "unknown-suppression",
    severity: Severity::Warning,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "A bloglint-disable or -enable comment names a rule that does not exist",
    doc: include_str!("../../rules/unknown-suppression.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(UnknownSuppression))
}

struct UnknownSuppression;

impl Rule for UnknownSuppression {
    fn check_post(&self, post: &Post, _cx: &Context, out: &mut Vec<Diagnostic>) {
        for s in &post.outline.suppressions {
            for (span, name) in s.rule_spans(&post.source) {
                if super::find(name).is_some() {
                    continue;
                }
                let what = match s.kind {
                    SuppressionKind::Enable => "enables",
                    SuppressionKind::Disable | SuppressionKind::NextLine => "silences",
                };
                let mut d = Diagnostic::new(
                    META.name,
                    Severity::Warning,
                    span.clone(),
                    format!("unknown rule `{name}` in a suppression comment"),
                )
                .with_label(format!("no rule is named `{name}`: this {what} nothing"));
                let budget = AtomicUsize::new(usize::MAX);
                match crate::suggest::closest(name, RULES.iter().map(|m| m.name), &budget) {
                    // Naming the right rule silences its findings: unsafe.
                    Some((near, true)) => {
                        d = d
                            .with_help(format!("did you mean `{near}`?"))
                            .with_fix(Fix::unsafe_(
                                format!("name `{near}`"),
                                vec![Edit {
                                    range: span,
                                    text: near.to_string(),
                                }],
                            ));
                    }
                    Some((near, false)) => {
                        d = d.with_help(format!(
                            "did you mean `{near}`? `bloglint rules` lists every rule"
                        ));
                    }
                    None => d = d.with_help("`bloglint rules` lists every rule"),
                }
                out.push(d);
            }
        }
    }
}
