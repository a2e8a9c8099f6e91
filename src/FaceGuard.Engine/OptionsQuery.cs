using System.Globalization;

namespace FaceGuard.Engine;

/// <summary>
/// The engine's options as name=value pairs: how the service reads them from its query string
/// (<c>/process?sensitivity=high&amp;mode=mosaic</c>) and how the load tests and the CLI write them, one definition both
/// ways. Names are matched without regard to case; an unknown name, a repeated one or a value out of range is refused
/// with a message that names the accepted ones, never ignored.
/// </summary>
public static class OptionsQuery
{
    /// <summary>Every name <see cref="Parse(string)"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["model", "sensitivity", "threshold", "confirm", "mode", "box", "ellipse", "maskScale", "format", "quality"];

    private static readonly (string Name, DetectorModel Model)[] ModelNames =
    [
        ("yunet", DetectorModel.YuNet), ("blazeface", DetectorModel.BlazeFace), ("blazeface-short", DetectorModel.BlazeFaceShortRange),
    ];

    /// <summary>The names before YuNet, still accepted.</summary>
    private static readonly (string Name, DetectorModel Model)[] FormerModelNames = [("long", DetectorModel.BlazeFace), ("short", DetectorModel.BlazeFaceShortRange)];

    /// <summary>Every option of <paramref name="options"/>, defaults included, so the receiver cannot fill in others.</summary>
    public static string Format(AnonymizeOptions options)
    {
        var detection = options.Detection;
        var mask = options.Mask;
        var pairs = new List<string>
        {
            "model=" + ModelNames.Single(m => m.Model == detection.Model).Name,
            "sensitivity=" + Lower(detection.Sensitivity),
        };
        if (detection.ScoreThreshold is { } threshold) pairs.Add("threshold=" + Number(threshold));
        pairs.Add("confirm=" + Flag(detection.Confirm));
        pairs.Add("mode=" + Lower(mask.Style));
        pairs.Add("box=" + Flag(mask.DrawBoxes));
        pairs.Add("ellipse=" + Flag(mask.Ellipse));
        pairs.Add("maskScale=" + Number(mask.MaskScale));
        pairs.Add("format=" + Lower(options.Format));
        pairs.Add("quality=" + options.JpegQuality.ToString(CultureInfo.InvariantCulture));
        return string.Join("&", pairs);
    }

    /// <summary>The options the pairs name, the engine's defaults for the rest.</summary>
    /// <exception cref="InvalidOptionException">An unknown or repeated name, or a value that is not accepted.</exception>
    public static AnonymizeOptions Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in pairs)
        {
            string? known = Names.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null) throw new InvalidOptionException($"Unknown option '{name}'. The options are: {string.Join(", ", Names)}.");
            if (!values.TryAdd(known, value)) throw new InvalidOptionException($"The option '{known}' is given more than once.");
        }

        try
        {
            var detection = DetectionOptions.Default with
            {
                Model = Choice(values, "model", DetectionOptions.Default.Model, [.. ModelNames, .. FormerModelNames], ModelNames.Select(m => m.Name)),
                Sensitivity = Enum(values, "sensitivity", DetectionOptions.Default.Sensitivity),
                ScoreThreshold = values.ContainsKey("threshold") ? Number(values, "threshold", 0) : null,
                Confirm = Flag(values, "confirm", DetectionOptions.Default.Confirm),
            };
            var mask = MaskOptions.Default with
            {
                Style = Enum(values, "mode", MaskOptions.Default.Style),
                DrawBoxes = Flag(values, "box", MaskOptions.Default.DrawBoxes),
                Ellipse = Flag(values, "ellipse", MaskOptions.Default.Ellipse),
                MaskScale = Number(values, "maskScale", MaskOptions.DefaultMaskScale),
            };
            return AnonymizeOptions.Default with
            {
                Detection = detection,
                Mask = mask,
                Format = Choice(values, "format", AnonymizeOptions.Default.Format, [("jpeg", OutputFormat.Jpeg), ("jpg", OutputFormat.Jpeg), ("png", OutputFormat.Png)], ["jpeg", "png"]),
                JpegQuality = (int)Number(values, "quality", AnonymizeOptions.DefaultJpegQuality),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidOptionException(OptionErrors.Text(e));
        }
    }

    /// <summary>A query string as the service reads it, "sensitivity=high&amp;mode=mosaic" (a leading '?' allowed; a
    /// name alone means true); "" gives the defaults.</summary>
    /// <exception cref="InvalidOptionException">As <see cref="Parse(IEnumerable{KeyValuePair{string, string}})"/>.</exception>
    public static AnonymizeOptions Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
        {
            int equals = pair.IndexOf('=');
            return equals < 0
                ? KeyValuePair.Create(Uri.UnescapeDataString(pair), "")
                : KeyValuePair.Create(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
        });
        return Parse(pairs);
    }

    private static T Enum<T>(Dictionary<string, string> values, string name, T fallback) where T : struct, System.Enum =>
        Choice(values, name, fallback, [.. System.Enum.GetValues<T>().Select(v => (Lower(v), v))], System.Enum.GetValues<T>().Select(Lower));

    private static T Choice<T>(Dictionary<string, string> values, string name, T fallback, (string Name, T Value)[] choices, IEnumerable<string> shown)
    {
        if (!values.TryGetValue(name, out string? value) || value.Length == 0) return fallback;
        foreach (var (choice, chosen) in choices)
            if (choice.Equals(value, StringComparison.OrdinalIgnoreCase)) return chosen;
        throw new InvalidOptionException($"{name} '{value}' is not one of {string.Join(", ", shown)}.");
    }

    private static float Number(Dictionary<string, string> values, string name, float fallback)
    {
        if (!values.TryGetValue(name, out string? value) || value.Length == 0) return fallback;
        return float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float parsed) && float.IsFinite(parsed)
            ? parsed
            : throw new InvalidOptionException($"{name} '{value}' is not a number.");
    }

    /// <summary>true/false, 1/0, yes/no; the name alone ("?box") means true.</summary>
    private static bool Flag(Dictionary<string, string> values, string name, bool fallback)
    {
        if (!values.TryGetValue(name, out string? value)) return fallback;
        return value.ToLowerInvariant() switch
        {
            "" or "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new InvalidOptionException($"{name} '{value}' is not true or false."),
        };
    }

    private static string Lower<T>(T value) where T : struct, System.Enum => value.ToString().ToLowerInvariant();

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>An option given by name (a query parameter, a setting) is unknown or has a value that is not accepted; the
/// message says which and what is.</summary>
public sealed class InvalidOptionException(string message) : Exception(message);
