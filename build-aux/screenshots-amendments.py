#!/usr/bin/python3
# screenshots-amendments.py BUILDDIR OUT: the README's screenshots of the
# amendments: the bundled resolution with the amendments of four
# delegations marked and the panel open, and its Draft compared with Rev.1.
# Run by build-aux/screenshots under a virtual display and a session bus.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
builddir, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.environ["DRAFTING_BIN"] = os.path.join(builddir, "src", "app", "wco-drafting")
sys.path.insert(0, os.path.join(top, "tests", "gui"))

from drafting_atspi import (Session, activate, actions, application, descendants, frames,  # noqa: E402
                            wait_for, window)

WCO_DRAFT = os.path.join(builddir, "src", "tool", "wco-draft")


def tool(*args):
    return subprocess.run([WCO_DRAFT, *args], capture_output=True, text=True, check=True).stdout.strip()


def elements(path):
    found = []

    def walk(nodes):
        for node in nodes:
            found.append(node)
            walk(node["children"])
    walk(json.loads(tool("outline", path, "--json")))
    return found


def prepare(path):
    """The resolution as the Secretariat has it after the first round: the
    Draft issued, two amendments accepted into Rev.1, and the next
    delegations' proposals open."""
    shutil.copy(os.path.join(top, "data", "examples", "ecommerce-resolution.wcodraft"), path)
    tool("revise", path, "--label", "Draft")
    clauses = [e for e in elements(path) if e["kind"] == "preamble-clause"]
    paragraphs = [e for e in elements(path) if e["kind"] == "operative-paragraph"]

    accepted = tool("propose", path, "--delegation", "Japan", "--author", "Keiko Sato",
                    "--justification", "Shorter, and as the Framework of Standards says it",
                    "--replace", clauses[1]["id"], "--text",
                    "that the digitalization of the economy has changed the way businesses and "
                    "consumers sell and buy goods, widening consumer choice and giving Micro, Small "
                    "and Medium Enterprises (MSMEs) broader access to customers,")
    tool("accept", path, accepted)
    tool("revise", path, "--label", "Rev.1")

    tool("propose", path, "--delegation", "France", "--author", "Jean Dupont",
         "--justification", "The transformation is not only digital",
         "--replace", clauses[0]["id"], "--text",
         "that the digital and ecological transformation of the economy is one of the key drivers "
         "of the global trade environment,")
    tool("propose", path, "--delegation", "Kenya", "--cosponsor", "Brazil", "--author", "Amina Otieno",
         "--justification", "Small enterprises need this most",
         "--replace", clauses[1]["id"], "--text",
         "that the digitalization of the economy has changed the way businesses and consumers sell "
         "and buy goods, widening consumer choice and giving small and medium enterprises in "
         "developing economies broader access to customers,")
    tool("propose", path, "--delegation", "Canada", "--justification", "Said in the clause before",
         "--delete", clauses[2]["id"])
    tool("propose", path, "--delegation", "Brazil", "--replace", paragraphs[0]["id"], "--text",
         paragraphs[0]["text"].replace("Endorses", "Endorses and welcomes"))


def shoot(path, image):
    subprocess.run(["import", "-window", "root", "-crop", "1280x800+0+0", image], check=True)


def menu_item(frame, name):
    buttons = [b for b in descendants(frame, role="push button", name="Main Menu") if "click" in actions(b)]
    buttons[0].queryAction().doAction(actions(buttons[0])["click"])
    app = application()
    item = wait_for(lambda: next((n for f in frames(app) for n in descendants(f)
                                  if n.name == name and "click" in actions(n)), None), timeout=10)
    item.queryAction().doAction(actions(item)["click"])


def main():
    session = Session()
    folder = os.path.join(session.dir, "config", "glib-2.0", "settings")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "keyfile"), "w", encoding="utf-8") as f:
        f.write("[org/wco/drafting]\nwindow-width=1280\nwindow-height=800\n"
                "show-amendments=true\nshow-outline=false\n")
    path = os.path.join(session.dir, "ecommerce-resolution.wcodraft")
    prepare(path)

    try:
        session.start(path)
        frame = window()
        wait_for(lambda: "ecommerce-resolution" in frame.name)
        menu_item(frame, "With Changes Marked")
        time.sleep(3)
        shoot(path, os.path.join(out, "amendments.png"))

        activate(frame, "document.compare")
        time.sleep(3)
        shoot(path, os.path.join(out, "compare.png"))
    finally:
        session.stop()


if __name__ == "__main__":
    main()
