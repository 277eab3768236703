namespace ValgusVision.Domain.Refinement;

/// <summary>
/// Where and how <see cref="ShankAxisFinder"/> reads the shank's silhouette. Positions and widths are fractions of the
/// model's knee → ankle distance in the image, the shank's own ruler on every frame.
/// </summary>
public sealed record ShankAxisSettings
{
    public static ShankAxisSettings Default { get; } = new();

    /// <summary>
    /// First station below the knee. The calf muscles bulge behind the upper 20–50 % of the shank (gastrocnemius
    /// bellies end near mid-shank), which would pull a centreline fitted there backwards; from 45 % down the shank's
    /// outline is bone, soleus and tendon, close to symmetric about the tibia's axis.
    /// </summary>
    public double From { get; init; } = 0.45;

    /// <summary>
    /// Last station. BlazePose's ankle sits up to 15 px above the true centre on our side-view samples and the shoe's
    /// collar and the foot begin just below the malleoli, so the stations stop short of the model's ankle.
    /// </summary>
    public double To { get; init; } = 0.85;

    /// <summary>Scan lines across the shank: enough to average the mask's cell-sized steps, few enough to stay cheap.</summary>
    public int Stations { get; init; } = 13;

    /// <summary>
    /// At least this many stations must give a clean width, or the axis is unknown. At a deep lunge the far leg's
    /// thigh passes behind the upper stations and merges with them (those are dropped), so fewer than all is normal.
    /// </summary>
    public int MinStations { get; init; } = 5;

    /// <summary>
    /// The clean stations must span at least this fraction of the shank: over a shorter base the middles' sub-pixel
    /// scatter (≈ 0.3 px) tilts the fitted line by more than half a degree.
    /// </summary>
    public double MinSpan { get; init; } = 0.2;

    /// <summary>Narrowest plausible shank (the ankle's breadth ≈ 0.039 H against a shank of 0.246 H: 0.16); 0.08 rejects a broken mask.</summary>
    public double MinWidth { get; init; } = 0.08;

    /// <summary>Widest plausible shank: the calf ≈ 0.3 of the shank's length, loose trousers up to ≈ 0.4; wider is two legs merged.</summary>
    public double MaxWidth { get; init; } = 0.5;

    /// <summary>
    /// Another leg's or a hand's bone line this close to a scan line (fraction of the shank: half a limb's width,
    /// ≈ 0.12, plus the mask's blur) may have merged into the run.
    /// </summary>
    public double ContactGap { get; init; } = 0.2;

    /// <summary>
    /// The middles may scatter about the fitted line by at most this much (RMS, fraction of the shank; ≈ 1.5 px at
    /// 720p). A clean shank's middles lie on a line to a few tenths of a pixel; a hand, a hem or the other leg bends it.
    /// </summary>
    public double MaxResidualFraction { get; init; } = 0.012;

    /// <summary>Scan step in mask cells (as the joint refinement's); edges are then refined by bisection.</summary>
    public double StepCells { get; init; } = 0.5;

    public void Validate()
    {
        if (!(From >= 0 && To <= 1 && From < To))
        {
            throw new ArgumentException($"shank axis stations must lie in 0..1 with From < To, not {From}..{To}");
        }

        if (Stations < 3 || MinStations < 2 || MinStations > Stations)
        {
            throw new ArgumentException($"shank axis needs at least 3 stations and 2..{Stations} clean ones, not {Stations} and {MinStations}");
        }
    }
}
