using FaceGuard.Engine.Detection.YuNet;
using OpenCvSharp;

namespace FaceGuard.Engine.Tests;

public class YuNetPlanTests
{
    [Fact]
    public void Normal_searches_the_photo_at_its_size_and_a_close_up_copy()
    {
        var passes = YuNetPlan.Passes(new Size(1920, 1080), Sensitivity.Normal, 0.35f);

        Assert.Equal([1f, 0.25f], passes.Select(p => p.Scale));
        Assert.Equal(YuNetPlan.LargestReliableFace, passes[0].MaxFace);
        Assert.All(passes, p => Assert.Equal(0.35f, p.MinScore));
    }

    [Fact]
    public void High_adds_an_enlarged_pass_trusted_only_with_small_faces()
    {
        var fine = YuNetPlan.Passes(new Size(1920, 1080), Sensitivity.High, 0.35f).Single(p => p.Scale > 1);

        Assert.Equal(YuNetPlan.FineMaxFace, fine.MaxFace);
        Assert.Equal(YuNetPlan.FineMinScore, fine.MinScore);
        Assert.All(fine.Tiles, t => Assert.True(t.Area.Width * t.Area.Height * fine.Scale * fine.Scale <= YuNetPlan.MaxTilePixels));
    }

    [Fact]
    public void A_small_photo_is_one_pass_with_no_size_limit()
    {
        var pass = Assert.Single(YuNetPlan.Passes(new Size(400, 300), Sensitivity.Normal, 0.35f));
        Assert.Equal(float.PositiveInfinity, pass.MaxFace);
        Assert.Single(pass.Tiles);
    }
}
