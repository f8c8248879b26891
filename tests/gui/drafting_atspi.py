# drafting_atspi.py: drives Drafting's window as a person would, through
# the accessibility bus: actions by name, keys typed, texts read back.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import signal
import subprocess
import sys
import tempfile
import time


def _private_session():
    """Runs the test in a session bus of its own, with its own runtime
    folder: the accessibility bus lives there, named after the display,
    and two tests on one display would otherwise share it."""
    if os.environ.get("DRAFTING_TEST_SESSION"):
        tap = os.environ.pop("DRAFTING_TAP_FD", None)
        if tap:
            os.dup2(int(tap), 1)
            os.close(int(tap))
        return
    runtime = tempfile.mkdtemp(prefix="drafting-session-")
    os.chmod(runtime, 0o700)
    env = dict(os.environ, DRAFTING_TEST_SESSION="1", XDG_RUNTIME_DIR=runtime,
               XDG_CACHE_HOME=os.path.join(runtime, "cache"))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    # The bus daemons write to their standard output; only the test's
    # own lines may reach the TAP stream, so theirs go to stderr.
    tap = os.dup(1)
    os.set_inheritable(tap, True)
    env["DRAFTING_TAP_FD"] = str(tap)
    os.dup2(2, 1)
    script = os.path.abspath(sys.argv[0])
    os.execvpe("dbus-run-session", ["dbus-run-session", "--", sys.executable, script, *sys.argv[1:]], env)


if __name__ != "__main__":
    _private_session()


def _own_accessibility_bus():
    """The accessibility bus of this session. Several sessions may share
    one display, and the address a display advertises is the last one's:
    the application asks its session bus, and so must the test."""
    if "AT_SPI_BUS_ADDRESS" in os.environ:
        return
    try:
        reply = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                                "--object-path", "/org/a11y/bus",
                                "--method", "org.a11y.Bus.GetAddress"],
                               capture_output=True, text=True, timeout=30, check=True).stdout
        os.environ["AT_SPI_BUS_ADDRESS"] = reply.strip().strip("(),'")
    except (OSError, subprocess.SubprocessError):
        pass


_own_accessibility_bus()

import pyatspi  # noqa: E402  (after the bus is chosen)

APP_NAME = "wco-drafting"


class Tap:
    """Test Anything Protocol output, one line a check."""

    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, condition, description):
        self.count += 1
        if not condition:
            self.failed += 1
        print(f"{'ok' if condition else 'not ok'} {self.count} {description}", flush=True)
        return condition

    def done(self):
        print(f"1..{self.count}", flush=True)
        sys.exit(1 if self.failed else 0)


def wait_for(predicate, timeout=30.0, interval=0.2):
    """What predicate() returns once it is true, or None after timeout."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(interval)
    return None


class Session:
    """A private home for the application: settings, drafts, recent files."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="drafting-gui-")
        self.env = dict(os.environ)
        self.env.pop("NO_AT_BRIDGE", None)
        self.env.update({
            "XDG_DATA_HOME": os.path.join(self.dir, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "XDG_CACHE_HOME": os.path.join(self.dir, "cache"),
            "GTK_A11Y": "atspi",
            "GSETTINGS_BACKEND": "keyfile",
            "GDK_BACKEND": "x11",
        })
        self.process = None

    def start(self, *files):
        binary = os.environ["DRAFTING_BIN"]
        self.log = open(os.path.join(self.dir, "application.log"), "a")
        self.process = subprocess.Popen([binary, *files], env=self.env,
                                        stdout=self.log, stderr=self.log)
        return self

    def open_in_running(self, *files):
        """Starts the program again with files: the running one opens them."""
        subprocess.run([os.environ["DRAFTING_BIN"], *files], env=self.env, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def drafts(self):
        folder = os.path.join(self.dir, "data", "org.wco.drafting", "drafts")
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def application():
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.name == APP_NAME:
                return app
        except Exception:
            continue
    return None


def frames(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)
            if app.getChildAtIndex(i) is not None]


def dialog(title):
    """The dialog of the application whose title (an AdwMessageDialog's
    heading) is @title."""
    app = application()
    if app is None:
        return None
    for frame in frames(app):
        try:
            if frame.getRoleName() == "dialog" and frame.name == title:
                return frame
        except Exception:
            continue
    return None


def window(timeout=60):
    """The application's main window, once it is on screen."""
    def find():
        app = application()
        if app is None:
            return None
        for frame in frames(app):
            if frame.getRoleName() == "frame" and "Drafting" in (frame.name or ""):
                return frame
        return None
    return wait_for(find, timeout)


def actions(accessible):
    try:
        action = accessible.queryAction()
    except NotImplementedError:
        return {}
    return {action.getName(i): i for i in range(action.nActions)}


def activate(accessible, name, timeout=10):
    """Activates the action @name (a GAction of the window, or 'click')."""
    def find():
        return name in actions(accessible)
    if not wait_for(find, timeout):
        raise AssertionError(f"no action {name} on {accessible}: {sorted(actions(accessible))}")
    accessible.queryAction().doAction(actions(accessible)[name])


def showing(accessible):
    """Whether the widget is shown (GTK 4.8 reports VISIBLE, not SHOWING)."""
    try:
        return accessible.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def focused(accessible):
    try:
        return accessible.getState().contains(pyatspi.STATE_FOCUSED)
    except Exception:
        return False


def descendants(root, role=None, name=None, only_showing=True, limit=5000):
    """Every descendant of @root of @role (and @name), in order."""
    found = []
    stack = [root]
    while stack and len(found) < limit:
        node = stack.pop()
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            continue
        for child in reversed(children):
            if child is None:
                continue
            if only_showing and not showing(child):
                continue
            stack.append(child)
        if node is root:
            continue
        try:
            if (role is None or node.getRoleName() == role) and (name is None or node.name == name):
                found.append(node)
        except Exception:
            continue
    return found


CONTROL_ROLES = ("push button", "toggle button", "check box", "radio button", "combo box",
                 "entry", "password text", "spin button", "slider", "switch", "text")


def badly_named_controls(root):
    """The controls a screen reader cannot name well: no name, a class
    name ("GtkImage"), a mnemonic's underscore, or the name said twice."""
    found = []
    for node in descendants(root):
        try:
            role = node.getRoleName()
            name = node.name or ""
        except Exception:
            continue
        if role not in CONTROL_ROLES:
            continue
        words = name.split()
        half = len(words) // 2
        if (not name.strip() or re.fullmatch(r"(Gtk|Adw|Drafting)[A-Z]\w*", name)
                or re.search(r"(^|\s)_\w|\w_\w", name)
                or (half > 0 and len(words) % 2 == 0 and words[:half] == words[half:])):
            found.append(f"{role} {name!r}")
    return found


def text_of(accessible):
    try:
        return accessible.queryText().getText(0, -1)
    except Exception:
        return None


def current_page(frame):
    """The tab shown: the page that has the keyboard, else the newest."""
    pages = descendants(frame, name="DraftingPage")
    for page in pages:
        if any(focused(node) for node in descendants(page, role="text")):
            return page
    return pages[-1] if pages else frame


def element_nodes(frame, name=None):
    """The rows of the document shown, the rows the list has built."""
    return [node for node in descendants(current_page(frame), role="text")
            if node.name and node.name not in ("Find", "Replace With")
            and (name is None or node.name == name)]


def elements(frame):
    """The rows of the document shown: (accessible name, text) in order."""
    return [(node.name, text_of(node)) for node in element_nodes(frame)]


def focused_index(frame):
    for index, node in enumerate(element_nodes(frame)):
        if focused(node):
            return index
    return None


def go_to(frame, name, nth=0, end=True):
    """Moves the cursor with the arrow keys to the @nth element called
    @name, as a person would, and to the end of its text."""
    for _ in range(60):
        nodes = element_nodes(frame)
        targets = [i for i, node in enumerate(nodes) if node.name == name]
        if len(targets) <= nth:
            raise AssertionError(f"no element {name} #{nth}: {[n.name for n in nodes]}")
        target = targets[nth]
        current = focused_index(frame)
        if current is None:
            raise AssertionError("no element has the keyboard")
        if current == target:
            if end:
                to_end_of_text(nodes[target])
            return nodes[target]
        key("Down" if current < target else "Up")
    raise AssertionError(f"could not reach {name}")


def caret(accessible):
    """Where the cursor is in @accessible's text, and how long the text is."""
    try:
        text = accessible.queryText()
        return text.caretOffset, text.characterCount
    except Exception:
        return None, None


def to_end_of_text(node):
    """Moves the cursor to the end of the text it is in, a line at a time
    with End and Down, as a person would (Ctrl+End goes to the end of the
    document)."""
    for _ in range(40):
        offset, count = caret(node)
        if offset is not None and offset == count:
            return
        key("End")
        offset, count = caret(node)
        if offset is not None and offset == count:
            return
        key("Down")


def key(*names):
    """Presses keys as a person would: key("Return"), key("ctrl+z")."""
    subprocess.run(["xdotool", "key", "--delay", "60", *names], check=True)
    time.sleep(0.3)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "25", text], check=True)
    time.sleep(0.4)


def screenshot(path):
    subprocess.run(["import", "-window", "root", path], check=False)
