using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

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
    private const float ScoreClip = 100f;

    private readonly InferenceSession _session;
    private readonly Anchor[] _anchors;
    private readonly long[] _inputShape;

    private BlazeFaceModel(ModelKind kind, byte[] onnx, int inputSize, int[] strides, int intraOpThreads)
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

    public ModelKind Kind { get; }

    /// <summary>Side of the square network input in pixels.</summary>
    public int InputSize { get; }

    public static BlazeFaceModel Load(ModelKind kind, int intraOpThreads) => kind switch
    {
        // Front camera model: 128x128, anchors on strides 8, 16, 16, 16.
        ModelKind.ShortRange => new(kind, ModelFiles.Read("face_detection_front_128x128_barracuda.onnx"), 128, [8, 16, 16, 16], intraOpThreads),
        // Back camera model: 256x256, the same anchor layout on strides 16, 32, 32, 32.
        ModelKind.LongRange => new(kind, ModelFiles.Read("face_detection_back_256x256_barracuda.onnx"), 256, [16, 32, 32, 32], intraOpThreads),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Searches <paramref name="region"/> of <paramref name="image"/> (BGR, 8 bits) and appends every anchor scoring
    /// at least <paramref name="minScore"/> to <paramref name="output"/>, in pixel coordinates of <paramref name="image"/>.
    /// </summary>
    public void Detect(Mat image, Rect region, float minScore, List<Candidate> output)
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
            Decode(firstGridScores, outputs[2].GetTensorDataAsSpan<float>(), 0, minScore, letterbox, output);
            Decode(outputs[1].GetTensorDataAsSpan<float>(), outputs[3].GetTensorDataAsSpan<float>(), firstGridScores.Length, minScore, letterbox, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    private void Decode(ReadOnlySpan<float> scores, ReadOnlySpan<float> boxes, int firstAnchor, float minScore, Letterbox letterbox, List<Candidate> output)
    {
        // Compare raw logits with the threshold's logit: one log per call instead of one exp per anchor.
        float minLogit = MathF.Log(minScore / (1 - minScore));
        float inputSize = InputSize;
        for (int i = 0; i < scores.Length; i++)
        {
            float logit = Math.Clamp(scores[i], -ScoreClip, ScoreClip);
            if (logit < minLogit) continue;

            var anchor = _anchors[firstAnchor + i];
            var raw = boxes.Slice(i * Candidate.GeometryLength, Candidate.GeometryLength);
            float centerX = raw[0] / inputSize + anchor.CenterX;
            float centerY = raw[1] / inputSize + anchor.CenterY;
            float width = raw[2] / inputSize;
            float height = raw[3] / inputSize;

            var geometry = new float[Candidate.GeometryLength];
            (geometry[0], geometry[1]) = letterbox.ToImage(centerX - width / 2, centerY - height / 2);
            geometry[2] = letterbox.ToImageLength(width);
            geometry[3] = letterbox.ToImageLength(height);
            for (int k = 0; k < Candidate.KeypointCount; k++)
            {
                int at = 4 + 2 * k;
                (geometry[at], geometry[at + 1]) = letterbox.ToImage(raw[at] / inputSize + anchor.CenterX, raw[at + 1] / inputSize + anchor.CenterY);
            }
            output.Add(new Candidate(1f / (1f + MathF.Exp(-logit)), geometry));
        }
    }

    public void Dispose() => _session.Dispose();
}
