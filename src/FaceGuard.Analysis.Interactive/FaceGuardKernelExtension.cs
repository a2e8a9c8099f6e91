using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;

namespace FaceGuard.Analysis.Interactive;

/// <summary>
/// Loaded by the notebook kernel (VS Code's Polyglot Notebooks, dotnet-interactive, dotnet-repl) after
/// <c>#r "nuget: FaceGuard.Analysis, ..."</c>, because its DLL sits in the package's interactive-extensions/dotnet
/// folder. Makes Plotly.NET usable in the kernel, registers the HTML formatters, and shows which build was loaded.
/// </summary>
public sealed class FaceGuardKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        // Before anything touches a Plotly.NET type: the formatters live in other classes so that compiling this
        // method does not load Plotly.NET (and with it FSharp.Core 10.1, which the kernel cannot supply).
        FSharpCoreUnification.Install();
        RegisterAndAnnounce();
        return Task.CompletedTask;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterAndAnnounce()
    {
        NotebookFormatters.Register();
        KernelInvocationContext.Current?.Display(BuildInfo.Current(), "text/html");
    }
}
