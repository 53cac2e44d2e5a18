#!/usr/bin/env python3
"""make_pcaps.py: writes the small pcaps of the capture golden tests, every
packet built by hand here (so each link type, protocol and damage is
there on purpose). Deterministic: run it again and nothing changes."""
import struct

T0 = 1700000000


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def ipv4(src, dst, proto, payload, ihl=5, ttl=64, ident=1, total=None, ver=4):
    total = 20 + len(payload) if total is None else total
    h = struct.pack("!BBHHHBBH4s4s", (ver << 4) | ihl, 0, total, ident, 0x4000,
                    ttl, proto, 0, bytes(src), bytes(dst))
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def ipv6(src, dst, nh, payload, hlim=64):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nh, hlim,
                       bytes(src), bytes(dst)) + payload


def udp(sport, dport, data):
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data


def tcp(sport, dport, seq, ack, flags, opts=b"", data=b"", off=None, win=64240):
    off = (20 + len(opts)) // 4 if off is None else off
    return struct.pack("!HHIIHHHH", sport, dport, seq, ack, (off << 12) | flags,
                       win, 0, 0) + opts + data


def icmp(typ, code, rest, data=b""):
    b = struct.pack("!BBH", typ, code, 0) + rest + data
    return b[:2] + struct.pack("!H", csum(b)) + b[4:]


def eth(ethertype, payload, src=b"\x02\0\0\0\0\x01", dst=b"\x02\0\0\0\0\x02"):
    return dst + src + struct.pack("!H", ethertype) + payload


def dns_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".") if p) + b"\0"


def dns_query(qid, name, qtype=1):
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + dns_name(name) + struct.pack("!HH", qtype, 1)


def dns_answer(qid, name, addr):
    q = dns_name(name) + struct.pack("!HH", 1, 1)
    a = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + bytes(addr)
    return struct.pack("!HHHHHH", qid, 0x8180, 1, 1, 0, 0) + q + a


def mesh(typ, sender, seq, body, flags=0):
    return struct.pack("!HBBBBHQI", 0x504c, 1, typ, flags, 0, len(body), sender, seq) + body


def write(path, linktype, packets, snaplen=65535):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, snaplen, linktype))
        for i, p in enumerate(packets):
            data, wire = (p, len(p)) if isinstance(p, bytes) else p
            f.write(struct.pack("<IIII", T0 + i, 1000 * i, len(data), wire) + data)


A, B = [10, 0, 0, 1], [10, 0, 0, 2]
L6A = [0xfe, 0x80] + [0] * 13 + [1]
L6B = [0xfe, 0x80] + [0] * 13 + [2]
SYN_OPTS = b"\x02\x04\x05\xb4\x04\x02\x08\x0a\x00\x00\x00\x01\x00\x00\x00\x00\x01\x03\x03\x07"

arp_req = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, b"\x02\0\0\0\0\x01", bytes(A), b"\0" * 6, bytes(B))
arp_rep = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 2, b"\x02\0\0\0\0\x02", bytes(B), b"\x02\0\0\0\0\x01", bytes(A))
write("eth_arp_icmp.pcap", 1, [
    eth(0x0806, arp_req, dst=b"\xff" * 6), eth(0x0806, arp_rep),
    eth(0x0800, ipv4(A, B, 1, icmp(8, 0, struct.pack("!HH", 77, 1), b"x" * 56))),
    eth(0x0800, ipv4(B, A, 1, icmp(0, 0, struct.pack("!HH", 77, 1), b"x" * 56))),
    eth(0x0800, ipv4(B, A, 1, icmp(3, 3, b"\0" * 4, ipv4(A, B, 17, udp(40000, 33434, b"probe"))))),
    eth(0x0800, ipv4(B, A, 1, icmp(11, 0, b"\0" * 4, ipv4(A, [192, 0, 2, 9], 17, udp(40000, 33435, b"")[:8], ttl=1)))),
    eth(0x88b5, b"\0" * 46),
])
sll = struct.pack("!HHH8sH", 0, 772, 6, b"\0" * 8, 0x0800)
write("sll_dns.pcap", 113, [
    sll + ipv4(A, B, 17, udp(5353 + 1000, 53, dns_query(0xbeef, "www.example.test"))),
    sll + ipv4(B, A, 17, udp(53, 6353, dns_answer(0xbeef, "www.example.test", [192, 0, 2, 80]))),
    sll + ipv4(A, B, 17, udp(6354, 53, dns_query(7, "mail.example.test", qtype=28))),
])
sll2 = struct.pack("!HHIHBB8s", 0x0800, 0, 1, 772, 4, 6, b"\0" * 8)
write("sll2_tcp.pcap", 276, [
    sll2 + ipv4(A, B, 6, tcp(41000, 80, 1000, 0, 0x002, SYN_OPTS)),
    sll2 + ipv4(B, A, 6, tcp(80, 41000, 5000, 1001, 0x012, SYN_OPTS)),
    sll2 + ipv4(A, B, 6, tcp(41000, 80, 1001, 5001, 0x018, data=b"GET / HTTP/1.0\r\n\r\n")),
    sll2 + ipv4(A, B, 6, tcp(41000, 80, 1019, 5001, 0x011)),
    sll2 + ipv4(B, A, 6, tcp(80, 41000, 5001, 0, 0x004)),
])
ns = icmp(135, 0, b"\0" * 4, bytes(L6B))
write("null_ipv6.pcap", 0, [
    struct.pack("<I", 10) + ipv6(L6A, L6B, 58, ns, hlim=255),
    struct.pack("<I", 10) + ipv6(L6A, L6B, 58, icmp(128, 0, struct.pack("!HH", 9, 3), b"ping6")),
    struct.pack("<I", 10) + ipv6(L6A, L6B, 17, udp(1000, 2000, b"six")),
])
hello = bytes([3]) + b"ann" + b"K" * 32 + bytes([1, 4]) + struct.pack("!H", 12345) + bytes(A)
chat = struct.pack("!IHHH", 1, 0, 1, 5) + b"hello"
write("raw_mesh.pcap", 101, [
    ipv4(A, B, 17, udp(12345, 12346, mesh(1, 0x1111, 1, hello))),
    ipv4(B, A, 17, udp(12346, 12345, mesh(5, 0x2222, 2, chat))),
    ipv4(A, B, 17, udp(12345, 12346, mesh(6, 0x1111, 3, struct.pack("!IH", 1, 0)))),
    ipv4(A, B, 17, udp(40404, 40405, mesh(3, 0x1111, 4, struct.pack("!Q", 0xabcdef)))),
    ipv4(A, B, 17, udp(12345, 12346, mesh(5, 0x1111, 5, b"N" * 24 + b"S" * 40, flags=1))),
    ipv4(A, B, 17, udp(12345, 12346, b"PL\x09\x01 not a mesh version")),
])
full_syn = eth(0x0800, ipv4(A, B, 6, tcp(41000, 80, 1, 0, 0x002, SYN_OPTS)))
full_dns = eth(0x0800, ipv4(A, B, 17, udp(5000, 53, dns_query(1, "a-rather-long-name.example.test"))))
write("snaplen.pcap", 1, [
    (full_syn[:40], len(full_syn)), (full_syn[:54], len(full_syn)),
    (full_dns[:50], len(full_dns)), (full_dns[:10], len(full_dns)),
], snaplen=54)
loop_dns = struct.pack("!HHHHHH", 9, 0x0100, 1, 0, 0, 0) + b"\xc0\x0c\0\1\0\1"
write("malformed.pcap", 1, [
    eth(0x0800, ipv4(A, B, 6, tcp(1, 2, 3, 4, 0x002), ihl=3)),
    eth(0x0800, ipv4(A, B, 6, tcp(1, 2, 3, 4, 0x002, off=2))),
    eth(0x0800, ipv4(A, B, 17, udp(5000, 53, loop_dns))),
    eth(0x0800, ipv4(A, B, 17, udp(5000, 53, b""), ver=7)),
    eth(0x0800, ipv4(A, B, 17, udp(5000, 9, b"short"), total=2000)),
    eth(0x86dd, b"\x60\0\0"),
    b"",
])
# A file cut in the middle of its third record, and one that is no capture.
with open("sll2_tcp.pcap", "rb") as f:
    whole = f.read()
with open("cut_record.pcap", "wb") as f:
    f.write(whole[:24 + 2 * 16 + len(sll2) * 2 + 40 * 2 + 50])
with open("not_a_capture.pcap", "wb") as f:
    f.write(b"GIF89a this is no capture file\n" * 4)
# pcapng: section header, interface (Ethernet), two enhanced packet blocks.
def block(btype, body):
    body += b"\0" * (-len(body) % 4)
    n = 12 + len(body)
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)
ng = block(0x0a0d0d0a, struct.pack("<IHHq", 0x1a2b3c4d, 1, 0, -1))
ng += block(1, struct.pack("<HHI", 1, 0, 65535))
for i, p in enumerate([eth(0x0800, ipv4(A, B, 17, udp(1111, 2222, b"ng"))),
                       eth(0x0800, ipv4(B, A, 1, icmp(8, 0, struct.pack("!HH", 5, 6))))]):
    ts = (T0 + i) * 1000000
    ng += block(6, struct.pack("<IIIII", 0, ts >> 32, ts & 0xffffffff, len(p), len(p)) + p)
with open("pcapng_basic.pcapng", "wb") as f:
    f.write(ng)
