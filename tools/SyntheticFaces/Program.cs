// SyntheticFaces: builds a reproducible synthetic "group photo" set with exact face boxes.
//
// Real face crops (taken from the labelled photos in data/images/photos, using the ground-truth
// boxes in faces.json, with a margin of context and a soft-feathered edge) are pasted onto real
// photos without faces (the entries of faces.json whose "faces" list is empty), at random
// non-overlapping positions and at sizes spread over 16-200 px (most in 16-48 px). Every truth box
// is the source truth box mapped through the exact paste transform (crop offset, scale, mirror,
// paste offset), rounded to whole pixels. Same seed (and same OpenCV build) => same bytes.

using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenCvSharp;

namespace SyntheticFaces;

internal static class Program
{
    private static int Main(string[] args)
    {
        Options opt;
        try
        {
            opt = Options.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        if (opt.Help)
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        try
        {
            return new Generator(opt).Run();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or OpenCVException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>Command-line options.</summary>
internal sealed record Options
{
    public ulong Seed { get; init; } = 42;
    public string PhotosDir { get; init; } = Path.Combine("data", "images", "photos");
    public string OutDir { get; init; } = Path.Combine("data", "images", "synthetic");
    public int Count { get; init; } = 12;
    public int Width { get; init; } = 1920;
    public int Height { get; init; } = 1280;
    public int MinFaces { get; init; } = 3;
    public int MaxFaces { get; init; } = 25;
    public int MinFaceSize { get; init; } = 16;
    public int MaxFaceSize { get; init; } = 200;
    public int JpegQuality { get; init; } = 92;
    public bool Help { get; init; }

    public const string Usage =
        "usage: SyntheticFaces [--seed 42] [--photos data/images/photos] [--out data/images/synthetic]\n" +
        "                      [--count 12] [--min-faces 3] [--max-faces 25] [--min-size 16] [--max-size 200]\n" +
        "                      [--width 1920] [--height 1280] [--quality 92]";

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a is "-h" or "--help")
            {
                o = o with { Help = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"missing value after {a}");
            }

            string v = args[++i];
            o = a switch
            {
                "--seed" => o with { Seed = ulong.Parse(v, CultureInfo.InvariantCulture) },
                "--photos" => o with { PhotosDir = v },
                "--out" => o with { OutDir = v },
                "--count" => o with { Count = int.Parse(v, CultureInfo.InvariantCulture) },
                "--min-faces" => o with { MinFaces = int.Parse(v, CultureInfo.InvariantCulture) },
                "--max-faces" => o with { MaxFaces = int.Parse(v, CultureInfo.InvariantCulture) },
                "--min-size" => o with { MinFaceSize = int.Parse(v, CultureInfo.InvariantCulture) },
                "--max-size" => o with { MaxFaceSize = int.Parse(v, CultureInfo.InvariantCulture) },
                "--width" => o with { Width = int.Parse(v, CultureInfo.InvariantCulture) },
                "--height" => o with { Height = int.Parse(v, CultureInfo.InvariantCulture) },
                "--quality" => o with { JpegQuality = int.Parse(v, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {a}"),
            };
        }

        if (o.Count < 1 || o.MinFaces < 1 || o.MaxFaces < o.MinFaces || o.MinFaceSize < 4
            || o.MaxFaceSize < o.MinFaceSize || o.Width < 64 || o.Height < 64 || o.JpegQuality is < 1 or > 100)
        {
            throw new ArgumentException("invalid option value");
        }

        return o;
    }
}

/// <summary>faces.json, the shared ground-truth format.</summary>
internal sealed record TruthFile(List<TruthImage> Images);

internal sealed record TruthImage(string File, int Width, int Height, List<TruthBox> Faces);

internal sealed record TruthBox(int X, int Y, int W, int H, bool Difficult);

/// <summary>A labelled face usable as a paste source, with its allowed crop rectangle.</summary>
internal sealed record FaceSource(string File, int Index, Rect Box, Rect Crop);

/// <summary>Deterministic PRNG (SplitMix64): stable across .NET versions, unlike System.Random.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public int Next(int min, int maxExclusive)
    {
        if (maxExclusive <= min)
        {
            return min;
        }

        return min + (int)(NextULong() % (ulong)(maxExclusive - min));
    }

    public double Uniform(double a, double b) => a + ((b - a) * NextDouble());

    public double LogUniform(double a, double b) => Math.Exp(Uniform(Math.Log(a), Math.Log(b)));

    public void Shuffle<T>(IList<T> list)
    {
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = Next(0, i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

internal sealed class Generator(Options opt)
{
    /// <summary>Context kept around each source face box, per side, as a fraction of the box size.</summary>
    private const double MarginFraction = 0.5;

    /// <summary>Smallest margin a crop may be cut down to when a neighbouring face is close.</summary>
    private const double MinMarginFraction = 0.12;

    /// <summary>Neighbouring faces are kept out of a crop with this extra border (fraction of their size).</summary>
    private const double NeighbourGuard = 0.15;

    /// <summary>Source faces smaller than this (box height, px) are not used: they would have to be upscaled.</summary>
    private const int MinSourceFace = 60;

    /// <summary>Largest allowed upscale of a source face.</summary>
    private const double MaxUpscale = 1.3;

    /// <summary>Free gap between pasted patches, px.</summary>
    private const int Gap = 2;

    private static readonly JsonSerializerOptions JsonRead = new() { PropertyNameCaseInsensitive = true };

    private readonly SplitMix64 _rng = new(opt.Seed);

    public int Run()
    {
        string truthPath = Path.Combine(opt.PhotosDir, "faces.json");
        if (!File.Exists(truthPath))
        {
            throw new IOException($"{truthPath} not found (run from the repository root or pass --photos)");
        }

        TruthFile truth = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(truthPath), JsonRead)
            ?? throw new InvalidDataException($"{truthPath} is empty");

        // Stable order, whatever the order in the file.
        List<TruthImage> images = [.. truth.Images.OrderBy(i => i.File, StringComparer.Ordinal)];
        List<string> backgrounds = [.. images.Where(i => i.Faces.Count == 0).Select(i => i.File)];
        List<FaceSource> sources = BuildSources(images);
        if (backgrounds.Count == 0 || sources.Count == 0)
        {
            throw new InvalidDataException("need at least one no-face photo and one usable labelled face");
        }

        Console.WriteLine($"seed {opt.Seed}: {sources.Count} source faces, {backgrounds.Count} backgrounds -> {opt.Count} images in {opt.OutDir}");

        var cache = new Dictionary<string, Mat>(StringComparer.Ordinal);
        Mat Load(string file)
        {
            if (!cache.TryGetValue(file, out Mat? m))
            {
                string p = Path.Combine(opt.PhotosDir, file);
                m = Cv2.ImRead(p, ImreadModes.Color);
                if (m.Empty())
                {
                    throw new IOException($"cannot read {p}");
                }

                cache[file] = m;
            }

            return m;
        }

        Directory.CreateDirectory(opt.OutDir);
        var outImages = new List<TruthImage>();
        var provenance = new StringBuilder();
        provenance.Append("{\"seed\":").Append(opt.Seed.ToString(CultureInfo.InvariantCulture)).Append(",\"images\":[\n");

        // Backgrounds are used in turn, in a shuffled order per round, so each is used about equally.
        var bgOrder = new List<string>();
        for (int n = 0; n < opt.Count; n++)
        {
            if (bgOrder.Count == 0)
            {
                bgOrder.AddRange(backgrounds);
                _rng.Shuffle(bgOrder);
            }

            string bgFile = bgOrder[^1];
            bgOrder.RemoveAt(bgOrder.Count - 1);
            string name = $"synth_{n + 1:D3}.jpg";
            var (canvas, bgInfo) = MakeBackground(Load(bgFile));
            var faces = new List<TruthBox>();
            var pasteLog = new List<string>();
            PasteFaces(canvas, sources, Load, faces, pasteLog);

            int[] enc = [(int)ImwriteFlags.JpegQuality, opt.JpegQuality];
            Cv2.ImEncode(".jpg", canvas, out byte[] jpg, enc);
            File.WriteAllBytes(Path.Combine(opt.OutDir, name), jpg);
            canvas.Dispose();

            // Placed largest first; listed top-to-bottom, left-to-right.
            faces.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
            outImages.Add(new TruthImage(name, opt.Width, opt.Height, faces));
            provenance.Append("  {\"file\":\"").Append(name).Append("\",\"background\":\"").Append(bgFile)
                .Append("\",").Append(bgInfo).Append(",\"faces\":[\n    ")
                .Append(string.Join(",\n    ", pasteLog)).Append("\n  ]}")
                .Append(n < opt.Count - 1 ? ",\n" : "\n");
            Console.WriteLine($"{name}: {faces.Count} faces on {bgFile}");
        }

        provenance.Append("]}\n");
        File.WriteAllText(Path.Combine(opt.OutDir, "faces.json"), FormatTruth(outImages));
        File.WriteAllText(Path.Combine(opt.OutDir, "provenance.json"), provenance.ToString());

        foreach (Mat m in cache.Values)
        {
            m.Dispose();
        }

        int total = outImages.Sum(i => i.Faces.Count);
        int small = outImages.Sum(i => i.Faces.Count(f => f.H < 32));
        int mid = outImages.Sum(i => i.Faces.Count(f => f.H >= 32 && f.H <= 96));
        Console.WriteLine($"total {total} faces: {small} under 32 px, {mid} of 32-96 px, {total - small - mid} over 96 px (box height)");
        return 0;
    }

    /// <summary>
    /// Every non-difficult labelled face big enough to be scaled down, with a crop of context around it
    /// that stays inside its photo and keeps clear of every other labelled face in that photo.
    /// </summary>
    private static List<FaceSource> BuildSources(List<TruthImage> images)
    {
        var list = new List<FaceSource>();
        foreach (TruthImage img in images)
        {
            for (int i = 0; i < img.Faces.Count; i++)
            {
                TruthBox f = img.Faces[i];
                if (f.Difficult || f.H < MinSourceFace || f.W < MinSourceFace)
                {
                    continue;
                }

                var box = new Rect(f.X, f.Y, f.W, f.H);
                var imgRect = new Rect(0, 0, img.Width, img.Height);
                if ((box & imgRect) != box)
                {
                    continue; // truncated by the photo's edge
                }

                int s = Math.Max(f.W, f.H);
                int m = (int)Math.Round(MarginFraction * s);
                int minM = (int)Math.Round(MinMarginFraction * s);
                int l = Math.Max(0, f.X - m), t = Math.Max(0, f.Y - m);
                int r = Math.Min(img.Width, f.X + f.W + m), b = Math.Min(img.Height, f.Y + f.H + m);
                bool ok = true;
                for (int j = 0; j < img.Faces.Count && ok; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    TruthBox o = img.Faces[j];
                    int g = (int)Math.Ceiling(NeighbourGuard * Math.Max(o.W, o.H));
                    int ol = o.X - g, ot = o.Y - g, or = o.X + o.W + g, ob = o.Y + o.H + g;
                    if (ol >= r || or <= l || ot >= b || ob <= t)
                    {
                        continue;
                    }

                    // Cut the crop on the side that keeps the most area while keeping the minimum margin.
                    (int l, int t, int r, int b)? best = null;
                    long bestArea = -1;
                    (int, int, int, int)[] cands =
                    [
                        (Math.Max(l, or), t, r, b), (l, t, Math.Min(r, ol), b),
                        (l, Math.Max(t, ob), r, b), (l, t, r, Math.Min(b, ot)),
                    ];
                    foreach (var (cl, ct, cr, cb) in cands)
                    {
                        bool keeps = cl <= f.X - Math.Min(minM, f.X) && ct <= f.Y - Math.Min(minM, f.Y)
                            && cr >= f.X + f.W + Math.Min(minM, img.Width - f.X - f.W)
                            && cb >= f.Y + f.H + Math.Min(minM, img.Height - f.Y - f.H);
                        long area = (long)(cr - cl) * (cb - ct);
                        if (keeps && area > bestArea)
                        {
                            bestArea = area;
                            best = (cl, ct, cr, cb);
                        }
                    }

                    if (best is null)
                    {
                        ok = false;
                    }
                    else
                    {
                        (l, t, r, b) = best.Value;
                        j = -1; // re-check all neighbours against the smaller crop
                    }
                }

                if (ok)
                {
                    list.Add(new FaceSource(img.File, i, box, new Rect(l, t, r - l, b - t)));
                }
            }
        }

        return list;
    }

    /// <summary>A random 3:2 (output-aspect) crop of a background photo, maybe mirrored, resized to the output size.</summary>
    private (Mat Canvas, string Info) MakeBackground(Mat bg)
    {
        double aspect = (double)opt.Width / opt.Height;
        int cw = bg.Width, ch = (int)Math.Round(bg.Width / aspect);
        if (ch > bg.Height)
        {
            ch = bg.Height;
            cw = (int)Math.Round(bg.Height * aspect);
        }

        double f = Math.Sqrt(_rng.Uniform(0.6, 1.0));
        cw = Math.Max(16, (int)Math.Round(cw * f));
        ch = Math.Max(16, (int)Math.Round(ch * f));
        int x = _rng.Next(0, bg.Width - cw + 1), y = _rng.Next(0, bg.Height - ch + 1);
        bool flip = _rng.NextDouble() < 0.5;
        var canvas = new Mat();
        using (var roi = new Mat(bg, new Rect(x, y, cw, ch)))
        {
            InterpolationFlags interp = cw < opt.Width ? InterpolationFlags.Cubic : InterpolationFlags.Area;
            Cv2.Resize(roi, canvas, new Size(opt.Width, opt.Height), 0, 0, interp);
        }

        if (flip)
        {
            Cv2.Flip(canvas, canvas, FlipMode.Y);
        }

        return (canvas, $"\"bg_crop\":[{x},{y},{cw},{ch}],\"bg_mirror\":{(flip ? "true" : "false")}");
    }

    /// <summary>Target face size (box height, px): most 16-48, then 48-96, some 96-200, log-uniform in each band.</summary>
    private double DrawFaceSize()
    {
        double lo = opt.MinFaceSize, hi = opt.MaxFaceSize;
        double a = Math.Min(Math.Max(48, lo), hi), b = Math.Min(Math.Max(96, a), hi);
        double u = _rng.NextDouble();
        (double l, double h) = u < 0.55 ? (lo, a) : u < 0.85 ? (a, b) : (b, hi);
        return h > l ? _rng.LogUniform(l, h) : l;
    }

    private void PasteFaces(Mat canvas, List<FaceSource> sources, Func<string, Mat> load, List<TruthBox> faces, List<string> log)
    {
        int n = _rng.Next(opt.MinFaces, opt.MaxFaces + 1);
        var sizes = new List<double>();
        for (int i = 0; i < n; i++)
        {
            sizes.Add(DrawFaceSize());
        }

        sizes.Sort((p, q) => q.CompareTo(p)); // big first: they are the hardest to place
        var placed = new List<Rect>();
        foreach (double size in sizes)
        {
            // A source face that needs at most MaxUpscale to reach this size.
            var usable = sources.Where(s => s.Box.Height * MaxUpscale >= size).ToList();
            if (usable.Count == 0)
            {
                continue;
            }

            FaceSource src = usable[_rng.Next(0, usable.Count)];
            bool mirror = _rng.NextDouble() < 0.5;
            double scale = size / src.Box.Height;
            Rect c = src.Crop;
            int pw = Math.Max(1, (int)Math.Round(c.Width * scale));
            int ph = Math.Max(1, (int)Math.Round(c.Height * scale));
            if (pw + (2 * Gap) > canvas.Width || ph + (2 * Gap) > canvas.Height)
            {
                continue;
            }

            // Exact scale actually applied by the resize (dst size / src size), per axis.
            double sx = (double)pw / c.Width, sy = (double)ph / c.Height;

            Rect? spot = null;
            for (int attempt = 0; attempt < 300 && spot is null; attempt++)
            {
                var r = new Rect(_rng.Next(0, canvas.Width - pw + 1), _rng.Next(0, canvas.Height - ph + 1), pw, ph);
                var grown = new Rect(r.X - Gap, r.Y - Gap, r.Width + (2 * Gap), r.Height + (2 * Gap));
                if (!placed.Any(p => (p & grown).Width > 0))
                {
                    spot = r;
                }
            }

            if (spot is not Rect at)
            {
                continue; // no free space left for this size
            }

            placed.Add(at);

            // Source box in patch coordinates (continuous pixel-edge coordinates: x_dst = x_src * s).
            double bx0 = (src.Box.X - c.X) * sx, bx1 = (src.Box.X + src.Box.Width - c.X) * sx;
            double by0 = (src.Box.Y - c.Y) * sy, by1 = (src.Box.Y + src.Box.Height - c.Y) * sy;
            if (mirror)
            {
                (bx0, bx1) = (pw - bx1, pw - bx0);
            }

            using var patch = new Mat();
            using (var roi = new Mat(load(src.File), c))
            {
                InterpolationFlags interp = sx < 1 ? InterpolationFlags.Area : InterpolationFlags.Cubic;
                Cv2.Resize(roi, patch, new Size(pw, ph), 0, 0, interp);
            }

            if (mirror)
            {
                Cv2.Flip(patch, patch, FlipMode.Y);
            }

            Blend(canvas, patch, at, bx0, by0, bx1, by1);

            int x0 = (int)Math.Round(at.X + bx0), x1 = (int)Math.Round(at.X + bx1);
            int y0 = (int)Math.Round(at.Y + by0), y1 = (int)Math.Round(at.Y + by1);
            faces.Add(new TruthBox(x0, y0, x1 - x0, y1 - y0, false));
            log.Add(string.Create(CultureInfo.InvariantCulture,
                $"{{\"source\":\"{src.File}\",\"source_face\":{src.Index},\"source_crop\":[{c.X},{c.Y},{c.Width},{c.Height}],\"scale\":[{sx:R},{sy:R}],\"mirror\":{(mirror ? "true" : "false")},\"paste\":[{at.X},{at.Y},{pw},{ph}],\"box\":[{x0},{y0},{x1 - x0},{y1 - y0}]}}"));
        }
    }

    /// <summary>
    /// Alpha-blends the patch onto the canvas with a soft rounded-rectangle mask: fully opaque over the
    /// face box, fading to zero at the patch border (a superellipse around the box centre, per-side radii).
    /// </summary>
    private static void Blend(Mat canvas, Mat patch, Rect at, double bx0, double by0, double bx1, double by1)
    {
        int w = patch.Width, h = patch.Height;
        double cx = (bx0 + bx1) / 2, cy = (by0 + by1) / 2;
        double left = Math.Max(cx, 1e-3), right = Math.Max(w - cx, 1e-3);
        double top = Math.Max(cy, 1e-3), bottom = Math.Max(h - cy, 1e-3);

        // The box corner's radius sets where the fade may start, so the face box itself stays opaque.
        double cornerR = Superellipse(Math.Max((cx - bx0) / left, (bx1 - cx) / right), Math.Max((cy - by0) / top, (by1 - cy) / bottom));
        double fadeStart = Math.Clamp(Math.Max(0.62, cornerR + 0.03), 0, 0.97);
        var alpha = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            double py = y + 0.5 - cy;
            double ny = py < 0 ? -py / top : py / bottom;
            for (int x = 0; x < w; x++)
            {
                double px = x + 0.5 - cx;
                double nx = px < 0 ? -px / left : px / right;
                double r = Superellipse(nx, ny);
                double t = Math.Clamp((r - fadeStart) / (1.0 - fadeStart), 0, 1);
                alpha[(y * w) + x] = (float)(1 - (t * t * (3 - (2 * t))));
            }
        }

        using var a1 = new Mat(h, w, MatType.CV_32FC1);
        a1.SetArray(alpha);
        using var a3 = new Mat();
        Cv2.Merge([a1, a1, a1], a3);
        using var inv = new Mat();
        Cv2.Subtract(Scalar.All(1.0), a3, inv);
        using var dst = new Mat(canvas, at);
        using var pf = new Mat();
        using var df = new Mat();
        patch.ConvertTo(pf, MatType.CV_32FC3);
        dst.ConvertTo(df, MatType.CV_32FC3);
        using var mixed = new Mat();
        Cv2.Add(pf.Mul(a3), df.Mul(inv), mixed);
        mixed.ConvertTo(dst, MatType.CV_8UC3);
    }

    private static double Superellipse(double nx, double ny)
    {
        double x2 = nx * nx, y2 = ny * ny;
        return Math.Sqrt(Math.Sqrt((x2 * x2) + (y2 * y2)));
    }

    /// <summary>faces.json in the shared format, one face per line.</summary>
    private static string FormatTruth(List<TruthImage> images)
    {
        var sb = new StringBuilder("{\"images\":[\n");
        for (int i = 0; i < images.Count; i++)
        {
            TruthImage im = images[i];
            sb.Append(CultureInfo.InvariantCulture, $"  {{\"file\":\"{im.File}\",\"width\":{im.Width},\"height\":{im.Height},\"faces\":[");
            for (int j = 0; j < im.Faces.Count; j++)
            {
                TruthBox f = im.Faces[j];
                sb.Append("\n    ").Append(CultureInfo.InvariantCulture,
                    $"{{\"x\":{f.X},\"y\":{f.Y},\"w\":{f.W},\"h\":{f.H},\"difficult\":{(f.Difficult ? "true" : "false")}}}");
                if (j < im.Faces.Count - 1)
                {
                    sb.Append(',');
                }
            }

            sb.Append(im.Faces.Count > 0 ? "\n  ]}" : "]}").Append(i < images.Count - 1 ? ",\n" : "\n");
        }

        return sb.Append("]}\n").ToString();
    }
}
