//! `bloglint::jekyll::date` against real Jekyll 4.3.1 (Ruby 3.1, Psych 4):
//! a table of front matter `date:` values goes through Jekyll's own YAML
//! loader (`Jekyll::Utils.safe_load_yaml`) and `Jekyll::Utils.parse_date`,
//! file names through `Jekyll::Document::DATE_FILENAME_MATCHER`, under a few
//! `TZ` settings (what `timezone:` sets); the civil fields Jekyll gets (or
//! its `InvalidDateError`) are compared with `parse_value`/`filename_date`
//! and `local`. Values bloglint does not model (`NotModelled`) are counted,
//! not compared. Without `ruby` and Jekyll the test says so and passes.

mod common;
use std::process::{Command, Stdio};

use bloglint::jekyll::date::{Civil, DateError, filename_date, local, parse_value};

/// Reads `KIND<TAB>text` lines (`U` unquoted YAML, `Q` a string, `F` a
/// file name) and prints one line each: `ERR`, `NOMATCH`, or
/// `OK y m d H M S` (and `slug<TAB>ext` for file names).
const SCRIPT: &str = r##"
require 'jekyll'
STDIN.each_line do |line|
  kind, text = line.chomp.split("\t", 2)
  text = text.gsub('\n', "\n").gsub('\t', "\t")
  begin
    case kind
    when 'U'
      v = Jekyll::Utils.safe_load_yaml("date: #{text}\n")['date']
      t = Jekyll::Utils.parse_date(v.to_s)
      puts t.strftime('OK %Y %m %d %H %M %S')
    when 'Q'
      t = Jekyll::Utils.parse_date(text)
      puts t.strftime('OK %Y %m %d %H %M %S')
    when 'F'
      m = Jekyll::Document::DATE_FILENAME_MATCHER.match(text)
      if m.nil?
        puts 'NOMATCH'
      else
        date, slug, ext = m.captures
        t = Jekyll::Utils.parse_date(date)
        puts t.strftime('OK %Y %m %d %H %M %S') + "\t#{slug.gsub(/\.*\z/, '')}\t#{ext}"
      end
    end
  rescue Jekyll::Errors::InvalidDateError
    puts 'ERR'
  end
end
"##;

fn jekyll_available() -> bool {
    Command::new("ruby")
        .args(["-rjekyll", "-e", "exit 0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn jekyll_answers(lines: &[(char, String)], tz: &str) -> Vec<String> {
    let mut input = String::new();
    for (kind, text) in lines {
        input.push(*kind);
        input.push('\t');
        input.push_str(&text.replace('\n', "\\n").replace('\t', "\\t"));
        input.push('\n');
    }
    let answers: Vec<String> = common::ruby(&["-e", SCRIPT], &[("TZ", tz)], &input)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(answers.len(), lines.len(), "one answer per input");
    answers
}

fn fields(c: Civil) -> String {
    format!(
        "OK {:04} {:02} {:02} {:02} {:02} {:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// Values of `date:`, each tried unquoted and quoted.
fn values() -> Vec<String> {
    let mut v: Vec<String> = [
        "2024-01-05",
        "2024-1-5",
        "2024-02-29",
        "2023-02-29",
        "2024-02-30",
        "2024-02-31",
        "2024-04-31",
        "2024-02-32",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "0001-01-01",
        "1970-01-01",
        "9999-12-31",
        "2024-01-05 10:00:00",
        "2024-01-05T10:00:00",
        "2024-01-05t10:00:00",
        "2024-01-05  10:00:00",
        "2024-01-05 10:00:00.5",
        "2024-01-05 10:00:00.123456789",
        "2024-01-05 10:00:00 +0100",
        "2024-01-05 10:00:00 +01:00",
        "2024-01-05 10:00:00+01:00",
        "2024-01-05 10:00:00 -0700",
        "2024-01-05 10:00:00 -07:00",
        "2024-01-05 10:00:00 +0530",
        "2024-01-05 10:00:00 -0:30",
        "2024-01-05 10:00:00 +1",
        "2024-01-05 10:00:00Z",
        "2024-01-05T10:00:00Z",
        "2024-01-05 10:00:00 Z",
        "2024-01-05 10:00:00 UTC",
        "2024-01-05 10:00:00 GMT",
        "2024-01-05 24:00:00",
        "2024-01-05 24:00:01",
        "2024-01-05 25:00:00",
        "2024-01-05 10:60:00",
        "2024-01-05 10:00:60",
        "2024-01-05 10:00:61",
        "2024-12-31 23:59:60",
        "2024-02-30 10:00:00",
        "2024-02-30 10:00:00 +0100",
        "2024-13-01 10:00:00",
        "2024-01-05 1:02:03",
        "2024-1-5 9:05:00",
        "2024-01-05 10:00",
        "2024-01-05T10:00",
        "2024-01-05T10:00+02:00",
        "2024-01-05T10:00-0500",
        "2024-01-05 10:00 +02",
        "2024-01-05 10:00 +2",
        "2024-01-05 10:00 +24:00",
        "2024-01-05 10:00 +23:59",
        "2024-01-05 10:00 Z",
        "2024-01-05 10:00 UTC",
        "2024-01-05 10:00 PST",
        "2024-01-05 10:00 CEST",
        "2024-01-05 10:00 am",
        "2024-01-05 10:00pm",
        "2024-01-05 9:5",
        "2024-01-05 9",
        "2024-01-05 24:00",
        "2024-01-05 10:60",
        "2024-01-05Z",
        "2024-01-05 junk",
        "2024-12-31T23:59:59-12:00",
        "2024-01-01T00:00:00+14:00",
        "January 5, 2024",
        "Jan 5 2024",
        "jan 5, 2024",
        "5 January 2024",
        "5 jan 2024",
        "February 30, 2024",
        "Feb 31 2024",
        "30 February 2024",
        "December 31, 1999",
        "5/1/2024",
        "1/5/2024",
        "12/25/2024",
        "2024/01/05",
        "05.01.2024",
        "2024.01.05",
        "20240105",
        "20240230",
        "20241301",
        "20240132",
        "2024010",
        "202401051",
        "2024",
        "24",
        "0x10",
        "1_000",
        "2024.5",
        "-2024-01-05",
        "2024-W01-1",
        "2024-001",
        "yesterday",
        "today",
        "tomorrow",
        "now",
        "TBD",
        "draft",
        "unknown",
        "soon",
        "never",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "null",
        "~",
        "",
        "EST",
        "UTC",
        "March",
        "Monday",
        "next week",
        "[2024]",
        "[a, b]",
        "{}",
        "日本",
        "  2024-01-05  ",
        "2024-01-05 ",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // A grid of dates and times.
    for (y, m, d) in [
        (2024, 1, 31),
        (2024, 2, 28),
        (2025, 2, 29),
        (2100, 2, 29),
        (2000, 2, 29),
        (2024, 6, 30),
        (2024, 6, 31),
        (2024, 11, 31),
        (2024, 12, 31),
        (2024, 12, 32),
    ] {
        for time in [
            "",
            " 00:00:00",
            " 23:30:00",
            "T12:00:00+05:30",
            " 01:00:00 -0800",
            " 23:00",
            " 00:30 +14:00",
        ] {
            v.push(format!("{y}-{m:02}-{d:02}{time}"));
        }
    }
    v
}

fn file_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "2024-01-05-hello.md",
        "2024-1-5-hello.md",
        "24-01-05-hello.md",
        "69-01-05-hello.md",
        "68-01-05-hello.md",
        "99-1-5-x.md",
        "024-01-05-x.md",
        "100-01-05-x.md",
        "0000-01-01-x.md",
        "2024-02-29-leap.md",
        "2023-02-29-x.md",
        "2024-02-30-x.md",
        "2024-02-31-x.md",
        "2024-04-31-x.md",
        "2024-02-32-x.md",
        "2024-13-01-x.md",
        "2024-00-10-x.md",
        "2024-01-00-x.md",
        "2024-01-05-.md",
        "2024-01-05-x.y.md",
        "2024-01-05-x..md",
        "2024-01-05-x...",
        "2024-01-05-x",
        "2024-01-05x.md",
        "2024-01-05.md",
        "20240105-x.md",
        "12024-01-05-x.md",
        "2024-001-05-x.md",
        "2024-01-005-x.md",
        "2024-01-05-hello world.markdown",
        "2024-01-05-ünïcode.md",
        "2024-01-05-a-b-c.html",
        "2024-01-05--double.md",
        "2024-01-05-x.MD",
        "2024-01-05-.hidden",
        "posts/2024-01-05-x.md",
        "_posts/sub/2024-01-05-x.md",
        "2024-01-05-dir/x.md",
        "x-2024-01-05-x.md",
        ".2024-01-05-x.md",
        "",
        "-",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for d in 28..=33 {
        v.push(format!("2023-02-{d}-post.md"));
        v.push(format!("2024-09-{d}-post.md"));
    }
    v
}

fn check(tz: &str) {
    let mut inputs: Vec<(char, String)> = Vec::new();
    for value in values() {
        inputs.push(('U', value.clone()));
        inputs.push(('Q', value));
    }
    for name in file_names() {
        inputs.push(('F', name));
    }
    let answers = jekyll_answers(&inputs, tz);
    let (mut compared, mut not_modelled, mut no_local) = (0, 0, 0);
    let mut diffs = Vec::new();
    for ((kind, text), theirs) in inputs.iter().zip(&answers) {
        let ours = match kind {
            'F' => match filename_date(text) {
                None => "NOMATCH".to_string(),
                Some(f) => match f.date {
                    Ok(d) => format!("{}\t{}\t{}", fields(d.civil()), f.slug, f.ext),
                    Err(DateError::Invalid) => "ERR".to_string(),
                    Err(DateError::NotModelled) => {
                        not_modelled += 1;
                        continue;
                    }
                },
            },
            _ => match parse_value(text, *kind == 'Q') {
                Ok(d) => match local(&d, Some(tz)) {
                    Some(c) => fields(c),
                    None => {
                        // Past the last transition of the system's zone
                        // database (2100 in New York): not known.
                        no_local += 1;
                        continue;
                    }
                },
                Err(DateError::Invalid) => "ERR".to_string(),
                Err(DateError::NotModelled) => {
                    not_modelled += 1;
                    continue;
                }
            },
        };
        compared += 1;
        if &ours != theirs {
            diffs.push(format!(
                "{kind} {text:?}: Jekyll {theirs:?}, bloglint {ours:?}"
            ));
        }
    }
    println!(
        "TZ={tz}: {compared} compared, {not_modelled} not modelled, {no_local} past the zone database"
    );
    assert!(compared > 300, "only {compared} compared");
    assert!(
        diffs.is_empty(),
        "{} differ from Jekyll 4.3.1 (TZ={tz}):\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

macro_rules! oracle {
    ($name:ident, $tz:expr) => {
        #[test]
        fn $name() {
            if !jekyll_available() {
                println!("skipped: jekyll not installed (ruby with the jekyll gem)");
                return;
            }
            check($tz);
        }
    };
}

oracle!(utc, "UTC");
oracle!(new_york, "America/New_York");
oracle!(kolkata, "Asia/Kolkata");

/// One real build: posts with dates in their front matter and in their file
/// names, on a site with `timezone: America/New_York` and a permalink of
/// every date field; where Jekyll writes each post is compared with
/// `local(parse_value(…))` and `filename_date`.
#[test]
fn a_real_build_publishes_where_bloglint_says() {
    let jekyll_cli = Command::new("jekyll")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !jekyll_cli {
        println!("skipped: jekyll not installed");
        return;
    }
    let tz = "America/New_York";
    let dir = tempfile::tempdir().expect("a temp dir");
    let src = dir.path().join("src");
    let posts = src.join("_posts");
    std::fs::create_dir_all(&posts).expect("mkdir");
    std::fs::write(
        src.join("_config.yml"),
        format!("timezone: {tz}\npermalink: /:year/:month/:day/:hour/:minute/:second/:title/\n"),
    )
    .expect("config");
    // (front matter `date:` line, quoted) — each post is `p<N>`.
    let dated: &[(&str, bool)] = &[
        ("2024-01-05", false),
        ("2024-02-30", false),
        ("'2024-04-31'", true),
        ("2024-01-05 10:00:00", false),
        ("'2024-01-05 10:00:00'", true),
        ("2024-01-05T10:00:00Z", false),
        ("2024-01-05 10:00:00 +0100", false),
        ("2024-01-05T10:00", false),
        ("'2024-07-01 23:30 +02:00'", true),
        ("2024-01-05 24:00", false),
        ("20240105", false),
        ("January 5, 2024", false),
        ("2023-12-31 23:59:60", false),
    ];
    let mut expected = Vec::new();
    for (n, (value, quoted)) in dated.iter().enumerate() {
        std::fs::write(
            posts.join(format!("2020-06-15-p{n}.md")),
            format!("---\ndate: {value}\n---\nbody\n"),
        )
        .expect("post");
        let text = if *quoted {
            &value[1..value.len() - 1]
        } else {
            value
        };
        let date = parse_value(text, *quoted).expect(value);
        let c = local(&date, Some(tz)).expect("a local date");
        expected.push(url(c, &format!("p{n}")));
    }
    for name in ["2024-02-30-f1.md", "24-1-5-f2.md", "2024-03-10-f3..md"] {
        std::fs::write(posts.join(name), "---\n---\nbody\n").expect("post");
        let f = filename_date(name).expect(name);
        let c = local(&f.date.expect(name), Some(tz)).expect("a local date");
        expected.push(url(c, &f.slug));
    }
    // Not posts: Jekyll skips them.
    std::fs::write(posts.join("2024-01-05-noext"), "---\n---\n").expect("file");
    std::fs::write(posts.join("notes.md"), "---\n---\n").expect("file");
    assert_eq!(filename_date("2024-01-05-noext"), None);
    assert_eq!(filename_date("notes.md"), None);

    let out = dir.path().join("out");
    let status = Command::new("jekyll")
        .arg("build")
        .arg("-s")
        .arg(&src)
        .arg("-d")
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("jekyll runs");
    assert!(status.success(), "jekyll build failed");
    let mut published = Vec::new();
    collect(&out, &out, &mut published);
    published.sort();
    expected.sort();
    assert_eq!(published, expected);

    // A date that fails the build, per parse_value, fails it.
    let e = parse_value("2024-13-01", false).expect_err("invalid");
    assert!(e.fails_build());
    std::fs::write(
        posts.join("2020-06-15-bad.md"),
        "---\ndate: 2024-13-01\n---\n",
    )
    .expect("post");
    let status = Command::new("jekyll")
        .arg("build")
        .arg("-s")
        .arg(&src)
        .arg("-d")
        .arg(dir.path().join("out2"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("jekyll runs");
    assert!(!status.success(), "Jekyll 4.3.1 fails on date: 2024-13-01");
}

fn url(c: Civil, title: &str) -> String {
    format!(
        "/{:04}/{:02}/{:02}/{:02}/{:02}/{:02}/{title}/",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// The folders holding an `index.html`, as URLs.
fn collect(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.file_name().is_some_and(|n| n == "index.html") {
            let rel = path
                .parent()
                .and_then(|p| p.strip_prefix(root).ok())
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            out.push(format!("/{rel}/"));
        }
    }
}
