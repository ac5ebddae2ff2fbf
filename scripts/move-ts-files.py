#!/usr/bin/env python3
"""Moves TypeScript files (git mv) and rewrites every relative import that points at or from them.

usage: python3 scripts/move-ts-files.py MAPPING.tsv   (lines "old/path.ts<TAB>new/path.ts")
       python3 scripts/move-ts-files.py --fix-broken   (after a merge: every relative import
           that no longer resolves is pointed at the one file of its package with that name)
Scans *.ts/*.mts/*.mjs under packages/ and apps/ (node_modules and dist skipped); run
`pnpm typecheck` and `pnpm format` afterwards. Used for the issue-16 layout (area folders).
"""
import os, re, subprocess, sys

ROOT = subprocess.check_output(['git', 'rev-parse', '--show-toplevel'], text=True).strip()
os.chdir(ROOT)
mapping = {}
FIX = sys.argv[1] == '--fix-broken'
for line in ([] if FIX else open(sys.argv[1])):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    old, new = line.split('\t') if '\t' in line else line.split()
    if old != new:
        mapping[os.path.normpath(old)] = os.path.normpath(new)

for old in mapping:
    assert os.path.isfile(old), f'missing {old}'
news = list(mapping.values())
assert len(set(news)) == len(news), 'two files map to one path'
for new in news:
    assert not os.path.exists(new) or new in mapping, f'exists: {new}'

files = []
for top in ('packages', 'apps'):
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if d not in ('node_modules', 'dist', '.turbo')]
        for name in filenames:
            if name.endswith(('.ts', '.mts', '.mjs', '.tsx')):
                files.append(os.path.normpath(os.path.join(dirpath, name)))

SPEC = re.compile(r"""((?:from|import|vi\.mock|vi\.doMock|import\()\s*\(?\s*)(['"])(\.{1,2}/[^'"]+)\2""")


def resolve(from_file, spec):
    base = os.path.normpath(os.path.join(os.path.dirname(from_file), spec))
    for cand, kind in ((re.sub(r'\.js$', '.ts', base), 'js'), (base, 'same'),
                       (base + '.ts', 'noext'), (os.path.join(base, 'index.ts'), 'dir')):
        if os.path.isfile(cand):
            return cand, kind
    return None, None


def spec_for(from_new, target_new, kind, old_spec):
    rel = os.path.relpath(target_new, os.path.dirname(from_new))
    if not rel.startswith('.'):
        rel = './' + rel
    if kind == 'js':
        rel = re.sub(r'\.ts$', '.js', rel)
    elif kind == 'noext':
        rel = re.sub(r'\.ts$', '', rel)
    elif kind == 'dir':
        rel = os.path.dirname(rel) or '.'
    return rel


def fix_broken():
    """Points unresolved relative imports at where scripts/issue16-moves.tsv moved their
    target, else at the unique same-named file of the package."""
    moves = {}
    for line in open(os.path.join('scripts', 'issue16-moves.tsv')):
        if line.strip():
            old, new = line.split()
            moves[os.path.normpath(old)] = os.path.normpath(new)

    def moved(path):
        seen = set()
        while path in moves and path not in seen:
            seen.add(path)
            path = moves[path]
        return path if os.path.isfile(path) else None

    by_name = {}
    for f in files:
        parts = f.split(os.sep)
        key = (os.sep.join(parts[:2]), os.path.basename(f))
        by_name.setdefault(key, []).append(f)
    fixed = 0
    for f in files:
        text = open(f).read()
        pkg = os.sep.join(f.split(os.sep)[:2])

        def sub(m):
            nonlocal fixed
            spec = m.group(3)
            if resolve(f, spec)[0] is not None:
                return m.group(0)
            wanted = os.path.normpath(os.path.join(os.path.dirname(f), re.sub(r'\.js$', '.ts', spec)))
            target = moved(wanted if wanted.endswith('.ts') else wanted + '.ts')
            if target is not None:
                fixed += 1
                kind = 'js' if spec.endswith('.js') else 'noext'
                return m.group(1) + m.group(2) + spec_for(f, target, kind, spec) + m.group(2)
            base = os.path.basename(re.sub(r'\.js$', '.ts', spec))
            if not base.endswith('.ts'):
                base += '.ts'
            found = by_name.get((pkg, base), [])
            if len(found) != 1:
                print(f'{f}: cannot fix {spec} ({len(found)} candidates)')
                return m.group(0)
            fixed += 1
            kind = 'js' if spec.endswith('.js') else 'noext'
            return m.group(1) + m.group(2) + spec_for(f, found[0], kind, spec) + m.group(2)

        out = SPEC.sub(sub, text)
        if out != text:
            open(f, 'w').write(out)
    print(f'fixed {fixed} imports')


if FIX:
    fix_broken()
    sys.exit(0)

changed = 0
for f in files:
    text = open(f).read()
    f_new = mapping.get(f, f)

    def sub(m):
        spec = m.group(3)
        target, kind = resolve(f, spec)
        if target is None:
            return m.group(0)
        t_new = mapping.get(target, target)
        if t_new == target and f_new == f:
            return m.group(0)
        return m.group(1) + m.group(2) + spec_for(f_new, t_new, kind, spec) + m.group(2)

    out = SPEC.sub(sub, text)
    if out != text:
        open(f, 'w').write(out)
        changed += 1

for old, new in mapping.items():
    os.makedirs(os.path.dirname(new), exist_ok=True)
    subprocess.call(['git', 'add', old]); subprocess.check_call(['git', 'mv', old, new])
# Remove emptied folders.
for old in mapping:
    d = os.path.dirname(old)
    while d and os.path.isdir(d) and not os.listdir(d):
        os.rmdir(d)
        d = os.path.dirname(d)
print(f'moved {len(mapping)} files, rewrote imports in {changed} files')
