using FaceGuard.Engine;

namespace FaceGuard.Service;

/// <summary>
/// The engine's options as query parameters: mode, box, maskScale, ellipse, sensitivity, model, threshold, format,
/// quality. Unknown values are refused with the list of accepted ones rather than silently ignored.
/// </summary>
internal static class ProcessQuery
{
    public static AnonymizeOptions Parse(IQueryCollection query)
    {
        try
        {
            var detection = DetectionOptions.Default with
            {
                Sensitivity = Enum(query, "sensitivity", DetectionOptions.Default.Sensitivity),
                Model = Enum(query, "model", DetectionOptions.Default.Model,
                    ("yunet", DetectorModel.YuNet), ("blazeface", DetectorModel.BlazeFace), ("blazeface-short", DetectorModel.BlazeFaceShortRange),
                    ("long", DetectorModel.BlazeFace), ("short", DetectorModel.BlazeFaceShortRange)), // long, short: the names before YuNet
                ScoreThreshold = query.ContainsKey("threshold") ? Number(query, "threshold", 0) : null,
            };
            var mask = MaskOptions.Default with
            {
                Style = Enum(query, "mode", MaskOptions.Default.Style),
                DrawBoxes = Flag(query, "box"),
                Ellipse = Flag(query, "ellipse"),
                MaskScale = Number(query, "maskScale", MaskOptions.DefaultMaskScale),
            };
            return AnonymizeOptions.Default with
            {
                Detection = detection,
                Mask = mask,
                Format = Format(query) == "png" ? OutputFormat.Png : OutputFormat.Jpeg,
                JpegQuality = (int)Number(query, "quality", AnonymizeOptions.DefaultJpegQuality),
            };
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new BadRequestException("Invalid option", OptionErrors.Text(e));
        }
    }

    /// <summary>jpeg (default), png, or json for the detections without the image.</summary>
    public static string Format(IQueryCollection query)
    {
        string format = query["format"].ToString().ToLowerInvariant();
        return format switch
        {
            "" or "jpeg" or "jpg" => "jpeg",
            "png" or "json" => format,
            _ => throw new BadRequestException("Invalid option", $"format '{format}' is not one of jpeg, png, json."),
        };
    }

    private static T Enum<T>(IQueryCollection query, string name, T fallback, params (string Alias, T Value)[] aliases) where T : struct, System.Enum
    {
        string value = query[name].ToString();
        if (value.Length == 0) return fallback;
        foreach (var (alias, aliased) in aliases)
            if (alias.Equals(value, StringComparison.OrdinalIgnoreCase)) return aliased;
        if (System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)) return parsed;
        var accepted = aliases.Length > 0 ? aliases.Select(a => a.Alias) : System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant());
        throw new BadRequestException("Invalid option", $"{name} '{value}' is not one of {string.Join(", ", accepted)}.");
    }

    private static float Number(IQueryCollection query, string name, float fallback)
    {
        string value = query[name].ToString();
        if (value.Length == 0) return fallback;
        return float.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float parsed) && float.IsFinite(parsed)
            ? parsed
            : throw new BadRequestException("Invalid option", $"{name} '{value}' is not a number.");
    }

    private static bool Flag(IQueryCollection query, string name)
    {
        string value = query[name].ToString().ToLowerInvariant();
        return value switch
        {
            "" or "false" or "0" or "no" => query.ContainsKey(name) && value.Length == 0, // "?box" alone means yes
            "true" or "1" or "yes" => true,
            _ => throw new BadRequestException("Invalid option", $"{name} '{value}' is not true or false."),
        };
    }
}
