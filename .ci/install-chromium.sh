#!/usr/bin/env bash
# Sourced by .ci/run before `make test`: the browser tests drive Debian's chromium (never a browser
# downloaded at run time). Installs the package when it is missing, then makes those tests required.
if [ ! -x /usr/bin/chromium ]; then
  apt-get -o DPkg::Lock::Timeout=600 update
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends chromium
fi
export KGQA_REQUIRE_BROWSER=1
