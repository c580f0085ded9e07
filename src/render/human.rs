//! The default output: rustc-style reports drawn by miette — the source lines,
//! the label under the exact bytes, the rule name and the help line.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::Sources;
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// One diagnostic, shaped for miette.
#[derive(Debug)]
struct Report {
    rule: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    source: Option<Window>,
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

/// Lines of context kept around the spans of a report (miette shows one).
const CONTEXT_LINES: usize = 3;

/// The lines of a file around a report's spans: all miette reads. Handing it
/// the whole file would copy and scan it from the top for each report, which
/// makes many findings in a large post quadratic.
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// Where `text` starts in the file: a line start.
    offset: usize,
    /// Line breaks before `offset`, counted as miette counts them.
    base_line: usize,
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let start = span
            .offset()
            .checked_sub(self.offset)
            .ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new(start.into(), span.len());
        let inner =
            self.text
                .as_str()
                .read_span(&local, context_lines_before, context_lines_after)?;
        let found = inner.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new((found.offset() + self.offset).into(), found.len()),
            inner.line() + self.base_line,
            inner.column(),
            inner.line_count() + self.base_line,
        )))
    }
}

/// Builds windows. Reports come sorted by file and position, so each file
/// keeps the last window start and its line count, and counting moves by
/// the distance between windows.
#[derive(Default)]
struct Windows {
    cursors: HashMap<PathBuf, (usize, usize)>,
}

impl Windows {
    /// The window of `text` (the file `path`) around `spans`.
    fn around(&mut self, path: &Path, text: &str, spans: &[&Range<usize>]) -> Window {
        let len = text.len();
        let lo = spans.iter().map(|r| r.start.min(len)).min().unwrap_or(0);
        let hi = spans
            .iter()
            .map(|r| r.end.clamp(r.start.min(len), len))
            .max()
            .unwrap_or(0);
        let bytes = text.as_bytes();
        let line_start = |at: usize| {
            bytes[..at]
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |nl| nl + 1)
        };
        let mut start = line_start(lo);
        for _ in 0..CONTEXT_LINES {
            if start == 0 {
                break;
            }
            start = line_start(start - 1);
        }
        let mut end = hi;
        for _ in 0..=CONTEXT_LINES {
            match bytes[end..].iter().position(|b| *b == b'\n') {
                Some(nl) => end += nl + 1,
                None => {
                    end = len;
                    break;
                }
            }
        }
        let cursor = self.cursors.entry(path.to_path_buf()).or_insert((0, 0));
        let (at, lines) = *cursor;
        let base_line = if start >= at {
            lines + miette_breaks(bytes, at..start)
        } else {
            lines - miette_breaks(bytes, start..at)
        };
        *cursor = (start, base_line);
        Window {
            name: super::shown(path),
            text: text.get(start..end).unwrap_or_default().to_string(),
            offset: start,
            base_line,
        }
    }
}

/// Line breaks in `bytes[range]` as miette counts them: `\n`, `\r\n` and a
/// lone `\r` (the range ends after a `\n`, never inside a `\r\n`).
fn miette_breaks(bytes: &[u8], range: Range<usize>) -> usize {
    bytes[range.clone()]
        .iter()
        .enumerate()
        .filter(|&(i, b)| {
            let at = range.start + i;
            *b == b'\n' || *b == b'\r' && bytes.get(at + 1) != Some(&b'\n')
        })
        .count()
}

fn report(d: &Diagnostic, sources: &dyn Sources, windows: &mut Windows) -> Report {
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
                    source: other_text.map(|t| windows.around(other, t, &[&l.span])),
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
        source: text.map(|t| {
            let mut spans = vec![&d.span];
            spans.extend(
                d.labels
                    .iter()
                    .filter(|l| l.path.as_ref().is_none_or(|p| *p == d.path))
                    .map(|l| &l.span),
            );
            windows.around(&d.path, t, &spans)
        }),
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
    let mut windows = Windows::default();
    for d in diags {
        let mut out = String::new();
        handler
            .render_report(&mut out, &report(d, sources, &mut windows))
            .map_err(io::Error::other)?;
        w.write_all(out.as_bytes())?;
        writeln!(w)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct One(String);
    impl Sources for One {
        fn source(&self, _: &Path) -> Option<&str> {
            Some(&self.0)
        }
    }

    /// What miette draws for `d` from the whole file.
    fn whole_file(d: &Diagnostic, text: &str) -> String {
        let mut r = report(d, &One(text.to_string()), &mut Windows::default());
        r.source = Some(Window {
            name: "a.md".into(),
            text: text.to_string(),
            offset: 0,
            base_line: 0,
        });
        let mut out = String::new();
        GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .render_report(&mut out, &r)
            .unwrap();
        out
    }

    #[test]
    fn windows_draw_what_the_whole_file_draws() {
        let mut text = String::new();
        for i in 0..40 {
            let end = ["\n", "\r\n", "\r", "\n\n"][i % 4];
            text.push_str(&format!("line {i} é{end}"));
        }
        let sources = One(text.clone());
        let mut diags = Vec::new();
        for start in (0..text.len()).step_by(7) {
            if !text.is_char_boundary(start) {
                continue;
            }
            let end = (start..=(start + 5).min(text.len()))
                .rev()
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(start);
            let mut d = Diagnostic::new("r", Severity::Warning, start..end, "m")
                .with_label("here")
                .in_file(PathBuf::from("a.md"));
            if start > 60 {
                d = d.with_secondary(None, start - 60..start - 58, "before");
            }
            diags.push(d);
        }
        let mut windowed = Vec::new();
        render(&diags, &sources, false, &mut windowed).unwrap();
        let expected: String = diags
            .iter()
            .map(|d| format!("{}\n", whole_file(d, &text)))
            .collect();
        let windowed = String::from_utf8(windowed).unwrap();
        assert_eq!(windowed, expected);
    }
}
