namespace ValgusVision.Rendering.Overlay;

/// <summary>How worrying a frame's FPPA is; decides the stance leg's colour on screen and in reports.</summary>
public enum FppaBand
{
    /// <summary>FPPA could not be measured (a landmark below the visibility gate, a foreshortened limb).</summary>
    Undefined,

    /// <summary>Below the amber band's start (default 5°), varus included: green.</summary>
    Normal,

    /// <summary>From 5° up to the valgus threshold: amber.</summary>
    Elevated,

    /// <summary>At or above the valgus threshold (default 10°, the event threshold): red.</summary>
    Valgus,
}
