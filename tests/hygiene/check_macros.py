#!/usr/bin/env python3
"""Every macro pagination defines is named PAGINATION_*, and including it leaves no other macro.

Usage:
    check_macros.py --root REPO [--header PATH]... -- CXX [FLAGS...]

1. Scans every header under REPO/include/ for #define and #undef: each name must begin with
   PAGINATION_ (the include guards are PAGINATION_..._HPP).
2. For each --header (default: the single header, and a translation unit that includes every
   header of include/): preprocesses, with CXX and FLAGS and `-dM -E`,
     * a translation unit that includes the header,
     * one that includes just the standard headers the library names (its own macros filtered),
     * an empty one (the compiler's predefined macros),
   and fails if the header leaves a macro the standard headers do not define and whose name does
   not begin with PAGINATION_, or removes or changes a predefined macro.
Exit status 0 when clean, 1 with one line per finding otherwise.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

DEFINE_RE = re.compile(r"^\s*#\s*(define|undef)\s+([A-Za-z_]\w*)", re.M)
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
MACRO_RE = re.compile(r"^#define\s+([A-Za-z_]\w*)(.*)$")
PREFIX = "PAGINATION_"


def joined_lines(text):
    """The text with backslash-newline continuations joined."""
    return text.replace("\\\n", " ")


def library_headers(root):
    include = os.path.join(root, "include")
    out = []
    for dirpath, _, files in os.walk(include):
        for name in files:
            if name.endswith((".hpp", ".h")):
                out.append(os.path.join(dirpath, name))
    return sorted(out)


def scan_definitions(root):
    findings = []
    for path in library_headers(root):
        with open(path, encoding="utf-8") as f:
            text = joined_lines(f.read())
        for m in DEFINE_RE.finditer(text):
            if not m.group(2).startswith(PREFIX):
                line = text.count("\n", 0, m.start()) + 1
                findings.append("%s:%d: #%s %s is not named %s*"
                                % (os.path.relpath(path, root), line, m.group(1), m.group(2), PREFIX))
    return findings


def standard_includes(paths):
    """The non-pagination headers that the given files include, in order of first mention."""
    seen = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for name in INCLUDE_RE.findall(f.read()):
                if not name.startswith("pagination/") and name not in seen:
                    seen.append(name)
    return seen


def macros(cxx, tu_text, workdir, name):
    """name -> definition after preprocessing tu_text with -dM -E."""
    source = os.path.join(workdir, name + ".cpp")
    with open(source, "w", encoding="utf-8") as f:
        f.write(tu_text)
    proc = subprocess.run(cxx + ["-dM", "-E", source], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    if proc.returncode != 0:
        raise RuntimeError("preprocessing %s failed:\n%s" % (name, proc.stderr))
    out = {}
    for line in proc.stdout.splitlines():
        m = MACRO_RE.match(line)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


def check_header(cxx, label, tu_text, included_files, workdir, empty):
    std = standard_includes(included_files)
    baseline = macros(cxx, "".join("#include <%s>\n" % h for h in std), workdir, "std_only")
    after = macros(cxx, tu_text, workdir, "with_header")
    findings = []
    for name in sorted(after):
        if name not in baseline and not name.startswith(PREFIX):
            findings.append("%s leaves the macro %s defined (%s)" % (label, name, after[name] or "empty"))
    for name in sorted(empty):
        if name not in after:
            findings.append("%s undefines the predefined macro %s" % (label, name))
        elif after[name] != empty[name]:
            findings.append("%s changes the predefined macro %s" % (label, name))
    ours = sorted(n for n in after if n.startswith(PREFIX) and n not in baseline)
    return findings, len(ours), len(std)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("cxx", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    cxx = [a for a in args.cxx if a != "--"]
    if not cxx:
        parser.error("no compiler given")
    root = os.path.abspath(args.root)

    findings = scan_definitions(root)
    headers = library_headers(root)
    print("check_macros: %d headers of include/ scanned for #define and #undef" % len(headers))

    single = os.path.join(root, "single_include", "pagination", "pagination.hpp")
    cases = []
    if os.path.isfile(single):
        cases.append(("the single header", '#include "%s"\n' % single, [single], []))
    everything = "".join('#include "%s"\n' % h for h in headers)
    cases.append(("include/ (every header)", everything, headers, ["-I" + os.path.join(root, "include")]))

    with tempfile.TemporaryDirectory() as workdir:
        empty = macros(cxx, "", workdir, "empty")
        for label, tu_text, files, extra in cases:
            try:
                found, ours, std = check_header(cxx + extra, label, tu_text, files, workdir, empty)
            except RuntimeError as e:
                findings.append(str(e))
                continue
            findings.extend(found)
            print("check_macros: %s defines %d PAGINATION_ macros and nothing else beyond its %d "
                  "standard headers" % (label, ours, std) if not found else
                  "check_macros: %s: %d findings" % (label, len(found)))

    for finding in findings:
        print("check_macros: FAILED: " + finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
