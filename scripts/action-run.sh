#!/usr/bin/env bash
# The work of action.yml: install Coach, run `coach lint` with SARIF output, report the exit code.
#
# Environment (set by action.yml from its inputs):
#   COACH_PATHS    files/folders to lint, space-separated (default: .)
#   COACH_ARGS     extra `coach lint` arguments
#   COACH_VERSION  mlcoach version to install (empty: latest)
#   COACH_SARIF    the SARIF file to write (default: coach.sarif)
#   COACH_INSTALL  "pip" (default) installs mlcoach; "none" uses the `coach` already on PATH
#                  (tests, or a workflow that installed Coach itself)
#   GITHUB_OUTPUT  the step's output file (exit-code=N is appended)
#
# Exits 0 when the lint ran (findings are for code scanning to show), 2 when it could not run.
set -uo pipefail

paths="${COACH_PATHS:-.}"
sarif="${COACH_SARIF:-coach.sarif}"
output="${GITHUB_OUTPUT:-/dev/null}"

if [[ "${COACH_INSTALL:-pip}" == "pip" ]]; then
    spec="mlcoach"
    [[ -n "${COACH_VERSION:-}" ]] && spec="mlcoach==${COACH_VERSION}"
    # The base install: linting needs no scikit-learn, pandas or LLM clients.
    if ! python -m pip install --quiet --disable-pip-version-check "$spec"; then
        echo "::error title=coach::could not install ${spec}"
        echo "exit-code=2" >> "$output"
        exit 2
    fi
fi

# Word splitting of the paths and extra arguments is intended (they are lists).
# shellcheck disable=SC2086
coach lint $paths ${COACH_ARGS:-} --output-format sarif --output-file "$sarif"
code=$?
echo "exit-code=${code}" >> "$output"
if [[ "$code" -ge 2 ]]; then
    echo "::error title=coach::coach lint failed (exit ${code}); see the log above"
    exit "$code"
fi
echo "coach lint: exit ${code}; SARIF report in ${sarif}"
exit 0
