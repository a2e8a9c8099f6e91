namespace FaceGuard.Analysis.Reports;

/// <summary>plotly.js as Plotly.NET ships it inside Plotly.NET.dll, so a report draws its charts with no network.</summary>
internal static class PlotlyJs
{
    private static readonly Lazy<string> LazyLibrary = new(Load);

    /// <summary>The minified library, as embedded.</summary>
    public static string Library => LazyLibrary.Value;

    /// <summary>
    /// One inline script defining <c>window.Plotly</c>. The library is a UMD bundle: an AMD loader or a CommonJS
    /// shim on the page (RequireJS in a notebook viewer, say) would take it and leave <c>Plotly</c> undefined, so it
    /// runs with <c>define</c>, <c>module</c> and <c>exports</c> shadowed.
    /// </summary>
    public static string ScriptElement =>
        "<script>(function(define,module,exports){\n" + Library + "\n})(undefined,undefined,undefined);</script>";

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames()
            .SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName()} no longer embeds plotly.js (no resource Plotly.NET.plotly-*.min.js).");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // Inside a script element only "</script" ends it; the library has none today, and must not gain one silently.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
