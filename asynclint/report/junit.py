"""JUnit XML, for CI systems that show test reports but not linters.

Each linted file with findings is a ``testsuite``; each finding a failed
``testcase`` named by its code, position and rule name, so the CI's test view
lists them one per row. A clean run is one passing case, because some
consumers treat a report without any test case as broken.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from asynclint.model import Diagnostic


def tree(diagnostics: list[Diagnostic]) -> ET.Element:
    root = ET.Element(
        "testsuites", name="asynclint", tests=str(max(len(diagnostics), 1)), failures=str(len(diagnostics))
    )
    if not diagnostics:
        suite = ET.SubElement(root, "testsuite", name="asynclint", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="asynclint")
        return root
    for path, group in groupby(diagnostics, key=lambda d: d.path):
        found = list(group)
        suite = ET.SubElement(
            root, "testsuite", name=path, tests=str(len(found)), failures=str(len(found)), errors="0", skipped="0"
        )
        for d in found:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {d.line}:{d.column}",
                classname=path,
                file=path,
                line=str(d.line),
            )
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{path}:{d.line}:{d.column}: {d.code} {d.message}"
    return root


def render(diagnostics: list[Diagnostic], out: TextIO) -> None:
    element = tree(diagnostics)
    ET.indent(element)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(element, encoding="unicode"))
    out.write("\n")
