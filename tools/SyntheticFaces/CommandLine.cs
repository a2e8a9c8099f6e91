using System.Globalization;

namespace SyntheticFaces;

/// <summary>The parsed command line: generator options, or a request for the usage text.</summary>
internal sealed record CommandLine(GeneratorOptions Options, bool Help)
{
    public const string Usage =
        "usage: SyntheticFaces [--seed 42] [--photos data/images/photos] [--out data/images/synthetic]\n" +
        "                      [--count 12] [--min-faces 3] [--max-faces 25] [--min-size 16] [--max-size 200]\n" +
        "                      [--width 1920] [--height 1280] [--quality 92]";

    private static readonly Dictionary<string, Func<GeneratorOptions, string, GeneratorOptions>> Setters =
        new(StringComparer.Ordinal)
        {
            ["--seed"] = (o, v) => o with { Seed = UnsignedNumber(v) },
            ["--photos"] = (o, v) => o with { PhotosDir = v },
            ["--out"] = (o, v) => o with { OutDir = v },
            ["--count"] = (o, v) => o with { Count = WholeNumber(v) },
            ["--min-faces"] = (o, v) => o with { MinFaces = WholeNumber(v) },
            ["--max-faces"] = (o, v) => o with { MaxFaces = WholeNumber(v) },
            ["--min-size"] = (o, v) => o with { MinFaceSize = WholeNumber(v) },
            ["--max-size"] = (o, v) => o with { MaxFaceSize = WholeNumber(v) },
            ["--width"] = (o, v) => o with { Width = WholeNumber(v) },
            ["--height"] = (o, v) => o with { Height = WholeNumber(v) },
            ["--quality"] = (o, v) => o with { JpegQuality = WholeNumber(v) },
        };

    /// <exception cref="UsageException">An unknown option, a missing or malformed value, or a value out of range.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var options = new GeneratorOptions();
        bool help = false;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                help = true;
                continue;
            }

            if (!Setters.TryGetValue(name, out var set))
            {
                throw new UsageException($"unknown option {name}");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"missing value after {name}");
            }

            string value = args[++i];
            try
            {
                options = set(options, value);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"{name}: {ex.Message}");
            }
        }

        Validate(options);
        return new CommandLine(options, help);
    }

    private static void Validate(GeneratorOptions o)
    {
        string? problem =
            o.Count < 1 ? $"--count must be at least 1 (got {o.Count})"
            : o.MinFaces < 1 ? $"--min-faces must be at least 1 (got {o.MinFaces})"
            : o.MaxFaces < o.MinFaces ? $"--max-faces ({o.MaxFaces}) must be at least --min-faces ({o.MinFaces})"
            : o.MinFaceSize < 4 ? $"--min-size must be at least 4 (got {o.MinFaceSize})"
            : o.MaxFaceSize < o.MinFaceSize ? $"--max-size ({o.MaxFaceSize}) must be at least --min-size ({o.MinFaceSize})"
            : o.Width < 64 ? $"--width must be at least 64 (got {o.Width})"
            : o.Height < 64 ? $"--height must be at least 64 (got {o.Height})"
            : o.JpegQuality is < 1 or > 100 ? $"--quality must be 1-100 (got {o.JpegQuality})"
            : null;
        if (problem is not null)
        {
            throw new UsageException(problem);
        }
    }

    private static int WholeNumber(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new FormatException($"'{value}' is not a whole number up to {int.MaxValue}");

    private static ulong UnsignedNumber(string value) =>
        ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong number)
            ? number
            : throw new FormatException($"'{value}' is not a whole number from 0 to {ulong.MaxValue}");
}
