namespace FaceGuard.Analysis.Reports;

/// <summary>The CSS class a severity is drawn with, in reports and in notebook outputs alike.</summary>
internal static class SeverityCss
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Alert => "alert",
        Severity.Warning => "warning",
        _ => "ok",
    };
}
