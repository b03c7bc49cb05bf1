#!/usr/bin/env bash
# The main job: sets up, builds, and starts the time-sharing system vm370 on
# the data folder vm370-data (made on the first start, with random initial
# passwords in vm370-data/initial-passwords.txt). Connect from another
# terminal with a 3270 emulator (`c3270 localhost:3270`, TLS on 3271) or
# `telnet localhost 3270`. This terminal becomes the operator's panel.
#
# The users IPL CMS at logon (docs/CMS.md). On the first start USER1's
# reader also gets a demonstration deck (READCARD in CMS, or #CP IPL 00C
# to run it bare). Options are passed to vm370 (--port, --data...).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 >/dev/null
data=vm370-data
port=3270
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [ "${args[$i]}" = "--data" ] && data="${args[$((i + 1))]}"
  [ "${args[$i]}" = "--port" ] && port="${args[$((i + 1))]}"
done
if [ ! -e "$data/directory.json" ]; then
  # The demonstration: samples/bare/cardio.asm as a self-loading deck, with
  # its data cards, in USER1's reader.
  work=$(mktemp -d)
  build/bin/asm370 -I samples/bare -o "$work/cardio.bin" samples/bare/cardio.asm
  python3 samples/bare/mkdeck.py "$work/cardio.bin" "$work/cardio.deck" samples/bare/cardio.txt
  build/bin/vm370 --data "$data" send USER1 "$work/cardio.deck" --name "CARDIO DECK" >/dev/null
  rm -rf "$work"
  first=1
fi
tls=()
case " $* " in *" --tls-port "*) ;; *) tls=(--tls-port $((port + 1))) ;; esac
cat <<MSG
vm370: starting on port $port (TLS on $((port + 1))) with the data folder $data.
  Connect from another terminal, with a 3270 emulator:   c3270 localhost:$port
                                  or over TLS:            c3270 L:localhost:$((port + 1))
                                  (the certificate, made on the first start: $data/tls/cert.pem)
                     or in line mode:                     telnet localhost $port   (or nc)
  Log on:                          LOGON USER1   (passwords: $data/initial-passwords.txt)
                                   CMS starts: try LISTFILE, EDIT PROFILE EXEC, HELP
  The demonstration deck in USER1's reader:      #CP IPL 00C   (then #CP IPL CMS)
  This terminal becomes the operator's panel (OPERATOR): type SHUTDOWN to stop, or press Ctrl-C.
MSG
if [ -n "${first:-}" ]; then
  echo "  (first start: the initial passwords are written once, to $data/initial-passwords.txt)"
fi
sleep 2
exec build/bin/vm370 "${tls[@]}" "$@"
