# Two commands work on a fresh machine with only Python, pip and gcc:
#   make demo   set up .venv and run entente on the bundled example articles
#   make test   set up .venv with the test extras and run the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/entente demo

# pytest exits 5 when it collected no test: make treats that, like any failure, as an error.
# The browser tests (tests/web) drive Debian's chromium: installed here when run as root.
test: $(STAMP)
	@if [ "$$(id -u)" = 0 ]; then \
		command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium); \
	elif ! command -v chromium >/dev/null; then \
		echo "chromium is not installed and this is not root: the browser tests will be skipped" \
		     "(install it with: sudo apt-get install chromium)"; \
	fi
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) demo-output .pytest_cache
