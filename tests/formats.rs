//! The CI formats on the example site: snapshots of each, and SARIF
//! validated by Microsoft's SARIF multitool when `.ci/run` installed it.

use std::path::Path;

use assert_cmd::Command;

fn run(format: &str) -> String {
    let out = Command::cargo_bin("bloglint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("BLOGLINT_NOW", "1735689600")
        .args(["check", "examples/blog", "--format", format])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn github_annotations() {
    let out = run("github");
    for line in out.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(
            line.contains(",line=")
                && line.contains(",endColumn=")
                && line.contains(",title=bloglint ")
        );
        assert!(!line.contains('\n'));
    }
    insta::assert_snapshot!("github", out);
}

#[test]
fn gitlab_code_quality() {
    let out = run("gitlab");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for issue in v.as_array().unwrap() {
        for key in [
            "description",
            "check_name",
            "fingerprint",
            "severity",
            "location",
        ] {
            assert!(issue.get(key).is_some(), "{key} missing in {issue}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let prints: std::collections::HashSet<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(
        prints.len(),
        v.as_array().unwrap().len(),
        "fingerprints must be unique"
    );
    insta::assert_snapshot!("gitlab", out);
}

#[test]
fn junit_xml() {
    let out = run("junit");
    assert!(out.starts_with("<?xml"));
    assert_eq!(
        out.matches("<testcase").count(),
        out.matches("</testcase>").count()
    );
    insta::assert_snapshot!("junit", out);
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let out = run("sarif");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), bloglint::rules::RULES.len());
    for r in rules {
        assert!(
            !r["fullDescription"]["text"].as_str().unwrap().is_empty(),
            "{r}"
        );
        assert!(r["helpUri"].as_str().unwrap().starts_with("https://"));
    }
    insta::assert_snapshot!("sarif", out);

    let tool = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/tools/node_modules/.bin/sarif-multitool");
    if !tool.exists() {
        eprintln!(
            "skipped SARIF schema validation: run `npm install --prefix target/tools @microsoft/sarif-multitool` (.ci/run does)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bloglint.sarif");
    let report = dir.path().join("validation.sarif");
    std::fs::write(&input, &out).unwrap();
    let status = std::process::Command::new(&tool)
        .arg("validate")
        .arg(&input)
        .arg("--output")
        .arg(&report)
        .status()
        .unwrap();
    assert!(status.success());
    let validation: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let problems = validation["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        problems.is_empty(),
        "SARIF multitool findings: {problems:#?}"
    );
}
