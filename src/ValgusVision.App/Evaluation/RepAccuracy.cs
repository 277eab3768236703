using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;

namespace ValgusVision.App.Evaluation;

/// <summary>
/// One true rep against the rep the tool found in it (the one whose bottom frame falls inside the true rep). FPPA and
/// hip shift are read on the truth's stance leg, whatever side the tool chose, so a wrong side shows as an error.
/// </summary>
/// <param name="TruthRep">The true rep's number, 1-based.</param>
/// <param name="Found">The tool found a rep here; when false every measured value is null.</param>
/// <param name="OurSide">The stance leg the tool gave the rep.</param>
/// <param name="BottomFrame">The tool's bottom frame (where FPPA at the bottom is read).</param>
/// <param name="TruthBottomFrame">The middle frame of the true rep's bottom phase.</param>
/// <param name="TruthFppaAtBottomDeg">True FPPA at the tool's bottom frame (at the true bottom when the rep was not found).</param>
/// <param name="FppaAtBottomDeg">The tool's FPPA of the stance knee at its bottom frame.</param>
/// <param name="FppaAtBottom">Error of that one value (count 0 or 1).</param>
/// <param name="FppaDeep">FPPA error over every frame of the true rep deeper than half its true depth.</param>
/// <param name="DeepFramesWithoutFppa">Of those frames, how many the tool left without an FPPA.</param>
/// <param name="HipShiftAtBottom">Hip-shift error at the tool's bottom frame, percentage points of leg length.</param>
/// <param name="HipShiftDeep">Hip-shift error over the deep frames.</param>
/// <param name="MaxOffAxisDeg">The largest body yaw the tool saw in the rep.</param>
/// <param name="ViewWarning">The tool warned that the view is not frontal for this rep.</param>
/// <param name="Joints">Pixel errors of the six joints over the true rep's frames.</param>
public sealed record RepAccuracy(
    int TruthRep,
    bool Found,
    Side? OurSide,
    int? BottomFrame,
    int TruthBottomFrame,
    double TruthFppaAtBottomDeg,
    double? FppaAtBottomDeg,
    ErrorSummary FppaAtBottom,
    ErrorSummary FppaDeep,
    int DeepFramesWithoutFppa,
    ErrorSummary HipShiftAtBottom,
    ErrorSummary HipShiftDeep,
    double? MaxOffAxisDeg,
    bool ViewWarning,
    ImmutableArray<JointAccuracy> Joints);
