//! GitLab Code Quality report: a JSON array of issues.

use std::hash::{Hash, Hasher};
use std::io::{self, Write};

use serde::Serialize;

use super::{Positions, Sources};
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'a str,
    location: Location,
}

/// A stable fingerprint: rule, path, message and the flagged text, not the
/// line (so unrelated edits above do not reopen the issue).
fn fingerprint(d: &Diagnostic, text: Option<&str>) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    d.rule.hash(&mut h);
    d.path.hash(&mut h);
    d.message.hash(&mut h);
    text.and_then(|t| t.get(d.span.clone())).hash(&mut h);
    format!("{:016x}", h.finish())
}

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let mut positions = Positions::new(sources);
    let issues: Vec<Issue> = diags
        .iter()
        .map(|d| {
            let begin = positions.line_col(&d.path, d.span.start).0;
            let end = positions.line_col(&d.path, d.span.end).0;
            Issue {
                description: format!("[{}] {}", d.rule, d.message),
                check_name: d.rule,
                fingerprint: fingerprint(d, sources.source(&d.path)),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: super::shown(&d.path),
                    lines: Lines { begin, end },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &issues)?;
    writeln!(w)
}
