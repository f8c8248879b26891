#!/usr/bin/python3
# clipboard.py: text copied by another application, as a PDF viewer or a
# word processor copies it, for a test to paste into the window.
#
#   with Clipboard("text") as clipboard: ... key("ctrl+v") ...
#
# Run as a program, it owns the display's clipboard with the text it reads
# on its standard input, until that is closed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time


class Clipboard:
    """The display's clipboard holds @text while the block runs."""

    def __init__(self, text):
        self.text = text
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, os.path.abspath(__file__)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        env=dict(os.environ, NO_AT_BRIDGE="1", GTK_A11Y="none"))
        self.process.stdin.write(self.text.encode("utf-8"))
        self.process.stdin.flush()
        self.process.stdin.close()
        self.process.stdin = None
        line = self.process.stdout.readline().decode().strip()
        if line != "ready":
            raise AssertionError(f"the clipboard could not be set: {line!r}")
        time.sleep(0.3)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        return False


def _own():
    import gi
    gi.require_version("Gdk", "4.0")
    gi.require_version("Gtk", "4.0")
    from gi.repository import Gdk, GLib, Gtk

    text = sys.stdin.buffer.read().decode("utf-8")
    Gtk.init()
    display = Gdk.Display.get_default()
    clipboard = display.get_clipboard()
    clipboard.set(text)

    loop = GLib.MainLoop()

    def announce():
        print("ready", flush=True)
        return GLib.SOURCE_REMOVE

    GLib.idle_add(announce)
    loop.run()


if __name__ == "__main__":
    _own()
