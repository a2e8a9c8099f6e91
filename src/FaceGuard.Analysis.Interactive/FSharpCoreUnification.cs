using System.Reflection;
using System.Runtime.Loader;

namespace FaceGuard.Analysis.Interactive;

/// <summary>
/// The notebook kernel already has FSharp.Core 10.0 loaded in the default load context; Plotly.NET 6 was built against
/// FSharp.Core 10.1, so its first chart would fail with <c>FileNotFoundException: FSharp.Core, Version=10.1.0.0</c>.
/// A request for FSharp.Core that the context cannot satisfy gets the copy that is already loaded: one FSharp.Core
/// per process, which is what F# needs anyway (two copies would make two incompatible <c>FSharpOption</c> types).
/// </summary>
public static class FSharpCoreUnification
{
    private const string FSharpCore = "FSharp.Core";
    private static int _installed;

    /// <summary>Idempotent; must run before any Plotly.NET type is loaded.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += Resolve;
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        string.Equals(name.Name, FSharpCore, StringComparison.OrdinalIgnoreCase)
            ? context.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, FSharpCore, StringComparison.OrdinalIgnoreCase))
            : null;
}
