//! `bloglint::jekyll::url` against real Jekyll 4.3.1 (Debian 12's `jekyll`
//! package, Ruby 3.1, Addressable 2.8.1, jekyll-redirect-from 0.16.0), asked
//! at test time:
//!
//! - [`functions_agree_with_ruby`] runs one Ruby script over a table of
//!   inputs (`Utils.slugify` in every mode, `URL.escape_path`,
//!   `URL.unescape_path`, `URL#to_s` with a page's placeholders and with a
//!   document's `UrlDrop`, `File.extname`, real `Page`s and `Document`s read
//!   from odd file names: URL, output extension, destination, slug, `:path`)
//!   and compares each answer with the Rust function's. Where the port
//!   declines (`UrlError::Unsupported`) the case is counted, not compared.
//! - [`built_sites_agree`] builds small sites (posts, pages, a collection,
//!   `redirect_from`) under each permalink style with `jekyll build` and
//!   compares the files written with the ones the functions predict.
//!
//! Without `ruby` or `jekyll` on PATH the tests print "skipped: jekyll not
//! installed" and pass.

mod common;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

use bloglint::jekyll::url::{
    self, Civil, DocKind, DocumentPlaceholders, PagePlaceholders, SlugMode, UrlError, Writer,
};
use serde_json::{Value, json};

fn jekyll_installed() -> bool {
    let ok = |cmd: &str, args: &[&str]| {
        Command::new(cmd)
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if ok("ruby", &["-rjekyll", "-e", "exit 0"]) && ok("jekyll", &["--version"]) {
        true
    } else {
        println!("skipped: jekyll not installed");
        false
    }
}

/// Strings meant to break things: Unicode, punctuation, empty, whitespace,
/// very long, URI syntax.
fn nasty_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "   ",
        "\t",
        "\n",
        "-",
        "--",
        "---",
        "a",
        "A",
        "Hello World",
        "  Hello   World  ",
        "--Hello--World--",
        "hello_world",
        "Hello, World!",
        "What's up?",
        "C++ & Rust: a tale",
        "100% pure",
        "a/b/c",
        "/leading/slash",
        "trailing/slash/",
        "dots...in...name",
        "file.name.txt",
        "..",
        "../../etc/passwd",
        "./here",
        "Ünïcødé Çàfé",
        "Crème Brûlée",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß",
        "àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
        "ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİı",
        "ĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠš",
        "ŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƀ",
        "日本語のタイトル",
        "中文 标题",
        "한국어 제목",
        "Привет, мир",
        "ΣΑΣ ΟΔΟΣ",
        "İstanbul",
        "straße",
        "ﬁ ligature",
        "e\u{301}te\u{301}",
        "emoji 🎉 party 🚀",
        "zero\u{200b}width",
        "nbsp\u{a0}here",
        "ideographic\u{3000}space",
        "tab\there",
        "new\nline",
        "cr\rhere",
        "mixed \t\n\r\x0b\x0c ws",
        "quotes \"double\" 'single'",
        "<script>alert(1)</script>",
        "back\\slash",
        "a#b",
        "a#b#c",
        "a?b",
        "a?b c#d e",
        "a b?c d",
        "%41%zz%",
        "~tilde",
        "@at",
        "a@b",
        "!$&'()*+,;=",
        "[brackets]",
        "{braces}",
        "pipe|caret^grave`",
        "a:b",
        "A:b",
        "a+b.c-d:e f",
        "1a:b",
        "-a:b",
        "rust: tips",
        "Rust: Tips and tricks",
        "mailto:x y",
        "http:",
        "https:x",
        "x:",
        "//host/path",
        "//a b/c",
        "//h%/x",
        "title: with colon",
        "über:cool",
        "٣ arabic digits ٤",
        "１２３ fullwidth",
        "Ⅻ roman",
        "½ fraction",
        "x².y³",
        "under_score_",
        "_leading",
        "CamelCaseTitle",
        "ALL CAPS TITLE",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("long ".repeat(200));
    v.push("é".repeat(300));
    v.push(format!("{}!", "a-".repeat(150)));
    v
}

/// Pages' relative paths, as odd as file systems allow.
fn page_names() -> Vec<&'static str> {
    vec![
        "about.md",
        "index.md",
        "index.html",
        "docs/index.md",
        "docs/guide.markdown",
        "feed.xml",
        "a.htm",
        "b.xhtml",
        "data.json",
        "noext",
        "page.with.dots.md",
        "trailing..md",
        "Caps Page.MD",
        "space dir/Page Name.md",
        "ünï/çødé.md",
        "c:d/page.md",
        "1a:b.md",
        "q?/h#sh.md",
        "pct%20/100%.md",
        "style.scss",
        "deep/er/est/x.mkd",
    ]
}

fn empty_doc(output_ext: &str) -> DocumentPlaceholders<'_> {
    DocumentPlaceholders {
        collection: "posts",
        path: "/2020-01-02-doc",
        basename_without_ext: "2020-01-02-doc",
        slug: Some("doc"),
        categories: &[],
        date: civil(2020, 1, 2, 0, 0, 0),
        output_ext,
    }
}

/// Documents' relative paths, as odd as file systems allow.
fn document_names() -> Vec<&'static str> {
    vec![
        "_posts/2020-01-02-hello.md",
        "_posts/2020-1-2-short.md",
        "_posts/2020-01-02-.md",
        "_posts/2020-01-02-a.b..md",
        "_posts/2020-01-02-Ünïcødé Title!.markdown",
        "_posts/2020-01-02-no-ext",
        "_posts/2020-01-02-x.tar.gz",
        "_posts/2020-01-02-trailing.",
        "_posts/2020-01-02-dots....md",
        "_posts/2020-01-02-with space.md",
        "_posts/2020-01-02-2020-01-03-double.md",
        "_posts/sub/2021-03-04-in-sub.md",
        "_posts/my_posts/2020-01-02-a.md",
        "_posts/v1.2/2020-01-02-b.md",
        "_posts/v1.2/plain",
        "_posts/nodate.md",
        "cat/_posts/2020-01-02-c.md",
        "cat_posts/_posts/2020-01-02-d.md",
        "_recipes/a.md",
        "_recipes/sub/x.y.md",
        "_recipes/2020-01-02-dated.md",
        "_recipes/noext",
        "_recipes/trailing..",
        "_recipes/x.y..",
        "_posts/2020-01-02-x.y..",
        "_recipes/Ünï/çødé.md",
        "_recipes/a_recipes/b.md",
        "_recipes/v1.2/readme",
        "_recipes/v1.2/.hidden",
        "_recipes/.dotfile.md",
        "_recipes/a b/c d.e f",
    ]
}

/// One Ruby script over all cases: each case is `[kind, args…]`, each answer
/// `{"ok": value}` or `{"err": "Class: message"}`.
const RUBY: &str = r##"
require "jekyll"
require "json"
Jekyll.logger.log_level = :error
Doc = Struct.new(:collection, :basename_without_ext, :data, :date, :output_ext, :cleaned_relative_path)
Coll = Struct.new(:label)
cases = JSON.parse(STDIN.read)
out = cases.map do |c|
  begin
    v = case c[0]
    when "slugify" then Jekyll::Utils.slugify(c[1], mode: c[2], cased: c[3])
    when "escape" then Jekyll::URL.escape_path(c[1])
    when "sanitize" then Jekyll::URL.new(template: "/", permalink: c[1], placeholders: {}).to_s
    when "page"
      Jekyll::URL.new(template: c[1], permalink: c[2],
        placeholders: { path: c[3], basename: c[4], output_ext: c[5] }).to_s
    when "doc"
      d = c[3]
      date = Time.utc(*d["date"])
      data = {}
      data["slug"] = d["slug"] if d.key?("slug")
      data["categories"] = d["categories"]
      obj = Doc.new(Coll.new(d["collection"]), d["basename_without_ext"], data, date,
                    d["output_ext"], d["path"])
      Jekyll::URL.new(template: c[1], permalink: c[2],
        placeholders: Jekyll::Drops::UrlDrop.new(obj)).to_s
    when "extname" then File.extname(c[1])
    when "page_file"
      src, dir, name, style, permalink = c[1], c[2], c[3], c[4], c[5]
      $sites ||= {}
      site = ($sites[[src, style]] ||= Jekyll::Site.new(Jekyll.configuration(
        "source" => src, "destination" => File.join(src, "_unused"), "quiet" => true,
        "permalink" => style)))
      pg = Jekyll::Page.new(site, site.source, dir, name)
      pg.data["permalink"] = permalink if permalink
      [pg.url, pg.output_ext, pg.destination(site.dest).delete_prefix(site.dest + "/")]
    when "doc_file"
      src, rel, permalink = c[1], c[2], c[3]
      $sites ||= {}
      site = ($sites[[src, "date"]] ||= Jekyll::Site.new(Jekyll.configuration(
        "source" => src, "destination" => File.join(src, "_unused"), "quiet" => true,
        "permalink" => "date")))
      d = Jekyll::Document.new(File.join(src, rel), site: site, collection: site.posts)
      d.read
      d.data["permalink"] = permalink
      [d.url, d.output_ext, d.destination(site.dest).delete_prefix(site.dest + "/")]
    when "docname"
      src, rel, label = c[1], c[2], c[3]
      $sites ||= {}
      site = ($sites[src] ||= Jekyll::Site.new(Jekyll.configuration(
        "source" => src, "destination" => File.join(src, "_unused"), "quiet" => true,
        "collections" => { "recipes" => { "output" => true } })))
      d = Jekyll::Document.new(File.join(src, rel), site: site, collection: site.collections[label])
      d.read
      [d.data["slug"], d.cleaned_relative_path, d.basename_without_ext]
    when "unescape" then Jekyll::URL.unescape_path(c[1]).scrub("\uFFFD")
    end
    { "ok" => v }
  rescue StandardError => e
    { "err" => "#{e.class}: #{e.message}" }
  end
end
puts JSON.generate(out)
"##;

fn run_ruby(cases: &[Value]) -> Vec<Value> {
    let input = serde_json::to_string(cases).expect("cases serialise");
    let out = common::ruby(&["-e", RUBY], &[], &input);
    let answers: Vec<Value> = serde_json::from_str(&out).expect("ruby answers JSON");
    assert_eq!(answers.len(), cases.len());
    answers
}

/// Rust's answer in Ruby's terms, or `None` where the port declines.
fn as_ruby(r: Result<String, UrlError>) -> Option<Value> {
    match r {
        Ok(s) => Some(json!({ "ok": s })),
        Err(UrlError::Unsupported(_)) => None,
        Err(UrlError::InvalidScheme(s)) => Some(json!({
            "err": format!("Addressable::URI::InvalidURIError: Invalid scheme format: '{s}'")
        })),
        Err(UrlError::InvalidHost(h)) => Some(json!({
            "err": format!("Addressable::URI::InvalidURIError: Invalid character in host: '{h}'")
        })),
        Err(UrlError::MissingHierarchicalSegment(s)) => Some(json!({
            "err": format!("Addressable::URI::InvalidURIError: Absolute URI missing hierarchical segment: '{s}'")
        })),
        Err(UrlError::UnknownPlaceholder(name)) => Some(json!({ "err_placeholder": name })),
    }
}

/// Ruby's error for an unknown placeholder, reduced to its name.
fn normalise_ruby(v: &Value) -> Value {
    if let Some(err) = v.get("err").and_then(Value::as_str)
        && let Some(rest) = err.strip_prefix("NoMethodError: The URL template doesn't have ")
    {
        let name = rest.split(' ').next().unwrap_or("");
        return json!({ "err_placeholder": name });
    }
    v.clone()
}

fn modes() -> [(&'static str, SlugMode); 6] {
    [
        ("raw", SlugMode::Raw),
        ("default", SlugMode::Default),
        ("pretty", SlugMode::Pretty),
        ("ascii", SlugMode::Ascii),
        ("latin", SlugMode::Latin),
        ("none", SlugMode::None),
    ]
}

struct DocCase {
    collection: &'static str,
    basename_without_ext: String,
    slug: Option<String>,
    categories: Vec<String>,
    date: Civil,
    output_ext: &'static str,
    path: String,
}

impl DocCase {
    fn json(&self) -> Value {
        let d = &self.date;
        let mut v = json!({
            "collection": self.collection,
            "basename_without_ext": self.basename_without_ext,
            "categories": self.categories,
            "date": [d.year, d.month, d.day, d.hour, d.minute, d.second],
            "output_ext": self.output_ext,
            "path": self.path,
        });
        if let Some(slug) = &self.slug {
            v["slug"] = json!(slug);
        }
        v
    }

    fn placeholders(&self) -> DocumentPlaceholders<'_> {
        DocumentPlaceholders {
            collection: self.collection,
            path: &self.path,
            basename_without_ext: &self.basename_without_ext,
            slug: self.slug.as_deref(),
            categories: &self.categories,
            date: self.date,
            output_ext: self.output_ext,
        }
    }
}

fn civil(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Civil {
    Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
    }
}

#[test]
fn functions_agree_with_ruby() {
    if !jekyll_installed() {
        return;
    }
    let strings = nasty_strings();
    let mut cases: Vec<Value> = Vec::new();
    let mut ours: Vec<Option<Value>> = Vec::new();

    for s in &strings {
        for (name, mode) in modes() {
            for cased in [false, true] {
                cases.push(json!(["slugify", s, name, cased]));
                ours.push(Some(json!({ "ok": url::slugify(s, mode, cased) })));
            }
        }
        // An unknown mode behaves as `none`.
        cases.push(json!(["slugify", s, "bogus", false]));
        ours.push(Some(
            json!({ "ok": url::slugify(s, SlugMode::from_name(Some("bogus")), false) }),
        ));
        cases.push(json!(["escape", s]));
        ours.push(as_ruby(url::escape_path(s)));
        cases.push(json!(["sanitize", s]));
        ours.push(Some(json!({ "ok": url::sanitize_url(s) })));
        cases.push(json!(["extname", s]));
        ours.push(Some(json!({ "ok": url::extname(s) })));
        let escaped = url::escape_path(s).unwrap_or_default();
        cases.push(json!(["unescape", escaped]));
        ours.push(Some(json!({ "ok": url::unescape_path(&escaped) })));
    }
    for s in [
        "/a%20b", "%2e%2E", "%C3%A9", "%ff", "%", "%4", "%zz1", "%41%42", "/%2F/",
    ] {
        cases.push(json!(["unescape", s]));
        ours.push(Some(json!({ "ok": url::unescape_path(s) })));
    }
    for s in [
        "a.", "a..", ".a", "..a", "a.b.c", "/x/.y", "/x.y/z", "a. b", ".", "...", "/a.b/",
    ] {
        cases.push(json!(["extname", s]));
        ours.push(Some(json!({ "ok": url::extname(s) })));
    }

    // Pages: every template Jekyll gives a page, and front matter permalinks.
    let page_templates = [
        "/:path/:basename:output_ext",
        "/:path/",
        "/:path/:basename/",
        "/:path/:basename",
        "/:pathology/:basenames:output_extra",
        "/:title/:year/",
        "/fixed",
        "/fixed/",
        "",
        "no-leading",
        "//double//slash//",
        "/../up/../",
        "/a/./b",
        "/:basename:basename",
    ];
    let page_values = [
        ("", "about", ".html"),
        ("/docs", "index", ".html"),
        ("/docs/guide", "intro", ".html"),
        ("/a b", "c d", ".html"),
        ("/ünï", "çødé", ".xml"),
        ("/x", "feed", ".xml"),
        ("/q?", "h#sh", ".html"),
        ("/:basename", "p", ".html"),
        ("", "", ""),
        ("/pct%20", "100%", ".html"),
        ("/x", "1a:b", ".html"),
        ("/x", "rust: tips", ".html"),
        ("/x", "//h h", ".html"),
        ("/x", "new\nline y", ".html"),
    ];
    for t in page_templates {
        for (path, basename, ext) in page_values {
            let p = PagePlaceholders {
                path,
                basename,
                output_ext: ext,
            };
            for permalink in [None, Some(t)] {
                let template = permalink.map_or(t, |_| "/ignored/:basename");
                cases.push(json!(["page", template, permalink, path, basename, ext]));
                let r = url::expand_page(permalink.unwrap_or(template), &p)
                    .map(|u| url::sanitize_url(&u));
                ours.push(as_ruby(r));
            }
        }
    }

    // Documents: every built-in style, placeholders one by one, and dates
    // around ISO week and year edges.
    let mut templates: Vec<String> = url::BUILTIN_STYLES
        .iter()
        .map(|(_, p)| p.to_string())
        .collect();
    templates.extend(
        url::DOCUMENT_PLACEHOLDERS
            .iter()
            .map(|n| format!("/x/:{n}/")),
    );
    templates.extend(
        [
            "/:collection/:path:output_ext",
            "/:collection/:path/",
            "/:month_:day/:title",
            "/:year-:month-:day-:title.html",
            "/:title__/",
            "/:nope/",
            "/:Title/",
            "/:title2/",
            "/:_/",
            "/:hash/",
            "/:categories/:slugified_categories/",
            ":categories",
            "/blog/:year/:i_month/:i_day/:slug",
            "",
        ]
        .map(String::from),
    );
    let dates = [
        civil(2024, 3, 9, 14, 5, 7),
        civil(2020, 1, 1, 0, 0, 0),
        civil(2021, 1, 3, 23, 59, 59),
        civil(2020, 12, 31, 12, 0, 0),
        civil(2026, 12, 28, 1, 2, 3),
        civil(2015, 12, 31, 0, 0, 0),
        civil(2016, 2, 29, 0, 0, 0),
        civil(1999, 7, 4, 0, 0, 0),
        civil(2000, 2, 29, 0, 0, 0),
        civil(999, 5, 5, 5, 5, 5),
    ];
    let mut docs = Vec::new();
    for (i, date) in dates.iter().enumerate() {
        docs.push(DocCase {
            collection: "posts",
            basename_without_ext: format!(
                "{}-{:02}-{:02}-hello-world",
                date.year, date.month, date.day
            ),
            slug: Some("Hello World".to_string()),
            categories: vec!["News".to_string(), format!("c{i}")],
            date: *date,
            output_ext: ".html",
            path: format!("/{}-hello-world", date.year),
        });
    }
    let nasty_slugs = [
        Some("Ünïcødé Çàfé!"),
        Some(""),
        None,
        Some("a/b"),
        Some("What's up? (2024)"),
        Some("日本語"),
        Some("-dash-"),
        Some("dots.are.kept"),
        Some("rust: tips"),
    ];
    let category_sets: [&[&str]; 8] = [
        &[],
        &["Rust", "rust", "RUST"],
        &["a b", "C d"],
        &["Ünï", "çødé"],
        &["rust: tips"],
        &["x/y", "z"],
        &["What's up?", "100%"],
        &["", "a"],
    ];
    for (i, slug) in nasty_slugs.iter().enumerate() {
        for cats in category_sets {
            docs.push(DocCase {
                collection: if i % 2 == 0 { "posts" } else { "my recipes" },
                basename_without_ext: format!("2024-03-09-Some File {i}"),
                slug: slug.map(String::from),
                categories: cats.iter().map(|s| s.to_string()).collect(),
                date: dates[i % dates.len()],
                output_ext: if i % 3 == 0 { ".html" } else { ".json" },
                path: format!("/sub dir/Some File {i}"),
            });
        }
    }
    for d in &docs {
        for t in &templates {
            cases.push(json!(["doc", t, null, d.json()]));
            ours.push(as_ruby(url::document_url(t, None, &d.placeholders())));
        }
        cases.push(json!([
            "doc",
            "/ignored/",
            "/fm/:title:output_ext",
            d.json()
        ]));
        ours.push(as_ruby(url::document_url(
            "/ignored/",
            Some("/fm/:title:output_ext"),
            &d.placeholders(),
        )));
    }

    // Documents' file names: the slug, `:path` and base name Jekyll derives
    // (a real `Document#read` of a file written for it).
    let names_dir = tempfile::tempdir().expect("temp dir");
    let src = names_dir.path().to_string_lossy().to_string();
    for rel in document_names() {
        let path = names_dir.path().join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(&path, "---\n---\nx\n").expect("write document");
        let (label, dir) = if rel.contains("_posts/") {
            ("posts", "_posts")
        } else {
            ("recipes", "_recipes")
        };
        cases.push(json!(["docname", src, rel, label]));
        ours.push(Some(json!({ "ok": [
            url::document_slug(rel).1,
            url::cleaned_relative_path(rel, dir),
            url::document_basename_without_ext(rel),
        ] })));
    }

    // Pages read from files, under each style and with odd permalinks: the
    // URL, output extension and file `Page#destination` gives.
    let pages_dir = tempfile::tempdir().expect("temp dir");
    let src = pages_dir.path().to_string_lossy().to_string();
    let page_permalinks = [
        None,
        Some("/fixed"),
        Some("/fixed/"),
        Some("/feed.json"),
        Some("/:basename/"),
        Some("/:path/:basename.txt"),
        Some(""),
        Some("/a b/ç#?/"),
        Some("/%2e%2e/up/"),
        Some("/x.html/"),
    ];
    for rel in page_names() {
        let path = pages_dir.path().join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        fs::write(&path, "---\n---\nx\n").expect("write page");
        let (dir, name) = match rel.rsplit_once('/') {
            Some((dir, name)) => (format!("/{dir}"), name),
            None => (String::new(), rel),
        };
        for style in ["date", "pretty", "weekdate", "/:title/"] {
            for permalink in page_permalinks {
                cases.push(json!(["page_file", src, dir, name, style, permalink]));
                let ext = url::page_name_parts(name).1;
                let out_ext = url::output_ext(ext, permalink, url::DEFAULT_MARKDOWN_EXT);
                ours.push(
                    match url::page_url(rel, style, permalink, url::DEFAULT_MARKDOWN_EXT) {
                        Ok(u) => {
                            let dest = url::destination(&u, &out_ext, Writer::Page);
                            Some(json!({ "ok": [u, out_ext, dest] }))
                        }
                        Err(e) => as_ruby(Err(e)),
                    },
                );
            }
        }
    }
    // Documents' destinations for odd URLs.
    for permalink in page_permalinks.iter().flatten() {
        let rel = "_posts/2020-01-02-doc.md";
        let path = pages_dir.path().join(rel);
        fs::create_dir_all(pages_dir.path().join("_posts")).expect("mkdir");
        fs::write(&path, "---\n---\nx\n").expect("write post");
        cases.push(json!(["doc_file", src, rel, permalink]));
        let out_ext = url::output_ext(".md", Some(permalink), url::DEFAULT_MARKDOWN_EXT);
        ours.push(
            match url::document_url("/unused", Some(permalink), &empty_doc(&out_ext)) {
                Ok(u) => {
                    let dest = url::destination(&u, &out_ext, Writer::Document);
                    Some(json!({ "ok": [u, out_ext, dest] }))
                }
                Err(e) => as_ruby(Err(e)),
            },
        );
    }

    let answers = run_ruby(&cases);
    let mut failures = Vec::new();
    let mut declined = 0;
    for ((case, ours), theirs) in cases.iter().zip(&ours).zip(&answers) {
        let Some(ours) = ours else {
            declined += 1;
            continue;
        };
        let theirs = normalise_ruby(theirs);
        if *ours != theirs {
            failures.push(format!("{case}\n  jekyll: {theirs}\n  ours:   {ours}"));
        }
    }
    println!(
        "{} cases, {} declined as unsupported, {} differ",
        cases.len(),
        declined,
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Jekyll 4.3.1:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(declined * 20 < cases.len(), "too many declined: {declined}");
}

/// One source file of the built site, with what the site model would tell
/// the URL functions about it.
struct SourceFile {
    path: &'static str,
    front_matter: &'static str,
    /// Categories after Jekyll's merge (front matter and folders).
    categories: &'static [&'static str],
    slug: Option<&'static str>,
    permalink: Option<&'static str>,
    redirect_from: &'static [&'static str],
}

const fn file(path: &'static str, front_matter: &'static str) -> SourceFile {
    SourceFile {
        path,
        front_matter,
        categories: &[],
        slug: None,
        permalink: None,
        redirect_from: &[],
    }
}

fn site_files() -> Vec<SourceFile> {
    vec![
        SourceFile {
            categories: &["Rust", "Web Dev"],
            ..file(
                "_posts/2024-03-09-hello-world.md",
                "categories: [Rust, \"Web Dev\"]",
            )
        },
        file("_posts/2020-01-01-Ünïcødé Title.md", ""),
        SourceFile {
            categories: &["news"],
            slug: Some("Custom Slug!"),
            ..file(
                "_posts/2021-01-03-with-slug.md",
                "slug: Custom Slug!\ncategory: news",
            )
        },
        file("_posts/2015-12-31-dots.in.name.md", ""),
        SourceFile {
            categories: &["news"],
            ..file("news/_posts/2022-06-15-in-folder.md", "")
        },
        SourceFile {
            permalink: Some("/own/:title/"),
            ..file(
                "_posts/2019-07-04-own-permalink.md",
                "permalink: /own/:title/",
            )
        },
        SourceFile {
            permalink: Some("/feed.json"),
            ..file("_posts/2018-05-05-feed.md", "permalink: /feed.json")
        },
        SourceFile {
            redirect_from: &["/old-post", "old-post-2/"],
            ..file(
                "_posts/2024-02-29-redirected.md",
                "redirect_from: [/old-post, old-post-2/]",
            )
        },
        file("_posts/2020-1-2-short-date.md", ""),
        file("_posts/2020-01-03-trailing.dots...md", ""),
        file("_posts/2020-01-04-Mixed Case & Punctuation!.md", ""),
        file("_posts/2020-01-05-x.y.z.markdown", ""),
        file("index.html", ""),
        file("page.with.dots.md", ""),
        file("noext", ""),
        file("data.json", ""),
        file("deep/er/Caps Page.MD", ""),
        file("c:d/page.md", ""),
        file("_recipes/x:y.md", ""),
        file("about.md", ""),
        file("docs/index.md", ""),
        file("docs/guide.markdown", ""),
        file("feed.xml", ""),
        file("a.htm", ""),
        file("space dir/Page Name.md", ""),
        file("style.scss", ""),
        SourceFile {
            permalink: Some("/perma"),
            ..file("perma.md", "permalink: /perma")
        },
        SourceFile {
            permalink: Some("/perma2/"),
            ..file("perma2.md", "permalink: /perma2/")
        },
        SourceFile {
            permalink: Some("/b/:basename:output_ext"),
            ..file("based.md", "permalink: /b/:basename:output_ext")
        },
        SourceFile {
            redirect_from: &["/old", "old2", "/old3/", "/old4.html", "/feed-old.xml"],
            ..file(
                "redirects.md",
                "redirect_from: [/old, old2, /old3/, /old4.html, /feed-old.xml]",
            )
        },
        file("to.md", "redirect_to: https://example.com/"),
        file("_recipes/Pasta Carbonara.md", ""),
        file("_recipes/sub/2020-01-01-dated.md", ""),
        SourceFile {
            slug: Some("My Note"),
            ..file("_notes/A Note.md", "slug: My Note")
        },
        file("_notes/plain.md", ""),
        file("_recipes/x.y.md", ""),
        file("_recipes/Ünï/çødé.md", ""),
        SourceFile {
            permalink: Some("/r/:name/:slug/:title:output_ext"),
            ..file(
                "_recipes/2021-02-03-Named Thing.md",
                "permalink: /r/:name/:slug/:title:output_ext",
            )
        },
    ]
}

/// The files the URL functions say Jekyll writes for [`site_files`] under a
/// site `permalink` setting.
fn predicted_files(style: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for f in site_files() {
        let ext = url::extname(f.path);
        let out_ext = url::output_ext(ext, f.permalink, url::DEFAULT_MARKDOWN_EXT);
        let is_document = f.path.starts_with('_') || f.path.contains("/_posts/");
        let (page_url, writer) = if is_document {
            let (label, dir, template) = if f.path.contains("_posts/") {
                ("posts", "_posts", url::style(style, DocKind::Post))
            } else if folder_of(f.path) == "_notes" {
                (
                    "notes",
                    "_notes",
                    url::collection_template("notes", Some("/n/:title/"), style),
                )
            } else {
                (
                    "recipes",
                    "_recipes",
                    url::collection_template("recipes", None, style),
                )
            };
            let (date_text, derived_slug) = url::document_slug(f.path);
            let date = date_text.map_or(civil(2024, 1, 1, 0, 0, 0), |d| {
                let mut parts = d.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
                let (y, m, day) = (
                    parts.next().unwrap_or(0),
                    parts.next().unwrap_or(0),
                    parts.next().unwrap_or(0),
                );
                civil(y as i32, m as u8, day as u8, 0, 0, 0)
            });
            let categories: Vec<String> = f.categories.iter().map(|s| s.to_string()).collect();
            let path = url::cleaned_relative_path(f.path, dir);
            let p = DocumentPlaceholders {
                collection: label,
                path: &path,
                basename_without_ext: url::document_basename_without_ext(f.path),
                slug: Some(f.slug.unwrap_or(&derived_slug)),
                categories: &categories,
                date,
                output_ext: &out_ext,
            };
            (
                url::document_url(&template, f.permalink, &p).expect("document URL"),
                Writer::Document,
            )
        } else {
            (
                url::page_url(f.path, style, f.permalink, url::DEFAULT_MARKDOWN_EXT)
                    .expect("page URL"),
                Writer::Page,
            )
        };
        out.insert(url::destination(&page_url, &out_ext, writer));
        for entry in f.redirect_from {
            out.insert(url::redirect_from_destination(entry).expect("redirect"));
        }
    }
    out.insert("redirects.json".to_string());
    out
}

fn folder_of(path: &str) -> &str {
    path.split('/').next().unwrap_or("")
}

fn write_site(src: &Path, style: &str) {
    let config = format!(
        "timezone: UTC\npermalink: \"{style}\"\nplugins: [jekyll-redirect-from]\nsass: {{sourcemap: never}}\n\
         collections:\n  recipes:\n    output: true\n  notes:\n    output: true\n    permalink: /n/:title/\n"
    );
    fs::write(src.join("_config.yml"), config).expect("write config");
    for f in site_files() {
        let path = src.join(f.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("mkdir");
        }
        let body = if f.path.ends_with(".scss") {
            "body { color: red; }\n"
        } else {
            "Hello.\n"
        };
        fs::write(&path, format!("---\n{}\n---\n{body}", f.front_matter)).expect("write file");
    }
}

fn written_files(root: &Path) -> BTreeSet<String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
        for entry in fs::read_dir(dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if let Ok(rel) = path.strip_prefix(root) {
                out.insert(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(root, root, &mut out);
    out
}

#[test]
fn built_sites_agree() {
    if !jekyll_installed() {
        return;
    }
    let styles = [
        "date",
        "pretty",
        "ordinal",
        "weekdate",
        "none",
        "/:categories/:title/",
        "/blog/:year/:short_month/:title:output_ext",
        "/:slugified_categories/:w_year-W:week/:slug",
    ];
    let mut failures = Vec::new();
    for style in styles {
        let dir = tempfile::tempdir().expect("temp dir");
        let src = dir.path().join("src");
        let dest = dir.path().join("out");
        fs::create_dir_all(&src).expect("mkdir src");
        write_site(&src, style);
        let out = Command::new("jekyll")
            .arg("build")
            .arg("-s")
            .arg(&src)
            .arg("-d")
            .arg(&dest)
            .output()
            .expect("jekyll runs");
        assert!(
            out.status.success(),
            "jekyll build ({style}) failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let actual = written_files(&dest);
        let predicted = predicted_files(style);
        if std::env::var_os("JEKYLL_URL_SHOW").is_some() {
            println!("permalink {style}: {actual:#?}");
        }
        if actual != predicted {
            let missing: Vec<_> = actual.difference(&predicted).collect();
            let extra: Vec<_> = predicted.difference(&actual).collect();
            failures.push(format!(
                "permalink {style}:\n  written by Jekyll, not predicted: {missing:?}\n  predicted, not written: {extra:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
