#!/usr/bin/env bash
# StatusScope developer entry point: installs what is missing, configures, builds, then runs.
#
#   ./dev.sh run [FILE...]   build and launch the GUI (with the bundled samples when no FILE)
#   ./dev.sh test            build and run the whole test suite, then the unit tests again
#                            under ASan + UBSan and the HAR reader's under TSan (non-zero exit
#                            on any failure)
#   ./dev.sh build           only install and build
#
# Idempotent: packages already installed are skipped, and the build is incremental.
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

cd "$(dirname "$(readlink -f "$0")")"

# Debian 12 package names (Ubuntu 24.04 has all but clickhouse-server). Servers (nginx, apache2) and curl are for the
# integration tests, which start private instances on loopback; Xvfb is for screenshots.
PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 libgl-dev
    libqcustomplot-dev libgtest-dev libgmock-dev zlib1g-dev rapidjson-dev
    nginx-light apache2 curl openssl ca-certificates xvfb xauth
    dpkg-dev file rpm desktop-file-utils appstream strace python3
    # The guides tests run every guide snippet through its real tool (resources/guides/FORMAT.md).
    # nginx-light is the Debian transitional package for nginx; the dynamic modules are the ones
    # guide blocks load with modules=.
    libnginx-mod-http-geoip2 libnginx-mod-http-headers-more-filter libnginx-mod-stream
    haproxy squid lighttpd nodejs php-cli ruby perl golang-go shellcheck pyflakes3 python3-yaml
    libxml2-utils
    # StatusScope's own output in the guides is shown, and checked, through jq (FORMAT.md).
    jq
    # Logs in a database: the ClickHouse integration tests start a private clickhouse-server
    # (Debian's 18.16, the oldest release the SQL must run on); QtKeychain keeps the GUI's
    # database passwords in the platform keychain.
    clickhouse-server clickhouse-client qtkeychain-qt6-dev
    # The keychain tests start gnome-keyring's Secret Service on a private D-Bus session bus and
    # read what QtKeychain stored with secret-tool, the reference client.
    gnome-keyring libsecret-tools dbus
)

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages() {
    local missing=()
    for pkg in "${PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if ((${#missing[@]} == 0)); then
        log "All ${#PACKAGES[@]} packages present"
        return
    fi
    log "Installing: ${missing[*]}"
    local sudo=()
    if ((EUID != 0)); then sudo=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    # policy-rc.d keeps the packages' own nginx/apache2 services from starting: the tests run
    # private instances and never touch the system ones.
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod +x "$policy"
        created_policy=1
    fi
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    if ((created_policy)); then "${sudo[@]}" rm -f "$policy"; fi
}

build() {
    install_packages
    # ccache keys on paths relative to the checkout, so a second clone (CI) reuses the cache.
    export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
    if [[ ! -f build/CMakeCache.txt ]]; then
        log "Configuring (build/)"
        cmake --preset default
    fi
    log "Building"
    cmake --build --preset default --parallel "$(nproc)"
}

cmd=${1:-}
shift || true
case "$cmd" in
    run)
        build
        if (($# == 0)); then set -- resources/samples/sample.har resources/samples/access.log resources/samples/expect-417-retried.json; fi
        log "Launching StatusScope"
        exec build/app/statusscope "$@"
        ;;
    test)
        build
        log "Running the test suite"
        # Tests that start servers pick free ports themselves, so two jobs are safe.
        status=0
        ctest --preset default --parallel "$(nproc)" --no-tests=error "$@" || status=$?
        # Core and its unit tests again under AddressSanitizer + UBSan (build-sanitize/).
        log "Building core and its tests with ASan + UBSan"
        if [[ ! -f build-sanitize/CMakeCache.txt ]]; then cmake --preset sanitize; fi
        cmake --build --preset sanitize --parallel "$(nproc)" --target unit_suites
        log "Running the unit tests under ASan + UBSan"
        ctest --preset sanitize -L unit --parallel "$(nproc)" --no-tests=error || status=$?
        # The HAR reader parses large files on two threads: its tests and fuzz corpus again
        # under ThreadSanitizer (any report fails the test: TSan exits with 66).
        log "Building the HAR reader's tests with ThreadSanitizer"
        if [[ ! -f build-tsan/CMakeCache.txt ]]; then cmake --preset tsan; fi
        cmake --build --preset tsan --parallel "$(nproc)" --target unit_har fuzz_har_replay
        log "Running them under ThreadSanitizer"
        ctest --preset tsan -R '^(har[.]|fuzz[.]har[.])' --parallel "$(nproc)" --no-tests=error || status=$?
        exit "$status"
        ;;
    build)
        build
        ;;
    *)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
