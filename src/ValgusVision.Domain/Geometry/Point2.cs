namespace ValgusVision.Domain.Geometry;

/// <summary>A 2D point or vector in double precision (image pixels: x right, y down).</summary>
public readonly record struct Point2(double X, double Y)
{
    public static Point2 operator +(Point2 a, Point2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Point2 operator -(Point2 a, Point2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Point2 operator *(Point2 a, double s) => new(a.X * s, a.Y * s);

    public double Length => Math.Sqrt((X * X) + (Y * Y));

    public static double Dot(Point2 a, Point2 b) => (a.X * b.X) + (a.Y * b.Y);

    /// <summary>z of the 3D cross product: its sign tells on which side of <paramref name="a"/> the vector <paramref name="b"/> lies.</summary>
    public static double Cross(Point2 a, Point2 b) => (a.X * b.Y) - (a.Y * b.X);

    public static double Distance(Point2 a, Point2 b) => (a - b).Length;

    public static Point2 Midpoint(Point2 a, Point2 b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
}
