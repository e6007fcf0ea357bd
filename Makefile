# Convenience wrappers; dev.py does the work (it needs only Python >= 3.11).
.PHONY: run test setup lint format
run:
	python3 dev.py run
test:
	python3 dev.py test
setup:
	python3 dev.py setup
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
format:
	.venv/bin/ruff format . && .venv/bin/ruff check --fix .
