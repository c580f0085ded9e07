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

/// With `bloglint.toml` set to `config`, the concise lines of `rule` when
/// the whole site in `dir` is checked.
fn concise_lines_of(dir: &std::path::Path, config: &str, rule: &str) -> Vec<String> {
    std::fs::write(dir.join("bloglint.toml"), config).unwrap();
    let out = stdout_of(
        bloglint()
            .current_dir(dir)
            .args(["check", "--format", "concise"]),
    );
    out.lines()
        .filter(|l| l.contains(rule))
        .map(str::to_string)
        .collect()
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
    // Rules off by default aside.
    let on = bloglint::rules::RULES
        .iter()
        .filter(|m| !bloglint::rules::OFF_BY_DEFAULT.contains(&m.name));
    for rule in on {
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
        ("content/docs/b.md", b"---\ntitle: U\n---\n"),
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
        ("content/posts/bad-date.md", b"---\ntitle: T\ndate: 2024-02-30\ndescription: A description of a day that does not exist, long enough to be shown.\n---\n"),
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

/// A file outside any Hugo site (no configuration, no `content/` above it)
/// is linted as a post of a default site, said once on stderr; the rules
/// that need the whole site do not run (its links point at pages bloglint
/// cannot see). No cache is written next to it.
#[test]
fn a_file_outside_any_site_is_linted_as_a_post() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        "---\ntitle: Draft\ndate: 14/01/2024\n---\nSee [the other post](/posts/other/).\n\n#### Too deep\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("clean.md"), CLEAN).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not Markdown").unwrap();
    let output = bloglint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "draft.md"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let (out, err) = (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    );
    assert!(out.contains("draft.md:3:7: error[date-format]"), "{out}");
    assert!(
        out.contains("draft.md:7:1: warning[heading-hierarchy] heading level jumps from h0 to h4")
            || out.contains(
                "draft.md:7:1: warning[heading-hierarchy] heading level jumps from h1 to h4"
            ),
        "{out}"
    );
    assert!(!out.contains("broken-link"), "{out}");
    assert_eq!(err.matches("not inside a Hugo site").count(), 1, "{err}");
    assert!(
        err.contains("without the rules that need the whole site (alias-collision, url-collision, taxonomy-spelling, broken-link, duplicate-title, duplicate-description)"),
        "{err}"
    );
    assert!(err.contains("in 1 file"), "{err}");
    assert!(!dir.path().join(".bloglint-cache").exists());

    // A clean loose file passes; the note is still there.
    bloglint()
        .current_dir(dir.path())
        .args(["check", "clean.md"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("not inside a Hugo site"))
        .stderr(predicate::str::contains(
            "0 errors, 0 warnings, 0 info in 1 file",
        ));
    // A file Hugo would not read as content is an error, not a silent pass.
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise", "notes.txt"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "notes.txt:1:1: error[read-error] not a content file",
        ));
    // Fixes apply to the loose file.
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "draft.md"])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("draft.md")).unwrap();
    assert!(fixed.contains("\ndate: 2024-01-14\n"), "{fixed}");
    assert!(fixed.contains("\n## Too deep\n"), "{fixed}");
}

/// A file of a site outside its content folders is not Hugo content: still
/// nothing to lint there (a README next to `hugo.toml`, as pre-commit may
/// pass it).
#[test]
fn a_file_outside_content_in_a_site_is_not_a_loose_post() {
    let dir = site(&[("content/posts/a.md", CLEAN), ("README.md", b"# Readme\n")]);
    bloglint()
        .current_dir(dir.path())
        .args(["check", "README.md"])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("not inside a Hugo site").not());
}

#[test]
fn suppression_comments_unknown_and_unused() {
    let post = b"---\ntitle: Notes\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\n---\n\n<!-- bloglint-disable-next-line heading-hierachy -->\n#### Deep\n\n<!-- bloglint-disable-next-line date-format, heading-hierarchy -->\n###### Deeper\n\n<!-- bloglint-disable-next-line broken-link -->\nA [link](/nowhere/) that is broken.\n\n<!-- bloglint-disable-next-line description-length -->\n## Fine\n";
    let dir = site(&[("content/posts/a.md", post)]);
    // Unknown names are reported by default; unused ones are not.
    let out = stdout_of(
        bloglint()
            .current_dir(dir.path())
            .args(["check", "--format", "concise"]),
    );
    assert!(
        out.contains("a.md:7:33: warning[unknown-suppression] unknown rule `heading-hierachy` in a suppression comment"),
        "{out}"
    );
    assert!(!out.contains("unused-suppression"), "{out}");
    let human = stdout_of(bloglint().current_dir(dir.path()).arg("check"));
    assert!(
        human.contains("did you mean `heading-hierarchy`?"),
        "{human}"
    );

    // Turned on: the comments that silenced nothing, after every rule ran
    // (the site rule broken-link's comment was used).
    let unused = concise_lines_of(
        dir.path(),
        "[rules]\nunused-suppression = \"warning\"\n",
        "unused-suppression",
    );
    assert_eq!(
        unused,
        [
            "content/posts/a.md:10:33: warning[unused-suppression] `date-format` in this suppression comment silences nothing [*]",
            "content/posts/a.md:16:1: warning[unused-suppression] suppression comment silences nothing [*]",
        ]
    );
    // Its safe fixes: the name out of the list, the lone comment's line.
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("content/posts/a.md")).unwrap();
    assert!(
        fixed.contains("\n<!-- bloglint-disable-next-line heading-hierarchy -->\n###### Deeper\n"),
        "{fixed}"
    );
    assert!(fixed.ends_with("is broken.\n\n## Fine\n"), "{fixed}");
    // A comment for a rule that is off for the file is unused (as ruff says
    // of codes that are not enabled).
    std::fs::write(
        dir.path().join("bloglint.toml"),
        "[rules]\nunused-suppression = \"warning\"\nbroken-link = \"off\"\n",
    )
    .unwrap();
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .stdout(predicate::str::contains(
            "a.md:13:1: warning[unused-suppression] suppression comment silences nothing",
        ));
}

#[test]
fn title_not_rendered_in_an_override() {
    let body = b"---\ntitle: Showcase\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\n---\n# Showcase\n";
    let dir = site(&[
        ("content/showcase/a.md", body),
        ("content/posts/b.md", body),
        ("content/_index.md", b"---\ntitle: Home\n---\n# Welcome\n"),
    ]);
    let h1s = concise_lines_of(
        dir.path(),
        "[[overrides]]\nfiles = [\"content/showcase/**\"]\n[overrides.rules.heading-hierarchy]\ntitle-not-rendered = [\"**\"]\n",
        "heading-hierarchy",
    );
    // The home page is left out by default; posts/ is not.
    assert_eq!(
        h1s,
        [
            "content/posts/b.md:6:1: warning[heading-hierarchy] h1 in the body of a page that has a front matter title"
        ]
    );
}

/// Hugo 0.168 fails the build on a `_build` front matter key, in its own
/// words; bloglint reports it with them, and after its safe fix (`build`)
/// Hugo builds the page as the key said (`render: never`: no page).
#[test]
fn underscore_build_is_hugos_error_and_the_fix_builds() {
    let have_hugo = std::process::Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    let dir = site(&[
        ("content/posts/a.md", b"---\ntitle: A\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\n_build:\n  render: never\n---\nBody.\n"),
        ("content/posts/b.md", CLEAN),
        ("layouts/_default/single.html", b"{{ .Title }}"),
        ("layouts/_default/list.html", b"{{ .Title }}"),
    ]);
    let wording = "The \"_build\" front matter key was deprecated in Hugo 0.145.0 and subsequently removed. Use \"build\" instead.";
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "content/posts/a.md:5:1: error[required-front-matter] {wording}"
        )));
    let hugo = |out: &str| {
        std::process::Command::new("hugo")
            .args(["-d", out])
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    if have_hugo {
        let o = hugo("public-before");
        assert!(!o.status.success());
        let said =
            String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
        assert!(said.contains(wording), "{said}");
    } else {
        eprintln!("hugo not on the PATH: Hugo's side not checked");
    }
    bloglint()
        .current_dir(dir.path())
        .args(["check", "--fix"])
        .assert()
        .code(0);
    let fixed = std::fs::read_to_string(dir.path().join("content/posts/a.md")).unwrap();
    assert!(fixed.contains("\nbuild:\n  render: never\n"), "{fixed}");
    if have_hugo {
        let o = hugo("public-after");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let public = dir.path().join("public-after");
        assert!(public.join("posts/b/index.html").is_file());
        assert!(!public.join("posts/a/index.html").exists());
    }
}

/// `duplicate-title` turned off for an API reference's folders: those files
/// report nothing, and a page outside them is still compared with them (as
/// `rules/duplicate-title.md` says of Hugo's documentation).
#[test]
fn duplicate_title_off_by_path_still_counts_those_pages() {
    let page = |t: &str| {
        format!(
            "---\ntitle: {t}\ndescription: A page long enough to say what it is about, for search.\n---\nText.\n"
        )
    };
    let dir = site(&[
        ("content/methods/page/Params.md", page("Params").as_bytes()),
        ("content/methods/site/Params.md", page("Params").as_bytes()),
        ("content/methods/_index.md", page("Methods").as_bytes()),
        ("content/reference/methods.md", page("Methods").as_bytes()),
    ]);
    let lines = concise_lines_of(
        dir.path(),
        "[[overrides]]\nfiles = [\"content/methods/**\"]\n[overrides.rules]\nduplicate-title = \"off\"\n",
        "duplicate-title",
    );
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "content/reference/methods.md:2:8: warning[duplicate-title] the title `Methods`"
        ),
        "{lines:?}"
    );
}
