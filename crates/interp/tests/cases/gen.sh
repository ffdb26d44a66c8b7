#!/bin/sh
# Regenerates NAME.out from CPython 3.11: stdout, then the traceback's last line if it raised.
cd "$(dirname "$0")"
for f in ${@:-*.py}; do
  n=${f%.py}
  python3 "$n.py" > "$n.out" 2> /tmp/gen_err.txt
  if [ $? -ne 0 ]; then grep -v '^\s*$' /tmp/gen_err.txt | tail -n 1 >> "$n.out"; fi
done
