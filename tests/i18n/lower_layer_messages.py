#!/usr/bin/env python3
"""Fails if an error message of storage/ or crypto/ that a person can meet has no
translation route (issue 14).

storage/ and crypto/ know nothing of languages; the faces show their errors
through core::user_message(), whose table (FV_N_ msgids in
app/core/src/user_message.cpp) holds their English messages with {1}, {2} for
the parts filled in. This script finds every message those layers build:

- Error(ErrorKind::K, ...) and RollbackError(...) with text in them;
- the helpers that add a prefix: reject("...") in crypto/src/recovery_key.cpp
  ("invalid recovery key: ...") and crypto/src/identity.cpp ("invalid identity
  card: ..."), io_error("...", errno) in storage ("...: <the system's words>");

turns each into a pattern (its literal parts, {} where an expression goes) and
requires it to match a msgid of the table, or to be listed below as INTERNAL
(a misuse by the program itself, never the person's doing). Refusals of a
sealed bundle (BundleError) are translated by their code and are not listed.

Usage: lower_layer_messages.py SOURCE_DIR
       lower_layer_messages.py --self-test
"""
import pathlib
import re
import sys

# Messages a person never meets: programming errors and impossible states.
INTERNAL = {
    "random id length must be between 1 and 1024 bytes",
    "a pipeline stage needs at least one buffer",
    "push after finish",
    "bundle writer: {}",
    "a MAC key must be 32 bytes",
    "encryption key must be 32 bytes",
    "encryption produced an unexpected length",
    "sealed data is too short",
    "secretstream: output too small",
    "ChaCha20-Poly1305 encryption failed",
    "payload key must be 32 bytes",
    "a bundle chunk holds at most 64 KiB",
    "a bundle payload is never empty",
    "the recipient's encryption key is missing",
    "bundle reader: read() needs next_item() and a non-empty buffer",
    "an attachment key must be 32 bytes",
    "ChaCha20-Poly1305 could not be initialised",
    "the attachment file is already complete",
    "wrong chunk size for an attachment file",
    "buffer too small for an attachment chunk",
    "SHA-256 could not be initialised",
    "SHA-256 used after finish() or after being moved from",
    "SHA-256 update failed",
    "SHA-256 finalisation failed",
    "hex text has an odd number of digits",
    "hex text contains a character that is not a hex digit",
    "base64 text has a length that is not a multiple of 4",
    "base64 text is malformed (bad character, padding or trailing data)",
    "base64 text is not in canonical form",
    "key generation failed",
    "the sender's signing key is missing",
    "item {} is longer than the size in its manifest",
    "item {} is shorter than the size in its manifest",
    "item {} does not match the SHA-256 in its manifest",
    "a recovery key must be 32 bytes",
    "libsodium could not be initialised",
    "value too large for the database",
    "no database handle",
    "this database has no folder for attachment files",
    "unknown schema version {}",
    "simulated crash at key header step {}",
    "simulated crash: no further writes",
    "identity secret keys have the wrong size",
    "Argon2id parameters out of bounds",
    "{}",  # a message made elsewhere, passed on (SQLite's, or one already listed)
}

PREFIX_HELPERS = {
    # file (relative, or "*" for any under the layer): helper -> how its message is made
    "crypto/src/recovery_key.cpp": {"reject": "invalid recovery key: {}"},
    "crypto/src/identity.cpp": {"reject": "invalid identity card: {}"},
    "*": {"io_error": "{}: {}"},
}


def find_close(s, i):
    depth, j = 0, i
    while j < len(s):
        c = s[j]
        if c in "\"'":
            j += 1
            while s[j] != c:
                j += 2 if s[j] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced")


def split_top(expr, sep):
    parts, depth, cur, j = [], 0, "", 0
    while j < len(expr):
        c = expr[j]
        if c in "\"'":
            k = j + 1
            while expr[k] != c:
                k += 2 if expr[k] == "\\" else 1
            cur += expr[j:k + 1]
            j = k + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if depth == 0 and expr.startswith(sep, j):
            parts.append(cur)
            cur, j = "", j + len(sep)
            continue
        cur += c
        j += 1
    parts.append(cur)
    return parts


LITERALS = re.compile(r'^\s*(?:std::string(?:_view)?\(\s*)?((?:"(?:\\.|[^"\\])*"\s*)+)\)?\s*$', re.S)


def pattern_of(expr):
    """The message an expression builds: literals as they are, {} for the rest."""
    out = ""
    for term in split_top(expr.strip(), "+"):
        m = LITERALS.match(term)
        if m:
            out += "".join(re.findall(r'"((?:\\.|[^"\\])*)"', m.group(1)))
        else:
            out += "{}"
    out = re.sub(r"(\{\})+", "{}", out)
    return out.replace('\\"', '"')


def messages(text, rel):
    """(line, pattern) of every message built in a source file."""
    found = []
    helpers = dict(PREFIX_HELPERS.get("*", {}))
    helpers.update(PREFIX_HELPERS.get(rel, {}))
    calls = [(r"\bError\(\s*(?:fv::)?ErrorKind::\w+\s*,", 1, "{}"), (r"\bRollbackError\(", 0, "{}")]
    calls += [(r"(?<![\w:.])%s\(" % name, 0, made) for name, made in helpers.items()]
    for regex, index, made in calls:
        for m in re.finditer(regex, text):
            if re.match(r"\s*(const\s|std::string_view\s|\[\[)", text[m.end():]) or "void " in text[text.rfind("\n", 0, m.start()):m.start()]:
                continue  # the helper's own definition
            open_at = text.index("(", m.start())
            args = split_top(text[open_at + 1:find_close(text, open_at)], ",")
            if index >= len(args):
                continue
            pattern = pattern_of(args[index])
            if made != "{}":
                pattern = made.replace("{}", pattern, 1) if made.count("{}") == 1 else pattern + ": {}"
            found.append((text.count("\n", 0, m.start()) + 1, pattern))
    return found


def normalised(msgid):
    return re.sub(r"\{\d\}", "{}", msgid)


def table_msgids(root):
    text = (root / "app/core/src/user_message.cpp").read_text(encoding="utf-8")
    ids = []
    for m in re.finditer(r'FV_N_\(\s*((?:"(?:\\.|[^"\\])*"\s*)+)\)', text):
        ids.append("".join(re.findall(r'"((?:\\.|[^"\\])*)"', m.group(1))).replace('\\"', '"'))
    return ids


def covered(pattern, msgids):
    if pattern in INTERNAL:
        return True
    # A {} may stand for a whole message the table knows (io_error's "what"), or
    # a detail the table leaves to the lower layer (the system's words).
    regex = "^" + ".+".join(re.escape(p) for p in pattern.split("{}")) + "$"
    for msgid in msgids:
        plain = normalised(msgid)
        if plain == pattern or re.match(regex, plain.replace("{}", "X")):
            return True
        # ... and a {1} of the table may stand for the lower layer's words (as at run time).
        table = "^" + ".+".join(re.escape(p) for p in plain.split("{}")) + "$"
        if "{}" in plain and re.match(table, pattern.replace("{}", "X")):
            return True
    return False


def check(root):
    msgids = table_msgids(root)
    missing = []
    for path in sorted(list(root.glob("storage/src/*.cpp")) + list(root.glob("crypto/src/*.cpp"))):
        rel = path.relative_to(root).as_posix()
        for line, pattern in messages(path.read_text(encoding="utf-8", errors="replace"), rel):
            if not re.search("[A-Za-z]", pattern.replace("{}", "")):
                continue
            if not covered(pattern, msgids):
                missing.append(f"{rel}:{line}: \"{pattern}\"")
    return missing


SELF_TEST_TABLE = '''
    FV_N_("wrong passphrase"),
    FV_N_("no report with id {1}"),
    FV_N_("cannot store the attachment: {1}"),
    FV_N_("invalid recovery key: wrong length"),
'''
SELF_TEST_SOURCE = '''
if (bad) throw Error(ErrorKind::Unlock, "wrong passphrase");
if (!r) throw Error(ErrorKind::NotFound, "no report with id " + std::to_string(id));
if (fd < 0) io_error("cannot store the attachment", errno);
if (x) throw Error(ErrorKind::Integrity, "a brand new damage nobody translated");          // missing
if (y) throw Error(ErrorKind::Invalid, "push after finish");
if (z) throw Error(ErrorKind::Io, message);
[[noreturn]] void io_error(std::string_view what, int err) { throw Error(ErrorKind::Io, std::string(what)); }
if (w) io_error("cannot frobnicate the vault", errno);                                     // missing
'''


def self_test():
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "app/core/src").mkdir(parents=True)
        (root / "storage/src").mkdir(parents=True)
        (root / "crypto/src").mkdir(parents=True)
        (root / "app/core/src/user_message.cpp").write_text(SELF_TEST_TABLE)
        (root / "storage/src/a.cpp").write_text(SELF_TEST_SOURCE)
        (root / "crypto/src/recovery_key.cpp").write_text(
            'reject("wrong length");\nreject("a typo nobody translated");  // missing\n')
        found = sorted(check(root))
        expected = sorted(
            [f"storage/src/a.cpp:{n}" for n, l in enumerate(SELF_TEST_SOURCE.splitlines(), 1) if "// missing" in l] +
            ["crypto/src/recovery_key.cpp:2"])
        got = sorted(f.rsplit(":", 1)[0] if f.count(":") > 1 else f for f in (x.split(': "')[0] for x in found))
        if got != expected:
            print("self-test failed\n found:   ", found, "\n expected:", expected)
            return 1
    print("self-test passed")
    return 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    missing = check(pathlib.Path(sys.argv[1]).resolve())
    for m in missing:
        print(m)
    if missing:
        print(f"\n{len(missing)} messages of storage/ or crypto/ have no translation: add each to the table in "
              "app/core/src/user_message.cpp (as a FV_N_ msgid, {1} for a filled-in part) with its zh_CN and zh_TW "
              "translations, or to INTERNAL in this script if a person can never meet it.")
        return 1
    print("Every message of storage/ and crypto/ a person can meet has a translation route.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
