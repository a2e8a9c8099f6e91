namespace FaceGuard.Service.Endpoints;

/// <summary>GET /healthz: 200 once the models are loaded and warmed up, 503 before.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/healthz");
}
