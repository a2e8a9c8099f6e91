using System.Text;
using FaceGuard.Engine;
using FaceGuard.Analysis.Evaluation;
using OpenCvSharp;
using static FaceGuard.Analysis.Interactive.Html;

namespace FaceGuard.Analysis.Interactive;

/// <summary>A small JPEG for a notebook, shown inline as a data: URL (no file beside the notebook).</summary>
public sealed record Thumbnail(string Caption, byte[] Jpeg, int Width, int Height)
{
    public const int DefaultMaxWidth = 320;
    public const int JpegQuality = 82;

    /// <summary>Any photo OpenCV decodes (EXIF orientation applied), scaled down to at most <paramref name="maxWidth"/> pixels wide.</summary>
    public static Thumbnail Of(byte[] image, string caption = "", int maxWidth = DefaultMaxWidth)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var pixels = Cv2.ImDecode(image, ImreadModes.Color);
        if (pixels.Empty())
        {
            throw new ArgumentException($"Not an image OpenCV can decode ({image.Length} bytes).", nameof(image));
        }

        return Of(pixels, caption, maxWidth);
    }

    internal static Thumbnail Of(Mat pixels, string caption, int maxWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 16);
        var scale = Math.Min(1.0, maxWidth / (double)pixels.Width);
        using var small = new Mat();
        Cv2.Resize(pixels, small, new Size(Math.Max(1, (int)Math.Round(pixels.Width * scale)), Math.Max(1, (int)Math.Round(pixels.Height * scale))),
            interpolation: InterpolationFlags.Area);
        Cv2.ImEncode(".jpg", small, out var jpeg, [(int)ImwriteFlags.JpegQuality, JpegQuality]);
        return new Thumbnail(caption, jpeg, small.Width, small.Height);
    }

    public string ImgTag() =>
        $"<img src=\"data:image/jpeg;base64,{Convert.ToBase64String(Jpeg)}\" width=\"{Width}\" height=\"{Height}\" alt=\"{E(Caption)}\">";

    public string ToHtml() => Block("fg-thumbnail", html =>
        html.Append("<figure>").Append(ImgTag()).Append("<figcaption>").Append(E(Caption)).Append("</figcaption></figure>\n"));
}

/// <summary>A photo before and after anonymisation, side by side.</summary>
public sealed record BeforeAfter(string Caption, Thumbnail Before, Thumbnail After)
{
    // BGR
    private static readonly Scalar Hidden = new(0, 200, 0);
    private static readonly Scalar Missed = new(0, 0, 230);
    private static readonly Scalar Difficult = new(0, 200, 230);
    private static readonly Scalar FalseAlarm = new(0, 140, 255);

    /// <summary>
    /// One evaluated photo: before, with each true face outlined green when a mask hides it and red when none does
    /// (yellow: a difficult face); after, as the engine returns it with the same detection options, masks outlined
    /// and false alarms in orange.
    /// </summary>
    public static BeforeAfter Of(ImageEvaluation evaluation, FaceAnonymizer engine, DetectionOptions options, int maxWidth = Thumbnail.DefaultMaxWidth)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(engine);
        var bytes = File.ReadAllBytes(evaluation.Path);
        var match = evaluation.Match;
        var counted = evaluation.Image.Faces.Where(f => !f.Difficult).ToList();
        var difficult = evaluation.Image.Faces.Where(f => f.Difficult).ToList();
        var caption = $"{evaluation.SetName}/{evaluation.Image.File}: {counted.Count} faces, {counted.Count(match.Covered.Contains)} hidden, "
            + $"{counted.Count(f => !match.Covered.Contains(f))} not hidden"
            + (difficult.Count > 0 ? $"; {difficult.Count} difficult, {difficult.Count(match.Covered.Contains)} of them hidden" : "")
            + $"; {match.FalseAlarms.Count} false alarms";

        using var before = Cv2.ImDecode(bytes, ImreadModes.Color);
        var thickness = Math.Max(2, before.Width / 300);
        foreach (var face in evaluation.Image.Faces)
        {
            var colour = match.Covered.Contains(face) ? Hidden : face.Difficult ? Difficult : Missed;
            Cv2.Rectangle(before, new Rect(face.X, face.Y, face.Width, face.Height), colour, thickness);
        }

        var result = engine.Anonymize(bytes, AnonymizeOptions.Default with { Detection = options, Mask = MaskOptions.Default with { DrawBoxes = true } });
        using var after = Cv2.ImDecode(result.Image, ImreadModes.Color);
        foreach (var alarm in match.FalseAlarms)
        {
            var box = alarm.Box;
            Cv2.Rectangle(after, new Rect((int)box.X, (int)box.Y, (int)box.Width, (int)box.Height), FalseAlarm, thickness);
        }

        return new BeforeAfter(caption, Thumbnail.Of(before, "before", maxWidth), Thumbnail.Of(after, "after", maxWidth));
    }

    public string ToHtml() => Block("fg-before-after", html => Figure(html, this));

    internal static void Figure(StringBuilder html, BeforeAfter item) =>
        html.Append("<figure><div class=\"pair\">").Append(item.Before.ImgTag()).Append(item.After.ImgTag())
            .Append("</div><figcaption>").Append(E(item.Caption)).Append("</figcaption></figure>\n");
}

/// <summary>Before/after pairs of many photos, as a wrapping grid.</summary>
public sealed record Gallery(IReadOnlyList<BeforeAfter> Items)
{
    public const string GalleryClass = "fg-gallery";

    /// <summary>Every photo of the evaluation (or those <paramref name="include"/> keeps), anonymised with the evaluation's options.</summary>
    public static Gallery Of(EvaluationReport report, FaceAnonymizer engine, Func<ImageEvaluation, bool>? include = null, int maxWidth = Thumbnail.DefaultMaxWidth)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Gallery(report.Images.Where(include ?? (_ => true)).Select(i => BeforeAfter.Of(i, engine, report.Options, maxWidth)).ToList());
    }

    public string ToHtml() => Block("fg-gallery-block", html =>
    {
        html.Append("<p class=\"muted\">Left: the true faces, green when a mask hides them, red when none does, yellow for difficult ones. ")
            .Append("Right: the engine's output, masks outlined green, false alarms orange.</p>\n<div class=\"").Append(GalleryClass).Append("\">\n");
        foreach (var item in Items)
        {
            BeforeAfter.Figure(html, item);
        }

        html.Append("</div>\n");
    });
}
