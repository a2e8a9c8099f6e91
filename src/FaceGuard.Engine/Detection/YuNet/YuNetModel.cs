using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace FaceGuard.Engine.Detection.YuNet;

/// <summary>
/// YuNet (libfacedetection.train, <c>yunet_n_dynamic.onnx</c>) in ONNX Runtime. The network takes an image at any
/// size, BGR, 0–255, planar (NCHW), each side padded up to a multiple of 32; its three heads (strides 8, 16, 32) are
/// decoded by <see cref="YuNetDecoder"/>. One instance serves all threads: <c>Run</c> is thread-safe and the input
/// buffers come from a pool.
/// </summary>
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
    private readonly BufferPool<InputBuffers> _buffers = new(() => new InputBuffers());

    public YuNetModel(byte[] onnx, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(onnx, options);
    }

    public static int Aligned(int length) => (length + Alignment - 1) / Alignment * Alignment;

    /// <summary>
    /// Searches <paramref name="region"/> (BGR, 8 bits) resampled by <paramref name="scale"/> and appends every face
    /// scoring at least <paramref name="minScore"/>, in pixels of the unscaled region moved by the region's origin.
    /// </summary>
    public void Detect(Mat region, float scale, float minScore, int originX, int originY, List<Candidate> output)
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

    public void Dispose() => _session.Dispose();

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
