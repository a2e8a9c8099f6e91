using FaceGuard.Engine.Detection.BlazeFace;

namespace FaceGuard.Engine.Tests;

public class SsdAnchorsTests
{
    [Theory]
    [InlineData(128, new[] { 8, 16, 16, 16 })]
    [InlineData(256, new[] { 16, 32, 32, 32 })]
    public void BlazeFace_layouts_give_896_anchors_in_two_grids(int inputSize, int[] strides)
    {
        var anchors = SsdAnchors.Generate(inputSize, strides);

        Assert.Equal(16 * 16 * 2 + 8 * 8 * 6, anchors.Length);
        // First grid: 16x16 cells, two anchors a cell, row by row.
        Assert.Equal(new Anchor(0.5f / 16, 0.5f / 16), anchors[0]);
        Assert.Equal(anchors[0], anchors[1]);
        Assert.Equal(new Anchor(1.5f / 16, 0.5f / 16), anchors[2]);
        Assert.Equal(new Anchor(0.5f / 16, 1.5f / 16), anchors[2 * 16]);
        Assert.Equal(new Anchor(15.5f / 16, 15.5f / 16), anchors[511]);
        // Second grid: 8x8 cells, six anchors a cell (three merged layers of stride 16/32).
        Assert.Equal(new Anchor(0.5f / 8, 0.5f / 8), anchors[512]);
        Assert.Equal(anchors[512], anchors[517]);
        Assert.Equal(new Anchor(1.5f / 8, 0.5f / 8), anchors[518]);
        Assert.Equal(new Anchor(7.5f / 8, 7.5f / 8), anchors[^1]);
    }
}
