# kvalex: `make run` on a fresh machine installs what is missing and extracts samples/ into output/.
# Every target is idempotent: a second run only checks and goes straight to the work.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEBIAN := tesseract-ocr tesseract-ocr-swe tesseract-ocr-eng hunspell-sv fonts-liberation fonts-dejavu
SAMPLE_DEBIAN := libreoffice-writer-nogui poppler-utils

.PHONY: run test lint bench samples variants system setup clean

run: setup
	$(VENV)/bin/kvalex extract samples/ --out output/
	$(VENV)/bin/kvalex report output/

test: setup
	$(VENV)/bin/ruff check extract tests samples
	$(PY) -m pytest -q -n 2

lint: setup
	$(VENV)/bin/ruff check extract tests samples

# With `make variants` made, the OCR part reads every copy (most of an hour on one core);
# `make bench COPIES="scan_b scan_c arch_a"` reads only those.
bench: setup
	COPIES="$(COPIES)" $(PY) -m samples.bench

samples: setup
	@dpkg -s $(SAMPLE_DEBIAN) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends $(SAMPLE_DEBIAN); }
	$(VENV)/bin/pip install -q -e '.[dev,samples]'
	$(PY) samples/make_kompass.py
	$(PY) samples/make_handlingsplan.py
	$(PY) samples/make_uppfoljning.py
	$(PY) samples/make_tabeller.py

# Scanned and English-OCR'd copies of every sample, for OCR work and `make bench` (not
# committed: large, and made in a few minutes with Tesseract).
variants: setup
	$(PY) samples/make_scanned.py

setup: system $(STAMP)

# Debian packages (Tesseract with the Swedish model); skipped when already installed.
system:
	@dpkg -s $(DEBIAN) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q --no-install-recommends $(DEBIAN); }

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

clean:
	rm -rf $(VENV) output/kvalex.xlsx output/csv output/kvalex-state.json output/.kvalex.lock output/figurer .pytest_cache
