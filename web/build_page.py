#!/usr/bin/env python3
"""Packs the playground into one file (docs/playground.md): page.html with
its style, its script, the worker (the model's WebAssembly gzipped in
base64, asim.js, then worker.js) and every scenario of scenarios/, the seed
question first. The result needs no other file and no network.

    build_page.py --asim-js build-web/asim.js --asim-wasm build-web/asim.wasm \
                  --scenarios scenarios --out build-web/asim.html
"""
import argparse
import base64
import gzip
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
SEED = "as_completed/seed_question.py"


def scenario_list(root):
    paths = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
    paths.sort(key=lambda p: p != SEED)  # stable: the seed first, the rest by path
    out = []
    for rel in paths:
        try:
            source = (root / rel).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # a scenario of source encodings: an editor holds text, not its bytes
        first = source.split("\n", 1)[0]
        match = re.match(r"# asim: (python\S+)", first)
        out.append({"path": rel, "source": source, "note": match.group(1) if match else ""})
    return out


def inline_script(text, what):
    # Inside <script> only "</script" ends the element; none of the pieces
    # may hold it, and JSON is escaped so that it cannot.
    if re.search(r"</script", text, re.IGNORECASE):
        sys.exit(f"build_page.py: {what} contains '</script' and cannot be inlined")
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--asim-js", required=True, type=pathlib.Path)
    parser.add_argument("--asim-wasm", required=True, type=pathlib.Path)
    parser.add_argument("--scenarios", required=True, type=pathlib.Path)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    args = parser.parse_args()

    scenarios = json.dumps(scenario_list(args.scenarios), ensure_ascii=False).replace("</", "<\\/")
    wasm = base64.b64encode(gzip.compress(args.asim_wasm.read_bytes(), compresslevel=9, mtime=0)).decode("ascii")
    worker = "\n".join([f'const ASIM_WASM_GZIP_BASE64 = "{wasm}";', args.asim_js.read_text(encoding="utf-8"),
                         (HERE / "worker.js").read_text(encoding="utf-8")])
    page = (HERE / "page.html").read_text(encoding="utf-8")
    pieces = {
        "/*ASIM_STYLE*/": (HERE / "page.css").read_text(encoding="utf-8"),
        "/*ASIM_SCENARIOS*/": inline_script(scenarios, "the scenarios"),
        "/*ASIM_WORKER*/": inline_script(worker, "the worker"),
        "/*ASIM_SCRIPT*/": inline_script((HERE / "page.js").read_text(encoding="utf-8"), "page.js"),
    }
    for marker in pieces:
        if page.count(marker) != 1:
            sys.exit(f"build_page.py: page.html must hold {marker} once")
    # One pass, so that no piece's text is searched for the other markers.
    page = re.sub("|".join(re.escape(m) for m in pieces), lambda m: pieces[m.group(0)], page)
    args.out.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
