#!/bin/sh
# The ledger links the wire protocol (lapak_protocol), never the terminal's uploader
# (lapak_uploader): no symbol of lapak::sync::Uploader, lapak::sync::SyncWorker, BuildBatch or
# the HTTP transport may appear in lapak-ledger. To show that the check can fail, `lapak`
# (the terminal's command line, which syncs) must hold the same symbols.
#
# usage: ledger_links_no_uploader.sh NM LAPAK_LEDGER LAPAK
set -eu

nm_tool=${1:-nm}
ledger=$2
cli=$3
uploader='lapak::sync::(Uploader|SyncWorker|BuildBatch)|HttpTransport'

symbols() {
  "$nm_tool" -C "$1" || { echo "FAIL: $nm_tool could not read $1" >&2; exit 1; }
}

ledger_symbols=$(symbols "$ledger")
cli_symbols=$(symbols "$cli")

# nm read symbols at all (an unreadable or stripped binary would pass the check below).
if ! printf '%s\n' "$ledger_symbols" | grep -q 'lapak::ledger::LedgerStore'; then
  echo "FAIL: no lapak::ledger::LedgerStore symbol in $ledger: is it stripped?" >&2
  exit 1
fi

found=$(printf '%s\n' "$ledger_symbols" | grep -E "$uploader" || true)
if [ -n "$found" ]; then
  echo "FAIL: $ledger links the uploader:" >&2
  printf '%s\n' "$found" | head -20 >&2
  exit 1
fi
echo "ok: no uploader symbol in $ledger"

if ! printf '%s\n' "$cli_symbols" | grep -q 'lapak::sync::Uploader'; then
  echo "FAIL: no lapak::sync::Uploader in $cli: the check above proves nothing" >&2
  exit 1
fi
echo "ok: $cli holds lapak::sync::Uploader ($(printf '%s\n' "$cli_symbols" | grep -cE "$uploader") uploader symbols)"
