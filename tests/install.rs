//! What an installed bloglint gives besides linting: shell completions (bash
//! loads them here), the man page, `--version` with the commit, and the one
//! repository address every install line names. The install paths themselves
//! (crate, wheel, pre-commit with the wheel, the Action) are tried by
//! `.ci/install-paths`, which `.ci/run` runs.

use std::path::Path;
use std::process::Command;

fn bloglint(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bloglint"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let o = bloglint(args);
    assert!(
        o.status.success(),
        "bloglint {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn have(tool: &str, arg: &str) -> bool {
    Command::new(tool)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

const SUBCOMMANDS: &[&str] = &[
    "check",
    "rule",
    "rules",
    "config",
    "site",
    "completions",
    "man",
];

#[test]
fn completions_for_every_shell_name_the_commands_and_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for word in SUBCOMMANDS
            .iter()
            .chain(&["--format", "--fix", "--deny-warnings"])
        {
            // Options are written without their dashes in some shells' scripts.
            let bare = word.trim_start_matches('-');
            assert!(script.contains(bare), "{shell}: no `{word}` in\n{script}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_clear_error() {
    let o = bloglint(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
    assert!(err.contains("bash") && err.contains("powershell"), "{err}");
}

/// bash sources the script and completes as it would at a prompt: the
/// function it registers offers the subcommands, `--format`'s values, the
/// shells of `completions`.
#[test]
fn bash_loads_the_completions_and_completes() {
    if !have("bash", "--version") {
        eprintln!("skipped: bash not installed");
        return;
    }
    let script = stdout(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bloglint.bash");
    std::fs::write(&file, script).unwrap();
    // `_bloglint COMMAND CUR PREV` over COMP_WORDS/COMP_CWORD, as bash's
    // programmable completion calls it.
    let probe = format!(
        r#"source '{}' || exit 3
complete -p bloglint || exit 4
try() {{ COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}
  _bloglint bloglint "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
  echo "${{COMPREPLY[*]}}"; }}
try bloglint ''
try bloglint --format ''
try bloglint completions ''
try bloglint ru
"#,
        file.display()
    );
    let o = Command::new("bash")
        .args(["--noprofile", "--norc", "-c", &probe])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].contains("-F _bloglint bloglint"), "{out}");
    let words = |i: usize| lines[i].split(' ').collect::<Vec<_>>();
    for sub in SUBCOMMANDS {
        assert!(
            words(1).contains(sub),
            "no `{sub}` after `bloglint `: {out}"
        );
    }
    assert_eq!(
        words(2),
        [
            "human", "concise", "json", "github", "sarif", "gitlab", "junit"
        ]
    );
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert!(words(3).contains(&shell), "{out}");
    }
    assert_eq!(words(4), ["rule", "rules"], "{out}");
}

/// zsh and fish, where installed, parse their scripts (`-n`: read, do not
/// run).
#[test]
fn zsh_and_fish_parse_their_completions() {
    for (shell, ext) in [("zsh", "zsh"), ("fish", "fish")] {
        if !have(shell, "--version") {
            eprintln!("skipped: {shell} not installed");
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("bloglint.{ext}"));
        std::fs::write(&file, stdout(&["completions", shell])).unwrap();
        let o = Command::new(shell).arg("-n").arg(&file).output().unwrap();
        assert!(
            o.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn the_man_page_documents_every_command_and_option() {
    let page = stdout(&["man"]);
    let version = format!("\"bloglint {}", env!("CARGO_PKG_VERSION"));
    assert!(page.starts_with(".ie"), "{page}");
    let th = page.lines().find(|l| l.starts_with(".TH bloglint 1"));
    assert!(th.is_some_and(|l| l.contains(&version)), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    // roff escapes dashes: `\-\-format`.
    for option in [
        "format",
        "fix",
        "unsafe\\-fixes",
        "stdin\\-filename",
        "no\\-cache",
    ] {
        assert!(page.contains(&format!("\\-\\-{option}")), "no --{option}");
    }
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!("bloglint\\-{sub}")), "no {sub}");
    }
    // groff, where installed, renders it without a warning.
    if !have("groff", "--version") {
        eprintln!("skipped: groff not installed (the rendering check)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bloglint.1");
    std::fs::write(&file, &page).unwrap();
    let o = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && err.is_empty(), "{err}");
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("An editorial linter for Hugo sites"),
        "{text}"
    );
}

/// `bloglint --version`: the version, and the commit when the build knew it
/// (build.rs). Built from this git checkout, it is the checkout's HEAD.
#[test]
fn version_names_the_commit_of_this_checkout() {
    let out = stdout(&["--version"]);
    let line = out.trim_end();
    let prefix = format!("bloglint {}", env!("CARGO_PKG_VERSION"));
    let rest = line
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{line}"));
    let commit = rest
        .strip_prefix(" (commit ")
        .and_then(|r| r.strip_suffix(')'));
    if !rest.is_empty() {
        assert!(
            commit.is_some_and(|c| c.len() == 12 && c.bytes().all(|b| b.is_ascii_hexdigit())),
            "{line}"
        );
    }
    assert_eq!(stdout(&["-V"]), out);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let top = git(&["rev-parse", "--show-toplevel"]);
    if top.is_none_or(|t| Path::new(&t).canonicalize().ok() != root.canonicalize().ok())
        || std::env::var_os("BLOGLINT_COMMIT").is_some()
    {
        eprintln!("skipped: not built from a git checkout of its own");
        return;
    }
    assert_eq!(
        commit.map(str::to_string),
        git(&["rev-parse", "--short=12", "HEAD"]),
        "{line}"
    );
}

/// The repository's address is Cargo.toml's `repository`, once: the SARIF
/// `helpUri` of each rule is built from it, and every address of this
/// project written in the README, the docs, the Action, the hooks and the
/// Python metadata is that one, so changing it is one edit and this test.
#[test]
fn every_install_line_names_the_one_repository() {
    let repo = env!("CARGO_PKG_REPOSITORY");
    assert!(repo.starts_with("https://github.com/"), "{repo}");
    let slug = repo.trim_start_matches("https://github.com/");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("README.md"),
        root.join("action.yml"),
        root.join("pyproject.toml"),
        root.join(".pre-commit-hooks.yaml"),
    ];
    let docs = std::fs::read_dir(root.join("docs")).unwrap();
    files.extend(docs.map(|e| e.unwrap().path()));
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // github.com/OWNER/bloglint… and `uses: OWNER/bloglint@…` (the
        // Action), and `cargo install --git …`.
        for (i, _) in text.match_indices("bloglint") {
            let start = text[..i]
                .rfind(|c: char| c.is_whitespace() || "([<\"'`".contains(c))
                .map_or(0, |s| s + 1);
            let word = &text[start..];
            let word = &word[..word
                .find(|c: char| c.is_whitespace() || ")]>\"'`".contains(c))
                .unwrap_or(word.len())];
            let address = word
                .trim_start_matches("https://")
                .trim_start_matches("http://");
            let names_a_repo = address.starts_with("github.com/")
                || (word.contains("/bloglint@") && !word.contains(':'));
            if !names_a_repo {
                continue;
            }
            seen += 1;
            let ok = address.starts_with(repo.trim_start_matches("https://"))
                || word.starts_with(&format!("{slug}@"))
                || word.starts_with(&format!("{slug}/"));
            assert!(ok, "{}: `{word}` is not {repo}", file.display());
        }
    }
    assert!(seen >= 3, "the install lines name the repository: {seen}");
    // And the version they pin is this one.
    let version = env!("CARGO_PKG_VERSION");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut pins = 0;
    for pin in ["bloglint==", "bloglint@v", "rev: v"] {
        for (i, _) in readme.match_indices(pin) {
            let v = &readme[i + pin.len()..];
            let v = &v[..v
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
                .unwrap_or(v.len())];
            assert_eq!(v, version, "README: `{pin}{v}`");
            pins += 1;
        }
    }
    assert!(pins >= 4, "README pins the version {pins} times");
    // The Rust it says `cargo install` needs is Cargo.toml's rust-version.
    let rust = format!("needs Rust {} or newer", env!("CARGO_PKG_RUST_VERSION"));
    assert!(readme.contains(&rust), "README does not say `{rust}`");
    // SARIF: each rule's help is a page of this repository.
    assert!(bloglint::render::sarif::RULE_DOCS.starts_with(repo));
}
