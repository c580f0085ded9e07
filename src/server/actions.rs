//! Code actions: each finding's fix as a quick fix (unsafe ones said so),
//! every safe fix at once (`source.fixAll.bloglint`), and a suppression
//! comment for a finding's rule.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};

use super::text::{Encoding, Lines};
use super::{Doc, FIX_ALL};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::Post;

/// Whether the client asked for actions of `kind` (`only` absent: any;
/// `source.fixAll` asks for `source.fixAll.bloglint` too).
fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

pub fn code_actions(
    doc: &Doc,
    p: &CodeActionParams,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    // The findings are of the text last linted: nothing when the buffer
    // has moved on (the client asks again).
    if doc.linted != doc.text {
        return Vec::new();
    }
    let only = p.context.only.as_ref();
    let lines = Lines::new(&doc.text, encoding);
    // The lines of the range: a cursor anywhere on a finding's line
    // offers its actions, as editors show them for the line.
    let from = lines.line_start(lines.offset(p.range.start));
    let to = lines.line_end(lines.offset(p.range.end));
    let published = doc.published.as_deref().unwrap_or_default();
    let mut out = Vec::new();
    let post = Post::parse(doc.path.clone(), String::new(), doc.text.clone());
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        for (i, d) in doc.found.iter().enumerate() {
            let touches = d.span.start <= to && from <= d.span.end;
            if !touches {
                continue;
            }
            let diagnostics = published.get(i).map(|pd| vec![pd.clone()]);
            if let Some(fix) = &d.fix {
                let title = match fix.applicability {
                    Applicability::Safe => format!("Fix: {}", fix.message),
                    Applicability::Unsafe => {
                        format!("Fix (unsafe, check the result): {}", fix.message)
                    }
                };
                out.push(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    diagnostics.clone(),
                    edit(doc, &lines, fix_edits(fix)),
                    fix.applicability == Applicability::Safe,
                ));
            }
            if let Some((title, at, comment)) = suppression(&post, &lines, d) {
                out.push(action(
                    title,
                    CodeActionKind::QUICKFIX,
                    diagnostics,
                    edit(doc, &lines, vec![(at..at, comment)]),
                    false,
                ));
            }
        }
    }
    if wanted(only, FIX_ALL) {
        let safe: Vec<&Fix> = doc
            .found
            .iter()
            .filter_map(|d| crate::fix::applicable(d, false))
            .collect();
        if !safe.is_empty()
            && let crate::fix::PostFix::Fixed(fixed, n) = crate::fix::fix_post(&post, &safe)
        {
            out.push(action(
                format!(
                    "Apply the safe bloglint fixes ({n} fix{})",
                    if n == 1 { "" } else { "es" }
                ),
                CodeActionKind::new(FIX_ALL),
                None,
                edit(
                    doc,
                    &lines,
                    vec![(0..doc.text.len(), fixed.source.to_string())],
                ),
                false,
            ));
        }
    }
    out
}

fn fix_edits(fix: &Fix) -> Vec<(std::ops::Range<usize>, String)> {
    fix.edits
        .iter()
        .map(|e| (e.range.clone(), e.text.clone()))
        .collect()
}

/// The comment that silences `d`'s rule where it is: on the line before
/// a finding in the body (indented as that line); at the top of the body
/// for a finding in the front matter (the only comments that reach it;
/// they silence the rule for the whole file).
fn suppression(post: &Post, lines: &Lines, d: &Diagnostic) -> Option<(String, usize, String)> {
    crate::rules::find(d.rule)?;
    let rule = d.rule;
    if d.span.start >= post.body_start {
        let at = lines.line_start(d.span.start);
        let indent: String = post.source[at..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        Some((
            format!("Disable {rule} for this line"),
            at,
            format!("{indent}<!-- bloglint-disable-next-line {rule} -->\n"),
        ))
    } else if post.front_matter_error.is_none() {
        let at = post.body_start;
        let newline = if post.source[..at].ends_with('\n') || at == 0 {
            ""
        } else {
            "\n"
        };
        Some((
            format!("Disable {rule} for this file (front matter findings)"),
            at,
            format!("{newline}<!-- bloglint-disable {rule} -->\n"),
        ))
    } else {
        None
    }
}

fn edit(doc: &Doc, lines: &Lines, edits: Vec<(std::ops::Range<usize>, String)>) -> WorkspaceEdit {
    let edits = edits
        .into_iter()
        .map(|(range, text)| TextEdit::new(lines.range(&range), text))
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
        ..Default::default()
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostics: Option<Vec<lsp_types::Diagnostic>>,
    edit: WorkspaceEdit,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics,
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_asked_for() {
        let k = |s: &str| Some(vec![CodeActionKind::from(s.to_string())]);
        assert!(wanted(None, FIX_ALL));
        assert!(wanted(k("source.fixAll").as_ref(), FIX_ALL));
        assert!(wanted(k("source").as_ref(), FIX_ALL));
        assert!(!wanted(k("source.fix").as_ref(), FIX_ALL));
        assert!(!wanted(k("quickfix").as_ref(), FIX_ALL));
        assert!(wanted(k("quickfix").as_ref(), "quickfix"));
    }
}
