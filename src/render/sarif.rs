//! SARIF 2.1.0, for code scanning: rule metadata from the compiled-in rule
//! pages, results with byte regions, and fixes where a rule has one.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Positions, Sources};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::rules::RULES;

/// Where each rule's page is published: the repository's `rules/` folder.
pub const RULE_DOCS: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/rules/");

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The first paragraph under `## What it does`: the full description.
fn full_description(doc: &str) -> String {
    doc.split("## What it does")
        .nth(1)
        .and_then(|rest| rest.trim_start().split("\n\n").next())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// `alias-collision` → `AliasCollision`: SARIF wants a `name` unlike the `id`.
fn camel(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        })
        .collect()
}

fn uri(path: &std::path::Path) -> String {
    super::shown(path).replace('\\', "/")
}

pub fn render(diags: &[Diagnostic], sources: &dyn Sources, w: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|m| {
            // SARIF's `enabled: false`: a rule the configuration must turn on.
            let enabled = crate::rules::default_level(m) != crate::diagnostic::Level::Off;
            json!({
                "id": m.name,
                "name": camel(m.name),
                "shortDescription": { "text": m.summary },
                "fullDescription": { "text": full_description(m.doc) },
                "help": { "text": m.doc, "markdown": m.doc },
                "helpUri": format!("{RULE_DOCS}{}.md", m.name),
                "defaultConfiguration": { "level": level(m.severity), "enabled": enabled },
            })
        })
        .collect();
    let mut positions = Positions::new(sources);
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let (line, col) = positions.line_col(&d.path, d.span.start);
            let (end_line, end_col) = positions.line_col(&d.path, d.span.end);
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": { "text": match &d.help {
                    Some(h) => format!("{}\nhelp: {h}", d.message),
                    None => d.message.clone(),
                }},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.path) },
                        "region": {
                            "startLine": line,
                            "startColumn": col,
                            "endLine": end_line,
                            "endColumn": end_col,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.end - d.span.start,
                        }
                    }
                }],
            });
            if let Some(i) = RULES.iter().position(|m| m.name == d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(fix) = &d.fix {
                let safety = match fix.applicability {
                    Applicability::Safe => "safe",
                    Applicability::Unsafe => "unsafe",
                };
                result["fixes"] = json!([{
                    "description": { "text": format!("{} ({safety})", fix.message) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&d.path) },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": {
                                "byteOffset": e.range.start,
                                "byteLength": e.range.end - e.range.start,
                            },
                            "insertedContent": { "text": e.text },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "bloglint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}
