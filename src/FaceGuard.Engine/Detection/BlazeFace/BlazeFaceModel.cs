using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FaceGuard.Engine.Detection.BlazeFace;

/// <summary>
/// One BlazeFace network in ONNX Runtime plus the pre- and post-processing MediaPipe's graph wraps around it:
/// letterbox to a square input, RGB scaled to [-1, 1], SSD anchor decoding with sigmoid scores.
/// <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is thread-safe and every call uses its own buffers, so one instance serves all threads.
/// </summary>
internal sealed class BlazeFaceModel : IDisposable
{
    private const string InputName = "input:0";
    // The converted graphs split the 896 anchors into a 16x16 grid (512) and an 8x8 grid (384).
    private static readonly string[] OutputNames = ["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"];

    private readonly InferenceSession _session;
    private readonly Anchor[] _anchors;
    private readonly long[] _inputShape;

    private BlazeFaceModel(DetectorModel kind, byte[] onnx, int inputSize, int[] strides, int intraOpThreads)
    {
        Kind = kind;
        InputSize = inputSize;
        _anchors = SsdAnchors.Generate(inputSize, strides);
        _inputShape = [1, inputSize, inputSize, 3];
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, // the converted graphs carry unused initializers
        };
        _session = new InferenceSession(onnx, options);
    }

    public DetectorModel Kind { get; }

    /// <summary>Side of the square network input in pixels.</summary>
    public int InputSize { get; }

    public static BlazeFaceModel Load(DetectorModel kind, int intraOpThreads) => kind switch
    {
        // Front camera model: 128x128, anchors on strides 8, 16, 16, 16.
        DetectorModel.BlazeFaceShortRange => new(kind, ModelFiles.Read("face_detection_front_128x128_barracuda.onnx"), 128, [8, 16, 16, 16], intraOpThreads),
        // Back camera model: 256x256, the same anchor layout on strides 16, 32, 32, 32.
        DetectorModel.BlazeFace => new(kind, ModelFiles.Read("face_detection_back_256x256_barracuda.onnx"), 256, [16, 32, 32, 32], intraOpThreads),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Searches <paramref name="region"/> of the pyramid's base image (BGR, 8 bits) and appends every anchor scoring
    /// at least <paramref name="minScore"/> to <paramref name="output"/>, in pixels of the base image.
    /// </summary>
    public void Detect(ImagePyramid image, Rect region, float minScore, List<Candidate> output)
    {
        int size = InputSize;
        float[] input = ArrayPool<float>.Shared.Rent(size * size * 3);
        try
        {
            var letterbox = Letterbox.Fill(image, region, size, input);
            using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, size * size * 3), _inputShape);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [InputName], [inputValue], OutputNames);
            var firstGridScores = outputs[0].GetTensorDataAsSpan<float>();
            BlazeFaceDecoder.Decode(firstGridScores, outputs[2].GetTensorDataAsSpan<float>(), _anchors.AsSpan(0, firstGridScores.Length), minScore, letterbox, output);
            BlazeFaceDecoder.Decode(outputs[1].GetTensorDataAsSpan<float>(), outputs[3].GetTensorDataAsSpan<float>(), _anchors.AsSpan(firstGridScores.Length), minScore, letterbox, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    public void Dispose() => _session.Dispose();
}
