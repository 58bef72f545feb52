# Cổng Phường — the two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed-stamp

.PHONY: install lock run serve demo test typecheck lint-imports test-sqlite test-postgres lint lint-templates format check-migrations translations clean bench-search \
	bench-pageweight bench-lighthouse bench-lighthouse-nginx vendor-axe vendor-htmlcs prod-check replica-check bench-serving bench-soak \
	bench-legacy bench-province

# Every package comes from requirements/dev.lock, checked against its hashes; the project itself is
# installed on top without resolving anything again.
$(STAMP): pyproject.toml requirements/dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## make lock: regenerate the hashed lock files from pyproject.toml (pip-compile; keeps the pinned
## versions of the current locks unless pyproject.toml asks otherwise). dev.lock: the project with
## its dev tools (make install); production.lock: the project with the S3 extra (docs/deploy.md).
COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-strip-extras --no-emit-index-url --no-emit-find-links
lock: install
	$(COMPILE) --extra dev -o requirements/dev.lock pyproject.toml
	$(COMPILE) --extra s3 -o requirements/production.lock pyproject.toml
	$(COMPILE) --extra dev --extra prodcheck -o requirements/prodcheck.lock pyproject.toml

## make run: install, migrate the SQLite database under var/, load the demo wards, serve.
run: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_admin_units
	$(MANAGE) load_demo --port $(PORT)
	@echo ""
	@echo "  Cổng Phường đang chạy / is serving at:  http://$(HOST):$(PORT)/"
	@echo "  Phường thứ hai / second ward:            http://phuong-tan-son-hoa.localhost:$(PORT)/"
	@echo "  Trang quản trị / admin:                  http://$(HOST):$(PORT)/admin/"
	@echo "  Mật khẩu / password: CongPhuong@2025      Phường Bình An      Phường Tân Sơn Hòa"
	@echo "  Biên tập viên / editor:                   bientap             bientap_tsh"
	@echo "  Lãnh đạo duyệt / approver:                lanhdao             lanhdao_tsh"
	@echo "  Quản trị trang / site admin:              quantri             quantri_tsh"
	@echo "  Cán bộ khuyến học / learning officer:     khuyenhoc           khuyenhoc_tsh"
	@echo ""
	@# Scheduled publishing runs beside the server and stops with it.
	$(MANAGE) run_scheduler --interval 30 & scheduler=$$!; \
	  trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	  $(MANAGE) runserver $(HOST):$(PORT)

## make test: the whole suite on SQLite with the coverage gate and, when DATABASE_URL points at
## PostgreSQL, on PostgreSQL too, both at once (tests/run_suites.sh). PYTEST_ARGS go to both runs.
PYTEST_ARGS ?=
test: install
	PYTEST=$(BIN)/pytest bash tests/run_suites.sh $(PYTEST_ARGS)

## make typecheck: mypy with django-stubs ([tool.mypy] in pyproject.toml) on the modules that pass it;
## a module joins MYPY_PATHS once it does. Run in CI.
MYPY_PATHS := congphuong/core congphuong/search congphuong/serving congphuong/wards/membership.py congphuong/wards/roles.py
typecheck: install
	$(BIN)/mypy $(MYPY_PATHS)

## make lint-imports: the layer contracts of [tool.importlinter] in pyproject.toml (core imports no app
## above it; the ward module imports no content app). Run in CI.
lint-imports: install
	$(BIN)/lint-imports

## make bench-search N=1000,10000,100000 BACKENDS=sqlite,postgres: search quality and speed, portal index
## against Wagtail's stock backend (not part of make test; see bench/RESULTS.md).
N ?= 1000,10000
BACKENDS ?= sqlite,postgres
bench-search: install
	$(BIN)/python -m bench.search.run --sizes $(N) --backends $(BACKENDS)

## make bench-legacy PAGES=10000 MERGE=5000: import of PAGES generated legacy pages (three HTML layouts and
## plain text) and merger of three wards of MERGE pages each, timed, with a content hash before and after
## (bench/legacy/README.md; not part of make test; MERGE=0 skips the merger).
PAGES ?= 10000
MERGE ?= 0
bench-legacy: install
	$(BIN)/python -m bench.legacy.run --pages $(PAGES) --merge $(MERGE)

## make bench-pageweight / bench-lighthouse: page weight and Lighthouse 12 (mobile) of home, category,
## article, search on a production-like granian server of the demo (not part of make test; see
## bench/RESULTS.md). Lighthouse comes from npm, pinned in bench/lighthouse/package-lock.json.
LIGHTHOUSE := bench/lighthouse/node_modules/.bin/lighthouse
bench-pageweight: install
	$(BIN)/python -m bench.pageweight

$(LIGHTHOUSE): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	npm ci --prefix bench/lighthouse --no-audit --no-fund
	touch $(LIGHTHOUSE)

bench-lighthouse: install $(LIGHTHOUSE)
	$(BIN)/python -m bench.lighthouse.run

## make bench-lighthouse-nginx RUNS=3: the same through the shipped nginx config, granian, PostgreSQL, Redis.
bench-lighthouse-nginx: install $(LIGHTHOUSE)
	RUNS=$(if $(RUNS),$(RUNS),3) bash bench/lighthouse/behind_nginx.sh

## make vendor-axe: refresh the axe-core copy the browser tests inject (the version pinned there).
AXE_VERSION := $(shell sed -n 's/^AXE_VERSION = "\(.*\)"/\1/p' tests/browser/test_wcag_axe.py)
vendor-axe:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && tar xzf axe-core-$(AXE_VERSION).tgz && \
	  cp package/axe.min.js $(CURDIR)/tests/browser/assets/axe.min.js && \
	  cp package/LICENSE $(CURDIR)/tests/browser/assets/axe-core-LICENSE.txt && rm -rf $$tmp

## make vendor-htmlcs: refresh the HTML_CodeSniffer build (pa11y's) the browser tests inject.
HTMLCS_VERSION := $(shell sed -n 's/^HTMLCS_VERSION = "\([^"]*\)".*/\1/p' tests/browser/test_wcag_axe.py)
vendor-htmlcs:
	tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent @pa11y/html_codesniffer@$(HTMLCS_VERSION) >/dev/null && \
	  tar xzf pa11y-html_codesniffer-$(HTMLCS_VERSION).tgz && \
	  cp package/build/HTMLCS.js $(CURDIR)/tests/browser/assets/HTMLCS.js && \
	  cp package/licence.txt $(CURDIR)/tests/browser/assets/HTML_CodeSniffer-LICENCE.txt && rm -rf $$tmp

## make prod-check: nginx + granian + PostgreSQL + Redis with the shipped deploy/ files on this machine,
## smoke-tested through nginx, all stopped at the end (docs/deploy.md; not part of make test).
PRODCHECK_STAMP := $(VENV)/.prodcheck-installed
$(PRODCHECK_STAMP): $(STAMP) requirements/prodcheck.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/prodcheck.lock
	touch $(PRODCHECK_STAMP)

prod-check: install $(PRODCHECK_STAMP)
	bash deploy/prod-check.sh
	$(MAKE) replica-check

## make replica-check: the read-replica tests (congphuong/serving/tests/test_replicas.py) against a
## streaming replica they start on port REPLICA_PORT (pg_basebackup of the PostgreSQL on 127.0.0.1:5432,
## which must accept replication connections; docs/deploy.md "Scaling out"; not part of make test).
REPLICA_PORT ?= 55432
replica-check: install
	CONGPHUONG_REPLICA_TESTS=1 \
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/congphuong_replicacheck \
	DATABASE_REPLICA_URLS=postgres://postgres@127.0.0.1:$(REPLICA_PORT)/congphuong_replicacheck \
	$(BIN)/pytest -p no:cacheprovider congphuong/serving/tests/test_replicas.py

## make bench-serving N=10000: req/s, p50, p99 of home, category, article, search with the page cache
## off/on, through nginx and as a static file (bench/serving/README.md; not part of make test).
bench-serving: install
	N=$(if $(filter command line environment,$(origin N)),$(N),10000) bash bench/serving/run.sh

## make bench-province WARDS=168 PER_WARD=10000: WARDS wards of TP.HCM (add_ward from the official units)
## with PER_WARD articles each (+ documents, Q&A, images), built in bulk with a progress bar, then serving,
## search, admin, publish, sitemap/RSS, memory, database size and add_ward measured in one run
## (bench/province/README.md; not part of make test). Try WARDS=4 PER_WARD=2000 first.
WARDS ?= 4
PER_WARD ?= 2000
bench-province: install
	WARDS=$(WARDS) PER_WARD=$(PER_WARD) bash bench/province/run.sh

## make bench-soak N=10000: 5 minutes at 64 connections through nginx while an editor publishes every 10 s:
## 5xx, memory, publish→visible delays (bench/serving/README.md; BENCH_SOAK_DURATION=60s for a quick try).
bench-soak: install
	N=$(if $(filter command line environment,$(origin N)),$(N),10000) bash bench/serving/soak.sh

## make lint: ruff (format and checks) and the templates' indentation (lint-templates). Run in CI.
lint: install lint-templates
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

## make lint-templates: every template indented as djhtml indents it (djhtml --check); `make format`
## reindents them. Only the apps' templates: test fixtures and bench pages are left as they are.
TEMPLATES = $(shell find congphuong -path '*/templates/*' -name '*.html' | sort)
lint-templates: install
	$(BIN)/djhtml --check $(TEMPLATES)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djhtml $(TEMPLATES)

check-migrations: install
	DJANGO_SETTINGS_MODULE=congphuong.settings.test $(MANAGE) makemigrations --check --dry-run

## make translations: Wagtail's catalogues, then the admin as each demo role sees it (needs the demo).
translations: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --with-accounts
	$(MANAGE) check_translations

clean:
	rm -rf $(VENV) var
