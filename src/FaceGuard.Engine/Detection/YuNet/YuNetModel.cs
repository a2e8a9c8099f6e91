using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FaceGuard.Engine.Detection.YuNet;

/// <summary>
/// YuNet (libfacedetection.train, <c>yunet_n_dynamic.onnx</c>) in ONNX Runtime. The network takes an image at any
/// size, BGR, 0–255, planar (NCHW), each side padded up to a multiple of 32; its three heads (strides 8, 16, 32) are
/// decoded by <see cref="YuNetDecoder"/>. One instance serves all threads.
/// </summary>
/// <remarks>
/// A run spreads over <see cref="Threads"/> cores (ONNX Runtime's intra-op threads), and only as many runs go at once
/// as the cores allow. Memory is why: a run's activations take ~50 bytes per input pixel (33 MB for a 1024x608 tile),
/// so two single-threaded runs side by side cost twice that for no more speed than one run on two threads (measured:
/// 8.8 ms for a 1024x608 tile on two threads, 16 ms on one; two concurrent runs slow each other down by sharing memory
/// bandwidth). ONNX Runtime's memory pattern is off: it kept a second copy per input shape for no measurable speed.
/// </remarks>
internal sealed class YuNetModel : IDisposable
{
    public const string FileName = "yunet_n_dynamic.onnx";

    /// <summary>Both sides of the input must be multiples of the coarsest stride.</summary>
    public const int Alignment = 32;

    private const string InputName = "input";
    private static readonly int[] Strides = [8, 16, 32];
    private static readonly string[] OutputNames =
    [
        "cls_8", "cls_16", "cls_32", "obj_8", "obj_16", "obj_32",
        "bbox_8", "bbox_16", "bbox_32", "kps_8", "kps_16", "kps_32",
    ];

    private readonly InferenceSession _session;
    private readonly SemaphoreSlim _runs;
    private readonly BufferPool<InputBuffers> _buffers = new(() => new InputBuffers());

    public YuNetModel(byte[] onnx, int threads)
    {
        Threads = threads;
        _runs = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount / threads));
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // The NCHWc layout transforms of ENABLE_ALL halve the time against EXTENDED (measured 85 vs 172 ms at 1080p).
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableMemoryPattern = false,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(onnx, options);
    }

    /// <summary>Cores one run uses.</summary>
    public int Threads { get; }

    public static int Aligned(int length) => (length + Alignment - 1) / Alignment * Alignment;

    /// <summary>
    /// Searches <paramref name="region"/> (BGR, 8 bits) resampled by <paramref name="scale"/> and appends every face
    /// scoring at least <paramref name="minScore"/>, in pixels of the unscaled region moved by the region's origin.
    /// </summary>
    public void Detect(Mat region, float scale, float minScore, int originX, int originY, List<Candidate> output)
    {
        // Waiting before the buffers are filled keeps one set of them per run rather than per waiting photo.
        _runs.Wait();
        try
        {
            Run(region, scale, minScore, originX, originY, output);
        }
        finally
        {
            _runs.Release();
        }
    }

    private void Run(Mat region, float scale, float minScore, int originX, int originY, List<Candidate> output)
    {
        using var lease = _buffers.Rent();
        var buffers = lease.Item;
        using var scaled = scale == 1f ? null : buffers.Resize(region, scale);
        var input = scaled ?? region;

        int height = Aligned(input.Height), width = Aligned(input.Width);
        var tensor = buffers.Fill(input, height, width);
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor, [1, 3, height, width]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [InputName], [inputValue], OutputNames);
        for (int s = 0; s < Strides.Length; s++)
        {
            YuNetDecoder.Decode(
                outputs[s].GetTensorDataAsSpan<float>(), outputs[3 + s].GetTensorDataAsSpan<float>(),
                outputs[6 + s].GetTensorDataAsSpan<float>(), outputs[9 + s].GetTensorDataAsSpan<float>(),
                Strides[s], width / Strides[s], minScore, 1f / scale, originX, originY, output);
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runs.Dispose();
    }

    /// <summary>
    /// The planar float input, an 8-bit channel and a resampled copy, kept for the life of the process and grown only
    /// when a larger tile arrives: fresh pages cost up to ~20 µs per 4 KB on these machines, which made building a
    /// 1080p input 70–150 ms with new buffers and 2–5 ms with reused ones.
    /// </summary>
    private sealed class InputBuffers
    {
        private float[] _tensor = [];
        private byte[] _channel = [];
        private byte[] _resized = [];

        /// <summary>The region resampled by <paramref name="scale"/> into the pooled buffer; dispose the header only.</summary>
        public unsafe Mat Resize(Mat region, float scale)
        {
            var size = new Size(Math.Max(1, (int)Math.Round(region.Width * scale)), Math.Max(1, (int)Math.Round(region.Height * scale)));
            Grow(ref _resized, size.Width * size.Height * 3);
            Mat resized;
            fixed (byte* pixels = _resized) resized = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, (IntPtr)pixels);
            // Area averaging when shrinking keeps small faces' features; bilinear when enlarging (measured no worse than cubic).
            Cv2.Resize(region, resized, size, 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
            return resized;
        }

        public unsafe Memory<float> Fill(Mat image, int height, int width)
        {
            int plane = height * width;
            Grow(ref _tensor, 3 * plane);
            Grow(ref _channel, image.Width * image.Height);

            var imageArea = new Rect(0, 0, image.Width, image.Height);
            fixed (float* tensor = _tensor)
            fixed (byte* channelBytes = _channel)
            {
                using var channel = Mat.FromPixelData(image.Height, image.Width, MatType.CV_8UC1, (IntPtr)channelBytes);
                for (int c = 0; c < 3; c++)
                {
                    using var planeMat = Mat.FromPixelData(height, width, MatType.CV_32FC1, (IntPtr)(tensor + c * plane));
                    Cv2.ExtractChannel(image, channel, c);
                    using (var pixels = new Mat(planeMat, imageArea)) channel.ConvertTo(pixels, MatType.CV_32F);
                    // The padding must be zero, whatever a larger tile left there before.
                    if (width > image.Width)
                        using (var right = new Mat(planeMat, new Rect(image.Width, 0, width - image.Width, image.Height))) right.SetTo(Scalar.All(0));
                    if (height > image.Height)
                        using (var bottom = new Mat(planeMat, new Rect(0, image.Height, width, height - image.Height))) bottom.SetTo(Scalar.All(0));
                }
            }
            return _tensor.AsMemory(0, 3 * plane);
        }

        // Arrays on the pinned heap: their addresses stay valid for OpenCV and ONNX Runtime without pinning per call.
        private static void Grow<T>(ref T[] buffer, int length)
        {
            if (buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(length, pinned: true);
        }
    }
}
