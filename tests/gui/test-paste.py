#!/usr/bin/python3
# test-paste.py: text copied from a PDF and pasted with Ctrl+V becomes
# elements of the right kinds where the cursor is, one change to undo; a
# line pasted within a paragraph stays text.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import faulthandler
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clipboard import Clipboard
from drafting_atspi import (Session, Tap, elements, go_to, key, screenshot, wait_for, window,
                            element_nodes, focused, caret, text_of)

# A small resolution, so that the arrow keys reach its paragraphs soon.
SMALL_RESOLUTION = """RESOLUTION OF THE POLICY COMMISSION ON DISASTER RELIEF

(Brussels, December 2026)

THE POLICY COMMISSION,

NOTING that natural disasters are increasing,

RESOLVES:

1. Endorses the guidelines for disaster relief;

2. Thanks the Members for their support.
"""

# As a PDF viewer copies two operative paragraphs: lines broken where the
# page broke them, the numbers and letters typed.
FROM_PDF = ("2. Invites Members to share their\n"
            "experience of disaster relief;\n"
            "\n"
            "3. Requests the Secretariat to:\n"
            "(a) keep a list of contacts;\n"
            "(b) report to the Policy Commission.\n")


def where(frame):
    for node in element_nodes(frame):
        if focused(node):
            offset, count = caret(node)
            text = text_of(node) or ""
            return (node.name, text[:offset] if offset is not None else None,
                    text[offset:] if offset is not None else None)
    return None


def names(frame):
    return [name for name, _ in elements(frame)]


def main():
    faulthandler.dump_traceback_later(540, exit=True)
    tap = Tap()
    session = Session()
    resolution = os.path.join(session.dir, "resolution.txt")
    with open(resolution, "w", encoding="utf-8") as f:
        f.write(SMALL_RESOLUTION)

    try:
        session.start(resolution)
        frame = window()
        tap.ok(frame is not None and wait_for(lambda: "resolution" in frame.name),
               "the resolution opens")
        tap.ok(wait_for(lambda: where(frame) is not None), "the cursor is in the document")

        node = go_to(frame, "Operative paragraph 1.")
        first_text = text_of(node)
        before = elements(frame)
        tap.ok(where(frame)[2] == "", f"the cursor is at the end of the first paragraph: {where(frame)}")

        # Several paragraphs: elements.
        with Clipboard(FROM_PDF):
            key("ctrl+v")
            pasted = wait_for(lambda: ("Sub-paragraph (b)", "report to the Policy Commission.")
                              in elements(frame), timeout=15)
        after = elements(frame)
        screenshot(os.path.join(session.dir, "pasted.png"))
        tap.ok(pasted, f"the pasted text becomes elements: {after[:14]}")
        start = names(frame).index("Operative paragraph 1.")
        tap.ok(after[start:start + 5] == [
            ("Operative paragraph 1.", first_text),
            ("Operative paragraph 2.",
             "Invites Members to share their experience of disaster relief;"),
            ("Operative paragraph 3.", "Requests the Secretariat to:"),
            ("Sub-paragraph (a)", "keep a list of contacts;"),
            ("Sub-paragraph (b)", "report to the Policy Commission."),
        ], f"two operative paragraphs, the second with two sub-paragraphs, lines joined and "
           f"typed numbers gone: {after[start:start + 5]}")
        tap.ok(after[start + 5] == ("Operative paragraph 4.", before[start + 1][1]),
               f"the paragraph that came next follows them, numbered on: {after[start + 5]}")
        tap.ok(where(frame) == ("Sub-paragraph (b)", "report to the Policy Commission.", ""),
               f"the cursor is at the end of what was pasted: {where(frame)}")

        # One change to undo.
        key("ctrl+z")
        tap.ok(wait_for(lambda: elements(frame) == before, timeout=10),
               f"one Ctrl+Z takes the whole paste back: {elements(frame)[start:start + 3]}")
        key("ctrl+shift+z")
        tap.ok(wait_for(lambda: elements(frame) == after, timeout=10),
               "and Ctrl+Shift+Z puts it back")
        key("ctrl+z")
        tap.ok(wait_for(lambda: elements(frame) == before, timeout=10), "undone again")

        # A line within a paragraph: text where the cursor is.
        go_to(frame, "Operative paragraph 1.", end=False)
        key("Home")
        with Clipboard("As a matter of priority, "):
            key("ctrl+v")
            inline = wait_for(lambda: (lambda n: n and n[0][1].startswith("As a matter of priority, "))(
                [e for e in elements(frame) if e[0] == "Operative paragraph 1."]), timeout=10)
        tap.ok(inline, "a line pasted within a paragraph is text in it: "
               f"{[e for e in elements(frame) if e[0] == 'Operative paragraph 1.']}")
        tap.ok(len(elements(frame)) == len(before), "and makes no element")
        tap.ok(where(frame) is not None and where(frame)[1].endswith("As a matter of priority, "),
               f"the cursor after it: {where(frame)}")
        key("ctrl+z")
        tap.ok(wait_for(lambda: elements(frame) == before, timeout=10),
               "Ctrl+Z takes the line back, and only it")
    finally:
        session.stop()

    tap.done()


if __name__ == "__main__":
    main()
