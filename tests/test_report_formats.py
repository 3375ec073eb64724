"""The machine formats: github, sarif, junit, gitlab, json-lines, and where reports go.

Each format is checked against what its consumer needs: GitHub's workflow-command
escaping, the official SARIF 2.1.0 schema (``tests/data``), JUnit's XML shape, GitLab's
code-quality keys with fingerprints that survive moved lines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import BAD, BAD_FINDINGS, CLEAN, UNAWAITED, invoke, write

from asynclint.model import Applicability, Diagnostic, Edit, Fix, Position, Span
from asynclint.report import github, gitlab, sarif
from asynclint.rules import ALL_RULES, BY_CODE, base

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def finding(message: str = "m", path: str = "tests/test_a.py", line: int = 3, source: str = "    save()") -> Diagnostic:
    return Diagnostic(
        "ASL201", "unawaited-coroutine", message, path, Span(Position(line, 5), Position(line, 11)), source_line=source
    )


# ---------------------------------------------------------------------------
# github
# ---------------------------------------------------------------------------


def test_github_annotations(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    result = invoke("--no-cache", "--output-format", "github", ".")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[1].startswith(
        "::error file=test_a.py,line=16,col=5,endLine=16,endColumn=14,title=ASL201 unawaited-coroutine::"
    )
    assert [tuple(line.split(",")[1:3]) for line in lines] == [
        (f"line={line}", f"col={col}") for _, line, col, _ in BAD_FINDINGS
    ]


def test_github_escapes_data_and_properties() -> None:
    d = finding("100% sure\r\nnext: line, here", path="tests/a:b,c%.py")
    line = github.command(d)
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=tests/a%3Ab%2Cc%25.py,")
    assert line.endswith("::100%25 sure%0D%0Anext: line, here")  # the message keeps : and ,


@pytest.mark.parametrize(
    ("env", "args", "annotated"),
    [
        ({"GITHUB_ACTIONS": "true"}, (), True),
        ({"GITHUB_ACTIONS": "true"}, ("--output-format", "text"), False),  # explicit: exactly what was asked
        ({"GITHUB_ACTIONS": "true"}, ("--output-format", "concise"), False),
        ({}, (), False),
    ],
)
def test_github_actions_adds_annotations_to_the_text_report(
    project: Path, env: dict[str, str], args: tuple[str, ...], annotated: bool
) -> None:
    write(project, {"test_a.py": BAD})
    out = invoke("--no-cache", *args, ".", env={"GITHUB_ACTIONS": None, **env}).stdout
    assert ("::error file=test_a.py,line=16,col=5" in out) is annotated
    assert "ASL201" in out.split("::error")[0]  # the report itself is kept, before the annotations


# ---------------------------------------------------------------------------
# sarif
# ---------------------------------------------------------------------------


def _validator() -> jsonschema.Draft4Validator:
    """The official schema, formats included (``uri`` needs rfc3986-validator, a test extra)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    checker = jsonschema.Draft4Validator.FORMAT_CHECKER
    assert "uri" in checker.checkers, "install the test extras: rfc3986-validator checks format uri"
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def _sarif(project: Path, *args: str) -> dict:
    result = invoke("--no-cache", "--output-format", "sarif", *args)
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(project: Path) -> None:
    source = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    time.sleep(1)\n"
    write(project, {"test_a.py": BAD, "test_b.py": source, "sub dir/test_c.py": UNAWAITED})
    document = _sarif(project, ".")
    validator = _validator()
    validator.validate(document)
    # the schema can fail: a result without its message is rejected, and so is a relative helpUri
    broken = json.loads(json.dumps(document))
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(broken)
    broken = json.loads(json.dumps(document))
    broken["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "docs/rules/ASL000.md"
    with pytest.raises(jsonschema.ValidationError, match="is not a 'uri'"):
        validator.validate(broken)
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]
    } == {"sub%20dir/test_c.py", "test_a.py", "test_b.py"}


def test_sarif_rules_results_and_fixes(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    run = _sarif(project, ".")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [rule.code for rule in ALL_RULES]
    asl201 = rules[[r["id"] for r in rules].index("ASL201")]
    assert asl201["name"] == "unawaited-coroutine"
    assert asl201["fullDescription"]["text"].startswith("Flags a call of a coroutine function")
    assert "## Why is this bad?" in asl201["help"]["markdown"]
    assert asl201["properties"]["docs"] == "docs/rules/ASL201.md"
    assert "helpUri" not in asl201  # a relative base: SARIF wants an absolute URI
    assert asl201["defaultConfiguration"]["level"] == "error"
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        (code, line) for _, line, _, code in BAD_FINDINGS
    ]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
    unawaited = results[1]
    assert unawaited["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 16,
        "startColumn": 5,
        "endLine": 16,
        "endColumn": 14,
    }
    [fix] = unawaited["fixes"]
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "test_a.py"
    assert change["replacements"] == [
        {
            "deletedRegion": {"startLine": 16, "startColumn": 5, "endLine": 16, "endColumn": 5},
            "insertedContent": {"text": "await "},
        }
    ]


def test_sarif_fixes_carry_the_imports_they_need(project: Path) -> None:
    source = "import time\n\nimport pytest\n\n\n@pytest.mark.asyncio\nasync def test_a():\n    time.sleep(1)\n"
    write(project, {"test_a.py": source})
    [result] = _sarif(project, ".")["runs"][0]["results"]
    inserted = [r["insertedContent"]["text"] for r in result["fixes"][0]["artifactChanges"][0]["replacements"]]
    assert any("import asyncio" in text for text in inserted)


def test_sarif_help_uri_once_the_docs_base_is_absolute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "DOCS_URL_BASE", "https://example.org/asynclint/docs/rules/")
    descriptor = sarif.rule_descriptor(BY_CODE["ASL201"])
    assert descriptor["helpUri"] == "https://example.org/asynclint/docs/rules/ASL201.md"
    _validator().validate(sarif.document([]))


def test_sarif_absolute_paths_are_file_uris() -> None:
    assert sarif.artifact_uri("/tmp/a b/test_x.py") == "file:///tmp/a%20b/test_x.py"
    assert sarif.artifact_uri("tests/test_x.py") == "tests/test_x.py"


def test_sarif_when_clean_has_no_results(project: Path) -> None:
    write(project, {"test_a.py": CLEAN})
    document = _sarif(project, ".")
    assert document["version"] == "2.1.0" and document["runs"][0]["results"] == []


# ---------------------------------------------------------------------------
# junit
# ---------------------------------------------------------------------------


def test_junit_one_failed_case_per_finding(project: Path) -> None:
    write(project, {"test_a.py": BAD, "test_b.py": UNAWAITED, "test_c.py": CLEAN})
    result = invoke("--no-cache", "--output-format", "junit", ".")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "4"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["test_a.py", "test_b.py"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == [
        "ASL101 unmarked-async-test at 10:11",
        "ASL201 unawaited-coroutine at 16:5",
        "ASL301 blocking-sleep at 17:5",
    ]
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "ASL201"
    assert failure.text and failure.text.startswith("test_a.py:16:5: ASL201 ")


def test_junit_when_clean_is_one_passing_case(project: Path) -> None:
    write(project, {"test_a.py": CLEAN})
    root = ET.fromstring(invoke("--no-cache", "--output-format", "junit", ".").stdout)
    [case] = root.iter("testcase")
    assert case.find("failure") is None and root.get("failures") == "0"


# ---------------------------------------------------------------------------
# gitlab
# ---------------------------------------------------------------------------


def test_gitlab_code_quality(project: Path) -> None:
    write(project, {"tests/test_a.py": BAD})
    issues = json.loads(invoke("--no-cache", "--output-format", "gitlab", "tests").stdout)
    assert [(i["check_name"].split()[0], i["location"]["lines"]["begin"]) for i in issues] == [
        (code, line) for _, line, _, code in BAD_FINDINGS
    ]
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["location"]["path"] == "tests/test_a.py"
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert len(issue["fingerprint"]) == 64
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprint_survives_moved_lines_and_reindenting(project: Path) -> None:
    write(project, {"test_a.py": UNAWAITED})
    [before] = json.loads(invoke("--no-cache", "--output-format", "gitlab").stdout)
    write(project, {"test_a.py": "import os\n\n\n" + UNAWAITED.replace("    fetch()", "    fetch( )")})
    [moved] = json.loads(invoke("--no-cache", "--output-format", "gitlab").stdout)
    assert moved["location"]["lines"]["begin"] == before["location"]["lines"]["begin"] + 3
    assert moved["fingerprint"] != before["fingerprint"]  # the source changed: a different finding
    write(project, {"test_a.py": "import os\n\n\n" + UNAWAITED})
    [moved] = json.loads(invoke("--no-cache", "--output-format", "gitlab").stdout)
    assert moved["fingerprint"] == before["fingerprint"]


def test_gitlab_identical_findings_get_distinct_fingerprints() -> None:
    twice = [finding(line=3), finding(line=9)]
    first, second = gitlab.issues(twice)
    assert first["fingerprint"] != second["fingerprint"]
    # order, not line numbers, tells them apart: moving both keeps both fingerprints
    assert [i["fingerprint"] for i in gitlab.issues([finding(line=5), finding(line=20)])] == [
        first["fingerprint"],
        second["fingerprint"],
    ]
    assert gitlab.fingerprint(finding(source="    save()")) == gitlab.fingerprint(finding(source="\tsave()  "))


# ---------------------------------------------------------------------------
# json, json-lines
# ---------------------------------------------------------------------------


def test_json_lines_is_the_json_items_one_per_line(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    items = json.loads(invoke("--no-cache", "--output-format", "json", ".").stdout)
    lines = invoke("--no-cache", "--output-format", "json-lines", ".").stdout.splitlines()
    assert [json.loads(line) for line in lines] == items
    assert all(item["schema_version"] == 2 for item in items)
    assert invoke("--no-cache", "--output-format", "json-lines", "--select", "ASL5", ".").stdout == ""


def test_json_url_points_at_a_generated_rule_page(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    repo = Path(__file__).resolve().parents[1]
    for item in json.loads(invoke("--no-cache", "--output-format", "json", ".").stdout):
        assert item["url"] == f"docs/rules/{item['code']}.md"
        assert (repo / item["url"]).is_file()


# ---------------------------------------------------------------------------
# --output-file
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "junit"])
def test_output_file_gets_the_report_and_stdout_stays_empty(project: Path, output_format: str) -> None:
    write(project, {"test_a.py": BAD})
    expected = invoke("--no-cache", "--output-format", output_format, ".").stdout
    result = invoke("--no-cache", "--output-format", output_format, "--output-file", "reports/out.txt", ".")
    assert result.exit_code == 1 and result.stdout == ""
    assert (project / "reports" / "out.txt").read_text(encoding="utf-8") == expected


def test_output_file_is_never_coloured_unless_asked(project: Path) -> None:
    write(project, {"test_a.py": BAD})
    invoke("--no-cache", "-o", "out.txt", ".", env={"FORCE_COLOR": "1"})
    assert "\x1b" not in (project / "out.txt").read_text(encoding="utf-8")
    invoke("--no-cache", "-o", "out.txt", "--color", "always", ".")
    assert "\x1b[" in (project / "out.txt").read_text(encoding="utf-8")


def test_output_file_that_cannot_be_written_is_a_usage_error(project: Path) -> None:
    write(project, {"test_a.py": BAD, "blocker": "a file, not a folder"})
    result = invoke("--no-cache", "--output-file", "blocker/out.json", ".")
    assert result.exit_code == 2 and result.stderr.startswith("asynclint: error: --output-file")


def test_github_format_in_a_real_subprocess(tmp_path: Path) -> None:
    write(tmp_path, {"test_a.py": BAD})
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["GITHUB_ACTIONS"] = "true"
    done = subprocess.run(
        [sys.executable, "-m", "asynclint", "--no-cache", "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "3 findings in 1 file" in done.stdout
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 3


def test_unsafe_fix_is_labelled_in_sarif() -> None:
    d = Diagnostic(
        "ASL401",
        "manual-event-loop",
        "m",
        "t.py",
        Span(Position(1, 1), Position(1, 2)),
        fix=Fix(Applicability.UNSAFE, "Make it async", (Edit(Span(Position(1, 1), Position(1, 1)), "x"),)),
    )
    assert sarif.result(d)["fixes"][0]["description"]["text"] == "Make it async (unsafe fix)"
