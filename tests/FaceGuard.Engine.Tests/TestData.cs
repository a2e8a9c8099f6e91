using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

/// <summary>Paths into the repository's data/ folder and small helpers to make test images from real photos.</summary>
internal static class TestData
{
    public static string Root => FaceGuard.Testing.RepositoryFiles.Data();

    public static string Photos => Path.Combine(Root, "images", "photos");
    public static string Synthetic => Path.Combine(Root, "images", "synthetic");
    public static string Benchmark => Path.Combine(Root, "images", "benchmark");

    public static string Photo(string name) => Path.Combine(Photos, name);

    public static byte[] PhotoBytes(string name) => File.ReadAllBytes(Photo(name));

    public static byte[] Encode(Mat image, string extension = ".jpg", params int[] parameters)
    {
        Cv2.ImEncode(extension, image, out var bytes, parameters);
        return bytes;
    }
}
