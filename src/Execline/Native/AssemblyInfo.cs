// Every libc call passes only blittable values, so no marshalling stubs are needed: the native AOT
// compiler then emits each call as a direct transition instead of generating a stub.
[assembly: System.Runtime.CompilerServices.DisableRuntimeMarshalling]
