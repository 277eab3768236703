namespace ValgusVision.Web.Storage;

/// <summary>A person screened or trained at the clinic. The name is what the clinician typed: escaped wherever it is shown.</summary>
public sealed record Client(long Id, string Name, string Notes, DateTime CreatedUtc);
