using ValgusVision.Domain.Geometry;

namespace ValgusVision.Domain.Truth;

/// <summary>
/// One leg's exact joint centres in one frame of a rendered sample (samples/README.md): image pixels, x right, y down,
/// the top-left corner of the image at (0, 0); <see cref="FppaDeg"/> from those centres as docs/metrics.md defines it.
/// </summary>
public sealed record TruthLeg(Point2 Hip, Point2 Knee, Point2 Ankle, Point2 Heel, Point2 Toe, double FppaDeg);
