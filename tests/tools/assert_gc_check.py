#!/usr/bin/env python3
"""assert_gc_check.py GC_OUT OURS PREFIX FILE...: goesc assert's verdicts
against gc's own -m=2 output of the same files, so that no verdict rests
on goesc's word alone. For each directive in FILE... (paths as gc prints
them), one line "ok PREFIX-file-line" or "FAIL PREFIX-file-line: why":

  //goesc:noescape     violated here  <=> gc prints moved to heap / escapes
                       to heap / leaking param on the target line
  //gcassert:noescape  violated here  <=> gc prints "X escapes to heap:" there
  //goesc:inline       (function) violated <=> gc has no "can inline F";
                       (call line) each call reported <=> gc does not inline
                       it, and a line without reports has gc inlining there
  //gcassert:inline    (line) violated <=> no "inlining call to" there
  //goesc:noalloc, //goesc:budget N: every allocation goesc quotes is a gc
                       line; when it passes, gc prints no heap line in the
                       function (noalloc) or at most N (budget)
"""
import re
import sys

gc_out, ours_out, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
files = sys.argv[4:]
gc = [l.rstrip('\n') for l in open(gc_out) if re.match(r'^\S+\.go:\d+:\d+: ', l)]
ours = [l.rstrip('\n') for l in open(ours_out)]

HEAP = re.compile(r'^(moved to heap: |leaking param)|.* escapes to heap$')
HEAP_ONLY = re.compile(r'^moved to heap: |.* escapes to heap$')


def gc_at(f, line, col=None):
    out = []
    for l in gc:
        m = re.match(r'^(\S+\.go):(\d+):(\d+): (.*)$', l)
        if m and m.group(1) == f and int(m.group(2)) == line and (col is None or int(m.group(3)) == col):
            if not m.group(4).startswith(' '):
                out.append(m.group(4))
    return out


def ours_at(f, line, needle):
    return [l for l in ours if l.startswith('%s:%d:' % (f, line)) and needle in l]


def result(name, ok, why):
    print(('ok %s' % name) if ok else ('FAIL %s: %s' % (name, why)))


for f in files:
    src = open(f).read().split('\n')
    for i, text in enumerate(src):
        m = re.search(r'//(goesc|gcassert):([\w,]+)(?: (\S+))?', text)
        if not m:
            continue
        names = m.group(2).split(',')
        ln = i + 1
        trailing = text[:text.index('//')].strip() != ''
        target = ln
        if not trailing:
            target = ln + 1
            while target <= len(src) and src[target - 1].strip().startswith('//'):
                target += 1
        ttext = src[target - 1] if target <= len(src) else ''
        is_func = ttext.startswith('func ')
        name = '%s-%s-%d' % (prefix, f.replace('/', '_'), ln)
        kind = m.group(1) + ':' + names[0]
        if m.group(1) == 'gcassert':  # a list: its checkable member
            kind = 'gcassert:' + next((x for x in names if x in ('inline', 'noescape')), names[0])
        if kind == 'goesc:noescape':
            g = [x for x in gc_at(f, target) if HEAP.match(x)]
            o = ours_at(f, target, 'against //goesc:noescape')
            result(name, bool(g) == bool(o), 'gc prints %r, goesc reports %r' % (g, o))
        elif kind == 'gcassert:noescape':
            g = [x for x in gc_at(f, target) if x.endswith(' escapes to heap:')]
            o = ours_at(f, target, '//gcassert:noescape')
            result(name, bool(g) == bool(o), 'gc prints %r, goesc reports %r' % (g, o))
        elif kind == 'goesc:inline' and is_func:
            fn = re.match(r'func (?:\([^)]*\) )?(\w+)', ttext).group(1)
            g = [x for x in gc_at(f, target) if x.startswith('can inline ') and (' %s ' % fn in x + ' ' or ('.' + fn) in x)]
            o = ours_at(f, target, 'against //goesc:inline')
            result(name, bool(g) != bool(o), 'gc prints %r, goesc reports %r' % (g, o))
        elif kind == 'goesc:inline':
            o = ours_at(f, target, 'against //goesc:inline')
            bad = []
            for l in o:
                col = int(l.split(':')[2])
                if any(x.startswith('inlining call to') for x in gc_at(f, target, col)):
                    bad.append('gc inlines the call at column %d' % col)
            if not o and not any(x.startswith('inlining call to') for x in gc_at(f, target)):
                bad.append('gc inlines nothing on line %d' % target)
            result(name, not bad, '; '.join(bad))
        elif kind == 'gcassert:inline' and not is_func:
            g = [x for x in gc_at(f, target) if x.startswith('inlining call to')]
            o = ours_at(f, target, 'call was not inlined')
            result(name, bool(g) != bool(o), 'gc prints %r, goesc reports %r' % (g, o))
        elif kind in ('goesc:noalloc', 'goesc:budget') and is_func:
            end = target
            if not ttext.rstrip().endswith('}'):
                while end < len(src) and src[end - 1] != '}':
                    end += 1
            # the allocations quoted in its violations are gc's lines
            quoted = []
            for l in ours:
                if ('at %s:%d' % (f, ln)) in l or ('at line %d:' % ln) in l:
                    quoted += re.findall(r'allocates: (\S+\.go):(\d+):(\d+): (.*) \(//goesc:noalloc', l)
                    quoted += re.findall(r'(\S+\.go):(\d+):(\d+) \((.*?(?:escapes to heap|moved to heap: \w+))\)', l)
                    mm = re.match(r'^(\S+\.go):(\d+):(\d+): (.*?), in \S+ against //goesc:noalloc', l)
                    if mm:
                        quoted.append(mm.groups())
            missing = ['%s:%s:%s: %s' % q for q in quoted if q[3] not in gc_at(q[0], int(q[1]), int(q[2]))]
            heap = [x for line in range(target, end + 1) for x in gc_at(f, line) if HEAP_ONLY.match(x)]
            viol = [l for l in ours if ('at %s:%d' % (f, ln)) in l or ('at line %d:' % ln) in l]
            why = ''
            if missing:
                why = 'not gc lines: %r' % missing
            elif kind == 'goesc:noalloc' and not viol and heap:
                why = 'passes, but gc prints %r in the function' % heap
            elif kind == 'goesc:budget' and not viol and len(heap) > int(m.group(3)):
                why = 'passes, but gc prints %d heap lines' % len(heap)
            elif kind == 'goesc:budget' and viol and len(heap) <= int(m.group(3)):
                why = 'fails, but gc prints only %d heap lines' % len(heap)
            result(name, not why, why)
