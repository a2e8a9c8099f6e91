using FaceGuard.Engine;

namespace FaceGuard.Analysis.Batches;

/// <summary>One photo of a batch: where it is read, where its masked copy goes, in which format, and the name to show.</summary>
/// <param name="Name">How the photo is shown in a summary: its path inside the input folder.</param>
public sealed record PhotoJob(string Input, string Output, OutputFormat Format, string Name);

/// <summary>
/// Which photos a batch masks and where each result goes, the way `faceguard blur` does it: a single photo goes to the
/// output file (or into the output folder), by default beside it with ".blurred" added; a folder is searched
/// recursively and mirrored into the output folder (default: the folder's name + "-blurred"), never reading its own
/// output back in.
/// </summary>
public static class PhotoBatch
{
    /// <summary>The photo files a batch or a load test reads, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png", ".webp"];

    public static bool IsPhoto(string path) => Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <param name="format">The output format; null: from the output file's extension, else JPEG.</param>
    /// <exception cref="FileNotFoundException">There is no such file or folder.</exception>
    public static IReadOnlyList<PhotoJob> Plan(string input, string? output, OutputFormat? format)
    {
        if (File.Exists(input))
        {
            var fileFormat = format ?? FormatOf(output) ?? OutputFormat.Jpeg;
            string name = Path.GetFileName(input);
            string destination = output is not null && Directory.Exists(output)
                ? Path.Combine(output, OutputName(name, fileFormat))
                : output ?? Path.Combine(Path.GetDirectoryName(input) ?? ".", OutputName(name, fileFormat, ".blurred"));
            return [new PhotoJob(input, destination, fileFormat, name)];
        }
        if (!Directory.Exists(input)) throw new FileNotFoundException($"No such file or folder: {input}", input);

        string root = Path.GetFullPath(input);
        string outputRoot = Path.GetFullPath(output ?? Path.TrimEndingDirectorySeparator(root) + "-blurred");
        var folderFormat = format ?? OutputFormat.Jpeg;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(IsPhoto)
            .Where(f => !f.StartsWith(outputRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                string relative = Path.GetRelativePath(root, f);
                string destination = Path.Combine(outputRoot, Path.GetDirectoryName(relative) ?? "", OutputName(Path.GetFileName(f), folderFormat));
                return new PhotoJob(Path.Combine(input, relative), destination, folderFormat, relative);
            })
            .ToList();
    }

    private static string OutputName(string inputName, OutputFormat format, string suffix = "") =>
        Path.GetFileNameWithoutExtension(inputName) + suffix + (format == OutputFormat.Png ? ".png" : ".jpg");

    private static OutputFormat? FormatOf(string? path) => Path.GetExtension(path)?.ToLowerInvariant() switch
    {
        ".png" => OutputFormat.Png,
        ".jpg" or ".jpeg" => OutputFormat.Jpeg,
        _ => null,
    };
}
