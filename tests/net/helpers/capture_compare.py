#!/usr/bin/env python3
"""capture_compare.py OURS.json TSHARK.json: compares punchline capture --json
with tshark -T json, packet by packet and field by field. Prints one line
per mismatch and a summary "compared N packets, M fields"; exit 1 on any
mismatch or if the packet counts differ."""
import json
import sys


def flatten(obj, out):
    """Every key of tshark's nested layer dicts, first value wins."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)):
                flatten(v, out)
            else:
                out.setdefault(k, v)
    elif isinstance(obj, list):
        for v in obj:
            flatten(v, out)


def num(v):
    return int(v, 0) if isinstance(v, str) else int(v)


def main():
    ours = [json.loads(l) for l in open(sys.argv[1])]
    theirs = json.load(open(sys.argv[2]))
    bad, fields = 0, 0
    if len(ours) != len(theirs):
        print(f"packet count: ours {len(ours)}, tshark {len(theirs)}")
        return 1
    for p, t in zip(ours, theirs):
        f = {}
        flatten(t["_source"]["layers"], f)
        want = []
        want.append(("frame.len", p["len"], num(f["frame.len"])))
        for l in p["layers"]:
            pr = l["proto"]
            if pr == "ipv4":
                want += [("ip.src", l["src"], f["ip.src"]), ("ip.dst", l["dst"], f["ip.dst"]),
                         ("ip.ttl", l["ttl"], num(f["ip.ttl"])), ("ip.id", l["id"], num(f["ip.id"])),
                         ("ip.proto", l["protocol"], num(f["ip.proto"]))]
            elif pr == "ipv6":
                want += [("ipv6.src", l["src"], f["ipv6.src"]), ("ipv6.dst", l["dst"], f["ipv6.dst"]),
                         ("ipv6.hlim", l["hlim"], num(f["ipv6.hlim"]))]
            elif pr == "tcp":
                want += [("tcp.srcport", l["sport"], num(f["tcp.srcport"])),
                         ("tcp.dstport", l["dport"], num(f["tcp.dstport"])),
                         ("tcp.seq_raw", l["seq"], num(f["tcp.seq_raw"])),
                         ("tcp.flags", l["flag_bits"], num(f["tcp.flags"]) & 0x1ff),
                         ("tcp.window_size_value", l["window"], num(f["tcp.window_size_value"]))]
                if "tcp.ack_raw" in f and l["flag_bits"] & 0x10:
                    want.append(("tcp.ack_raw", l["ack"], num(f["tcp.ack_raw"])))
                if "mss" in l:
                    want.append(("tcp.options.mss_val", l["mss"], num(f["tcp.options.mss_val"])))
            elif pr == "udp":
                want += [("udp.srcport", l["sport"], num(f["udp.srcport"])),
                         ("udp.dstport", l["dport"], num(f["udp.dstport"])),
                         ("udp.length", l["length"], num(f["udp.length"]))]
            elif pr in ("icmp", "icmpv6"):
                k = "icmp" if pr == "icmp" else "icmpv6"
                want += [(k + ".type", l["type"], num(f[k + ".type"])),
                         (k + ".code", l["code"], num(f[k + ".code"]))]
                if "id" in l:
                    idk = "icmp.ident" if pr == "icmp" else "icmpv6.echo.identifier"
                    sqk = "icmp.seq" if pr == "icmp" else "icmpv6.echo.sequence_number"
                    want += [(idk, l["id"], num(f[idk])), (sqk, l["seq"], num(f[sqk]))]
                if "quote" in l and "sport" in l["quote"]:
                    # tshark's flatten keeps the outer ports first; the
                    # quoted UDP header is the only one in an ICMP error.
                    want.append(("udp.dstport (quoted)", l["quote"]["dport"], num(f["udp.dstport"])))
            elif pr == "dns":
                want += [("dns.id", l["id"], num(f["dns.id"])),
                         ("dns.flags.response", l["response"], f["dns.flags.response"] == "1")]
                if l["questions"]:
                    want.append(("dns.qry.name", l["questions"][0]["name"].rstrip("."), f["dns.qry.name"]))
                for a in l["answers"]:
                    if a["type"] == "A":
                        want.append(("dns.a", a["data"], f["dns.a"]))
        for name, o, w in want:
            fields += 1
            if o != w:
                bad += 1
                print(f"packet {p['no']}: {name}: ours {o!r}, tshark {w!r}")
    print(f"compared {len(ours)} packets, {fields} fields, {bad} mismatches")
    return 1 if bad else 0


sys.exit(main())
