// SyntheticFaces: builds a reproducible synthetic "group photo" set with exact face boxes.
//
// Real face crops (taken from the labelled photos in data/images/photos, using the ground-truth
// boxes in faces.json, with a margin of context and a soft-feathered edge) are pasted onto real
// photos without faces (the entries of faces.json whose "faces" list is empty), at random
// non-overlapping positions and at sizes spread over 16-200 px (most in 16-48 px). Every truth box
// is the source truth box mapped through the exact paste transform (crop offset, scale, mirror,
// paste offset), rounded to whole pixels. Same seed (and same OpenCV build) => same bytes.

using System.Text.Json;
using OpenCvSharp;

namespace SyntheticFaces;

internal static class Program
{
    private const int ExitOk = 0;
    private const int ExitFailed = 1;
    private const int ExitUsage = 2;

    private static int Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(CommandLine.Usage);
            return ExitUsage;
        }

        if (commandLine.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return ExitOk;
        }

        try
        {
            new SyntheticSetGenerator(commandLine.Options).Run();
            return ExitOk;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or OpenCVException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return ExitFailed;
        }
    }
}
