//! Machine output: one JSON array, fields documented in the README and stable.

use std::io::{self, Write};

use serde::Serialize;

use super::{Positions, Sources};
use crate::diagnostic::{Applicability, Diagnostic};

#[derive(Serialize)]
struct JsonLabel<'a> {
    path: String,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: usize,
    end: usize,
    content: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: &'a str,
    message: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start: usize,
    end: usize,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    fix: Option<JsonFix<'a>>,
}

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let mut positions = Positions::new(sources);
    let mut labels_at = Positions::new(sources);
    let out: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| {
            let (line, column) = positions.line_col(&d.path, d.span.start);
            let (end_line, end_column) = positions.line_col(&d.path, d.span.end);
            JsonDiagnostic {
                path: super::shown(&d.path),
                line,
                column,
                end_line,
                end_column,
                start: d.span.start,
                end: d.span.end,
                rule: d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| {
                        let path = l.path.as_deref().unwrap_or(&d.path);
                        let (line, column) = labels_at.line_col(path, l.span.start);
                        JsonLabel {
                            path: super::shown(path),
                            line,
                            column,
                            start: l.span.start,
                            end: l.span.end,
                            message: &l.message,
                        }
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| JsonFix {
                    applicability: match f.applicability {
                        Applicability::Safe => "safe",
                        Applicability::Unsafe => "unsafe",
                    },
                    message: &f.message,
                    edits: f
                        .edits
                        .iter()
                        .map(|e| JsonEdit {
                            start: e.range.start,
                            end: e.range.end,
                            content: &e.text,
                        })
                        .collect(),
                }),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &out)?;
    writeln!(w)
}
