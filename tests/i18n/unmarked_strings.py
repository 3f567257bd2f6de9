#!/usr/bin/env python3
"""Fails if a string a person sees in the faces is not marked for translation.

Scans app/gui/src/**/*.cpp and app/cli/src/*.cpp (issue 14) for a string
literal given *directly* (not inside tr(...), trn(...), tr_args(...),
trn_args(...) or FV_N_(...), or any other call) as a text argument of:

- the ImGui calls that draw text: Text, TextWrapped, TextDisabled, TextColored,
  BulletText, LabelText, SetTooltip, TextUnformatted, Button, SmallButton,
  Checkbox, RadioButton, Selectable, MenuItem, BeginMenu, CollapsingHeader,
  TreeNode, BeginTabItem, TableSetupColumn, BeginPopupModal, OpenPopup,
  BeginCombo (label and preview), InputText/InputTextWithHint (label, hint),
  ProgressBar (overlay), Begin (window title);
- the faces' own helpers that draw text: draw_heading, draw_notice,
  draw_error, draw_warning, draw_labelled, field_label, section,
  draw_job_progress (its cancel label), worker().submit (the busy label);
- `<<` into std::cout / std::cerr (app/cli/src; also a stream named out or err);
- an assignment to a message member (error_, notice_, message_, *_error_, ...);
- in app/core/src/*.cpp (issue 14: core's own messages reach the person as
  they are, so core marks them where it throws; see
  app/core/include/fieldvault/core/user_message.h): the message of an
  fv::Error thrown or built there (Error(kind, "..."), RollbackError("...")),
  and of core's helpers that throw one (invalid, fail, cannot: CORE_HELPERS).
  Internal invariants never shown to a person take the waiver.

Not flagged: ImGui IDs ("##x", and "###x" with nothing visible before it),
literals with no letters once format markers (%s, %zu, %.1f, {1}, {n}),
escapes and the product's names are removed ("%d%%", ": ", "\\n",
"fieldvault-cli: "), and any line with the waiver
comment `// i18n: not text`. Machine-readable output files (json_*.cpp) are
skipped.

Usage: unmarked_strings.py SOURCE_DIR [--summary]
       unmarked_strings.py --self-test
Prints one line per unmarked string (file:line: function: "text") and a count
per file; exits 1 if any were found.
"""
import pathlib
import re
import sys

IMGUI_TEXT_ARGS = {
    # function: indices of the arguments that are shown (None = all of them)
    "Text": None, "TextWrapped": None, "TextDisabled": None, "BulletText": None, "LabelText": None,
    "SetTooltip": None, "TreeNode": None, "TextColored": "from1",
    "TextUnformatted": {0}, "Button": {0}, "SmallButton": {0}, "Checkbox": {0}, "RadioButton": {0},
    "Selectable": {0}, "MenuItem": {0}, "BeginMenu": {0}, "CollapsingHeader": {0}, "BeginTabItem": {0},
    "TableSetupColumn": {0}, "BeginPopupModal": {0}, "OpenPopup": {0}, "Begin": {0},
    "BeginCombo": {0, 1}, "InputText": {0}, "InputTextWithHint": {0, 1}, "InputTextMultiline": {0},
    "ProgressBar": {2},
}
HELPER_TEXT_ARGS = {
    "draw_heading": {0}, "draw_notice": {0}, "draw_error": {0}, "draw_warning": {0}, "draw_labelled": {0},
    "field_label": {0}, "section": {0}, "draw_job_progress": {3}, "submit": {0},
}
# app/core/src: the calls that make an fv::Error a person may see, and the
# arguments that hold its message.
CORE_ERRORS = {"Error": {1}, "RollbackError": {0}, "BundleError": {1}}
CORE_HELPERS = {"invalid": {0}, "fail": {1}, "cannot": {0}}
WAIVER = "i18n: not text"
MESSAGE_MEMBER = re.compile(r"(^|_)(error|notice|message|warning|status_text)_$")
STREAMS = {"std::cout", "std::cerr", "out", "err"}

TOKEN = re.compile(
    r'(?P<raw>(?:u8|u|U|L)?R"(?P<delim>[^(\s]*)\((?P<rawbody>.*?)\)(?P=delim)")'
    r'|(?P<str>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*")'
    r"|(?P<chr>'(?:\\.|[^'\\\n])+')"
    r'|(?P<comment>//[^\n]*|/\*.*?\*/)'
    r'|(?P<id>[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*)'
    r'|(?P<op><<|::|->|[(),;?:{}\[\]=+])'
    r'|(?P<ws>\s+)'
    r'|(?P<other>.)',
    re.S)

FORMAT = re.compile(r'%[-+ #0]*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGcsp%]'
                    r'|%<PRI\w+>|\{\d+\}|\{n\}')
# Product names stay as they are in every language (po/README.md).
PRODUCT = re.compile(r"\b(fieldvault-cli|fieldvault-screens|fieldvault|Fieldvault)\b")
ESCAPE = re.compile(r'\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)')


def tokens(text):
    line = 1
    for m in TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup not in ("delim", "rawbody") else "raw"
        for name in ("raw", "str", "chr", "comment", "id", "op", "ws", "other"):
            if m.group(name) is not None:
                kind = name
                break
        yield kind, m.group(0), line
        line += m.group(0).count("\n")


def literal_text(token):
    if token.startswith(("R", "u8R", "uR", "UR", "LR")):
        return token[token.index("(") + 1: token.rindex(")")]
    return token[token.index('"') + 1:-1]


def visible(text):
    """The part a person would read, or '' when there is none."""
    if text.startswith("##"):
        return ""
    if "###" in text:
        text = text.split("###", 1)[0]
    text = PRODUCT.sub(" ", ESCAPE.sub(" ", FORMAT.sub(" ", text)))
    return text if any(ch.isalpha() for ch in text) else ""


def split_args(toks, start):
    """toks[start] is '('; returns (list of args as token lists, index after ')')."""
    depth, args, current, i = 0, [], [], start
    while i < len(toks):
        kind, value, line = toks[i]
        if kind == "op" and value in "([{":
            depth += 1
            if depth > 1:
                current.append(toks[i])
        elif kind == "op" and value in ")]}":
            depth -= 1
            if depth == 0:
                args.append(current)
                return args, i + 1
            current.append(toks[i])
        elif kind == "op" and value == "," and depth == 1:
            args.append(current)
            current = []
        else:
            current.append(toks[i])
        i += 1
    args.append(current)
    return args, i


def direct_literals(arg):
    """String literals of an argument that sit outside every call or bracket."""
    depth, found = 0, []
    for kind, value, line in arg:
        if kind == "op" and value in "([{":
            depth += 1
        elif kind == "op" and value in ")]}":
            depth -= 1
        elif kind in ("str", "raw") and depth == 0:
            found.append((value, line))
    return found


def scan(path, rel, waived_lines, report):
    text = path.read_text(encoding="utf-8", errors="replace")
    toks = [t for t in tokens(text) if t[0] not in ("ws", "comment")]
    is_cli = rel.startswith("app/cli/")
    is_core = rel.startswith("app/core/")

    def flag(function, literals):
        for value, line in literals:
            shown = visible(literal_text(value))
            if shown and line not in waived_lines:
                report.append((rel, line, function, literal_text(value)))

    i = 0
    while i < len(toks):
        kind, value, line = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ("", "", 0)
        name = value.split("::")[-1] if kind == "id" else ""
        if is_core:
            which = CORE_ERRORS.get(name) if kind == "id" else None
            if which is None and kind == "id" and value in CORE_HELPERS:
                which = CORE_HELPERS[value]
            prev = toks[i - 1][1] if i > 0 else ""
            if which is not None and nxt[1] == "(" and prev not in (".", "->"):
                args, _ = split_args(toks, i + 1)
                for index, arg in enumerate(args):
                    if index in which:
                        flag(value, direct_literals(arg))
            i += 1
            continue
        if kind == "id" and nxt[1] == "(" and (
                (value.startswith("ImGui::") and name in IMGUI_TEXT_ARGS) or
                (name in HELPER_TEXT_ARGS and not value.startswith("ImGui::"))):
            which = IMGUI_TEXT_ARGS.get(name) if value.startswith("ImGui::") else HELPER_TEXT_ARGS[name]
            prev = toks[i - 1][1] if i > 0 else ""
            if name == "submit" and prev not in (".", "->"):
                i += 1
                continue
            args, _ = split_args(toks, i + 1)
            for index, arg in enumerate(args):
                if which is None or (which == "from1" and index >= 1) or (isinstance(which, set) and index in which):
                    flag(value, direct_literals(arg))
            i += 2
            continue
        if kind == "id" and MESSAGE_MEMBER.search(value) and nxt[1] == "=":
            j, operand = i + 2, []
            while j < len(toks) and toks[j][1] != ";":
                operand.append(toks[j])
                j += 1
            flag(value + " =", direct_literals(operand))
            i = j
            continue
        if is_cli and kind == "id" and value in STREAMS and nxt[1] == "<<":
            # The chain up to the end of the statement: each operand at depth 0.
            j, depth, operand = i + 1, 0, []
            while j < len(toks):
                k, v, ln = toks[j]
                if depth == 0 and k == "op" and v == ";":
                    break
                if k == "op" and v in "([{":
                    depth += 1
                elif k == "op" and v in ")]}":
                    if depth == 0:
                        break
                    depth -= 1
                operand.append(toks[j])
                j += 1
            flag(value + " <<", direct_literals(operand))
            i = j
            continue
        i += 1


SELF_TEST = r'''
ImGui::Text("Seen %d times", n);                       // flagged
ImGui::Text("%d%%", n);                                // format only
ImGui::Text("%s", "Hidden in an argument");            // flagged
ImGui::TextUnformatted(core::tr("Marked"));
ImGui::Button("##id");
ImGui::Button("Visible###id");                         // flagged
ImGui::Button("###only-id");
ImGui::BeginCombo("##c", "Any");                       // flagged (preview)
ImGui::InputTextWithHint("##n", core::tr("Notes"), &s);
ImGui::InputTextWithHint("##n", "Notes", &s);          // flagged (hint)
ImGui::Selectable(ok ? "Yes" : "No");                  // 2 flagged
ImGui::Checkbox(FV_N_("Table label"), &b);
ImGui::TextUnformatted("Waived"); // i18n: not text
draw_notice("Plain notice");                           // flagged
draw_notice(core::tr_args("Has {1}", {x}));
state.worker().submit("Working", job, done);           // flagged
error_ = "Went wrong: " + why;                         // flagged
error_ = core::tr("Went wrong");
ImGui::Text(": ");
ImGui::Text("\n");
ImGui::TextUnformatted("Fieldvault");
std::string status_text_;
'''
SELF_TEST_CORE = r'''
throw Error(ErrorKind::NotFound, "no report with id " + std::to_string(id));   // flagged
throw Error(ErrorKind::NotFound, tr_args("no report with id {1}", {std::to_string(id)}));
throw fv::Error(ErrorKind::Invalid, tr("the vault is locked"));
throw RollbackError(std::string(e.what()) + " Entry #" + n, seq, at);          // flagged
throw RollbackError(tr_args("{1} Entry #{2}", {user_message(e), n}), seq, at);
if (bad) invalid("title: must not be empty");                                  // flagged
if (bad) invalid(tr("title: must not be empty"));
fail(ErrorKind::Io, "cannot flush the file", file);                           // flagged
throw Error(kind, what + ": " + file.filename().string());
throw Error(ErrorKind::Integrity, "an internal invariant"); // i18n: not text
catch (const Error& e) { log("not an error message"); }
'''
SELF_TEST_CLI = r'''
std::cout << "Done: " << n << "\n";                    // flagged
std::cerr << core::tr("Marked") << ": " << x << "\n";
out << "  " << value;
std::cout << trn_args("{n} report", "{n} reports", n) << "\n";
'''


def self_test():
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "app/gui/src").mkdir(parents=True)
        (root / "app/cli/src").mkdir(parents=True)
        (root / "app/core/src").mkdir(parents=True)
        (root / "app/core/src/c.cpp").write_text(SELF_TEST_CORE)
        (root / "app/gui/src/a.cpp").write_text(SELF_TEST)
        (root / "app/cli/src/b.cpp").write_text(SELF_TEST_CLI)
        report = []
        for rel in ("app/gui/src/a.cpp", "app/cli/src/b.cpp", "app/core/src/c.cpp"):
            lines = (root / rel).read_text().splitlines()
            scan(root / rel, rel, {n for n, l in enumerate(lines, 1) if WAIVER in l}, report)
        found = sorted((rel, line) for rel, line, _, _ in report)
        expected = []
        for rel, text in (("app/gui/src/a.cpp", SELF_TEST), ("app/cli/src/b.cpp", SELF_TEST_CLI),
                          ("app/core/src/c.cpp", SELF_TEST_CORE)):
            for n, l in enumerate(text.splitlines(), 1):
                if re.search(r"// (2 )?flagged", l):
                    expected += [(rel, n)] * (2 if "2 flagged" in l else 1)
        expected.sort()
        if found != expected:
            print("self-test failed\n found:   ", found, "\n expected:", expected)
            for r in report:
                print("  ", r)
            return 1
    print("self-test passed")
    return 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    files = (sorted(root.glob("app/gui/src/**/*.cpp")) + sorted(root.glob("app/cli/src/*.cpp")) +
             sorted(root.glob("app/core/src/*.cpp")))
    report = []
    for path in files:
        if path.name.startswith("json_"):
            continue
        rel = path.relative_to(root).as_posix()
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        waived = {n for n, l in enumerate(lines, 1) if WAIVER in l}
        scan(path, rel, waived, report)
    counts = {}
    for rel, line, function, text in report:
        counts[rel] = counts.get(rel, 0) + 1
        if "--summary" not in sys.argv:
            short = text if len(text) < 70 else text[:67] + "..."
            print(f'{rel}:{line}: {function}: "{short}"')
    if report:
        print(f"\n{len(report)} user-visible strings not marked for translation "
              "(wrap them in core::tr / tr_args / trn / trn_args, or FV_N_ in tables; "
              f"'// {WAIVER}' on the line if it really is not text):")
        for rel, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:4d}  {rel}")
        return 1
    print(f"All user-visible strings in {len(files)} files are marked for translation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
