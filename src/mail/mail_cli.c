/*
 * mail_cli.c: `punchline mail HOST[:PORT] [--smtp|--submission|--smtps|
 * --pop3|--pop3s] [--script FILE] [--json] [--cafile FILE] ...`. Sends
 * the script's lines (or stdin's) one by one, each command after the
 * previous reply; message lines after DATA's 354 go straight on until
 * ".". Prints "> line" and "< reply  # meaning [state]" lines, or with
 * --json the events.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/cli.h"
#include "../core/cli_run.h"
#include "mail.h"
#include "mail_cli.h"

#define SCRIPT_MAX_LINES	10000
#define SCRIPT_LINE_MAX		998	/* RFC 5321 4.5.3.1.6, without CRLF */

const char mail_cli_usage[] =
    "usage: punchline mail HOST[:PORT] [--smtp|--submission|--smtps|--pop3|--pop3s]\n"
    "                      [--script FILE] [--json] [--timeout S] [--insecure]\n"
    "                      [--cafile FILE] [--capath DIR] [--servername NAME]\n"
    "                      [--allow-plaintext-auth]\n"
    "Talks SMTP or POP3 one line at a time and explains every reply.\n"
    "--smtp (port 25, the default), --submission (587), --pop3 (110).\n"
    "--smtps (465) and --pop3s (995): TLS from the start. A STARTTLS or STLS\n"
    "       line in the script upgrades the session after the server's yes.\n"
    "The certificate's verdict: trusted, self-signed, name mismatch,\n"
    "       expired, not yet valid, unknown issuer (or OpenSSL's reason).\n"
    "--insecure: go on when the certificate is not trusted, with a warning;\n"
    "       without it the session ends there.\n"
    "--cafile FILE, --capath DIR: the CAs to trust (PEM; a directory as\n"
    "       made by openssl rehash), instead of the system's store.\n"
    "--servername NAME: the name the certificate must carry, sent as SNI\n"
    "       (default: HOST; when HOST is an address, its IP is checked).\n"
    "AUTH PLAIN USER PASS and AUTH LOGIN USER PASS: the base64 exchange is\n"
    "       done for you, the password masked in what is shown.\n"
    "--allow-plaintext-auth: send AUTH with a password outside TLS (refused\n"
    "       otherwise; a warning either way).\n"
    "--script FILE: the lines to send (default: stdin). Each command waits\n"
    "       for the previous reply; after DATA's 354 the message lines go\n"
    "       on until a line \".\" (lines starting with '.' are dot-stuffed).\n"
    "--json: one event a line: connected, sent, reply, data, tls, warning,\n"
    "       error, closed.\n"
    "--timeout S: seconds to wait for a reply (default 15).\n";

struct mail_args {
	const char	*target, *script;
	const char	*cafile, *capath, *servername;
	enum mail_proto	 proto;
	unsigned	 port;
	bool		 json, tls, insecure, plaintext_auth;
	long		 timeout;
};

struct script {
	char	**lines;
	size_t	 n, next;
};

struct run {
	struct cli_run	 cli;
	struct mail	*mail;
	struct script	 script;
	bool		 failed;
};

static const struct cli_cmd cmd = { "mail", mail_cli_usage };

static int
usage_error(const char *fmt, const char *arg)
{
	return cli_usage_error(cmd.name, cmd.usage, fmt, arg);
}

static int
parse_option(int c, void *arg)
{
	struct mail_args *a = arg;

	switch (c) {
	case 's': a->proto = MAIL_SMTP; a->port = 25; return -1;
	case 'u': a->proto = MAIL_SMTP; a->port = 587; return -1;
	case 'p': a->proto = MAIL_POP3; a->port = 110; return -1;
	case 'S': a->proto = MAIL_SMTP; a->port = 465; a->tls = true; return -1;
	case 'P': a->proto = MAIL_POP3; a->port = 995; a->tls = true; return -1;
	case 'k': a->insecure = true; return -1;
	case 'A': a->plaintext_auth = true; return -1;
	case 'f': a->script = optarg; return -1;
	case 'C': a->cafile = optarg; return -1;
	case 'D': a->capath = optarg; return -1;
	case 'N': a->servername = optarg; return -1;
	case 'j': a->json = true; return -1;
	case 't':
		if (cli_number(optarg, 1, 600, &a->timeout) != 0)
			return usage_error("--timeout '%s': want 1-600 s", optarg);
		return -1;
	case 'h':
		fputs(mail_cli_usage, stdout);
		return 0;
	}
	return usage_error("unknown option '%s'", optarg != NULL ? optarg : "?");
}

static int
parse_args(int argc, char **argv, struct mail_args *a)
{
	static const struct option longopts[] = {
		{ "smtp", no_argument, NULL, 's' },
		{ "submission", no_argument, NULL, 'u' },
		{ "smtps", no_argument, NULL, 'S' },
		{ "pop3", no_argument, NULL, 'p' },
		{ "pop3s", no_argument, NULL, 'P' },
		{ "script", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "insecure", no_argument, NULL, 'k' },
		{ "cafile", required_argument, NULL, 'C' },
		{ "capath", required_argument, NULL, 'D' },
		{ "servername", required_argument, NULL, 'N' },
		{ "allow-plaintext-auth", no_argument, NULL, 'A' },
		{ "timeout", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int rc;

	a->proto = MAIL_SMTP;
	a->port = 25;
	if ((rc = cli_options(&cmd, argc, argv, "h", longopts, parse_option,
	    a)) >= 0)
		return rc;
	return cli_operand(&cmd, argc, argv, "HOST", &a->target);
}

/* HOST, HOST:PORT, [V6] or [V6]:PORT into host (a copy) and *port. */
static int
split_target(const char *t, char *host, size_t hlen, unsigned *port)
{
	const char *colon = NULL, *end;
	long n;

	if (t[0] == '[') {
		if ((end = strchr(t, ']')) == NULL)
			return -1;
		snprintf(host, hlen, "%.*s", (int)(end - t - 1), t + 1);
		if (end[1] == ':')
			colon = end + 1;
		else if (end[1] != '\0')
			return -1;
	} else {
		colon = strchr(t, ':');
		if (colon != NULL && strchr(colon + 1, ':') != NULL)
			colon = NULL;	/* a bare IPv6 address */
		snprintf(host, hlen, "%.*s", (int)(colon != NULL ?
		    (size_t)(colon - t) : strlen(t)), t);
	}
	if (host[0] == '\0')
		return -1;
	if (colon != NULL) {
		if (cli_number(colon + 1, 1, 65535, &n) != 0)
			return -1;
		*port = (unsigned)n;
	}
	return 0;
}

static int
read_script(const char *path, struct script *s, char *err, size_t errlen)
{
	FILE *f = path != NULL ? fopen(path, "r") : stdin;
	char buf[SCRIPT_LINE_MAX + 3];
	size_t len;

	if (f == NULL) {
		snprintf(err, errlen, "%s: cannot open it", path);
		return -1;
	}
	while (fgets(buf, sizeof buf, f) != NULL) {
		len = strcspn(buf, "\r\n");
		if (buf[len] == '\0' && !feof(f)) {
			snprintf(err, errlen, "script line %zu is longer than "
			    "%d bytes", s->n + 1, SCRIPT_LINE_MAX);
			break;
		}
		buf[len] = '\0';
		if (s->n == SCRIPT_MAX_LINES) {
			snprintf(err, errlen, "more than %d script lines",
			    SCRIPT_MAX_LINES);
			break;
		}
		if (s->n % 64 == 0)
			s->lines = realloc(s->lines, (s->n + 64) * sizeof *s->lines);
		s->lines[s->n++] = strdup(buf);
		err[0] = '\0';
	}
	if (f != stdin)
		fclose(f);
	return err[0] != '\0' ? -1 : 0;
}

static void
free_script(struct script *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
}

/* After a reply: the next command, and after DATA every message line up
 * to the "." that awaits the next reply. */
static void
on_ready(void *arg)
{
	struct run *r = arg;

	while (r->script.next < r->script.n)
		if (mail_send(r->mail, r->script.lines[r->script.next++]))
			return;
	mail_close(r->mail);
}

static void
on_closed(void *arg)
{
	loop_exit(((struct run *)arg)->cli.loop);
}

static void
watch_errors(const struct ev *ev, void *arg)
{
	if (strcmp(ev->kind, "error") == 0)
		((struct run *)arg)->failed = true;
}

/* "< 250-line" for all but the last line of a multi-line reply, as the
 * server sent it, and the meaning beside the last. */
static void
print_smtp_reply(const struct ev *ev, long long code)
{
	const char *text = ev_get_str(ev, "text"), *nl;
	const char *enh = ev_get_str(ev, "enhanced");
	const char *challenge = ev_get_str(ev, "challenge");

	while ((nl = strchr(text, '\n')) != NULL) {
		printf("< %lld-%.*s\n", code, (int)(nl - text), text);
		text = nl + 1;
	}
	printf("< %lld %s%s%s  # %s%s%s%s [%s]\n", code, enh,
	    enh[0] != '\0' ? " " : "", text, challenge != NULL ?
	    "the server asks: " : "", challenge != NULL ? challenge : "",
	    challenge != NULL ? "; " : "", ev_get_str(ev, "meaning"),
	    ev_get_str(ev, "state"));
}

static void
print_text(const struct ev *ev, void *arg)
{
	const struct ev_field *code = ev_find(ev, "code");
	const char *status = ev_get_str(ev, "status");
	const char *challenge = ev_get_str(ev, "challenge");

	(void)arg;
	if (strcmp(ev->kind, "sent") == 0)
		printf("> %s%s\n", ev_get_str(ev, "line"), ev_find(ev,
		    "stuffed") != NULL ? "  # sent with one more '.' "
		    "(dot-stuffing)" : "");
	else if (strcmp(ev->kind, "data") == 0)
		printf("< %s\n", ev_get_str(ev, "line"));
	else if (strcmp(ev->kind, "reply") == 0 && status != NULL)
		printf("< %s %s  # %s%s%s%s [%s]\n", status,
		    ev_get_str(ev, "text"), challenge != NULL ?
		    "the server asks: " : "", challenge != NULL ? challenge :
		    "", challenge != NULL ? "; " : "",
		    ev_get_str(ev, "meaning"), ev_get_str(ev, "state"));
	else if (strcmp(ev->kind, "reply") == 0 && code != NULL)
		print_smtp_reply(ev, code->v.i);
	else if (strcmp(ev->kind, "tls") == 0)
		printf("* tls: %s %s, certificate %s for %s: %s (issuer %s)\n"
		    "*      names %s, valid %s to %s\n",
		    ev_get_str(ev, "version"), ev_get_str(ev, "cipher"),
		    ev_get_str(ev, "verify"), ev_get_str(ev, "name"),
		    ev_get_str(ev, "subject"),
		    ev_get_str(ev, "issuer"), ev_get_str(ev, "sans")[0] != '\0' ?
		    ev_get_str(ev, "sans") : "(none)",
		    ev_get_str(ev, "not_before"), ev_get_str(ev, "not_after"));
	else if (strcmp(ev->kind, "connected") != 0)
		printf("* %s: %s\n", ev->kind, ev_get_str(ev, "text") != NULL ?
		    ev_get_str(ev, "text") : ev_get_str(ev, "by"));
	fflush(stdout);
}

static void
on_signal(int sig, void *mail)
{
	(void)sig;
	mail_close(mail);
}

static int
run_session(const struct mail_args *a, const char *host, struct run *r)
{
	struct mail_config cfg = { .host = host, .port = a->port,
	    .proto = a->proto, .reply_timeout = (double)a->timeout,
	    .implicit_tls = a->tls, .untrusted = a->insecure ?
	    MAIL_UNTRUSTED_GO_ON : MAIL_UNTRUSTED_REFUSE, .cafile = a->cafile,
	    .capath = a->capath, .servername = a->servername,
	    .allow_plaintext_auth = a->plaintext_auth };
	struct mail_callbacks cb = { on_ready, on_closed, r, NULL };
	char err[256];
	int rc = 1;

	if (cli_run_start(&r->cli, cmd.name, 256, a->json, print_text) != 0)
		return 1;
	evlog_subscribe(&r->cli.log, watch_errors, r);
	r->mail = mail_new(r->cli.loop, &r->cli.log, &cfg, &cb, err, sizeof err);
	if (r->mail != NULL && mail_connect(r->mail, err, sizeof err) == 0) {
		cli_run_on_stop(&r->cli, on_signal, r->mail);
		loop_run(r->cli.loop);
		rc = r->failed ? 1 : 0;
	} else {
		fprintf(stderr, "punchline mail: %s\n", err);
	}
	mail_free(r->mail);
	cli_run_end(&r->cli);
	return rc;
}

int
mail_cli_main(int argc, char **argv)
{
	struct mail_args a = { 0 };
	struct run r = { 0 };
	char host[256], err[256] = "";
	int rc;

	if ((rc = parse_args(argc, argv, &a)) >= 0)
		return rc;
	if (split_target(a.target, host, sizeof host, &a.port) != 0)
		return usage_error("bad HOST[:PORT] '%s'", a.target);
	if (read_script(a.script, &r.script, err, sizeof err) != 0) {
		free_script(&r.script);
		return usage_error("%s", err);
	}
	rc = run_session(&a, host, &r);
	free_script(&r.script);
	return rc;
}
