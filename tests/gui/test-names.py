#!/usr/bin/python3
# test-names.py: what the window calls things, as a person reads them and
# a screen reader says them: the tab of imported text, the undo menu, the
# buttons of dialogs, the search buttons, the About window.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, actions, activate, application, badly_named_controls,
                            descendants, frames, key, screenshot, type_text, wait_for,
                            window)

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "data", "corpus", "ecommerce-resolution.txt")

# What the application does not do (yet), and must not claim: checking
# spelling in the window, reading Word or ODT documents back, parallel
# language versions, shared folders.
UNTRUE = re.compile(r"spell|import(?:s|ing)? (?:Word|DOCX|ODT)|parallel|shared folder",
                    re.IGNORECASE)


def other_frames(main):
    """The application's windows other than the main one."""
    app = application()
    if app is None:
        return []
    found = []
    for frame in frames(app):
        try:
            if frame.getRoleName() in ("frame", "dialog", "window") and frame.name != main.name:
                found.append(frame)
        except Exception:
            continue
    return found


def frame_called(main, pattern):
    for frame in other_frames(main):
        if re.search(pattern, frame.name or ""):
            return frame
    return None


def click(accessible):
    accessible.queryAction().doAction(actions(accessible)["click"])


def menu_item(frame, menu_name, item_name):
    """Opens the menu of the button @menu_name and clicks @item_name."""
    buttons = [b for b in descendants(frame, role="push button", name=menu_name)
               if "click" in actions(b)]
    click(buttons[0])
    app = application()
    item = wait_for(lambda: next((n for f in frames(app) for n in descendants(f, role="menu item")
                                  if n.name == item_name), None), timeout=10)
    if item is None:
        raise AssertionError(f"no menu item {item_name}")
    return item


def labels_of(frame):
    return " ".join(label.name for label in descendants(frame, role="label") if label.name)


def close_with_escape(main, other):
    key("Escape")
    wait_for(lambda: frame_called(main, re.escape(other)) is None, timeout=10)


def check_metadata(tap):
    """The metainfo and the desktop entry, as built, say only what is
    true and name no address that is not real."""
    data = os.path.join(os.environ.get("GSETTINGS_SCHEMA_DIR", ""))
    metainfo = os.path.join(data, "org.wco.drafting.metainfo.xml")
    desktop = os.path.join(data, "org.wco.drafting.desktop")
    if not os.path.exists(metainfo) or not os.path.exists(desktop):
        tap.ok(True, "# SKIP no metainfo built")
        return
    with open(metainfo, encoding="utf-8") as f:
        text = f.read()
    tap.ok(not re.search(r"https?://", text), "the metainfo names no web address")
    tap.ok(not UNTRUE.search(text), f"the metainfo claims nothing Drafting does not do: "
           f"{UNTRUE.findall(text)}")
    with open(desktop, encoding="utf-8") as f:
        text = f.read()
    tap.ok(not UNTRUE.search(text), f"the desktop entry claims nothing Drafting does not do: "
           f"{UNTRUE.findall(text)}")


def main():
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP the window's tests need a display (run them under xvfb-run)")
        return
    tap = Tap()
    check_metadata(tap)

    session = Session()
    text = os.path.join(session.dir, "council-resolution.txt")
    shutil.copy(CORPUS, text)
    session.start(text)

    try:
        frame = window()
        tap.ok(frame is not None, "the window opens")

        # 1. Imported text is named after its file.
        tap.ok(wait_for(lambda: frame.name == "council-resolution — Drafting"),
               f"the window is named after the imported text: {frame.name!r}")
        tabs = [t for t in descendants(frame) if t.name == "council-resolution"]
        tap.ok(len(tabs) >= 1, "and so is its tab")

        # 4. The import's remarks, if any, in a dialog whose buttons say
        # what they do, once.
        remarks = wait_for(lambda: frame_called(frame, "imported"), timeout=5)
        if remarks is not None:
            tap.ok(not badly_named_controls(remarks),
                   f"the remarks' buttons are named: {badly_named_controls(remarks)}")
            close = [b for b in descendants(remarks, role="push button") if b.name == "Close"]
            tap.ok(len(close) >= 1, "its Close button is read as “Close”")
            if close:
                close[0].queryAction().doAction(0)
            wait_for(lambda: frame_called(frame, "imported") is None, timeout=10)

        # 2. The undo menu says what typing changed, and where.
        # The cursor is in the first element, the heading, as the page opens.
        type_text("X")
        item = None
        try:
            item = menu_item(frame, "Undo Several Changes", "Typing in the heading")
        except AssertionError:
            app = application()
            names = [n.name for f in frames(app) for n in descendants(f, role="menu item")]
            tap.ok(False, f"the undo menu names the element typed in: {names}")
        if item is not None:
            tap.ok(True, "the undo menu names the element typed in: “Typing in the heading”")
            key("Escape")

        # 4. The dialog that asks before closing: "Cancel", not "_Cancel Cancel".
        activate(frame, "win.close-page")
        dialog = wait_for(lambda: frame_called(frame, "Save Changes"), timeout=10)
        tap.ok(dialog is not None, "closing unsaved work asks first")
        if dialog is not None:
            screenshot(os.path.join(session.dir, "save-changes.png"))
            names = sorted({b.name for b in descendants(dialog, role="push button")})
            tap.ok(names == ["Cancel", "Discard", "Save"],
                   f"its buttons are read as Cancel, Discard and Save: {names}")
            tap.ok(not badly_named_controls(dialog),
                   f"and nothing in it is badly named: {badly_named_controls(dialog)}")
            cancel = [b for b in descendants(dialog, role="push button") if b.name == "Cancel"]
            cancel[0].queryAction().doAction(0)
            wait_for(lambda: frame_called(frame, "Save Changes") is None, timeout=10)

        # 4. The search buttons of Properties and Preferences.
        for item_name, title in (("Document Properties", "Document Properties"),
                                 ("Preferences", "Preferences")):
            click(menu_item(frame, "Main Menu", item_name))
            other = wait_for(lambda: frame_called(frame, "^" + title + "$"), timeout=10)
            tap.ok(other is not None, f"{title} opens")
            if other is None:
                continue
            buttons = [b for b in descendants(other)
                       if b.getRoleName() in ("push button", "toggle button")]
            tap.ok([b.name for b in buttons if b.name == "Search"] == ["Search"],
                   f"its search button is read as “Search”: {[b.name for b in buttons]}")
            tap.ok(not badly_named_controls(other),
                   f"nothing in {title} is badly named: {badly_named_controls(other)}")
            close_with_escape(frame, title)

        # 5. About says what Drafting does today, and nothing more.
        click(menu_item(frame, "Main Menu", "About Drafting"))
        about = wait_for(lambda: frame_called(frame, "About"), timeout=10)
        tap.ok(about is not None, "About opens")
        if about is not None:
            text = labels_of(about)
            screenshot(os.path.join(session.dir, "about.png"))
            tap.ok("PDF" in text and "amendments" in text and "OpenDocument" in text,
                   f"it says what Drafting does: {text[:300]!r}")
            tap.ok(not UNTRUE.search(text), f"and claims nothing it does not: "
                   f"{UNTRUE.findall(text)}")
            tap.ok(not re.search(r"https?://|github", text, re.IGNORECASE),
                   "and names no web address")
            close_with_escape(frame, "About")
    except Exception as error:
        tap.ok(False, f"the session went through without an error: {error!r}")
    finally:
        session.stop()
        print(f"# screenshots in {session.dir}")

    tap.done()


if __name__ == "__main__":
    main()
