#!/usr/bin/env python3
"""Generate single_include/pagination/pagination.hpp from include/pagination/.

Usage:
    python3 tools/amalgamate.py           # (re)write the single header
    python3 tools/amalgamate.py --check   # exit 1 if the single header on disk is stale

Rules (standard library only; the output is deterministic: no timestamps, no absolute paths):
  * Starts at include/pagination/pagination.hpp.
  * Every `#include <pagination/...>` or `#include "pagination/..."` line is replaced by the
    marker comment `// #include <pagination/...>` followed by that file's content, processed
    recursively. Each file is inlined once: later includes of it become just the marker.
  * Every other include (standard headers etc.) is left as it is. Nothing else is stripped.
  * Include guards / `#pragma once`: the headers use include guards, which are kept verbatim
    (they are harmless in the single file and keep it safe to mix with include/ headers of the
    same version). No extra `#pragma once` is added; a `#pragma once` in an inlined header
    is kept as is and then applies to the whole single header, which is also correct.
  * An include of a pagination header inside a conditional block (`#if ...` other than the
    file's include guard) is inlined there but NOT recorded as done, so a later unconditional
    include of the same file inlines it again; the header's include guard makes the repetition
    harmless. Without this, a file first seen under a false condition would be lost.
  * Paths are resolved relative to the repository root (the parent of tools/), not the cwd.
"""

import argparse
import difflib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE_DIR = os.path.join(ROOT, "include")
ENTRY = "pagination/pagination.hpp"
OUTPUT_REL = "single_include/pagination/pagination.hpp"
OUTPUT = os.path.join(ROOT, *OUTPUT_REL.split("/"))

HEADER = """\
// pagination: single-header version of include/pagination/pagination.hpp.
//
// GENERATED FILE: DO NOT EDIT. It is written by tools/amalgamate.py from the headers in
// include/pagination/; edit those and run `python3 tools/amalgamate.py` to regenerate.

"""

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*(?:<(pagination/[^>]+)>|"(pagination/[^"]+)")')
DIRECTIVE_RE = re.compile(r"^\s*#\s*(\w+)\s*(\S*)")


class AmalgamateError(Exception):
    pass


def read_text(rel):
    path = os.path.join(INCLUDE_DIR, *rel.split("/"))
    if not os.path.isfile(path):
        raise AmalgamateError("included file not found: include/" + rel)
    with open(path, "r", encoding="utf-8", newline="") as f:
        text = f.read()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def guard_line_index(lines):
    """Index of the `#ifndef X` line that is the file's include guard, or None."""
    directives = []
    for i, line in enumerate(lines):
        m = DIRECTIVE_RE.match(line)
        if m:
            directives.append((i, m.group(1), m.group(2)))
            if len(directives) == 2:
                break
    if (len(directives) == 2 and directives[0][1] == "ifndef" and directives[1][1] == "define"
            and directives[0][2] and directives[0][2] == directives[1][2]):
        return directives[0][0]
    return None


class Amalgamator:
    def __init__(self):
        self.done = set()   # files inlined unconditionally
        self.stack = []     # files being inlined (cycle guard)

    def process(self, rel, conditional):
        lines = read_text(rel).split("\n")[:-1]
        guard = guard_line_index(lines)
        cond_stack = []     # one bool per open #if: True = a real condition, False = the guard
        out = []
        for i, line in enumerate(lines):
            d = DIRECTIVE_RE.match(line)
            if d:
                kind = d.group(1)
                if kind in ("if", "ifdef", "ifndef"):
                    cond_stack.append(i != guard)
                elif kind == "endif" and cond_stack:
                    cond_stack.pop()
            m = INCLUDE_RE.match(line)
            if not m:
                out.append(line + "\n")
                continue
            target = os.path.normpath(m.group(1) or m.group(2)).replace(os.sep, "/")
            if not target.startswith("pagination/"):
                raise AmalgamateError("include escapes include/pagination/: %s (in include/%s)"
                                      % (line.strip(), rel))
            out.append("// #include <%s>\n" % target)
            if target in self.done or target in self.stack:
                continue
            inner_conditional = conditional or any(cond_stack)
            if not inner_conditional:
                self.done.add(target)
            self.stack.append(target)
            out.append(self.process(target, inner_conditional))
            self.stack.pop()
        return "".join(out)

    def run(self):
        self.done.add(ENTRY)
        self.stack.append(ENTRY)
        body = self.process(ENTRY, False)
        self.stack.pop()
        return HEADER + body


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if %s is not up to date" % OUTPUT_REL)
    args = parser.parse_args(argv)

    try:
        text = Amalgamator().run()
    except AmalgamateError as e:
        print("amalgamate.py: error: %s" % e, file=sys.stderr)
        return 2

    if args.check:
        try:
            with open(OUTPUT, "r", encoding="utf-8", newline="") as f:
                current = f.read()
        except FileNotFoundError:
            print("amalgamate.py: %s does not exist; run: python3 tools/amalgamate.py"
                  % OUTPUT_REL, file=sys.stderr)
            return 1
        if current == text:
            print("amalgamate.py: %s is up to date" % OUTPUT_REL)
            return 0
        print("amalgamate.py: %s is out of date; run: python3 tools/amalgamate.py"
              % OUTPUT_REL, file=sys.stderr)
        diff = list(difflib.unified_diff(current.splitlines(True), text.splitlines(True),
                                         "a/" + OUTPUT_REL, "b/" + OUTPUT_REL, n=2))
        sys.stderr.write("".join(diff[:60]))
        if len(diff) > 60:
            sys.stderr.write("... (%d more diff lines)\n" % (len(diff) - 60))
        return 1

    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("amalgamate.py: wrote %s" % OUTPUT_REL)
    return 0


if __name__ == "__main__":
    sys.exit(main())
