using FaceGuard.Cli.Commands;
using FaceGuard.Engine;
using Spectre.Console.Cli;

NativeMemory.LimitFragmentation();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("faceguard");
    config.AddCommand<BlurCommand>("blur")
        .WithDescription("Find and mask every face in a photo or a folder of photos.")
        .WithExample("blur", "photo.jpg", "-o", "photo.blurred.jpg")
        .WithExample("blur", "holiday/", "-o", "holiday-blurred/", "--mode", "mosaic", "--json", "faces.json");
    config.AddCommand<ServeCommand>("serve")
        .WithDescription("Run the HTTP service: POST /process with a multipart field 'image' returns the masked photo.")
        .WithExample("serve", "--urls", "http://127.0.0.1:8080");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Measure detection precision and recall by face size on labelled photos.")
        .WithExample("eval", "--set", "data/images/synthetic");
});
return await app.RunAsync(args);
