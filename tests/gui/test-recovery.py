#!/usr/bin/python3
# test-recovery.py: work typed and never saved survives the application
# being killed, and is offered back on the next start.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyatspi

from drafting_atspi import (Session, Tap, activate, descendants, elements, go_to, screenshot,
                            type_text, wait_for, window, application, frames)

WORDS = "Decides that nothing typed is lost"


def recovery_dialog():
    app = application()
    if app is None:
        return None
    for frame in frames(app):
        for label in descendants(frame, role="label"):
            if label.name and "Recover Unsaved Work" in label.name:
                return frame
    return None


def main():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the window's tests need a display (run them under xvfb-run)")
        return
    tap = Tap()
    session = Session().start()

    try:
        frame = window()
        tap.ok(frame is not None, "the window opens")
        activate(frame, "win.new-resolution")
        tap.ok(wait_for(lambda: "Untitled Document" in frame.name), "a new resolution opens")

        go_to(frame, "Operative paragraph 1.")
        type_text(WORDS)
        tap.ok(wait_for(lambda: any(t == WORDS for _, t in elements(frame))), "the words are typed")

        # The autosave interval is five seconds: after it, a draft is kept.
        tap.ok(wait_for(lambda: any(name.endswith(".wcodraft") for name in session.drafts()),
                        timeout=15),
               f"a draft is kept within the autosave interval: {session.drafts()}")

        session.kill()
        tap.ok(session.process.returncode == -9, "the application is killed")

        # The next start offers the work back.
        session.start()
        dialog = wait_for(recovery_dialog, timeout=30)
        tap.ok(dialog is not None, "the next start asks to recover unsaved work")
        if dialog is not None:
            screenshot(os.path.join(session.dir, "recovery.png"))
            body = " ".join(label.name for label in descendants(dialog, role="label") if label.name)
            tap.ok("Untitled Document" in body and "• Untitled" not in body.replace("• Untitled Document (", "", 1),
                   f"it names the document: {body!r}")
            # When, in local time and words no reader misreads: "(1 December 2026, 02:06)",
            # not "(12/01/26 02:06:55)".
            tap.ok(re.search(r"\(\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}\)", body) is not None,
                   f"it says when, unambiguously: {body!r}")
            recover = [button for button in descendants(dialog, role="push button")
                       if button.name and "Recover" in button.name]
            tap.ok(len(recover) >= 1, "it has a Recover button")
            recover[0].queryAction().doAction(0)

        frame = window()
        tap.ok(wait_for(lambda: any(t == WORDS for _, t in elements(frame)), timeout=20),
               "the words typed before the kill are back")
        tap.ok(wait_for(lambda: "•" in frame.name), f"as unsaved work: {frame.name}")
    except Exception as error:
        tap.ok(False, f"the session went through without an error: {error!r}")
    finally:
        session.stop()
        print(f"# screenshots in {session.dir}")

    tap.done()


if __name__ == "__main__":
    main()
