#!/usr/bin/execlineb -P
# A short tour of the interpreter: one process runs all of this; only echo, sh and tr are spawned.
foreground { echo "== substitution" }
define -s WORDS "alpha beta gamma"
foreground { forx -E W { $WORDS } echo "  item: ${W}" }
foreground { echo "== blocks and exit codes" }
foreground { if { eltest 3 -gt 2 } echo "  3 is greater than 2" }
foreground { foreground { sh -c "exit 3" } importas ? ? echo "  the block exited with $?" }
foreground { backtick -n GREETING { echo "hello from a backtick" } importas -u GREETING GREETING echo "  ${GREETING}" }
foreground { echo "== pipes and descriptors" }
foreground { pipeline { echo "  shouted through a pipeline" } tr a-z A-Z }
foreground { heredoc 0 "  read from a heredoc\n" cat }
echo "== done: the script's own pid was the only interpreter process"
