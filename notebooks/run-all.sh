#!/usr/bin/env bash
# notebooks/run-all.sh OUT_DIR [JUPYTER]: execute every notebook against a pipeline output folder.
# JUPYTER is the command that runs jupyter (default "jupyter"; e.g. "venv/bin/python -m jupyter");
# NETROI_KERNEL names the kernel to execute with (default: the notebooks' own, python3).
# Fails on the first notebook that raises. Executed copies are written to OUT_DIR/notebooks/.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(cd "${1:?usage: notebooks/run-all.sh OUT_DIR [JUPYTER]}" && pwd)
read -r -a JUPYTER <<< "${2:-jupyter}"
mkdir -p "$OUT/notebooks"
for nb in "$HERE"/*.ipynb; do
  echo "notebook: $(basename "$nb")"
  NETROI_OUT="$OUT" MPLBACKEND=Agg "${JUPYTER[@]}" nbconvert --to notebook --execute \
    ${NETROI_KERNEL:+--ExecutePreprocessor.kernel_name="$NETROI_KERNEL"} \
    --ExecutePreprocessor.timeout=300 --output-dir "$OUT/notebooks" "$nb"
done
