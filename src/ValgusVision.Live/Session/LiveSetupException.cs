namespace ValgusVision.Live.Session;

/// <summary>A live session could not start (no camera at that index, no display, an unusable input); the message is one line for the user.</summary>
public sealed class LiveSetupException(string message, Exception? inner = null) : Exception(message, inner);
