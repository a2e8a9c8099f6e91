using OpenCvSharp;

namespace SyntheticFaces;

/// <summary>
/// Makes the set: each image is a background crop with faces placed on it, written as JPEG, then the set's
/// <c>faces.json</c> and <c>provenance.json</c>. One random generator drives every choice, in a fixed order.
/// </summary>
internal sealed class SyntheticSetGenerator(GeneratorOptions options)
{
    public const string ProvenanceFileName = "provenance.json";

    private readonly SplitMix64 _rng = new(options.Seed);

    public void Run()
    {
        TruthFile labelled = TruthFile.Load(Path.Combine(options.PhotosDir, TruthFile.FileName));

        // Stable order, whatever the order in the file.
        List<TruthImage> photos = [.. labelled.Images.OrderBy(i => i.File, StringComparer.Ordinal)];
        List<string> backgrounds = [.. photos.Where(i => i.Faces.Count == 0).Select(i => i.File)];
        List<FaceSource> sources = FaceSource.FindAll(photos);
        if (backgrounds.Count == 0 || sources.Count == 0)
        {
            throw new InvalidDataException("need at least one no-face photo and one usable labelled face");
        }

        Console.WriteLine($"seed {options.Seed}: {sources.Count} source faces, {backgrounds.Count} backgrounds -> {options.Count} images in {options.OutDir}");

        Directory.CreateDirectory(options.OutDir);
        using var photoCache = new PhotoCache(options.PhotosDir);
        var placer = new FacePlacer(_rng, sources, options);
        var images = new List<SyntheticImage>();

        // Backgrounds are used in turn, in a shuffled order per round, so each is used about equally.
        var backgroundsLeft = new List<string>();
        for (int n = 0; n < options.Count; n++)
        {
            if (backgroundsLeft.Count == 0)
            {
                backgroundsLeft.AddRange(backgrounds);
                _rng.Shuffle(backgroundsLeft);
            }

            string background = backgroundsLeft[^1];
            backgroundsLeft.RemoveAt(backgroundsLeft.Count - 1);
            SyntheticImage image = Generate($"synth_{n + 1:D3}.jpg", background, photoCache, placer);
            images.Add(image);
            Console.WriteLine($"{image.File}: {image.Faces.Count} faces on {background}");
        }

        List<TruthImage> truth = [.. images.Select(i => i.ToTruth())];
        TruthJsonWriter.Write(Path.Combine(options.OutDir, TruthFile.FileName), truth);
        ProvenanceJsonWriter.Write(Path.Combine(options.OutDir, ProvenanceFileName), options.Seed, images);

        int total = truth.Sum(i => i.Faces.Count);
        int small = truth.Sum(i => i.Faces.Count(f => f.H < 32));
        int mid = truth.Sum(i => i.Faces.Count(f => f.H >= 32 && f.H <= 96));
        Console.WriteLine($"total {total} faces: {small} under 32 px, {mid} of 32-96 px, {total - small - mid} over 96 px (box height)");
    }

    private SyntheticImage Generate(string file, string backgroundFile, PhotoCache photoCache, FacePlacer placer)
    {
        var size = new Size(options.Width, options.Height);
        Mat backgroundPhoto = photoCache.Get(backgroundFile);
        var background = BackgroundCrop.Draw(_rng, backgroundFile, backgroundPhoto.Size(), size);
        using Mat canvas = background.Render(backgroundPhoto, size);
        List<PlacedFace> faces = placer.Place(size);
        foreach (PlacedFace face in faces)
        {
            PatchCompositor.Paste(canvas, photoCache.Get(face.Source.File), face);
        }

        Cv2.ImEncode(".jpg", canvas, out byte[] jpeg, [(int)ImwriteFlags.JpegQuality, options.JpegQuality]);
        File.WriteAllBytes(Path.Combine(options.OutDir, file), jpeg);
        return new SyntheticImage(file, options.Width, options.Height, background, faces);
    }
}
