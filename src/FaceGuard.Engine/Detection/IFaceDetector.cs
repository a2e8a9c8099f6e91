using OpenCvSharp;

namespace FaceGuard.Engine.Detection;

/// <summary>A detector family: finds faces in a decoded image (BGR, 8 bits), in pixels of that image.</summary>
internal interface IFaceDetector
{
    /// <param name="threads">Cores this one image may use.</param>
    List<Candidate> Detect(Mat image, DetectionOptions options, int threads);
}
