#!/usr/bin/env python3
"""Validates the report documents of real exports against
docs/report-document.schema.json, and checks that the schema refuses documents
that are wrong (a wrong type, an extra key, an unknown code), so that a schema
that accepts anything fails this test too.

Usage: validate_report_documents.py --schema FILE --writer BINARY
The writer (tests/core/report_document_schema_test.cpp) writes the documents
into the folder named by FIELDVAULT_REPORT_DOCUMENTS_OUT."""
import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    sys.exit("python3-jsonschema is missing: run scripts/install-deps.sh")


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--writer", required=True)
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, FIELDVAULT_REPORT_DOCUMENTS_OUT=folder)
        subprocess.run([args.writer], env=env, check=True)
        documents = {}
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                documents[name] = json.loads(f.read().decode("utf-8"))

    if len(documents) < 4:
        fail("expected at least 4 report documents, got %d" % len(documents))
    for name, document in documents.items():
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print("%s: %s at %s" % (name, error.message, "/".join(map(str, error.path))))
        if errors:
            fail(name + " does not validate")
        print("ok " + name)

    # The documents are the kinds the test means them to be.
    full = next(d for n, d in documents.items() if n.startswith("full-chinese"))
    if not full["case"] or not full["attachments"] or full["redacted_fields"]:
        fail("the full document lacks its case or attachment, or was redacted")
    redacted = [d for n, d in documents.items() if n.startswith("redacted")]
    if not any(d["content"]["title"] == "[redacted]" for d in redacted) or any(d["case"] for d in redacted):
        fail("no redacted title among the redacted documents, or a case name left in")
    left_out = next(d for n, d in documents.items() if n.startswith("attachments-left-out"))
    if left_out["attachments"] or left_out["attachments_left_out"] < 1:
        fail("the document without attachments does not say one was left out")

    forwarded = next(d for n, d in documents.items() if n.startswith("forwarded"))
    if not forwarded["origin"] or not forwarded["origin"]["proofs"] or full["origin"] is not None:
        fail("the forwarded document has no origin, or a first-hand one has")

    # Wrong documents the schema must refuse.
    def refused(label, change):
        document = copy.deepcopy(full)
        change(document)
        if validator.is_valid(document):
            fail("the schema accepts a document with " + label)
        print("refused: " + label)

    refused("created_at as a string", lambda d: d.__setitem__("created_at", "1717000000"))
    refused("no origin key", lambda d: d.pop("origin"))
    refused("an origin without proofs",
            lambda d: d.__setitem__("origin", {"proofs": [], "item": "report-1", "received_at": 1}))
    refused("an extra top-level key", lambda d: d.__setitem__("signer", "someone"))
    refused("an extra key in content", lambda d: d["content"].__setitem__("notes", ""))
    refused("an extra key in an attachment", lambda d: d["attachments"][0].__setitem__("path", "/tmp/x"))
    refused("a missing key", lambda d: d.pop("revision"))
    refused("tactics as a string", lambda d: d["content"].__setitem__("tactics", "harassment"))
    refused("an unknown tactic code", lambda d: d["content"].__setitem__("tactics", ["kidnapping"]))
    refused("another schema name", lambda d: d.__setitem__("schema", "fieldvault-report-2"))
    refused("an empty title", lambda d: d["content"].__setitem__("title", "  "))
    refused("a sha256 in capitals", lambda d: d["attachments"][0].__setitem__("sha256", "AB" * 32))
    if full["attachments"][0]["caption"] != "警察留下的名片":
        fail("the full document's attachment does not carry its caption")
    refused("a caption on two lines", lambda d: d["attachments"][0].__setitem__("caption", "two\nlines"))
    refused("a caption of 501 characters", lambda d: d["attachments"][0].__setitem__("caption", "x" * 501))
    refused("an attachment without its caption", lambda d: d["attachments"][0].pop("caption"))
    print("%d documents valid; every wrong document refused" % len(documents))


if __name__ == "__main__":
    main()
