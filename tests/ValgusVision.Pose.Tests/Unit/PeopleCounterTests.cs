using ValgusVision.Domain.Pose;
using ValgusVision.Pose.Detection;
using ValgusVision.Pose.Tracking;

namespace ValgusVision.Pose.Tests.Unit;

public class PeopleCounterTests
{
    // A candidate in a 1000×1000 frame: hip centre and body size in pixels.
    private static PoseDetection Person(float hipX, float hipY, float bodySize)
    {
        var d = new PoseDetection { Score = 0.9f };
        d.Keypoints[0] = hipX / 1000;
        d.Keypoints[1] = hipY / 1000;
        d.Keypoints[2] = hipX / 1000;
        d.Keypoints[3] = (hipY - bodySize) / 1000;
        return d;
    }

    [Theory]
    [InlineData(1280, 720, 3)]
    [InlineData(640, 480, 2)]
    [InlineData(720, 1280, 3)]
    [InlineData(1000, 1000, 0)]
    [InlineData(1100, 1000, 0)]
    public void Tiles_are_squares_of_the_short_side_overlapping_by_half(int width, int height, int expected)
    {
        var tiles = new RotatedRoi[8];
        int n = PeopleCounter.Tiles(width, height, tiles);

        Assert.Equal(expected, n);
        int shortSide = Math.Min(width, height);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(shortSide, tiles[k].Width);
            Assert.Equal(shortSide, tiles[k].Height);
            Assert.Equal(0f, tiles[k].RotationRadians);
            float along = width >= height ? tiles[k].CenterX : tiles[k].CenterY;
            Assert.InRange(along, shortSide / 2f - 1e-3f, Math.Max(width, height) - shortSide / 2f + 1e-3f);
            if (k > 0)
            {
                float step = along - (width >= height ? tiles[k - 1].CenterX : tiles[k - 1].CenterY);
                Assert.True(step <= shortSide / 2f + 1e-3f, $"tiles {k - 1} and {k} overlap by less than half");
            }
        }

        if (n > 0)
        {
            // The two end tiles touch the frame's ends: nobody is outside every tile.
            Assert.Equal(shortSide / 2f, width >= height ? tiles[0].CenterX : tiles[0].CenterY, 3);
            Assert.Equal(Math.Max(width, height) - shortSide / 2f, width >= height ? tiles[n - 1].CenterX : tiles[n - 1].CenterY, 3);
        }
    }

    [Fact]
    public void The_same_person_seen_in_two_tiles_counts_once_and_two_people_side_by_side_twice()
    {
        var counter = new PeopleCounter();
        counter.Begin();
        counter.Add([Person(480, 430, 210)], 1000, 1000);
        counter.Add([Person(476, 437, 200), Person(748, 412, 220)], 1000, 1000); // the first again, 8 px off; a second 270 px away
        counter.Add([Person(720, 451, 180)], 1000, 1000); // the second again, 45 px off (< half of 220)

        Assert.Equal(2, counter.Count);

        counter.Begin();
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public void A_tile_maps_its_detections_back_to_image_coordinates()
    {
        // A detection at the middle of the right tile (x 560–1280) of a 1280×720 frame is at x = 920 in the image.
        PoseDetection[] d = [Person(500, 500, 100)];
        TileToImage.Apply(d, new RotatedRoi(920, 360, 720, 720, 0), 1280, 720);

        Assert.Equal(920f / 1280, d[0].HipCenterX, 5);
        Assert.Equal(0.5f, d[0].HipCenterY, 5);
        Assert.Equal(72f, PixelDistance.BodySize(d[0], 1280, 720), 2);
    }
}
