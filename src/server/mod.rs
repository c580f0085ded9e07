//! `bloglint server`: the Language Server Protocol over stdio.
//!
//! One thread (lsp-server's) reads stdin and queues the client's messages;
//! this loop owns the sites and the open buffers. A buffer's text stands in
//! for its file in the site it belongs to; a change after a quiet spell is
//! linted at once, typing once the client has been quiet for
//! [`DEBOUNCE`] (see [`Server::typed`]), the whole site re-indexed with
//! every open buffer in it, and each open file whose findings changed gets
//! them again. Nothing a site or a rule does takes the server down: a
//! configuration that does not load is a diagnostic, a panic in a rule is
//! caught, logged to stderr, and reported on the file.

mod actions;
mod assist;
mod held;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeDescription,
    CompletionOptions, DiagnosticRelatedInformation, DiagnosticSeverity, HoverProviderCapability,
    InitializeParams, InitializeResult, Location, NumberOrString, OneOf, PositionEncodingKind,
    PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, notification as note, request as req,
};
use serde_json::Value;

use crate::cache::Cache;
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Diagnostic, Severity};
use crate::site::{self, Generator, Site};
use text::{Encoding, Lines};

/// How long the client must be quiet after a change before it is linted.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// The code action kind of "apply every safe fix".
pub const FIX_ALL: &str = "source.fixAll.bloglint";

/// Run the server on stdin and stdout until the client says exit. Returns
/// the process exit code: 0 after `shutdown` then `exit`, 1 otherwise.
pub fn run() -> i32 {
    release_freed_memory_at_once();
    let (connection, io_threads) = Connection::stdio();
    let code = match serve(connection) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("bloglint server: {e}");
            1
        }
    };
    // The reader thread ends with stdin; a client that keeps it open after
    // `exit` is not waited for.
    if code == 0 {
        let _ = io_threads.join();
    }
    code
}

/// mimalloc keeps the pages a run frees for a while (10 ms) before it
/// gives them back; a one-shot `bloglint check` gains from that, a server
/// that lints again and again piles them up: each lint's index and
/// findings are freed from rayon's threads while the next lint allocates,
/// and the peak grew with every lint (hugodocs: 60 MiB after one lint, 86
/// after eleven; with the pages given back at once, 44). The option is
/// mimalloc's `mi_option_purge_delay` (15 in its `mi_option_e`, v2 and v3
/// alike); without mimalloc as the allocator (the tests) it does nothing.
fn release_freed_memory_at_once() {
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets one of mimalloc's options to a value it documents
    // (0: purge at once); no pointer is passed, and mimalloc reads its
    // options under its own synchronisation.
    if std::env::var_os("BLOGLINT_PURGE_DEFAULT").is_none() {
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    }
}

type Error = Box<dyn std::error::Error + Send + Sync>;

fn serve(connection: Connection) -> Result<i32, Error> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = choose_encoding(&params);
    let watch_dynamic = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "bloglint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    // lsp-server hands over each message only when it is taken (a
    // rendezvous channel): a thread takes them as they come, so that stdin
    // is read while a lint runs and a client never blocks writing to us.
    let (tx, incoming) = crossbeam_channel::unbounded();
    let from_client = connection.receiver.clone();
    std::thread::spawn(move || {
        for message in from_client {
            if tx.send(message).is_err() {
                break;
            }
        }
    });
    let mut server = Server::new(connection, incoming, encoding);
    #[allow(deprecated)]
    let folders: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
        (Some(folders), _) if !folders.is_empty() => folders
            .iter()
            .filter_map(|f| text::path_of(&f.uri))
            .collect(),
        (_, Some(root)) => text::path_of(root).into_iter().collect(),
        _ => Vec::new(),
    };
    for folder in folders {
        server.site_for_dir(&folder);
    }
    if watch_dynamic {
        server.register_watchers()?;
    }
    server.main_loop()
}

fn choose_encoding(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..Default::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(
                ["\"", "/", "#", " ", "[", ",", "-", ":"]
                    .map(String::from)
                    .to_vec(),
            ),
            ..Default::default()
        }),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// An open buffer.
struct Doc {
    uri: Uri,
    path: PathBuf,
    text: String,
    version: i32,
    /// The site it belongs to (an index into `Server::sites`).
    site: Option<usize>,
    /// Its site holds its text (else it holds what was on disk, or an
    /// earlier text).
    in_site: bool,
    /// The last lint read its text.
    in_index: bool,
    /// What was published for it last, and the findings behind it (their
    /// spans into `linted`, the text they were found in).
    published: Option<Vec<lsp_types::Diagnostic>>,
    found: Vec<Diagnostic>,
    linted: String,
}

/// A site, loaded once, with the open buffers standing in for their files.
struct SiteState {
    root: PathBuf,
    config: Config,
    /// The site, and what the last lint read of it; `None` while its
    /// configuration does not load.
    site: Option<held::Held>,
    /// Why it did not load: reported on every open file of it.
    error: Option<ConfigError>,
    /// What completion, hover and definition read, from the last lint
    /// (made from it when first asked for).
    knowledge: std::cell::OnceCell<assist::Knowledge>,
    /// Lint it when the debounce ends.
    dirty: bool,
}

impl Doc {
    /// The buffer's text read as its file's would be.
    fn parse(&self, content_path: String) -> Result<crate::document::Post, Box<Diagnostic>> {
        site::post_from_bytes(
            self.path.clone(),
            content_path,
            self.text.clone().into_bytes(),
        )
    }
}

impl SiteState {
    fn site(&self) -> Option<&Site> {
        self.site.as_ref()?.site()
    }

    /// A post as the last lint read it (an open buffer's text).
    fn post(&self, path: &Path) -> Option<&crate::document::Post> {
        self.site.as_ref()?.post(path)
    }

    /// The site, to change: what the last lint read of it goes, and the
    /// next lint indexes it again.
    fn site_mut(&mut self) -> Option<&mut Site> {
        self.site.as_mut()?.site_mut()
    }

    fn knowledge(&self) -> &assist::Knowledge {
        static NONE: std::sync::OnceLock<assist::Knowledge> = std::sync::OnceLock::new();
        if let Some(k) = self.knowledge.get() {
            return k;
        }
        match self.site.as_ref().and_then(|h| h.analysis()) {
            Some(a) => self
                .knowledge
                .get_or_init(|| crate::timing("knowledge", || assist::Knowledge::of(&a.index))),
            None => NONE.get_or_init(assist::Knowledge::default),
        }
    }
}

struct Server {
    connection: Connection,
    /// The client's messages, read ahead of the loop.
    incoming: crossbeam_channel::Receiver<Message>,
    encoding: Encoding,
    sites: Vec<SiteState>,
    docs: HashMap<String, Doc>,
    /// When the pending lints run.
    deadline: Option<Instant>,
    shutdown: bool,
    next_request: i32,
    /// When a buffer last changed.
    last_change: Option<Instant>,
}

impl Server {
    fn new(
        connection: Connection,
        incoming: crossbeam_channel::Receiver<Message>,
        encoding: Encoding,
    ) -> Server {
        Server {
            connection,
            incoming,
            encoding,
            sites: Vec::new(),
            docs: HashMap::new(),
            deadline: None,
            shutdown: false,
            next_request: 0,
            last_change: None,
        }
    }

    fn main_loop(&mut self) -> Result<i32, Error> {
        loop {
            let message = match self.deadline {
                Some(deadline) => {
                    let wait = deadline.saturating_duration_since(Instant::now());
                    match self.incoming.recv_timeout(wait) {
                        Ok(m) => Some(m),
                        Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                        Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(1),
                    }
                }
                None => match self.incoming.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(1),
                },
            };
            match message {
                None => self.flush()?,
                Some(Message::Request(r)) => self.request(r)?,
                Some(Message::Notification(n)) => {
                    if n.method == note::Exit::METHOD {
                        return Ok(if self.shutdown { 0 } else { 1 });
                    }
                    if let Err(e) = self.notification(n) {
                        eprintln!("bloglint server: {e}");
                    }
                }
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: Message) -> Result<(), Error> {
        self.connection.sender.send(message)?;
        Ok(())
    }

    fn notify<N: lsp_types::notification::Notification>(
        &self,
        params: N::Params,
    ) -> Result<(), Error> {
        self.send(Message::Notification(Notification::new(
            N::METHOD.into(),
            params,
        )))
    }

    fn register_watchers(&mut self) -> Result<(), Error> {
        use lsp_types::{
            DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Registration,
            RegistrationParams,
        };
        let globs = [
            "**/*.{md,markdown,mdown,html,htm}",
            "**/{bloglint,.bloglint}.toml",
            "**/{hugo,config}.{toml,yaml,yml,json}",
            "**/config/**/*.{toml,yaml,yml,json}",
            "**/_config*.{yml,yaml,toml}",
            "**/_data/**",
        ];
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: globs
                .iter()
                .map(|g| FileSystemWatcher {
                    glob_pattern: GlobPattern::String((*g).into()),
                    kind: None,
                })
                .collect(),
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "bloglint-watched-files".into(),
                method: note::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.next_request += 1;
        self.send(Message::Request(Request::new(
            RequestId::from(format!("bloglint-{}", self.next_request)),
            req::RegisterCapability::METHOD.into(),
            params,
        )))
    }

    // ---- sites ----

    /// The site a folder belongs to, loaded on first use.
    fn site_for_dir(&mut self, dir: &Path) -> Option<usize> {
        let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        let (root, _) = Generator::find_root(&dir, None)?;
        let root = root.canonicalize().unwrap_or(root);
        if let Some(i) = self.sites.iter().position(|s| s.root == root) {
            return Some(i);
        }
        let state = load_site(&root);
        self.sites.push(state);
        Some(self.sites.len() - 1)
    }

    /// Read the site again from disk (its configuration changed), the open
    /// buffers put back in.
    fn reload_site(&mut self, s: usize) {
        let root = self.sites[s].root.clone();
        eprintln!("bloglint server: reloading the site at {}", root.display());
        self.sites[s] = load_site(&root);
        for doc in self.docs.values_mut().filter(|d| d.site == Some(s)) {
            doc.in_site = false;
            doc.in_index = false;
        }
        self.sites[s].dirty = true;
    }

    // ---- messages ----

    fn notification(&mut self, n: Notification) -> Result<(), Error> {
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                self.open(
                    p.text_document.uri,
                    p.text_document.text,
                    p.text_document.version,
                );
            }
            note::DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let key = p.text_document.uri.as_str().to_string();
                if let Some(doc) = self.docs.get_mut(&key) {
                    // Full sync: the last change holds the whole text; a
                    // ranged change (a client ignoring our choice) is
                    // applied as it says.
                    for change in p.content_changes {
                        match change.range {
                            None => doc.text = change.text,
                            Some(range) => {
                                let lines = Lines::new(&doc.text, self.encoding);
                                let span = lines.offset(range.start)..lines.offset(range.end);
                                let span = span.start.min(span.end)..span.end;
                                doc.text.replace_range(span, &change.text);
                            }
                        }
                    }
                    doc.version = p.text_document.version;
                    doc.in_site = false;
                    doc.in_index = false;
                    if let Some(s) = doc.site {
                        self.sites[s].dirty = true;
                    }
                    self.typed();
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let p: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                // A saved configuration file reloads its site.
                if let Some(path) = text::path_of(&p.text_document.uri) {
                    self.file_changed(&path);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.close(&p.text_document.uri)?;
            }
            note::DidChangeWatchedFiles::METHOD => {
                let p: lsp_types::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                for change in p.changes {
                    if let Some(path) = text::path_of(&change.uri) {
                        self.file_changed(&path);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, r: Request) -> Result<(), Error> {
        if self.shutdown {
            return self.send(Message::Response(Response::new_err(
                r.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            )));
        }
        // Answers read the findings and the site: bring them up to date.
        // Completion, asked for while typing, reads the buffer as it is and
        // the site as last linted (its pages and terms): it does not wait
        // for a lint.
        if r.method != req::Shutdown::METHOD && r.method != req::Completion::METHOD {
            self.flush()?;
        }
        let id = r.id.clone();
        let answer = guarded(|| self.answer(r));
        let response = match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(e)) => Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string()),
            Err(what) => {
                eprintln!("bloglint server: a request failed: {what}");
                Response::new_err(id, ErrorCode::InternalError as i32, what)
            }
        };
        self.send(Message::Response(response))
    }

    fn answer(&mut self, r: Request) -> Result<Value, Error> {
        Ok(match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Value::Null
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = serde_json::from_value(r.params)?;
                let actions = self
                    .docs
                    .get(p.text_document.uri.as_str())
                    .map(|doc| actions::code_actions(doc, &p, self.encoding))
                    .unwrap_or_default();
                serde_json::to_value(actions)?
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = serde_json::from_value(r.params)?;
                let pos = p.text_document_position;
                let items = self.with_doc(&pos.text_document.uri, |doc, site| {
                    assist::complete(doc, site, pos.position, self.encoding)
                });
                serde_json::to_value(items.flatten())?
            }
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = serde_json::from_value(r.params)?;
                let pos = p.text_document_position_params;
                let hover = self.with_doc(&pos.text_document.uri, |doc, site| {
                    assist::hover(doc, site, pos.position, self.encoding)
                });
                serde_json::to_value(hover.flatten())?
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = serde_json::from_value(r.params)?;
                let pos = p.text_document_position_params;
                let found = self.with_doc(&pos.text_document.uri, |doc, site| {
                    assist::definition(doc, site, pos.position, self.encoding)
                });
                serde_json::to_value(found.flatten())?
            }
            other => return Err(format!("unsupported request `{other}`").into()),
        })
    }

    fn with_doc<T>(&self, uri: &Uri, f: impl FnOnce(&Doc, Option<&SiteState>) -> T) -> Option<T> {
        let doc = self.docs.get(uri.as_str())?;
        Some(f(doc, doc.site.map(|s| &self.sites[s])))
    }

    fn open(&mut self, uri: Uri, text: String, version: i32) {
        let path = text::path_of(&uri).map(|p| p.canonicalize().unwrap_or(p));
        let site = path
            .as_ref()
            .and_then(|p| p.parent())
            .and_then(|dir| self.site_for_dir(dir));
        let doc = Doc {
            uri: uri.clone(),
            path: path.unwrap_or_default(),
            text,
            version,
            site,
            in_site: false,
            in_index: false,
            published: None,
            found: Vec::new(),
            linted: String::new(),
        };
        self.docs.insert(uri.as_str().to_string(), doc);
        match site {
            Some(s) => self.sites[s].dirty = true,
            None => {
                // Not part of a site bloglint knows: nothing to say.
                let _ = self.publish_uri(&uri, Vec::new(), Some(version));
            }
        }
        // Lint an opened file at once.
        self.deadline = Some(Instant::now());
    }

    fn close(&mut self, uri: &Uri) -> Result<(), Error> {
        let Some(doc) = self.docs.remove(uri.as_str()) else {
            return Ok(());
        };
        if let Some(s) = doc.site {
            // The file on disk takes the buffer's place again.
            restore_from_disk(&mut self.sites[s], &doc.path);
            self.sites[s].dirty = true;
            self.deadline = Some(Instant::now() + DEBOUNCE);
        }
        self.publish_uri(uri, Vec::new(), None)
    }

    /// A file changed on disk: a configuration reloads its site; a content
    /// file that is not open is read again.
    fn file_changed(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let open = self.docs.values().any(|d| d.path == path);
        for s in 0..self.sites.len() {
            if !path.starts_with(&self.sites[s].root) {
                continue;
            }
            if is_configuration(&self.sites[s].root, &path, name) {
                self.reload_site(s);
            } else if !open {
                restore_from_disk(&mut self.sites[s], &path);
                self.sites[s].dirty = true;
            }
            self.deadline = Some(Instant::now() + DEBOUNCE);
        }
    }

    // ---- linting ----

    /// A buffer changed. The first change after a quiet spell is linted at
    /// once (the answer comes as fast as the lint); changes that follow
    /// closely (typing) wait until the client has been quiet for
    /// [`DEBOUNCE`], and the messages queued meanwhile are read first.
    fn typed(&mut self) {
        let now = Instant::now();
        let quiet = self
            .last_change
            .is_none_or(|last| now.duration_since(last) >= DEBOUNCE);
        self.last_change = Some(now);
        self.deadline = Some(if quiet && self.deadline.is_none() {
            now
        } else {
            now + DEBOUNCE
        });
    }

    /// Lint every site with pending changes.
    fn flush(&mut self) -> Result<(), Error> {
        self.deadline = None;
        for s in 0..self.sites.len() {
            if self.sites[s].dirty {
                self.sites[s].dirty = false;
                self.lint_site(s)?;
            }
        }
        Ok(())
    }

    fn lint_site(&mut self, s: usize) -> Result<(), Error> {
        let open: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.site == Some(s))
            .map(|(k, _)| k.clone())
            .collect();
        if self.sites[s].site.is_none() {
            // The configuration does not load: say so on every open file.
            let error = self.sites[s].error.clone();
            for key in open {
                let Some(doc) = self.docs.get_mut(&key) else {
                    continue;
                };
                let mut found = Vec::new();
                if let Some(e) = &error {
                    found.push(config_diagnostic(e, &doc.path));
                }
                doc.in_site = true;
                doc.in_index = true;
                let text = doc.text.clone();
                self.publish_found(&key, found, &text, None)?;
            }
            return Ok(());
        }
        let started = Instant::now();
        // The files whose findings were linted: one edited page, or all.
        let (found, changed, targets, how) = match self.relint_edited(s, &open) {
            Some((key, found)) => (
                found,
                HashSet::from([key.clone()]),
                vec![key],
                "one edited page",
            ),
            None => {
                let (found, changed) = self.relint_site(s, &open);
                (found, changed, open, "the site")
            }
        };
        let found = self.verified(s, &targets, found);
        if verbose() {
            eprintln!(
                "bloglint server: linted {how} of {} in {:.1} ms",
                self.sites[s].root.display(),
                started.elapsed().as_secs_f64() * 1e3
            );
        }
        let mut by_path: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for d in found {
            by_path.entry(d.path.clone()).or_default().push(d);
        }
        // Each open file's findings, published where they changed (always
        // for the file that changed: its client waits for a version).
        let state = &self.sites[s];
        let mut updates = Vec::new();
        for key in targets {
            let Some(doc) = self.docs.get(&key) else {
                continue;
            };
            let found = by_path.remove(&doc.path).unwrap_or_default();
            let diagnostics = to_lsp(&found, &doc.text, &doc.uri, Some(state), self.encoding);
            let show = changed.contains(&key) || doc.published.as_ref() != Some(&diagnostics);
            updates.push((key, found, diagnostics, show));
        }
        for (key, found, diagnostics, show) in updates {
            let Some(doc) = self.docs.get_mut(&key) else {
                continue;
            };
            doc.found = found;
            doc.linted = doc.text.clone();
            doc.published = Some(diagnostics.clone());
            let (uri, version) = (doc.uri.clone(), doc.version);
            if show {
                self.publish_uri(&uri, diagnostics, Some(version))?;
            }
        }
        Ok(())
    }

    /// An edit of one open page that leaves what the site index reads of it
    /// as it was (body text): linted against what the last lint kept, the
    /// other open files' findings unchanged. `None` when the site must be
    /// linted again.
    fn relint_edited(&mut self, s: usize, open: &[String]) -> Option<(String, Vec<Diagnostic>)> {
        let mut edited = open
            .iter()
            .filter(|k| self.docs.get(*k).is_some_and(|d| !d.in_index));
        let key = edited.next()?.clone();
        if edited.next().is_some() {
            return None;
        }
        let doc = self.docs.get(&key)?;
        let state = &mut self.sites[s];
        state.site.as_ref()?.analysis()?;
        let content_path = state.site()?.generator.content_path(&doc.path)?;
        let post = doc.parse(content_path).ok()?;
        let config = &state.config;
        let held = state.site.as_mut()?;
        let found = match guarded(|| held.relint(config, post)) {
            Ok(found) => found?,
            Err(what) => {
                eprintln!(
                    "bloglint server: a rule failed on {}: {what}",
                    doc.path.display()
                );
                vec![internal_error(&what, &doc.path)]
            }
        };
        if let Some(doc) = self.docs.get_mut(&key) {
            doc.in_index = true;
        }
        Some((key, found))
    }

    /// With `BLOGLINT_VERIFY_INCREMENTAL` set (the tests), what a lint
    /// found in the files of `targets` with what it kept of the last one (an
    /// edit against the kept index, findings moved with the edits) is
    /// compared with a lint of the whole site read again from disk, the open
    /// buffers in it: a difference is logged, and the latter is used with an
    /// `internal-error` added (a test sees it in any list).
    fn verified(&self, s: usize, targets: &[String], found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if std::env::var_os("BLOGLINT_VERIFY_INCREMENTAL").is_none() {
            return found;
        }
        let state = &self.sites[s];
        let mut fresh = load_site(&state.root);
        let Some(site) = fresh.site_mut() else {
            return found;
        };
        let mut only = HashSet::new();
        for d in self.docs.values().filter(|d| d.site == Some(s)) {
            if let Some(content_path) = site.generator.content_path(&d.path) {
                site.put(&d.path, d.parse(content_path));
            }
            only.insert(d.path.clone());
        }
        let paths: HashSet<&PathBuf> = targets
            .iter()
            .filter_map(|k| self.docs.get(k))
            .map(|d| &d.path)
            .collect();
        let full: Vec<Diagnostic> =
            crate::lint(site, &state.config, crate::cli::now(), Some(&only))
                .into_iter()
                .filter(|d| paths.contains(&d.path))
                .collect();
        let mut mine: Vec<Diagnostic> = found
            .iter()
            .filter(|d| paths.contains(&d.path))
            .cloned()
            .collect();
        crate::sort(&mut mine);
        if full == mine {
            return found;
        }
        eprintln!(
            "bloglint server: INCREMENTAL MISMATCH:\n  kept: {mine:#?}\n  full lint: {full:#?}"
        );
        let mut full = full;
        for path in paths {
            full.push(internal_error(
                "what this lint kept of the last one differs from a full lint",
                path,
            ));
        }
        full
    }

    /// Put the changed buffers in their site, index it and lint it: the
    /// findings in the open files, and which buffers were put in.
    fn relint_site(&mut self, s: usize, open: &[String]) -> (Vec<Diagnostic>, HashSet<String>) {
        let state = &mut self.sites[s];
        // What the last lint read goes before the next is built: two at
        // once would raise the peak memory.
        state.knowledge = Default::default();
        let mut only = HashSet::new();
        let mut changed = HashSet::new();
        let base = state.config.rules_for(&state.config.root);
        // The site rules that say what they read of a post: kept while
        // every edited page reads the same to them.
        let mut edits = held::Edits {
            changes: Vec::new(),
            same_digest: base
                .rules
                .iter()
                .filter(|(meta, _, _)| meta.scope.on_site())
                .map(|(meta, _, _)| meta.name)
                .collect(),
        };
        let Some(site) = state.site.as_mut().and_then(|h| h.site_for_edits()) else {
            return (Vec::new(), changed);
        };
        // The buffers stand in for their files.
        for key in open {
            let Some(doc) = self.docs.get_mut(key) else {
                continue;
            };
            doc.in_index = true;
            let Some(content_path) = site.generator.content_path(&doc.path) else {
                // Not a content file: nothing of the site changes, but its
                // client waits for the version it sent.
                if !doc.in_site {
                    doc.in_site = true;
                    changed.insert(key.clone());
                }
                continue;
            };
            if !doc.in_site {
                let read = doc.parse(content_path);
                match (site.post(&doc.path), &read) {
                    (Some(old), Ok(new)) => {
                        let g = &site.generator;
                        for (meta, _, rule) in &base.rules {
                            let before = rule.digest(g, old);
                            if before.is_none() || before != rule.digest(g, new) {
                                edits.same_digest.remove(meta.name);
                            }
                        }
                        edits.changes.push(crate::diagnostic::TextChange::between(
                            doc.path.clone(),
                            &old.source,
                            &doc.text,
                        ));
                    }
                    _ => edits.same_digest.clear(),
                }
                site.put(&doc.path, read);
                doc.in_site = true;
                changed.insert(key.clone());
            }
            only.insert(doc.path.clone());
        }
        let now = crate::cli::now();
        let config = &state.config;
        let Some(held) = state.site.as_mut() else {
            return (Vec::new(), changed);
        };
        let outcome = guarded(|| held.lint(config, now, only.clone(), &edits));
        let found = match outcome {
            Ok((found, kept)) => {
                if !kept.is_empty() && verbose() {
                    eprintln!(
                        "bloglint server: kept the findings of {} (the edits leave what they read as it was)",
                        kept.join(", ")
                    );
                }
                found
            }
            Err(what) => {
                eprintln!(
                    "bloglint server: a rule failed on {}: {what}",
                    state.root.display()
                );
                if held.site().is_none() {
                    // The site went with the failed lint: read it again.
                    let root = state.root.clone();
                    *state = load_site(&root);
                    for doc in self.docs.values_mut().filter(|d| d.site == Some(s)) {
                        doc.in_site = false;
                    }
                }
                only.iter().map(|p| internal_error(&what, p)).collect()
            }
        };
        (found, changed)
    }

    fn publish_found(
        &mut self,
        key: &str,
        found: Vec<Diagnostic>,
        text: &str,
        site: Option<&SiteState>,
    ) -> Result<(), Error> {
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(key) else {
            return Ok(());
        };
        let diagnostics = to_lsp(&found, text, &doc.uri, site, encoding);
        doc.found = found;
        doc.linted = text.to_string();
        doc.published = Some(diagnostics.clone());
        let (uri, version) = (doc.uri.clone(), doc.version);
        self.publish_uri(&uri, diagnostics, Some(version))
    }

    fn publish_uri(
        &self,
        uri: &Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), Error> {
        self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        })
    }
}

/// Whether the server says in its log what each lint did
/// (`BLOGLINT_TIMINGS`, or the tests' `BLOGLINT_VERIFY_INCREMENTAL`).
fn verbose() -> bool {
    std::env::var_os("BLOGLINT_TIMINGS").is_some()
        || std::env::var_os("BLOGLINT_VERIFY_INCREMENTAL").is_some()
}

/// Whether a changed file is a configuration of the site at `root`:
/// bloglint's, or the generator's (which reloads the site). Jekyll's
/// layouts and includes count: rules read them (where the title goes),
/// once per loaded configuration.
fn is_configuration(root: &Path, path: &Path, name: &str) -> bool {
    if crate::config::FILE_NAMES.contains(&name) {
        return true;
    }
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let top = rel.components().count() == 1;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let config_ext = matches!(ext, "toml" | "yaml" | "yml" | "json");
    (top && config_ext
        && (name.starts_with("hugo.")
            || name.starts_with("config.")
            || name.starts_with("_config")))
        || (rel.starts_with("config") && config_ext)
        || rel.starts_with("_layouts")
        || rel.starts_with("_includes")
}

/// Read a site from disk, as `bloglint check` does: its configuration,
/// bloglint.toml, every post (through the parse cache).
fn load_site(root: &Path) -> SiteState {
    let started = Instant::now();
    let config_file = Config::discover(root);
    let config = match config_file.as_deref().map(Config::load) {
        Some(Ok(c)) => Ok(c),
        Some(Err(e)) => Err(e),
        None => Ok(Config::defaults(root)),
    };
    let generator = Generator::detect(root);
    let (config, generator) = match (config, generator) {
        (Ok(c), Ok(g)) => (c, g),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!(
                "bloglint server: {}: {} (the site is not checked until it is fixed)",
                e.path.display(),
                e.message
            );
            return SiteState {
                root: root.to_path_buf(),
                config: Config::defaults(root),
                site: None,
                error: Some(e),
                knowledge: Default::default(),
                dirty: false,
            };
        }
    };
    let mut cache = Cache::open(root);
    cache.trust_stamps = true;
    let site = Site::load_with(generator, Some(&cache), false);
    cache.save(&site.posts);
    eprintln!(
        "bloglint server: {} site at {}: {} posts read in {:.0} ms",
        site.generator.name(),
        root.display(),
        site.posts.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    SiteState {
        root: root.to_path_buf(),
        config,
        site: Some(held::Held::new(site)),
        error: None,
        knowledge: Default::default(),
        dirty: false,
    }
}

/// Put a file's text on disk back in its site (or take it out, gone).
fn restore_from_disk(state: &mut SiteState, path: &Path) {
    let Some(site) = state.site_mut() else {
        return;
    };
    let Some(content_path) = site.generator.content_path(path) else {
        return;
    };
    if path.is_file() {
        site.put(path, site::read_post(path.to_path_buf(), content_path));
    } else {
        site.errors.retain(|e| e.path != path);
        site.remove(path);
    }
}

/// The finding that stands for a lint that failed (a rule panicked).
fn internal_error(what: &str, path: &Path) -> Diagnostic {
    Diagnostic::new(
        "internal-error",
        Severity::Error,
        0..0,
        format!(
            "bloglint failed while checking this site ({what}): the findings are incomplete; the server's log has the details"
        ),
    )
    .in_file(path.to_path_buf())
}

fn config_diagnostic(e: &ConfigError, doc_path: &Path) -> Diagnostic {
    let where_ = match (&e.span, e.source.is_empty()) {
        (Some(span), false) => {
            let (line, col) = crate::diagnostic::LineIndex::new(&e.source).line_col(span.start);
            format!("{}:{line}:{col}", e.path.display())
        }
        _ => e.path.display().to_string(),
    };
    Diagnostic::new(
        "config-error",
        Severity::Error,
        0..0,
        format!(
            "the site's configuration does not load, nothing is checked: {where_}: {}",
            e.message
        ),
    )
    .in_file(doc_path.to_path_buf())
}

/// Run `f`; a panic in it (a rule's, a request's) is its message, and the
/// server goes on (the default hook has printed it, with its place, to
/// stderr).
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|p| panic_message(&p))
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// bloglint's findings in one file as the protocol's diagnostics: the rule
/// as code with a link to its page, the severity, the help line in the
/// message, the secondary labels as related information (in this file or
/// the other one they point at).
fn to_lsp(
    found: &[Diagnostic],
    text: &str,
    uri: &Uri,
    site: Option<&SiteState>,
    encoding: Encoding,
) -> Vec<lsp_types::Diagnostic> {
    let lines = Lines::new(text, encoding);
    found
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if !d.label.is_empty() {
                message.push_str(&format!(" ({})", d.label));
            }
            if let Some(help) = &d.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            if let Some(fix) = &d.fix {
                let how = match fix.applicability {
                    crate::diagnostic::Applicability::Safe => "fix",
                    crate::diagnostic::Applicability::Unsafe => "unsafe fix",
                };
                message.push_str(&format!("\n{how}: {}", fix.message));
            }
            let related: Vec<DiagnosticRelatedInformation> = d
                .labels
                .iter()
                .filter_map(|l| {
                    let range = match &l.path {
                        None => lines.range(&l.span),
                        Some(p) if p == &d.path => lines.range(&l.span),
                        Some(p) => {
                            let other = site?.post(p)?;
                            Lines::new(&other.source, encoding).range(&l.span)
                        }
                    };
                    let target = match &l.path {
                        Some(p) if p != &d.path => text::uri_of(p)?,
                        _ => uri.clone(),
                    };
                    Some(DiagnosticRelatedInformation {
                        location: Location::new(target, range),
                        message: l.message.clone(),
                    })
                })
                .collect();
            let documented = crate::rules::find(d.rule).is_some();
            lsp_types::Diagnostic {
                range: lines.range(&d.span),
                severity: Some(match d.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    Severity::Info => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(d.rule.to_string())),
                code_description: documented
                    .then(|| rule_page(d.rule))
                    .flatten()
                    .map(|href| CodeDescription { href }),
                source: Some("bloglint".into()),
                message,
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            }
        })
        .collect()
}

/// The rule's page: the same address as SARIF's `helpUri`.
pub fn rule_page(rule: &str) -> Option<Uri> {
    format!("{}{rule}.md", crate::render::sarif::RULE_DOCS)
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message() {
        assert_eq!(guarded(|| 1), Ok(1));
        assert_eq!(
            guarded(|| -> i32 { panic!("boom") }),
            Err("boom".to_string())
        );
        let n = 3;
        assert_eq!(
            guarded(|| -> i32 { panic!("rule {n} failed") }),
            Err("rule 3 failed".to_string())
        );
    }

    #[test]
    fn configuration_files_of_a_site() {
        let root = Path::new("/site");
        let yes = [
            "bloglint.toml",
            "hugo.toml",
            "config.yaml",
            "_config.yml",
            "config/_default/params.toml",
            "sub/.bloglint.toml",
            "_layouts/post.html",
            "_includes/title.html",
        ];
        for f in yes {
            let p = root.join(f);
            let name = p.file_name().unwrap().to_str().unwrap();
            assert!(is_configuration(root, &p, name), "{f}");
        }
        let no = [
            "content/posts/a.md",
            "content/config.toml",
            "data/hugo.toml",
            "_posts/x.md",
        ];
        for f in no {
            let p = root.join(f);
            let name = p.file_name().unwrap().to_str().unwrap();
            assert!(!is_configuration(root, &p, name), "{f}");
        }
    }
}
