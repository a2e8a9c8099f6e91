using FaceGuard.Engine;
using FaceGuard.Service;

NativeMemory.LimitFragmentation();
// The service's table of contents lives in FaceGuardService.Build; `faceguard serve` calls the same method.
await FaceGuardService.Build(args).RunAsync();
