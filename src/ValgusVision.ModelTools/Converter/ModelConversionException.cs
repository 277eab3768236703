namespace ValgusVision.ModelTools.Converter;

/// <summary>
/// The model cannot be converted: an unsupported op, a quantized tensor, or an inconsistent graph. The
/// message starts with the model's name and names the op or tensor. (A file that is not a TFLite model
/// at all is an <see cref="InvalidDataException"/> from the reader instead.)
/// </summary>
public sealed class ModelConversionException : Exception
{
    public ModelConversionException()
    {
    }

    public ModelConversionException(string message)
        : base(message)
    {
    }

    public ModelConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
