"""Writes model/lang/codec_tables.cpp: what each installed CPython (3.7-3.13)
does with a source file's PEP 263 coding declaration, for asim's reader
(model/lang/source.cpp).

Usage: python3 tools/codec_tables.py

CPython's tokenizer hands a declared name (other than its own spellings of
UTF-8) to the codec registry, which lower-cases it, collapses punctuation
into '_' (encodings.normalize_encoding) and looks it up among the aliases and
the modules of the `encodings` package. The tables:
- every name the registry finds, normalized, with the codec it names and the
  versions that have it;
- each codec: its kind (a one-byte code page, with its table of 256 code
  points; UTF-8; a text encoding asim does not decode; or one CPython refuses
  for source text, "encoding problem: NAME"), as each version behaves when
  it reads a file declared with it.
"""

import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "model", "lang", "codec_tables.cpp")
VERSIONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]

# Runs inside each interpreter: the names the registry resolves and each
# codec's one-byte table, if it has one.
PROBE = r'''
import codecs, encodings, encodings.aliases, os, pkgutil, sys
names = set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values())
names |= {m.name for m in pkgutil.iter_modules(encodings.__path__)}
resolved = {}
for n in sorted(names):
    norm = encodings.normalize_encoding(n.lower())
    try:
        info = codecs.lookup(norm)
    except (LookupError, ImportError):
        continue
    resolved[norm] = info.name
tables = {}
for codec in sorted(set(resolved.values())):
    info = codecs.lookup(codec)
    if codec in ("latin-1", "iso8859-1", "charmap"):
        tables[codec] = list(range(256))
        continue
    if codec == "ascii":
        tables[codec] = list(range(128)) + [None] * 128
        continue
    # The code pages of the charmap codec: a module with a decoding table.
    module = sys.modules.get(info.incrementaldecoder.__module__ if info.incrementaldecoder else "")
    table = getattr(module, "decoding_table", None)
    if isinstance(table, str) and len(table) == 256:
        tables[codec] = [None if c == "\ufffe" else ord(c) for c in table]
print(repr({"resolved": resolved, "tables": tables}))
'''


def interpreter(version):
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    found = glob.glob(os.path.join(root, "versions", version + ".*", "bin", "python" + version))
    return sorted(found)[-1]


def read_as_source(python, name, folder):
    """How `python` runs a file declared with `name` whose body is ASCII:
    'ok', 'problem' ("encoding problem: NAME") or 'other'."""
    path = os.path.join(folder, "probe.py")
    with open(path, "wb") as f:
        f.write(b"# coding: " + name.encode() + b"\nprint(1)\n")
    r = subprocess.run([python, "-I", path], capture_output=True, text=True)
    if r.returncode == 0 and r.stdout == "1\n":
        return "ok"
    if r.stderr.rstrip().endswith("SyntaxError: encoding problem: " + name):
        return "problem"
    return "other"


def main():
    data = {}
    with tempfile.TemporaryDirectory() as folder:
        for v in VERSIONS:
            python = interpreter(v)
            probe = eval(subprocess.run([python, "-c", PROBE], capture_output=True, text=True, check=True).stdout)
            outcome = {}
            for codec in sorted(set(probe["resolved"].values())):
                outcome[codec] = read_as_source(python, codec, folder)
            data[v] = (probe, outcome)

    names = {}  # (normalized name, codec) -> version mask
    codecs = {}  # codec -> {"kind": ..., "table": ...}
    for i, v in enumerate(VERSIONS):
        probe, outcome = data[v]
        for norm, codec in probe["resolved"].items():
            names[norm, codec] = names.get((norm, codec), 0) | (1 << i)
        for codec, how in outcome.items():
            table = probe["tables"].get(codec)
            if codec == "utf-8":
                kind = "Utf8"
            elif table is not None:
                kind = "OneByte"
                body = b"\nprint(1)\n"
                decodes = all(table[b] is not None for b in body)
                if (how == "problem") == decodes or (how == "ok") != (decodes and all(table[b] == b for b in body)):
                    sys.exit("%s on %s: %s, not as its table reads" % (codec, v, how))
            elif how == "problem":
                kind = "Refused"
            else:
                kind = "NotDecoded"
            entry = codecs.setdefault(codec, {"kind": kind, "table": table})
            if entry["kind"] != kind or entry["table"] != table:
                sys.exit("%s reads differently on %s" % (codec, v))

    order = sorted(codecs)
    index = {c: i for i, c in enumerate(order)}
    tables, codec_rows = [], []
    for c in order:
        entry = codecs[c]
        offset = -1
        if entry["kind"] == "OneByte":
            offset = len(tables)
            tables.extend("0x%04X," % (0xFFFF if cp is None else cp) for cp in entry["table"])
        codec_rows.append('{"%s", CodecKind::%s, %d},' % (c, entry["kind"], offset))
    name_rows = ['{"%s", %d, 0x%02X},' % (n, index[c], mask) for (n, c), mask in sorted(names.items())]

    def rows(items, per_line):
        return "\n".join("    " + " ".join(items[i:i + per_line]) for i in range(0, len(items), per_line))

    out = [
        "// Generated by tools/codec_tables.py from CPython %s's codec registries." % "-".join(
            (VERSIONS[0], VERSIONS[-1])),
        "// Do not edit: run the script again.",
        '#include "model/lang/codec_tables.hpp"',
        "",
        "namespace asim::lang::codecs {",
        "",
        "const Codec kCodecs[] = {\n%s\n};" % rows(codec_rows, 2),
        "const std::size_t kCodecsSize = %d;" % len(codec_rows),
        "",
        "const CodecName kCodecNames[] = {\n%s\n};" % rows(name_rows, 3),
        "const std::size_t kCodecNamesSize = %d;" % len(name_rows),
        "",
        "const char16_t kOneByteTables[] = {\n%s\n};" % rows(tables, 10),
        "",
        "}  // namespace asim::lang::codecs",
        "",
    ]
    with open(OUTPUT, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
