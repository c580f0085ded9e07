//! Unit tests of the configuration; each expectation checked against
//! Jekyll 4.3.1 (`ruby -rjekyll`, `jekyll build`).

use super::*;

fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(full, text).expect("file");
    }
    dir
}

fn load(config: &str) -> (tempfile::TempDir, JekyllConfig) {
    let dir = site(&[("_config.yml", config)]);
    let c = JekyllConfig::load(dir.path()).expect("loads");
    (dir, c)
}

#[test]
fn defaults_without_a_file() {
    let dir = site(&[]);
    let c = JekyllConfig::load(dir.path()).expect("loads");
    assert_eq!(c.file, None);
    assert_eq!(c.permalink, "date");
    assert_eq!(c.include, vec![".htaccess"]);
    assert_eq!(c.exclude, DEFAULT_EXCLUDES.to_vec());
    assert_eq!(c.keep_files, vec![".git", ".svn"]);
    assert_eq!(
        c.markdown_ext,
        vec![".markdown", ".mkdown", ".mkdn", ".mkd", ".md"]
    );
    assert_eq!(c.collections.len(), 1);
    let posts = &c.collections[0];
    assert!(posts.output);
    assert_eq!(
        posts.permalink.as_deref(),
        Some("/:categories/:year/:month/:day/:title:output_ext")
    );
    assert!(!c.future && !c.show_drafts && !c.unpublished);
    assert_eq!(c.kramdown, Kramdown::default());
    assert!(c.relative_links.enabled && !c.relative_links.collections);
    assert!(c.optional_front_matter.enabled && !c.optional_front_matter.remove_originals);
}

#[test]
fn which_config_file_wins() {
    // Jekyll 4.3.1: `%w(yml yaml toml).find`, the first that exists.
    let dir = site(&[
        ("_config.toml", "permalink = \"pretty\"\n"),
        ("_config.yaml", "permalink: none\n"),
    ]);
    let c = JekyllConfig::load(dir.path()).expect("loads");
    assert_eq!(c.permalink, "none");
    std::fs::write(dir.path().join("_config.yml"), "permalink: ordinal\n").expect("write");
    assert_eq!(
        JekyllConfig::load(dir.path()).expect("loads").permalink,
        "ordinal"
    );
    std::fs::remove_file(dir.path().join("_config.yml")).expect("rm");
    std::fs::remove_file(dir.path().join("_config.yaml")).expect("rm");
    let c = JekyllConfig::load(dir.path()).expect("loads");
    assert_eq!(c.permalink, "pretty");
    assert_eq!(
        c.collections[0].permalink.as_deref(),
        Some("/:categories/:year/:month/:day/:title/")
    );
}

#[test]
fn find_root_walks_up() {
    let dir = site(&[("_config.toml", ""), ("a/b/c.md", "")]);
    let found = find_root(&dir.path().join("a/b")).expect("found");
    assert_eq!(found, dir.path());
    let other = site(&[("x/y.md", "")]);
    assert_eq!(find_root(&other.path().join("x")), None);
}

#[test]
fn psych_booleans_and_null_keeps_default() {
    let (_d, c) = load(
        "future: yes\nshow_drafts: On\nunpublished: \"no\"\npermalink: ~\n\
         strict_front_matter: NO\nkramdown:\n  auto_ids: off\n  input: kramdown\n",
    );
    assert!(c.future);
    assert!(c.show_drafts);
    // A quoted "no" is a string, and a string is true in Ruby.
    assert!(c.unpublished);
    assert!(!c.strict_front_matter);
    assert_eq!(c.permalink, "date");
    assert!(!c.kramdown.auto_ids);
    assert_eq!(c.kramdown.input, "kramdown");
}

#[test]
fn kramdown_reads_strings_as_booleans_its_way() {
    let (_d, c) = load(
        "kramdown:\n  auto_ids: \"no\"\n  auto_id_stripping: 0\n  transliterated_header_ids: \"\"\n",
    );
    assert!(c.kramdown.auto_ids);
    assert!(c.kramdown.auto_id_stripping);
    assert!(!c.kramdown.transliterated_header_ids);
}

#[test]
fn collections_list_and_map() {
    let (_d, c) = load("collections: [recipes, \"my stuff!\"]\n");
    let labels: Vec<&str> = c.collections.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["posts", "recipes", "mystuff"]);
    assert!(!c.collections[1].output);
    let (_d, c) = load(
        "permalink: /:title/\ncollections:\n  docs:\n    output: true\n    permalink: /d/:path/\n    sort_by: order\n  posts:\n    output: false\n  empty:\n",
    );
    assert_eq!(c.collections[0].label, "posts");
    assert!(c.collections[0].output);
    assert_eq!(c.collections[0].permalink.as_deref(), Some("/:title/"));
    let docs = c.collection("docs").expect("docs");
    assert!(docs.output);
    assert_eq!(docs.permalink.as_deref(), Some("/d/:path/"));
    assert_eq!(docs.sort_by.as_deref(), Some("order"));
    assert!(!c.collection("empty").expect("empty").output);
}

#[test]
fn exclude_gets_the_default_excludes_and_must_be_a_list() {
    let (_d, c) = load("exclude: [drafts, node_modules]\ninclude: [_redirects]\n");
    assert_eq!(c.exclude[0], "drafts");
    assert_eq!(c.exclude[1], "node_modules");
    assert_eq!(c.exclude.len(), 1 + DEFAULT_EXCLUDES.len());
    assert_eq!(c.include, vec!["_redirects"]);
    let dir = site(&[("_config.yml", "title: x\nexclude: drafts\n")]);
    let e = JekyllConfig::load(dir.path()).expect_err("refused");
    assert!(
        e.message.contains("'exclude' should be set as an array"),
        "{}",
        e.message
    );
    assert_eq!(e.span, Some(18..24));
}

#[test]
fn syntax_errors_point_into_the_file() {
    let dir = site(&[("_config.yml", "title: [x\n")]);
    let e = JekyllConfig::load(dir.path()).expect_err("refused");
    assert!(e.span.is_some());
    assert_eq!(e.path, dir.path().join("_config.yml"));
    let dir = site(&[("_config.toml", "title = \n")]);
    assert!(JekyllConfig::load(dir.path()).is_err());
    let dir = site(&[("_config.yml", "kramdown: [1]\n")]);
    assert!(JekyllConfig::load(dir.path()).is_err());
}

#[test]
fn markdown_ext_is_split_as_ruby_does() {
    let (_d, c) = load("markdown_ext: \"MD, txt,,\"\n");
    assert_eq!(c.markdown_ext, vec![".md", ". txt"]);
    assert!(c.is_markdown_ext(".Md"));
    assert!(!c.is_markdown_ext(".txt"));
}

#[test]
fn plugins_and_github_pages() {
    let (_d, c) = load("plugins: [jekyll-redirect-from]\ngems: [jekyll-feed]\n");
    assert!(c.has_plugin("jekyll-redirect-from"));
    // Jekyll 4.3.1 ignores `gems` (checked: `Site#gems` stays empty).
    assert!(!c.has_plugin("jekyll-feed"));
    assert!(!c.has_plugin("jekyll-relative-links"));
    let dir = site(&[
        ("_config.yml", "gems: [jekyll-feed]\n"),
        (
            "Gemfile",
            "source 'https://rubygems.org'\ngem \"github-pages\", group: :jekyll_plugins\n",
        ),
    ]);
    let c = JekyllConfig::load(dir.path()).expect("loads");
    assert!(c.github_pages);
    assert!(c.has_plugin("jekyll-feed"));
    assert!(c.has_plugin("jekyll-relative-links"));
    assert!(c.has_plugin("jekyll-optional-front-matter"));
    let dir = site(&[("_config.yml", "plugins: jekyll-feed\n")]);
    assert!(JekyllConfig::load(dir.path()).is_err());
}

#[test]
fn plugin_options_compare_exactly() {
    let (_d, c) = load(
        "relative_links:\n  enabled: \"false\"\n  collections: yes\noptional_front_matter:\n  remove_originals: 1\n",
    );
    assert!(c.relative_links.enabled);
    assert!(c.relative_links.collections);
    assert!(!c.optional_front_matter.remove_originals);
    let (_d, c) = load("require_front_matter: true\n");
    assert!(!c.optional_front_matter.enabled);
}

#[test]
fn defaults_precedence() {
    let (_d, c) = load(
        "defaults:\n\
         - scope: {path: \"\"}\n  values: {a: 1}\n\
         - scope: {path: blog, type: posts}\n  values: {a: 2}\n\
         - scope: {path: \"\", type: pages}\n  values: {a: 3}\n\
         - scope: {path: blo}\n  values: {a: 4}\n\
         - scope: {type: post}\n  values: {a: 6}\n\
         - scope: {}\n  values: x\n",
    );
    let a = |tables: Vec<&Table>| -> Vec<String> {
        tables
            .iter()
            .map(|t| format!("{:?}", get(t, "a").map(|n| &n.value)))
            .collect()
    };
    // Jekyll 4.3.1 gives `a: 3` to a page at the top, `a: 2` to the post.
    let pages = a(c.defaults_for("x.md", "pages"));
    assert_eq!(pages, ["Some(Integer(1))", "Some(Integer(3))"]);
    let posts = a(c.defaults_for("blog/_posts/2020-01-01-x.md", "posts"));
    assert_eq!(
        posts,
        [
            "Some(Integer(6))",
            "Some(Integer(4))",
            "Some(Integer(1))",
            "Some(Integer(2))"
        ]
    );
}

#[test]
fn defaults_globs_and_collections_dir() {
    // Scope globs list files on disk, as Jekyll's `Dir.glob` does.
    let config = "collections_dir: my\ndefaults:\n\
         - scope: {path: \"my/_posts\"}\n  values: {a: 1}\n\
         - scope: {path: \"*/_posts/*\"}\n  values: {b: 1}\n\
         - scope: {path: \"docs/*.md\"}\n  values: {c: 1}\n\
         - scope: {path: \"/docs\"}\n  values: {d: 1}\n";
    let dir = site(&[
        ("_config.yml", config),
        ("my/_posts/2020-01-01-x.md", ""),
        ("docs/a.md", ""),
        ("docs/sub/a.md", ""),
    ]);
    let c = JekyllConfig::load(dir.path()).expect("loads");
    let keys = |t: Vec<&Table>| -> Vec<String> {
        t.iter()
            .flat_map(|t| t.entries.iter().map(|(k, _)| k.name.clone()))
            .collect()
    };
    assert_eq!(
        keys(c.defaults_for("my/_posts/2020-01-01-x.md", "posts")),
        ["a", "b"]
    );
    assert_eq!(keys(c.defaults_for("docs/a.md", "pages")), ["c"]);
    assert!(keys(c.defaults_for("docs/sub/a.md", "pages")).is_empty());
}

#[test]
fn a_configuration_that_is_not_a_map_is_ignored_as_jekyll_does() {
    // Jekyll 4.3.1 warns "Error reading configuration. Using defaults".
    let (_d, c) = load("- a\n- b\n");
    let why = c.ignored.expect("noted");
    assert_eq!(why.span, Some(0..7));
    assert!(why.message.contains("uses its defaults"), "{}", why.message);
    assert_eq!(c.permalink, "date");
    let (_d, c) = load("# nothing\n");
    assert!(c.ignored.is_none());
}
