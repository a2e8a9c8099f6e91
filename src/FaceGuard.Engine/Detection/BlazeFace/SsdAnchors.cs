namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>
/// MediaPipe's SsdAnchorsCalculator for the BlazeFace graphs, reduced to what those graphs use:
/// fixed anchor size (so only centres matter), aspect ratio 1 plus one interpolated scale per layer,
/// anchor offset 0.5. Layers with the same stride share one grid, which is why four layers become
/// 16x16x2 + 8x8x6 = 896 anchors for the 128 and 256 inputs.
/// </summary>
internal static class SsdAnchors
{
    private const float AnchorOffset = 0.5f;
    private const int AnchorsPerLayer = 2; // aspect ratio 1.0 plus the interpolated-scale anchor

    public static Anchor[] Generate(int inputSize, IReadOnlyList<int> strides)
    {
        var anchors = new List<Anchor>();
        int layer = 0;
        while (layer < strides.Count)
        {
            // Consecutive layers with the same stride are merged into one grid with more anchors per cell.
            int last = layer;
            while (last + 1 < strides.Count && strides[last + 1] == strides[layer]) last++;
            int anchorsPerCell = (last - layer + 1) * AnchorsPerLayer;

            int gridSize = (int)Math.Ceiling((double)inputSize / strides[layer]);
            for (int y = 0; y < gridSize; y++)
            for (int x = 0; x < gridSize; x++)
            for (int a = 0; a < anchorsPerCell; a++)
                anchors.Add(new Anchor((x + AnchorOffset) / gridSize, (y + AnchorOffset) / gridSize));

            layer = last + 1;
        }
        return [.. anchors];
    }
}
