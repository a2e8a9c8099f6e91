using FaceGuard.Engine.Evaluation;

namespace FaceGuard.Engine.Tests;

/// <summary>Detection on real labelled photos, with the default options users get.</summary>
public class DetectionTests
{
    private static readonly FaceAnonymizer Engine = new();
    private static readonly LabelledSet Photos = LabelledSet.Load(TestData.Photos);

    public static TheoryData<string> PhotosWithFaces => [.. Photos.Images.Where(i => i.Faces.Any(f => !f.Difficult)).Select(i => i.File)];
    public static TheoryData<string> PhotosWithoutFaces => [.. Photos.Images.Where(i => i.Faces.Count == 0).Select(i => i.File)];

    [Theory]
    [MemberData(nameof(PhotosWithFaces))]
    public void Every_labelled_face_is_found_with_its_box_over_the_face(string file)
    {
        var image = Photos.Images.Single(i => i.File == file);
        var result = Engine.Detect(File.ReadAllBytes(Photos.PathOf(image)));

        Assert.Equal(new ImageSize(image.Width, image.Height), result.Size);
        var match = FaceMatcher.Match(image.Faces, result.Faces);
        var missed = match.Missed.Where(f => !f.Difficult).ToList();
        Assert.True(missed.Count == 0, $"{file}: missed {string.Join(", ", missed.Select(f => $"{f.X},{f.Y} {f.Width}x{f.Height}"))}");
        Assert.Empty(match.FalseAlarms);
    }

    [Theory]
    [MemberData(nameof(PhotosWithoutFaces))]
    public void Photos_without_people_give_no_face(string file)
    {
        var result = Engine.Detect(TestData.PhotoBytes(file));
        Assert.True(result.Faces.Count == 0, $"{file}: {string.Join(", ", result.Faces.Select(f => $"{f.Box} {f.Score:0.00}"))}");
    }

    [Fact]
    public void Keypoints_lie_inside_or_near_their_face_box()
    {
        var result = Engine.Detect(TestData.PhotoBytes("sample1.jpg"));
        Assert.NotEmpty(result.Faces);
        foreach (var face in result.Faces)
        {
            Assert.Equal(6, face.Keypoints.Count);
            var around = face.Box.ScaleAroundCenter(1.5f);
            Assert.All(face.Keypoints, k => Assert.True(k.X >= around.X && k.X <= around.Right && k.Y >= around.Y && k.Y <= around.Bottom));
            // Eyes (0, 1) sit above the mouth (3) in an upright photo.
            Assert.True(face.Keypoints[0].Y < face.Keypoints[3].Y && face.Keypoints[1].Y < face.Keypoints[3].Y);
        }
    }

    [Fact]
    public void Short_range_model_finds_a_face_filling_the_frame()
    {
        var result = Engine.Detect(TestData.PhotoBytes("astronaut.png"), DetectionOptions.Default with { Model = ModelKind.ShortRange });
        var truth = Photos.Images.Single(i => i.File == "astronaut.png").Faces;
        Assert.Single(FaceMatcher.Match(truth, result.Faces).Found);
    }
}
