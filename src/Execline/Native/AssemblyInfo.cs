// Every libc call passes only blittable values, so no marshalling stubs are needed: ReadyToRun can then
// precompile the calls instead of generating stubs at startup.
[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]
