#!/usr/bin/env bash
# Rewrites the generated tables of docs/training.md (the options and the presets) and
# docs/datasets.md (the network families) from the
# program's own declarations; a test fails until they are in step. Needs build/wgan.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import re, subprocess
blocks = {
    "docs/training.md": {"options": ["build/wgan", "options"], "presets": ["build/wgan", "presets", "--markdown"]},
    "docs/datasets.md": {"families": ["build/wgan", "options", "--families"]},
}
for path, tables in blocks.items():
    text = open(path).read()
    for name, command in tables.items():
        table = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: begin + table + end, text, flags=re.S)
    open(path, "w").write(text)
PY
echo "docs/training.md, docs/datasets.md: tables regenerated"
