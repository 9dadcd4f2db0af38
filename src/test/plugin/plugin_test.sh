#!/usr/bin/env bash
# Tests for the vTM Service Discovery plugin (plugin/vtm-k8s-sync-sd.sh).
#
# Usage: bash src/test/plugin/plugin_test.sh plugin/vtm-k8s-sync-sd.sh
# Runs every case under each shell in $PLUGIN_TEST_SHELLS (default "dash bash"; missing
# shells are skipped), prints one line per case and exits 1 if any case failed.
# File ages are faked with touch -d @<epoch>; nothing sleeps.
set -u

[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: $0 <path to vtm-k8s-sync-sd.sh>" >&2; exit 2; }
PLUGIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
unset ZEUSHOME
T=$(mktemp -d "${TMPDIR:-/tmp}/plugin_test.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
HAVE_PY=0
python3 -c 'pass' >/dev/null 2>&1 && HAVE_PY=1

pass=0 failures=0 SH='' NAME='' out='' err='' rc='' LISTING='' CASE=0 OK_CASES='' JSON_N=0
mkdir "$T/json"

# --- assert helpers --------------------------------------------------------------------
ok() { pass=$((pass + 1)) OK_CASES="$OK_CASES $CASE "; printf 'ok   [%s] %s\n' "$SH" "$NAME"; }
bad() { failures=$((failures + 1)); printf 'FAIL [%s] %s: %s\n' "$SH" "$NAME" "$1"
        printf '       rc=%s stdout=%q stderr=%q\n' "$rc" "$out" "$err"; }

# run NAME ARGS...: run the plugin; sets out (stdout, exact), err, rc.
# run_at SCRIPT NAME ARGS...: the same with a copy of the plugin at another path.
# run_x NAME ARGS...: the same under sh -x (the trace in err).
run() { run_at "$PLUGIN" "$@"; }
run_x() { local sh=$SH; SH="$sh -x"; run_at "$PLUGIN" "$@"; SH=$sh; }
# Output goes through files read with the read builtin: no subshell and no cat per case
# (process start-up is what this suite spends its time on).
run_at() {
    local script=$1; NAME=$2; shift 2
    CASE=$((CASE + 1))
    $SH "$script" "$@" >"$T/stdout" 2>"$T/stderr"
    rc=$? out='' err=''
    IFS= read -r -d '' out <"$T/stdout"
    IFS= read -r -d '' err <"$T/stderr"
}

# Checks every output shares: exactly one line, newline-terminated, nothing on stderr.
one_line() {
    [[ $out == *$'\n' && ${out%$'\n'} != *$'\n'* ]] ||
        { bad "stdout is not exactly one newline-terminated line"; return 1; }
    [ -z "$err" ] || { bad "unexpected stderr"; return 1; }
}
# valid_json queues stdout for one python3 run per shell (check_json): a python3 start per
# case (through pyenv's shims, a dozen processes) was most of the suite's time. A document
# that fails there turns its case from ok into FAIL.
valid_json() {
    [ "$HAVE_PY" = 1 ] || return 0
    JSON_N=$((JSON_N + 1))
    printf '%s' "$out" >"$T/json/$JSON_N.out"
    printf '%s\n[%s] %s\n' "$CASE" "$SH" "$NAME" >"$T/json/$JSON_N.case"
}
check_json() {
    [ "$HAVE_PY" = 1 ] && [ "$JSON_N" -gt 0 ] || return 0
    local n id label doc
    while read -r n; do
        { read -r id; IFS= read -r label; } <"$T/json/$n.case"
        doc='' && IFS= read -r -d '' doc <"$T/json/$n.out"
        # A case that passed its other checks becomes a failure; one that failed already stays one.
        [[ $OK_CASES == *" $id "* ]] && pass=$((pass - 1)) failures=$((failures + 1))
        printf 'FAIL %s: stdout is not valid JSON\n       stdout=%q\n' "$label" "$doc"
    done < <(python3 -c '
import json, os, sys
for n in range(1, int(sys.argv[2]) + 1):
    try:
        json.loads(open(os.path.join(sys.argv[1], "%d.out" % n), "rb").read())
    except ValueError:
        print(n)
' "$T/json" "$JSON_N")
    rm -rf "$T/json" && mkdir "$T/json" && JSON_N=0
}
# expect_out RC EXACT_STDOUT
expect_out() {
    one_line || return
    [ "$rc" = "$1" ] || { bad "exit status $rc, expected $1"; return; }
    [ "$out" = "$2" ] || { bad "stdout differs, expected $(printf '%q' "$2")"; return; }
    ok
}
# expect_error CODE [SUBSTRING...]: a {"version":1,"code":CODE,"error":...} line, exit 1.
expect_error() {
    local code=$1 s; shift
    one_line || return
    valid_json || return
    [ "$rc" = 1 ] || { bad "exit status $rc, expected 1"; return; }
    case $out in "{\"version\":1,\"code\":$code,\"error\":\""*'"}'$'\n') ;;
        *) bad "not an error object with code $code"; return ;; esac
    for s in "$@"; do
        [[ $out == *"$s"* ]] || { bad "stdout lacks $(printf '%q' "$s")"; return; }
    done
    ok
}
# fresh_by marker|exact: the document and exit 0 under -v, and stderr says which check decided.
fresh_by() {
    [ "$rc" = 0 ] && [ "$out" = "$DOC"$'\n' ] || { bad "expected the document and exit 0"; return; }
    case $1 in
        marker) [[ $err == *"is less than 60 s old (its marker)"* ]] || { bad "the marker did not decide"; return; } ;;
        exact) [[ $err != *"(its marker)"* && $err == *" s old"$'\n'* ]] || { bad "the exact check did not decide"; return; } ;;
    esac
    ok
}
# way fast|full RC [STDOUT]: under run_x, which way the run took, its status and its output.
way() {
    [ "$rc" = "$2" ] || { bad "exit status $rc, expected $2"; return; }
    [ $# -lt 3 ] || [ "$out" = "$3"$'\n' ] || { bad "stdout differs"; return; }
    case $1 in
        fast) [[ $err == *fresh_by_marker* && $err != *check_name* ]] || { bad "not the fast way"; return; } ;;
        full) [[ $err == *check_name* ]] || { bad "not the full way"; return; } ;;
    esac
    ok
}
no_secret() { [[ $out != *TOPSECRET* ]] || bad "printed a file outside the directory"; }

# --- fixtures --------------------------------------------------------------------------
DOC='{"version":1,"code":200,"nodes":[{"ip":"10.0.0.9","port":30080},{"ip":"10.0.0.10","port":30080,"draining":true}]}'
DOC404='{"version":1,"code":404,"error":"Service default/web not found"}'
SECRET='{"version":1,"code":200,"nodes":[],"info":"TOPSECRET"}'
SPACED='{"version": 1, "code": 200, "nodes": []}'
TRICK='{"version":1,"code":503,"error":"not \\"code\\":200, really"}'
C2000='{"version":1,"code":2000,"nodes":[]}'
printf -v LONG '%200s' '' && LONG=${LONG// /a}
D=$T/sd
age() { local now; printf -v now '%(%s)T' -1; touch -d "@$((now - $1))" "$2"; }  # age SECONDS FILE
fixtures() {
    rm -rf "$T/sd" "$T/zh" "$T/deep" "$T"/q* && mkdir -p "$D/sub" "$D/adir.json"
    printf '%s' "$DOC" >"$D/web.json"                    # no trailing newline
    printf '%s\n' "$DOC" >"$D/nl.json"
    printf '%s\n' "$DOC404" >"$D/gone.json"
    printf '%s' "$DOC" >"$D/other.json"
    printf '%s' "$DOC" >"$D/.hidden.json"
    printf '%s' "$DOC" >"$D/a b.json"
    printf '%s' "$DOC" >"$D/$LONG.json"
    printf '%s' "$DOC" >"$D/sub/x.json"
    : >"$D/empty.json"
    printf '  \n' >"$D/blank.json"
    printf 'hello world\n' >"$D/text.json"
    printf '{"code":200,"nodes":[]}\n' >"$D/nover.json"
    printf '{\n  "version": 1,\n  "code": 200,\n  "nodes": []\n}\n' >"$D/pretty.json"
    printf '%s' "$SPACED" >"$D/spaced.json"
    printf '{\r\n"version": 1,\r\n"code": 200,\r\n"nodes": []\r\n}\r\n' >"$D/crlf.json"
    printf '{"version":1,\r"code":200,"nodes":[]}' >"$D/cr.json"
    printf '%s\n\n\n' "$DOC" >"$D/trailing.json"
    printf '{"version":1,\t"code" :\t200 ,"nodes":[]}' >"$D/tabs.json"
    printf '%s' "$TRICK" >"$D/trick.json"
    printf '%s' "$C2000" >"$D/c2000.json"
    printf '%s' "$SECRET" >"$T/secret.json"
    printf '%s' "$SECRET" >"$T/secret"
    touch "$D/.vtm-k8s-sync.heartbeat"
    LISTING=$(ls -A "$D")
}

# --- cases -----------------------------------------------------------------------------
cases() {
    fixtures
    run "valid pool prints the file exactly plus a newline, exit 0" --pool=web --dir="$D"
    expect_out 0 "$DOC"$'\n'; valid_json
    run "file ending in a newline is printed with exactly one" --pool=nl --dir="$D"
    expect_out 0 "$DOC"$'\n'
    run "error document written by the syncer is printed as is, exit 1" --pool=gone --dir="$D"
    expect_out 1 "$DOC404"$'\n'
    run "missing pool file gives 404 naming the path" --pool=nope --dir="$D"
    expect_error 404 "no pool file '$D/nope.json'; check the pool name and that vtm-k8s-sync writes to this directory"
    run "empty file gives 500" --pool=empty --dir="$D"
    expect_error 500 "pool file '$D/empty.json' is not a Service Discovery document"
    run "blank file gives 500" --pool=blank --dir="$D"; expect_error 500 "not a Service Discovery document"
    run "non-JSON file gives 500" --pool=text --dir="$D"; expect_error 500 "not a Service Discovery document"
    run "JSON without version gives 500" --pool=nover --dir="$D"; expect_error 500 "not a Service Discovery document"
    run "directory in place of the pool file gives 500" --pool=adir --dir="$D"; expect_error 500 "not a readable regular file"
    run "multi-line document is folded into one line" --pool=pretty --dir="$D"
    expect_out 0 '{   "version": 1,   "code": 200,   "nodes": [] }'$'\n'
    run "spaced code 200 counts as success" --pool=spaced --dir="$D"; expect_out 0 "$SPACED"$'\n'
    run "CRLF line ends become spaces" --pool=crlf --dir="$D"
    expect_out 0 '{  "version": 1,  "code": 200,  "nodes": []  } '$'\n'
    run "a lone CR becomes a space" --pool=cr --dir="$D"; expect_out 0 '{"version":1, "code":200,"nodes":[]}'$'\n'
    run "blank lines at the end are dropped" --pool=trailing --dir="$D"; expect_out 0 "$DOC"$'\n'
    run "code 200 with tabs around the colon counts as success" --pool=tabs --dir="$D"
    expect_out 0 '{"version":1,'$'\t''"code" :'$'\t''200 ,"nodes":[]}'$'\n'
    run "code 200 quoted inside an error string is not success" --pool=trick --dir="$D"
    expect_out 1 "$TRICK"$'\n'
    run "code 2000 is not success" --pool=c2000 --dir="$D"; expect_out 1 "$C2000"$'\n'

    run "missing --pool gives 400" --dir="$D"; expect_error 400 "pool name must be given"
    run "empty --pool= gives 400" --pool= --dir="$D"; expect_error 400 "pool name must be given"
    run "-p without a value gives 400" --dir="$D" -p; expect_error 400 "argument '-p' needs a value"
    run "unknown argument gives 400 naming it" --pool=web --dir="$D" --bogus=1; expect_error 400 "unknown argument '--bogus=1'"
    run "stray positional argument gives 400 naming it" --pool=web extra --dir="$D"; expect_error 400 "unknown argument 'extra'"
    run "bad --max-age gives 400" --pool=web --dir="$D" --max-age=abc; expect_error 400 "--max-age must be a whole number"
    run "negative --max-age gives 400" --pool=web --dir="$D" --max-age=-5; expect_error 400 "--max-age must be a whole number"

    local n qn
    for n in ../secret "../${T##*/}/secret" .. x..y sub/x /etc/passwd .hidden "a b" "$LONG"a "web"$'\n'"x"; do
        printf -v qn '%q' "$n"
        run "pool name $qn gives 400 and reads nothing" --pool="$n" --dir="$D"
        expect_error 400 "invalid pool"; no_secret
    done
    run "--file=../secret gives 400 and reads nothing" --pool=web --dir="$D" --file=../secret; expect_error 400 "invalid file"; no_secret
    run "--file=../secret.json gives 400 and reads nothing" --pool=web --dir="$D" --file=../secret.json; expect_error 400 "invalid file"; no_secret
    run "200-character pool name is accepted" --pool="$LONG" --dir="$D"; expect_out 0 "$DOC"$'\n'

    run "short flags -p and -d work" -p web -d "$D"; expect_out 0 "$DOC"$'\n'
    run "--pool NAME --dir DIR with spaces work" --pool web --dir "$D"; expect_out 0 "$DOC"$'\n'
    run "--file picks another file" --pool=web --dir="$D" --file=other.json; expect_out 0 "$DOC"$'\n'
    run "--file that is missing gives 404 with its path" --pool=web --dir="$D" --file=none.json; expect_error 404 "'$D/none.json'"

    age 912 "$D/.vtm-k8s-sync.heartbeat"
    run "stale heartbeat gives 503 with path, age and limit" --pool=web --dir="$D"
    expect_error 503 "heartbeat '$D/.vtm-k8s-sync.heartbeat' is 91" " s old (limit 300 s); vtm-k8s-sync may be down"
    [[ $out == *" is 912 s old"* || $out == *" is 913 s old"* ]] || bad "age is not 912 s"
    run "--max-age=0 disables the age check" --pool=web --dir="$D" --max-age=0; expect_out 0 "$DOC"$'\n'
    run "--max-age above the age accepts the data" --pool=web --dir="$D" --max-age=1000; expect_out 0 "$DOC"$'\n'
    age 250 "$D/.vtm-k8s-sync.heartbeat"
    run "--max-age=0300 is decimal 300, not octal" --pool=web --dir="$D" --max-age=0300; expect_out 0 "$DOC"$'\n'
    run "--max-age with many leading zeros is accepted" --pool=web --dir="$D" --max-age=0000000000300; expect_out 0 "$DOC"$'\n'
    run "--max-age over 9 digits gives 400" --pool=web --dir="$D" --max-age=1234567890; expect_error 400 "--max-age is too large"
    touch "$D/.vtm-k8s-sync.heartbeat"; age 5000 "$D/web.json"
    run "fresh heartbeat with an old unchanged pool file gives 200" --pool=web --dir="$D"; expect_out 0 "$DOC"$'\n'
    rm "$D/.vtm-k8s-sync.heartbeat"
    run "no heartbeat and an old pool file gives 503" --pool=web --dir="$D"
    expect_error 503 "pool file '$D/web.json' is 500" "(limit 300 s) and there is no heartbeat '$D/.vtm-k8s-sync.heartbeat'"
    run "no heartbeat and a fresh pool file gives 200" --pool=other --dir="$D"; expect_out 0 "$DOC"$'\n'
    run "no heartbeat, old file and --max-age=0 gives 200" --pool=web --dir="$D" --max-age=0; expect_out 0 "$DOC"$'\n'
    touch "$D/vtm-k8s-sync.heartbeat"
    run "--heartbeat names another fresh heartbeat file: 200" --pool=web --dir="$D" --heartbeat=vtm-k8s-sync.heartbeat
    expect_out 0 "$DOC"$'\n'
    age 912 "$D/vtm-k8s-sync.heartbeat"
    run "--heartbeat names a stale heartbeat file: 503" --pool=web --dir="$D" --heartbeat=vtm-k8s-sync.heartbeat
    expect_error 503 "heartbeat '$D/vtm-k8s-sync.heartbeat' is 91"
    rm "$D/vtm-k8s-sync.heartbeat"
    run "--heartbeat with ../ is refused" --pool=web --dir="$D" --heartbeat=../x; expect_error 400 "invalid heartbeat"

    # The marker <heartbeat>.until, as the file sink writes it: D seconds, dated D s after the
    # heartbeat. While it is ahead of now and D is within --max-age, no process is started.
    local hb=$D/.vtm-k8s-sync.heartbeat mk=$D/.vtm-k8s-sync.heartbeat.until
    # (The heartbeat is 2 s old: /proc/$$ must be newer than it, and a heartbeat written in the
    # very jiffy the plugin starts leaves that to the exact check.)
    age 2 "$hb"; echo 60 >"$mk"; age -60 "$mk"
    run "a marker ahead with D within --max-age: fresh by the marker" --pool=web --dir="$D" -v
    fresh_by marker
    run "a marker ahead with D above --max-age: the exact check decides" --pool=web --dir="$D" -v --max-age=59
    fresh_by exact
    echo 'x' >"$mk"; age -60 "$mk"
    run "a marker that holds no number: the exact check decides" --pool=web --dir="$D" -v; fresh_by exact
    echo 60 >"$mk"; age 5 "$mk"
    run "a lapsed marker: the exact check decides" --pool=web --dir="$D" -v; fresh_by exact
    age 912 "$hb"
    run "a lapsed marker and a stale heartbeat give 503" --pool=web --dir="$D"
    expect_error 503 "heartbeat '$hb' is 91"
    echo 600 >"$mk"; age -600 "$mk"
    run "a marker ahead with D above --max-age and a stale heartbeat give 503" --pool=web --dir="$D"
    expect_error 503 "heartbeat '$hb' is 91"
    echo 60 >"$mk"; age -60 "$mk"
    run "a hand-made marker ahead is believed, even next to a stale heartbeat (the app writes both)" \
        --pool=web --dir="$D" -v
    fresh_by marker
    # The fast way: the run stops before the shell reads the full script (where check_name is).
    age 2 "$hb"
    run_x "the common run takes the fast way" --pool=web --dir="$D"; way fast 0 "$DOC"
    run_x "--max-age with a leading zero: the full way" --pool=web --dir="$D" --max-age=0300
    way full 0 "$DOC"
    run_x "--max-age=100: the fast way" --pool=web --dir="$D" --max-age=100; way fast 0 "$DOC"
    run_x "--max-age below the marker's D: the full way" --pool=web --dir="$D" --max-age=59; way full 0 "$DOC"
    run_x "a file ending in a newline: the full way" --pool=nl --dir="$D"; way full 0 "$DOC"
    run_x "a document that is not code 200: the full way" --pool=gone --dir="$D"; way full 1 "$DOC404"
    run_x "a CR in the file: the full way" --pool=cr --dir="$D"; way full 0 '{"version":1, "code":200,"nodes":[]}'
    run_x "a spaced code 200: the full way" --pool=spaced --dir="$D"; way full 0 "$SPACED"
    run_x "a name with ..: the full way, 400" --pool=a..b --dir="$D"; way full 1
    run_x "--file: the full way" --pool=web --dir="$D" --file=other.json; way full 0 "$DOC"
    rm "$hb"
    run_x "a marker without its heartbeat: the full way" --pool=other --dir="$D"; way full 0 "$DOC"
    run "a marker without its heartbeat is ignored: the pool file's age gives 503" --pool=web --dir="$D"
    expect_error 503 "pool file '$D/web.json' is 500" "and there is no heartbeat"
    rm "$mk"
    age 2 "$D/vtm-k8s-sync.heartbeat"; echo 60 >"$D/vtm-k8s-sync.heartbeat.until"
    age -60 "$D/vtm-k8s-sync.heartbeat.until"
    run "--heartbeat=NAME has its marker NAME.until" --pool=web --dir="$D" --heartbeat=vtm-k8s-sync.heartbeat -v
    fresh_by marker
    rm "$D/vtm-k8s-sync.heartbeat" "$D/vtm-k8s-sync.heartbeat.until"

    mkdir -p "$T/zh/zxtm/conf/extra" "$T/zh/zxtm/conf/servicediscovery"
    printf '%s' "$DOC" >"$T/zh/zxtm/conf/extra/web.json"
    export ZEUSHOME=$T/zh
    run "ZEUSHOME set: default dir is \$ZEUSHOME/zxtm/conf/extra" --pool=web; expect_out 0 "$DOC"$'\n'
    age 2 "$T/zh/zxtm/conf/extra/.vtm-k8s-sync.heartbeat"
    echo 60 >"$T/zh/zxtm/conf/extra/.vtm-k8s-sync.heartbeat.until"
    age -60 "$T/zh/zxtm/conf/extra/.vtm-k8s-sync.heartbeat.until"
    run_x "ZEUSHOME set, no --dir: the fast way" --pool=web; way fast 0 "$DOC"
    unset ZEUSHOME
    cp "$PLUGIN" "$T/zh/zxtm/conf/servicediscovery/vtm-k8s-sync-sd"
    run_at "$T/zh/zxtm/conf/servicediscovery/vtm-k8s-sync-sd" \
        "ZEUSHOME unset: derived from the plugin's own location" --pool=web
    expect_out 0 "$DOC"$'\n'
    mkdir -p "$T/deep/a/b" && cp "$PLUGIN" "$T/deep/a/b/plugin"
    run_at "$T/deep/a/b/plugin" "ZEUSHOME unset and no vTM layout: falls back to /opt/zeus" \
        --pool=vtmsync-test-no-such-pool
    expect_error 404 "'/opt/zeus/zxtm/conf/extra/vtmsync-test-no-such-pool.json'"

    local q=$T/'q"uote\back'$'\t''tab'
    mkdir -p "$q"
    run "double quote, backslash and tab in the path give valid one-line JSON" --pool=web --dir="$q"
    expect_error 404 "'${T}/q\\\"uote\\\\backtab/web.json'"
    run "newline in an argument gives valid one-line JSON" --pool=web --dir="$D" --x$'\n'y; expect_error 400 "'--xy'"

    touch "$D/.vtm-k8s-sync.heartbeat"
    run "--verbose writes diagnostics to stderr only" --pool=other --dir="$D" --verbose
    [ "$rc" = 0 ] && [ "$out" = "$DOC"$'\n' ] && [ -n "$err" ] && ok || bad "stdout/exit changed or no stderr"
    run "--help prints usage and exits 0" --help
    [ "$rc" = 0 ] && [[ $out == *--pool=NAME* && $out == *--max-age=SECONDS* ]] && ok || bad "no usage text"
    NAME="the plugin creates no files in the directory"
    [ "$(ls -A "$D")" = "$LISTING" ] && ok || bad "directory listing changed"
    check_json
}

shells=()
for s in ${PLUGIN_TEST_SHELLS:-dash bash}; do
    if command -v "$s" >/dev/null 2>&1; then shells+=("$s"); else echo "skip [$s] not installed"; fi
done
[ "$HAVE_PY" = 1 ] || echo "note: python3 not found, JSON validity is not checked"
for SH in "${shells[@]}"; do cases; done
echo "$pass passed, $failures failed (plugin: $PLUGIN; shells: ${shells[*]})"
[ "$failures" -eq 0 ] && [ "$pass" -gt 0 ]
