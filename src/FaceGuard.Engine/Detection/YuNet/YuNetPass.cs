namespace FaceGuard.Engine.Detection.YuNet;

/// <summary>
/// One scale at which YuNet searches the image: the tiles (in pixels of the searched image) that are each resampled by
/// <see cref="Scale"/> and run through the network, the score a face needs there, and the largest face (in pixels of
/// the searched image) the pass is trusted with.
/// </summary>
internal sealed record YuNetPass(float Scale, IReadOnlyList<Tile> Tiles, float MinScore, float MaxFace = float.PositiveInfinity);
