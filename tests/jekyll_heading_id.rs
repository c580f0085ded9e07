//! `bloglint::jekyll::heading_id` against real kramdown: a table of
//! headings is made into one document, kramdown (as Jekyll 4.3.1 runs it:
//! kramdown 2.4.0, kramdown-parser-gfm 1.1.0) converts it to HTML, and the id
//! of each `<hN>` is compared, line by line, with `page_ids` on the outline
//! bloglint parses. Both inputs (GFM, Jekyll's default, and kramdown), and a
//! few options. Without `ruby` and kramdown the test says so and passes.

mod common;
use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use bloglint::document::markdown::Outline;
use bloglint::jekyll::heading_id::{IdOptions, Input, page_ids};

/// Prints `line<TAB>id` for every header kramdown parses, in order (`id`
/// empty when the `<hN>` has none). Options as JSON in ARGV[0].
const SCRIPT: &str = r##"
require 'json'
require 'cgi'
require 'kramdown'
require 'kramdown-parser-gfm'
opts = JSON.parse(ARGV[0]).transform_keys(&:to_sym)
opts[:input] ||= 'GFM'
src = STDIN.read
doc = Kramdown::Document.new(src, opts)
headers = []
walk = lambda do |el|
  el.children.each do |c|
    headers << c if c.type == :header
    walk.call(c)
  end
end
walk.call(doc.root)
html = doc.to_html
ids = html.scan(/<h[1-6]([^>]*)>/).map { |(attrs)| (m = attrs.match(/ id="([^"]*)"/)) ? CGI.unescapeHTML(m[1]) : '' }
abort "#{headers.size} headers, #{ids.size} tags" if headers.size != ids.size
headers.zip(ids).each { |h, id| puts "#{h.options[:location]}\t#{id}" }
"##;

fn kramdown_available() -> bool {
    Command::new("ruby")
        .args(["-rkramdown", "-rkramdown-parser-gfm", "-e", "exit 0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// kramdown's ids by line (1-based).
fn kramdown_ids(doc: &str, options_json: &str) -> BTreeMap<usize, String> {
    common::ruby(&["-e", SCRIPT, options_json], &[], doc)
        .lines()
        .map(|l| {
            let (line, id) = l.split_once('\t').expect("line<TAB>id");
            (line.parse().expect("line number"), id.to_string())
        })
        .collect()
}

/// bloglint's ids by line.
fn bloglint_ids(doc: &str, options: &IdOptions) -> BTreeMap<usize, String> {
    let outline = Outline::parse(doc, 0);
    let ids = page_ids(doc, &outline.headings, options);
    outline
        .headings
        .iter()
        .zip(ids)
        .map(|(h, id)| (doc[..h.span.start].matches('\n').count() + 1, id))
        .collect()
}

/// Compares line by line. Lines where kramdown has a header the outline
/// does not (a known difference of the parsers, listed in the module's
/// documentation) are counted, not compared.
fn compare(doc: &str, options: &IdOptions, options_json: &str) -> (usize, usize, Vec<String>) {
    let theirs = kramdown_ids(doc, options_json);
    let ours = bloglint_ids(doc, options);
    let lines: Vec<&str> = doc.lines().collect();
    let mut compared = 0;
    let with_id = theirs.values().filter(|id| !id.is_empty()).count();
    let mut diffs = Vec::new();
    for (line, our) in &ours {
        let their = theirs.get(line).cloned().unwrap_or_default();
        compared += 1;
        if &their != our {
            diffs.push(format!(
                "line {line} {:?}: kramdown {their:?}, bloglint {our:?}",
                lines.get(line - 1).copied().unwrap_or_default()
            ));
        }
    }
    (compared, with_id, diffs)
}

/// Heading lines, each made into `# …` and separated by blank lines.
fn heading_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "Hello World",
        "Hello World",
        "Hello World",
        "hello-world-1",
        "Hello world",
        "  Leading spaces",
        "Trailing spaces   ",
        "Tab\tinside",
        "Mixed \t tab",
        "123 Numbers first",
        "2024",
        "_underscore start",
        "snake_case_name",
        "x_y_",
        "_em_ text",
        "__strong__ text",
        "*star* **bold** ***both***",
        "a * b * c",
        "a _b c",
        "1_a_ b",
        "mid_dle_word",
        "Code `x_y` end",
        "`` a`b ``",
        "` spaced `",
        "`unclosed",
        "A [link](http://example.com/path_x) here",
        "A [link with `code`](url)",
        "![image alt](img.png) after",
        "Before ![alt text](i.png)",
        "[undefined][nowhere] ref",
        "[Defined][ref] ref",
        "[ref] shortcut",
        "[^1] footnote",
        "Text[^1]",
        "Text[^nodef]",
        "<span>Span</span> text",
        "<b class=\"x\">bold</b> text",
        "x <!-- comment --> y",
        "a <br> b <br/> c",
        "<notatag text",
        "a < b > c",
        "Tom &amp; Jerry",
        "&eacute;t&eacute;",
        "&#233;&#x41;&#65;",
        "&nbsp;nbsp&nbsp;",
        "&unknown; entity",
        "&AMP; caps",
        "&copy; 2024",
        "a -- b",
        "a --- b",
        "a ---- b",
        "a-b-c",
        "a - b",
        "range 1--2",
        "wait...",
        "wait ... what",
        "<< quoted >>",
        "a << b >> c",
        "x>>y<<z",
        "\"Double\" 'single'",
        "don't stop",
        "It's \"quoted\"",
        "Escaped \\_under\\_ and \\* and \\#",
        "Backslash \\\\ and \\-",
        "\\-- escaped dash",
        "Math $$x_1 + y$$ inline",
        "~~strike~~ text",
        "<http://example.com/a_b>",
        "<https://ex.org> link",
        "<mailto:me@example.org>",
        "<me@example.org>",
        "Ünïcödé Tëxt",
        "日本語の見出し",
        "Ελληνικά ΣΑΣ",
        "İstanbul",
        "Straße ß",
        "ǅemal",
        "Emoji 🎉 party",
        "Zero\u{200b}width",
        "Combining e\u{301}",
        "Арабский العربية",
        "नमस्ते",
        "한국어",
        "Full-width ＡＢＣ",
        "Roman Ⅻ numeral",
        "Superscript x²",
        "Fraction ½",
        "Bullet • point",
        "Dollar $5 price",
        "Percent 100%",
        "C++ and C#",
        "F# language",
        "Q&A",
        "Q & A",
        "What? Why! How.",
        "(parenthesised)",
        "[bracketed]",
        "{braces}",
        "a/b/c path",
        "email me@example.org",
        "URL http://example.com",
        "version 1.2.3",
        "v1.2.3-beta_4",
        "***",
        "***",
        "!!!",
        "...",
        "--",
        "-",
        "_",
        "__",
        "`code only`",
        "&amp;",
        "Title {#custom-id}",
        "Title {#custom-id}",
        "Title{#nospace}",
        "Title {#1bad}",
        "Title {#x.y:z}",
        "Title {#é}",
        "Title {#}",
        "Title {#a b}",
        "Closing hashes ##",
        "Closing hashes##",
        "Closing \\##",
        "Closing # in middle",
        "#",
        "# #",
        "C#",
        "Title ## {#with-hashes}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    texts.push("Long ".repeat(200));
    texts.push("x".repeat(3000));
    texts.push("ab".repeat(50) + " " + &"é".repeat(100));
    // Combinations of words and punctuation.
    let words = ["Alpha", "beta_2", "Ω", "x-y", "3d"];
    let seps = [" ", "-", "--", "_", ": ", ", ", " / ", " & ", ".", "'"];
    for w1 in words {
        for s in seps {
            for w2 in ["Gamma", "é", "99"] {
                texts.push(format!("{w1}{s}{w2}"));
            }
        }
    }
    texts
}

/// Other heading shapes, each a block of its own.
const BLOCKS: &[&str] = &[
    "Setext One\n==========",
    "Setext Two\n----------",
    "Setext _em_ `c`\n===",
    "Setext {#setext-id}\n===",
    "Paragraph line\nSetext two lines\n===",
    "Setext\n  ===",
    "## Level two",
    "###### Level six",
    "####### Seven is text",
    "#NoSpace",
    "#\tTab after",
    "# A\n# B",
    "# After IAL\n{: #ial-id}",
    "# After IAL compact\n{:#ial-compact}",
    "# After IAL class\n{: .cls #ial-class}",
    "# After IAL quoted\n{: id=\"ial-quoted\"}",
    "# After two IALs\n{: #first}\n{: #second}",
    "# IAL beats header id {#hid}\n{: #ial-wins}",
    "{: #before-id}\n# Before IAL",
    "{: #before-beats}\n# Before IAL {#header-id}",
    "{: #lonely}\n\n# After a lone IAL",
    "# IAL class only\n{: .only-class}",
    "> # In a quote",
    "- # In a list",
    "```\n# In a fence\n```",
    "    # Indented code",
    "<div>\n# In HTML\n</div>",
    "[ref]: http://example.com\n[^1]: A footnote.",
];

fn document() -> String {
    let mut doc = String::new();
    for t in heading_texts() {
        doc.push_str("# ");
        doc.push_str(&t);
        doc.push_str("\n\n");
    }
    for b in BLOCKS {
        doc.push_str(b);
        doc.push_str("\n\n");
    }
    doc
}

fn run(options: IdOptions, json: &str) {
    let doc = document();
    let (compared, with_id, diffs) = compare(&doc, &options, json);
    println!("{json}: {compared} headings compared, {with_id} with an id");
    assert!(compared > 200, "only {compared} headings");
    assert!(with_id > 10, "only {with_id} ids");
    assert!(
        diffs.is_empty(),
        "{} of {compared} ids differ from kramdown 2.4.0 ({json}):\n{}",
        diffs.len(),
        diffs.join("\n")
    );
}

macro_rules! oracle {
    ($name:ident, $options:expr, $json:expr) => {
        #[test]
        fn $name() {
            if !kramdown_available() {
                println!("skipped: jekyll not installed (ruby with kramdown, kramdown-parser-gfm)");
                return;
            }
            run($options, $json);
        }
    };
}

oracle!(gfm_defaults, IdOptions::default(), r#"{"input":"GFM"}"#);
oracle!(
    gfm_prefix,
    IdOptions {
        auto_id_prefix: "p-".into(),
        ..IdOptions::default()
    },
    r#"{"input":"GFM","auto_id_prefix":"p-"}"#
);
oracle!(
    gfm_no_auto_ids,
    IdOptions {
        auto_ids: false,
        ..IdOptions::default()
    },
    r#"{"input":"GFM","auto_ids":false}"#
);
oracle!(
    kramdown_input,
    IdOptions {
        input: Input::Kramdown,
        ..IdOptions::default()
    },
    r#"{"input":"kramdown"}"#
);
oracle!(
    kramdown_stripping,
    IdOptions {
        input: Input::Kramdown,
        auto_id_stripping: true,
        auto_id_prefix: "s".into(),
        ..IdOptions::default()
    },
    r#"{"input":"kramdown","auto_id_stripping":true,"auto_id_prefix":"s"}"#
);
