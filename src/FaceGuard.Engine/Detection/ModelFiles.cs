namespace FaceGuard.Engine.Detection;

/// <summary>The ONNX files from data/models, embedded in this assembly so the engine works wherever it is copied.</summary>
internal static class ModelFiles
{
    public static byte[] Read(string fileName)
    {
        using var stream = typeof(ModelFiles).Assembly.GetManifestResourceStream($"FaceGuard.Engine.Models.{fileName}")
            ?? throw new InvalidOperationException($"The model {fileName} is not embedded in FaceGuard.Engine.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
