using System.Collections.Immutable;
using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Pose;
using ValgusVision.Rendering.Reports;
using ValgusVision.Video;

namespace ValgusVision.App;

/// <summary>
/// The picture of each rep's bottom frame with its overlay, for the HTML and PDF reports: taken during pass 2 when
/// the drawer reaches that frame. Reps name frames by video frame index; the pass counts positions in the analysed
/// range, so the two are matched here once.
/// </summary>
public sealed class RepSnapshots
{
    private readonly Dictionary<int, int> _repOfPosition = [];
    private readonly Dictionary<int, byte[]> _images = [];

    public RepSnapshots(SessionAnalysis analysis, IReadOnlyList<PoseFrame> poses)
    {
        var positionOfFrame = new Dictionary<int, int>(poses.Count);
        for (int i = 0; i < poses.Count; i++)
        {
            positionOfFrame[poses[i].FrameIndex] = i;
        }

        foreach (var rep in analysis.Reps)
        {
            if (positionOfFrame.TryGetValue(rep.BottomFrame, out int position))
            {
                _repOfPosition.TryAdd(position, rep.Index);
            }
        }

        LastPosition = _repOfPosition.Count == 0 ? -1 : _repOfPosition.Keys.Max();
    }

    /// <summary>The last position that needs a picture (-1 when none): a pass without video can stop after it.</summary>
    public int LastPosition { get; }

    public bool Wants(int position) => _repOfPosition.ContainsKey(position);

    /// <summary>Keeps the frame (already painted) as a JPEG when it is a rep's bottom.</summary>
    public void Offer(VideoFrame frame, int position)
    {
        if (_repOfPosition.TryGetValue(position, out int rep))
        {
            _images[rep] = FrameSnapshot.EncodeJpeg(frame.Pixels.Span, frame.Width, frame.Height, frame.StrideBytes, PixelFormat.Bgr24);
        }
    }

    public ImmutableDictionary<int, byte[]> Images => _images.ToImmutableDictionary();
}
