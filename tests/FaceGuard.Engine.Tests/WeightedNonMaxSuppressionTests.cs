using FaceGuard.Engine.Detection;

namespace FaceGuard.Engine.Tests;

public class WeightedNonMaxSuppressionTests
{
    private static Candidate Box(float score, float x, float y, float w, float h)
    {
        var geometry = new float[16];
        (geometry[0], geometry[1], geometry[2], geometry[3]) = (x, y, w, h);
        for (int k = 0; k < 6; k++) (geometry[4 + 2 * k], geometry[5 + 2 * k]) = (x, y);
        return new Candidate(score, geometry);
    }

    [Fact]
    public void Overlapping_boxes_blend_by_score_and_keep_the_best_score()
    {
        var kept = WeightedNonMaxSuppression.Apply([Box(0.9f, 100, 100, 50, 50), Box(0.3f, 110, 100, 50, 50)]);

        var face = Assert.Single(kept);
        Assert.Equal(0.9f, face.Score);
        Assert.Equal((0.9f * 100 + 0.3f * 110) / 1.2f, face.Box.X, 3);
        Assert.Equal((0.9f * 100 + 0.3f * 110) / 1.2f, face.Geometry[4], 3); // keypoints blend too
        Assert.Equal(50, face.Box.Width, 3);
    }

    [Fact]
    public void Separate_faces_stay_separate_in_score_order()
    {
        var kept = WeightedNonMaxSuppression.Apply([Box(0.6f, 0, 0, 40, 40), Box(0.8f, 200, 0, 40, 40), Box(0.7f, 0, 22, 40, 40)]);

        // IoU of the first and third is 18*40 / (2*1600 - 18*40) = 0.29: below 0.3, so they are two faces.
        Assert.Equal([0.8f, 0.7f, 0.6f], kept.Select(c => c.Score));
    }

    [Fact]
    public void Boxes_just_over_the_threshold_merge()
    {
        // IoU = 20*40 / (3200 - 800) = 0.33
        var kept = WeightedNonMaxSuppression.Apply([Box(0.6f, 0, 0, 40, 40), Box(0.7f, 0, 20, 40, 40)]);
        Assert.Single(kept);
    }
}
