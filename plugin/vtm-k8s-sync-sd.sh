#!/bin/sh
# vtm-k8s-sync-sd.sh: vTM Service Discovery plugin for vtm-k8s-sync.
#
# vtm-k8s-sync writes one Service Discovery document per pool to <dir>/<pool>.json
# (atomically) and touches <dir>/.vtm-k8s-sync.heartbeat every heartbeat period (the file
# sink also writes its marker, .vtm-k8s-sync.heartbeat.until, for a check without a process).
# This plugin prints the document for one pool on stdout, as a single line.
#
# Arguments (--key=value, --key value, or the short flags):
#   --pool=NAME, -p NAME   pool name (required); [A-Za-z0-9_][A-Za-z0-9._-]{0,199}, no ".."
#   --dir=DIR, -d DIR      directory (default $ZEUSHOME/zxtm/conf/extra)
#   --file=NAME            file name in DIR (default <pool>.json; same rule as the pool name)
#   --max-age=SECONDS      maximum age of the heartbeat (or of the pool file when there is
#                          no heartbeat); default 300, 0 disables the check
#   --heartbeat=NAME       heartbeat file in DIR (default .vtm-k8s-sync.heartbeat; the REST
#                          upload uses vtm-k8s-sync.heartbeat); same name rule as the pool
#   --verbose, -v          diagnostics on stderr
#   --help, -h             this text
#
# Output: the pool file as is (exit 0 if it holds "code":200, else exit 1), or one error
# object {"version":1,"code":N,"error":"..."} and exit 1:
#   400 bad arguments, 404 no pool file, 500 file not usable, 503 data too old.
# No temp files, no locks, no network: safe to run concurrently for many pools.
set -u
LC_ALL=C
export LC_ALL
# Cost: vTM runs this every 10 s for every pool, and one fork and exec costs more than all the
# rest of a run together. So no run forks to read, check or print a document, and the age check
# forks only where the heartbeat's marker (below) does not settle it. See plugin/README.md, Cost.

# Space and tab: POSIX shells start with IFS set to space, tab, newline (not taken from the
# environment). A literal tab in this file would be invisible.
blanks=${IFS%?}

verbose=0
log() { [ "$verbose" = 1 ] && printf 'vtm-k8s-sync-sd: %s\n' "$*" >&2; return 0; }

# A name that cannot leave the directory: safe first character, safe characters, no "..". (With
# at most 200 characters, this is the Java side's rule.)
safe_name() { case $1 in '' | [!A-Za-z0-9_]* | *[!A-Za-z0-9._-]* | *..*) return 1 ;; esac; }

# The age check, first without a clock. With each heartbeat, vtm-k8s-sync's file sink writes a
# marker "<heartbeat>.until" that holds a number of seconds D and is dated D seconds after the
# heartbeat. While that date is still ahead of now, the heartbeat is younger than D; if D is within
# --max-age, that is all this check has to know, and test -nt compares two dates without a
# process. "Now" is the date of /proc/$$, which Linux sets when that entry is first looked up:
# during this run. It must be newer than the heartbeat (so a /proc with other dates is not
# believed). In any other case (no marker, a lapsed one, D above --max-age, no /proc, no
# heartbeat) the exact check below decides.
fresh_by_marker() {
    [ -d "/proc/$$" ] && [ "/proc/$$" -nt "$heartbeat" ] && [ "$heartbeat.until" -nt "/proc/$$" ] ||
        return 1
    d='' && { IFS= read -r d; } 2>/dev/null <"$heartbeat.until"
    case $d in '' | *[!0-9]* | ??????????*) return 1 ;; esac
    [ "$d" -le "$max_age" ] && log "heartbeat '$heartbeat' is less than $d s old (its marker)"
}

# The fast way: the common run with the file sink, done before the shell reads the rest of this
# file (parsing all of it would cost a tenth of the run). It takes only --pool=NAME, --dir=DIR and
# --max-age=N (N > 0), a heartbeat that its marker shows fresh, and a pool file of one line
# without a newline, in printable ASCII, whose document has "code":200 in the compact form: it
# prints the file and exits 0, as the full script below would. Anything else goes on to the full
# script, which starts over.
pool='' dir='' max_age=300 fast=1
for arg; do
    case $arg in
        --pool=*) pool=${arg#*=} ;;
        --dir=?*) dir=${arg#*=} ;;
        --max-age=[1-9]*) max_age=${arg#*=} ;;
        *) fast=0 ;;
    esac
done
case $max_age in *[!0-9]* | ??????????*) fast=0 ;; esac
safe_name "$pool" && [ "${#pool}" -le 200 ] || fast=0
[ -n "$dir" ] || dir=${ZEUSHOME:+$ZEUSHOME/zxtm/conf/extra}
if [ "$fast" = 1 ] && [ -n "$dir" ]; then
    path=${dir%/}/$pool.json heartbeat=${dir%/}/.vtm-k8s-sync.heartbeat content=''
    # read fails at the end of the file without a newline: then content is the whole file.
    if [ -f "$path" ] && [ -r "$path" ] && [ -e "$heartbeat" ] && fresh_by_marker &&
        ! { IFS= read -r content; } 2>/dev/null <"$path"; then
        case $content in
            *[!\ -~]*) ;;
            '{'*'"version"'*)
                case $content in *[{,]'"code":200'[,}]*) printf '%s\n' "$content"; exit 0 ;; esac ;;
        esac
    fi
fi

# JSON string escape: drop control characters, escape backslash and double quote.
esc() { printf '%s' "$1" | tr -d '\000-\037\177' | sed 's/\\/\\\\/g; s/"/\\"/g'; }

fail() {
    code=$1; shift
    printf '{"version":1,"code":%s,"error":"%s"}\n' "$code" "$(esc "$*")"
    log "code $code: $*"
    exit 1
}

usage() { sed -n '2,/^set -u$/{/^set -u$/d;s/^# \{0,1\}//;p;}' "$0"; exit 0; }

check_name() {
    [ -n "$2" ] || fail 400 "$1 must not be empty"
    safe_name "$2" ||
        fail 400 "invalid $1 '$2': use letters, digits, '_', '.', '-', start with a letter, digit or '_', no '..'"
    [ "${#2}" -le 200 ] || fail 400 "invalid $1: longer than 200 characters"
}

pool='' dir='' file='' max_age=300 hb_name=.vtm-k8s-sync.heartbeat
while [ $# -gt 0 ]; do
    opt=$1; shift
    case $opt in
        --*=*) key=${opt%%=*}; val=${opt#*=} ;;
        -p | -d | --pool | --dir | --file | --max-age | --heartbeat)
            [ $# -gt 0 ] || fail 400 "argument '$opt' needs a value"
            key=$opt; val=$1; shift ;;
        *) key=$opt; val='' ;;
    esac
    case $key in
        -p | --pool) pool=$val ;;
        -d | --dir) dir=$val; [ -n "$dir" ] || fail 400 "--dir must not be empty" ;;
        --file) file=$val; check_name file "$file" ;;
        --max-age) max_age=$val ;;
        --heartbeat) hb_name=$val; check_name heartbeat "$hb_name" ;;
        -v | --verbose) verbose=1 ;;
        -h | --help) usage ;;
        *) fail 400 "unknown argument '$opt'; see --help" ;;
    esac
done

[ -n "$pool" ] || fail 400 "pool name must be given with '--pool=<name>' or '-p <name>'"
check_name pool "$pool"
case $max_age in
    '' | *[!0-9]*) fail 400 "--max-age must be a whole number of seconds, got '$max_age'" ;;
esac
while :; do case $max_age in 0?*) max_age=${max_age#0} ;; *) break ;; esac; done
[ "${#max_age}" -le 9 ] || fail 400 "--max-age is too large: '$max_age'"

if [ -z "$dir" ]; then
    zh=${ZEUSHOME:-}
    if [ -z "$zh" ]; then
        # Installed as $ZEUSHOME/zxtm/conf/servicediscovery/<name>: ZEUSHOME is 4 levels up.
        case $0 in */*) here=${0%/*} ;; *) here=. ;; esac
        # cd in this shell, not in $(cd ... && pwd): that would fork. The working directory is
        # not used after this (every path below is absolute).
        if CDPATH='' cd -- "$here/../../.." 2>/dev/null; then zh=$PWD; else zh=''; fi
        [ -n "$zh" ] && [ -d "$zh/zxtm/conf" ] || zh=/opt/zeus
    fi
    dir=$zh/zxtm/conf/extra
fi
[ -n "$file" ] || file=$pool.json
path=${dir%/}/$file
heartbeat=${dir%/}/$hb_name
log "pool '$pool', file '$path', max age $max_age s"

nofile="no pool file '$path'; check the pool name and that vtm-k8s-sync writes to this directory"
if ! { [ -f "$path" ] && [ -r "$path" ]; }; then
    [ -e "$path" ] || fail 404 "$nofile"
    fail 500 "pool file '$path' is not a readable regular file"
fi

# Read the file with the read builtin, not $(cat): that would fork and exec. The lines are joined
# with one space each, so the output is one line whatever the file holds (JSON allows any
# whitespace between tokens); line breaks at the end are dropped, as $(...) drops them, and so
# are NUL bytes. A file vtm-k8s-sync writes is one line without a newline: one read.
content='' gap='' line=''
{
    while IFS= read -r line || [ -n "$line" ]; do
        [ -n "$line" ] || { gap="$gap "; continue; }
        # A CR is rare: only a line with a byte outside printable ASCII pays for tr. (A range,
        # not [:print:]: dash matches a class by name at every character, ten times slower.)
        case $line in *[!\ -~]*) line=$(printf '%s' "$line" | tr '\r' ' ') ;; esac
        content=$content$gap$line gap=' '
    done
} 2>/dev/null <"$path" || fail 404 "$nofile"

# The document check, the output (one line) and the exit status: 0 when a "code" key has the
# value 200, in the compact form vtm-k8s-sync writes or else once spaces and tabs are removed
# (inside a JSON string the quote before code would be escaped: no false match).
finish() {
    case $content in
        '{'*'"version"'*) ;;
        *) fail 500 "pool file '$path' is not a Service Discovery document" ;;
    esac
    printf '%s\n' "$content"
    case $content in *[{,]'"code":200'[,}]*) log "code 200"; exit 0 ;; esac
    # Spaces and tabs removed without tr: split the fields on them (no globbing), then join them
    # with an empty IFS.
    set -f; IFS=$blanks; set -- $content; IFS=''
    case $* in *[{,]'"code":200'[,}]*) log "code 200"; exit 0 ;; esac
    log "document code is not 200"
    exit 1
}

[ "$max_age" -gt 0 ] || finish
[ -e "$heartbeat" ] && fresh_by_marker && finish

# The exact check: the age of the heartbeat (or of the pool file, when there is none) in seconds.
# finish exits, so the shell reads the rest of this file only when the marker did not decide.
if [ -e "$heartbeat" ]; then
    f=$heartbeat what="heartbeat '$heartbeat'" hint=''
else
    f=$path what="pool file '$path'" hint=" and there is no heartbeat '$heartbeat'"
fi
# Both dates from one process where GNU stat and /proc are there (the file's and that of /proc/$$,
# see above); else date, and stat or date -r, as two.
nl='
'
t=$(stat -c %Y -- "$f" "/proc/$$" 2>/dev/null) || t=''
case $t in
    [0-9]*"$nl"[0-9]*) now=${t#*"$nl"} t=${t%%"$nl"*} ;;
    *) now=$(date +%s) t=$(stat -c %Y -- "$f" 2>/dev/null || date -r "$f" +%s 2>/dev/null) ;;
esac
case $t in '' | *[!0-9]*) fail 500 "cannot read the modification time of $what" ;; esac
age=$((now - t))
[ "$age" -ge 0 ] || age=0
log "$what is $age s old"
[ "$age" -le "$max_age" ] ||
    fail 503 "$what is $age s old (limit $max_age s)$hint; vtm-k8s-sync may be down"
finish
