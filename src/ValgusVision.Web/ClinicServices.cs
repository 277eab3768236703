using ValgusVision.Web.Analysis;
using ValgusVision.Web.Storage;

namespace ValgusVision.Web;

/// <summary>What the page handlers need, in one object so each handler takes one parameter.</summary>
public sealed record ClinicServices(IClinicStore Store, DataFolder Data, AnalysisQueue Queue, ServeOptions Options);
