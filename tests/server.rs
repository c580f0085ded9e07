//! `bloglint server` end to end: the real binary driven through its stdin
//! and stdout with JSON-RPC, as an editor drives it (no protocol mocks).

#[path = "server/client.rs"]
mod client;

use std::path::{Path, PathBuf};

use client::{Client, codes};
use serde_json::{Value, json};

/// A small Hugo site: two posts sharing tags, one with an alias and
/// headings, a section page.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    let files = [
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\ntitle = 'Site'\n",
        ),
        ("content/_index.md", "---\ntitle: Home\n---\n"),
        (
            "content/posts/_index.md",
            "---\ntitle: Posts\ndescription: Every post of the site, newest first.\n---\n",
        ),
        (
            "content/posts/first.md",
            "---\ntitle: First post\ndate: 2024-01-14\ndescription: The first post of this site, about Kubernetes and Go.\n\
             tags: [kubernetes, go]\naliases: [/old/first/]\n---\n\n## Getting started\n\nText.\n\n## Next steps {#next}\n\nMore.\n",
        ),
        (
            "content/posts/second.md",
            "---\ntitle: Second post\ndate: 2024-02-01\ndescription: The second post of this site, about Kubernetes again.\n\
             tags: [kubernetes]\n---\n\nSee [the first](/posts/first/).\n",
        ),
    ];
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, text).expect("a file");
    }
    dir
}

fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().canonicalize().expect("the site")
}

fn post(root: &Path, name: &str) -> PathBuf {
    root.join("content/posts").join(name)
}

fn start(root: &Path) -> Client {
    Client::start(root, json!({}))
}

/// Open the two posts of [`site`], and wait for their empty lists: each
/// post's path and URI.
fn open_both_clean(c: &mut Client, root: &Path) -> ((PathBuf, String), (PathBuf, String)) {
    let (first, second) = (post(root, "first.md"), post(root, "second.md"));
    let first_uri = c.open(&first);
    let second_uri = c.open(&second);
    c.diagnostics_for(&first_uri, <[Value]>::is_empty);
    c.diagnostics_for(&second_uri, <[Value]>::is_empty);
    ((first, first_uri), (second, second_uri))
}

#[test]
fn diagnostics_on_open_carry_rule_link_severity_and_help() {
    let dir = site();
    let root = root(&dir);
    let path = post(&root, "first.md");
    let mut c = start(&root);
    let text = std::fs::read_to_string(&path).unwrap() + "\n#### Too deep\n";
    let uri = c.open_text(&path, &text);
    let list = c.diagnostics_for(&uri, |l| !l.is_empty());
    assert_eq!(codes(&list), ["heading-hierarchy"], "{list:#?}");
    let d = &list[0];
    let line = text.lines().position(|l| l == "#### Too deep").unwrap();
    assert_eq!(d["range"]["start"]["line"], json!(line));
    assert_eq!(d["source"], "bloglint");
    assert_eq!(
        d["codeDescription"]["href"],
        "https://github.com/bloglint/bloglint/blob/main/rules/heading-hierarchy.md"
    );
    // heading-hierarchy is a warning.
    assert_eq!(d["severity"], json!(2));
    assert!(d["message"].as_str().unwrap().contains("\nhelp: "), "{d:#}");
    // The file on disk, opened as it is, is clean.
    let clean = std::fs::read_to_string(&path).unwrap();
    c.change(&uri, 2, &clean);
    c.diagnostics_for(&uri, <[Value]>::is_empty);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn an_alias_typed_in_one_buffer_collides_with_another_open_buffer_then_clears() {
    let dir = site();
    let root = root(&dir);
    let mut c = start(&root);
    let ((_, first_uri), (second, second_uri)) = open_both_clean(&mut c, &root);

    // The second post, unsaved, claims the first one's alias.
    let text = std::fs::read_to_string(&second).unwrap();
    let claiming = text.replace(
        "tags: [kubernetes]\n",
        "tags: [kubernetes]\naliases: [/old/first/]\n",
    );
    c.change(&second_uri, 2, &claiming);
    let on_second = c.diagnostics_for(&second_uri, |l| !l.is_empty());
    assert_eq!(codes(&on_second), ["alias-collision"], "{on_second:#?}");
    let on_first = c.diagnostics_for(&first_uri, |l| !l.is_empty());
    assert_eq!(codes(&on_first), ["alias-collision"], "{on_first:#?}");
    // Each names the other file as related information.
    let related = |list: &[Value]| -> Vec<String> {
        list[0]["relatedInformation"]
            .as_array()
            .map(|r| {
                r.iter()
                    .map(|i| i["location"]["uri"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(related(&on_second).contains(&first_uri), "{on_second:#?}");
    assert!(related(&on_first).contains(&second_uri), "{on_first:#?}");

    // Taken out again: both files clear.
    c.change(&second_uri, 3, &text);
    c.diagnostics_for(&second_uri, <[Value]>::is_empty);
    c.diagnostics_for(&first_uri, <[Value]>::is_empty);
    // Nothing was written to disk.
    assert_eq!(std::fs::read_to_string(&second).unwrap(), text);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn a_broken_file_gets_its_diagnostic_and_the_server_keeps_serving() {
    let dir = site();
    let root = root(&dir);
    let path = post(&root, "first.md");
    let mut c = start(&root);
    let uri = c.open_text(&path, "---\ntitle: [unclosed\n---\n\nBody.\n");
    let list = c.diagnostics_for(&uri, |l| !l.is_empty());
    assert_eq!(codes(&list), ["front-matter-syntax"], "{list:#?}");
    // NUL bytes: not text.
    c.change(&uri, 2, "---\ntitle: A\n---\n\0\n");
    let list = c.diagnostics_for(&uri, |l| codes(l) == ["read-error"]);
    assert!(
        list[0]["message"].as_str().unwrap().contains("binary"),
        "{list:#?}"
    );
    // Still answering, and fixed once the text is.
    let text = std::fs::read_to_string(&path).unwrap();
    c.change(&uri, 3, &text);
    c.diagnostics_for(&uri, <[Value]>::is_empty);
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn a_site_whose_configuration_does_not_load_says_so_on_its_files() {
    let dir = site();
    let root = root(&dir);
    std::fs::write(root.join("hugo.toml"), "baseURL = [\n").unwrap();
    let path = post(&root, "first.md");
    let mut c = start(&root);
    let uri = c.open(&path);
    let list = c.diagnostics_for(&uri, |l| !l.is_empty());
    assert_eq!(codes(&list), ["config-error"], "{list:#?}");
    assert!(
        list[0]["message"].as_str().unwrap().contains("hugo.toml"),
        "{list:#?}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn exit_without_shutdown_is_an_error_exit() {
    let dir = site();
    let root = root(&dir);
    let mut c = start(&root);
    c.notify("exit", Value::Null);
    let code = c.wait_exit();
    assert_eq!(code, 1);
}

/// The code actions offered over a range of lines.
fn actions(c: &mut Client, uri: &str, lines: (u32, u32), only: Option<&[&str]>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let r = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": lines.0, "character": 0}, "end": {"line": lines.1, "character": 0}},
            "context": context,
        }),
    );
    r.as_array().cloned().unwrap_or_else(|| panic!("{r}"))
}

fn titled<'a>(list: &'a [Value], start: &str) -> &'a Value {
    list.iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(start))
        .unwrap_or_else(|| panic!("no action `{start}…` in {list:#?}"))
}

const FIXABLE: &str = "---\ntitle: Fixable\ndate: 14 Jan 2024\ndescription: A description long enough for the description length rule to pass.\n---\n\nText.\n\n#### Deep\n";

#[test]
fn each_code_action_applied() {
    let dir = site();
    let root = root(&dir);
    let path = post(&root, "fixable.md");
    std::fs::write(&path, FIXABLE).unwrap();
    let mut c = start(&root);
    let uri = c.open(&path);
    let list = c.diagnostics_for(&uri, |l| l.len() == 2);
    assert_eq!(
        codes(&list),
        ["date-format", "heading-hierarchy"],
        "{list:#?}"
    );
    let heading_line = 8;

    // The heading's unsafe fix, said to be unsafe, and not preferred.
    let at_heading = actions(&mut c, &uri, (heading_line, heading_line), None);
    let fix = titled(&at_heading, "Fix (unsafe");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "heading-hierarchy");
    assert!(fix.get("isPreferred").is_none(), "{fix:#}");
    let fixed = client::apply_edit(FIXABLE, &fix["edit"], &uri);
    assert!(fixed.contains("\n## Deep\n"), "{fixed}");
    c.change(&uri, 2, &fixed);
    let list = c.diagnostics_for(&uri, |l| l.len() == 1);
    assert_eq!(codes(&list), ["date-format"]);

    // "Disable for this line": the comment the project reads.
    c.change(&uri, 3, FIXABLE);
    c.diagnostics_for(&uri, |l| l.len() == 2);
    let at_heading = actions(&mut c, &uri, (heading_line, heading_line), None);
    let disable = titled(&at_heading, "Disable heading-hierarchy for this line");
    let disabled = client::apply_edit(FIXABLE, &disable["edit"], &uri);
    assert!(
        disabled.contains("<!-- bloglint-disable-next-line heading-hierarchy -->\n#### Deep\n"),
        "{disabled}"
    );
    c.change(&uri, 4, &disabled);
    let list = c.diagnostics_for(&uri, |l| l.len() == 1);
    assert_eq!(codes(&list), ["date-format"]);

    // In the front matter: the comment at the top of the body.
    let at_date = actions(&mut c, &uri, (2, 2), None);
    let disable = titled(&at_date, "Disable date-format for this file");
    let silenced = client::apply_edit(&disabled, &disable["edit"], &uri);
    assert!(
        silenced.contains("---\n<!-- bloglint-disable date-format -->\n"),
        "{silenced}"
    );
    c.change(&uri, 5, &silenced);
    c.diagnostics_for(&uri, <[Value]>::is_empty);

    // The date's safe fix, preferred; and every safe fix at once, asked
    // for as editors do on save (`source.fixAll`).
    c.change(&uri, 6, FIXABLE);
    c.diagnostics_for(&uri, |l| l.len() == 2);
    let at_date = actions(&mut c, &uri, (2, 2), None);
    let fix = titled(&at_date, "Fix: rewrite as");
    assert_eq!(fix["isPreferred"], true);
    let all = actions(&mut c, &uri, (0, 0), Some(&["source.fixAll"]));
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.bloglint");
    let fixed = client::apply_edit(FIXABLE, &all[0]["edit"], &uri);
    assert!(fixed.contains("\ndate: 2024-01-14\n"), "{fixed}");
    // The unsafe heading fix is not among them.
    assert!(fixed.contains("\n#### Deep\n"), "{fixed}");
    c.change(&uri, 7, &fixed);
    let list = c.diagnostics_for(&uri, |l| l.len() == 1);
    assert_eq!(codes(&list), ["heading-hierarchy"]);
    // Quick fixes only: no fix-all.
    let quick = actions(&mut c, &uri, (0, 99), Some(&["quickfix"]));
    assert!(quick.iter().all(|a| a["kind"] == "quickfix"), "{quick:#?}");
    assert_eq!(c.shutdown(), 0);
}

fn at(c: &mut Client, method: &str, uri: &str, text: &str, marker: &str) -> Value {
    // The position just after `marker`'s first occurrence (ASCII texts).
    let offset = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"))
        + marker.len();
    let line = text[..offset].matches('\n').count();
    let character = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
    c.request(
        method,
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
}

fn labels(items: &Value) -> Vec<String> {
    let list = items
        .as_array()
        .or_else(|| items["items"].as_array())
        .unwrap_or_else(|| panic!("completion items: {items}"));
    let mut sorted: Vec<&Value> = list.iter().collect();
    sorted.sort_by_key(|i| i["sortText"].as_str().unwrap_or_default().to_string());
    sorted
        .iter()
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_of_terms_link_targets_and_anchors() {
    let dir = site();
    let root = root(&dir);
    std::fs::write(
        post(&root, "third.md"),
        "---\ntitle: Third post\ndate: 2024-03-01\ndescription: The third post of this site, about Kubernetes once more.\ntags: [Kubernetes]\n---\n",
    )
    .unwrap();
    let path = post(&root, "new.md");
    let mut c = start(&root);
    let text = "---\ntitle: New\ntags: [go, ]\ncategories:\n  - \n---\n\nSee {{< ref \"posts/first.md#\" >}} and {{< relref \"\" >}}, [x](/posts/first/#) and [y](/).\n";
    let uri = c.open_text(&path, text);
    c.diagnostics_for(&uri, |_| true);

    // Tags: most used first, with their page counts and other spellings.
    let items = at(&mut c, "textDocument/completion", &uri, text, "tags: [go, ");
    assert_eq!(labels(&items), ["kubernetes", "go"], "{items:#}");
    let first = &items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "kubernetes")
        .unwrap();
    let detail = first["detail"].as_str().unwrap();
    assert!(detail.starts_with("3 pages"), "{detail}");
    assert!(detail.contains("Kubernetes"), "{detail}");
    // A taxonomy no page uses yet: nothing to offer, but no error.
    let items = at(
        &mut c,
        "textDocument/completion",
        &uri,
        text,
        "categories:\n  - ",
    );
    assert_eq!(labels(&items), Vec::<String>::new());

    // ref: content paths; after `#`, the target's heading ids.
    let items = at(&mut c, "textDocument/completion", &uri, text, "relref \"");
    let all = labels(&items);
    assert!(all.contains(&"posts/first.md".to_string()), "{all:?}");
    assert!(all.contains(&"posts/_index.md".to_string()), "{all:?}");
    let items = at(&mut c, "textDocument/completion", &uri, text, "first.md#");
    assert_eq!(labels(&items), ["getting-started", "next"], "{items:#}");

    // Markdown links from the root: site paths, then anchors.
    let items = at(&mut c, "textDocument/completion", &uri, text, "[y](/");
    let all = labels(&items);
    assert!(all.contains(&"/posts/first/".to_string()), "{all:?}");
    assert!(all.contains(&"/posts/second/".to_string()), "{all:?}");
    let items = at(
        &mut c,
        "textDocument/completion",
        &uri,
        text,
        "(/posts/first/#",
    );
    assert_eq!(labels(&items), ["getting-started", "next"], "{items:#}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn hover_and_definition() {
    let dir = site();
    let root = root(&dir);
    let path = post(&root, "second.md");
    let mut c = start(&root);
    let text = "---\ntitle: Second post\ndate: 2024-02-01\ndescription: The second post of this site, about Kubernetes again.\n\
                tags: [kubernetes]\n---\n\nSee [the first](/posts/first/) and {{< ref \"posts/first.md#next\" >}}.\n\n[gone](/posts/first/#nowhere)\n\n#### Deep\n";
    let uri = c.open_text(&path, text);
    c.diagnostics_for(&uri, |l| !l.is_empty());

    // A link: where it lands.
    let hover = at(&mut c, "textDocument/hover", &uri, text, "](/posts/fi");
    let said = hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{hover}"));
    assert!(said.contains("First post"), "{said}");
    assert!(said.contains("/posts/first/"), "{said}");
    // A tag: its pages.
    let hover = at(&mut c, "textDocument/hover", &uri, text, "tags: [kube");
    let said = hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{hover}"));
    assert!(said.contains("2 pages"), "{said}");
    // A finding: its rule's page.
    let hover = at(&mut c, "textDocument/hover", &uri, text, "#### De");
    let said = hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{hover}"));
    assert!(said.contains("# heading-hierarchy"), "{said}");

    // Definition: the target file, at the heading for an anchor.
    let first_uri = client::uri(&post(&root, "first.md"));
    let def = at(
        &mut c,
        "textDocument/definition",
        &uri,
        text,
        "ref \"posts/fi",
    );
    assert_eq!(def["uri"], json!(first_uri), "{def}");
    let first = std::fs::read_to_string(post(&root, "first.md")).unwrap();
    let next_line = first
        .lines()
        .position(|l| l.starts_with("## Next steps"))
        .unwrap();
    assert_eq!(def["range"]["start"]["line"], json!(next_line), "{def}");
    let def = at(&mut c, "textDocument/definition", &uri, text, "](/posts/fi");
    assert_eq!(def["uri"], json!(first_uri), "{def}");
    assert_eq!(def["range"]["start"]["line"], json!(0), "{def}");
    // An anchor no heading has: the file's top, and hover says so.
    let hover = at(&mut c, "textDocument/hover", &uri, text, "first/#nowh");
    let said = hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("{hover}"));
    assert!(said.contains("no heading has this id"), "{said}");
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn jekyll_link_tags_complete_and_lead_to_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let files = [
        ("_config.yml", "title: Site\n"),
        ("about.md", "---\ntitle: About\n---\n\n## Team members\n"),
        (
            "_posts/2024-01-05-title.md",
            "---\ntitle: A post\ntags: [ruby]\n---\n\nText.\n",
        ),
    ];
    for (p, t) in files {
        let p = root.join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    }
    let path = root.join("_posts/2024-02-01-new.md");
    let mut c = start(&root);
    let text = "---\ntitle: New\ntags: [ ]\n---\n\n[a]({% link about.md %}) [b]({% post_url 2024-01-05-title %}) {% link  %} {% post_url  %}\n";
    let uri = c.open_text(&path, text);
    c.diagnostics_for(&uri, |_| true);
    let items = at(&mut c, "textDocument/completion", &uri, text, "{% link ");
    let all = labels(&items);
    assert!(all.contains(&"about.md".to_string()), "{all:?}");
    let items = at(
        &mut c,
        "textDocument/completion",
        &uri,
        text,
        "%} {% post_url ",
    );
    // The open buffer is a post of the site too.
    assert_eq!(
        labels(&items),
        ["2024-01-05-title", "2024-02-01-new"],
        "{items:#}"
    );
    let items = at(&mut c, "textDocument/completion", &uri, text, "tags: [");
    assert_eq!(labels(&items), ["ruby"], "{items:#}");
    let def = at(&mut c, "textDocument/definition", &uri, text, "link abo");
    assert_eq!(
        def["uri"],
        json!(client::uri(&root.join("about.md"))),
        "{def}"
    );
    let def = at(
        &mut c,
        "textDocument/definition",
        &uri,
        text,
        "post_url 2024",
    );
    assert_eq!(
        def["uri"],
        json!(client::uri(&root.join("_posts/2024-01-05-title.md"))),
        "{def}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn files_changed_outside_the_editor_are_read_again_and_configuration_reloads() {
    let dir = site();
    let root = root(&dir);
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let mut c = Client::start(&root, caps);
    let second = post(&root, "second.md");
    let text = std::fs::read_to_string(&second).unwrap() + "\n#### Deep\n";
    let uri = c.open_text(&second, &text);
    let list = c.diagnostics_for(&uri, |l| !l.is_empty());
    assert_eq!(codes(&list), ["heading-hierarchy"]);

    // The server asked to watch the site's files; answered as a client does.
    let i = c
        .backlog
        .iter()
        .position(|m| m["method"] == "client/registerCapability")
        .unwrap_or_else(|| panic!("no registration in {:#?}", c.backlog));
    let registration = c.backlog.remove(i);
    let r = &registration["params"]["registrations"][0];
    assert_eq!(r["method"], "workspace/didChangeWatchedFiles");
    assert!(
        r["registerOptions"]["watchers"].as_array().unwrap().len() > 1,
        "{r:#}"
    );
    c.send(&json!({"jsonrpc": "2.0", "id": registration["id"], "result": null}));

    // The linked page is deleted by a `git checkout`: the link breaks.
    let first = post(&root, "first.md");
    let first_text = std::fs::read_to_string(&first).unwrap();
    std::fs::remove_file(&first).unwrap();
    let changed = |c: &mut Client, path: &Path, kind: u8| {
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({"changes": [{"uri": client::uri(path), "type": kind}]}),
        );
    };
    changed(&mut c, &first, 3);
    let list = c.diagnostics_for(&uri, |l| l.len() == 2);
    assert_eq!(
        codes(&list),
        ["broken-link", "heading-hierarchy"],
        "{list:#?}"
    );
    // And comes back.
    std::fs::write(&first, &first_text).unwrap();
    changed(&mut c, &first, 1);
    let list = c.diagnostics_for(&uri, |l| l.len() == 1);
    assert_eq!(codes(&list), ["heading-hierarchy"], "{list:#?}");

    // bloglint.toml turns the rule off: the site reloads.
    let config = root.join("bloglint.toml");
    std::fs::write(&config, "[rules.heading-hierarchy]\nseverity = \"off\"\n").unwrap();
    changed(&mut c, &config, 1);
    c.diagnostics_for(&uri, <[Value]>::is_empty);
    // The generator's configuration: a baseURL with a path breaks the
    // root-relative link of the open buffer.
    std::fs::write(
        root.join("hugo.toml"),
        "baseURL = 'https://example.org/docs/'\ntitle = 'Site'\n",
    )
    .unwrap();
    changed(&mut c, &root.join("hugo.toml"), 2);
    let list = c.diagnostics_for(&uri, |l| !l.is_empty());
    assert_eq!(codes(&list), ["broken-link"], "{list:#?}");
    assert!(
        list[0]["message"].as_str().unwrap().contains("/docs"),
        "{list:#?}"
    );
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn positions_count_utf16_units_or_utf8_bytes_as_negotiated() {
    let dir = site();
    let root = root(&dir);
    let path = post(&root, "first.md");
    let line = "Été — [x](/nowhere/)";
    let text = std::fs::read_to_string(&path).unwrap() + "\n" + line + "\n";
    let line_no = text.lines().position(|l| l == line).unwrap();
    for (offered, chosen) in [
        (json!(["utf-8", "utf-16"]), "utf-8"),
        (json!(["utf-16"]), "utf-16"),
        (Value::Null, "utf-16"),
    ] {
        let caps = if offered.is_null() {
            json!({})
        } else {
            json!({"general": {"positionEncodings": offered}})
        };
        let mut c = Client::start(&root, caps);
        assert_eq!(c.initialized["capabilities"]["positionEncoding"], chosen);
        let uri = c.open_text(&path, &text);
        let list = c.diagnostics_for(&uri, |l| !l.is_empty());
        assert_eq!(codes(&list), ["broken-link"], "{list:#?}");
        let start = &list[0]["range"]["start"];
        assert_eq!(start["line"], json!(line_no));
        // The finding starts at the link or at its destination: counted
        // in bytes or in UTF-16 units before it.
        let columns: Vec<usize> = ["[x]", "/nowhere/"]
            .iter()
            .map(|m| {
                let before = &line[..line.find(m).unwrap()];
                if chosen == "utf-8" {
                    before.len()
                } else {
                    before.encode_utf16().count()
                }
            })
            .collect();
        let at = start["character"].as_u64().unwrap() as usize;
        assert!(columns.contains(&at), "{chosen}: {at} not in {columns:?}");
        assert_eq!(c.shutdown(), 0);
    }
}

#[test]
fn zola_internal_links_complete_and_lead_to_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let files = [
        (
            "config.toml",
            "base_url = \"https://example.org\"\ntitle = \"Site\"\n",
        ),
        ("content/_index.md", "+++\ntitle = \"Home\"\n+++\n"),
        (
            "content/blog/_index.md",
            "+++\ntitle = \"Blog\"\nsort_by = \"date\"\n+++\n",
        ),
        (
            "content/blog/2024-01-05-first.md",
            "+++\ntitle = \"First\"\n+++\n\n## Getting started\n\nText.\n\n## Next steps {#next}\n",
        ),
    ];
    for (p, t) in files {
        let p = root.join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    }
    let path = root.join("content/blog/2024-02-01-new.md");
    let mut c = start(&root);
    let text = "+++\ntitle = \"New\"\n+++\n\nSee [a](@/blog/2024-01-05-first.md#next), [c](@/blog/2024-01-05-first.md#) and [b](@/).\n";
    let uri = c.open_text(&path, text);
    c.diagnostics_for(&uri, |_| true);
    // Content paths from `content/`, then the target's heading ids.
    let items = at(&mut c, "textDocument/completion", &uri, text, "[b](@/");
    let all = labels(&items);
    assert!(
        all.contains(&"blog/2024-01-05-first.md".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"blog/_index.md".to_string()), "{all:?}");
    let items = at(
        &mut c,
        "textDocument/completion",
        &uri,
        text,
        "[c](@/blog/2024-01-05-first.md#",
    );
    assert_eq!(labels(&items), ["getting-started", "next"], "{items:#}");
    // Definition: the file, at the heading of the anchor.
    let def = at(
        &mut c,
        "textDocument/definition",
        &uri,
        text,
        "[a](@/blog/2024",
    );
    let first = root.join("content/blog/2024-01-05-first.md");
    assert_eq!(def["uri"], json!(client::uri(&first)), "{def}");
    assert_eq!(def["range"]["start"]["line"], json!(8), "{def}");
    assert_eq!(c.shutdown(), 0);
}

/// Edits of body text are linted against the index the last lint kept (the
/// server says "one edited page"); an edit that changes what the index
/// reads (a heading id) indexes the site again, and republishes the other
/// open file whose link it breaks. The client's environment makes the
/// server lint each kept-index edit in full too: a difference would be an
/// `internal-error` in the lists asserted here.
#[test]
fn body_edits_are_linted_against_the_kept_index_as_a_full_lint_would() {
    let dir = site();
    let root = root(&dir);
    let mut c = start(&root);
    let ((first, first_uri), (second, second_uri)) = open_both_clean(&mut c, &root);
    let text = std::fs::read_to_string(&first).unwrap();
    // Each edit, what it finds, and whether the kept index answers it (a
    // heading added or taken away changes the page's ids: not kept).
    let edits = [
        // A word: nothing to say.
        (text.clone() + "\nA word.\n", vec![], true),
        // A link to nowhere, then to a heading that is not there.
        (
            text.clone() + "\n[gone](/posts/nowhere/)\n",
            vec!["broken-link"],
            true,
        ),
        (
            text.clone() + "\n[there](/posts/second/#missing)\n",
            vec!["broken-link"],
            true,
        ),
        // To its own heading, by the id it has; and one it lacks.
        (text.clone() + "\n[here](#next)\n", vec![], true),
        (
            text.clone() + "\n[here](#getting-startd)\n",
            vec!["broken-link"],
            true,
        ),
        // Silenced by a comment typed before it.
        (
            text.clone()
                + "\n<!-- bloglint-disable-next-line broken-link -->\n[gone](/posts/nowhere/)\n",
            vec![],
            true,
        ),
        // A comment that silences nothing is unused (off by default).
        (
            text.clone() + "\n<!-- bloglint-disable-next-line broken-link -->\nText.\n",
            vec![],
            true,
        ),
        // An image without alternative text, and to nowhere.
        (
            text.clone() + "\n![](/img.png)\n",
            vec!["broken-link", "image-alt"],
            true,
        ),
        // A heading too deep: the ids change, the site is indexed again.
        (
            text.clone() + "\n#### Deep\n",
            vec!["heading-hierarchy"],
            false,
        ),
        (text.clone(), vec![], false),
        (text.clone() + "\nThe end.\n", vec![], true),
    ];
    let mut version = 1;
    for (edit, want, _) in &edits {
        version += 1;
        c.change(&first_uri, version, edit);
        let list = c.diagnostics_for(&first_uri, |_| true);
        assert_eq!(&codes(&list), want, "after the edit:\n{edit}\n{list:#?}");
    }
    let log = c.log();
    let kept = log.matches("linted one edited page").count();
    let want = edits.iter().filter(|(_, _, kept)| *kept).count();
    assert_eq!(kept, want, "{log}");
    assert!(!log.contains("MISMATCH"), "{log}");

    // The second post links to the first one's `#next`: renaming that
    // heading indexes the site again and breaks the second's link.
    let second_text = std::fs::read_to_string(&second).unwrap() + "\n[next](/posts/first/#next)\n";
    c.change(&second_uri, 2, &second_text);
    c.diagnostics_for(&second_uri, <[Value]>::is_empty);
    version += 1;
    c.change(
        &first_uri,
        version,
        &text.replace("## Next steps {#next}", "## Next steps {#later}"),
    );
    c.diagnostics_for(&first_uri, <[Value]>::is_empty);
    let on_second = c.diagnostics_for(&second_uri, |l| !l.is_empty());
    assert_eq!(codes(&on_second), ["broken-link"], "{on_second:#?}");
    let log = c.log();
    assert!(log.contains("linted the site"), "{log}");
    assert_eq!(c.shutdown(), 0);
}

/// On each example site (Hugo, Jekyll, Zola), every Markdown file is opened
/// and edited in its body: a word, a link to nowhere, a link to its own
/// first heading. Each edit the kept index answers is linted in full too
/// (the client's environment): no list may hold an `internal-error`, and
/// the kept index must have answered some.
#[test]
fn body_edits_on_the_example_sites_match_a_full_lint() {
    for example in ["blog", "jekyll-blog", "zola-blog"] {
        let copy = tempfile::tempdir().expect("temporary directory");
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example);
        copy_dir(&src, copy.path());
        let root = copy.path().canonicalize().expect("the copy");
        let mut files = Vec::new();
        markdown_files(&root, &mut files);
        files.sort();
        let mut c = start(&root);
        for path in &files {
            let text = std::fs::read_to_string(path).expect("the file");
            let uri = c.open(path);
            c.diagnostics_for(&uri, |_| true);
            let anchor = text
                .lines()
                .find_map(|l| l.strip_prefix("## "))
                .map(|h| h.to_lowercase().replace(' ', "-"))
                .unwrap_or_default();
            // A comment line at the top of the front matter moves every
            // span after it: the site is indexed again, and the findings
            // kept are moved.
            let commented = ["---\n", "+++\n"]
                .iter()
                .find_map(|fence| {
                    text.strip_prefix(fence)
                        .map(|rest| format!("{fence}# note\n{rest}"))
                })
                .unwrap_or_else(|| text.clone());
            let edits = [
                format!("{text}\nOne more word.\n"),
                format!("{text}\n[x](/nowhere/)\n"),
                format!("{text}\n[y](#{anchor})\n"),
                commented,
            ];
            for (i, edit) in edits.iter().enumerate() {
                c.change(&uri, i as i64 + 2, edit);
                let list = c.diagnostics_for(&uri, |_| true);
                assert!(
                    !codes(&list).contains(&"internal-error".to_string()),
                    "{example}: {}: {list:#?}",
                    path.display()
                );
            }
            c.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
        }
        let log = c.log();
        assert!(!log.contains("MISMATCH"), "{example}: {log}");
        assert!(log.contains("linted one edited page"), "{example}: {log}");
        assert_eq!(c.shutdown(), 0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("a folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a type").is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            markdown_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// An edit of the front matter indexes the site again; the site rules it
/// leaves alone (their digest of the page is the same) keep their findings,
/// moved with the edit, and the others run again. Every lint is compared
/// with a full one (the client's environment).
#[test]
fn front_matter_edits_keep_the_findings_of_the_rules_they_leave_alone() {
    let dir = site();
    let root = root(&dir);
    let (first, second) = (post(&root, "first.md"), post(&root, "second.md"));
    let second_text = std::fs::read_to_string(&second)
        .unwrap()
        .replace("tags: [kubernetes]", "tags: [Kubernetes]");
    std::fs::write(&second, &second_text).unwrap();
    std::fs::write(
        post(&root, "third.md"),
        "---\ntitle: First post\ndate: 2024-03-01\ndescription: A third post of this site, with the first one's title.\n\
         tags: [kubernetes]\n---\n\nText.\n",
    )
    .unwrap();
    let mut c = start(&root);
    let first_uri = c.open(&first);
    let second_uri = c.open(&second);
    let on_first = c.diagnostics_for(&first_uri, |l| !l.is_empty());
    assert_eq!(codes(&on_first), ["duplicate-title"], "{on_first:#?}");
    let on_second = c.diagnostics_for(&second_uri, |l| !l.is_empty());
    assert_eq!(codes(&on_second), ["taxonomy-spelling"], "{on_second:#?}");
    let line_of = |list: &[Value]| list[0]["range"]["start"]["line"].as_i64().unwrap();
    let tags_line = line_of(&on_second);

    // An alias above the tags: both findings stay, the tags' one a line down.
    let aliased = second_text.replacen("---\n", "---\naliases: [/old/second/]\n", 1);
    c.change(&second_uri, 2, &aliased);
    let list = c.diagnostics_for(&second_uri, |_| true);
    assert_eq!(codes(&list), ["taxonomy-spelling"], "{list:#?}");
    assert_eq!(line_of(&list), tags_line + 1);
    let log = c.log();
    assert!(
        log.contains("kept the findings of") && log.contains("taxonomy-spelling"),
        "{log}"
    );

    // A comment line in the first one's front matter: its duplicate title
    // is kept, a line down.
    let first_text = std::fs::read_to_string(&first).unwrap();
    let title_line = line_of(&on_first);
    c.change(
        &first_uri,
        2,
        &first_text.replacen("---\n", "---\n# draft\n", 1),
    );
    let list = c.diagnostics_for(&first_uri, |_| true);
    assert_eq!(codes(&list), ["duplicate-title"], "{list:#?}");
    assert_eq!(line_of(&list), title_line + 1);

    // The tag spelled as the others: taxonomy-spelling runs again, clear.
    c.change(
        &second_uri,
        3,
        &aliased.replace("[Kubernetes]", "[kubernetes]"),
    );
    c.diagnostics_for(&second_uri, <[Value]>::is_empty);
    // Another title: duplicate-title runs again, clear.
    c.change(
        &first_uri,
        3,
        &first_text.replace("title: First post", "title: The first post"),
    );
    c.diagnostics_for(&first_uri, <[Value]>::is_empty);
    // A tag respelled where nothing was found: found now.
    c.change(
        &first_uri,
        4,
        &first_text.replace("tags: [kubernetes, go]", "tags: [Kubernetes, go]"),
    );
    let list = c.diagnostics_for(&first_uri, |_| true);
    assert_eq!(
        codes(&list),
        ["duplicate-title", "taxonomy-spelling"],
        "{list:#?}"
    );
    let log = c.log();
    assert!(!log.contains("MISMATCH"), "{log}");
    assert_eq!(c.shutdown(), 0);
}

/// A Markdown file of the site's folder that is not content (a README at
/// its root): each change gets its (empty) list at the version sent, as a
/// client waiting for that version expects.
#[test]
fn a_file_outside_the_content_gets_each_version_answered() {
    let dir = site();
    let root = root(&dir);
    let readme = root.join("README.md");
    std::fs::write(&readme, "# The site\n").unwrap();
    let mut c = start(&root);
    let uri = c.open(&readme);
    assert!(c.diagnostics_at(&uri, 1).is_empty());
    c.change(&uri, 2, "# The site\n\nMore.\n");
    assert!(c.diagnostics_at(&uri, 2).is_empty());
    c.change(&uri, 3, "# The site\n\n[x](/nowhere/)\n");
    assert!(c.diagnostics_at(&uri, 3).is_empty());
    assert_eq!(c.shutdown(), 0);
}
