using OpenCvSharp;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Live.Session;

/// <summary>The loop's window: keys (space, L/R, M, H, Q/Esc) and noticing that the window was closed.</summary>
internal sealed partial class LiveLoop
{
    private LiveEndReason? PumpWindow()
    {
        int key = Cv2.WaitKey(1);
        // Without a window manager (Xvfb) GTK reports the window invisible until it is mapped, a few frames in:
        // only a window that was visible and no longer is (or no longer exists, −1) has been closed.
        double visible = Cv2.GetWindowProperty(WindowName, WindowPropertyFlags.Visible);
        if (visible >= 1)
        {
            _windowSeen = true;
        }
        else if (_windowSeen)
        {
            return LiveEndReason.WindowClosed;
        }

        if (key < 0)
        {
            return null;
        }

        double t = Analyzer.Frames.Count > 0 ? Analyzer.Frames[^1].TimeSeconds : 0;
        switch (char.ToLowerInvariant((char)(key & 0xFF)))
        {
            case 'q':
            case (char)27:
                return LiveEndReason.Quit;
            case ' ':
                ToggleSet(t);
                break;
            case 'l':
                _userStance = Side.Left;
                break;
            case 'r':
                _userStance = Side.Right;
                break;
            case 'm':
                _mirror = !_mirror;
                break;
            case 'h':
                _help = !_help;
                break;
        }

        return null;
    }
}
