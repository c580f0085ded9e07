//! The command line as users run it: exit codes, formats, configuration
//! errors and bad input. Sites are copied to temporary folders when a test
//! needs to change them.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn bloglint() -> Command {
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600");
    cmd
}

/// A tiny site in a temporary folder: `files` are (path, content) pairs.
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hugo.toml"),
        "baseURL = 'https://example.org/'\n",
    )
    .unwrap();
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

const CLEAN: &[u8] = b"---\ntitle: Clean\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\n---\n\n## Body\n";

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

#[test]
fn example_site_fails_with_every_rule() {
    let out = bloglint()
        .args(["check", "examples/blog", "--format", "concise"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bloglint: "))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for rule in bloglint::rules::RULES {
        assert!(
            out.contains(&format!("[{}]", rule.name)),
            "examples/blog does not make {} fire:\n{out}",
            rule.name
        );
    }
    insta::assert_snapshot!("example_concise", out);
}

#[test]
fn example_site_human_output() {
    let out = stdout_of(bloglint().args(["check", "examples/blog"]));
    insta::assert_snapshot!("example_human", out);
}

#[test]
fn clean_site_exits_zero() {
    let dir = site(&[("content/posts/a.md", CLEAN)]);
    bloglint()
        .args(["check"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout("")
        .stderr(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn warnings_alone_pass_unless_max_warnings_exceeded() {
    let dir = site(&[(
        "content/posts/a.md",
        b"---\ntitle: T\ndate: 2024-01-14\ndescription: Short.\n---\n",
    )]);
    bloglint().arg("check").arg(dir.path()).assert().code(0);
    bloglint()
        .args(["check", "--max-warnings", "0"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("exceed --max-warnings 0"));
    bloglint()
        .args(["check", "--max-warnings", "1"])
        .arg(dir.path())
        .assert()
        .code(0);
}

#[test]
fn json_format_has_the_documented_fields() {
    let out = stdout_of(bloglint().args(["check", "examples/blog", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    assert!(!items.is_empty());
    for item in items {
        for field in [
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "start",
            "end",
            "rule",
            "severity",
            "message",
            "help",
            "labels",
        ] {
            assert!(item.get(field).is_some(), "missing {field} in {item}");
        }
    }
    // Sorted by path, then position.
    let keys: Vec<(String, u64)> = items
        .iter()
        .map(|i| {
            (
                i["path"].as_str().unwrap().to_string(),
                i["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn files_given_narrow_the_report() {
    let out = stdout_of(bloglint().args([
        "check",
        "--format",
        "concise",
        "examples/blog/content/posts/bad-dates.md",
    ]));
    assert!(out.contains("bad-dates.md"));
    assert!(!out.contains("missing-fields.md"), "{out}");
}

#[test]
fn rule_and_rules_commands() {
    bloglint()
        .args(["rule", "date-format"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("# date-format\n"));
    bloglint()
        .args(["rule", "no-such-rule"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown rule"));
    let out = stdout_of(bloglint().arg("rules"));
    for rule in bloglint::rules::RULES {
        assert!(out.contains(rule.name));
    }
}

#[test]
fn config_command_prints_a_valid_default_config() {
    let out = stdout_of(bloglint().arg("config"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(bloglint::config::Config::parse(&out, root).is_ok(), "{out}");
    for rule in bloglint::rules::RULES {
        assert!(out.contains(&format!("[rules.{}]", rule.name)));
    }
}

#[test]
fn config_turns_rules_off_and_overrides_by_path() {
    let dir = site(&[
        ("content/posts/a.md", b"---\ntitle: T\n---\n"),
        ("content/docs/b.md", b"---\ntitle: T\n---\n"),
        (
            "bloglint.toml",
            b"[rules]\ndescription-length = \"off\"\n[rules.required-front-matter]\ndate = \"always\"\n\n[[overrides]]\nfiles = [\"content/docs/**\"]\n[overrides.rules.required-front-matter]\nsection-page-fields = []\n",
        ),
    ]);
    let out = stdout_of(
        bloglint()
            .args(["check", "--format", "concise"])
            .arg(dir.path()),
    );
    assert!(
        out.contains("a.md") && out.contains("required field `date`"),
        "{out}"
    );
    assert!(!out.contains("b.md"), "{out}");
    assert!(!out.contains("description-length"), "{out}");
}

#[test]
fn unknown_config_keys_are_errors_pointing_at_the_key() {
    for (text, needle) in [
        (
            "[rules.date-format]\nseverity = \"error\"\nfuture-dates = true\n",
            "unknown key `future-dates`",
        ),
        (
            "[rules]\ndate-formt = \"off\"\n",
            "did you mean `date-format`",
        ),
        ("colour = true\n", "unknown key `colour`"),
        (
            "[rules]\ndate-format = \"loud\"\n",
            "unknown severity `loud`",
        ),
        (
            "[rules.description-length]\nmin = \"ten\"\n",
            "must be a non-negative integer",
        ),
    ] {
        let dir = site(&[
            ("content/posts/a.md", CLEAN),
            ("bloglint.toml", text.as_bytes()),
        ]);
        bloglint()
            .arg("check")
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(needle))
            .stderr(predicate::str::contains("bloglint.toml:"));
    }
}

#[test]
fn isolated_ignores_the_config_file() {
    let dir = site(&[
        ("content/posts/a.md", b"---\ntitle: T\ndraft: maybe\n---\n"),
        (
            "bloglint.toml",
            b"[rules]\nrequired-front-matter = \"off\"\n",
        ),
    ]);
    bloglint().arg("check").arg(dir.path()).assert().code(0);
    bloglint()
        .args(["check", "--isolated"])
        .arg(dir.path())
        .assert()
        .code(1);
}

#[test]
fn bad_input_is_reported_and_the_rest_is_linted() {
    let mut bomb = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 0..9 {
        let prev = if i == 0 {
            "a".to_string()
        } else {
            format!("b{}", i - 1)
        };
        bomb.push_str(&format!("b{i}: &b{i} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    bomb.push_str("---\n");
    let deep = format!(
        "---\ntitle: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let dir = site(&[
        ("content/posts/utf8.md", b"---\ntitle: ok\n---\n\nbad \xff byte\n"),
        ("content/posts/binary.md", b"\x00\x01\x02\x03PNG\x00"),
        ("content/posts/empty.md", b""),
        ("content/posts/bomb.md", bomb.as_bytes()),
        ("content/posts/deep.md", deep.as_bytes()),
        ("content/posts/dashes.md", b"---\n"),
        ("content/posts/good.md", CLEAN),
        ("content/posts/bad-date.md", b"---\ntitle: T\ndate: 2024-02-30\ndescription: A description that is long enough for search engines to show it.\n---\n"),
    ]);
    #[cfg(unix)]
    {
        let posts = dir.path().join("content/posts");
        std::os::unix::fs::symlink("/nonexistent/file.md", posts.join("dangling.md")).unwrap();
        std::fs::create_dir(posts.join("loop")).unwrap();
        std::os::unix::fs::symlink("../loop", posts.join("loop/again")).unwrap();
    }
    let out = bloglint()
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains(
            "utf8.md:1:1: error[read-error] file is not valid UTF-8 (first bad byte at line 5"
        ),
        "{out}"
    );
    assert!(
        out.contains("binary.md:1:1: error[read-error] file is binary, not text"),
        "{out}"
    );
    assert!(
        out.contains("empty.md:1:1: error[required-front-matter]"),
        "{out}"
    );
    assert!(
        out.contains("bomb.md") && out.contains("[front-matter-syntax]"),
        "{out}"
    );
    assert!(
        out.contains("deep.md") && out.contains("[front-matter-syntax]"),
        "{out}"
    );
    assert!(
        out.contains("dashes.md:1:1: error[front-matter-syntax]"),
        "{out}"
    );
    assert!(
        out.contains("bad-date.md") && out.contains("[date-format]"),
        "{out}"
    );
    assert!(!out.contains("good.md"), "{out}");
    #[cfg(unix)]
    {
        assert!(
            out.contains(
                "dangling.md:1:1: error[read-error] cannot read: a symbolic link to nothing"
            ),
            "{out}"
        );
        assert!(
            out.contains("again:1:1: error[read-error] symbolic link loop"),
            "{out}"
        );
    }
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[
        ("content/posts/secret.md", CLEAN),
        ("content/posts/good.md", CLEAN),
    ]);
    let secret: PathBuf = dir.path().join("content/posts/secret.md");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: running as a user who can read mode-000 files (root)");
        return;
    }
    bloglint()
        .args(["check", "--format", "concise"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "secret.md:1:1: error[read-error] cannot read file",
        ));
}

#[test]
fn missing_path_is_a_usage_failure() {
    bloglint()
        .args(["check", "no/such/site"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or directory"));
    bloglint()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
}

const FIXABLE: &[u8] = b"---\r\ntitle: Launch # keep\r\ndate: 2024-01-14 09:30:00\r\ndescription: A description that is long enough for search engines to show it.\r\n---\r\n\r\n# Launch\r\n";

#[test]
fn fix_writes_safe_fixes_only() {
    let dir = site(&[("content/posts/a.md", FIXABLE)]);
    let file = dir.path().join("content/posts/a.md");
    bloglint()
        .args(["check", "--fix", "--format", "concise"])
        .arg(dir.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 1 file"))
        .stderr(predicate::str::contains("1 more with --fix --unsafe-fixes"));
    let after = std::fs::read(&file).unwrap();
    assert_eq!(
        after,
        b"---\r\ntitle: Launch # keep\r\ndate: 2024-01-14T09:30:00\r\ndescription: A description that is long enough for search engines to show it.\r\n---\r\n\r\n# Launch\r\n"
    );
    // The short form users type, with unsafe fixes.
    bloglint()
        .args(["--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(
        String::from_utf8(std::fs::read(&file).unwrap())
            .unwrap()
            .ends_with("\r\n## Launch\r\n")
    );
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = site(&[("content/posts/a.md", FIXABLE)]);
    let file = dir.path().join("content/posts/a.md");
    let out = bloglint()
        .args(["check", "--diff"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("-date: 2024-01-14 09:30:00\r\n+date: 2024-01-14T09:30:00\r\n"),
        "{out}"
    );
    assert!(
        !out.contains("## Launch"),
        "unsafe fix in a safe diff: {out}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), FIXABLE);
    // Nothing to fix: exit 0.
    let clean = site(&[("content/posts/a.md", CLEAN)]);
    bloglint()
        .args(["check", "--diff"])
        .arg(clean.path())
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fix_keeps_a_file_changed_meanwhile_and_unfixable_files_untouched() {
    let dir = site(&[
        ("content/posts/a.md", FIXABLE),
        ("content/posts/b.md", CLEAN),
    ]);
    let b = dir.path().join("content/posts/b.md");
    let before = std::fs::metadata(&b).unwrap().modified().unwrap();
    bloglint()
        .args(["check", "--fix"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert_eq!(std::fs::metadata(&b).unwrap().modified().unwrap(), before);
}

#[test]
fn stdin_filename_lints_in_the_site_and_fixes_to_stdout() {
    let dir = site(&[
        ("content/posts/a.md", b"---\ntitle: A\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\naliases: [/old/]\n---\n"),
    ]);
    let path = dir.path().join("content/posts/new.md");
    // Not on disk: its alias collides with a.md's, found through the site.
    let input = "---\ntitle: New\ndate: 2024-01-14 10:00:00\ndescription: A description that is long enough for search engines to show it.\naliases: [/old/]\n---\n";
    let out = bloglint()
        .args(["check", "--format", "concise", "--stdin-filename"])
        .arg(&path)
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("new.md:5:11: error[alias-collision]"), "{out}");
    assert!(
        !out.contains("a.md:"),
        "only the stdin file is reported: {out}"
    );
    let fixed = bloglint()
        .args(["check", "--fix", "--stdin-filename"])
        .arg(&path)
        .write_stdin(input)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(fixed).unwrap(),
        input.replace("2024-01-14 10:00:00", "2024-01-14T10:00:00")
    );
    assert!(!path.exists(), "--stdin-filename must not write the file");
}

#[test]
fn watch_relints_on_change_and_prints_what_changed() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = site(&[("content/posts/a.md", CLEAN)]);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("bloglint"))
        .args(["check", "--watch", "--format", "concise"])
        .arg(dir.path())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next =
        |rx: &mpsc::Receiver<String>| rx.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
    assert_eq!(next(&rx), "bloglint --watch: 0 findings new, 0 gone");
    std::fs::write(
        dir.path().join("content/posts/a.md"),
        "---\ntitle: A\ndate: 14/01/2024\ndescription: A description that is long enough for search engines to show it.\n---\n",
    )
    .unwrap();
    assert_eq!(next(&rx), "bloglint --watch: 1 finding new, 0 gone");
    assert!(next(&rx).contains("a.md:3:7: error[date-format]"));
    std::fs::write(dir.path().join("content/posts/a.md"), CLEAN).unwrap();
    assert_eq!(next(&rx), "bloglint --watch: 0 findings new, 1 gone");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn bare_fix_works_from_anywhere_inside_a_site() {
    let dir = site(&[
        ("content/posts/a.md", FIXABLE),
        ("content/posts/deep/b.md", CLEAN),
    ]);
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(dir.path().join("content/posts/deep"))
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600")
        .arg("--fix")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("fixed 1 file"));
    let fixed = std::fs::read_to_string(dir.path().join("content/posts/a.md")).unwrap();
    assert!(fixed.contains("date: 2024-01-14T09:30:00\r\n"), "{fixed}");
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = site(&[("content/posts/a.md", b"---\ntitle: T\ndraft: maybe\n---\n")]);
    let out = stdout_of(
        bloglint()
            .args(["check", "--color", "always"])
            .arg(dir.path()),
    );
    assert!(
        out.contains("\u{1b}["),
        "no ANSI colour with --color always"
    );
    let out = stdout_of(
        bloglint()
            .args(["check", "--color", "never"])
            .arg(dir.path()),
    );
    assert!(!out.contains("\u{1b}["));
    // Not a terminal, NO_COLOR set (by `bloglint()`): plain.
    let out = stdout_of(bloglint().arg("check").arg(dir.path()));
    assert!(!out.contains("\u{1b}["));
}
