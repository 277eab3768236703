using System.Text.Json;
using ValgusVision.Domain.Pose;

namespace ValgusVision.Pose.Tests.Real;

/// <summary>One annotated person: hips, knees and ankles as BlazePose indices → truth pixels, and the torso size.</summary>
internal sealed record AnnotatedPerson(string Image, Dictionary<BodyLandmark, (float X, float Y)> Joints, float TorsoPixels)
{
    public static readonly BodyLandmark[] LegJoints =
    [
        BodyLandmark.LeftHip, BodyLandmark.RightHip, BodyLandmark.LeftKnee,
        BodyLandmark.RightKnee, BodyLandmark.LeftAnkle, BodyLandmark.RightAnkle,
    ];

    public (float X, float Y) HipCentre => Mid(Joints[BodyLandmark.LeftHip], Joints[BodyLandmark.RightHip]);

    public static (float X, float Y) Mid((float X, float Y) a, (float X, float Y) b) => ((a.X + b.X) / 2, (a.Y + b.Y) / 2);

    public static float Distance((float X, float Y) a, (float X, float Y) b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

/// <summary>Reads the truth files of tests/data/mmpose (its MANIFEST.md gives each file's keypoint order).</summary>
internal static class Annotations
{
    /// <summary>Human3.6M (h36m_coco.json): pelvis, R hip, R knee, R ankle, L hip, L knee, L ankle, …, L shoulder 11, R shoulder 14.</summary>
    public static List<AnnotatedPerson> H36m()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TestFiles.TestData("images/h36m/h36m_coco.json")));
        var files = doc.RootElement.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32(), i => i.GetProperty("file_name").GetString()!);
        var people = new List<AnnotatedPerson>();
        foreach (JsonElement a in doc.RootElement.GetProperty("annotations").EnumerateArray())
        {
            float[] k = a.GetProperty("keypoints").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            (float, float) P(int i) => (k[3 * i], k[3 * i + 1]);
            var joints = new Dictionary<BodyLandmark, (float, float)>
            {
                [BodyLandmark.RightHip] = P(1), [BodyLandmark.RightKnee] = P(2), [BodyLandmark.RightAnkle] = P(3),
                [BodyLandmark.LeftHip] = P(4), [BodyLandmark.LeftKnee] = P(5), [BodyLandmark.LeftAnkle] = P(6),
            };
            people.Add(new AnnotatedPerson("images/h36m/" + files[a.GetProperty("image_id").GetInt32()], joints, Torso(P(11), P(14), P(4), P(1))));
        }

        return people;
    }

    /// <summary>COCO (test_coco.json), only images with exactly one annotated person: L/R shoulders 5/6, hips 11/12, knees 13/14, ankles 15/16.</summary>
    public static List<AnnotatedPerson> CocoSinglePerson()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TestFiles.TestData("images/coco/test_coco.json")));
        var files = doc.RootElement.GetProperty("images").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt32(), i => i.GetProperty("file_name").GetString()!);
        var byImage = doc.RootElement.GetProperty("annotations").EnumerateArray().GroupBy(a => a.GetProperty("image_id").GetInt32());
        var people = new List<AnnotatedPerson>();
        foreach (var group in byImage.Where(g => g.Count() == 1))
        {
            float[] k = group.First().GetProperty("keypoints").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            (float, float) P(int i) => (k[3 * i], k[3 * i + 1]);
            var joints = new Dictionary<BodyLandmark, (float, float)>
            {
                [BodyLandmark.LeftHip] = P(11), [BodyLandmark.RightHip] = P(12), [BodyLandmark.LeftKnee] = P(13),
                [BodyLandmark.RightKnee] = P(14), [BodyLandmark.LeftAnkle] = P(15), [BodyLandmark.RightAnkle] = P(16),
            };
            people.Add(new AnnotatedPerson("images/coco/" + files[group.Key], joints, Torso(P(5), P(6), P(11), P(12))));
        }

        return people;
    }

    /// <summary>MPII (test_mpii.json): R ankle 0, R knee 1, R hip 2, L hip 3, L knee 4, L ankle 5, R shoulder 12, L shoulder 13.</summary>
    public static List<AnnotatedPerson> Mpii()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TestFiles.TestData("images/mpii/test_mpii.json")));
        var people = new List<AnnotatedPerson>();
        foreach (JsonElement a in doc.RootElement.EnumerateArray())
        {
            var j = a.GetProperty("joints").EnumerateArray().Select(p => (p[0].GetSingle(), p[1].GetSingle())).ToArray();
            var joints = new Dictionary<BodyLandmark, (float, float)>
            {
                [BodyLandmark.RightAnkle] = j[0], [BodyLandmark.RightKnee] = j[1], [BodyLandmark.RightHip] = j[2],
                [BodyLandmark.LeftHip] = j[3], [BodyLandmark.LeftKnee] = j[4], [BodyLandmark.LeftAnkle] = j[5],
            };
            people.Add(new AnnotatedPerson("images/mpii/" + a.GetProperty("image").GetString(), joints, Torso(j[13], j[12], j[3], j[2])));
        }

        return people;
    }

    /// <summary>Torso size: mid-shoulder to mid-hip distance in pixels.</summary>
    private static float Torso((float, float) leftShoulder, (float, float) rightShoulder, (float, float) leftHip, (float, float) rightHip) =>
        AnnotatedPerson.Distance(AnnotatedPerson.Mid(leftShoulder, rightShoulder), AnnotatedPerson.Mid(leftHip, rightHip));
}
