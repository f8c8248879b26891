#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lo-tracked.py FILE: what LibreOffice makes of a document's tracked changes.

Opens FILE in LibreOffice (headless, with a profile of its own, through
its Python API) and prints, as JSON: the author and type of each tracked
change, the text paragraph by paragraph and its footnotes' texts once
every change is accepted (Edit > Track Changes > Accept All), and once
every one is rejected.
Exits 1, saying why, when LibreOffice cannot be started or cannot load
the file.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, process):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        if process.poll() is not None:
            sys.exit("lo-tracked: LibreOffice stopped before it could be reached")
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            time.sleep(0.1)
    sys.exit("lo-tracked: LibreOffice could not be reached")


def paragraphs(document):
    texts = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            texts.append(element.getString())
    return texts


def load(desktop, url):
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if document is None:
        sys.exit("lo-tracked: LibreOffice could not load the file")
    return document


def footnotes(document):
    notes = document.getFootnotes()
    return [notes.getByIndex(i).getString() for i in range(notes.getCount())]


def decided(desktop, context, url, command):
    document = load(desktop, url)
    dispatcher = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", context)
    frame = document.getCurrentController().getFrame()
    dispatcher.executeDispatch(frame, command, "", 0, ())
    texts = paragraphs(document)
    notes = footnotes(document)
    document.close(True)
    return texts, notes


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: lo-tracked.py FILE")
    path = os.path.abspath(sys.argv[1])
    url = uno.systemPathToFileUrl(path)
    profile = tempfile.mkdtemp(prefix="lo-tracked-")
    pipe = "lo-tracked-%d" % os.getpid()
    process = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--headless", "--invisible", "--norestore", "--nologo",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = connect(pipe, process)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)

        document = load(desktop, url)
        changes = []
        redlines = document.getRedlines().createEnumeration()
        while redlines.hasMoreElements():
            redline = redlines.nextElement()
            changes.append({"author": redline.getPropertyValue("RedlineAuthor"),
                            "type": redline.getPropertyValue("RedlineType")})
        document.close(True)

        accepted, accepted_notes = decided(desktop, context, url, ".uno:AcceptAllTrackedChanges")
        rejected, rejected_notes = decided(desktop, context, url, ".uno:RejectAllTrackedChanges")
        result = {
            "changes": changes,
            "accepted": accepted,
            "accepted_notes": accepted_notes,
            "rejected": rejected,
            "rejected_notes": rejected_notes,
        }
        try:
            desktop.terminate()
        except Exception:
            pass
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    finally:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
