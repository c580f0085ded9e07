//! The default output: rustc-style reports drawn by miette — the source lines,
//! the label under the exact bytes, the rule name and the help line.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::Sources;
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// One diagnostic, shaped for miette.
#[derive(Debug)]
struct Report {
    rule: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    /// Labels in other files, drawn as related reports under this one.
    related: Vec<Report>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rule.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}[{}]: {}", self.severity, self.rule, self.message)
        }
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

fn span(range: &std::ops::Range<usize>, len: usize) -> SourceSpan {
    let start = range.start.min(len);
    let end = range.end.clamp(start, len);
    SourceSpan::new(start.into(), end - start)
}

fn label(text: &str, range: &std::ops::Range<usize>, len: usize, primary: bool) -> LabeledSpan {
    let text = (!text.is_empty()).then(|| text.to_string());
    if primary {
        LabeledSpan::new_primary_with_span(text, span(range, len))
    } else {
        LabeledSpan::new_with_span(text, span(range, len))
    }
}

fn report(d: &Diagnostic, sources: &dyn Sources) -> Report {
    let text = sources.source(&d.path);
    let len = text.map_or(0, str::len);
    let mut labels = Vec::new();
    let mut related = Vec::new();
    if text.is_some() {
        labels.push(label(&d.label, &d.span, len, true));
    }
    for l in &d.labels {
        match &l.path {
            Some(other) if *other != d.path => {
                let other_text = sources.source(other);
                let other_len = other_text.map_or(0, str::len);
                related.push(Report {
                    rule: "",
                    severity: Severity::Info,
                    message: l.message.clone(),
                    help: None,
                    source: other_text
                        .map(|t| NamedSource::new(super::shown(other), t.to_string())),
                    labels: other_text
                        .map(|_| vec![label(&l.message, &l.span, other_len, false)])
                        .unwrap_or_default(),
                    related: Vec::new(),
                });
            }
            _ if text.is_some() => labels.push(label(&l.message, &l.span, len, false)),
            _ => {}
        }
    }
    Report {
        rule: d.rule,
        severity: d.severity,
        message: if text.is_some() {
            d.message.clone()
        } else {
            format!("{}: {}", super::shown(&d.path), d.message)
        },
        help: help_with_fix(d),
        source: text.map(|t| NamedSource::new(super::shown(&d.path), t.to_string())),
        labels,
        related,
    }
}

/// The help line, followed by the fix when there is one.
fn help_with_fix(d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref().map(|f| match f.applicability {
        Applicability::Safe => format!("fix: {} (bloglint --fix)", f.message),
        Applicability::Unsafe => {
            format!("fix: {} (unsafe: bloglint --fix --unsafe-fixes)", f.message)
        }
    });
    match (&d.help, fix) {
        (Some(h), Some(f)) => Some(format!("{h}\n{f}")),
        (Some(h), None) => Some(h.clone()),
        (None, f) => f,
    }
}

pub fn render(
    diags: &[Diagnostic],
    sources: &dyn Sources,
    color: bool,
    w: &mut dyn Write,
) -> io::Result<()> {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    for d in diags {
        let mut out = String::new();
        handler
            .render_report(&mut out, &report(d, sources))
            .map_err(io::Error::other)?;
        w.write_all(out.as_bytes())?;
        writeln!(w)?;
    }
    Ok(())
}
