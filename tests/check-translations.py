#!/usr/bin/python3
# check-translations.py: every translation complete, valid and current
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file that holds a string a person sees is in po/POTFILES.in; the
# messages of the sources as they are now (xgettext, as the build's
# drafting-pot target takes them) are each translated, none fuzzy, in every
# language of po/LINGUAS; and each translation passes msgfmt --check.
# Prints TAP.

import os
import re
import subprocess
import sys
import tempfile

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO_DIR = os.path.join(SOURCE_ROOT, 'po')

# The glib preset of meson's i18n module, which the build uses.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_printerr:1:c-format', '--flag=g_print:1:c-format',
]

TRANSLATABLE = re.compile(r'\b(?:N?C?_|ngettext|g_dngettext)\s*\(\s*"|translatable="yes"')

results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))


def listed_files():
    with open(os.path.join(PO_DIR, 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def files_with_strings():
    found = []
    for top in ('src',):
        for root, _dirs, files in os.walk(os.path.join(SOURCE_ROOT, top)):
            for name in files:
                if not name.endswith(('.c', '.ui')):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding='utf-8') as f:
                    if TRANSLATABLE.search(f.read()):
                        found.append(os.path.relpath(path, SOURCE_ROOT))
    return sorted(found)


def statistics(po):
    run = subprocess.run(['msgfmt', '--check', '--statistics', '-o', '/dev/null', po],
                         capture_output=True, text=True)
    return run.returncode, run.stderr.strip()


def main():
    listed = listed_files()
    missing = [path for path in files_with_strings() if path not in listed]
    check(not missing, 'po/POTFILES.in lists every file with translatable strings',
          'missing: ' + ', '.join(missing))
    gone = [path for path in listed if not os.path.exists(os.path.join(SOURCE_ROOT, path))]
    check(not gone, 'po/POTFILES.in lists no file that is gone', 'gone: ' + ', '.join(gone))

    with open(os.path.join(PO_DIR, 'LINGUAS'), encoding='utf-8') as f:
        languages = [line.strip() for line in f if line.strip() and not line.startswith('#')]
    check(set(languages) >= {'fr', 'es', 'ar', 'ru', 'pt'},
          'po/LINGUAS has the five languages besides English', ' '.join(languages))

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'drafting.pot')
        sources = [path for path in listed if os.path.exists(os.path.join(SOURCE_ROOT, path))]
        run = subprocess.run(['xgettext', '--package-name=drafting', '-o', pot,
                              '--directory', SOURCE_ROOT] + XGETTEXT_ARGS + sources,
                             capture_output=True, text=True)
        check(run.returncode == 0, 'xgettext extracts the messages', run.stderr.strip())
        if run.returncode != 0:
            return

        for language in languages:
            po = os.path.join(PO_DIR, language + '.po')
            status, stats = statistics(po)
            check(status == 0, f'{language}.po passes msgfmt --check', stats)

            merged = os.path.join(tmp, language + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                           check=True)
            status, stats = statistics(merged)
            complete = status == 0 and 'fuzzy' not in stats and 'untranslated' not in stats
            check(complete, f'{language}.po translates every message of the sources', stats)


if __name__ == '__main__':
    main()
    print(f'1..{len(results)}')
    for i, (ok, name, detail) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} {name}')
        if not ok and detail:
            for line in detail.splitlines():
                print(f'# {line}')
    sys.exit(0 if all(ok for ok, _name, _detail in results) else 1)
