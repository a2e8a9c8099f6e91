namespace FaceGuard.Analysis.Prometheus;

/// <summary>
/// Prometheus answered with an error ("status": "error" — a PromQL syntax error, a timeout, too many samples), or with
/// JSON that is not a query result. Carries what Prometheus said, or where in the JSON reading failed.
/// </summary>
public sealed class PrometheusQueryException : Exception
{
    public PrometheusQueryException(string message, string? errorType = null, string? jsonPath = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorType = errorType;
        JsonPath = jsonPath;
    }

    /// <summary>Prometheus' own error type: bad_data, timeout, canceled, execution, internal, unavailable, not_found.</summary>
    public string? ErrorType { get; }

    /// <summary>Where in the JSON the answer stopped making sense, e.g. "data.result[2].values[7]".</summary>
    public string? JsonPath { get; }
}
