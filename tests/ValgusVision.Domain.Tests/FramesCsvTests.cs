using ValgusVision.Domain.Analysis;
using ValgusVision.Domain.Csv;
using ValgusVision.Domain.Pose;
using ValgusVision.Domain.Refinement;

namespace ValgusVision.Domain.Tests;

public class FramesCsvTests
{
    private static List<PoseFrame> NoisySquats()
    {
        // Squats with the knee caving in (events), ±2 px noise, a hidden knee and a frame without a person.
        var frames = new SyntheticSession { NoisePx = 2, Seed = 3 }
            .Build(3, SyntheticSession.Squat(r => r == 1 ? Side.Left : Side.Right, 100, 20, 12));
        frames[40] = PoseFrame.NoPose(frames[40].FrameIndex, frames[40].TimeSeconds, 1000, 1000);
        var hidden = frames[41].Landmarks.ToBuilder();
        hidden[(int)BodyLandmark.RightKnee] = hidden[(int)BodyLandmark.RightKnee] with { Visibility = 0.2f };
        frames[41] = frames[41] with { Landmarks = hidden.ToImmutable() };
        return frames;
    }

    [Fact]
    public void Reanalysing_the_written_csv_equals_the_fresh_analysis()
    {
        var frames = NoisySquats();
        var settings = AnalysisSettings.Default with { HeightCm = 172 };
        var fresh = SessionAnalyzer.Analyze(frames, settings);
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, fresh.Frames);

        var readBack = FramesCsvReader.Read(new StringReader(text.ToString()), "test.csv");
        var again = SessionAnalyzer.Analyze(readBack, settings);

        Assert.True(fresh.Reps.Length >= 3);
        Assert.NotEmpty(fresh.Events);
        AnalysisAssert.Equal(fresh, again);
    }

    [Fact]
    public void Foot_bases_round_trip_and_give_the_same_experimental_foot_collapse()
    {
        // Both ankles centred on every frame; the foot bases 2 px lateral of the ankle while standing, drifting up to
        // 1 px medial at depth (a foot rolling in), 25 px wide.
        var squats = NoisySquats();
        var hips = squats.Where(f => f.HasPose).Select(f => (double)f[BodyLandmark.LeftHip].Y).ToList();
        double top = hips.Min(), bottom = hips.Max();
        var frames = squats.Select(f =>
        {
            if (!f.HasPose)
            {
                return f;
            }

            double depth = (f[BodyLandmark.LeftHip].Y - top) / (bottom - top);
            var refined = new JointRefinement(RefinedJoints.LeftAnkle | RefinedJoints.RightAnkle, RefinedJoints.None, RefinementIssue.None);
            return f with
            {
                Refinement = refined,
                FootBases = new FootBases(
                    new FootBase(f[BodyLandmark.LeftAnkle].X + 2 - (3 * depth), 25),
                    new FootBase(f[BodyLandmark.RightAnkle].X - 2 + (3 * depth), 25)),
            };
        }).ToList();
        var settings = AnalysisSettings.Default;
        var fresh = SessionAnalyzer.Analyze(frames, settings);
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, fresh.Frames);

        var readBack = FramesCsvReader.Read(new StringReader(text.ToString()), "feet.csv");
        var again = SessionAnalyzer.Analyze(readBack, settings);

        Assert.Equal(frames.Select(f => f.FootBases), readBack.Select(f => f.FootBases));
        Assert.Contains(fresh.Frames, m => m.AnkleOverFootBasePct is not null);
        Assert.All(fresh.Reps, r => Assert.True(Math.Abs(r.FootCollapsePct ?? 0) > 5, $"rep {r.Index}: foot collapse {r.FootCollapsePct}"));
        Assert.Equal(fresh.Reps.Select(r => r.FootCollapsePct), again.Reps.Select(r => r.FootCollapsePct));
    }

    [Fact]
    public void What_the_hip_estimator_did_round_trips_and_reaches_the_frame_quality()
    {
        // Moved on even frames, kept on odd ones with a reason that cycles through every reason there is.
        var reasons = Enum.GetValues<HipPointIssue>().Where(i => i != HipPointIssue.None).ToArray();
        var frames = NoisySquats().Select((f, n) => !f.HasPose ? f : f with
        {
            Hips = n % 2 == 0 ? HipPlacement.Placed : HipPlacement.KeptBecause(reasons[n / 2 % reasons.Length]),
        }).ToList();
        var fresh = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default);
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, fresh.Frames);

        var readBack = FramesCsvReader.Read(new StringReader(text.ToString()), "hips.csv");

        Assert.Equal(frames.Select(f => f.Hips), readBack.Select(f => f.Hips));
        Assert.Equal(frames.Select(f => f.Hips), fresh.Frames.Select(m => m.Quality.Hips));
        Assert.Contains(readBack, f => f.Hips.Kept);
        Assert.DoesNotContain(readBack, f => !f.HasPose && f.Hips.Asked);
    }

    [Fact]
    public void A_file_without_the_hip_columns_reads_as_no_estimator_and_a_bad_reason_is_named()
    {
        var frames = NoisySquats();
        var fresh = SessionAnalyzer.Analyze(frames, AnalysisSettings.Default);
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, fresh.Frames);
        string[] lines = text.ToString().Split('\n');
        int moved = Array.IndexOf(lines[0].Split(','), FramesCsvColumns.HipsMoved);
        string Without(string line) => string.Join(',', line.Split(',').Where((_, c) => c != moved && c != moved + 1));
        string old = string.Join('\n', lines.Select(l => l.Length == 0 ? l : Without(l)));

        Assert.All(FramesCsvReader.Read(new StringReader(old), "old.csv"), f => Assert.Equal(default, f.Hips));

        string bad = string.Join('\n', lines.Select((l, n) => n != 1 || l.Length == 0 ? l : string.Join(',', l.Split(',').Select((c, k) => k == moved ? "0" : k == moved + 1 ? "too-tall" : c))));
        var e = Assert.Throws<InvalidDataException>(() => FramesCsvReader.Read(new StringReader(bad), "bad.csv"));
        Assert.Contains("column hips_kept: 'too-tall' is not a reason the hips were kept", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silhouette_lines_round_trip_so_a_reanalysed_lunge_equals_the_fresh_one()
    {
        var body = new Ankle.SyntheticLunge { LandmarkBiasDeg = 5, Silhouette = true, CentreHiddenFromDeg = 25 };
        var frames = Ankle.SyntheticLunge.Session(body, [31.3, 33.7]);
        var settings = AnalysisSettings.Default with { Exercise = Exercise.AnkleLunge };
        var fresh = SessionAnalyzer.Analyze(frames, settings);
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, fresh.Frames, fresh.Ankle);

        var readBack = FramesCsvReader.Read(new StringReader(text.ToString()), "lunge.csv");
        var again = SessionAnalyzer.Analyze(readBack, settings);

        Assert.Equal(frames.Select(f => f.ShankAxes), readBack.Select(f => f.ShankAxes));
        Assert.Contains(readBack, f => f.ShankAxes.Left.CentreDeg is null && f.ShankAxes.Left.ShinDeg is not null);
        Assert.Equal(
            fresh.Ankle!.AllAttempts.Select(a => a.InclinationDeg),
            again.Ankle!.AllAttempts.Select(a => a.InclinationDeg));
        Assert.Equal(33.7, again.Ankle.Left!.BestInclinationDeg!.Value, 4);

        // The lunge's own columns: front leg, levelled angle, heel lift, attempt — at the second attempt's peak.
        var header = text.ToString().Split('\n')[0].Split(',');
        var peak = fresh.Ankle.Left!.Attempts[1].PeakFrame;
        var row = text.ToString().Split('\n')[peak + 1].Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal("left", Cell("lunge_side"));
        Assert.Equal(33.7, double.Parse(Cell("tibial_inclination_deg"), System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal("0", Cell("heel_lifted"));
        Assert.Equal("2", Cell("lunge_attempt"));
    }

    [Fact]
    public void Csv_carries_the_contract_columns()
    {
        var frames = NoisySquats();
        var text = new StringWriter();
        FramesCsvWriter.Write(text, frames, SessionAnalyzer.Analyze(frames, AnalysisSettings.Default).Frames);
        var header = text.ToString().Split('\n')[0].Split(',');
        foreach (var column in new[]
        {
            "frame", "time_s", "left_shank_axis_deg", "left_shin_deg", "right_shank_axis_deg", "right_shin_deg", "left_hip_x", "left_hip_y", "left_hip_visibility", "right_foot_index_world_z", "left_shoulder_world_x",
            "left_fppa_deg", "right_fppa_deg", "hip_shift_pct", "pelvic_drop_deg", "trunk_lean_deg", "depth_pct", "stance", "rep", "event",
        })
        {
            Assert.Contains(column, header);
        }

        var rows = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(frames.Count + 1, rows.Length);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Split(',').Length));
        Assert.DoesNotContain("NaN", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_accepts_any_column_order_and_missing_joints()
    {
        const string csv = "time_s,frame,right_hip_y,right_hip_x,right_hip_visibility\n0.5,7,400,450,0.9\n0.6,8,,,\n";
        var frames = FramesCsvReader.Read(new StringReader(csv), "small.csv");
        Assert.Equal(2, frames.Count);
        Assert.Equal(7, frames[0].FrameIndex);
        Assert.Equal(0.5, frames[0].TimeSeconds);
        Assert.Equal(new Landmark(450, 400, 0, 0.9f, 0), frames[0][BodyLandmark.RightHip]);
        Assert.Equal(0f, frames[0][BodyLandmark.LeftHip].Visibility);
        Assert.False(frames[1].HasPose);
    }

    [Fact]
    public void Reader_errors_name_the_file_line_and_column()
    {
        var missing = Assert.Throws<InvalidDataException>(() => FramesCsvReader.Read(new StringReader("frame,x\n1,2\n"), "a.csv"));
        Assert.Contains("a.csv", missing.Message, StringComparison.Ordinal);
        Assert.Contains("time_s", missing.Message, StringComparison.Ordinal);

        var bad = Assert.Throws<InvalidDataException>(() => FramesCsvReader.Read(new StringReader("frame,time_s,left_knee_x,left_knee_y\n1,0.1,abc,3\n"), "b.csv"));
        Assert.Equal("b.csv line 2, column left_knee_x: 'abc' is not a number", bad.Message);
    }
}
