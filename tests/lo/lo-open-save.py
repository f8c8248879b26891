#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""lo-open-save.py [--limit SECONDS] [--rounds N] FILE…: how long LibreOffice takes to open and save.

Starts one LibreOffice (headless, with a profile of its own, reached
through its Python API on a pipe), opens and saves a small document once
so that what LibreOffice loads on first use is not counted, then for each
FILE, N times (3 unless --rounds N comes before it): opens it hidden,
saves it as OpenDocument Text (the "writer8" filter) to a file of its own
and closes it. LibreOffice's own start and stop are outside every measure.

Prints one line per round, tab-separated:

  round  FILE  ROUND  TOTAL_US  LOAD_US  STORE_US

TOTAL_US is the wall time of the open, the save and the close together,
measured around the three calls. A file LibreOffice cannot open or save
prints "error  FILE  MESSAGE" instead. With --limit, an open and save
that takes longer than SECONDS is given up: it prints

  limit  FILE  ROUND  LIMIT_US

and LibreOffice is stopped and started again for the next FILE. Exits 77 when LibreOffice or its
Python API is not installed, 1 when LibreOffice cannot be started or
reached. LibreOffice is stopped at the end, killed if it does not stop.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:
    sys.stderr.write("lo-open-save: LibreOffice's Python API (python3-uno) is not installed\n")
    sys.exit(77)

# A flat ODT of one paragraph, the warm-up.
WARM_UP = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:body><office:text><text:p>Members should act.</text:p></office:text></office:body>
</office:document>
"""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, process):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(1200):
        if process.poll() is not None:
            raise RuntimeError("lo-open-save: LibreOffice stopped before it could be reached")
        try:
            return resolver.resolve(
                "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except NoConnectException:
            time.sleep(0.1)
    raise RuntimeError("lo-open-save: LibreOffice could not be reached")


def open_save(desktop, url, out_url):
    """Opens @url, saves it to @out_url, closes it: the times in µs."""
    start = time.perf_counter()
    document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if document is None:
        raise RuntimeError("LibreOffice could not load the file")
    loaded = time.perf_counter()
    try:
        document.storeToURL(out_url, (prop("FilterName", "writer8"), prop("Overwrite", True)))
        stored = time.perf_counter()
    finally:
        document.close(True)
    end = time.perf_counter()
    return (round((end - start) * 1e6), round((loaded - start) * 1e6),
            round((stored - loaded) * 1e6))


def stop(process, desktop):
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    # soffice is a script starting soffice.bin: its whole group goes.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def measure(process, pipe, work, files, state):
    """The measures, in a thread of their own: see main()."""
    context = connect(pipe, process)
    state["desktop"] = desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context)
    out_url = uno.systemPathToFileUrl(os.path.join(work, "out.odt"))

    warm_up = os.path.join(work, "warm-up.fodt")
    with open(warm_up, "w", encoding="utf-8") as f:
        f.write(WARM_UP)
    open_save(desktop, uno.systemPathToFileUrl(warm_up), out_url)

    for index, (path, rounds) in enumerate(files):
        url = uno.systemPathToFileUrl(path)
        for r in range(rounds):
            state["current"] = (index, r, time.monotonic())
            try:
                total, load, store = open_save(desktop, url, out_url)
            except Exception as e:
                if state["given_up"]:
                    return
                print("error\t%s\t%s" % (path, str(e).replace("\n", " ")), flush=True)
                break
            finally:
                state["current"] = None
            print("round\t%s\t%d\t%d\t%d\t%d" % (path, r, total, load, store), flush=True)
    state["done"] = True


def main():
    # Stopped from outside, LibreOffice is stopped too (see finally): the
    # calls to LibreOffice, which can block for minutes, are made in a
    # thread of their own so that this one can act on the signal at once.
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, lambda *_: sys.exit("lo-open-save: stopped"))
    # (path, rounds) for each file, --rounds N applying to those after it
    files = []
    rounds = 3
    limit = None
    args = sys.argv[1:]
    while args:
        arg = args.pop(0)
        if arg == "--rounds" and args and args[0].isdigit() and int(args[0]) > 0:
            rounds = int(args.pop(0))
        elif arg == "--limit" and args and args[0].isdigit() and int(args[0]) > 0:
            limit = int(args.pop(0))
        elif arg.startswith("-"):
            files = []
            break
        else:
            files.append((os.path.abspath(arg), rounds))
    if not files:
        sys.exit("usage: lo-open-save.py [--limit SECONDS] [--rounds N] FILE…")
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.stderr.write("lo-open-save: LibreOffice (soffice) is not installed\n")
        sys.exit(77)

    work = tempfile.mkdtemp(prefix="lo-open-save-")
    try:
        while files:
            files = run(soffice, work, files, limit)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(soffice, work, files, limit):
    """One LibreOffice measuring @files; returns those still to measure
    when it was stopped for going past @limit on one."""
    pipe = "lo-open-save-%d" % os.getpid()
    profile = os.path.join(work, "profile")
    process = subprocess.Popen(
        [soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         "--accept=pipe,name=%s;urp;" % pipe],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    state = {"desktop": None, "done": False, "current": None, "given_up": False}
    rest = []
    try:
        worker = threading.Thread(target=measure, args=(process, pipe, work, files, state),
                                  daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.5)
            current = state["current"]
            if limit is not None and current is not None and time.monotonic() - current[2] > limit:
                index, r, _ = current
                state["given_up"] = True
                print("limit\t%s\t%d\t%d" % (files[index][0], r, limit * 1000000), flush=True)
                rest = files[index + 1:]
                break
        if not state["done"] and not state["given_up"]:
            sys.exit(1)
    finally:
        # Only a LibreOffice that is done is asked to stop; else it is killed.
        done = state["done"]
        stop(process, state["desktop"] if done else None)
        worker.join(30)
        # A LibreOffice killed with a file open leaves its lock beside it,
        # and would not open that file again; and its profile may be
        # left as it was when killed.
        if not done:
            shutil.rmtree(profile, ignore_errors=True)
            for path, _ in files:
                lock = os.path.join(os.path.dirname(path), ".~lock.%s#" % os.path.basename(path))
                if os.path.exists(lock):
                    os.remove(lock)
    return rest


if __name__ == "__main__":
    main()
