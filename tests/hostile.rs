//! Hostile input: broken files, broken sites and faults while fixing. Every
//! case is built in a temporary folder at test time (nothing large is
//! committed). For each: a diagnostic naming the path (and the line where
//! there is one), the rest of the site still linted, the documented exit
//! code, and bounded time (asserted) and memory (an address-space limit on
//! Unix).
//!
//! Blow-ups these cases found, fixed and kept here: many findings in a large
//! post (quadratic line lookups), 20,000 identical headings (quadratic id
//! suffixes), unclosed shortcodes (each `{{<` read to the end of the file),
//! aliases of a long YAML string (20 GB asked for by a 1 MB file), many
//! suppression comments with many findings, thousands of broken anchors
//! (the raw HTML scanned again for each, suggestions for each compared with
//! every id).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use bloglint::write::{self, Writer};

const CLEAN: &[u8] = b"---\ntitle: Clean\ndate: 2024-01-14\ndescription: The clean post, with a description long enough for search engines.\n---\n\n## Body\n";

/// In every site: a post with one known finding, to show the rest of the
/// site is still linted whatever else is in it.
const OTHER: (&str, &[u8]) = (
    "content/posts/other.md",
    b"---\ntitle: Other\ndate: 2024-02-30\ndescription: The other post, with a description long enough for search engines.\n---\n",
);
const OTHER_FINDING: &str = "content/posts/other.md:3:7: error[date-format]";

/// A fixable post (a date Hugo reads, rewritten as RFC 3339 by `--fix`).
fn fixable(title: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: 2024-01-14 09:30:00\ndescription: The post {title}, with a description long enough for search engines.\n---\n\n## Body\n"
    )
}

fn fixed(title: &str) -> String {
    fixable(title).replace("2024-01-14 09:30:00", "2024-01-14T09:30:00")
}

/// A site in a temporary folder: a Hugo configuration, [`OTHER`], a clean
/// post, and `files` (path, content).
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("hugo.toml"),
        "baseURL = 'https://example.org/'\n",
    )
    .unwrap();
    let defaults = [OTHER, ("content/posts/clean.md", CLEAN)];
    for (path, content) in defaults.iter().chain(files) {
        let p = dir.path().join(path);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, content).unwrap();
    }
    dir
}

/// A finished run of bloglint.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn has(&self, text: &str) -> bool {
        self.stdout.contains(text)
    }
}

/// The binary, in `dir`, with a pinned "now" and no colours. On Unix it runs
/// under `sh` with an address-space limit (bounded memory: an allocation
/// past it fails and the run aborts) and no core files.
fn command(dir: &Path, args: &[&str]) -> Command {
    let exe = env!("CARGO_BIN_EXE_bloglint");
    let mut cmd = if cfg!(unix) {
        let mut c = Command::new("sh");
        c.args([
            "-c",
            "ulimit -c 0; ulimit -v 1500000; exec \"$@\"",
            "sh",
            exe,
        ]);
        c
    } else {
        Command::new(exe)
    };
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600")
        // A fixed pool: the memory limit must not depend on the core count.
        .env("RAYON_NUM_THREADS", "2")
        .stdin(Stdio::null());
    cmd
}

/// Run to completion, killed after twice `bound`; the run must finish
/// within `bound`.
fn run_cmd(mut cmd: Command, bound: Duration) -> Run {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the pipes while waiting, so a large report cannot block.
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out_pipe, &mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err_pipe, &mut s).unwrap();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > bound * 2 {
            let _ = child.kill();
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let took = started.elapsed();
    let output = Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    };
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(
        took < bound,
        "took {took:?}, more than {bound:?}\nstderr: {}",
        run.stderr
    );
    run
}

fn run(dir: &Path, args: &[&str], bound: Duration) -> Run {
    run_cmd(command(dir, args), bound)
}

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// `bloglint check --format concise` on a site holding `files`: every
/// `expected` line fragment is reported, the rest of the site is linted,
/// the exit code is 1 (errors found).
fn check_case(files: &[(&str, &[u8])], expected: &[&str], bound: Duration) -> Run {
    let dir = site(files);
    let r = run(dir.path(), &["check", "--format", "concise", "."], bound);
    for e in expected {
        assert!(r.has(e), "missing {e:?} in:\n{}\n{}", r.stdout, r.stderr);
    }
    assert!(r.has(OTHER_FINDING), "rest not linted:\n{}", r.stdout);
    assert!(!r.has("clean.md"), "{}", r.stdout);
    assert_eq!(r.code, Some(1), "{}\n{}", r.stdout, r.stderr);
    r
}

#[test]
fn invalid_utf8_in_front_matter_and_body() {
    check_case(
        &[
            ("content/posts/fm.md", b"---\ntitle: \"caf\xe9\"\n---\n"),
            (
                "content/posts/body.md",
                b"---\ntitle: T\n---\n\nfine\n\nbad \xc3\x28 here\n",
            ),
        ],
        &[
            "content/posts/fm.md:1:1: error[read-error] file is not valid UTF-8 (first bad byte at line 2, byte 15)",
            "content/posts/body.md:1:1: error[read-error] file is not valid UTF-8 (first bad byte at line 7, byte 28)",
        ],
        secs(10),
    );
}

#[test]
fn nul_bytes_and_binary_files() {
    let mut late_nul = fixable("Late").into_bytes();
    late_nul.extend(std::iter::repeat_n(b'x', 9000));
    late_nul.extend(b"\0 after the first 8000 bytes: read as text\n");
    check_case(
        &[
            ("content/posts/nul.md", b"---\ntitle: \"a\0b\"\n---\n"),
            (
                "content/posts/image.md",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
            ),
            ("content/posts/late.md", &late_nul),
        ],
        &[
            "content/posts/nul.md:1:1: error[read-error] file is binary, not text (a NUL byte at line 2, byte 13)",
            "content/posts/image.md:1:1: error[read-error] file is binary, not text (a NUL byte at line 3, byte 8)",
            "content/posts/late.md:3:7: info[date-format]",
        ],
        secs(10),
    );
}

#[test]
fn empty_and_unclosed_front_matter() {
    check_case(
        &[
            ("content/posts/empty.md", b""),
            ("content/posts/dashes.md", b"---\n"),
            ("content/posts/plus.md", b"+++"),
            ("content/posts/open.md", b"---\ntitle: Open\n\nNo end.\n"),
            ("content/posts/json.md", b"{\"title\": \"x\"\n\nBody\n"),
        ],
        &[
            "content/posts/empty.md:1:1: error[required-front-matter] required field `title` is missing",
            "content/posts/dashes.md:1:1: error[front-matter-syntax] YAML front matter opened here is never closed by a `---` line",
            "content/posts/plus.md:1:1: error[front-matter-syntax] TOML front matter opened here is never closed",
            "content/posts/open.md:1:1: error[front-matter-syntax] YAML front matter opened here is never closed",
            "content/posts/json.md:1:1: error[front-matter-syntax] JSON front matter opened here is never closed",
        ],
        secs(10),
    );
}

#[test]
fn tabs_duplicate_keys_trailing_commas() {
    check_case(
        &[
            (
                "content/posts/tabs.md",
                b"---\ntitle: A\ntags:\n\t- a\n---\n",
            ),
            (
                "content/posts/dup.md",
                b"---\ntitle: A\ndate: 2024-01-14\ntitle: B\n---\n",
            ),
            (
                "content/posts/dup-toml.md",
                b"+++\ntitle = 'A'\ntitle = 'B'\n+++\n",
            ),
            (
                "content/posts/commas.md",
                b"{\n  \"title\": \"J\",\n  \"date\": \"2024-01-14\",\n}\n",
            ),
        ],
        &[
            "content/posts/tabs.md:4:2: error[front-matter-syntax] invalid YAML: tabs disallowed",
            "content/posts/dup.md:4:1: error[front-matter-syntax] invalid YAML: key `title` is already defined on line 2",
            "content/posts/dup-toml.md:3:1: error[front-matter-syntax] invalid TOML: duplicate key",
            "content/posts/commas.md:3:23: error[front-matter-syntax] invalid JSON: Trailing commas are not allowed",
        ],
        secs(10),
    );
}

/// Each alias repeats the previous list nine times: 9^10 values once
/// expanded.
fn alias_bomb() -> String {
    let mut s = String::from("---\nb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*b{}", i - 1); 9].join(", ");
        s.push_str(&format!("b{i}: &b{i} [{refs}]\n"));
    }
    s + "---\n"
}

#[test]
fn alias_bomb_and_deep_nesting() {
    let open = |s: &str| s.repeat(10_000);
    let yaml = format!("---\ntitle: {}{}\n---\n", open("["), open("]"));
    let yaml_maps = format!("---\n{}\n---\n", open("{a: "));
    let toml = format!("+++\na = {}{}\n+++\n", open("["), open("]"));
    let json = format!("{{\"a\": {}{}}}\n", open("{\"a\": "), open("}"));
    let markdown = format!(
        "{}\n{}x\n{}y\n{}{}\n",
        fixable("Deep"),
        open("> "),
        open("- "),
        open("["),
        open("]")
    );
    let bomb = alias_bomb();
    // Few values, each a copy of 1 MB: 20 GB once expanded.
    let long = format!(
        "---\na: &a \"{}\"\nb: [{}*a]\n---\n",
        "x".repeat(1_000_000),
        "*a, ".repeat(20_000)
    );
    let r = check_case(
        &[
            ("content/posts/bomb.md", bomb.as_bytes()),
            ("content/posts/long.md", long.as_bytes()),
            ("content/posts/yaml.md", yaml.as_bytes()),
            ("content/posts/yaml-maps.md", yaml_maps.as_bytes()),
            ("content/posts/toml.md", toml.as_bytes()),
            ("content/posts/json.md", json.as_bytes()),
            ("content/posts/markdown.md", markdown.as_bytes()),
        ],
        &[
            "content/posts/bomb.md:7:10: error[front-matter-syntax] too many alias expansions: more than 100000 values",
            "content/posts/long.md:3:45: error[front-matter-syntax] too many alias expansions: more than 10 MB of text",
            "content/posts/yaml.md:2:",
            "content/posts/yaml-maps.md:2:",
            "content/posts/toml.md:2:",
            "content/posts/json.md:1:",
            // The body nests deep too, and is still read to its end.
            "content/posts/markdown.md:3:7: info[date-format]",
        ],
        secs(20),
    );
    for name in ["yaml", "yaml-maps", "toml", "json"] {
        let prefix = format!("content/posts/{name}.md:");
        let line = r.stdout.lines().find(|l| l.starts_with(&prefix)).unwrap();
        assert!(
            line.contains("error[front-matter-syntax] invalid"),
            "{line}"
        );
    }
}

/// About 50 MB of paragraphs, then a heading jump on the last lines.
fn fifty_megabytes() -> (Vec<u8>, usize) {
    let mut text = fixable("Big").into_bytes();
    let paragraph = "Some words in a paragraph that goes on and on. ".repeat(20) + "\n\n";
    let n = 50 * 1024 * 1024 / paragraph.len();
    text.reserve(n * paragraph.len() + 64);
    for _ in 0..n {
        text.extend_from_slice(paragraph.as_bytes());
    }
    text.extend_from_slice(b"## Near the end\n\n#### Deep\n");
    let lines = text.iter().filter(|b| **b == b'\n').count();
    (text, lines)
}

#[test]
fn a_50_megabyte_post() {
    let (text, lines) = fifty_megabytes();
    let r = check_case(
        &[("content/posts/big.md", &text)],
        &[&format!(
            "content/posts/big.md:{lines}:1: warning[heading-hierarchy] heading level jumps from h2 to h4"
        )],
        secs(60),
    );
    assert!(r.has("content/posts/big.md:3:7: info[date-format]"));
}

#[test]
fn a_one_megabyte_line() {
    let words = "word ".repeat(200_000);
    let body = format!("{}\n{words}[gone](/nowhere/)\n", fixable("Line"));
    let description = format!("---\ntitle: Long\ndate: 2024-01-14\ndescription: {words}\n---\n");
    check_case(
        &[
            ("content/posts/line.md", body.as_bytes()),
            ("content/posts/description.md", description.as_bytes()),
        ],
        &[
            "content/posts/line.md:9:1000008: error[broken-link] nothing is published at `/nowhere/`",
            "content/posts/description.md:4:14: warning[description-length] description is too long: 999999 characters",
        ],
        secs(20),
    );
}

#[test]
fn crlf_mixed_with_lf_and_a_bom_before_toml() {
    check_case(
        &[
            (
                "content/posts/mixed.md",
                b"---\r\ntitle: Mixed\ndate: 14/01/2024\r\ndescription: The mixed post, with a description long enough for search engines.\n---\r\n\r\n## x\n#### y\r\n",
            ),
            (
                "content/posts/bom.md",
                "\u{feff}+++\r\ntitle = 'Bom'\r\ndate = '14/01/2024'\r\ndescription = 'The post with a BOM, with a description long enough for search engines.'\r\n+++\r\n"
                    .as_bytes(),
            ),
        ],
        &[
            "content/posts/mixed.md:3:7: error[date-format]",
            "content/posts/mixed.md:8:1: warning[heading-hierarchy] heading level jumps from h2 to h4",
            "content/posts/bom.md:3:8: error[date-format]",
        ],
        secs(10),
    );
}

#[test]
fn many_findings_in_a_large_post_stay_linear() {
    // 10 MB; about 4,400 findings, a suppression comment before each pair.
    let chunk = format!(
        "{}# A\n\n### B\n\n<!-- bloglint-disable-next-line date-format -->\n",
        "Some words in a paragraph that goes on and on.\n\n".repeat(100)
    );
    let text = format!(
        "{}{}",
        fixable("Many"),
        chunk.repeat((10 << 20) / chunk.len())
    );
    let dir = site(&[("content/posts/many.md", text.as_bytes())]);
    for format in ["concise", "human", "json", "sarif"] {
        let r = run(
            dir.path(),
            &["check", "--format", format, "--color", "never", "."],
            secs(60),
        );
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        assert!(r.stderr.contains("warnings"), "{}", r.stderr);
    }
    let r = run(
        dir.path(),
        &["check", "--diff", "--unsafe-fixes", "."],
        secs(60),
    );
    assert_eq!(r.code, Some(1), "{}", r.stderr);
}

#[test]
fn many_headings_anchors_and_broken_shortcodes_stay_linear() {
    let headings = format!(
        "{}[to an id](#zz)\n\n{}",
        fixable("Ids"),
        "## a\n\n".repeat(20_000)
    );
    // Each broken anchor used to scan the page's raw HTML again, and to be
    // compared with every heading id for a suggestion.
    let anchors = format!(
        "{}<p id=\"raw\">x</p>\n\n{}{}",
        fixable("Anchors"),
        (0..3_000)
            .map(|i| format!("## heading number {i}\n\n"))
            .collect::<String>(),
        (0..3_000)
            .map(|i| format!("[b](#heading-number-{i}x) [c](#gone-{i})\n"))
            .collect::<String>()
    );
    let mut files: Vec<(String, String)> = vec![
        ("content/posts/ids.md".into(), headings),
        ("content/posts/anchors.md".into(), anchors),
    ];
    for (i, pattern) in ["{{</* ", "{{< ref 'a ", "{{< ref \"a", "{{< ref a "]
        .iter()
        .enumerate()
    {
        let body = pattern.repeat(1_000_000 / pattern.len());
        files.push((
            format!("content/posts/shortcodes-{i}.md"),
            format!("{}\n{body}", fixable("Shortcodes")),
        ));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    check_case(
        &files,
        &[
            "content/posts/ids.md:8:12: error[broken-link] this page has no heading or anchor `#zz`",
            "content/posts/anchors.md:6010:5: error[broken-link] this page has no heading or anchor `#heading-number-0x`",
            "content/posts/anchors.md:9009:32: error[broken-link] this page has no heading or anchor `#gone-2999`",
        ],
        secs(20),
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_linted_and_fixed() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = site(&[]);
    let name = OsStr::from_bytes(b"caf\xe9.md");
    let path = dir.path().join("content/posts").join(name);
    fs::write(&path, fixable("Latin-1 name")).unwrap();
    let r = run(dir.path(), &["check", "--format", "concise", "."], secs(10));
    assert!(
        r.has("content/posts/caf\u{fffd}.md:3:7: info[date-format]"),
        "{}",
        r.stdout
    );
    assert!(r.has(OTHER_FINDING));
    let r = run(dir.path(), &["check", "--fix", "."], secs(10));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(fs::read_to_string(&path).unwrap(), fixed("Latin-1 name"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_devices_and_pipes_under_content() {
    use std::os::unix::fs::symlink;
    let dir = site(&[]);
    let posts = dir.path().join("content/posts");
    fs::create_dir(posts.join("loop")).unwrap();
    symlink("../loop", posts.join("loop/again")).unwrap();
    symlink("self.md", posts.join("self.md")).unwrap();
    symlink("/nonexistent/file.md", posts.join("dangling.md")).unwrap();
    // Reading these would never end, or block: they are not files.
    symlink("/dev/zero", posts.join("zero.md")).unwrap();
    let fifo = posts.join("fifo.md");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let r = run(dir.path(), &["check", "--format", "concise", "."], secs(10));
    for e in [
        "content/posts/loop/again:1:1: error[read-error] symbolic link loop",
        "content/posts/self.md:1:1: error[read-error] cannot read",
        "content/posts/dangling.md:1:1: error[read-error] cannot read: a symbolic link to nothing",
        OTHER_FINDING,
    ] {
        assert!(r.has(e), "missing {e:?} in:\n{}", r.stdout);
    }
    assert!(!r.has("zero.md") && !r.has("fifo.md"), "{}", r.stdout);
    assert!(made.is_ok_and(|s| s.success()) || !fifo.exists());
    assert_eq!(r.code, Some(1));
}

/// Whether this process reads files whatever their mode (root): then the
/// permission cases run bloglint as `nobody`.
#[cfg(unix)]
fn reads_anything() -> bool {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("probe");
    fs::write(&p, "x").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    fs::read(&p).is_ok()
}

/// `command`, as a user that permission bits apply to: ourselves, or
/// `nobody` (uid 65534) when we are root. `None` when we are root and
/// cannot switch (the reason is printed).
#[cfg(unix)]
fn as_ordinary_user(dir: &Path, args: &[&str]) -> Option<Command> {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mut cmd = command(dir, args);
    if reads_anything() {
        // The site must be reachable for `nobody`.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
        cmd.uid(65534).gid(65534);
        let mut probe = command(dir, &["--version"]);
        probe.uid(65534).gid(65534);
        match probe.output() {
            Ok(o) if o.status.success() => {}
            other => {
                eprintln!(
                    "skipped: running as root and cannot run bloglint as nobody ({:?})",
                    other.map(|o| o.status)
                );
                return None;
            }
        }
    }
    Some(cmd)
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[
        ("content/posts/secret.md", CLEAN),
        ("content/private/inside.md", CLEAN),
    ]);
    let mode = |p: &str, m: u32| {
        fs::set_permissions(dir.path().join(p), fs::Permissions::from_mode(m)).unwrap()
    };
    mode("content/posts/secret.md", 0o000);
    mode("content/private", 0o000);
    let Some(cmd) = as_ordinary_user(dir.path(), &["check", "--format", "concise", "."]) else {
        return;
    };
    let r = run_cmd(cmd, secs(10));
    mode("content/private", 0o755);
    for e in [
        "content/posts/secret.md:1:1: error[read-error] cannot read file: Permission denied",
        "content/private:1:1: error[read-error] cannot read: ",
        OTHER_FINDING,
    ] {
        assert!(r.has(e), "missing {e:?} in:\n{}\n{}", r.stdout, r.stderr);
    }
    assert_eq!(r.code, Some(1));
}

#[test]
fn a_content_directory_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("hugo.toml"),
        "baseURL = 'https://example.org/'\ncontentDir = 'posts-typo'\n",
    )
    .unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    let r = run(dir.path(), &["check", "--format", "concise", "."], secs(10));
    assert!(
        r.has("posts-typo:1:1: error[read-error] the content directory does not exist: nothing to lint"),
        "{}",
        r.stdout
    );
    assert_eq!(r.code, Some(1));
}

#[test]
fn a_hugo_configuration_that_does_not_parse() {
    for (name, text, at) in [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/\n",
            "hugo.toml:1:32",
        ),
        ("hugo.yaml", "baseURL: [\n", "hugo.yaml:1:10"),
        ("hugo.json", "{\"baseURL\": }\n", "hugo.json:1:13"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(name), text).unwrap();
        fs::create_dir_all(dir.path().join("content")).unwrap();
        fs::write(dir.path().join("content/a.md"), CLEAN).unwrap();
        let r = run(dir.path(), &["check", "."], secs(10));
        assert_eq!(r.code, Some(2), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(at), "{name}: {}", r.stderr);
        assert!(
            r.stderr
                .contains(&format!("invalid configuration in ./{name}")),
            "{}",
            r.stderr
        );
    }
}

// Faults during --fix.

/// The files of `dir`, recursively, that are bloglint's temporary files.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(p);
            } else if e.file_name().to_string_lossy().starts_with(".bloglint-") {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_rewritten() {
    use std::os::unix::fs::PermissionsExt;
    let locked = fixable("Locked");
    let open = fixable("Open");
    let dir = site(&[
        ("content/posts/locked.md", locked.as_bytes()),
        ("content/posts/open.md", open.as_bytes()),
    ]);
    let locked_path = dir.path().join("content/posts/locked.md");
    fs::set_permissions(&locked_path, fs::Permissions::from_mode(0o444)).unwrap();
    let r = run(
        dir.path(),
        &["check", "--fix", "--format", "concise", "."],
        secs(10),
    );
    assert!(
        r.has("content/posts/locked.md:1:1: error[fix-error] fixed text not written: the file is read-only; not overwritten"),
        "{}",
        r.stdout
    );
    assert_eq!(r.code, Some(1));
    assert_eq!(fs::read_to_string(&locked_path).unwrap(), locked);
    assert_eq!(
        fs::read_to_string(dir.path().join("content/posts/open.md")).unwrap(),
        fixed("Open")
    );
    assert!(temp_files(dir.path()).is_empty());
}

/// A post too large for a file-size limit of a few blocks.
fn large_fixable(title: &str) -> String {
    fixable(title) + &"Filler words for the body of the post.\n".repeat(400)
}

/// `--fix` under a file-size limit (RLIMIT_FSIZE, which binds root too):
/// writing the temporary file fails like a full disk. With `die`, the
/// signal the limit raises is left to kill the process, as a crash between
/// writing the temporary file and renaming it.
#[cfg(unix)]
fn fix_under_size_limit(dir: &Path, die: bool) -> Run {
    let exe = env!("CARGO_BIN_EXE_bloglint");
    let trap = if die { "" } else { "trap '' XFSZ; " };
    let mut cmd = Command::new("sh");
    cmd.args([
        "-c",
        &format!("ulimit -c 0; ulimit -f 4; {trap}exec \"$@\""),
        "sh",
        exe,
        "check",
        "--fix",
        "--format",
        "concise",
        ".",
    ])
    .current_dir(dir)
    .env("NO_COLOR", "1")
    .env("BLOGLINT_NOW", "1735689600")
    .stdin(Stdio::null());
    run_cmd(cmd, secs(10))
}

#[cfg(unix)]
#[test]
fn a_full_disk_leaves_the_original_and_reports() {
    let big = large_fixable("Big");
    let dir = site(&[("content/posts/big.md", big.as_bytes())]);
    let r = fix_under_size_limit(dir.path(), false);
    assert!(
        r.has("content/posts/big.md:1:1: error[fix-error] fixed text not written: File too large"),
        "{}\n{}",
        r.stdout,
        r.stderr
    );
    assert_eq!(r.code, Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("content/posts/big.md")).unwrap(),
        big
    );
    assert!(temp_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_crash_before_the_rename_leaves_the_original_and_a_harmless_temporary_file() {
    let big = large_fixable("Big");
    let dir = site(&[("content/posts/big.md", big.as_bytes())]);
    let path = dir.path().join("content/posts/big.md");
    let r = fix_under_size_limit(dir.path(), true);
    assert_eq!(fs::read_to_string(&path).unwrap(), big);
    let mut leftovers = temp_files(dir.path());
    if r.code.is_some() && r.has("File too large") {
        // SIGXFSZ was ignored when the tests started: the write failed
        // cleanly instead. Leave a temporary file as a crash would.
        eprintln!("SIGXFSZ is ignored here: a crash is simulated by hand");
        let stray = dir.path().join("content/posts/.bloglint-AbC123.tmp");
        fs::write(&stray, &big[..100]).unwrap();
        leftovers.push(stray);
    } else {
        assert_eq!(r.code, None, "not killed: {}", r.stderr);
    }
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    // A leftover holding broken front matter, and one named like a post.
    fs::write(&leftovers[0], "---\ntitle: [broken\n").unwrap();
    fs::write(
        dir.path().join("content/posts/.bloglint-x.md.tmp.md"),
        "---\n",
    )
    .unwrap();
    let r = run(dir.path(), &["check", "--format", "concise", "."], secs(10));
    assert!(!r.has(".bloglint-"), "{}", r.stdout);
    assert!(r.has("content/posts/big.md:3:7: info[date-format]"));
    let r = run(dir.path(), &["check", "--fix", "."], secs(10));
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        large_fixable("Big").replace("2024-01-14 09:30:00", "2024-01-14T09:30:00")
    );
}

/// Faults injected into the write itself.
struct Fault(&'static str);

impl Writer for Fault {
    fn write_temp(&self, file: &mut fs::File, data: &[u8]) -> std::io::Result<()> {
        if self.0 == "full" {
            // Half the text fits, then the disk is full.
            std::io::Write::write_all(file, &data[..data.len() / 2])?;
            return Err(std::io::ErrorKind::StorageFull.into());
        }
        std::io::Write::write_all(file, data)
    }

    fn before_rename(&self, _temp: &Path, target: &Path) -> std::io::Result<()> {
        match self.0 {
            "edited" => fs::write(target, "saved by an editor meanwhile\n"),
            "crash" => Err(std::io::Error::other("simulated crash")),
            _ => Ok(()),
        }
    }
}

#[test]
fn injected_faults_leave_the_original_and_no_temporary_file() {
    for (fault, left) in [
        ("full", "ORIGINAL"),
        ("crash", "ORIGINAL"),
        ("edited", "saved by an editor meanwhile\n"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let original = large_fixable("Original");
        fs::write(&path, &original).unwrap();
        let e =
            write::write_fixed_with(&Fault(fault), &path, original.as_bytes(), b"new").unwrap_err();
        let left = if left == "ORIGINAL" { &original } else { left };
        assert_eq!(&fs::read_to_string(&path).unwrap(), left, "{fault}");
        assert!(temp_files(dir.path()).is_empty(), "{fault}");
        if fault == "edited" {
            assert!(e.to_string().contains("changed on disk"), "{e}");
        }
    }
    // And with no fault, the same write goes through.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    fs::write(&path, "old").unwrap();
    assert!(write::write_fixed_with(&Fault("none"), &path, b"old", b"new").unwrap());
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
}

#[test]
fn two_concurrent_fix_runs_never_interleave() {
    let titles: Vec<String> = (0..200).map(|i| format!("Post {i}")).collect();
    let posts: Vec<(String, String)> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("content/posts/p{i}.md"), large_fixable(t)))
        .collect();
    for round in 0..3 {
        let files: Vec<(&str, &[u8])> = posts
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_bytes()))
            .collect();
        let dir = site(&files);
        let started = Instant::now();
        let mut children: Vec<_> = (0..2)
            .map(|_| {
                command(dir.path(), &["check", "--fix", "--format", "concise", "."])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outputs: Vec<Output> = children
            .drain(..)
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        assert!(started.elapsed() < secs(60));
        for o in &outputs {
            // 1: other.md's error. No fix error: a run that finds a file
            // already fixed by the other leaves it alone.
            let stdout = String::from_utf8_lossy(&o.stdout);
            assert_eq!(o.status.code(), Some(1), "round {round}: {stdout}");
            assert!(!stdout.contains("fix-error"), "round {round}: {stdout}");
        }
        for (path, title) in posts.iter().map(|(p, _)| p).zip(&titles) {
            let now = fs::read_to_string(dir.path().join(path)).unwrap();
            let once = large_fixable(title).replace("2024-01-14 09:30:00", "2024-01-14T09:30:00");
            assert!(
                now == once,
                "round {round}: {path} is not fixed once:\n{now}"
            );
        }
        assert!(temp_files(dir.path()).is_empty());
        // Everything left parses: only other.md's error remains.
        let r = run(
            dir.path(),
            &["check", "--fix", "--format", "concise", "."],
            secs(30),
        );
        assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
        assert!(r.has(OTHER_FINDING));
    }
}
