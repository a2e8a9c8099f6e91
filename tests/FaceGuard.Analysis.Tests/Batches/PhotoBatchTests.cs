using FaceGuard.Analysis.Batches;
using FaceGuard.Engine;

namespace FaceGuard.Analysis.Tests.Batches;

public sealed class PhotoBatchTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("faceguard-batch-").FullName;

    [Fact]
    public void A_folder_is_mirrored_recursively_photos_only_in_name_order()
    {
        string input = Touch("in/b.png", "in/a.JPG", "in/sub/c.webp", "in/notes.txt");

        var jobs = PhotoBatch.Plan(input, null, null);

        Assert.Equal(["a.JPG", "b.png", Path.Combine("sub", "c.webp")], jobs.Select(j => j.Name));
        Assert.Equal(Path.Combine(_temp, "in-blurred", "sub", "c.jpg"), jobs[2].Output);
        Assert.All(jobs, j => Assert.Equal(OutputFormat.Jpeg, j.Format));
    }

    [Fact]
    public void A_folder_holding_its_own_output_does_not_read_it_back()
    {
        string input = Touch("in/a.jpg", "in/out/a.jpg");

        var jobs = PhotoBatch.Plan(input, Path.Combine(input, "out"), null);

        Assert.Equal(["a.jpg"], jobs.Select(j => j.Name));
    }

    [Fact]
    public void One_photo_goes_beside_itself_into_a_folder_or_to_the_file_named_in_its_format()
    {
        string photo = Path.Combine(Touch("p/face.webp"), "face.webp");
        string folder = Directory.CreateDirectory(Path.Combine(_temp, "results")).FullName;

        Assert.Equal(Path.Combine(_temp, "p", "face.blurred.jpg"), PhotoBatch.Plan(photo, null, null).Single().Output);
        Assert.Equal(Path.Combine(folder, "face.jpg"), PhotoBatch.Plan(photo, folder, null).Single().Output);
        var png = PhotoBatch.Plan(photo, Path.Combine(_temp, "x.png"), null).Single();
        Assert.Equal(OutputFormat.Png, png.Format);
        Assert.Equal(OutputFormat.Jpeg, PhotoBatch.Plan(photo, Path.Combine(_temp, "x.png"), OutputFormat.Jpeg).Single().Format);
    }

    [Fact]
    public void A_missing_input_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PhotoBatch.Plan(Path.Combine(_temp, "nothing"), null, null));
        Assert.Contains("nothing", error.Message);
    }

    /// <summary>Creates the files (relative to the temp folder) and returns the folder of the first.</summary>
    private string Touch(params string[] files)
    {
        foreach (string file in files)
        {
            string path = Path.Combine(_temp, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [0xFF, 0xD8]);
        }
        return Path.GetDirectoryName(Path.Combine(_temp, files[0]))!;
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
