#!/usr/bin/env python3
"""Fails, naming file and line, on an #include that crosses the project's layer boundaries.

  scripts/check-layers.py              # the self-test, then the check of this tree
  scripts/check-layers.py --self-test  # the self-test alone
  scripts/check-layers.py --root DIR   # the check of another tree, no self-test

The rules (docs/architecture.md, "Layers" and "Public and private headers"):
  1. A file in src/<layer>/ or include/kiwoomd/<layer>/ includes its own layer's headers and the
     headers of the layers LAYERS allows it, nothing else. A header beside a .cpp in src/<layer>/
     is private: no other layer includes it.
  2. A public header (include/kiwoomd/) includes only other public headers.
  3. A test or benchmark (tests/, bench/) includes public headers and its own helpers, never a
     private header from src/.
  4. A public header is one another target needs: another layer, a test or a benchmark includes
     it, or another public header it needs does. One that only its own layer includes belongs
     beside its .cpp.
The self-test plants one violation of each rule in a copy of the tree and expects this script
to report it, so the check cannot pass by seeing nothing.
"""

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

# Layer -> the layers it may include, from the target links in src/*/CMakeLists.txt. A layer is
# a folder under src/ and include/kiwoomd/; kiwoom/activex is the Windows-only kiwoomd_activex,
# which links kiwoomd_kiwoom, so kiwoom itself may not include it.
LAYERS = {
    "core": [],
    "protocol": ["core"],
    "kiwoom": ["core", "protocol"],
    "kiwoom/activex": ["core", "protocol", "kiwoom"],
    "rest": ["core", "protocol", "kiwoom"],
    "http": ["core"],
    "host": ["core", "protocol", "kiwoom", "kiwoom/activex"],
    "app": ["core", "protocol", "kiwoom", "rest", "http"],
}
# Test and benchmark code: each folder's own helpers and tests/ (the tests' include root).
CLIENT_ROOTS = ("tests", "bench")
SOURCE_SUFFIXES = (".h", ".hpp", ".cpp")
INCLUDE = re.compile(r'^\s*#\s*include\s*(["<])([^">]+)[">]')


def layer_of(relative):
    """'src/kiwoom/activex/X.cpp' or 'include/kiwoomd/kiwoom/activex/X.h' -> 'kiwoom/activex'."""
    parts = Path(relative).parts
    if parts[:2] == ("include", "kiwoomd"):
        parts = parts[2:]
    elif parts[:1] == ("src",):
        parts = parts[1:]
    else:
        return None
    if len(parts) < 2:
        return None
    if len(parts) >= 3 and "/".join(parts[:2]) in LAYERS:
        return "/".join(parts[:2])
    return parts[0] if parts[0] in LAYERS else None


def source_files(root):
    for top in ("src", "include", *CLIENT_ROOTS):
        for path in sorted((root / top).rglob("*")):
            if path.is_file() and path.suffix in SOURCE_SUFFIXES:
                yield path


def includes(path):
    with path.open(encoding="utf-8") as text:
        for number, line in enumerate(text, start=1):
            match = INCLUDE.match(line)
            if match:
                yield number, match.group(2), match.group(1) == "<"


def resolve(root, path, name, search_roots):
    """The project file a quoted include names, looked for as the compiler would: beside the
    including file, then in the given roots. None when it is not a project file."""
    for base in (path.parent, *search_roots):
        candidate = (base / name).resolve()
        if candidate.is_file() and root in candidate.parents:
            return candidate
    return None


def check(root):
    root = root.resolve()
    errors = []
    # Rule 4's inputs: public header -> the other layers (or tests/, bench/) that include it, and
    # public header -> the public headers it includes.
    public_users = {}
    public_includes = {}

    def report(path, number, message):
        errors.append(f"{path.relative_to(root)}:{number}: {message}")

    for path in source_files(root):
        relative = path.relative_to(root).as_posix()
        top = relative.split("/")[0]
        user = layer_of(relative) if top in ("src", "include") else top
        if user is None:
            continue
        for number, name, angled in includes(path):
            if name.startswith("kiwoomd/"):
                target = root / "include" / name
                if not target.is_file():
                    report(path, number, f'"{name}" is not a header under include/')
                    continue
                target_layer = layer_of(f"include/{name}")
                if top == "include":
                    public_includes.setdefault(relative, []).append(f"include/{name}")
                if target_layer != user:
                    public_users.setdefault(f"include/{name}", set()).add(user)
                if top in ("src", "include") and target_layer not in [user, *LAYERS[user]]:
                    report(path, number,
                           f'"{name}": layer {user} may not include layer {target_layer} '
                           f"(allowed: {', '.join(LAYERS[user]) or 'none'})")
                continue
            if angled:
                continue  # a system or third-party header
            if top == "include":
                report(path, number, f'"{name}": a public header includes only kiwoomd/... headers')
                continue
            if top == "src":
                found = resolve(root, path, name, [root / "src" / user])
                found_layer = found and layer_of(found.relative_to(root).as_posix())
                if found is None or found_layer != user:
                    where = found.relative_to(root) if found else "nowhere in src/" + user
                    report(path, number,
                           f'"{name}" ({where}): a layer includes only its own private headers')
                continue
            found = resolve(root, path, name, [root / top])
            if found is None or top not in found.relative_to(root).parts[:1]:
                private = next((p for p in (root / "src").rglob(Path(name).name)
                                if p.as_posix().endswith(name)), None)
                where = f"the private header {private.relative_to(root)}" if private else "no file"
                report(path, number,
                       f'"{name}" is {where}: {top}/ includes public headers '
                       f"(include/kiwoomd/...) and its own helpers only")

    # Rule 4: what other targets need, and what the public headers they need include in turn.
    needed = {header for header, users in public_users.items() if users}
    pending = list(needed)
    while pending:
        for header in public_includes.get(pending.pop(), []):
            if header not in needed:
                needed.add(header)
                pending.append(header)
    for path in sorted((root / "include" / "kiwoomd").rglob("*.h")):
        relative = path.relative_to(root).as_posix()
        if relative not in needed:
            layer = layer_of(relative)
            report(path, 1,
                   f"no other target includes this header: it belongs beside its .cpp in src/{layer}/")
    return errors


def self_test(root):
    """Plants one violation of each rule in a copy of the tree; each must be reported."""
    root = root.resolve()

    def first(pattern):  # any file of a kind will do; the first keeps the test repeatable
        return sorted((root).glob(pattern))[0].relative_to(root).as_posix()

    def public(pattern):
        return first(pattern).removeprefix("include/")

    core_source = first("src/core/*.cpp")
    plants = [
        ("a lower layer includes a higher one", core_source,
         f'#include "{public("include/kiwoomd/http/*.h")}"\n', None),
        ("a public header includes a higher layer", first("include/kiwoomd/http/*.h"),
         f'#include "{public("include/kiwoomd/kiwoom/*.h")}"\n', None),
        ("kiwoom includes the ActiveX library above it", first("src/kiwoom/*.cpp"),
         f'#include "{public("include/kiwoomd/kiwoom/activex/*.h")}"\n', None),
        ("a layer includes another layer's private header", first("src/host/*.cpp"),
         f'#include "../app/{Path(first("src/app/*.h")).name}"\n', None),
        ("a test includes a private header", first("tests/core/*.cpp"),
         '#include "SelfTestPrivate.h"\n', ("src/core/SelfTestPrivate.h", "#pragma once\n")),
        ("a public header no other target includes", core_source,
         '#include "kiwoomd/core/SelfTestOrphan.h"\n',
         ("include/kiwoomd/core/SelfTestOrphan.h", "#pragma once\n")),
    ]
    failures = 0
    for what, victim, line, extra in plants:
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch)
            for top in ("src", "include", *CLIENT_ROOTS):
                shutil.copytree(root / top, copy / top,
                                ignore=shutil.ignore_patterns("node_modules", "corpus"))
            if extra:
                (copy / extra[0]).write_text(extra[1], encoding="utf-8")
            target = copy / victim
            text = target.read_text(encoding="utf-8")
            if not text.endswith("\n"):
                text += "\n"
            planted_line = text.count("\n") + 1
            target.write_text(text + line, encoding="utf-8")
            expected = (f"{extra[0]}:1:" if extra and extra[0].startswith("include/")
                        else f"{victim}:{planted_line}:")
            errors = check(copy)
            if not any(error.startswith(expected) for error in errors):
                print(f"check-layers self-test: not reported: {what} ({expected})", file=sys.stderr)
                failures += 1
    if failures:
        return 1
    print(f"check-layers self-test: all {len(plants)} planted violations reported")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, help="check this tree instead, without the self-test")
    parser.add_argument("--self-test", action="store_true", help="run the self-test alone")
    arguments = parser.parse_args()
    project = Path(__file__).resolve().parent.parent
    if arguments.self_test:
        return self_test(project)
    if arguments.root is None and self_test(project) != 0:
        return 1
    root = arguments.root or project
    errors = check(root)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"check-layers: {len(errors)} break(s) of the layer rules "
              "(docs/architecture.md, \"Public and private headers\")", file=sys.stderr)
        return 1
    print("check-layers: every include respects the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
