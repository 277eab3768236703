namespace ValgusVision.Domain.Refinement;

/// <summary>Finds where a limb's silhouette ends along a line: the first zero crossing of the mask's logit.</summary>
public static class LimbEdge
{
    /// <summary>Halvings of the last step before interpolating: the edge to 1/16 of a step, then linear.</summary>
    private const int Bisections = 4;

    /// <summary>
    /// Walks from (x, y), which must be inside the mask, along the unit direction (dx, dy) in steps of
    /// <paramref name="stepPx"/> until the logit is no longer positive, and returns the distance to the sub-pixel
    /// zero crossing (bisection on the bilinear logit, then linear interpolation between the bracketing values).
    /// NaN when the start is not inside, the mask's area ends first, or no edge comes within <paramref name="maxDistancePx"/>.
    /// </summary>
    public static float Distance(in MaskSampler mask, float x, float y, float dx, float dy, float stepPx, float maxDistancePx)
    {
        if (!(stepPx > 0) || !mask.TrySample(x, y, out float inside) || !(inside > 0))
        {
            return float.NaN;
        }

        float near = 0;
        for (float t = stepPx; t <= maxDistancePx + (stepPx * 0.5f); t += stepPx)
        {
            if (!mask.TrySample(x + (dx * t), y + (dy * t), out float value))
            {
                return float.NaN;
            }

            if (value <= 0)
            {
                return Crossing(mask, x, y, dx, dy, near, inside, t, value);
            }

            near = t;
            inside = value;
        }

        return float.NaN;
    }

    private static float Crossing(in MaskSampler mask, float x, float y, float dx, float dy, float near, float nearValue, float far, float farValue)
    {
        for (int i = 0; i < Bisections; i++)
        {
            float mid = (near + far) * 0.5f;
            mask.TrySample(x + (dx * mid), y + (dy * mid), out float value);
            if (value > 0)
            {
                near = mid;
                nearValue = value;
            }
            else
            {
                far = mid;
                farValue = value;
            }
        }

        return near + ((far - near) * nearValue / (nearValue - farValue));
    }
}
