using FaceGuard.Engine.Detection.BlazeFace;
using FaceGuard.Engine.Detection.YuNet;
using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>
/// Finds the faces of a photo with the chosen detector. Photos larger than <see cref="DetectionOptions.MaxDetectionSide"/>
/// are searched on a downscaled copy (area-averaged, so small faces keep their shape) and the boxes mapped back.
/// </summary>
internal sealed class FaceSearch(ModelRegistry models)
{
    private readonly BlazeFaceDetector _blazeFace = new(models);
    private readonly YuNetDetector _yuNet = new(models);

    public List<Face> Detect(Mat image, DetectionOptions options, int threads)
    {
        int longest = Math.Max(image.Width, image.Height);
        float workScale = longest > options.MaxDetectionSide ? options.MaxDetectionSide / (float)longest : 1f;
        using var scaled = workScale < 1f ? Downscale(image, workScale) : null;

        IFaceDetector detector = options.Model == DetectorModel.YuNet ? _yuNet : _blazeFace;
        var found = detector.Detect(scaled ?? image, options, threads);
        return found.Select(c => c.ToFace(1f / workScale)).ToList();
    }

    private static Mat Downscale(Mat image, float scale)
    {
        var scaled = new Mat();
        Cv2.Resize(image, scaled, new Size(), scale, scale, InterpolationFlags.Area);
        return scaled;
    }
}
