"""The JSON-lines command screens each line and carries on after a bad one."""

import io
import json

from nlp_models.__main__ import run


def test_each_line_gives_id_published_text_decision_and_findings():
    stdin = io.StringIO(json.dumps({"id": "a", "text": "bel 0612345678"}) + "\n")
    stdout = io.StringIO()
    run(stdin, stdout)
    out = json.loads(stdout.getvalue())
    assert out["id"] == "a"
    assert out["published_text"] == "bel [telefoonnummer]"
    assert out["decision"] == "publish"
    assert out["findings"][0]["type"] == "PHONE"


def test_bad_line_gives_an_error_with_its_id_and_the_run_goes_on():
    lines = ['{"id": "x", "txt": 1}', "not json", json.dumps({"id": "y", "text": "hoi"})]
    stdout = io.StringIO()
    errors = run(io.StringIO("\n".join(lines) + "\n"), stdout)
    outs = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert errors == 2
    assert outs[0]["id"] == "x" and "error" in outs[0]
    assert "error" in outs[1]
    assert outs[2] == {"id": "y", "published_text": "hoi", "decision": "publish", "findings": []}


def test_input_is_cleaned_before_screening():
    stdout = io.StringIO()
    run(io.StringIO(json.dumps({"id": 1, "text": "k\u200but"}) + "\n"), stdout)
    assert json.loads(stdout.getvalue())["published_text"] == "***"
