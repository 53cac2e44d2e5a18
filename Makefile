# punchline: a full-screen terminal network lab. See README.md.
#
#   make            build ./punchline          make check   every test
#   make SAN=1      ASan + UBSan build          make bench   benchmarks
#   make demo       the lab with the TUI in it  make fuzz    libFuzzer targets
#   make deps       install Debian packages     make install / uninstall

VERSION	= 0.1.0
PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	= $(PREFIX)/bin
DATADIR	= $(PREFIX)/share/punchline
MANDIR	= $(PREFIX)/share/man/man1

CC	?= cc
PKGS	= ncursesw libpcap libevent libcap-ng libsodium libmnl \
	  libevent_openssl openssl libisal
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS	?= -O2 -g
CFLAGS	+= -std=c11 -pthread -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror \
	   -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -DPUNCHLINE_VERSION='"$(VERSION)"' -DPUNCHLINE_DATADIR='"$(DATADIR)"' \
	   $(PKG_CFLAGS)
LDLIBS	+= $(PKG_LIBS) -lm -pthread
ifeq ($(SAN),1)
CFLAGS	+= -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
LDFLAGS	+= -fsanitize=address,undefined
endif

# Quiet rules; make V=1 shows the full commands.
Q	= $(if $(filter 1,$(V)),,@)

# Objects depend on the flags they were built with, so `make SAN=1` after a
# plain build (or the other way round) rebuilds everything.
BUILD_FLAGS := $(CC) $(CFLAGS) $(LDFLAGS) $(LDLIBS)
ifneq ($(BUILD_FLAGS),$(file <.flags))
$(file >.flags,$(BUILD_FLAGS))
endif
.flags: ;

PROTO_SRC = $(wildcard protocols/*.c)
CORE_SRC  = $(wildcard src/core/*.c)
ENGINE_SRC = $(filter-out $(CORE_SRC),$(wildcard src/*/*.c))
UI_SRC    = $(wildcard ui/*.c)
LIB_SRC   = $(PROTO_SRC) $(CORE_SRC) $(ENGINE_SRC) $(UI_SRC)
LIB_OBJ   = $(LIB_SRC:.c=.o)
OBJ	  = src/main.o $(LIB_OBJ)

UNIT_SRC  = $(wildcard tests/unit/test_*.c)
UNIT_BIN  = $(UNIT_SRC:.c=)
FUZZ_SRC  = $(wildcard tests/fuzz/fuzz_*.c)

# Debian packages: build, tests, the lab, and the tools we compare with.
DEPS	= build-essential pkg-config libncurses-dev libpcap-dev libevent-dev \
	  libcap-ng-dev libsodium-dev libcmocka-dev iproute2 nftables procps psmisc tmux \
	  socat iputils-ping htop clang libclang-rt-14-dev valgrind sudo \
	  bsdutils conntrack nmap libmnl-dev net-tools traceroute mtr-tiny netcat-openbsd \
	  python3 postfix swaks dovecot-pop3d libssl-dev tcpdump libisal-dev tshark bc

.PHONY: all check unit-tests bench fuzz demo deps install uninstall clean \
	keys-doc

all: punchline

unit-tests: $(UNIT_BIN)

punchline: $(OBJ)
	@echo "  LD      $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

%.o: %.c .flags
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(OBJ:.o=.d) $(UNIT_SRC:.c=.d)

tests/unit/test_%: tests/unit/test_%.c $(LIB_OBJ) .flags
	@echo "  CC LD   $@"
	$(Q)$(CC) $(CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(LIB_OBJ) $(LDLIBS) -lcmocka

# As root, installs what is missing first, so a fresh machine needs only
# this. Sub-makes, because pkg-config must run after the install.
check:
	@if [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory deps; fi
	@$(MAKE) --no-print-directory punchline unit-tests
	@bash tests/run

bench: punchline tests/bench/helpers/conns
	@bash tests/bench/run

# The sockets-refresh benchmark's helper: N TCP connections on loopback.
tests/bench/helpers/conns: tests/bench/helpers/conns.c
	@echo "  CC LD   $@"
	$(Q)$(CC) -O2 -Wall -Wextra -Werror -o $@ $<

# libFuzzer wants clang; each target runs for FUZZ_SECONDS (default 20).
FUZZ_SECONDS ?= 20
fuzz:
	@bash tests/fuzz/run $(FUZZ_SECONDS)

# The main job: the lab, with the screen running inside alice. The lab
# comes down however the screen ends.
demo:
	@if [ "$$(id -u)" != 0 ]; then echo "make demo needs root: sudo make demo"; exit 1; fi
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory punchline
	@trap './punchline lab down >/dev/null' EXIT INT TERM; \
	./punchline lab up && ./punchline lab exec alice ./punchline

# Installs only what is missing, so a second run does nothing.
deps:
	@missing=$$(for p in $(DEPS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q '^install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "all dependencies are installed"; \
	elif [ "$$(id -u)" != 0 ]; then \
		echo "missing packages:" $$missing "(sudo make deps)"; \
	else echo "installing:" $$missing; \
		echo 'wireshark-common wireshark-common/install-setuid boolean false' | \
			debconf-set-selections; \
		echo "postfix postfix/main_mailer_type select No configuration" | \
			debconf-set-selections; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends $$missing; fi

# The key lists in the man page and README are generated from the tables.
keys-doc: punchline
	@bash tests/lib/keys-doc.sh update

install: punchline
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/themes \
	    $(DESTDIR)$(DATADIR)/scan $(DESTDIR)$(MANDIR)
	install -m 0755 punchline $(DESTDIR)$(BINDIR)/punchline
	install -m 0644 assets/themes/*.theme $(DESTDIR)$(DATADIR)/themes/
	install -m 0644 assets/scan/* $(DESTDIR)$(DATADIR)/scan/
	install -m 0644 man/punchline.1 $(DESTDIR)$(MANDIR)/punchline.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/punchline $(DESTDIR)$(MANDIR)/punchline.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -f punchline $(OBJ) $(OBJ:.o=.d) $(UNIT_BIN) $(UNIT_SRC:.c=.d)
	rm -f tests/bench/helpers/conns
	rm -rf tests/fuzz/bin tests/out .flags
