namespace FaceGuard.Analysis.Logs;

/// <summary>The load generator that drove a run when it was not our own runner, e.g. Locust with its workers.</summary>
/// <param name="Name">"locust".</param>
/// <param name="Version">As the tool reports it.</param>
/// <param name="Workers">Processes that sent requests.</param>
/// <param name="Users">Simulated users over all workers.</param>
public sealed record LoadGenerator(string Name, string Version, int Workers, int Users)
{
    public string Describe() => $"{Name} {Version}, {Workers} worker(s), {Users} user(s)";
}
