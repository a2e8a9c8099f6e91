namespace FaceGuard.Engine.Tests;

public class OptionsQueryTests
{
    public static TheoryData<AnonymizeOptions> Options => new()
    {
        AnonymizeOptions.Default,
        AnonymizeOptions.Default with
        {
            Detection = DetectionOptions.Default with { Model = DetectorModel.BlazeFace, Sensitivity = Sensitivity.High, ScoreThreshold = 0.42f, Confirm = false },
            Mask = MaskOptions.Default with { Style = MaskStyle.Mosaic, DrawBoxes = true, Ellipse = true, MaskScale = 1.75f },
            Format = OutputFormat.Png,
            JpegQuality = 70,
        },
        AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { Model = DetectorModel.BlazeFaceShortRange, ScoreThreshold = 0.1f } },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Options_written_as_a_query_read_back_the_same(AnonymizeOptions options)
    {
        string query = OptionsQuery.Format(options);

        Assert.Equal(options, OptionsQuery.Parse(query));
    }

    [Fact]
    public void Every_option_is_written_so_the_receiver_fills_in_nothing_of_its_own()
    {
        var names = Pairs(OptionsQuery.Format(AnonymizeOptions.Default with { Detection = DetectionOptions.Default with { ScoreThreshold = 0.4f } }))
            .Select(p => p.Key);

        Assert.Equal(OptionsQuery.Names.Order(), names.Order());
    }

    [Theory]
    [InlineData("sensitivty=high", "Unknown option 'sensitivty'. The options are: model, sensitivity")]
    [InlineData("mode=blur&mode=mosaic", "The option 'mode' is given more than once.")]
    [InlineData("sensitivity=hihg", "sensitivity 'hihg' is not one of normal, high.")]
    [InlineData("model=retina", "model 'retina' is not one of yunet, blazeface, blazeface-short.")]
    [InlineData("threshold=1.5", "The score threshold must be between 0 and 1 (exclusive).")]
    [InlineData("threshold=abc", "threshold 'abc' is not a number.")]
    [InlineData("box=maybe", "box 'maybe' is not true or false.")]
    [InlineData("quality=0", "The JPEG quality must be between 1 and 100.")]
    public void A_mistyped_option_is_refused_with_what_is_accepted(string query, string message)
    {
        var error = Assert.Throws<InvalidOptionException>(() => OptionsQuery.Parse(query));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Names_are_matched_without_case_and_the_former_model_names_still_work()
    {
        var options = OptionsQuery.Parse("?MODEL=long&maskscale=2&box");

        Assert.Equal(DetectorModel.BlazeFace, options.Detection.Model);
        Assert.Equal(2f, options.Mask.MaskScale);
        Assert.True(options.Mask.DrawBoxes);
    }

    [Fact]
    public void An_empty_query_is_the_defaults_and_escaped_values_are_read_unescaped()
    {
        Assert.Equal(AnonymizeOptions.Default, OptionsQuery.Parse(""));
        Assert.Equal(MaskStyle.Mosaic, OptionsQuery.Parse("mode=%6Dosaic").Mask.Style);
    }

    private static List<KeyValuePair<string, string>> Pairs(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : "")).ToList();
}
