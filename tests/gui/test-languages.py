#!/usr/bin/python3
# test-languages.py: the window in each of the interface's languages, as a
# screen reader reads it: the header bar's buttons, the main menu's items
# and the window's title in the language asked for, with the words taken
# from the translations themselves; and in Arabic the window mirrored, its
# header bar's buttons on the other side.
#
# The translations are those just built (DRAFTING_LOCALEDIR, laid out as
# LANGUAGE/LC_MESSAGES/drafting.mo); each language runs in a locale of its
# own, as gettext speaks no language in the C locale (build-aux/setup
# generates them). DRAFTING_TEST_LANGUAGES="fr ar" runs only those.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from drafting_atspi import (Session, Tap, actions, application, descendants, frames,  # noqa: E402
                            key, screenshot, wait_for)

import polib  # noqa: E402
import pyatspi  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.join(HERE, "..", "..")
PO_DIR = os.path.join(TOP, "po")
EXAMPLE = os.path.join(TOP, "data", "examples", "ecommerce-resolution.wcodraft")

# The locale each language runs in; the first one installed is taken.
LOCALES = {
    "fr": ["fr_FR.UTF-8"],
    "es": ["es_ES.UTF-8"],
    "ar": ["ar_EG.UTF-8", "ar_SA.UTF-8", "ar_AE.UTF-8"],
    "ru": ["ru_RU.UTF-8"],
    "pt": ["pt_PT.UTF-8", "pt_BR.UTF-8"],
}

# What the header bar holds with a document open: buttons named as a
# screen reader says them, at the start and at the end.
HEADER_START = ["_Open", "Show the Outline"]
HEADER_END = ["Main Menu", "Insert and Arrange Elements"]
# Items of the main menu, as they are written in the sources (with their
# mnemonics; a screen reader says them without the underscore).
MENU_ITEMS = ["_Open…", "_Save", "Save _As…", "_Print…", "_Export…", "_Find…",
              "Document _Properties"]


def installed_locales():
    output = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    return {name.lower().replace("utf-8", "utf8") for name in output.split()}


def locale_for(language):
    available = installed_locales()
    for name in LOCALES[language]:
        if name.lower().replace("utf-8", "utf8") in available:
            return name
    return None


def translations(language):
    """The translated strings of @language, by their source string."""
    catalogue = polib.pofile(os.path.join(PO_DIR, language + ".po"))
    return {entry.msgid: entry.msgstr for entry in catalogue
            if entry.translated() and not entry.obsolete and not entry.msgctxt}


def spoken(text):
    """A label as a screen reader says it: without its mnemonic."""
    return text.replace("_", "")


def main_frame(timeout=60):
    def find():
        app = application()
        if app is None:
            return None
        for frame in frames(app):
            if frame.getRoleName() == "frame" and descendants(frame, role="push button"):
                return frame
        return None
    return wait_for(find, timeout)


def named_button(frame, name):
    """The button named @name; of a menu button, the one that clicks."""
    found = []
    for node in descendants(frame):
        try:
            if node.getRoleName() in ("push button", "toggle button") and node.name == name:
                found.append(node)
        except Exception:
            continue
    clicking = [node for node in found if "click" in actions(node)]
    return (clicking or found or [None])[0]


def centre_x(accessible):
    extents = accessible.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return extents.x + extents.width / 2


def menu_items(app):
    names = set()
    for frame in frames(app):
        for node in descendants(frame):
            try:
                if node.getRoleName() in ("menu item", "check menu item", "radio menu item"):
                    names.add(node.name)
            except Exception:
                continue
    return names


def check_language(tap, language, folder):
    words = translations(language)
    locale = locale_for(language)
    if not tap.ok(locale is not None,
                  f"{language}: a locale is installed for it, one of {LOCALES[language]} "
                  "(build-aux/setup generates them)"):
        return

    session = Session()
    session.env.update({
        "LANGUAGE": language,
        "LC_ALL": locale,
        "DRAFTING_LOCALEDIR": os.environ["DRAFTING_LOCALEDIR"],
    })
    # A copy, for the lock the program takes to be left in the session's
    # folder, not beside the example.
    document = os.path.join(session.dir, os.path.basename(EXAMPLE))
    shutil.copyfile(EXAMPLE, document)
    session.start(document)
    try:
        frame = main_frame()
        if not tap.ok(frame is not None, f"{language}: the window opens"):
            return

        # The window's title: the document's, then the application's.
        title = words.get("%s — Drafting", "%s — Drafting")
        pattern = "^" + re.escape(title).replace(re.escape("%s"), ".+") + "$"
        tap.ok(wait_for(lambda: re.match(pattern, frame.name or "")),
               f"{language}: the window's title reads “{frame.name}”, as “{title}”")

        # The header bar's buttons, named in the language.
        for source in HEADER_START + HEADER_END:
            expected = words.get(source)
            tap.ok(expected is not None and expected != source,
                   f"{language}: “{source}” is translated, as “{expected}”")
            tap.ok(wait_for(lambda: named_button(frame, spoken(expected or source)), timeout=10),
                   f"{language}: the header bar has a button named “{expected}”")

        # The main menu's items.
        menu = named_button(frame, spoken(words["Main Menu"]))
        if tap.ok(menu is not None and "click" in actions(menu), f"{language}: the main menu opens"):
            menu.queryAction().doAction(actions(menu)["click"])
            app = application()
            expected = {spoken(words[source]) for source in MENU_ITEMS}
            found = wait_for(lambda: expected <= menu_items(app) and menu_items(app), timeout=15)
            missing = sorted(expected - (found or menu_items(app)))
            tap.ok(not missing, f"{language}: the main menu has {sorted(expected)}; "
                   f"missing {missing}")
            untranslated = sorted({spoken(s) for s in MENU_ITEMS} & (found or set()))
            tap.ok(not untranslated, f"{language}: and none in English: {untranslated}")
            screenshot(os.path.join(folder, f"menu-{language}.png"))
            key("Escape")

        # The header bar's start is on the right of a right-to-left
        # interface, its end on the left.
        starts = [named_button(frame, spoken(words[s])) for s in HEADER_START]
        ends = [named_button(frame, spoken(words[s])) for s in HEADER_END]
        if all(starts) and all(ends):
            start_x = [centre_x(b) for b in starts]
            end_x = [centre_x(b) for b in ends]
            if language == "ar":
                tap.ok(min(start_x) > max(end_x),
                       f"{language}: the window is mirrored: the start buttons at {start_x} "
                       f"right of the end buttons at {end_x}")
            else:
                tap.ok(max(start_x) < min(end_x),
                       f"{language}: the start buttons at {start_x} left of the end "
                       f"buttons at {end_x}")
        else:
            tap.ok(False, f"{language}: the header bar's buttons are found to be placed")
    except Exception as error:
        tap.ok(False, f"{language}: the session went through without an error: {error!r}")
    finally:
        session.stop()


def main():
    tap = Tap()
    folder = os.environ.get("DRAFTING_TEST_OUTPUT") or Session().dir
    os.makedirs(folder, exist_ok=True)

    with open(os.path.join(PO_DIR, "LINGUAS")) as linguas:
        languages = [line.split("#")[0].strip() for line in linguas]
    languages = [language for language in languages if language]
    tap.ok(sorted(languages) == sorted(LOCALES), f"the languages are {sorted(LOCALES)}: {languages}")

    only = os.environ.get("DRAFTING_TEST_LANGUAGES", "").split()
    for language in languages:
        if language in LOCALES and (not only or language in only):
            check_language(tap, language, folder)

    print(f"# screenshots in {folder}")
    tap.done()


if __name__ == "__main__":
    main()
