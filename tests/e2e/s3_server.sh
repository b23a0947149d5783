#!/bin/sh
# A throwaway S3-compatible server for tests, on 127.0.0.1 only, with one bucket and a known key
# pair whose signatures it really checks (a request signed with another secret gets 403
# SignatureDoesNotMatch).
#   s3_server.sh start DIR PORT   installs the server if needed, starts it, prints its endpoint URL
#   s3_server.sh stop DIR         stops it (DIR is left for inspection; rm -rf it yourself)
# Environment (defaults in brackets):
#   ORASHIFT_TEST_S3_ACCESS_KEY [orashift-test-key]  ORASHIFT_TEST_S3_SECRET_KEY [orashift-test-secret]
#   ORASHIFT_TEST_S3_BUCKET [orashift-test]  ORASHIFT_S3_SERVER_PREFIX [<repo>/third_party/s3server]
#
# Why @20minutes/s3rver and not s3rver: s3rver 3.7.1 (the last release) accepts ANY SigV4
# signature ("Signature version 4 calculation is unimplemented" in its authentication
# middleware), so it cannot tell a right signature from a wrong one. @20minutes/s3rver is the
# maintained fork with the same CLI/API that verifies SigV4; 4.0.4 is its last release that runs
# on Node 20 (5.x needs Node 24). Its key pair is hard-wired (S3RVER/S3RVER), so the launcher
# below replaces it through the package's account registry.
set -eu

PKG=@20minutes/s3rver
VERSION=4.0.4
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=${ORASHIFT_S3_SERVER_PREFIX:-$root/third_party/s3server}
key=${ORASHIFT_TEST_S3_ACCESS_KEY:-orashift-test-key}
secret=${ORASHIFT_TEST_S3_SECRET_KEY:-orashift-test-secret}
bucket=${ORASHIFT_TEST_S3_BUCKET:-orashift-test}

usage() { echo "usage: s3_server.sh start DIR PORT | stop DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)

installed_version() {
  node -e "console.log(require('$prefix/node_modules/$PKG/package.json').version)" 2>/dev/null || true
}

case "$cmd" in
  start)
    [ $# -eq 3 ] || usage
    port=$3
    command -v node >/dev/null || { echo "s3_server.sh: node is not installed" >&2; exit 1; }
    if [ "$(installed_version)" != "$VERSION" ]; then
      mkdir -p "$prefix"
      npm install --prefix "$prefix" --no-audit --no-fund --silent "$PKG@$VERSION" >"$dir/npm-install.log" 2>&1 ||
        { cat "$dir/npm-install.log" >&2; exit 1; }
    fi
    cat >"$dir/launch.js" <<'JS'
const S3rver = require('@20minutes/s3rver');
const Account = require('@20minutes/s3rver/lib/models/account');
const [dataDir, port, key, secret, bucket] = process.argv.slice(2);
Account.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
Account.DUMMY_ACCOUNT.createKeyPair(key, secret);
new S3rver({ address: '127.0.0.1', port: Number(port), silent: true, directory: dataDir,
             configureBuckets: [{ name: bucket, configs: [] }] })
  .run()
  .then(({ address, port }) => console.log(`listening on ${address}:${port}`))
  .catch((err) => { console.error(err); process.exit(1); });
JS
    mkdir -p "$dir/data"
    # --openssl-legacy-provider: the server makes ListObjectsV2 continuation tokens with DES,
    # which OpenSSL 3 only offers through its legacy provider (without it: HTTP 500).
    NODE_PATH="$prefix/node_modules" nohup node --openssl-legacy-provider "$dir/launch.js" "$dir/data" "$port" "$key" "$secret" "$bucket" \
      >"$dir/server.log" 2>&1 </dev/null &
    echo $! >"$dir/s3server.pid"
    i=0
    until grep -q "listening on" "$dir/server.log" 2>/dev/null; do
      if ! kill -0 "$(cat "$dir/s3server.pid")" 2>/dev/null || [ $i -ge 300 ]; then
        echo "s3_server.sh: server did not start" >&2; tail -n 20 "$dir/server.log" >&2; exit 1
      fi
      i=$((i + 1)); sleep 0.1
    done
    echo "http://127.0.0.1:$port"
    ;;
  stop)
    [ -f "$dir/s3server.pid" ] || exit 0
    pid=$(cat "$dir/s3server.pid")
    if kill "$pid" 2>/dev/null; then
      i=0
      while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/s3server.pid"
    ;;
  *) usage ;;
esac
