# Sourced by .ci/run (under set -euo pipefail): installs Debian's OpenLink Virtuoso when it is missing, so
# the Virtuoso parity tests run (tests/support/virtuoso.py starts a private instance of its own); then makes them
# required (fail, never skip). Non-interactive: debconf's dba password question gets no prompt (the
# package's default is kept), and policy-rc.d refuses the package's system service so nothing is started.
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"  # 101: "action forbidden": no service starts during install
    chmod 755 "$policy"
    made_policy=1
  fi
  # DPkg::Lock::Timeout does not cover the package lists' lock that `update` takes: wait for it here
  for _ in $(seq 60); do
    if apt-get -o DPkg::Lock::Timeout=600 update -qq; then break; fi
    sleep 10
  done
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold virtuoso-opensource
  if [ "$made_policy" = 1 ]; then rm -f "$policy"; fi
fi
export KGQA_REQUIRE_VIRTUOSO=1
