using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>The labelled photos, each decoded once on first use (sources are pasted many times) and kept until disposed.</summary>
internal sealed class PhotoCache(string folder) : IDisposable
{
    private readonly Dictionary<string, Mat> _photos = new(StringComparer.Ordinal);

    public Mat Get(string file)
    {
        if (!_photos.TryGetValue(file, out Mat? photo))
        {
            string path = Path.Combine(folder, file);
            photo = Cv2.ImRead(path, ImreadModes.Color);
            if (photo.Empty())
            {
                photo.Dispose();
                throw new IOException($"cannot read {path}");
            }

            _photos[file] = photo;
        }

        return photo;
    }

    public void Dispose()
    {
        foreach (Mat photo in _photos.Values)
        {
            photo.Dispose();
        }

        _photos.Clear();
    }
}
