#!/usr/bin/python3
# test-window.py: a resolution made from the New menu, edited, saved,
# closed and opened again, as a person does it.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, activate, badly_named_controls, descendants, elements,
                            go_to, key, screenshot, type_text, wait_for, window)


def operative(frame):
    """The operative paragraphs on screen: [(number, text)]."""
    return [(name.split(" ", 2)[-1], text) for name, text in elements(frame)
            if name.startswith("Operative paragraph")]


def main():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the window's tests need a display (run them under xvfb-run)")
        return
    tap = Tap()
    session = Session().start()
    folder = session.dir
    path = os.path.join(folder, "e-commerce.wcodraft")

    try:
        frame = window()
        tap.ok(frame is not None, "the window opens")
        tap.ok(wait_for(lambda: any(t and "CROSS-BORDER E-COMMERCE" in t for _, t in elements(frame))),
               "it shows the bundled example resolution")

        # File > New > Resolution: a new tab, laid out with its formulas.
        activate(frame, "win.new-resolution")
        tap.ok(wait_for(lambda: "Untitled Document" in frame.name), "a new resolution opens in a tab")
        tap.ok(wait_for(lambda: [n for n, _ in elements(frame)] ==
                        ["Heading", "Place and date", "Authority formula", "Preambular clause",
                         "Operative formula", "Operative paragraph 1."]),
               "it has its heading, formulas and a first clause and paragraph")

        # Two preambular clauses.
        go_to(frame, "Preambular clause")
        type_text("that the first clause is typed here,")
        key("Return")
        type_text("RECALLING the second clause,")
        clauses = [t for n, t in elements(frame) if n == "Preambular clause"]
        tap.ok(clauses == ["NOTING that the first clause is typed here,",
                           "RECALLING the second clause,"],
               f"two preambular clauses are typed: {clauses}")

        # Three operative paragraphs, numbered as they come.
        go_to(frame, "Operative paragraph 1.")
        type_text("Decides to act;")
        key("Return")
        type_text("Requests a report;")
        key("Return")
        type_text("Closes the matter.")
        expected = [("1.", "Decides to act;"), ("2.", "Requests a report;"), ("3.", "Closes the matter.")]
        tap.ok(wait_for(lambda: operative(frame) == expected),
               f"three operative paragraphs, numbered 1. to 3.: {operative(frame)}")
        tap.ok("•" in frame.name, "the title bears the unsaved mark")

        # Move the third up: it becomes 2., what was 2. becomes 3.
        activate(frame, "document.move-up")
        moved = [("1.", "Decides to act;"), ("2.", "Closes the matter."), ("3.", "Requests a report;")]
        tap.ok(wait_for(lambda: operative(frame) == moved),
               f"the third paragraph moves up and all renumber: {operative(frame)}")
        screenshot(os.path.join(folder, "moved.png"))

        # Undo the move.
        activate(frame, "document.undo")
        tap.ok(wait_for(lambda: operative(frame) == expected),
               f"undo puts it back: {operative(frame)}")

        # Save: the file chooser asks for a name.
        activate(frame, "document.save")
        time.sleep(2.0)
        key("ctrl+a")
        type_text(path)
        key("Return")
        tap.ok(wait_for(lambda: os.path.exists(path), timeout=20), "Save writes the document")
        tap.ok(wait_for(lambda: "•" not in frame.name and "e-commerce.wcodraft" in frame.name),
               f"the title names the file, without the unsaved mark: {frame.name}")

        # Close the tab, then open the file again.
        activate(frame, "win.close-page")
        tap.ok(wait_for(lambda: "e-commerce.wcodraft" not in frame.name), "the tab closes")
        session.open_in_running(path)
        tap.ok(wait_for(lambda: "e-commerce.wcodraft" in frame.name), "the file opens again")
        tap.ok(wait_for(lambda: operative(frame) == expected),
               f"with the same paragraphs and numbers: {operative(frame)}")
        clauses = [t for n, t in elements(frame) if n == "Preambular clause"]
        tap.ok(clauses == ["NOTING that the first clause is typed here,",
                           "RECALLING the second clause,"],
               f"and the same clauses: {clauses}")
        screenshot(os.path.join(folder, "reopened.png"))

        # Every control a screen reader meets has a name worth saying, with
        # two tabs open and the find and replace bar shown.
        activate(frame, "document.find-replace")
        tap.ok(wait_for(lambda: descendants(frame, name="Replace With")),
               "the find and replace bar opens")
        controls = [node for node in descendants(frame) if node.getRoleName() in
                    ("push button", "toggle button", "entry", "check box")]
        tap.ok(len(controls) > 20 and not badly_named_controls(frame),
               f"all {len(controls)} controls have names: {badly_named_controls(frame)}")
    except Exception as error:
        tap.ok(False, f"the session went through without an error: {error!r}")
    finally:
        session.stop()
        print(f"# screenshots and files in {folder}")

    tap.done()


if __name__ == "__main__":
    main()
