#!/usr/bin/execlineb -P
define V0 value0
define V1 value1
define V2 value2
define V3 value3
define V4 value4
define V5 value5
define V6 value6
define V7 value7
define V8 value8
define V9 value9
define V10 value10
define V11 value11
define V12 value12
define V13 value13
define V14 value14
define V15 value15
define V16 value16
define V17 value17
define V18 value18
define V19 value19
exit 0
