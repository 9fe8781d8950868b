#!/usr/bin/env python3
"""m3_filter.py: drops gc's -m=3 IR dumps from its output (stdin to stdout).

goesc -m=3 prints gc's lines except gc's internal IR dumps, which are:
  - "POS: Before inlining: " and "POS: After inlining " headers,
  - "substituting name ", "substituting captured name ", "not substituting
    name " headers,
  - "typecheck import [F] ..." lines (imported inline bodies),
  - the lines after such a header that start with ".   " (the dump trees),
  - the empty line gc prints after each "After inlining" dump.
Every other line is kept as it is.
"""
import re
import sys

HEADER = re.compile(r'^(\S+: (Before inlining: |After inlining )|substituting name |'
                    r'substituting captured name |not substituting name |typecheck import \[)')

def main():
    in_dump = False
    for line in sys.stdin:
        if HEADER.match(line):
            in_dump = True
            continue
        if in_dump and (line.startswith('.   ') or line == '\n'):
            continue
        in_dump = False
        sys.stdout.write(line)

main()
