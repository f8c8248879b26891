#!/usr/bin/python3
# test-amendments.py: the negotiation, as its people run it. The
# Secretariat issues the Draft; the delegation of France proposes a change
# to a paragraph with its justification, and exports its amendments; the
# Secretariat imports them, sees the change marked with France's name,
# accepts it, undoes and redoes that, issues Rev.1 and compares it with the
# Draft. Each step is checked in the window, and the file saved at the end
# with the project's own tool.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import faulthandler
import json
import os
import shutil
import subprocess
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, activate, actions, application, descendants, dialog,
                            element_nodes, elements, focused, focused_index, frames, go_to, key,
                            screenshot, text_of, type_text, wait_for, window)

EXAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "examples")
WCO_DRAFT = os.path.join(os.path.dirname(os.environ["DRAFTING_BIN"]), "..", "tool", "wco-draft")

TYPED = " without delay"
JUSTIFICATION = "Relief consignments must not wait at the border"
NEW_LEAD = "RECALLING"
NEW_TEXT = "the Revised Kyoto Convention and its Guidelines,"
NEW_JUSTIFICATION = "The Convention is the base of the principles"


def identify(session, delegation, name):
    """Who the person is, as Preferences keeps it."""
    folder = os.path.join(session.dir, "config", "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[org/wco/drafting]\n"
                f"delegation='{delegation}'\n"
                f"author-name='{name}'\n"
                "show-amendments=true\n")


def tool(*args):
    return subprocess.run([WCO_DRAFT, *args], capture_output=True, text=True, timeout=60)


def entry_text(root, name):
    """The text of the entry called @name (GTK 4.8's entries
    gives none for "to the end"."""
    for node in descendants(root):
        if node.name == name:
            try:
                text = node.queryText()
                return text.getText(0, text.characterCount)
            except Exception:
                return None
    return None


def other_frame(title):
    app = application()
    if app is None:
        return None
    for frame in frames(app):
        try:
            if frame.getRoleName() in ("frame", "dialog", "window") and frame.name == title:
                return frame
        except Exception:
            continue
    return None


def click(frame, label):
    """Clicks the button of @frame whose label is @label, by its action."""
    for button in descendants(frame, role="push button"):
        if button.name and button.name.replace("_", "") == label and "click" in actions(button):
            button.queryAction().doAction(actions(button)["click"])
            return True
    raise AssertionError(f"no button {label} in {frame.name}: "
                         f"{[b.name for b in descendants(frame, role='push button')]}")


def menu_item(frame, item_name, menu="Main Menu"):
    """Opens the menu @menu and clicks @item_name, as a person would."""
    click(frame, menu)
    app = application()
    item = wait_for(lambda: next((n for f in frames(app) for n in descendants(f)
                                  if n.getRoleName() in ("menu item", "radio menu item", "check menu item")
                                  and n.name == item_name), None), timeout=10)
    if item is None:
        raise AssertionError(f"no menu item {item_name}")
    item.queryAction().doAction(actions(item)["click"])


def choose_file(path):
    """Types @path in the file chooser that has just opened."""
    time.sleep(2.0)
    key("ctrl+a")
    type_text(path)
    key("Return")


CLAUSE = "Preambular clause"


def paragraph(frame):
    """The first preambular clause's row."""
    rows = element_nodes(frame, name=CLAUSE)
    return rows[0] if rows else None


def first_paragraph_text(frame):
    row = paragraph(frame)
    return text_of(row) if row is not None else None


def amendments_list(frame):
    return next(iter(descendants(frame, role="list", name="Amendments")), None)


def amendment_rows(frame):
    """The amendments the panel lists, by the names screen readers read:
    "Amendment by France. Replace, Preambular clause. Status: Proposed…"."""
    panel = amendments_list(frame)
    return [n.name for n in descendants(panel, role="panel") if n.name] if panel else []


def secretariat_issues_draft(tap, session, path):
    session.start(path)
    frame = window()
    tap.ok(frame is not None and wait_for(lambda: "resolution.wcodraft" in frame.name),
           "the Secretariat opens its resolution")

    activate(frame, "document.revise")
    asking = wait_for(lambda: dialog("Issue a Revision?"))
    tap.ok(asking is not None, "Issue a Revision asks for a label")
    label = entry_text(asking, "Label of the revision")
    tap.ok(label == "Draft", f"the first revision is suggested to be the Draft: {label!r}")
    click(asking, "Issue")
    tap.ok(wait_for(lambda: dialog("Issue a Revision?") is None), "the dialog closes")
    tap.ok(wait_for(lambda: "document.compare" in actions(frame)), "there is a revision to compare now")

    key("ctrl+s")
    listed = wait_for(lambda: "Draft" in tool("revisions", path).stdout, timeout=20)
    tap.ok(listed, "saved, the file keeps the Draft")
    session.stop()
    return frame


def france_proposes(tap, session, path, out):
    session.start(path)
    frame = window()
    tap.ok(frame is not None and wait_for(lambda: "resolution.wcodraft" in frame.name),
           "France opens the Draft")
    tap.ok(wait_for(lambda: paragraph(frame) is not None), "its first preambular clause is shown")
    before = first_paragraph_text(frame)

    activate(frame, "document.proposing")
    justification = wait_for(lambda: next((n for n in descendants(frame) if n.name == "Justification"
                                           and n.getRoleName() in ("text", "entry")), None))
    tap.ok(justification is not None, "proposing shows the justification field")

    # Typed where the paragraph ends: a change proposed, not made.
    tap.ok(wait_for(lambda: focused_index(frame) is not None), "the cursor is in the text")
    go_to(frame, CLAUSE)
    key("Left")
    type_text(TYPED)
    proposed = wait_for(lambda: TYPED.strip() in (first_paragraph_text(frame) or ""))
    tap.ok(proposed, f"the row shows France's wording as typed: {first_paragraph_text(frame)!r}")
    tap.ok(wait_for(lambda: justification.getState().contains(__import__("pyatspi").STATE_SENSITIVE)),
           "the justification field opens for the amendment")
    key("alt+j")
    tap.ok(wait_for(lambda: focused(justification)), "Alt+J goes to the justification")
    type_text(JUSTIFICATION)

    # A new clause after the second: the + menu asks for its wording.
    key("Escape")
    go_to(frame, CLAUSE, 1)
    menu_item(frame, "Preambular Clause", menu="Insert and Arrange Elements")
    asking = wait_for(lambda: dialog("Propose a New Element"))
    tap.ok(asking is not None, "Insert, in proposing, asks for the new element's wording")
    time.sleep(0.5)
    type_text(NEW_LEAD)
    key("Tab")
    type_text(NEW_TEXT)
    key("Tab")
    type_text(NEW_JUSTIFICATION)
    click(asking, "Propose")
    tap.ok(wait_for(lambda: dialog("Propose a New Element") is None), "and proposes it")
    tap.ok(not any(NEW_TEXT in (text or "") for _, text in elements(frame)),
           "the text itself has no new clause")

    activate(frame, "document.export-amendments")
    choose_file(out)
    tap.ok(wait_for(lambda: os.path.exists(out), timeout=20), "Export My Amendments writes the file")
    time.sleep(1.0)
    with open(out, encoding="utf-8") as f:
        exported = f.read()
    tap.ok('delegation="France"' in exported or ">France<" in exported, "the file is France's")
    tap.ok(JUSTIFICATION in exported, "with the justification typed")
    tap.ok(TYPED.strip() in exported, "and the words typed")
    tap.ok(NEW_TEXT in exported and NEW_JUSTIFICATION in exported, "and the new clause, justified")
    screenshot(os.path.join(session.dir, "france-proposing.png"))
    session.stop()
    return before


def secretariat_decides(tap, session, path, amendments, before, shots):
    session.start(path)
    frame = window()
    tap.ok(frame is not None and wait_for(lambda: "resolution.wcodraft" in frame.name),
           "the Secretariat opens its resolution again")
    tap.ok(wait_for(lambda: first_paragraph_text(frame) == before), "its text is still its own")

    activate(frame, "document.import-amendments")
    choose_file(amendments)
    rows = wait_for(lambda: len(amendment_rows(frame)) == 2 and amendment_rows(frame), timeout=20)
    tap.ok(rows and all(row.startswith("Amendment by France") and "Status: Proposed" in row for row in rows),
           f"the amendments panel lists France's two amendments: {rows}")

    menu_item(frame, "With Changes Marked")
    row = wait_for(lambda: paragraph(frame) if TYPED.strip() in (first_paragraph_text(frame) or "") else None)
    tap.ok(row is not None, f"the marked text shows the words France proposes: {first_paragraph_text(frame)!r}")
    tap.ok(wait_for(lambda: "France" in (paragraph(frame).description or "")),
           f"and names France to screen readers: {paragraph(frame).description if paragraph(frame) else None!r}")
    time.sleep(1.0)
    screenshot(os.path.join(shots, "marked.png"))

    # Accept it: the list's only row chosen, then Accept.
    replacing = next(i for i, row in enumerate(amendment_rows(frame)) if "Replace" in row)
    amendments_list(frame).querySelection().selectChild(replacing)
    time.sleep(0.5)
    click(frame, "Accept")
    tap.ok(wait_for(lambda: any("Replace" in row and "Status: Accepted" in row for row in amendment_rows(frame))),
           f"the panel says it is accepted: {amendment_rows(frame)}")
    accepted = wait_for(lambda: TYPED.strip() in (first_paragraph_text(frame) or "")
                        and "France" not in (paragraph(frame).description or ""))
    tap.ok(accepted, "accepted, the words are the text's, no longer marked")

    activate(frame, "document.undo")
    tap.ok(wait_for(lambda: "France" in (paragraph(frame).description or "")
                    and all("Status: Proposed" in row for row in amendment_rows(frame))),
           "undo makes it a proposal again, marked as France's")
    activate(frame, "document.redo")
    tap.ok(wait_for(lambda: TYPED.strip() in (first_paragraph_text(frame) or "")
                    and "France" not in (paragraph(frame).description or "")),
           "redo accepts it again")

    # Rev.1, compared with the Draft.
    activate(frame, "document.revise")
    asking = wait_for(lambda: dialog("Issue a Revision?"))
    label = entry_text(asking, "Label of the revision") if asking else None
    tap.ok(label == "Rev.1", f"the next revision is suggested to be Rev.1: {label!r}")
    click(asking, "Issue")
    tap.ok(wait_for(lambda: dialog("Issue a Revision?") is None), "Rev.1 is issued")

    activate(frame, "document.compare")
    comparing = wait_for(lambda: other_frame("Compare Revisions"))
    tap.ok(comparing is not None, "Compare Revisions opens")
    differences = wait_for(lambda: next((n for n in descendants(comparing) if n.name == "Differences"), None))
    changed = wait_for(lambda: next((n for n in descendants(differences, role="label")
                                     if TYPED.strip() in (n.name or "")), None))
    tap.ok(changed is not None, "it shows the words France proposed")
    tap.ok(changed is not None and changed.description == "Changed",
           f"in the element said to have changed: {changed.description if changed else None!r}")
    summary = wait_for(lambda: next((n.name for n in descendants(comparing, role="label")
                                     if n.name and "changed" in n.name), None))
    tap.ok(summary == "1 changed", f"one element changed between the Draft and Rev.1: {summary!r}")
    choices = [n.name for n in descendants(comparing) if n.getRoleName() == "label"]
    tap.ok("Draft" in choices and "Rev.1" in choices, f"from the Draft to Rev.1: {choices}")
    time.sleep(1.0)
    screenshot(os.path.join(shots, "compare.png"))
    key("Escape")
    tap.ok(wait_for(lambda: other_frame("Compare Revisions") is None), "Escape closes it")

    key("ctrl+s")
    saved = wait_for(lambda: "Rev.1" in tool("revisions", path).stdout, timeout=20)
    tap.ok(saved, "saved, the file keeps Draft and Rev.1")
    session.stop()


def check_file(tap, path, before):
    listed = {a["action"]: a for a in json.loads(tool("amendments", path, "--json").stdout or "[]")}
    replace, insert = listed.get("replace"), listed.get("insert")
    tap.ok(replace and replace["delegation"] == "France" and replace["status"] == "accepted"
           and replace["justification"] == JUSTIFICATION and replace["author"] == "Jean Dupont",
           f"the record keeps France's rewording, accepted, with its justification and author: {replace}")
    tap.ok(insert and insert["status"] == "proposed" and insert["kind"] == "preamble-clause"
           and insert["lead"] == NEW_LEAD and insert["text"] == NEW_TEXT
           and insert["justification"] == NEW_JUSTIFICATION,
           f"and its new clause, still proposed: {insert}")
    compared = tool("compare", path, "--from", "Draft", "--to", "Rev.1").stdout
    tap.ok("{+" + TYPED.strip() in compared or "{+" + TYPED in compared,
           "wco-draft compares the Draft and Rev.1 alike")
    revisions = json.loads(tool("revisions", path, "--json").stdout or "[]")
    tap.ok([r["label"] for r in revisions] == ["Draft", "Rev.1"], f"two revisions: {revisions}")


def main():
    faulthandler.dump_traceback_later(540, exit=True)
    tap = Tap()
    secretariat = Session()
    france = Session()
    identify(secretariat, "", "WCO Secretariat")
    identify(france, "France", "Jean Dupont")
    shots = os.environ.get("DRAFTING_SCREENSHOTS", secretariat.dir)
    path = os.path.join(secretariat.dir, "resolution.wcodraft")
    france_path = os.path.join(france.dir, "resolution.wcodraft")
    amendments = os.path.join(france.dir, "resolution-France.wcoamend")
    shutil.copy(os.path.join(EXAMPLES, "ecommerce-resolution.wcodraft"), path)

    try:
        secretariat_issues_draft(tap, secretariat, path)
        shutil.copy(path, france_path)
        before = france_proposes(tap, france, france_path, amendments)
        secretariat_decides(tap, secretariat, path, amendments, before, shots)
        check_file(tap, path, before)
    except Exception as error:  # a failed step is a failed test, with what failed
        traceback.print_exc()
        for session in (secretariat, france):
            log = os.path.join(session.dir, "application.log")
            if os.path.exists(log):
                with open(log, encoding="utf-8", errors="replace") as f:
                    sys.stderr.write(f.read()[-3000:])
        tap.ok(False, f"the workflow ran to its end: {error!r}")
        screenshot(os.path.join(shots, "failure.png"))
    finally:
        secretariat.stop()
        france.stop()
    tap.done()


if __name__ == "__main__":
    main()
