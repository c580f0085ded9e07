//! `path:line:col: severity[rule] message`, one line per diagnostic.

use std::io::{self, Write};

use super::{Positions, Sources};
use crate::diagnostic::Diagnostic;

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let mut positions = Positions::new(sources);
    for d in diags {
        let (line, col) = positions.line_col(&d.path, d.span.start);
        let fixable = if crate::fix::applicable(d, false).is_some() {
            " [*]"
        } else {
            ""
        };
        writeln!(
            w,
            "{}:{line}:{col}: {}[{}] {}{fixable}",
            super::shown(&d.path),
            d.severity,
            d.rule,
            d.message
        )?;
    }
    Ok(())
}
