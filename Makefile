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

# The property-based fuzz tests at 10,000 generated cases each (ENTENTE_FUZZ_EXAMPLES to
# change it; `make test` runs the same tests at 60): every article reader, the event-dataset
# importers, the extractor and the API's GET parameters. Prints the cases run per reader.
.PHONY: fuzz
fuzz: $(STAMP)
	ENTENTE_FUZZ_EXAMPLES=$${ENTENTE_FUZZ_EXAMPLES:-10000} $(BIN)/python -m pytest -q \
		tests/reliability/test_fuzz_readers.py tests/reliability/test_fuzz_datasets.py \
		tests/reliability/test_fuzz_extractor.py \
		tests/security/test_injection.py::test_any_value_in_any_parameter_is_answered_cleanly
