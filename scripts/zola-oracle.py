#!/usr/bin/env python3
"""Record what real Zola publishes for each fixture site of tests/zola-sites/.

For every folder tests/zola-sites/<name>/ (a Zola site), copy it to a
temporary folder, run `zola build` there, and write
tests/zola-sites/<name>/zola-record.json:

    {
      "zola": "zola 0.22.1",          # `zola --version`
      "built": true,                  # false: Zola failed the build
      "error": null,                  # else the first line of its error
      "files": ["404.html", ...],     # every file under public/, sorted
      "redirects": {"who/index.html": "https://example.org/about/", ...},
      "ids": {"about/index.html": ["who-i-am", ...], ...}
    }

`redirects`: the HTML files Zola wrote as redirect pages (an alias, a
section's `redirect_to`, a pager's `page/1/`), with where they lead.
`ids`: for every other HTML file, the `id` of each <h1>..<h6> in document
order (the fixtures' templates print the content alone, so these are the
Markdown's heading ids).

tests/zola_oracle.rs compares `bloglint site --format json --ids` with these
records on every test run, and with a fresh build when `zola` is on PATH.

Usage: scripts/zola-oracle.py [--zola PATH] [--check] [NAME...]
  --zola PATH   the Zola binary (default: `zola` on PATH)
  --check       do not write: exit 1 when a record differs from a fresh build
  NAME          only these fixtures (default: all)
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "zola-sites"
RECORD = "zola-record.json"


class Headings(HTMLParser):
    """The ids of <h1>..<h6>, and a meta refresh target if any."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.refresh = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag) and attrs.get("id") is not None:
            self.ids.append(attrs["id"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            content = attrs.get("content") or ""
            m = re.search(r"url=(.*)$", content, re.I)
            self.refresh = m.group(1).strip() if m else content


def record(zola, site):
    """Build `site` with `zola` in a temporary copy; the record."""
    version = subprocess.run(
        [zola, "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / site.name
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns(RECORD, "public", ".bloglint-cache"))
        run = subprocess.run(
            [zola, "build"], cwd=copy, capture_output=True, text=True,
            env={**os.environ, "NO_COLOR": "1", "TZ": "UTC"},
        )
        out = {"zola": version, "built": run.returncode == 0, "error": None,
               "files": [], "redirects": {}, "ids": {}}
        if run.returncode != 0:
            lines = [l for l in run.stderr.splitlines() if l.strip()]
            # Zola prints "Error: ..." then the reasons; keep them, without
            # the temporary folder's path.
            out["error"] = "\n".join(lines).replace(str(copy), "<site>")
            return out
        public = copy / "public"
        for path in sorted(public.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(public).as_posix()
            out["files"].append(rel)
            if rel.endswith(".html"):
                parser = Headings()
                parser.feed(path.read_text(encoding="utf-8", errors="replace"))
                if parser.refresh is not None:
                    out["redirects"][rel] = parser.refresh
                else:
                    out["ids"][rel] = parser.ids
        return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--zola", default=shutil.which("zola"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if not args.zola:
        sys.exit("zola-oracle: no `zola` on PATH (give --zola PATH)")
    sites = sorted(p for p in SITES.iterdir() if (p / "config.toml").is_file())
    if args.names:
        sites = [s for s in sites if s.name in args.names]
    differ = 0
    for site in sites:
        fresh = record(args.zola, site)
        text = json.dumps(fresh, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        path = site / RECORD
        if args.check:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                differ += 1
                print(f"{site.name}: the record differs from a fresh build")
            else:
                print(f"{site.name}: same")
        else:
            path.write_text(text, encoding="utf-8")
            state = "built" if fresh["built"] else "build fails"
            print(f"{site.name}: {state}, {len(fresh['files'])} files")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
