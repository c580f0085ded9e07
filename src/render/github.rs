//! GitHub Actions workflow commands: findings show on the pull request diff.
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`

use std::io::{self, Write};

use super::{Positions, Sources};
use crate::diagnostic::{Diagnostic, Severity};

/// Escape a message as the runner expects.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (also `:` and `,`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let mut positions = Positions::new(sources);
    for d in diags {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (line, col) = positions.line_col(&d.path, d.span.start);
        let (end_line, end_col) = positions.line_col(&d.path, d.span.end);
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(h);
        }
        writeln!(
            w,
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            property(&super::shown(&d.path)),
            property(&format!("bloglint {}", d.rule)),
            data(&message)
        )?;
    }
    Ok(())
}
