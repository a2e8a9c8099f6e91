using FaceGuard.Cli;
using FaceGuard.Engine;
using Spectre.Console.Cli;

NativeMemory.LimitFragmentation();
var app = new CommandApp();
app.Configure(CliApp.Configure);
return await app.RunAsync(args);
