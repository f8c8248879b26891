#!/usr/bin/python3
# test-keys.py: keys do what a person expects: Ctrl+Home and Ctrl+End go to
# the start and end of the document, Ctrl+Page Up/Down and Alt+1…9 switch
# tabs, Enter in a formula goes on to what follows it, and Tab goes from
# the search field to the replacement field.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, activate, caret, descendants, element_nodes, elements,
                            focused, go_to, key, screenshot, text_of, type_text, wait_for, window)

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")

TEMPLATE = ["Heading", "Place and date", "Authority formula", "Preambular clause",
            "Operative formula", "Operative paragraph 1."]


def pages(frame):
    return descendants(frame, name="DraftingPage", only_showing=False)


def focused_element(frame):
    """The element that has the keyboard, if one has."""
    for node in element_nodes(frame):
        if focused(node):
            return node
    return None


def focused_control(frame):
    """What has the keyboard in the window: (role, name)."""
    for node in descendants(frame):
        try:
            if focused(node) and node.getRoleName() != "frame":
                return (node.getRoleName(), node.name)
        except Exception:
            continue
    return None


def entry_text(accessible):
    """The text of an entry (GTK 4.8's entries give none for "to the end")."""
    try:
        text = accessible.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return None


def where(frame):
    """The element the cursor is in and the text before and after it."""
    node = focused_element(frame)
    if node is None:
        return None
    text = text_of(node) or ""
    offset, _ = caret(node)
    if offset is None:
        return None
    return (node.name, text[:offset], text[offset:])


def document_edges(tap, session, resolution, communique):
    """Ctrl+Home and Ctrl+End with two tabs open."""
    session.start(resolution)
    frame = window()
    tap.ok(frame is not None and wait_for(lambda: "resolution.wcodraft" in frame.name),
           "the resolution opens")
    session.open_in_running(communique)
    tap.ok(wait_for(lambda: len(pages(frame)) == 2 and "communique.wcodraft" in frame.name),
           "the communiqué opens in a second tab")

    # Alt+1: the first tab, the resolution's.
    key("alt+1")
    tap.ok(wait_for(lambda: "resolution.wcodraft" in frame.name),
           f"Alt+1 shows the first tab: {frame.name}")
    tap.ok(wait_for(lambda: focused_element(frame) is not None), "the cursor is in the document")

    key("ctrl+End")
    time.sleep(1.0)
    tap.ok("resolution.wcodraft" in frame.name, f"Ctrl+End does not switch tabs: {frame.name}")
    end = wait_for(lambda: (lambda w: w if w and w[1].startswith("Review and, where required")
                            and w[2] == "" else None)(where(frame)), timeout=10)
    tap.ok(end is not None,
           f"Ctrl+End puts the cursor at the end of the document's last element: {where(frame)}")
    screenshot(os.path.join(session.dir, "ctrl-end.png"))

    key("ctrl+Home")
    time.sleep(1.0)
    tap.ok("resolution.wcodraft" in frame.name, f"Ctrl+Home does not switch tabs: {frame.name}")
    start = wait_for(lambda: (lambda w: w if w and w[0] == "Heading" and w[1] in ("", "DRAFT ")
                              and w[2].startswith("RESOLUTION OF THE POLICY COMMISSION")
                              else None)(where(frame)), timeout=10)
    tap.ok(start is not None,
           f"Ctrl+Home puts the cursor at the start of the document's first element: {where(frame)}")

    # In the last tab, away from the start: Ctrl+Home stays in it.
    key("alt+2")
    tap.ok(wait_for(lambda: "communique.wcodraft" in frame.name, timeout=10),
           f"Alt+2 shows the second tab: {frame.name}")
    tap.ok(wait_for(lambda: focused_element(frame) is not None), "the cursor is in its document")
    key("Down", "Down", "Down", "End")
    tap.ok((where(frame) or ("Occasion",))[0] != "Occasion",
           f"the cursor is moved away from the start: {where(frame)}")
    key("ctrl+Home")
    time.sleep(1.0)
    tap.ok("communique.wcodraft" in frame.name, f"Ctrl+Home does not switch tabs: {frame.name}")
    start = wait_for(lambda: (lambda w: w if w and w[0] == "Occasion" and w[1] in ("", "DRAFT ")
                              and w[2].startswith("Eleventh WTO Ministerial Conference")
                              else None)(where(frame)), timeout=10)
    tap.ok(start is not None,
           f"Ctrl+Home puts the cursor at the start of its first element: {where(frame)}")

    # The tabs still switch with their own keys.
    key("ctrl+Page_Up")
    tap.ok(wait_for(lambda: "resolution.wcodraft" in frame.name, timeout=10),
           f"Ctrl+Page Up shows the tab before: {frame.name}")
    key("ctrl+Page_Down")
    tap.ok(wait_for(lambda: "communique.wcodraft" in frame.name, timeout=10),
           f"Ctrl+Page Down the next: {frame.name}")
    key("alt+1")
    tap.ok(wait_for(lambda: "resolution.wcodraft" in frame.name, timeout=10),
           f"Alt+1 the first: {frame.name}")
    return frame


def enter_in_formula(tap, frame):
    """Enter in "RESOLVES" goes on to the first operative paragraph."""
    activate(frame, "win.new-resolution")
    tap.ok(wait_for(lambda: "Untitled Document" in frame.name), "a new resolution opens")
    tap.ok(wait_for(lambda: [n for n, _ in elements(frame)] == TEMPLATE),
           f"with its formulas: {[n for n, _ in elements(frame)]}")
    tap.ok(wait_for(lambda: focused_element(frame) is not None), "the cursor is in it")

    go_to(frame, "Operative formula", end=False)
    key("Home")
    key("Right")
    key("Right")
    tap.ok(where(frame) is not None and where(frame)[:2] == ("Operative formula", "RE"),
           f"the cursor is inside the leading phrase: {where(frame)}")
    key("Return")
    tap.ok(wait_for(lambda: (where(frame) or ("",))[0] == "Operative paragraph 1.", timeout=10),
           f"Enter there goes on to the first operative paragraph: {where(frame)}")
    names = [n for n, _ in elements(frame)]
    tap.ok(names == TEMPLATE, f"and the document still has one formula, one paragraph: {names}")

    type_text("Decides to act;")
    tap.ok(wait_for(lambda: ("Operative paragraph 1.", "Decides to act;") in elements(frame)),
           f"what is typed next goes in that paragraph: {elements(frame)}")

    # At the end of the formula's text too.
    go_to(frame, "Operative formula")
    key("Return")
    tap.ok(wait_for(lambda: (where(frame) or ("",))[0] == "Operative paragraph 1.", timeout=10)
           and where(frame)[1] == "",
           f"Enter at the end of the formula goes to the start of that paragraph: {where(frame)}")
    names = [n for n, _ in elements(frame)]
    tap.ok(names == TEMPLATE, f"without making another: {names}")
    texts = [t for n, t in elements(frame) if n == "Operative formula"]
    tap.ok(texts == ["RESOLVES:"], f"and the formula is untouched: {texts}")


def find_and_replace(tap, frame):
    """Tab from the search field goes to the replacement field."""
    activate(frame, "document.find-replace")
    tap.ok(wait_for(lambda: focused_control(frame) == ("entry", "Find")),
           f"Find and Replace puts the cursor in the search field: {focused_control(frame)}")
    type_text("COMMISSION")

    key("Tab")
    tap.ok(wait_for(lambda: focused_control(frame) == ("text", "Replace With"), timeout=5),
           f"Tab goes from the search field to the replacement field: {focused_control(frame)}")
    type_text("a b")
    replace = [n for n in descendants(frame, name="Replace With") if n.getRoleName() == "text"]
    tap.ok(any(entry_text(n) == "a b" for n in replace),
           f"what is typed there is kept: {[entry_text(n) for n in replace]}")

    key("Tab")
    control = focused_control(frame)
    tap.ok(control is not None and control[0] in ("push button", "toggle button"),
           f"Tab again goes to the buttons: {control}")
    key("shift+Tab")
    tap.ok(wait_for(lambda: focused_control(frame) == ("text", "Replace With"), timeout=5),
           f"Shift+Tab back to the replacement field: {focused_control(frame)}")
    key("shift+Tab")
    tap.ok(wait_for(lambda: focused_control(frame) == ("entry", "Find"), timeout=5),
           f"and to the search field: {focused_control(frame)}")

    buttons = [n for n in descendants(frame, role="push button", name="Replace All")]
    tap.ok(len(buttons) > 0, "the bar has Replace All")
    if buttons:
        buttons[0].queryAction().doAction(0)

    def replaced():
        texts = dict(elements(frame))
        heading = texts.get("Heading", "")
        authority = texts.get("Authority formula", "")
        if heading.endswith("POLICY a b") and authority == "THE POLICY a b":
            return (heading, authority)
        return None
    tap.ok(wait_for(replaced, timeout=10),
           f"Replace All puts what was typed in place of every match: {elements(frame)[:3]}")


def main():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the window's tests need a display (run them under xvfb-run)")
        return
    tap = Tap()
    session = Session()
    resolution = os.path.join(session.dir, "resolution.wcodraft")
    communique = os.path.join(session.dir, "communique.wcodraft")
    shutil.copy(os.path.join(EXAMPLES, "ecommerce-resolution.wcodraft"), resolution)
    shutil.copy(os.path.join(EXAMPLES, "ecommerce-communique.wcodraft"), communique)

    try:
        frame = document_edges(tap, session, resolution, communique)
        enter_in_formula(tap, frame)
        screenshot(os.path.join(session.dir, "formula.png"))
        find_and_replace(tap, frame)
        screenshot(os.path.join(session.dir, "replaced.png"))
    except Exception as error:
        tap.ok(False, f"the session went through without an error: {error!r}")
    finally:
        session.stop()
        print(f"# screenshots and files in {session.dir}")

    tap.done()


if __name__ == "__main__":
    main()
