#!/usr/bin/env python3
"""Check `bloglint server`'s incremental lints on a real site: open pages,
edit them as a writer would (a word, a link, a comment line in the front
matter, an alias, a tag respelled, a heading), and let the server compare
each lint that kept something of the last one with a lint of the whole
site (BLOGLINT_VERIFY_INCREMENTAL=1): any difference is a MISMATCH in its
log, printed here, and the exit code is 1.

Usage: scripts/verify-incremental.py SITE [PAGES]   (after cargo build --release)
Environment: BLOGLINT=path (default target/release/bloglint)

PAGES (default 20) Markdown files under the site are picked, spread over
the site in path order. Each is opened alone, edited, and closed. The site
is used in place and never written to (the edits stay in the buffers; the
server's parse cache is written as `bloglint check` writes it).
"""
import os, re, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOGLINT = os.path.realpath(os.environ.get("BLOGLINT") or os.path.join(ROOT, "target/release/bloglint"))


def edits(text):
    """A writer's edits of a page, each a whole new text."""
    out = [text + "\nOne more word.\n", text + "\n[x](/nowhere/)\n"]
    m = re.match(r"(---|\+\+\+)\n", text)
    if m:
        fence = m.group(1)
        rest = text[len(fence) + 1:]
        out.append(f"{fence}\n# a note\n{rest}")
        alias = "aliases: [/verify-alias/]\n" if fence == "---" else "aliases = ['/verify-alias/']\n"
        out.append(f"{fence}\n{alias}{rest}")
        tag = re.search(r"^(tags:\s*\[?\s*-?\s*)(\w)", rest, re.M)
        if tag:
            i = len(fence) + 1 + tag.start(2)
            out.append(text[:i] + text[i].swapcase() + text[i + 1:])
    heading = re.search(r"^## (.+)$", text, re.M)
    if heading:
        out.append(text[:heading.start(1)] + "Renamed " + text[heading.start(1):])
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = os.path.realpath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs
                   if f.endswith(".md") and "/." not in d and "node_modules" not in d)
    step = max(1, len(files) // n)
    picked = files[::step][:n]
    log = tempfile.NamedTemporaryFile(prefix="verify-", suffix=".log", delete=False)
    env = dict(os.environ, BLOGLINT_VERIFY_INCREMENTAL="1")
    s = Client([BLOGLINT, "server"], root, log, env)
    s.initialize(root)
    count = 0
    for path in picked:
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        u = uri(path)
        s.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "markdown",
                                                           "version": 1, "text": text}})
        s.wait_diagnostics(u, 1)
        for v, edit in enumerate(edits(text), start=2):
            s.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": v},
                                                "contentChanges": [{"text": edit}]})
            s.wait_diagnostics(u, v)
            count += 1
        s.notify("textDocument/didClose", {"textDocument": {"uri": u}})
    s.stop()
    text = open(log.name).read()
    kept = text.count("linted one edited page")
    reused = text.count("kept the findings of")
    mismatches = text.count("MISMATCH")
    print(f"{root}: {len(picked)} pages, {count} edits; {kept} linted against the kept index, "
          f"{reused} with site findings kept; {mismatches} mismatches (log: {log.name})")
    if mismatches:
        for block in text.split("bloglint server: INCREMENTAL MISMATCH")[1:3]:
            print("MISMATCH" + block[:3000])
        sys.exit(1)


if __name__ == "__main__":
    main()
