# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := var/intake.db
export INTAKE_DATABASE_URL ?= sqlite:///$(DEMO_DB)

.PHONY: run test venv system-deps run-deps demo demo-user review lint format model textcat followup-model bench clean

$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

# The project's bytecode, as an installed package has it: with PYTHONDONTWRITEBYTECODE set,
# an editable checkout would compile every module again in each process it starts.
venv: $(BIN)/.installed
	@$(BIN)/python -m compileall -q intake parsers matchers models review_ui

system-deps:
	bash scripts/system-deps.sh

run-deps:
	bash scripts/system-deps.sh run

## Loads the demo catalogue, puts the demo messages in ./inbox and runs the daemon.
demo: run-deps venv
	@mkdir -p var && chmod 700 var
	$(BIN)/intake catalog import --products demo/ref/products.csv \
	    --customers demo/ref/customers.csv --customer-refs demo/ref/customer_refs.csv \
	    --history demo/ref/order_history.csv
	mkdir -p inbox && cp -n demo/emails/*.eml inbox/ 2>/dev/null || true

## A demo admin for the review UI: `demo` with a fresh password, printed (kept in var/demo-password).
demo-user: venv
	@mkdir -p var && chmod 700 var
	@$(BIN)/intake user add demo --role admin --generate --update --password-file var/demo-password

REVIEW_PORT ?= 8000

## The review UI alone, on http://127.0.0.1:$(REVIEW_PORT)/
review: venv
	$(BIN)/intake review --port $(REVIEW_PORT)

## The daemon and the review UI together; Ctrl-C stops both.
run: demo demo-user
	@$(BIN)/python -c "import socket; s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('127.0.0.1', $(REVIEW_PORT)))" 2>/dev/null || \
	  { echo "make run: port $(REVIEW_PORT) is busy: stop what uses it, or choose another with REVIEW_PORT=..." >&2; exit 1; }
	@$(BIN)/intake review --port $(REVIEW_PORT) & ui=$$!; \
	trap 'kill $$ui 2>/dev/null' EXIT INT TERM; \
	echo "review UI: http://127.0.0.1:$(REVIEW_PORT)/  (user demo, password above)"; \
	$(BIN)/intake run

test: system-deps venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -p no:cacheprovider --durations=30

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Retrains the order-entity NER (templated and hand-written lines, never the held-out ones); prints its held-out P/R/F1.
model: venv
	$(BIN)/python -m intake model train
	$(BIN)/python -m intake model score fixtures/ner/heldout.jsonl

## Retrains the message-kind classifier shipped in parsers/models/textcat.
textcat: venv
	$(BIN)/python -m intake model train-textcat

## Retrains the follow-up kind model shipped in parsers/models/followup.
followup-model: venv
	$(BIN)/python -m intake model train-followup

clean:
	rm -rf $(VENV) var inbox test-output
