/* mail.c: one SMTP or POP3 session on the loop (see mail.h). */
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sodium.h>

#include "../../protocols/base64.h"
#include "../../protocols/pop3_reply.h"
#include "../../protocols/smtp_reply.h"
#include "../core/evlog.h"
#include "../core/loop.h"
#include "../core/resolve.h"
#include "mail.h"
#include "mail_auth.h"
#include "mail_state.h"
#include "mail_teach.h"
#include "mail_tls.h"

/* Longest line accepted from the server, CRLF included: both parsers
 * refuse longer lines, and a server that sends no CRLF at all must not
 * make us buffer without end. */
#define MAIL_FRAME_MAX	(SMTP_LINE_MAX + 2)

struct mail {
	struct loop		*loop;
	struct evlog		*log;
	struct mail_config	 cfg;
	struct mail_callbacks	 cb;
	struct bufferevent	*bev;
	enum smtp_state		 smtp;
	enum pop3_state		 pop3;
	struct smtp_reply	 reply;
	char			 verb[16];	/* of the command awaiting a reply */
	bool			 verb_has_arg;
	bool			 in_multiline;	/* POP3 data lines until "." */
	unsigned		 ml_lines;
	bool			 closed;
	bool			 tls;		/* the handshake is done */
	bool			 handshaking;
	bool			 awaiting_trust;	/* MAIL_UNTRUSTED_ASK holds */
	SSL_CTX			*ctx;		/* the CAs trusted */
	bool			 plaintext_auth;	/* allowed without TLS */
	struct mail_auth	 auth;		/* a helper exchange under way */
	struct resolve		*lookup;	/* of a host name */
	struct mail_teach	 teach;
};

static void
event_text(struct mail *m, const char *kind, const char *text)
{
	struct ev ev;

	ev_init(&ev, "mail", kind);
	ev_str(&ev, "text", text);
	ev_str(&ev, "state", mail_state(m));
	evlog_push(m->log, &ev);
}

const char *
mail_state(const struct mail *m)
{
	return m->cfg.proto == MAIL_SMTP ? smtp_state_name(m->smtp) :
	    pop3_state_name(m->pop3);
}

bool
mail_in_data(const struct mail *m)
{
	return m->cfg.proto == MAIL_SMTP && m->smtp == SMTP_DATA &&
	    m->verb[0] == '\0';
}

static void
finish(struct mail *m, const char *by)
{
	struct ev ev;

	if (m->closed)
		return;
	m->closed = true;
	if (m->cfg.proto == MAIL_SMTP && m->smtp == SMTP_DATA)
		event_text(m, "warning", "the connection closed in the middle "
		    "of DATA: the message was not accepted");
	ev_init(&ev, "mail", "closed");
	ev_str(&ev, "by", by);
	ev_str(&ev, "state", mail_state(m));
	evlog_push(m->log, &ev);
	if (m->bev != NULL) {
		bufferevent_free(m->bev);
		m->bev = NULL;
	}
	if (m->cb.closed != NULL)
		m->cb.closed(m->cb.arg);
}

static void on_read(struct bufferevent *, void *);
static void on_event(struct bufferevent *, short, void *);

/* The name the certificate must carry: --servername, else the host. */
static const char *
checked_name(const struct mail *m)
{
	return m->cfg.servername != NULL ? m->cfg.servername : m->cfg.host;
}

/* A TLS session for the name the certificate must carry (--servername,
 * else the host). The system's store is loaded on the first handshake
 * only (some 50 ms: a plaintext session does without). */
static SSL *
tls_session(struct mail *m, char *err, size_t errlen)
{
	if (m->ctx == NULL && (m->ctx = mail_tls_ctx_new(NULL, NULL, err,
	    errlen)) == NULL)
		return NULL;
	return mail_tls_new(m->ctx, checked_name(m), err, errlen);
}

/* Wraps the connection in TLS: a filter over the plain socket after
 * STARTTLS/STLS. The handshake's end is BEV_EVENT_CONNECTED. */
static bool
start_tls(struct mail *m)
{
	char err[128];
	SSL *ssl = tls_session(m, err, sizeof err);
	struct bufferevent *tls;

	if (ssl == NULL) {
		event_text(m, "error", err);
		return false;
	}
	tls = bufferevent_openssl_filter_new(loop_base(m->loop), m->bev, ssl,
	    BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
	if (tls == NULL) {
		SSL_free(ssl);
		event_text(m, "error", "cannot start TLS");
		return false;
	}
	m->bev = tls;
	m->handshaking = true;
	bufferevent_setcb(m->bev, on_read, NULL, on_event, m);
	bufferevent_enable(m->bev, EV_READ | EV_WRITE);
	return true;
}

static bool
upgrade_asked(const struct mail *m, bool ok)
{
	return ok && !m->tls && (strcmp(m->verb, "STARTTLS") == 0 ||
	    strcmp(m->verb, "STLS") == 0);
}

static void
smtp_reply_done(struct mail *m)
{
	struct ev ev;
	char challenge[SMTP_LINE_MAX];

	m->smtp = smtp_next_state(m->smtp, m->verb, m->reply.code);
	ev_init(&ev, "mail", "reply");
	ev_int(&ev, "code", m->reply.code);
	ev_str(&ev, "enhanced", m->reply.enhanced);
	ev_str(&ev, "text", m->reply.text);
	ev_str(&ev, "meaning", smtp_code_meaning(m->reply.code));
	if (m->reply.enhanced[0] != '\0')
		ev_str(&ev, "enhanced_meaning",
		    smtp_enhanced_meaning(m->reply.enhanced));
	if (m->reply.code == 334 && base64_text((const uint8_t *)m->reply.text,
	    strlen(m->reply.text), challenge, sizeof challenge))
		ev_str(&ev, "challenge", challenge);	/* "Username:" */
	ev_str(&ev, "state", smtp_state_name(m->smtp));
	ev_str(&ev, "next", smtp_legal_next(m->smtp));
	evlog_push(m->log, &ev);
	if (m->reply.code == 235 && strcmp(m->verb, "AUTH") == 0)
		mail_teach_authenticated(&m->teach, m->auth.mech !=
		    MAIL_AUTH_NONE ? m->auth.user : "");
	if (m->reply.code == 530 || m->reply.code == 538)
		event_text(m, "warning", "the server wants TLS before this "
		    "command: send STARTTLS (after EHLO)");
	smtp_reply_init(&m->reply);
	m->verb[0] = '\0';
}

static bool auth_step(struct mail *);

/* A challenge (334, "+") in a helper exchange: the next line goes out at
 * once. Any other reply ends the exchange and wipes the secrets. */
static bool
auth_continues(struct mail *m, bool challenge)
{
	if (m->auth.mech == MAIL_AUTH_NONE)
		return false;
	if (challenge && auth_step(m))
		return true;
	mail_auth_clear(&m->auth);
	return false;
}

static bool
smtp_line(struct mail *m, const uint8_t *line, size_t len)
{
	switch (smtp_reply_feed(&m->reply, line, len)) {
	case SMTP_REPLY_MORE:
		return true;
	case SMTP_REPLY_BAD:
		event_text(m, "error", m->reply.error);
		return false;
	case SMTP_REPLY_DONE:
		if (upgrade_asked(m, m->reply.code == 220)) {
			smtp_reply_done(m);
			return start_tls(m);
		}
		bool challenge = m->reply.code == 334;

		smtp_reply_done(m);
		if (auth_continues(m, challenge))
			return true;
		break;
	}
	if (m->smtp == SMTP_QUIT)
		return false;
	if (m->cb.ready != NULL)
		m->cb.ready(m->cb.arg);
	return true;
}

static void
pop3_status(struct mail *m, const struct pop3_reply *r)
{
	struct ev ev;
	/* A "+" challenge is not yet the +OK that logs in. */
	m->pop3 = pop3_next_state(m->pop3, m->verb, r->status == POP3_OK);
	m->in_multiline = r->status == POP3_OK &&
	    pop3_multiline(m->verb, m->verb_has_arg);
	m->ml_lines = 0;
	ev_init(&ev, "mail", "reply");
	ev_str(&ev, "status", r->status == POP3_OK ? "+OK" :
	    r->status == POP3_ERR ? "-ERR" : "+");
	ev_str(&ev, "code", r->code);
	ev_str(&ev, "text", r->text);
	ev_str(&ev, "meaning", r->code[0] != '\0' ? pop3_code_meaning(r->code) :
	    r->status == POP3_ERR ? "the command failed" :
	    r->status == POP3_CONT ? "send the next authentication line" :
	    m->in_multiline ? "success; lines follow until \".\"" : "success");
	if (r->challenge[0] != '\0')
		ev_str(&ev, "challenge", r->challenge);	/* "Username:" */
	ev_str(&ev, "state", pop3_state_name(m->pop3));
	evlog_push(m->log, &ev);
}

static bool
pop3_line(struct mail *m, const uint8_t *line, size_t len)
{
	struct pop3_reply r;
	char out[POP3_LINE_MAX + 1];
	size_t n;
	struct ev ev;

	if (m->in_multiline) {
		switch (pop3_ml_line(line, len, out, &n)) {
		case POP3_ML_BAD:
			event_text(m, "error", "data line longer than 1024 bytes");
			return false;
		case POP3_ML_DATA:
			ev_init(&ev, "mail", "data");
			ev_str(&ev, "line", out);
			evlog_push(m->log, &ev);
			m->ml_lines++;
			return true;
		case POP3_ML_END:
			m->in_multiline = false;
			break;
		}
	} else if (pop3_reply_parse(&r, line, len) == POP3_BAD) {
		event_text(m, "error", r.text);
		return false;
	} else {
		pop3_status(m, &r);
		if (m->in_multiline)
			return true;
		if (auth_continues(m, r.status == POP3_CONT))
			return true;
		if (upgrade_asked(m, r.status == POP3_OK)) {
			m->verb[0] = '\0';
			return start_tls(m);
		}
	}
	m->verb[0] = '\0';
	if (m->pop3 == POP3_UPDATE)
		return false;
	if (m->cb.ready != NULL)
		m->cb.ready(m->cb.arg);
	return true;
}

/* Frames CRLF (or bare LF) lines out of the input, at most MAIL_FRAME_MAX
 * bytes each. */
static void
on_read(struct bufferevent *bev, void *arg)
{
	struct mail *m = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	size_t len;
	char *line;
	bool go_on = true;

	if (m->awaiting_trust)
		return;		/* kept in the buffer until mail_trust() */
	while (go_on && !m->closed) {
		struct evbuffer_ptr eol = evbuffer_search_eol(in, NULL, NULL,
		    EVBUFFER_EOL_LF);

		if (eol.pos < 0 || (size_t)eol.pos > MAIL_FRAME_MAX) {
			if (eol.pos >= 0 ||
			    evbuffer_get_length(in) > MAIL_FRAME_MAX) {
				event_text(m, "error", "the server sent a line "
				    "longer than 1024 bytes");
				go_on = false;
			}
			break;
		}
		line = evbuffer_readln(in, &len, EVBUFFER_EOL_CRLF);
		if (line == NULL)
			break;
		go_on = m->cfg.proto == MAIL_SMTP ?
		    smtp_line(m, (const uint8_t *)line, len) :
		    pop3_line(m, (const uint8_t *)line, len);
		free(line);
	}
	if (!go_on)
		finish(m, m->smtp == SMTP_QUIT || m->pop3 == POP3_UPDATE ?
		    "client" : "error");
}

/* OpenSSL's reason when the TLS layer failed, else the socket's. */
static const char *
bev_error_text(struct mail *m, struct bufferevent *bev)
{
	static char text[160];
	unsigned long e = m->tls || m->handshaking ?
	    bufferevent_get_openssl_error(bev) : 0;

	if (e == 0)
		return evutil_socket_error_to_string(EVUTIL_SOCKET_ERROR());
	snprintf(text, sizeof text, "TLS: %s", ERR_reason_error_string(e) ?
	    ERR_reason_error_string(e) : "handshake failed");
	return text;
}

static void
report_tls(struct mail *m, SSL *ssl, const char *verdict)
{
	struct mail_tls_cert cert;
	struct ev ev;

	mail_tls_cert(ssl, &cert);
	ev_init(&ev, "mail", "tls");
	ev_str(&ev, "version", SSL_get_version(ssl));
	ev_str(&ev, "cipher", SSL_get_cipher_name(ssl));
	ev_str(&ev, "verify", verdict);
	ev_str(&ev, "subject", cert.subject);
	ev_str(&ev, "issuer", cert.issuer);
	ev_str(&ev, "sans", cert.sans);
	ev_str(&ev, "not_before", cert.not_before);
	ev_str(&ev, "not_after", cert.not_after);
	ev_str(&ev, "name", checked_name(m));
	evlog_push(m->log, &ev);
}

/* Inside TLS now: after STARTTLS the next command may go (EHLO again);
 * with implicit TLS the greeting comes next. */
static void
tls_ready(struct mail *m)
{
	if (!m->cfg.implicit_tls && m->cb.ready != NULL)
		m->cb.ready(m->cb.arg);
}

/* The handshake is over: report it, and refuse an untrusted certificate,
 * go on with a warning, or hold the session for the user's choice. */
static void
tls_done(struct mail *m)
{
	SSL *ssl = bufferevent_openssl_get_ssl(m->bev);
	const char *verdict = mail_tls_verdict(ssl);
	char text[200];

	m->handshaking = false;
	m->tls = true;
	report_tls(m, ssl, verdict);
	if (strcmp(verdict, "trusted") == 0) {
		tls_ready(m);
		return;
	}
	switch (m->cfg.untrusted) {
	case MAIL_UNTRUSTED_REFUSE:
		snprintf(text, sizeof text, "the certificate is not trusted "
		    "(%s): the session ends here (--insecure to go on "
		    "anyway)", verdict);
		event_text(m, "error", text);
		finish(m, "error");
		return;
	case MAIL_UNTRUSTED_ASK:
		snprintf(text, sizeof text, "the certificate is not trusted "
		    "(%s): go on anyway?", verdict);
		event_text(m, "warning", text);
		m->awaiting_trust = true;
		bufferevent_disable(m->bev, EV_READ);
		if (m->cb.untrusted != NULL)
			m->cb.untrusted(m->cb.arg);
		return;
	case MAIL_UNTRUSTED_GO_ON:
		break;
	}
	event_text(m, "warning", "going on with an untrusted certificate "
	    "(--insecure): anyone on the path could be the server");
	tls_ready(m);
}

void
mail_trust(struct mail *m, bool go_on)
{
	if (!m->awaiting_trust || m->closed)
		return;
	m->awaiting_trust = false;
	if (!go_on) {
		event_text(m, "warning", "the untrusted certificate was "
		    "refused: the session is closed");
		finish(m, "client");
		return;
	}
	event_text(m, "warning", "going on with an untrusted certificate "
	    "(your choice): anyone on the path could be the server");
	bufferevent_enable(m->bev, EV_READ);
	if (evbuffer_get_length(bufferevent_get_input(m->bev)) > 0)
		on_read(m->bev, m);
	if (!m->closed)
		tls_ready(m);
}

static void
on_event(struct bufferevent *bev, short what, void *arg)
{
	struct mail *m = arg;

	if ((what & BEV_EVENT_CONNECTED) && m->handshaking) {
		tls_done(m);
		return;
	}
	if (what & BEV_EVENT_CONNECTED) {
		struct ev ev;

		ev_init(&ev, "mail", "connected");
		ev_str(&ev, "host", m->cfg.host);
		ev_int(&ev, "port", m->cfg.port);
		evlog_push(m->log, &ev);
		return;
	}
	/* The last reply and the close can come together (QUIT's +OK, or
	 * TLS delivering both at once): read what is buffered first. */
	if ((what & BEV_EVENT_EOF) && evbuffer_get_length(bufferevent_get_input(bev)) > 0)
		on_read(bev, m);
	if (m->closed)
		return;
	if (what & BEV_EVENT_TIMEOUT)
		event_text(m, "error", "no reply in time");
	else if (what & BEV_EVENT_ERROR)
		event_text(m, "error", bev_error_text(m, bev));
	finish(m, what & BEV_EVENT_EOF ? "server" : "error");
}

struct mail *
mail_new(struct loop *loop, struct evlog *log, const struct mail_config *cfg,
    const struct mail_callbacks *cb, char *err, size_t errlen)
{
	struct mail *m = calloc(1, sizeof *m);

	if (m == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->loop = loop;
	m->log = log;
	m->cfg = *cfg;
	if (m->cfg.reply_timeout <= 0)
		m->cfg.reply_timeout = 15;
	m->cb = *cb;
	m->plaintext_auth = cfg->allow_plaintext_auth;
	smtp_reply_init(&m->reply);
	/* CAs given are read now, so a bad path fails before connecting. */
	if ((cfg->cafile != NULL || cfg->capath != NULL) &&
	    (m->ctx = mail_tls_ctx_new(cfg->cafile, cfg->capath, err,
	    errlen)) == NULL) {
		free(m);
		return NULL;
	}
	return m;
}

/* The socket's connect, once the address is known. */
static int
connect_to(struct mail *m, const struct addrinfo *ai, char *err, size_t errlen)
{
	struct sockaddr_storage ss;
	uint16_t port = htons((uint16_t)m->cfg.port);

	memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
	if (ss.ss_family == AF_INET6)
		((struct sockaddr_in6 *)&ss)->sin6_port = port;
	else
		((struct sockaddr_in *)&ss)->sin_port = port;
	if (bufferevent_socket_connect(m->bev, (struct sockaddr *)&ss,
	    (int)ai->ai_addrlen) != 0) {
		snprintf(err, errlen, "cannot connect to %s port %u",
		    m->cfg.host, m->cfg.port);
		return -1;
	}
	return 0;
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct mail *m = arg;
	char err[256];

	if (res == NULL) {
		event_text(m, "error", why);
		finish(m, "error");
	} else if (connect_to(m, res, err, sizeof err) != 0) {
		event_text(m, "error", err);
		finish(m, "error");
	}
}

static struct bufferevent *
new_bev(struct mail *m, char *err, size_t errlen)
{
	struct bufferevent *bev;
	SSL *ssl;

	if (!m->cfg.implicit_tls)
		return bufferevent_socket_new(loop_base(m->loop), -1,
		    BEV_OPT_CLOSE_ON_FREE);
	if ((ssl = tls_session(m, err, errlen)) == NULL)
		return NULL;
	m->handshaking = true;
	bev = bufferevent_openssl_socket_new(loop_base(m->loop), -1, ssl,
	    BUFFEREVENT_SSL_CONNECTING, BEV_OPT_CLOSE_ON_FREE);
	if (bev == NULL)
		SSL_free(ssl);
	return bev;
}

/* An address connects at once; a name is looked up without blocking the
 * loop (core/resolve), and a failed lookup is an error event. */
int
mail_connect(struct mail *m, char *err, size_t errlen)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM,
	    .ai_flags = AI_NUMERICHOST }, *ai;
	struct timeval tv;
	int rc;

	err[0] = '\0';
	if ((m->bev = new_bev(m, err, errlen)) == NULL) {
		if (err[0] == '\0')
			snprintf(err, errlen, "cannot make a socket");
		return -1;
	}
	bufferevent_setcb(m->bev, on_read, NULL, on_event, m);
	tv.tv_sec = (time_t)m->cfg.reply_timeout;
	tv.tv_usec = 0;
	bufferevent_set_timeouts(m->bev, &tv, &tv);
	bufferevent_enable(m->bev, EV_READ | EV_WRITE);
	if (getaddrinfo(m->cfg.host, NULL, &hints, &ai) == 0) {
		rc = connect_to(m, ai, err, errlen);
		freeaddrinfo(ai);
		return rc;
	}
	m->lookup = resolve_start(m->loop, m->cfg.host, on_lookup, m, err,
	    errlen);
	return m->lookup != NULL ? 0 : -1;
}

static void
warn_plaintext(struct mail *m, const char *verb)
{
	if (m->tls)
		return;
	if (strcmp(verb, "PASS") == 0 || strcmp(verb, "USER") == 0)
		event_text(m, "warning", "this sends a user name or password "
		    "in the clear: anyone on the path can read it (use TLS)");
}

/* Puts one line on the wire (CRLF added) and reports it as shown. */
static void
send_line(struct mail *m, const char *wire, const char *shown, bool helper,
    bool stuffed)
{
	struct ev ev;

	ev_init(&ev, "mail", "sent");
	ev_str(&ev, "line", shown);
	if (stuffed)
		ev_bool(&ev, "stuffed", true);
	if (helper)
		ev_bool(&ev, "helper", true);
	evlog_push(m->log, &ev);
	/* RFC 5321 4.5.2: a message line starting with '.' gets one more. */
	evbuffer_add_printf(bufferevent_get_output(m->bev), "%s%s\r\n",
	    stuffed ? "." : "", wire);
}

/* The next line of an AUTH helper exchange; false when there is none. */
static bool
auth_step(struct mail *m)
{
	struct mail_auth_line l;

	if (!mail_auth_next(&m->auth, &l)) {
		mail_auth_clear(&m->auth);
		return false;
	}
	send_line(m, l.wire, l.shown, true, false);
	sodium_memzero(&l, sizeof l);
	snprintf(m->verb, sizeof m->verb, "AUTH");
	m->verb_has_arg = true;
	return true;
}

/* AUTH with credentials outside TLS: refused unless allowed, and warned
 * about either way. True if the line may go. */
static bool
auth_may_go(struct mail *m, const char *line)
{
	if (m->tls || !mail_auth_has_secret(line))
		return true;
	if (!m->plaintext_auth) {
		event_text(m, "warning", "refused to send AUTH: the password "
		    "would cross the network in the clear (base64 is not "
		    "encryption). Send STARTTLS first, or allow it "
		    "(--allow-plaintext-auth)");
		return false;
	}
	event_text(m, "warning", "sending a password in the clear "
	    "(allowed): anyone on the path can read it");
	return true;
}

/* SMTP's teaching warnings about what was just sent. */
static void
teach(struct mail *m, bool data, const char *line)
{
	const char *w;

	if (m->cfg.proto != MAIL_SMTP)
		return;
	w = data ? mail_teach_data(&m->teach, line) :
	    mail_teach_command(&m->teach, line);
	if (w != NULL)
		event_text(m, "warning", w);
}

bool
mail_send(struct mail *m, const char *line)
{
	bool data = mail_in_data(m), stuffed = data && line[0] == '.' &&
	    line[1] != '\0';

	if (m->closed || m->bev == NULL)
		return false;
	if (!data && !auth_may_go(m, line))
		return false;
	if (!data && mail_auth_parse(line, &m->auth))
		return auth_step(m);
	send_line(m, line, line, false, stuffed);
	teach(m, data, line);
	if (data && strcmp(line, ".") != 0)
		return false;
	if (data) {
		snprintf(m->verb, sizeof m->verb, ".");
		return true;
	}
	mail_verb(line, m->verb, sizeof m->verb);
	m->verb_has_arg = strchr(line, ' ') != NULL;
	warn_plaintext(m, m->verb);
	return true;
}

void
mail_allow_plaintext_auth(struct mail *m, bool allow)
{
	m->plaintext_auth = allow;
}

bool
mail_plaintext_auth_allowed(const struct mail *m)
{
	return m->plaintext_auth;
}

void
mail_close(struct mail *m)
{
	finish(m, "client");
}

void
mail_free(struct mail *m)
{
	if (m == NULL)
		return;
	if (m->bev != NULL)
		bufferevent_free(m->bev);
	mail_auth_clear(&m->auth);
	resolve_free(m->lookup);
	SSL_CTX_free(m->ctx);
	free(m);
}
