#!/usr/bin/env bash
# End-to-end check in a real terminal: newsterm --demo inside tmux, driven
# with send-keys and read back with capture-pane, at 120x40 and 70x24.
set -euo pipefail

bin=${NEWSTERM_BIN:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/newsterm
  go build -o "$bin" .
fi
sock=""
t() { tmux -L "$sock" "$@"; }
trap '[ -n "$sock" ] && t kill-server 2>/dev/null || true' EXIT

fail() {
  echo "e2e FAIL ($size): $*" >&2
  echo "----- screen -----" >&2
  t capture-pane -p -t e2e >&2 || true
  exit 1
}

# flat: the screen as one line, pane borders removed and spaces squeezed, so a
# phrase the reader wrapped over two lines still matches.
flat() {
  t capture-pane -p -t e2e | sed 's/│/ /g; s/┃/ /g' | tr -s ' \n' '  '
}

# wait_for TEXT: poll the screen until TEXT shows (up to 20 s).
wait_for() {
  for _ in $(seq 1 200); do
    if t capture-pane -p -t e2e | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "never showed: $1"
}

# page_until TEXT: press space until TEXT shows (at most 40 pages).
page_until() {
  for _ in $(seq 1 40); do
    if flat | grep -qF -- "$1"; then return 0; fi
    t send-keys -t e2e ' '
    sleep 0.2
  done
  fail "paging never reached: $1"
}

run_at() {
  size="$1x$2"
  [ -n "$sock" ] && { t kill-server 2>/dev/null || true; }
  sock="newsterm-e2e-$$-$size"
  t new-session -d -s e2e -x "$1" -y "$2" "env -i PATH=$PATH HOME=$HOME TERM=xterm-256color PS1='E2E-PROMPT\$ ' bash --norc --noprofile"
  t send-keys -t e2e "$bin --demo" Enter
  wait_for "Pakistan refuses"
  t send-keys -t e2e '/'
  t send-keys -t e2e -l 'Haqqani'
  t send-keys -t e2e Enter
  wait_for "1 found"
  t send-keys -t e2e Enter
  wait_for "Khalid Tanveer/Reuters"
  screen=$(flat)
  for want in "Pakistan refuses to battle Haqqani network" "Pakistani protesters in Multan" "23 comments" "Pakistan's top military commanders announced Sunday"; do
    echo "$screen" | grep -qF -- "$want" || fail "missing: $want"
  done
  page_until "threats of ending counterterrorism cooperation between the two countries."
  t send-keys -t e2e q
  wait_for "E2E-PROMPT"
  t capture-pane -p -t e2e | grep -q "counterterrorism" && fail "alternate screen not left"
  echo "e2e ok ($size)"
}

run_at 120 40
run_at 70 24
