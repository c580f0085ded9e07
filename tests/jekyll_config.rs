//! `bloglint::jekyll::config` against real Jekyll 4.3.1 (Debian 12: ruby
//! 3.1.2, jekyll-optional-front-matter 0.3.2), asked at test time: the
//! fixture sites of `tests/jekyll-sites/` are built and what Jekyll read is
//! compared with `read_plan`, and tables of inputs go through Jekyll's own
//! `File.fnmatch`, `EntryFilter`, `FrontmatterDefaults`, file name matchers,
//! `has_yaml_header?` and `Configuration`. Without `ruby` and `jekyll`,
//! each test prints "skipped: jekyll not installed" and passes.

mod common;
use common::copy_dir;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use bloglint::document::frontmatter::Value;
use bloglint::jekyll::config::{
    EntryFilter, JekyllConfig, Kind, date_filename_matches, dateless_filename_matches, fnmatch,
    glob_include, has_yaml_header,
};

fn jekyll_available() -> bool {
    let ok = Command::new("ruby")
        .args([
            "-rjekyll",
            "-e",
            "exit(Jekyll::VERSION.start_with?('4.') ? 0 : 1)",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        println!("skipped: jekyll not installed");
    }
    ok
}

/// Run `script` with `ruby -rjekyll -rjson`, `input` on stdin; its stdout.
fn ruby(script: &str, args: &[&str], input: &str) -> String {
    let mut all = vec!["-rjekyll", "-rjson", "-e", script, "--"];
    all.extend_from_slice(args);
    common::ruby(&all, &[], input)
}

/// What `Site#process` read: one line per page, static file (with
/// `write?`) and collection document, each with the `greeting` its
/// front matter defaults gave it.
const DUMP: &str = r#"
src, dest = ARGV
$data = []
Jekyll::DataReader.prepend(Module.new { def read_data_file(path); $data << path; super; end })
site = Jekyll::Site.new(Jekyll.configuration("source" => src, "destination" => dest, "quiet" => true))
site.process
rel = ->(p) { p.sub(src + "/", "") }
out = []
site.pages.each { |p| out << "page\t#{p.relative_path}\t#{p.data["greeting"]}" }
site.static_files.each { |f| out << "static\t#{rel.(f.path)}\t#{f.write?}" }
site.collections.each { |label, c| c.docs.each { |d| out << "doc:#{label}\t#{rel.(d.path)}\t#{d.data["greeting"]}" } }
site.layouts.each_value { |l| out << "layout\t#{rel.(l.path)}" }
$data.each { |p| out << "data\t#{rel.(p)}" }
puts out.sort
"#;

/// Merge the default sets' values for `key` as Jekyll does (later wins,
/// null keeps the earlier).
fn default_value(config: &JekyllConfig, path: &str, kind: &str, key: &str) -> String {
    let mut value = String::new();
    for table in config.defaults_for(path, kind) {
        if let Some((_, node)) = table.entries.iter().rev().find(|(k, _)| k.name == key) {
            match &node.value {
                Value::String(s) => value = s.clone(),
                Value::Integer(i) => value = i.to_string(),
                Value::Null => {}
                other => value = format!("{other:?}"),
            }
        }
    }
    value
}

fn plan_lines(config: &JekyllConfig) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for entry in config.read_plan() {
        let path = &entry.path;
        let greeting = |kind: &str| default_value(config, path, kind, "greeting");
        match &entry.kind {
            Kind::Page { copied, .. } => {
                lines.insert(format!("page\t{path}\t{}", greeting("pages")));
                if *copied {
                    lines.insert(format!("static\t{path}\ttrue"));
                }
            }
            Kind::Static => {
                lines.insert(format!("static\t{path}\ttrue"));
            }
            Kind::CollectionStatic { output, .. } => {
                lines.insert(format!("static\t{path}\t{output}"));
            }
            Kind::Post { .. } => {
                lines.insert(format!("doc:posts\t{path}\t{}", greeting("posts")));
            }
            Kind::Draft { .. } if config.show_drafts => {
                lines.insert(format!("doc:posts\t{path}\t{}", greeting("posts")));
            }
            Kind::Layout => {
                lines.insert(format!("layout\t{path}"));
            }
            Kind::Data => {
                lines.insert(format!("data\t{path}"));
            }
            Kind::Document { collection, .. } => {
                lines.insert(format!(
                    "doc:{collection}\t{path}\t{}",
                    greeting(collection)
                ));
            }
            _ => {}
        }
    }
    lines
}

fn check_site(name: &str) -> (tempfile::TempDir, JekyllConfig) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/jekyll-sites")
        .join(name);
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixture, &tmp.path().join("src"));
    let config = compare(name, tmp.path());
    (tmp, config)
}

/// Compare the read plan of `<tmp>/src` with what Jekyll reads there
/// (building into `<tmp>/out`).
fn compare(name: &str, tmp: &Path) -> JekyllConfig {
    let src = tmp.join("src");
    let dest = tmp.join("out");
    let config = JekyllConfig::load(&src).expect("configuration loads");
    let ours = plan_lines(&config);
    let theirs: BTreeSet<String> =
        ruby(DUMP, &[&src.to_string_lossy(), &dest.to_string_lossy()], "")
            .lines()
            .map(str::to_owned)
            .collect();
    let missing: Vec<_> = theirs.difference(&ours).collect();
    let extra: Vec<_> = ours.difference(&theirs).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{name}: Jekyll 4.3.1 read but the plan lacks {missing:#?}\nthe plan has but Jekyll did not read {extra:#?}"
    );
    config
}

/// Symlinks are followed outside `safe` mode; in `safe` mode, one leading
/// out of the source is dropped.
#[test]
fn symlinks() {
    if !jekyll_available() {
        return;
    }
    for safe in [false, true] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let src = tmp.path().join("src");
        let outside = tmp.path().join("outside");
        for dir in [src.join("real"), src.join("_posts"), outside.clone()] {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        let page = "---\ntitle: x\n---\nx\n";
        std::fs::write(src.join("_config.yml"), format!("safe: {safe}\n")).expect("config");
        std::fs::write(src.join("real/p.md"), page).expect("write");
        std::fs::write(outside.join("o.md"), page).expect("write");
        std::fs::write(outside.join("2020-01-01-o.md"), page).expect("write");
        let link = |target: &Path, at: &str| {
            std::os::unix::fs::symlink(target, src.join(at)).expect("symlink");
        };
        link(&src.join("real"), "linked");
        link(&outside, "out-dir");
        link(&outside.join("o.md"), "o.md");
        link(&outside.join("2020-01-01-o.md"), "_posts/2020-01-01-o.md");
        link(&src.join("real/p.md"), "inside.md");
        compare(&format!("symlinks (safe: {safe})"), tmp.path());
    }
}

#[test]
fn basic_site_read_as_jekyll_reads_it() {
    if !jekyll_available() {
        return;
    }
    let (tmp, config) = check_site("basic");
    // The defaults land in what Jekyll wrote.
    let out = |p: &str| std::fs::read_to_string(tmp.path().join("out").join(p)).expect(p);
    assert!(out("index.html").contains("hello from defaults"));
    assert!(out("sub/page.html").contains("hello from the glob"));
    assert!(out("sub/deeper/page.html").contains("hello from sub"));
    assert!(out("recipes/r.html").contains("hello recipes"));
    let kinds: Vec<(String, Kind)> = config
        .read_plan()
        .into_iter()
        .map(|e| (e.path, e.kind))
        .collect();
    let kind_of = |p: &str| kinds.iter().find(|(q, _)| q == p).map(|(_, k)| k.clone());
    assert_eq!(kind_of("_posts/no-date.md"), Some(Kind::UndatedPost));
    assert_eq!(kind_of("_data/x.yml"), Some(Kind::Data));
    assert_eq!(kind_of("_data/z.txt"), Some(Kind::Skipped));
    assert_eq!(kind_of("_layouts/default.html"), Some(Kind::Layout));
    assert_eq!(kind_of("node_modules/"), Some(Kind::Skipped));
    assert_eq!(kind_of("secretary.md"), Some(Kind::Skipped));
    assert_eq!(kind_of("_posts/_under/"), Some(Kind::Skipped));
    assert_eq!(
        kind_of("_drafts/d.md"),
        Some(Kind::Draft { dir: String::new() })
    );
}

#[test]
fn collections_dir_site() {
    if jekyll_available() {
        check_site("collections-dir");
    }
}

#[test]
fn optional_front_matter_sites() {
    if jekyll_available() {
        check_site("optional-fm");
        check_site("optional-fm-remove");
    }
}

#[test]
fn toml_site() {
    if jekyll_available() {
        check_site("toml");
    }
}

const PATTERNS: &[&str] = &[
    "", "*", "**", "*.md", "a*", "*a", "a?c", "?", "[abc]", "[a-c]*", "[!a-c]*", "[^a-c]*", "[]a]",
    "[a-]", "[-a]", "[", "[a", "a]", "\\*", "a\\", "\\", "\\[a]", "[\\]]", "{a,b}", "a/*", "*/b",
    "a/**/b", "**/b", ".*", "*.*", "a.md", "A.MD", "é*", "*ü", "[à-ÿ]", "日本*", " *", "* ", "a b",
    "*~", "#*", "a//b", "/a", "a/", "*/", "[[]", "[*]", "[?]", "?*?", "***a", "*a*b*c*", "a[]-]b",
    "[z-a]", "[a-a]",
];

const PATHS: &[&str] = &[
    "",
    "a",
    "b",
    "abc",
    "a.md",
    "A.MD",
    ".md",
    ".hidden",
    "a/b",
    "a/.b",
    "a/x/b",
    "/a",
    "a/",
    "é",
    "éü",
    "日本語",
    " x",
    "x ",
    "a b",
    "x~",
    "#x#",
    "[a]",
    "*",
    "?",
    "\\",
    "a\\",
    "{a,b}",
    "]",
    "-",
    "zzz",
    "a//b",
    "aXbYc",
    "a]b",
    "a-b",
];

#[test]
fn fnmatch_agrees_with_ruby() {
    if !jekyll_available() {
        return;
    }
    let mut cases = Vec::new();
    for p in PATTERNS {
        for s in PATHS {
            cases.push((p.to_string(), s.to_string()));
        }
    }
    // Long inputs.
    cases.push(("*a*a*a*a*a*b".into(), "a".repeat(300)));
    cases.push(("*".repeat(50) + "x", "y".repeat(500) + "x"));
    let input = serde_json::to_string(&cases).expect("json");
    let answers = ruby(
        "JSON.parse(STDIN.read).each { |p, s| puts File.fnmatch(p, s) ? 1 : 0 }",
        &[],
        &input,
    );
    let mut wrong = Vec::new();
    for ((p, s), answer) in cases.iter().zip(answers.lines()) {
        if fnmatch(p, s) != (answer == "1") {
            wrong.push(format!("File.fnmatch({p:?}, {s:?}) is {answer}"));
        }
    }
    assert_eq!(cases.len(), answers.lines().count());
    assert!(
        wrong.is_empty(),
        "{} disagreements:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn glob_include_agrees_with_entry_filter() {
    if !jekyll_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    for dir in ["vendor/bundle", "docs", "a/b", "_x"] {
        std::fs::create_dir_all(tmp.path().join(dir)).expect("mkdir");
    }
    let pattern_sets: &[&[&str]] = &[
        &[""],
        &["docs"],
        &["docs/"],
        &["/docs"],
        &["vendor/bundle/"],
        &["*.txt"],
        &["a/*"],
        &["a/b/"],
        &["do"],
        &["*"],
        &["_x", ".htaccess"],
        &["[ab]/*"],
        &["é*"],
    ];
    let entries = [
        "docs",
        "/docs",
        "docs/x.md",
        "/docs/x.md",
        "documents",
        "vendor/bundle",
        "/vendor/bundle",
        "vendor/bundle/x",
        "a/b",
        "/a/b",
        "a/b/c.txt",
        "x.txt",
        "_x",
        ".htaccess",
        "é.md",
        "b/c",
        "",
    ];
    let mut cases = Vec::new();
    for set in pattern_sets {
        for entry in entries {
            let is_dir =
                tmp.path().join(entry.trim_start_matches('/')).is_dir() && !entry.is_empty();
            cases.push((
                set.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                entry,
                is_dir,
            ));
        }
    }
    let input: Vec<(&Vec<String>, &str)> = cases.iter().map(|(p, e, _)| (p, *e)).collect();
    let script = r#"
        S = Struct.new(:source, :include, :exclude, :safe)
        f = Jekyll::EntryFilter.new(S.new(ARGV[0], [], [], false))
        JSON.parse(STDIN.read).each { |ps, e| puts f.glob_include?(ps, e) ? 1 : 0 }
    "#;
    let answers = ruby(
        script,
        &[&tmp.path().to_string_lossy()],
        &serde_json::to_string(&input).expect("json"),
    );
    let mut wrong = Vec::new();
    for ((patterns, entry, is_dir), answer) in cases.iter().zip(answers.lines()) {
        if glob_include(patterns, entry, *is_dir) != (answer == "1") {
            wrong.push(format!(
                "{patterns:?} vs {entry:?} (dir {is_dir}): {answer}"
            ));
        }
    }
    assert_eq!(cases.len(), answers.lines().count());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn entry_filter_agrees_with_jekyll() {
    if !jekyll_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = tmp.path();
    std::fs::write(
        src.join("_config.yml"),
        "exclude: [secret, \"*.bak\", sub/skip, \"/sub/x*\", _keep]\ninclude: [.well-known, _keep, \"#*\", sub]\n",
    )
    .expect("config");
    let names = [
        "index.md",
        ".hidden",
        ".well-known",
        "_under",
        "#hash",
        "~tilde",
        "back~",
        "file.",
        "secret",
        "secretary.md",
        "a.bak",
        "skip",
        "x1.md",
        "xy",
        "_keep",
        "sub",
        "é",
        "a b",
        "..",
        ".",
        "_keep~",
        ".htaccess",
        "ok.md",
        "#",
        "_",
        "~",
    ];
    for dir in ["", "sub", "_col"] {
        std::fs::create_dir_all(src.join(dir)).expect("mkdir");
        for name in names {
            if name != "." && name != ".." && name != "sub" {
                let _ = std::fs::write(src.join(dir).join(name), "x");
            }
        }
    }
    let config = JekyllConfig::load(src).expect("loads");
    let bases = [("", ""), ("sub", "/sub"), ("_col", "_col")];
    let script = r#"
        site = Jekyll::Site.new(Jekyll.configuration("source" => ARGV[0], "destination" => ARGV[0] + "/_site", "quiet" => true))
        JSON.parse(STDIN.read).each do |dir, base, names|
          Dir.chdir(File.join(ARGV[0], dir)) do
            kept = Jekyll::EntryFilter.new(site, base).filter(names)
            names.each { |n| puts kept.include?(n) ? 1 : 0 }
          end
        end
    "#;
    let input: Vec<(&str, &str, &[&str])> =
        bases.iter().map(|(d, b)| (*d, *b, &names[..])).collect();
    let answers = ruby(
        script,
        &[&src.to_string_lossy()],
        &serde_json::to_string(&input).expect("json"),
    );
    let mut answers = answers.lines();
    let mut wrong = Vec::new();
    for (dir, base) in bases {
        let filter = EntryFilter::new(&config, base);
        for name in names {
            let answer = answers.next().expect("an answer per name");
            let full = src.join(dir).join(name);
            if filter.keeps(name, &full) != (answer == "1") {
                wrong.push(format!("{base:?} / {name:?}: Jekyll keeps = {answer}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn file_name_matchers_agree_with_jekyll() {
    if !jekyll_available() {
        return;
    }
    let mut names: Vec<String> = [
        "2020-01-01-x.md",
        "20-1-1-x.md",
        "2020-01-01-.md",
        "2020-01-01-x",
        "2020-01-01x.md",
        "12345-01-01-x.md",
        "2020-001-01-x.md",
        "sub/2020-01-01-x.md",
        "2020-01-01-x.a/b",
        "x-2020-01-01-x.md",
        "2020-01-01-x.",
        "２０２０-01-01-x.md",
        "a/b/2020-1-1-é.md",
        "2020-01-01-a.b.c",
        "2020-01-01-a/b.md",
        "a.md",
        "README",
        "a.",
        "d.x/f",
        ".md",
        "",
        "2020-01-01-x.md/",
        "0000-0-0-x.y",
        "999-99-99-x.y",
        "2020-01-01-x y.md",
        "a/.b",
        "2020-13-45-x.md",
        "x/2020-01-01-x.md/y",
        "2020-01-01-ü.日本",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    names.push(format!("2020-01-01-{}.md", "x".repeat(2000)));
    let answers = ruby(
        "JSON.parse(STDIN.read).each { |s| puts [Jekyll::Document::DATE_FILENAME_MATCHER.match?(s) ? 1 : 0, Jekyll::Document::DATELESS_FILENAME_MATCHER.match?(s) ? 1 : 0].join(' ') }",
        &[],
        &serde_json::to_string(&names).expect("json"),
    );
    let mut wrong = Vec::new();
    for (name, answer) in names.iter().zip(answers.lines()) {
        let ours = format!(
            "{} {}",
            u8::from(date_filename_matches(name)),
            u8::from(dateless_filename_matches(name))
        );
        if ours != answer {
            wrong.push(format!("{name:?}: Jekyll {answer}, ours {ours}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn yaml_header_agrees_with_jekyll() {
    if !jekyll_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let long_blank = [&b"---"[..], &[b' '; 600][..], b"\n"].concat();
    let long_text = [&b"---"[..], &[b' '; 600][..], b"x\n"].concat();
    let texts: &[&[u8]] = &[
        &long_blank,
        &long_text,
        b"---\n",
        b"---",
        b"",
        b"--- \n",
        b"---\t\r\n",
        b"---\r\n",
        b"--- x\n",
        b"----\n",
        b"\xef\xbb\xbf---\n",
        b" ---\n",
        b"---\x0b\x0c\n",
        b"---\r\r\n",
        b"\n---\n",
        b"+++\n",
        b"---\xc2\xa0\n",
        b"--\n",
        b"---\n---\n",
        b"---\x00\n",
    ];
    let mut paths = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let p = tmp.path().join(format!("f{i}"));
        std::fs::write(&p, text).expect("write");
        paths.push(p.to_string_lossy().into_owned());
    }
    let answers = ruby(
        "JSON.parse(STDIN.read).each { |p| puts Jekyll::Utils.has_yaml_header?(p) ? 1 : 0 }",
        &[],
        &serde_json::to_string(&paths).expect("json"),
    );
    for ((path, text), answer) in paths.iter().zip(texts).zip(answers.lines()) {
        assert_eq!(
            has_yaml_header(Path::new(path)),
            answer == "1",
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}

/// Configurations and what Jekyll 4.3.1's `Jekyll.configuration` makes of them.
#[test]
fn configuration_agrees_with_jekyll() {
    if !jekyll_available() {
        return;
    }
    let configs = [
        "",
        "future: yes\nshow_drafts: On\nunpublished: \"no\"\nstrict_front_matter: NO\n",
        "future: n\nshow_drafts: 0\nunpublished: ~\n",
        "permalink: pretty\n",
        "permalink: ~\n",
        "permalink: /:title/\ncollections:\n  posts:\n    permalink: /p/:title/\n",
        "collections: [a, b, \"c d!\"]\n",
        "collections:\n  a: {output: true}\n  b: ~\n  posts: {output: false}\n",
        "exclude: [x, node_modules]\ninclude: []\n",
        "exclude: ~\n",
        "exclude: x\n",
        "plugins: ~\n",
        "plugins: jekyll-feed\n",
        "include: {a: 1}\n",
        "title: [\n",
        "- a\n- b\n",
        "just a string\n",
        "# only a comment\n",
        "markdown_ext: \"MD, txt,,\"\n",
        "kramdown: {auto_ids: \"no\", input: kramdown, auto_id_prefix: p-}\n",
        "kramdown: {auto_ids: off, auto_id_stripping: yes, transliterated_header_ids: \"\"}\n",
        "baseurl: /blog\nurl: https://example.com\ntimezone: Europe/Paris\nlang: fr\n",
        "collections_dir: my\nsafe: true\n",
        "future: TRUE\nunpublished: tRuE\n",
    ];
    let script = r#"
        JSON.parse(STDIN.read).each do |dir|
          c = begin
            Jekyll.configuration("source" => dir, "quiet" => true)
          rescue StandardError, Psych::SyntaxError
            puts "error"
            next
          end
          k = Kramdown::Options.merge(c["kramdown"].transform_keys(&:to_sym))
          cols = c["collections"].map { |l, m| m ||= {}; [l.gsub(%r![^a-z0-9_\-.]!i, ""), !!m["output"], m["permalink"]].join(":") }
          puts [!!c["future"], !!c["show_drafts"], !!c["unpublished"], !!c["strict_front_matter"], !!c["safe"],
                c["permalink"], cols.join(","), c["exclude"].join(","), c["include"].join(","),
                c["markdown_ext"].split(",").map { |e| ".#{e.downcase}" }.join(","),
                k[:input], k[:auto_ids], k[:auto_id_prefix], k[:auto_id_stripping], k[:transliterated_header_ids],
                c["baseurl"].to_s, c["url"].to_s, c["timezone"].to_s, c["lang"].to_s, c["collections_dir"]].join("|")
        end
    "#;
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut dirs = Vec::new();
    for (i, text) in configs.iter().enumerate() {
        let dir = tmp.path().join(format!("s{i}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("_config.yml"), text).expect("write");
        dirs.push(dir.to_string_lossy().into_owned());
    }
    let answers = ruby(script, &[], &serde_json::to_string(&dirs).expect("json"));
    let mut wrong = Vec::new();
    for ((dir, text), answer) in dirs.iter().zip(configs).zip(answers.lines()) {
        let Ok(c) = JekyllConfig::load(Path::new(dir)) else {
            if answer != "error" {
                wrong.push(format!("{text:?}\n  jekyll {answer}\n  ours   error"));
            }
            continue;
        };
        let cols: Vec<String> = c
            .collections
            .iter()
            .map(|col| {
                format!(
                    "{}:{}:{}",
                    col.label,
                    col.output,
                    col.permalink.clone().unwrap_or_default()
                )
            })
            .collect();
        let ours = [
            c.future.to_string(),
            c.show_drafts.to_string(),
            c.unpublished.to_string(),
            c.strict_front_matter.to_string(),
            c.safe.to_string(),
            c.permalink.clone(),
            cols.join(","),
            c.exclude.join(","),
            c.include.join(","),
            c.markdown_ext.join(","),
            c.kramdown.input.clone(),
            c.kramdown.auto_ids.to_string(),
            c.kramdown.auto_id_prefix.clone(),
            c.kramdown.auto_id_stripping.to_string(),
            c.kramdown.transliterated_header_ids.to_string(),
            c.baseurl.clone().unwrap_or_default(),
            c.url.clone().unwrap_or_default(),
            c.timezone.clone().unwrap_or_default(),
            c.lang.clone().unwrap_or_default(),
            c.collections_dir.clone(),
        ]
        .join("|");
        if ours != answer {
            wrong.push(format!("{text:?}\n  jekyll {answer}\n  ours   {ours}"));
        }
    }
    assert_eq!(dirs.len(), answers.lines().count());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Front matter defaults: `FrontmatterDefaults#all` against `defaults_for`.
#[test]
fn defaults_agree_with_jekyll() {
    if !jekyll_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let src = tmp.path();
    for f in [
        "x.md",
        "blog/a.md",
        "blogroll.md",
        "docs/a.md",
        "docs/sub/b.md",
        "docs/.h/c.md",
        "my/_posts/2020-01-01-p.md",
        "my/_docs/d.md",
        "my/page.md",
        "_posts/2020-01-01-q.md",
        "news/_posts/2020-01-01-n.md",
        "é/ü.md",
    ] {
        let p = src.join(f);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, "---\n---\n").expect("write");
    }
    let config = "collections_dir: my\ncollections: [docs]\ndefaults:\n\
        - scope: {path: \"\"}\n  values: {a: root, b: root}\n\
        - scope: {path: blog}\n  values: {a: blog}\n\
        - scope: {path: \"\", type: pages}\n  values: {b: pages}\n\
        - scope: {path: \"docs/*\"}\n  values: {a: docsglob}\n\
        - scope: {path: \"docs/**/*.md\"}\n  values: {c: starstar}\n\
        - scope: {path: \"docs/*/\"}\n  values: {d: dirglob}\n\
        - scope: {path: \"my/_posts\"}\n  values: {a: myposts}\n\
        - scope: {path: \"_docs\", type: docs}\n  values: {a: docs}\n\
        - scope: {path: \"*\", type: posts}\n  values: {e: star}\n\
        - scope: {path: \"/blog\"}\n  values: {f: slash}\n\
        - scope: {path: blo, type: pages}\n  values: {a: blo}\n\
        - scope: {type: page}\n  values: {g: page}\n\
        - scope: {type: drafts}\n  values: {h: drafts}\n\
        - scope: {path: \"é\"}\n  values: {a: accent}\n\
        - scope: {path: \"**/*.md\"}\n  values: {i: all}\n\
        - scope: {path: \"my/*\"}\n  values: {j: mystar}\n";
    std::fs::write(src.join("_config.yml"), config).expect("config");
    let queries = [
        ("x.md", "pages"),
        ("blog/a.md", "pages"),
        ("blogroll.md", "pages"),
        ("docs/a.md", "pages"),
        ("docs/sub/b.md", "pages"),
        ("docs/.h/c.md", "pages"),
        ("my/page.md", "pages"),
        ("my/_posts/2020-01-01-p.md", "posts"),
        ("my/_docs/d.md", "docs"),
        ("é/ü.md", "pages"),
        ("my/page.md", "drafts"),
    ];
    let keys = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    // Jekyll is given the path it uses: relative to collections_dir for documents.
    let jekyll_queries: Vec<(String, &str)> = queries
        .iter()
        .map(|(p, k)| {
            let p = if *k == "pages" {
                p
            } else {
                p.strip_prefix("my/").unwrap_or(p)
            };
            (p.to_string(), *k)
        })
        .collect();
    let script = r#"
        site = Jekyll::Site.new(Jekyll.configuration("source" => ARGV[0], "destination" => ARGV[0] + "/_site", "quiet" => true))
        JSON.parse(STDIN.read).each do |path, type|
          d = site.frontmatter_defaults.all(path, type)
          puts %w(a b c d e f g h i j).map { |k| d[k].to_s }.join("|")
        end
    "#;
    let answers = ruby(
        script,
        &[&src.to_string_lossy()],
        &serde_json::to_string(&jekyll_queries).expect("json"),
    );
    let loaded = JekyllConfig::load(src).expect("loads");
    let mut wrong = Vec::new();
    for ((path, kind), answer) in queries.iter().zip(answers.lines()) {
        let ours: Vec<String> = keys
            .iter()
            .map(|k| default_value(&loaded, path, kind, k))
            .collect();
        let ours = ours.join("|");
        if ours != answer {
            wrong.push(format!("{path} ({kind}): jekyll {answer}, ours {ours}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
