using System.Net;

namespace FaceGuard.Reliability.Tests.Infrastructure;

/// <summary>Whether a service that has been put through faults is still whole: its process, its health, its work, its log.</summary>
internal static class AfterCheck
{
    /// <summary>5xx answers the service has counted so far, 503s of /healthz during warm-up included: the baseline for <see cref="ProblemsAsync"/>.</summary>
    public static Task<double> ServerErrorsAsync(ServiceProcess service, CancellationToken cancellationToken) =>
        MetricsText.ReadAsync(service.Client, "http_requests_received_total", cancellationToken, "code=\"5");

    /// <summary>Everything wrong with the service now; empty when it is alive, healthy, serves a photo, has answered
    /// no 5xx since <paramref name="serverErrorsBefore"/> and logged no error.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(ServiceProcess service, double serverErrorsBefore, CancellationToken cancellationToken)
    {
        if (service.HasExited) return [$"the service has exited. Its log:\n{service.Log}"];
        var problems = new List<string>();
        try
        {
            using (var health = await service.Client.GetAsync("/healthz", cancellationToken))
                if (health.StatusCode != HttpStatusCode.OK) problems.Add($"/healthz answers {(int)health.StatusCode}");
            using (var photo = await service.Client.PostAsync("/process?sensitivity=normal", Uploads.Form(Repo.PhotoBytes("messi5.jpg"), "messi5.jpg"), cancellationToken))
                if (photo.StatusCode != HttpStatusCode.OK) problems.Add($"a good photo gets {(int)photo.StatusCode}");
            double serverErrors = await ServerErrorsAsync(service, cancellationToken) - serverErrorsBefore;
            if (serverErrors > 0) problems.Add($"/metrics counts {serverErrors} 5xx answers");
        }
        catch (HttpRequestException e)
        {
            problems.Add("the service does not answer: " + e.Message);
        }
        problems.AddRange(service.ErrorLines().Select(l => "logged: " + l));
        return problems;
    }
}
