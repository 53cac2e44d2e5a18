#!/usr/bin/env python3
"""capture_text_compare.py OURS TCPDUMP: punchline capture's lines against
tcpdump -nn -S -r, line by line. Where punchline names a mesh datagram
("mesh hello from ...") tcpdump says "UDP, length N": the addresses before
and the length must still agree. Exit 1 on any difference."""
import re
import sys

ours = open(sys.argv[1]).read().splitlines()
theirs = open(sys.argv[2]).read().splitlines()
bad = 0
if len(ours) != len(theirs):
    print(f"line count: ours {len(ours)}, tcpdump {len(theirs)}")
    sys.exit(1)
mesh = 0
for o, t in zip(ours, theirs):
    m = re.match(r"(.*?: )mesh .*, length (\d+)$", o)
    if m:
        mesh += 1
        ok = t == f"{m.group(1)}UDP, length {m.group(2)}"
    else:
        ok = o == t
    if not ok:
        bad += 1
        print(f"ours:    {o}\ntcpdump: {t}")
print(f"compared {len(ours)} lines ({mesh} mesh), {bad} differ")
sys.exit(1 if bad else 0)
