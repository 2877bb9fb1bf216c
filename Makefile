# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := var/intake.db
export INTAKE_DATABASE_URL ?= sqlite:///$(DEMO_DB)

.PHONY: run test venv system-deps demo lint format model bench clean textcat

$(BIN)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

venv: $(BIN)/.installed

system-deps:
	bash scripts/system-deps.sh

## Loads the demo catalogue, puts the demo messages in ./inbox and runs the daemon.
demo: venv
	$(BIN)/intake catalog import --products demo/ref/products.csv \
	    --customers demo/ref/customers.csv --customer-refs demo/ref/customer_refs.csv
	mkdir -p inbox && cp -n demo/emails/*.eml inbox/ 2>/dev/null || true

run: demo
	$(BIN)/intake run

test: system-deps venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Retrains the message-kind classifier shipped in parsers/models/textcat.
textcat: venv
	$(BIN)/intake model train-textcat

clean:
	rm -rf $(VENV) var inbox test-output
