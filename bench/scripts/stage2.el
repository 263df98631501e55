#!/usr/bin/execlineb -P
# Shaped like s6-overlay's stage 2: nested if/foreground/backtick/importas/elglob, builtins only.
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR0 { homeof root }
  importas -u -D none H HOMEDIR0
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR1 { homeof root }
  importas -u -D none H HOMEDIR1
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR2 { homeof root }
  importas -u -D none H HOMEDIR2
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR3 { homeof root }
  importas -u -D none H HOMEDIR3
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR4 { homeof root }
  importas -u -D none H HOMEDIR4
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR5 { homeof root }
  importas -u -D none H HOMEDIR5
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR6 { homeof root }
  importas -u -D none H HOMEDIR6
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR7 { homeof root }
  importas -u -D none H HOMEDIR7
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR8 { homeof root }
  importas -u -D none H HOMEDIR8
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR9 { homeof root }
  importas -u -D none H HOMEDIR9
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR10 { homeof root }
  importas -u -D none H HOMEDIR10
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR11 { homeof root }
  importas -u -D none H HOMEDIR11
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR12 { homeof root }
  importas -u -D none H HOMEDIR12
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR13 { homeof root }
  importas -u -D none H HOMEDIR13
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR14 { homeof root }
  importas -u -D none H HOMEDIR14
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR15 { homeof root }
  importas -u -D none H HOMEDIR15
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR16 { homeof root }
  importas -u -D none H HOMEDIR16
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR17 { homeof root }
  importas -u -D none H HOMEDIR17
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR18 { homeof root }
  importas -u -D none H HOMEDIR18
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR19 { homeof root }
  importas -u -D none H HOMEDIR19
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR20 { homeof root }
  importas -u -D none H HOMEDIR20
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR21 { homeof root }
  importas -u -D none H HOMEDIR21
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR22 { homeof root }
  importas -u -D none H HOMEDIR22
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR23 { homeof root }
  importas -u -D none H HOMEDIR23
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR24 { homeof root }
  importas -u -D none H HOMEDIR24
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR25 { homeof root }
  importas -u -D none H HOMEDIR25
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR26 { homeof root }
  importas -u -D none H HOMEDIR26
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR27 { homeof root }
  importas -u -D none H HOMEDIR27
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR28 { homeof root }
  importas -u -D none H HOMEDIR28
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
foreground {
  if { eltest -d /etc }
  backtick -n -D none HOMEDIR29 { homeof root }
  importas -u -D none H HOMEDIR29
  elglob -s -0 CONF /etc/host*
  forx -E F { $CONF } importas -D x HOME HOME exit 0
}
exit 0
