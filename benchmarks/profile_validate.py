"""Run protsoc's validation in-process, for a profiler: `pyinstrument benchmarks/profile_validate.py
DIR`.

Set PROTSOC_NO_CACHE=1 (and PROTSOC_WORKERS=1 to keep the parse in this process) to see a cold
run; without them, a warm one.
"""

import sys
from pathlib import Path

from protsoc.validate.pipeline import validate

result = validate(Path(sys.argv[1]))
print(f"{len(result.findings)} findings, {result.files_checked} files checked", file=sys.stderr)
