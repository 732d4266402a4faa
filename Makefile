# Proctor: `make run` builds and starts the app on the shipped PMLE pack; `make test` runs everything.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN := .build/debug/proctor
PACK := Content/pmle
ARGS ?=

.PHONY: build run test unit validate e2e reliability bench format install clean deps test-deps

deps:
	@scripts/ensure-deps.sh build

test-deps:
	@scripts/ensure-deps.sh test

build: deps
	$(SWIFT) build

run: build
	@$(BIN) --content $(PACK) $(ARGS)

test: test-deps
	$(SWIFT) build
	$(MAKE) unit validate e2e reliability

unit:
	$(SWIFT) test

validate:
	$(BIN) validate $(PACK) --coverage

e2e:
	scripts/e2e.sh $(BIN)

reliability:
	scripts/reliability.sh $(BIN)

bench: deps
	scripts/bench.sh

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

# The installed binary carries the Swift runtime, so it runs without the toolchain.
install: deps
	$(SWIFT) build -c release --static-swift-stdlib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/proctor
	install -m 0755 .build/release/proctor $(DESTDIR)$(PREFIX)/bin/proctor
	rm -rf $(DESTDIR)$(PREFIX)/share/proctor/pmle
	cp -R $(PACK) $(DESTDIR)$(PREFIX)/share/proctor/pmle

clean:
	$(SWIFT) package clean
	rm -rf .build
