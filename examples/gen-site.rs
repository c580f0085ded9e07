//! A deterministic Hugo site for benchmarks:
//! `cargo run --release --example gen-site -- N DIR`.
//!
//! N content pages of realistic size (2–5 KB, like the Hugo docs), spread
//! over sections of 1,000 pages each: YAML front matter mostly, some TOML and
//! JSON, with title, dates, description, tags, categories and aliases; a few
//! headings, paragraphs, lists, code and tables; links to other generated
//! pages (some with anchors to their headings), `ref` shortcodes, images in
//! `static/` and in page bundles. About one page in 40 carries one of the
//! defects the rules find (a broken front matter, a date Hugo cannot read,
//! a missing field, a skipped heading level, a short description, a taken
//! alias, a misspelled tag, a link or anchor that leads nowhere), so a run
//! reports a realistic number of findings.
//!
//! The same N always writes the same bytes. DIR must not exist or be empty.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Pages per section folder (`posts/part-007/`).
const PER_PART: usize = 1000;
const SECTIONS: [&str; 4] = ["posts", "docs", "notes", "guides"];
const TAGS: [&str; 40] = [
    "hugo",
    "go",
    "rust",
    "markdown",
    "writing",
    "css",
    "html",
    "javascript",
    "deployment",
    "performance",
    "templates",
    "shortcodes",
    "taxonomies",
    "images",
    "search",
    "seo",
    "accessibility",
    "i18n",
    "testing",
    "ci",
    "git",
    "docker",
    "netlify",
    "themes",
    "modules",
    "data",
    "json",
    "yaml",
    "toml",
    "security",
    "analytics",
    "fonts",
    "typography",
    "layout",
    "menus",
    "pagination",
    "rss",
    "sitemaps",
    "caching",
    "tooling",
];
const CATEGORIES: [&str; 6] = [
    "News",
    "Guides",
    "Reference",
    "Tutorials",
    "Opinion",
    "Releases",
];
const WORDS: [&str; 64] = [
    "the",
    "site",
    "build",
    "page",
    "content",
    "template",
    "render",
    "link",
    "static",
    "theme",
    "section",
    "bundle",
    "front",
    "matter",
    "date",
    "title",
    "a",
    "of",
    "to",
    "and",
    "in",
    "is",
    "with",
    "for",
    "each",
    "every",
    "when",
    "that",
    "this",
    "from",
    "server",
    "deploy",
    "config",
    "module",
    "partial",
    "list",
    "single",
    "taxonomy",
    "term",
    "image",
    "resource",
    "asset",
    "pipeline",
    "menu",
    "language",
    "output",
    "format",
    "alias",
    "redirect",
    "slug",
    "url",
    "permalink",
    "draft",
    "future",
    "expired",
    "publish",
    "summary",
    "reading",
    "time",
    "word",
    "count",
    "table",
    "contents",
    "heading",
];
const HEADINGS: [&str; 12] = [
    "Overview",
    "Getting started",
    "Configuration",
    "How it works",
    "Examples",
    "Front matter",
    "Templates",
    "Performance notes",
    "Troubleshooting",
    "Deployment",
    "Further reading",
    "Summary",
];
const STATIC_IMAGES: usize = 200;

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The defect a page carries, if any (deterministic in the page number).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Defect {
    None,
    BrokenFrontMatter,
    BadDate,
    MissingDate,
    SkippedHeading,
    ShortDescription,
    TakenAlias,
    MisspelledTag,
    BrokenLink,
    BrokenAnchor,
}

fn defect(i: usize) -> Defect {
    if i % 40 != 7 {
        return Defect::None;
    }
    match (i / 40) % 9 {
        0 => Defect::BrokenFrontMatter,
        1 => Defect::BadDate,
        2 => Defect::MissingDate,
        3 => Defect::SkippedHeading,
        4 => Defect::ShortDescription,
        5 => Defect::TakenAlias,
        6 => Defect::MisspelledTag,
        7 => Defect::BrokenLink,
        _ => Defect::BrokenAnchor,
    }
}

/// Page `i`: its section, part folder and slug.
struct Place {
    section: &'static str,
    part: usize,
    slug: String,
    /// A leaf bundle (`slug/index.md` with a cover image).
    bundle: bool,
}

fn place(i: usize) -> Place {
    let part = i / PER_PART;
    Place {
        section: SECTIONS[part % SECTIONS.len()],
        part,
        slug: format!("page-{i:06}"),
        bundle: i % 10 == 3,
    }
}

impl Place {
    fn dir(&self) -> String {
        format!("{}/part-{:03}", self.section, self.part)
    }

    fn url(&self) -> String {
        format!("/{}/{}/", self.dir(), self.slug)
    }

    fn content_path(&self) -> String {
        if self.bundle {
            format!("{}/{}/index.md", self.dir(), self.slug)
        } else {
            format!("{}/{}.md", self.dir(), self.slug)
        }
    }
}

/// The headings of page `i` (level, text): the same for whoever links to it.
fn headings(i: usize) -> Vec<(u8, &'static str)> {
    let mut rng = Rng(i as u64 ^ 0x4845_4144);
    let n = 3 + rng.below(4);
    let start = rng.below(HEADINGS.len());
    (0..n)
        .map(|k| {
            let level = if k > 0 && rng.below(3) == 0 { 3 } else { 2 };
            (level, HEADINGS[(start + k) % HEADINGS.len()])
        })
        .collect()
}

/// Hugo's default heading id for the plain ASCII texts above.
fn anchor(text: &str) -> String {
    text.to_lowercase().replace(' ', "-")
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let n = 8 + rng.below(14);
    for k in 0..n {
        let w = rng.pick(&WORDS);
        if k == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(w);
        }
    }
    out.push_str(". ");
}

fn paragraph(rng: &mut Rng, out: &mut String, links: &mut dyn FnMut(&mut Rng) -> String) {
    let n = 2 + rng.below(4);
    for k in 0..n {
        sentence(rng, out);
        if k == 1 {
            out.push_str(&links(rng));
            out.push(' ');
        }
    }
    out.push_str("\n\n");
}

fn date(rng: &mut Rng) -> (String, String) {
    let y = 2015 + rng.below(10);
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28);
    let h = rng.below(24);
    let date = format!("{y}-{m:02}-{d:02}T{h:02}:{:02}:00Z", rng.below(60));
    let lastmod = format!("{}-{m:02}-{d:02}", y + 1);
    (date, lastmod)
}

fn front_matter(i: usize, n: usize, rng: &mut Rng, d: Defect) -> String {
    let title = format!("Page {i}: {} {}", rng.pick(&WORDS), rng.pick(&WORDS));
    let (date, lastmod) = date(rng);
    let mut description = String::new();
    while description.len() < 70 {
        description.push_str(rng.pick(&WORDS));
        description.push(' ');
    }
    let mut description = description.trim_end().to_string();
    if d == Defect::ShortDescription {
        description = "Notes.".into();
    }
    let ntags = 1 + rng.below(4);
    let mut tags: Vec<String> = (0..ntags).map(|_| rng.pick(&TAGS).to_string()).collect();
    tags.sort();
    tags.dedup();
    if d == Defect::MisspelledTag {
        tags.push("perfromance".into());
    }
    let category = rng.pick(&CATEGORIES);
    let mut aliases = Vec::new();
    if i.is_multiple_of(5) {
        aliases.push(format!("/old/{}/", place(i).slug));
    }
    if d == Defect::TakenAlias {
        // The URL another page already has.
        aliases.push(place((i + 1) % n).url());
    }
    let date_line = match d {
        Defect::MissingDate => None,
        Defect::BadDate => Some("14/01/2024".to_string()),
        _ => Some(date),
    };
    let mut out = String::new();
    match i % 20 {
        // TOML
        0 => {
            out.push_str("+++\n");
            writeln!(out, "title = \"{title}\"").unwrap();
            match &date_line {
                Some(d) if d.contains('/') => writeln!(out, "date = \"{d}\"").unwrap(),
                Some(d) => writeln!(out, "date = {d}").unwrap(),
                None => {}
            }
            if date_line.is_some() {
                writeln!(out, "lastmod = {lastmod}").unwrap();
            }
            writeln!(out, "description = \"{description}\"").unwrap();
            writeln!(out, "tags = [{}]", quoted(&tags)).unwrap();
            writeln!(out, "categories = [\"{category}\"]").unwrap();
            if !aliases.is_empty() {
                writeln!(out, "aliases = [{}]", quoted(&aliases)).unwrap();
            }
            if d == Defect::BrokenFrontMatter {
                out.push_str("weight = [1, 2\n");
            }
            out.push_str("+++\n");
        }
        // JSON
        10 => {
            out.push_str("{\n");
            writeln!(out, "  \"title\": \"{title}\",").unwrap();
            if let Some(d) = &date_line {
                writeln!(out, "  \"date\": \"{d}\",").unwrap();
            }
            if date_line.is_some() {
                writeln!(out, "  \"lastmod\": \"{lastmod}\",").unwrap();
            }
            writeln!(out, "  \"description\": \"{description}\",").unwrap();
            if !aliases.is_empty() {
                writeln!(out, "  \"aliases\": [{}],", quoted(&aliases)).unwrap();
            }
            writeln!(out, "  \"categories\": [\"{category}\"],").unwrap();
            if d == Defect::BrokenFrontMatter {
                out.push_str("  \"weight\": ,\n");
            }
            writeln!(out, "  \"tags\": [{}]", quoted(&tags)).unwrap();
            out.push_str("}\n");
        }
        // YAML
        _ => {
            out.push_str("---\n");
            if d == Defect::BrokenFrontMatter {
                writeln!(out, "title: \"{title}").unwrap();
            } else {
                writeln!(out, "title: \"{title}\"").unwrap();
            }
            if let Some(d) = &date_line {
                writeln!(out, "date: {d}").unwrap();
            }
            if date_line.is_some() {
                writeln!(out, "lastmod: {lastmod}").unwrap();
            }
            writeln!(out, "description: >-\n  {description}").unwrap();
            out.push_str("tags:\n");
            for t in &tags {
                writeln!(out, "  - {t}").unwrap();
            }
            writeln!(out, "categories: [{category}]").unwrap();
            if !aliases.is_empty() {
                out.push_str("aliases:\n");
                for a in &aliases {
                    writeln!(out, "  - {a}").unwrap();
                }
            }
            if i.is_multiple_of(7) {
                writeln!(out, "weight: {}", i % 100).unwrap();
                out.push_str("params:\n  toc: true\n  author: Jane Doe\n");
            }
            out.push_str("---\n");
        }
    }
    out
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn page(i: usize, n: usize) -> String {
    let mut rng = Rng(i as u64);
    let d = defect(i);
    let mut out = front_matter(i, n, &mut rng, d);
    out.push('\n');
    let mut links = |rng: &mut Rng| -> String {
        let target = rng.below(n);
        let p = place(target);
        match rng.below(8) {
            0 => format!("See [{}]({}).", p.slug, p.url()),
            1 => {
                let hs = headings(target);
                let (_, h) = hs[rng.below(hs.len())];
                format!("Read [{h}]({}#{}).", p.url(), anchor(h))
            }
            2 => format!(
                "Also [{}]({{{{< ref \"/{}\" >}}}}).",
                p.slug,
                p.content_path()
            ),
            3 => format!(
                "![diagram](/images/img-{:03}.png)",
                rng.below(STATIC_IMAGES)
            ),
            4 => format!("Browse [the tag](/tags/{}/).", rng.pick(&TAGS)),
            5 => "More on [the site](https://gohugo.io/documentation/).".to_string(),
            _ => {
                let hs = headings(i);
                let (_, h) = hs[rng.below(hs.len())];
                format!("Jump to [{h}](#{}).", anchor(h))
            }
        }
    };
    let mut hs = headings(i);
    if d == Defect::SkippedHeading {
        hs[1].0 = 4;
    }
    paragraph(&mut rng, &mut out, &mut links);
    for (k, (level, text)) in hs.iter().enumerate() {
        for _ in 0..*level {
            out.push('#');
        }
        writeln!(out, " {text}\n").unwrap();
        paragraph(&mut rng, &mut out, &mut links);
        match (i + k) % 5 {
            0 => {
                for _ in 0..3 + rng.below(3) {
                    out.push_str("- ");
                    sentence(&mut rng, &mut out);
                    out.push('\n');
                }
                out.push('\n');
            }
            1 => {
                out.push_str("```toml\n[params]\n  author = \"Jane\"\n  toc = true\n```\n\n");
            }
            2 => {
                out.push_str("| key | value |\n| --- | --- |\n| `date` | the publication date |\n| `lastmod` | the last change |\n\n");
            }
            _ => paragraph(&mut rng, &mut out, &mut links),
        }
    }
    if place(i).bundle {
        out.push_str("![cover](cover.png)\n\n");
    }
    match d {
        Defect::BrokenLink => out.push_str("A [page never written](/posts/never-written/).\n"),
        Defect::BrokenAnchor => {
            let p = place((i + 1) % n);
            writeln!(out, "A [missing heading]({}#no-such-heading).", p.url()).unwrap();
        }
        _ => {}
    }
    out
}

fn write(path: &Path, text: &[u8]) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// A tiny valid PNG (1×1, grey).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b,
    0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x00, 0x00, 0x00,
    0x82, 0x00, 0x81, 0xdd, 0x43, 0x6a, 0xf4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen-site N DIR");
        std::process::exit(2);
    };
    let root = PathBuf::from(dir);
    if root.exists()
        && fs::read_dir(&root)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        eprintln!("gen-site: {} exists and is not empty", root.display());
        std::process::exit(2);
    }
    write(
        &root.join("hugo.toml"),
        b"baseURL = \"https://example.org/\"\n\
          title = \"A generated site\"\n\
          languageCode = \"en-us\"\n\n\
          [taxonomies]\n  tag = \"tags\"\n  category = \"categories\"\n",
    );
    let content = root.join("content");
    write(
        &content.join("_index.md"),
        b"---\ntitle: Home\ndescription: A generated site for benchmarking bloglint on many pages.\n---\n\nWelcome.\n",
    );
    let parts = n.div_ceil(PER_PART);
    for part in 0..parts {
        let p = place(part * PER_PART);
        write(
            &content.join(p.section).join("_index.md"),
            format!(
                "---\ntitle: {}\ndescription: Every page of the {} section, newest first, with tags and categories.\n---\n",
                p.section, p.section
            )
            .as_bytes(),
        );
        write(
            &content.join(p.dir()).join("_index.md"),
            format!(
                "---\ntitle: Part {part}\ndescription: One thousand generated pages, part {part} of the {} section.\n---\n",
                p.section
            )
            .as_bytes(),
        );
    }
    for k in 0..STATIC_IMAGES {
        write(&root.join(format!("static/images/img-{k:03}.png")), PNG);
    }
    let mut bytes = 0usize;
    for i in 0..n {
        let p = place(i);
        let text = page(i, n);
        bytes += text.len();
        write(&content.join(p.content_path()), text.as_bytes());
        if p.bundle {
            write(&content.join(p.dir()).join(&p.slug).join("cover.png"), PNG);
        }
    }
    eprintln!(
        "gen-site: {n} pages, {} MB of Markdown, in {}",
        bytes / 1_000_000,
        root.display()
    );
}
