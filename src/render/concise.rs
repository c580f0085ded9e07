//! `path:line:col: severity[rule] message`, one line per diagnostic.

use std::io::{self, Write};

use super::Sources;
use crate::diagnostic::{Diagnostic, LineIndex};

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    for d in diags {
        let (line, col) = sources
            .source(&d.path)
            .map_or((1, 1), |s| LineIndex::new(s).line_col(d.span.start));
        writeln!(
            w,
            "{}:{line}:{col}: {}[{}] {}",
            d.path.display(),
            d.severity,
            d.rule,
            d.message
        )?;
    }
    Ok(())
}
