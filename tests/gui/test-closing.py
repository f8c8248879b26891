#!/usr/bin/python3
# test-closing.py: unsaved work is never closed without the person's word,
# and a file is open once in an instance, across its windows.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, activate, application, descendants, dialog, frames, key,
                            screenshot, type_text, wait_for, window)

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")


def click(frame, label):
    """Clicks the button of @frame whose label is @label, by its action."""
    for button in descendants(frame, role="push button"):
        if button.name and label in button.name.replace("_", ""):
            button.queryAction().doAction(0)
            return True
    raise AssertionError(f"no button {label} in {frame.name}")


def main_frames():
    app = application()
    if app is None:
        return []
    return [f for f in frames(app) if f.getRoleName() == "frame" and "Drafting" in (f.name or "")]


def names_shown(frame):
    """The documents named in @frame's tabs and title, each once, with the
    unsaved mark ("• a.wcodraft") where they bear it."""
    return sorted({node.name for node in descendants(frame, role="label")
                   if node.name and node.name.endswith(".wcodraft")})


def unsaved(frame):
    return [name for name in names_shown(frame) if name.startswith("•")]


def pages(frame):
    return descendants(frame, name="DraftingPage", only_showing=False)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def lock_of(path):
    return os.path.join(os.path.dirname(path), ".~lock." + os.path.basename(path) + "#")


def close_window_with_two_modified_tabs(tap, session, a, b):
    session.start(a, b)
    frame = window()
    tap.ok(frame is not None, "the window opens")
    tap.ok(wait_for(lambda: len(pages(frame)) == 2), "with a tab for each file")

    # Both documents changed: the current one, then the other.
    type_text("Amended ")
    key("ctrl+Page_Up")
    type_text("Changed ")
    tap.ok(wait_for(lambda: len(unsaved(frame)) == 2),
           f"both tabs bear the unsaved mark: {names_shown(frame)}")

    # Closing the window asks about both at once; Cancel keeps everything.
    activate(frame, "win.close-window")
    asking = wait_for(lambda: dialog("Save Changes?"))
    tap.ok(asking is not None, "closing the window asks about the unsaved work")
    if asking is None:
        return
    checks = [c.name for c in descendants(asking, role="check box")]
    tap.ok(len(checks) == 2 and any("a.wcodraft" in c for c in checks)
           and any("b.wcodraft" in c for c in checks),
           f"in one dialog listing both documents: {checks}")
    screenshot(os.path.join(session.dir, "save-changes.png"))
    click(asking, "Cancel")
    time.sleep(1.0)
    tap.ok(len(main_frames()) == 1 and len(pages(frame)) == 2 and len(unsaved(frame)) == 2,
           f"Cancel keeps the window and both unsaved documents: {names_shown(frame)}")

    # Closing again, and saving both: the window closes, nothing unsaved.
    activate(frame, "win.close-window")
    asking = wait_for(lambda: dialog("Save Changes?"))
    tap.ok(asking is not None, "closing again asks again")
    if asking is None:
        return
    click(asking, "Save")
    tap.ok(wait_for(lambda: session.process.poll() is not None, timeout=30),
           "once both are saved, the window closes, and with the last window the application")
    tap.ok("Amended" in read(a) + read(b) and "Changed" in read(a) + read(b),
           "both documents were saved with their changes")
    tap.ok(session.drafts() == [], f"no draft is left: {session.drafts()}")
    tap.ok(not os.path.exists(lock_of(a)) and not os.path.exists(lock_of(b)),
           "and no lock file")


def same_file_in_two_windows(tap, session, a):
    session.start(a)
    frame = window()
    tap.ok(frame is not None and wait_for(lambda: "a.wcodraft" in frame.name),
           "the file opens in the first window")
    tap.ok(os.path.exists(lock_of(a)), "its lock is written")

    key("ctrl+shift+n")
    tap.ok(wait_for(lambda: len(main_frames()) == 2), "a second window opens")
    second = wait_for(lambda: [f for f in main_frames() if "Untitled Document" in (f.name or "")])
    tap.ok(second is not None and len(second) == 1, "with a new document")

    # The keyboard shortcuts come when asked for, and go when closed: no
    # window is kept hidden beside the others.
    key("ctrl+question")
    tap.ok(wait_for(lambda: len(frames(application())) == 3), "Ctrl+? shows the keyboard shortcuts")
    key("Escape")
    tap.ok(wait_for(lambda: len(frames(application())) == 2), "and Escape closes them")

    # Opening the file from the second window shows the first one's tab.
    session.open_in_running(a)
    time.sleep(2.0)
    shown = [(len(pages(f)), names_shown(f)) for f in main_frames()]
    tap.ok(len(pages(frame)) == 1 and
           sum(1 for f in main_frames() if "a.wcodraft" in names_shown(f)) == 1,
           f"the file is open once, in one tab: {shown}")
    tap.ok(wait_for(lambda: "a.wcodraft" in frame.name), "the tab that has it is current")
    tap.ok(os.path.exists(lock_of(a)), "its lock is still there")

    # Closing the second window leaves the first's lock alone.
    if second:
        activate(second[0], "win.close-window")
        tap.ok(wait_for(lambda: len(main_frames()) == 1), "the second window closes")
    tap.ok(os.path.exists(lock_of(a)), "the lock stays while the file is open")

    activate(frame, "win.close-page")
    tap.ok(wait_for(lambda: not os.path.exists(lock_of(a)), timeout=10),
           "and goes when its tab is closed")
    session.stop()


def quit_discarding(tap, session, a, b):
    before_a, before_b = read(a), read(b)
    session.start(a, b)
    frame = window()
    tap.ok(wait_for(lambda: len(pages(frame)) == 2), "two documents open again")
    type_text("Unwanted ")
    key("ctrl+Page_Up")
    type_text("Unwanted too ")
    tap.ok(wait_for(lambda: len(unsaved(frame)) == 2), f"both changed: {names_shown(frame)}")
    # Wait for the drafts, kept a few seconds after a change.
    tap.ok(wait_for(lambda: len(session.drafts()) >= 2, timeout=20),
           f"drafts of both are kept: {session.drafts()}")

    key("ctrl+q")
    asking = wait_for(lambda: dialog("Save Changes?"))
    tap.ok(asking is not None, "quitting asks about both")
    if asking is None:
        return
    click(asking, "Discard All")
    tap.ok(wait_for(lambda: session.process.poll() is not None, timeout=30),
           "Discard All quits")
    tap.ok(read(a) == before_a and read(b) == before_b, "the files are as they were")
    tap.ok(session.drafts() == [], f"and the drafts are gone: {session.drafts()}")


def main():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the window's tests need a display (run them under xvfb-run)")
        return
    tap = Tap()
    session = Session()
    a = os.path.join(session.dir, "a.wcodraft")
    b = os.path.join(session.dir, "b.wcodraft")
    shutil.copy(os.path.join(EXAMPLES, "ecommerce-resolution.wcodraft"), a)
    shutil.copy(os.path.join(EXAMPLES, "ecommerce-communique.wcodraft"), b)

    try:
        close_window_with_two_modified_tabs(tap, session, a, b)
        session.stop()
        same_file_in_two_windows(tap, session, a)
        session.stop()
        quit_discarding(tap, session, a, b)
    except Exception as error:
        tap.ok(False, f"the session went through without an error: {error!r}")
    finally:
        session.stop()
        print(f"# screenshots and files in {session.dir}")

    tap.done()


if __name__ == "__main__":
    main()
