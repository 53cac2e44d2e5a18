/* scan_job.c: one scan from what a user typed (see scan_job.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/assets.h"
#include "../core/evlog.h"
#include "../core/job_end.h"
#include "../core/loop.h"
#include "scan_job.h"
#include "../core/resolve.h"

struct scan_job {
	struct loop		*loop;
	struct evlog		*log;
	struct scan_config	 cfg;
	struct scan_target	 target;
	struct port_set		 ports;
	struct scan		*scan;
	struct resolve		*lookup;
	struct event		*kick;		/* starts the scan from the loop */
	char			*services, *udp_probes;
	struct job_end		 end;
};

static int
add_top(struct port_set *ps, size_t n, char *err, size_t errlen)
{
	size_t len;
	char *text = assets_read("scan/top-ports", &len);
	int rc;

	if (text == NULL) {
		snprintf(err, errlen, "assets/scan/top-ports: cannot read it");
		return -1;
	}
	rc = ports_add_top(ps, text, n, err, errlen);
	free(text);
	return rc;
}

/* -p and --top together add up; neither means 1-1024 and the whole top
 * list (0 to ports_add_top: every port of it). */
static int
choose_ports(const struct scan_request *r, struct port_set *ps, char *err,
    size_t errlen)
{
	if (r->ports != NULL && ports_parse(ps, r->ports, err, errlen) != 0)
		return -1;
	if (r->top > 0 && add_top(ps, r->top, err, errlen) != 0)
		return -1;
	if (r->ports == NULL && r->top == 0)
		return ports_parse(ps, "1-1024", err, errlen) != 0 ? -1 :
		    add_top(ps, 0, err, errlen);
	return 0;
}

static void
end(struct scan_job *j, int status, const char *why)
{
	job_end(&j->end, status, j->target.name, why);
}

static void
on_scan_done(void *arg)
{
	end(arg, 0, NULL);
}

static void
start_scan(struct scan_job *j)
{
	char err[320];

	if ((j->scan = scan_new(j->loop, j->log, &j->cfg, err, sizeof err)) == NULL) {
		end(j, 2, err);
		return;
	}
	scan_start(j->scan, on_scan_done, j);
}

static void
on_kick(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	start_scan(arg);
}

static void
on_lookup(void *arg, const struct addrinfo *res, const char *why)
{
	struct scan_job *j = arg;
	char text[400];

	if (why != NULL) {
		snprintf(text, sizeof text, "target %s", why);
		end(j, 2, text);
	} else if (target_add_first(&j->target, res) != 0)
		end(j, 2, "out of memory");
	else
		start_scan(j);
}

static int
configure(struct scan_job *j, const struct scan_request *r, char *err,
    size_t errlen)
{
	size_t len = 0;

	if (r->banners && r->type == SCAN_UDP) {
		snprintf(err, errlen, "banners are for TCP scans (a UDP scan "
		    "shows what an open port answers anyway)");
		return -1;
	}
	j->cfg.type = r->type;
	j->cfg.target = &j->target;
	j->cfg.ports = &j->ports;
	j->cfg.rate = r->rate;
	j->cfg.max_inflight = r->max_inflight;
	j->cfg.banners = r->banners;
	j->cfg.report_closed = r->report_closed;
	j->cfg.banner_wait = r->banner_wait;
	j->cfg.progress_every = r->progress_every;
	if (r->banners && (j->services = assets_read("scan/services", &len)) != NULL) {
		j->cfg.services = j->services;
		j->cfg.services_len = len;
	}
	if (r->type == SCAN_UDP &&
	    (j->udp_probes = assets_read("scan/udp-probes", &len)) != NULL) {
		j->cfg.udp_probes = j->udp_probes;
		j->cfg.udp_probes_len = len;
	}
	return 0;
}

struct scan_job *
scan_job_new(struct loop *loop, struct evlog *log, const struct scan_request *r,
    scan_job_done_fn done, void *arg, char *err, size_t errlen)
{
	struct scan_job *j = calloc(1, sizeof *j);
	int rc;

	if (j == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	j->loop = loop;
	j->log = log;
	job_end_init(&j->end, log, "scan", done, arg);
	ports_init(&j->ports);
	if (choose_ports(r, &j->ports, err, errlen) != 0 ||
	    (rc = target_parse(r->target, &j->target, err, errlen)) < 0 ||
	    configure(j, r, err, errlen) != 0) {
		scan_job_free(j);
		return NULL;
	}
	if (rc == TARGET_NEEDS_LOOKUP) {
		if ((j->lookup = resolve_start(loop, j->target.name, on_lookup,
		    j, err, errlen)) == NULL) {
			scan_job_free(j);
			return NULL;
		}
	} else if ((j->kick = event_new(loop_base(loop), -1, 0, on_kick, j)) != NULL)
		event_active(j->kick, EV_TIMEOUT, 0);	/* done never runs in here */
	else {
		snprintf(err, errlen, "out of memory");
		scan_job_free(j);
		return NULL;
	}
	return j;
}

bool
scan_job_counts(const struct scan_job *j, struct scan_counts *c)
{
	memset(c, 0, sizeof *c);
	if (j->scan == NULL)
		return false;
	scan_counts(j->scan, c);
	return true;
}

const char *
scan_job_error(const struct scan_job *j)
{
	return job_end_why(&j->end);
}

void
scan_job_stop(struct scan_job *j)
{
	if (j->kick != NULL)
		event_del(j->kick);
	resolve_free(j->lookup);
	j->lookup = NULL;
	if (j->scan != NULL)
		scan_stop(j->scan);
	end(j, 1, NULL);
}

void
scan_job_free(struct scan_job *j)
{
	if (j == NULL)
		return;
	resolve_free(j->lookup);
	if (j->kick != NULL)
		event_free(j->kick);
	scan_free(j->scan);
	ports_free(&j->ports);
	target_free(&j->target);
	free(j->services);
	free(j->udp_probes);
	free(j);
}
