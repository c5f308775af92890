#!/usr/bin/env bash
# Creates (once) the Python environment Floe's differential tests and side-by-side benchmarks use,
# and prints its python executable. Idempotent: a matching .venv is reused.
#   scripts/python-env.sh            -> prints .venv/bin/python
# Versions are pinned so expected results do not drift; change them here only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="${FLOE_VENV:-$root/.venv}"
requirements="polars==1.44.2 pyarrow==25.0.1 duckdb==1.5.6 numpy pandas==3.0.6"
stamp="$venv/.floe-requirements"

if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$requirements" ]; then
  python=${PYTHON:-python3}
  command -v "$python" >/dev/null || { echo "python-env: $python not found; install Python 3.10+" >&2; exit 1; }
  echo "python-env: creating $venv with $requirements" >&2
  "$python" -m venv "$venv" >&2
  # PIP_RETRIES=0: where only a local wheel index is reachable, fail fast instead of retrying.
  PIP_RETRIES=${PIP_RETRIES:-0} "$venv/bin/pip" install --quiet --disable-pip-version-check $requirements >&2
  echo "$requirements" > "$stamp"
fi
echo "$venv/bin/python"
