//! JUnit XML: one test case per finding, so CI dashboards list them.

use std::io::{self, Write};

use super::{Positions, Sources};
use crate::diagnostic::{Diagnostic, Severity};

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let mut positions = Positions::new(sources);
    let failures = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<testsuites name=\"bloglint\" tests=\"{}\" failures=\"{failures}\">",
        diags.len().max(1)
    )?;
    writeln!(
        w,
        "  <testsuite name=\"bloglint\" tests=\"{}\" failures=\"{failures}\">",
        diags.len().max(1)
    )?;
    if diags.is_empty() {
        writeln!(
            w,
            "    <testcase name=\"no findings\" classname=\"bloglint\"/>"
        )?;
    }
    for d in diags {
        let (line, col) = positions.line_col(&d.path, d.span.start);
        let path = super::shown(&d.path);
        let name = xml(&format!("{path}:{line}:{col} {}", d.rule));
        writeln!(
            w,
            "    <testcase name=\"{name}\" classname=\"{}\" file=\"{}\" line=\"{line}\">",
            xml(d.rule),
            xml(&path)
        )?;
        let body = match &d.help {
            Some(h) => format!("{path}:{line}:{col}: {}\nhelp: {h}", d.message),
            None => format!("{path}:{line}:{col}: {}", d.message),
        };
        let tag = if d.severity == Severity::Error {
            "failure"
        } else {
            "system-out"
        };
        if tag == "failure" {
            writeln!(
                w,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                d.severity,
                xml(&d.message),
                xml(&body)
            )?;
        } else {
            writeln!(
                w,
                "      <system-out>{}: {}</system-out>",
                d.severity,
                xml(&body)
            )?;
        }
        writeln!(w, "    </testcase>")?;
    }
    writeln!(w, "  </testsuite>")?;
    writeln!(w, "</testsuites>")
}
