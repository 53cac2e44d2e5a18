/*
 * icmp_quote_live.c: a test helper. Captures ICMP and ICMPv6 on an
 * Ethernet-framed interface (lo) with libpcap and prints, per packet, what
 * protocols/ decodes of it, one line of key=value, so a test can compare
 * with the probe it sent. Not part of punchline.
 *
 *   icmp_quote_live IFACE COUNT SECONDS DUMPFILE
 *
 * It stops after COUNT packets (-1: no limit), SECONDS, or on SIGUSR1.
 *
 * TCP segments print as "tcp SPORT > DPORT FLAGS seq ack win options", and
 * every packet is also written to DUMPFILE for tcpdump to read.
 */
#include <pcap/pcap.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "../../../protocols/icmp.h"
#include "../../../protocols/icmpv6.h"
#include "../../../protocols/ipv4.h"
#include "../../../protocols/ipv6.h"
#include "../../../protocols/tcp.h"

static pcap_t *pc;

static void
on_usr1(int sig)
{
	(void)sig;
	pcap_breakloop(pc);	/* allowed in a signal handler */
}

static void
print_quote(const struct ip_quote *q)
{
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	int af = q->family == 4 ? AF_INET : AF_INET6;

	inet_ntop(af, q->src, src, sizeof src);
	inet_ntop(af, q->dst, dst, sizeof dst);
	printf(" quote=%u qsrc=%s qdst=%s qproto=%u", q->family, src, dst,
	    q->protocol);
	if (q->has_ports)
		printf(" qsport=%u qdport=%u", q->sport, q->dport);
	if (q->has_echo)
		printf(" qid=%u qseq=%u", q->icmp_id, q->icmp_seq);
}

static void
print_tcp(const uint8_t *p, size_t n)
{
	struct tcp_hdr t;
	char flags[TCP_FLAGS_STR];

	if (tcp_decode(p, n, &t) != DECODE_OK)
		return;
	tcp_flags_str(t.flags, flags);
	printf("tcp %u > %u [%s] seq=%u ack=%u win=%u", t.sport, t.dport,
	    flags, t.seq, t.ack, t.window);
	if (t.has_mss)
		printf(" mss=%u", t.mss);
	if (t.sack_permitted)
		printf(" sackOK");
	if (t.has_ts)
		printf(" TS=%u,%u", t.ts_val, t.ts_ecr);
	if (t.has_wscale)
		printf(" wscale=%u", t.wscale);
	printf("\n");
}

static void
decode_v4(const uint8_t *p, size_t n)
{
	struct ipv4_hdr ip;
	struct icmp_msg m;

	if (ipv4_decode(p, n, &ip) == DECODE_OK && ip.protocol == 6)
		print_tcp(ip.payload, ip.payload_len);
	if (ipv4_decode(p, n, &ip) != DECODE_OK || ip.protocol != 1 ||
	    icmp_decode(ip.payload, ip.payload_len, &m) != DECODE_OK)
		return;
	printf("icmp ipcsum=%d csum=%d type=%u code=%u", ip.checksum_ok,
	    m.checksum_ok, m.type, m.code);
	if (!m.is_error)
		printf(" id=%u seq=%u", m.id, m.seq);
	if (m.has_quote)
		print_quote(&m.quote);
	printf("\n");
}

static void
decode_v6(const uint8_t *p, size_t n)
{
	struct ipv6_hdr ip;
	struct icmpv6_msg m;

	if (ipv6_decode(p, n, &ip) != DECODE_OK || ip.protocol != 58 ||
	    icmpv6_decode(ip.payload, ip.payload_len, &m) != DECODE_OK)
		return;
	printf("icmp6 csum=%d type=%u code=%u",
	    icmpv6_checksum_ok(ip.src, ip.dst, ip.payload, ip.payload_len),
	    m.type, m.code);
	if (!m.is_error)
		printf(" id=%u seq=%u", m.id, m.seq);
	if (m.has_quote)
		print_quote(&m.quote);
	printf("\n");
}

static void
on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *p)
{
	pcap_dump(user, h, p);
	if (h->caplen < 14)
		return;
	if (p[12] == 0x08 && p[13] == 0x00)
		decode_v4(p + 14, h->caplen - 14);
	else if (p[12] == 0x86 && p[13] == 0xdd)
		decode_v6(p + 14, h->caplen - 14);
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct bpf_program prog;
	pcap_dumper_t *dump;

	if (argc != 5)
		return 2;
	pc = pcap_create(argv[1], err);
	if (pc == NULL || pcap_set_snaplen(pc, 2048) != 0 ||
	    pcap_set_timeout(pc, 100) != 0 || pcap_activate(pc) < 0 ||
	    pcap_compile(pc, &prog, "icmp or icmp6 or tcp", 1, PCAP_NETMASK_UNKNOWN) ||
	    pcap_setfilter(pc, &prog) != 0) {
		fprintf(stderr, "pcap: %s\n", pc ? pcap_geterr(pc) : err);
		return 1;
	}
	if ((dump = pcap_dump_open(pc, argv[4])) == NULL) {
		fprintf(stderr, "pcap: %s\n", pcap_geterr(pc));
		return 1;
	}
	signal(SIGUSR1, on_usr1);
	printf("ready\n");
	fflush(stdout);
	alarm((unsigned)atoi(argv[3]));
	pcap_loop(pc, atoi(argv[2]), on_packet, (u_char *)dump);
	pcap_dump_close(dump);
	pcap_freecode(&prog);
	pcap_close(pc);
	return 0;
}
