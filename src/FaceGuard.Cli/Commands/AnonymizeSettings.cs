using System.ComponentModel;
using FaceGuard.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FaceGuard.Cli.Commands;

/// <summary>The engine's detection and masking options as command-line flags.</summary>
public class AnonymizeSettings : CommandSettings
{
    [CommandOption("--mode <MODE>")]
    [Description("How faces are hidden: blur, mosaic or solid.")]
    [DefaultValue(MaskStyle.Blur)]
    public MaskStyle Mode { get; init; } = MaskStyle.Blur;

    [CommandOption("--box")]
    [Description("Draw a green box around each masked face.")]
    public bool Box { get; init; }

    [CommandOption("--mask-scale <FACTOR>")]
    [Description("Grow each detected box by this factor before masking.")]
    [DefaultValue(MaskOptions.DefaultMaskScale)]
    public float MaskScale { get; init; } = MaskOptions.DefaultMaskScale;

    [CommandOption("--ellipse")]
    [Description("Mask an ellipse instead of the whole box.")]
    public bool Ellipse { get; init; }

    [CommandOption("--sensitivity <LEVEL>")]
    [Description("normal (default): faces from ~16 px, a 1080p photo in well under 100 ms. high: also searches the photo enlarged, for faces of 6-20 px; ~4x the time.")]
    [DefaultValue(Sensitivity.Normal)]
    public Sensitivity Sensitivity { get; init; } = Sensitivity.Normal;

    [CommandOption("--model <MODEL>")]
    [Description("yunet (default: faces from ~10 px in one pass), blazeface (MediaPipe's full-range model over tiles, as the seed tutorial) or blazefaceshortrange (selfies).")]
    [DefaultValue(DetectorModel.YuNet)]
    public DetectorModel Model { get; init; } = DetectorModel.YuNet;

    [CommandOption("--threshold <SCORE>")]
    [Description("Minimum detection score (0-1); default: the model's own (yunet 0.35, blazeface 0.5). Lower finds more faces and more false alarms.")]
    public float? Threshold { get; init; }

    [CommandOption("--no-confirm")]
    [Description("Skip the second look that drops unconfirmed low-score detections (for measuring; more false alarms).")]
    public bool NoConfirm { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("Output format: jpeg or png. Default: from the output file's extension, else jpeg.")]
    public OutputFormat? Format { get; init; }

    [CommandOption("--quality <Q>")]
    [Description("JPEG quality, 1-100.")]
    [DefaultValue(AnonymizeOptions.DefaultJpegQuality)]
    public int Quality { get; init; } = AnonymizeOptions.DefaultJpegQuality;

    public override ValidationResult Validate()
    {
        try
        {
            _ = ToOptions(OutputFormat.Jpeg);
            return ValidationResult.Success();
        }
        catch (ArgumentOutOfRangeException e)
        {
            return ValidationResult.Error(OptionErrors.Text(e));
        }
    }

    public AnonymizeOptions ToOptions(OutputFormat format) => new()
    {
        Detection = ToDetectionOptions(),
        Mask = new MaskOptions { Style = Mode, DrawBoxes = Box, MaskScale = MaskScale, Ellipse = Ellipse },
        Format = format,
        JpegQuality = Quality,
    };

    public DetectionOptions ToDetectionOptions() => new() { Model = Model, Sensitivity = Sensitivity, ScoreThreshold = Threshold, Confirm = !NoConfirm };
}
