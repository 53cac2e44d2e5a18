#!/usr/bin/env python3
"""gen_pcap.py FILE N: writes N Ethernet packets to FILE, a mix that repeats
every 10: TCP (SYN with options, data, ACK), UDP, ICMP echo request and
reply, a DNS query and its answer, and IPv6 UDP. Addresses and ports vary
so no two flows look alike."""
import struct
import sys

path, n = sys.argv[1], int(sys.argv[2])


def ip4(src, dst, proto, payload):
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0x4000, 64,
                       proto, 0, src, dst) + payload


def eth(t, p):
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01" + struct.pack("!H", t) + p


def tcp(sp, dp, seq, ack, flags, opts=b"", data=b""):
    return struct.pack("!HHIIHHHH", sp, dp, seq, ack, ((20 + len(opts)) // 4) << 12 | flags,
                       64240, 0, 0) + opts + data


def udp(sp, dp, data):
    return struct.pack("!HHHH", sp, dp, 8 + len(data), 0) + data


def dnsname(s):
    return b"".join(bytes([len(p)]) + p for p in s.split(b".")) + b"\0"


opts = b"\x02\x04\x05\xb4\x04\x02\x08\x0a\x00\x00\x00\x01\x00\x00\x00\x00\x01\x03\x03\x07"
q = struct.pack("!HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + dnsname(b"host.bench.test") + b"\0\1\0\1"
a = struct.pack("!HHHHHH", 0x1234, 0x8180, 1, 1, 0, 0) + q[12:] + \
    b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes([10, 1, 2, 3])
v6a = bytes([0xfd] + [0] * 14 + [1])
v6b = bytes([0xfd] + [0] * 14 + [2])


def packet(i):
    s = bytes([10, 0, 0, 1 + i % 250])	# 250 hosts: tcpdump caches each address
    d = bytes([10, 1, 0, 1])
    sp = 1024 + i % 60000
    k = i % 10
    if k == 0:
        return eth(0x0800, ip4(s, d, 6, tcp(sp, 80, i, 0, 0x002, opts)))
    if k == 1:
        return eth(0x0800, ip4(s, d, 6, tcp(sp, 80, i, 7, 0x018, data=b"x" * 100)))
    if k == 2:
        return eth(0x0800, ip4(d, s, 6, tcp(80, sp, 7, i, 0x010)))
    if k in (3, 4):
        return eth(0x0800, ip4(s, d, 17, udp(sp, 9000, b"u" * 64)))
    if k == 5:
        return eth(0x0800, ip4(s, d, 1, struct.pack("!BBHHH", 8, 0, 0, 1, i & 0xffff) + b"p" * 56))
    if k == 6:
        return eth(0x0800, ip4(d, s, 1, struct.pack("!BBHHH", 0, 0, 0, 1, i & 0xffff) + b"p" * 56))
    if k == 7:
        return eth(0x0800, ip4(s, d, 17, udp(sp, 53, q)))
    if k == 8:
        return eth(0x0800, ip4(d, s, 17, udp(53, sp, a)))
    body = udp(sp, 9001, b"6" * 32)
    return eth(0x86dd, struct.pack("!IHBB16s16s", 6 << 28, len(body), 17, 64, v6a, v6b) + body)


with open(path, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    out = []
    for i in range(n):
        p = packet(i)
        out.append(struct.pack("<IIII", 1700000000 + i // 1000, (i % 1000) * 1000, len(p), len(p)) + p)
        if len(out) == 10000:
            f.write(b"".join(out))
            out = []
    f.write(b"".join(out))
